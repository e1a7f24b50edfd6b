// `npm pack` rebuilds only when it must (scripts/build-stamp.mjs): fresh after a build, stale when a source's
// contents change or an output is missing, and not fooled by a changed mtime. Run on a scratch copy of the
// inputs, so the repository's own dist/ is left alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from '../cli/helpers.mjs';
import { INPUTS, OUTPUTS, buildUnlessFresh, staleReason, writeStamp } from '../../scripts/build-stamp.mjs';

function scratchBuild() {
  const dir = mkdtempSync(join(tmpdir(), 'tc-stamp-'));
  for (const input of INPUTS) cpSync(join(ROOT, input), join(dir, input), { recursive: true });
  for (const output of OUTPUTS) {
    mkdirSync(dirname(join(dir, output)), { recursive: true });
    writeFileSync(join(dir, output), 'built\n');
  }
  return dir;
}

test('after a build, prepack finds dist/ fresh, also when only mtimes changed', () => {
  const dir = scratchBuild();
  try {
    assert.equal(staleReason(dir), 'no record of the last build');
    writeStamp(dir);
    assert.equal(staleReason(dir), undefined);
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(dir, 'src/trust-center.ts'), later, later);
    assert.equal(staleReason(dir), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a changed source, configuration or lock file, or a missing output, makes prepack rebuild', () => {
  const CHANGED = /the sources or the build configuration changed/;
  for (const [what, change, reason] of [
    ['a source', (dir) => appendFileSync(join(dir, 'src/trust-center.ts'), '\n// changed\n'), CHANGED],
    ['a new source', (dir) => writeFileSync(join(dir, 'src/new-module.ts'), 'export {};\n'), CHANGED],
    ['the Rollup configuration', (dir) => appendFileSync(join(dir, 'rollup.config.mjs'), '\n'), CHANGED],
    ['the lock file', (dir) => appendFileSync(join(dir, 'package-lock.json'), '\n'), CHANGED],
    ['an output', (dir) => rmSync(join(dir, 'custom-elements.json')), /custom-elements\.json is missing/],
  ]) {
    const dir = scratchBuild();
    try {
      writeStamp(dir);
      change(dir);
      assert.match(staleReason(dir) ?? 'fresh', reason, `${what} changed`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
});

test('npm start and npm pack build the whole package when it is stale, and not at all when it is fresh', () => {
  const dir = scratchBuild();
  try {
    const builds = [];
    const lines = [];
    const build = () => builds.push('npm run build') && 0;
    assert.equal(buildUnlessFresh({ dir, build, log: (line) => lines.push(line) }), 0);
    assert.deepEqual(builds, ['npm run build'], 'no record of a build: it builds');
    writeStamp(dir);
    assert.equal(buildUnlessFresh({ dir, build, log: (line) => lines.push(line) }), 0);
    assert.deepEqual(builds, ['npm run build'], 'fresh: no second build');
    assert.deepEqual(lines, ['no record of the last build: npm run build', 'dist/ is up to date with the sources, not rebuilding']);
    rmSync(join(dir, 'dist/THIRD-PARTY-NOTICES.txt'));
    assert.equal(buildUnlessFresh({ dir, build: () => 3, log: () => {} }), 3, 'a failed build is its status');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // npm start goes through it, not through rollup alone (which leaves dist/ without notices and types).
  const start = readFileSync(join(ROOT, 'scripts/start.mjs'), 'utf8');
  assert.match(start, /buildUnlessFresh\(/);
  assert.doesNotMatch(start, /'rollup'/);
});

test('every script the build runs, and every module the Rollup configuration imports, is an input', () => {
  const config = readFileSync(join(ROOT, 'rollup.config.mjs'), 'utf8');
  const imported = [...config.matchAll(/from '\.\/(scripts\/[^']+)'/g)].map((m) => m[1]);
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const commands = ['build', 'types', 'analyze'].map((name) => scripts[name]).join(' && ');
  // build-stamp.mjs only records the inputs; it writes nothing the package ships.
  const run = [...commands.matchAll(/node (scripts\/[\w./-]+\.mjs)/g)].map((m) => m[1]).filter((f) => f !== 'scripts/build-stamp.mjs');
  assert.ok(imported.length >= 3 && run.length >= 2, 'the check finds the build\'s scripts');
  assert.deepEqual([...new Set([...imported, ...run])].filter((script) => !INPUTS.includes(script)), []);
});
