import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = join(ROOT, 'packages', 'cli', 'bin', 'trust-center.mjs');
export const FIXTURES = 'test/cli/fixtures';

let snapshot;

/** Copies packages/cli (without its node_modules, if any) to `to`; returns the path of its bin there. */
export function copyCliPackage(to) {
  for (const part of ['bin', 'lib', 'server', 'package.json']) {
    cpSync(join(ROOT, 'packages', 'cli', part), join(to, part), { recursive: true });
  }
  return join(to, 'bin', 'trust-center.mjs');
}

/**
 * The CLI as it is now, with the build it needs, copied to a temporary folder (node_modules linked),
 * so a rebuild elsewhere during the tests (rollup empties dist/ first) cannot pull dist/ from under them.
 */
export function snapshotCli() {
  if (snapshot) return snapshot;
  if (!existsSync(join(ROOT, 'dist', 'node', 'markdown.js'))) {
    throw new Error('dist/node is missing: run `npx rollup -c --silent` before the CLI tests');
  }
  const dir = mkdtempSync(join(tmpdir(), 'trust-center-cli-snapshot-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  // The repository's layout: @trust-center/cli (with the receiver, which `receive` and `reports` run) in
  // packages/cli, the element package it finds its dist/ in at the root.
  copyCliPackage(join(dir, 'packages', 'cli'));
  cpSync(join(ROOT, 'dist'), join(dir, 'dist'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  snapshot = { root: dir, cli: join(dir, 'packages', 'cli', 'bin', 'trust-center.mjs'), dist: join(dir, 'dist') };
  return snapshot;
}

let records;

/** Where the builds of this test process keep their records (see recordFile in packages/cli/lib/build.mjs), removed on exit. */
function buildRecords() {
  if (records) return records;
  records = mkdtempSync(join(tmpdir(), 'trust-center-cli-records-'));
  process.on('exit', () => rmSync(records, { recursive: true, force: true }));
  return records;
}

/** Runs the CLI (a snapshot of it, see snapshotCli) from the repository root; returns { code, stdout, stderr, lines }. */
export function run(args, options = {}) {
  const result = spawnSync(process.execPath, [options.cli ?? snapshotCli().cli, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', TRUST_CENTER_CACHE_DIR: buildRecords(), ...options.env },
  });
  if (result.error) throw result.error;
  return {
    code: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    lines: result.stdout.split('\n').filter((line) => line !== ''),
  };
}

/** A fresh temporary folder, removed after the test. */
export function tempDir(t, prefix = 'trust-center-cli-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** YYYY-MM-DD, `days` from today (UTC). */
export function isoDay(days = 0) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A copy of the good fixture in <temporary folder>/policies; `edit(manifest)` changes its manifest first.
 * Returns { dir, policies, manifestFile, out: <dir>/site (not made) }.
 */
export function copyGoodFixture(t, edit = () => {}) {
  const dir = tempDir(t);
  const policies = join(dir, 'policies');
  cpSync(join(ROOT, FIXTURES, 'good'), policies, { recursive: true });
  const manifestFile = join(policies, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  edit(manifest);
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2) + '\n');
  return { dir, policies, manifestFile, out: join(dir, 'site') };
}

/** Every file below `dir` (links not followed), "/"-separated and sorted; none if it does not exist. */
export function listFiles(dir) {
  if (!existsSync(dir)) return [];
  const found = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else found.push(relative(dir, path).split('\\').join('/'));
    }
  };
  walk(dir);
  return found.sort();
}

/** A schema that accepts anything, so a test sees the CLI's own checks alone. */
export const permissive = { parseManifest: (data) => ({ ok: true, manifest: data, warnings: [] }) };
