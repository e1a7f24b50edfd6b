// The receiver's commands: `trust-center receive` (started as a company would, from the manifest) and
// `trust-center reports …` on its database.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, run, tempDir } from './helpers.mjs';
import { report, send } from '../../packages/cli/server/fixtures.mjs';

const MANIFEST = join(ROOT, 'policies/manifest.json');

/** Starts `trust-center receive`; resolves { base, output(), stop() }. */
async function receive(args, env = {}) {
  const child = spawn(process.execPath, [join(ROOT, 'packages/cli/bin/trust-center.mjs'), 'receive', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let output = '';
  child.stderr.on('data', (c) => (output += c));
  const base = await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      // The last line of the start-up summary.
      const match = /listening on (http:\/\/[^/\s]+)[\s\S]*health: /.exec(output);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
  });
  return {
    base,
    output: () => output,
    stop: () => new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    }),
  };
}

/** `trust-center receive` with `hidden` packages made unresolvable, as if not installed (test/package/fixtures/hide). */
function receiveWithout(hidden, args) {
  const hide = join(ROOT, 'test/package/fixtures/hide/register.mjs');
  return spawnSync(process.execPath, ['--import', hide, join(ROOT, 'packages/cli/bin/trust-center.mjs'), 'receive', '--manifest', MANIFEST, '--port', '0', ...args], {
    encoding: 'utf8',
    env: { ...process.env, TC_HIDE_PACKAGES: hidden },
    timeout: 30_000,
  });
}

const postReport = (base, body, key) =>
  send(base, '/api/reports', { headers: { 'Content-Type': 'application/json', ...(key ? { 'Idempotency-Key': key } : {}) }, body: JSON.stringify(body) });

