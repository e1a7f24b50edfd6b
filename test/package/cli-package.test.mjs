// The split between the element package (trust-center: no run-time dependencies; Lit and marked optional
// peers) and the command line (@trust-center/cli in packages/cli: the CLI and the receiver, with the Node-only
// libraries as dependencies; it runs the element's own dist/node from the trust-center package beside it).
// Installed without a library, a command says in one line which package to add, never with a stack trace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../cli/helpers.mjs';

const readJson = (path) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
const element = readJson('package.json');
const cli = readJson('packages/cli/package.json');
const HIDE = join(ROOT, 'test/package/fixtures/hide/register.mjs');

/** Runs the CLI with `hidden` packages made unresolvable. */
function runCli(args, hidden = []) {
  return spawnSync(process.execPath, ['--import', HIDE, 'packages/cli/bin/trust-center.mjs', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, TC_HIDE_PACKAGES: hidden.join(',') },
  });
}

const NODE_ONLY = ['@lit-labs/ssr', 'lit', 'marked', 'openpgp', 'better-sqlite3', 'pg', 'nodemailer'];

test('the element package has no run-time dependencies, no command and no receiver; its peers are optional', () => {
  assert.deepEqual(Object.keys(element.dependencies ?? {}), []);
  for (const name of Object.keys(element.peerDependencies)) {
    assert.equal(element.peerDependencies[name], element.devDependencies[name], `${name}: the range this repository tests`);
    assert.equal(element.peerDependenciesMeta?.[name]?.optional, true, `${name} is an optional peer`);
  }
  for (const serverOnly of ['@lit-labs/ssr', 'better-sqlite3', 'pg', 'nodemailer']) {
    assert.equal(element.peerDependencies[serverOnly], undefined, `${serverOnly} is @trust-center/cli's, not a peer of the element`);
  }
  assert.equal(element.bin, undefined, 'the command comes with @trust-center/cli');
  assert.deepEqual(Object.keys(element.exports).filter((key) => /^\.\/(cli|receiver)/.test(key)), [], 'the CLI and the receiver come with @trust-center/cli');
  assert.ok(element.exports['./manifest'], 'the validator API stays in the element package');
});

test('@trust-center/cli depends on every library the CLI imports, at the versions this repository tests, and ships the CLI and the receiver', () => {
  for (const name of NODE_ONLY) {
    assert.equal(cli.dependencies[name], element.devDependencies[name], `${name}: the same range in both`);
  }
  assert.equal(cli.peerDependencies['trust-center'], element.version);
  assert.deepEqual(element.workspaces, ['packages/*']);
  const bin = readFileSync(join(ROOT, 'packages/cli', cli.bin['trust-center']), 'utf8');
  assert.match(bin, /^#!\/usr\/bin\/env node\n/);
  assert.match(bin, /from '\.\.\/lib\/main\.mjs'/);
  assert.deepEqual(cli.exports, {
    './receiver': './server/receiver.mjs',
    './receiver/server': './server/server.mjs',
    './receiver/store': './server/store.mjs',
    './package.json': './package.json',
  });
});

test('both tarballs, installed side by side as npm would: the command finds trust-center through its exports, validates and builds', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'tc-tarballs-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  // node_modules/{trust-center,@trust-center/cli} from the tarballs; their dependencies from the repository's
  // node_modules one folder up (Node looks there next), which has no trust-center, so only the tarball's is found.
  const project = join(dir, 'project');
  for (const [from, to] of [['.', 'trust-center'], ['packages/cli', '@trust-center/cli']]) {
    const [{ filename }] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: join(ROOT, from), encoding: 'utf8' }));
    mkdirSync(join(project, 'node_modules', to), { recursive: true });
    execFileSync('tar', ['-xzf', join(dir, filename), '-C', join(project, 'node_modules', to), '--strip-components=1']);
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const bin = join(project, 'node_modules/@trust-center/cli', cli.bin['trust-center']);
  const command = (args) => spawnSync(process.execPath, [bin, ...args], { cwd: ROOT, encoding: 'utf8' });

  const validated = command(['validate', 'policies/manifest.json']);
  assert.equal(validated.status, 0, validated.stdout + validated.stderr);
  const out = join(dir, 'site');
  const built = command(['build', 'policies', '--out', out, '--site', 'https://artisser.example']);
  assert.equal(built.status, 0, built.stdout + built.stderr);
  // The bundles it copied came from the trust-center tarball.
  const copied = readFileSync(join(out, 'trust/assets/trust-center-policy.js'), 'utf8');
  assert.equal(copied, readFileSync(join(project, 'node_modules/trust-center/dist/trust-center-policy.js'), 'utf8'));
  // The receiver is an import of @trust-center/cli.
  const imported = spawnSync(process.execPath, ['--input-type=module', '-e', "const m = await import('@trust-center/cli/receiver'); console.log(typeof m.createReceiver)"], { cwd: project, encoding: 'utf8' });
  assert.equal(imported.stdout.trim(), 'function', imported.stderr);
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
