// `npm start`: build the bundles, publish policies/ with the trust-center command as a company would,
// serve the demo hosts on that output with the reference receiver at /api/, and print the URL.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createReceiver } from '../server/receiver.mjs';
import { serve } from './serve.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (cmd, args) => {
  const result = spawnSync(cmd, args, { stdio: 'inherit', cwd: root });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run('npx', ['rollup', '-c', '--silent']);

const receiver = createReceiver({ dataDir: `${root}/.receiver-data` });
const { url } = await serve({
  root,
  port: Number(process.env.PORT ?? 8000),
  routes: { '/api/': receiver },
  // What `trust-center build` publishes, at the paths a company would deploy it to.
  mounts: {
    '/policies/': `${root}/site/policies`,
    '/trust/': `${root}/site/trust`,
    '/.well-known/': `${root}/site/.well-known`,
    '/chunks/': `${root}/site/chunks`,
    '/updates.xml': `${root}/site/updates.xml`,
    '/trust-center.js': `${root}/site/trust-center.js`,
  },
});
run('node', ['cli/trust-center.mjs', 'build', 'policies', '--out', 'site', '--site', url]);

console.log(`\nTrust center demo: ${url}/demo/`);
console.log(`Static pages (no JavaScript needed): ${url}/trust/  ·  security.txt: ${url}/.well-known/security.txt`);
console.log('Reports sent from the demo are stored in .receiver-data/. Press Ctrl+C to stop.');