test('receive: --help, and clear errors for a missing manifest, a bad option or a manifest with problems', (t) => {
  const help = run(['receive', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /Usage: trust-center receive --manifest FILE/);
  assert.match(run(['--help']).stdout, /receive --manifest FILE/);
  const missing = run(['receive']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /--manifest is required/);
  assert.match(run(['receive', '--manifest', MANIFEST, '--port', 'eighty']).stderr, /--port: expected a whole number/);
  const dir = tempDir(t);
  const broken = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
  manifest.disclosure.acknowledgeBusinessDays = 'two';
  writeFileSync(broken, JSON.stringify(manifest));
  const problems = run(['receive', '--manifest', broken]);
  assert.equal(problems.code, 1);
  assert.match(problems.stdout, /disclosure\.acknowledgeBusinessDays/);
  assert.match(problems.stderr, /not started; fix the manifest first/);
  const badDb = run(['receive', '--manifest', MANIFEST, '--db', '/dev/null/x.sqlite']);
  assert.equal(badDb.code, 2);
  assert.match(badDb.stderr, /trust-center receive: /);
});

test('receive without better-sqlite3 (or pg for a PostgreSQL URL) stops with one line that says what to install, no stack trace', (t) => {
  const dir = tempDir(t);
  const sqlite = receiveWithout('better-sqlite3', ['--db', join(dir, 'reports.sqlite')]);
  assert.equal(sqlite.status, 2, sqlite.stdout + sqlite.stderr);
  assert.deepEqual(sqlite.stderr.trim().split('\n'), [
    'trust-center receive: a SQLite database needs the package better-sqlite3, which is not installed: npm i better-sqlite3 (or npm i -D @trust-center/cli, which brings it), or use --db postgres://… with pg',
  ]);
  assert.ok(!existsSync(join(dir, 'reports.sqlite')), 'no database file is left behind');
  const postgres = receiveWithout('pg', ['--db', 'postgres://reports@127.0.0.1:1/reports']);
  assert.equal(postgres.status, 2, postgres.stdout + postgres.stderr);
  assert.deepEqual(postgres.stderr.trim().split('\n'), [
    'trust-center receive: a PostgreSQL database needs the package pg, which is not installed: npm i pg (or npm i -D @trust-center/cli, which brings it)',
  ]);
});

test('receive → reports: a report is stored, listed with its due date, acknowledged, noted, shown, exported and backed up', async (t) => {
  const dir = tempDir(t);
  const db = join(dir, 'reports.sqlite');
  const server = await receive(['--manifest', MANIFEST, '--port', '0', '--db', db]);
  let reference;
  try {
    assert.match(server.output(), /acknowledge within 2 business days/);
    assert.match(server.output(), /inbox: off \(set TRUST_CENTER_INBOX_TOKEN\)/);
    const created = await postReport(server.base, report({ title: 'CLI round trip' }), 'cli-1');
    assert.equal(created.status, 201);
    reference = created.json.reference;
    const health = await send(server.base, '/api/health', { method: 'GET' });
    assert.equal(health.json.status, 'ok');
    // The CLI works on the database while the receiver runs.
    const list = run(['reports', 'list', '--db', db]);
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /Vulnerability reports: 1 \(1 not acknowledged, 0 overdue/);
    assert.match(list.stdout, new RegExp(`${reference}\\s+new\\s+due \\d{4}-\\d{2}-\\d{2}\\s+CLI round trip`));
    const ack = run(['reports', 'ack', reference, '--note', 'Reproduced', '--actor', 'dana', '--db', db]);
    assert.equal(ack.code, 0, ack.stderr);
    assert.equal(ack.stdout.trim(), `${reference}: new → acknowledged`);
    assert.equal(run(['reports', 'note', reference, 'Fix in review', '--db', db]).code, 0);
    const show = run(['reports', 'show', reference, '--db', db]);
    assert.match(show.stdout, /Title: CLI round trip/);
    assert.match(show.stdout, /cli:dana {2}status:acknowledged: Reproduced/);
    assert.match(show.stdout, /note: Fix in review/);
    const json = JSON.parse(run(['reports', 'show', reference, '--json', '--db', db]).stdout);
    assert.equal(json.status, 'acknowledged');
    const status = await send(server.base, `/api/status/api/${reference}`, { method: 'GET', headers: { Authorization: `Bearer ${created.json.statusUrl.split('/').pop()}` } });
    assert.equal(status.json.status, 'acknowledged', 'the reporter sees what the CLI did');
  } finally {
    await server.stop();
  }
  assert.match(server.output(), /SIGTERM: finishing requests under way[\s\S]*stopped/);

  const out = join(dir, 'export');
  const exported = run(['reports', 'export', '--out', out, '--db', db]);
  assert.equal(exported.code, 0, exported.stderr);
  assert.deepEqual(readdirSync(join(out, 'reports')), [`${reference}.json`]);
  const file = JSON.parse(readFileSync(join(out, 'reports', `${reference}.json`), 'utf8'));
  assert.equal(file.report.title, 'CLI round trip');
  assert.deepEqual(file.events.map((e) => e.action), ['received', 'status:acknowledged', 'note']);

  const backup = join(dir, 'backup.sqlite');
  assert.equal(run(['reports', 'backup', backup, '--db', db]).code, 0);
  assert.ok(existsSync(backup));
  assert.match(run(['reports', 'list', '--db', backup]).stdout, new RegExp(`${reference}\\s+acknowledged`), 'the backup opens and holds the report');
});

test('reports: usage errors and unknown references are clear', (t) => {
  const db = join(tempDir(t), 'empty.sqlite');
  const none = run(['reports', 'show', 'VR-00000000-NOTHERE0', '--db', db]);
  assert.equal(none.code, 1);
  assert.match(none.stderr, /no submission VR-00000000-NOTHERE0/);
  const usage = run(['reports', 'frobnicate', '--db', db]);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /unknown subcommand "frobnicate"/);
  assert.match(run(['reports', 'ack', '--db', db]).stderr, /ack needs a reference/);
  assert.match(run(['reports', 'status', 'VR-1', '--db', db]).stderr, /status needs the new status/);
  assert.match(run(['reports', 'export', '--db', db]).stderr, /export needs --out DIR/);
  assert.match(run(['reports', 'migrate', '--db', db]).stdout, /schema version 1, up to date/);
  assert.match(run(['reports', '--help']).stdout, /Usage: trust-center reports <subcommand>/);
});
