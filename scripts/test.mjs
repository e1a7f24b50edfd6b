// `npm test`: check the browsers are there (one line each if not), type-check, build, run every suite in
// Chromium, Firefox and WebKit (TC_BROWSERS picks engines), and close with one "N passed, N failed" line.
// For WebKit it starts Xvfb and WebKitWebDriver itself (free display and port) and stops both afterwards,
// also on failure, Ctrl-C or SIGTERM.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { missingBrowsers, startWebKitDriver, wantedBrowsers } from './browsers.mjs';

let browsers;
try {
  browsers = wantedBrowsers();
} catch (error) {
  console.error(error.message);
  process.exit(2);
}
const missing = missingBrowsers(browsers);
if (missing.length) {
  for (const line of missing) console.error(line);
  process.exit(1);
}

/** Children still running, ended on the way out. */
const running = new Set();
let webkit;
function cleanUp() {
  for (const child of running) child.kill('SIGTERM');
  webkit?.stop();
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the browsers and servers`);
    cleanUp();
    process.exit(130);
  });
}
process.on('exit', cleanUp);

function run(cmd, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    running.add(child);
    child.on('error', (error) => {
      console.error(`${cmd}: ${error.message}`);
      running.delete(child);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      running.delete(child);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

const started = Date.now();
if ((await run('npx', ['tsc', '-p', 'tsconfig.test.json'])) !== 0) process.exit(1);
if ((await run('npx', ['rollup', '-c', '--silent'])) !== 0) process.exit(1);
// What the package ships besides the bundles: the licence notices, the declarations, the Custom Elements
// Manifest and the editor data made from it, which test/package/ checks.
// The stamp lets a following `npm pack` skip the rebuild (scripts/build-stamp.mjs).
for (const step of [['node', ['scripts/third-party-notices.mjs']], ['npm', ['run', '--silent', 'types']], ['npm', ['run', '--silent', 'analyze']], ['node', ['scripts/build-stamp.mjs', 'write']]]) {
  if ((await run(...step)) !== 0) process.exit(1);
}
// The static pages of the sample, which test/static-site.test.ts loads as a visitor would.
const site = ['packages/cli/bin/trust-center.mjs', 'build', 'policies', '--out', '.test-site', '--site', 'http://127.0.0.1:8000'];
if ((await run('node', site)) !== 0) process.exit(1);

// Node suites (the receiver, the CLI and the package) run against the fresh build.
const nodeStatus = await run('node', ['--test', '--test-reporter=spec', 'packages/cli/server/', 'test/cli/', 'test/package/']);

const env = { TC_BROWSERS: browsers.join(',') };
if (browsers.includes('webkit')) {
  try {
    webkit = await startWebKitDriver({ log: (line) => console.log(line) });
  } catch (error) {
    console.error(`WebKit could not start: ${error.message}`);
    process.exit(1);
  }
  env.TC_WEBKIT_DRIVER_PORT = String(webkit.port);
  env.TC_WEBKIT_DISPLAY = webkit.display;
}

const summaryFile = join(tmpdir(), `tc-summary-${process.pid}.json`);
const status = await run('npx', ['web-test-runner', ...process.argv.slice(2)], { ...env, TC_SUMMARY_FILE: summaryFile });
webkit?.stop();
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
if (existsSync(summaryFile)) {
  const totals = JSON.parse(readFileSync(summaryFile, 'utf8'));
  rmSync(summaryFile);
  const failed = totals.failed + totals.brokenFiles;
  console.log(`\nbrowser tests (${browsers.join(', ')}; ${minutes} min in all):`);
  for (const [name, t] of Object.entries(totals.perBrowser ?? {})) {
    console.log(`  ${name}: ${t.passed} passed, ${t.failed + t.brokenFiles} failed${t.skipped ? `, ${t.skipped} skipped` : ''}`);
  }
  // Named again at the very end, where a CI log's tail shows them.
  if (totals.failures?.length) {
    console.log('failed:');
    for (const line of totals.failures.slice(0, 20)) console.log(`  ${line}`);
    if (totals.failures.length > 20) console.log(`  … and ${totals.failures.length - 20} more (see above)`);
  }
  console.log(`${totals.passed} passed, ${failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
  if (nodeStatus !== 0) console.error('node tests (packages/cli/server/, test/cli/, test/package/) failed: see above');
  if (failed > 0 || totals.passed === 0) process.exit(1);
}
if (nodeStatus !== 0) console.error('node tests (packages/cli/server/, test/cli/, test/package/) failed: see above');
process.exit(status || nodeStatus);
