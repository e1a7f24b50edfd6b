// `npm run bench` refuses options it cannot honour before it builds or starts a browser: a typo must not cost a
// two-minute run, nor measure something else than asked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { ROOT } from '../cli/helpers.mjs';

// The options under test first (an unknown first argument was once taken for the value of an absent --runs);
// then the ones that keep a bench that wrongly starts from rebuilding dist/ or writing the README.
const bench = (...args) =>
  spawnSync(process.execPath, ['scripts/bench.mjs', ...args, '--no-build', '--sizes-only', '--no-readme'], { cwd: ROOT, encoding: 'utf8', timeout: 10_000 });

test('a bad --cpu-slowdown, --runs or --only stops the bench at once with the usage', () => {
  for (const [args, problem] of [
    [['--cpu-slowdown', 'four'], /--cpu-slowdown needs a number ≥ 1/],
    [['--cpu-slowdown', '0.5'], /--cpu-slowdown needs a number ≥ 1/],
    [['--runs', '0'], /--runs needs a whole number ≥ 1/],
    [['--only', 'sizes'], /--only takes one of navigation, render, banner/],
    [['--fast'], /unknown option --fast/],
  ]) {
    const run = bench(...args);
    assert.equal(run.status, 2, `${args.join(' ')}: exit status`);
    assert.match(run.stderr, problem, args.join(' '));
    assert.match(run.stderr, /usage: node scripts\/bench\.mjs .*\[--cpu-slowdown N\]/);
    assert.equal(run.stdout, '', `${args.join(' ')}: nothing measured`);
  }
});
