// `npm start`: build the bundles, publish policies/ with the trust-center command as a company would,
// serve the demo hosts on that output with the reference receiver at /api/, and print the URL.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createReceiver } from '../packages/cli/server/receiver.mjs';
import { serve } from './serve.mjs';
import { buildUnlessFresh } from './build-stamp.mjs';

/**
 * Serves the repository at `root` with the site published into `site` and the receiver at /api/. The
 * receiver keeps its reports in a new folder under the OS temp dir, outside everything served.
 */
export async function serveDemo({ root, site, port }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'trust-center-reports-'));
  // A token for this run only: the demo's inbox is never open without one.
  const inboxToken = randomBytes(24).toString('base64url');
  const served = await serve({
    root,
    port,
    routes: { '/api/': createReceiver({ dataDir, inboxToken }) },
    // What `trust-center build` publishes, at the paths a company would deploy it to (scripts, chunks and the
    // copied policies under /trust/assets/); /policies/ too, where the demo pages have always read the manifest.
    mounts: {
      '/policies/': `${site}/trust/assets/policies`,
      '/trust/': `${site}/trust`,
      '/.well-known/': `${site}/.well-known`,
      '/updates.xml': `${site}/updates.xml`,
    },
  });
  return { ...served, dataDir, inboxToken };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const run = (cmd, args) => {
    const result = spawnSync(cmd, args, { stdio: 'inherit', cwd: root });
    if (result.status !== 0) process.exit(result.status ?? 1);
  };

  // Progress instead of a minute and more of silence: each step, then rollup's line per bundle as it is written.
  const started = Date.now();
  const step = (n, what) => console.log(`\n[${n}/3] ${what} (${Math.round((Date.now() - started) / 1000)} s so far)`);
  // The whole build (bundles, notices, types, custom-elements.json), and only when the sources changed: a
  // rollup-only build used to leave dist/ without what `npm test`'s package tests check.
  step(1, 'Building the bundles, unless dist/ is up to date with the sources: about a minute when it is not');
  const status = buildUnlessFresh({ dir: root, log: (line) => console.log(line) });
  if (status !== 0) process.exit(status);
  step(2, 'Starting the demo server and the report receiver');
  const { url, dataDir, inboxToken } = await serveDemo({ root, site: `${root}/site`, port: Number(process.env.PORT ?? 8000) });
  step(3, 'Publishing policies/ with trust-center build');
  run('node', ['packages/cli/bin/trust-center.mjs', 'build', 'policies', '--out', 'site', '--site', url]);

  console.log(`\nTrust center demo: ${url}/demo/`);
  console.log(`Static pages (no JavaScript needed): ${url}/trust/  ·  security.txt: ${url}/.well-known/security.txt`);
  console.log(`Reports sent from the demo are stored in ${dataDir}/receiver.sqlite (not served).`);
  console.log(`Reports inbox: ${url}/api/inbox/ (token ${inboxToken})  ·  npx trust-center reports list --db ${dataDir}/receiver.sqlite`);
  console.log('Press Ctrl+C to stop.');
}
