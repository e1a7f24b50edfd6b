// `npm test`: check the browsers are there (one line if not), type-check, build, run every suite,
// and close with one "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { missingBrowsers } from './browsers.mjs';

const browsers = (process.env.TC_BROWSERS ?? 'chromium,firefox').split(',');
const missing = missingBrowsers(browsers);
if (missing.length) {
  for (const line of missing) console.error(line);
  process.exit(1);
}

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

if (run('npx', ['tsc', '-p', 'tsconfig.test.json']) !== 0) process.exit(1);
if (run('npx', ['rollup', '-c', '--silent']) !== 0) process.exit(1);

// Node suites (the receiver and the CLI) run against the fresh build.
const nodeStatus = run('node', ['--test', '--test-reporter=spec', 'server/', 'test/cli/']);

const summaryFile = join(tmpdir(), `tc-summary-${process.pid}.json`);
const status = run('npx', ['web-test-runner', ...process.argv.slice(2)], { TC_SUMMARY_FILE: summaryFile });
if (existsSync(summaryFile)) {
  const totals = JSON.parse(readFileSync(summaryFile, 'utf8'));
  rmSync(summaryFile);
  const failed = totals.failed + totals.brokenFiles;
  console.log(`\nbrowser tests (${browsers.join(', ')}):`);
  console.log(`${totals.passed} passed, ${failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
  if (failed > 0 || totals.passed === 0) process.exit(1);
}
if (nodeStatus !== 0) console.error('node tests (server/, test/cli/) failed: see above');
process.exit(status || nodeStatus);
