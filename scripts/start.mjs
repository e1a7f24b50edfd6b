// `npm start`: build the bundles, serve the demo on localhost and print its URL.
import { spawnSync } from 'node:child_process';
import { serve } from './serve.mjs';

const build = spawnSync('npx', ['rollup', '-c', '--silent'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const { url } = await serve({ root: new URL('..', import.meta.url).pathname, port: Number(process.env.PORT ?? 8000) });
console.log(`Trust center demo: ${url}/demo/`);
console.log('Press Ctrl+C to stop.');
