// The split between the element package (trust-center: no run-time dependencies; the Node-only libraries are
// optional peers) and the command line (@trust-center/cli in packages/cli: those libraries as dependencies,
// a bin that runs the CLI code trust-center ships). Installed without them, a command says in one line which
// package to add, never with a stack trace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../cli/helpers.mjs';

const readJson = (path) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
const element = readJson('package.json');
const cli = readJson('packages/cli/package.json');
const HIDE = join(ROOT, 'test/package/fixtures/hide/register.mjs');

/** Runs the CLI with `hidden` packages made unresolvable. */
function runCli(args, hidden = []) {
  return spawnSync(process.execPath, ['--import', HIDE, 'cli/trust-center.mjs', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, TC_HIDE_PACKAGES: hidden.join(',') },
  });
}

test('the element package has no run-time dependencies; the Node-only libraries are optional peers', () => {
  assert.deepEqual(Object.keys(element.dependencies ?? {}), []);
  for (const name of Object.keys(element.peerDependencies)) {
    assert.equal(element.peerDependenciesMeta?.[name]?.optional, true, `${name} is an optional peer`);
    assert.ok(element.devDependencies[name], `${name} is installed for this repository's tests`);
  }
  assert.equal(element.bin, undefined, 'the command comes with @trust-center/cli');
});

test('@trust-center/cli depends on every library the CLI imports, at the versions the element accepts, and runs its code', () => {
  const nodeOnly = ['@lit-labs/ssr', 'lit', 'marked', 'openpgp', 'better-sqlite3', 'pg', 'nodemailer'];
  for (const name of nodeOnly) {
    assert.equal(cli.dependencies[name], element.peerDependencies[name], `${name}: the same range in both`);
  }
  assert.equal(cli.peerDependencies['trust-center'], element.version);
  assert.deepEqual(element.workspaces, ['packages/*']);
  const bin = readFileSync(join(ROOT, 'packages/cli', cli.bin['trust-center']), 'utf8');
  assert.match(bin, /^#!\/usr\/bin\/env node\n/);
  assert.match(bin, /import\('trust-center\/cli'\)/);
  assert.equal(element.exports['./cli'], './cli/trust-center.mjs');
});

test('with its libraries there, the CLI works (the checks below fail for the hidden package only)', () => {
  const result = runCli(['validate', 'test/cli/fixtures/good/manifest.json', '--no-security-txt']);
  assert.equal(result.status, 0, result.stderr);
});

const CASES = [
  ['validate', ['validate', 'test/cli/fixtures/good/manifest.json', '--no-security-txt'], 'openpgp'],
  ['build', ['build', 'policies', '--out', '<tmp>', '--site', 'https://artisser.example'], 'marked'],
  ['build', ['build', 'policies', '--out', '<tmp>', '--site', 'https://artisser.example'], '@lit-labs/ssr'],
  ['reports', ['reports', 'list', '--db', '<tmp>/reports.sqlite'], 'better-sqlite3'],
];

for (const [command, args, hidden] of CASES) {
  test(`trust-center ${command} without ${hidden}: one line naming it and @trust-center/cli, exit 2`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'tc-cli-'));
    try {
      const result = runCli(args.map((arg) => arg.replace('<tmp>', dir)), [hidden]);
      assert.equal(result.status, 2, result.stdout + result.stderr);
      const lines = result.stderr.trim().split('\n');
      assert.equal(lines.length, 1, result.stderr);
      assert.match(lines[0], new RegExp(`needs the package ${hidden.replace('/', '\\/')}.*npm i -D @trust-center/cli`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('a missing package that @trust-center/cli does not name is not passed off as one: the error surfaces', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tc-cli-'));
  try {
    const result = runCli(['build', 'policies', '--out', dir, '--site', 'https://artisser.example'], ['lit-html']);
    assert.notEqual(result.status, 0);
    assert.doesNotMatch(result.stderr, /@trust-center\/cli/);
    assert.match(result.stderr, /Cannot find package 'lit-html'/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
