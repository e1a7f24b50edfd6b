// node --test server/: the receiver's reliability targets, measured (README "Receiver: reliability").
// No timed assertions: latencies are printed as figures, the assertions are about what was stored.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { Agent, createServer, request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventEmitter } from 'node:events';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { report } from './fixtures.mjs';
import { createReceiver } from './receiver.mjs';
import { openStore } from './store.mjs';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const dirs = [];
after(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});
async function tempDir() {
  const dir = await mkdtemp(join(tmpdir(), 'tc-reliability-'));
  dirs.push(dir);
  return dir;
}

/** POSTs one report; resolves { status, reference, ms } or { error, ms } when the connection failed. */
function post(base, body, key, agent) {
  const { hostname, port } = new URL(base);
  const payload = JSON.stringify(body);
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(
      { hostname, port, path: '/api/reports', method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload), 'Idempotency-Key': key } },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          let json;
          try {
            json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode, reference: json?.reference, ms: performance.now() - started });
        });
        res.on('error', (error) => resolve({ error: error.code ?? error.message, ms: performance.now() - started }));
      },
    );
    req.on('error', (error) => resolve({ error: error.code ?? error.message, ms: performance.now() - started }));
    req.end(payload);
  });
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

describe('reliability', () => {
  test('500 concurrent submissions, 10 % with a duplicate Idempotency-Key: each distinct report stored exactly once, none lost', async () => {
    const dir = await tempDir();
    const receiver = createReceiver({ db: join(dir, 'reports.sqlite'), rateLimit: { max: 100_000 } });
    const server = createServer(receiver);
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${server.address().port}`;
    const agent = new Agent({ keepAlive: true, maxSockets: 500 });
    try {
      // 450 distinct reports; 50 of them are sent a second time at once with the same key (a retry racing the first).
      const sends = [];
      for (let i = 0; i < 450; i++) sends.push({ key: `burst-${i}`, title: `Burst report ${i}` });
      for (let i = 0; i < 50; i++) sends.push({ key: `burst-${i * 9}`, title: `Burst report ${i * 9}` });
      const results = await Promise.all(sends.map((s) => post(base, report({ title: s.title }), s.key, agent)));
      const statuses = results.reduce((counts, r) => ({ ...counts, [r.status ?? r.error]: (counts[r.status ?? r.error] ?? 0) + 1 }), {});
      assert.deepEqual(statuses, { 200: 50, 201: 450 }, 'every one answered: 450 stored, 50 replayed');
      const store = await receiver.store();
      const stored = await store.list('report');
      assert.equal(stored.length, 450);
      assert.equal(new Set(stored.map((r) => r.idempotencyKey)).size, 450);
      const byKey = new Map(stored.map((r) => [r.idempotencyKey, r]));
      sends.forEach((s, i) => {
        assert.equal(byKey.get(s.key)?.reference, results[i].reference, `${s.key}: the answer names the stored report`);
        assert.equal(byKey.get(s.key).report.title, s.title);
      });
      const ms = results.map((r) => r.ms);
      console.log(
        `# 500 concurrent submissions (SQLite): 450 stored once, 50 replays, 0 lost; latency p50 ${percentile(ms, 50).toFixed(0)} ms, p95 ${percentile(ms, 95).toFixed(0)} ms, max ${Math.max(...ms).toFixed(0)} ms`,
      );
    } finally {
      agent.destroy();
      await new Promise((resolve) => server.close(resolve));
      await receiver.close();
    }
  });

  test('kill -9 in the middle of a burst: every report that got a 2xx is stored after a restart, none half-stored', async () => {
    const dir = await tempDir();
    const db = join(dir, 'reports.sqlite');
    /** Starts `trust-center receive` on a free port; resolves { child, base }. */
    async function start() {
      const child = spawn(process.execPath, [join(ROOT, 'packages/cli/bin/trust-center.mjs'), 'receive', '--manifest', join(ROOT, 'policies/manifest.json'), '--port', '0', '--db', db, '--rate-limit', '100000'], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, TRUST_CENTER_INBOX_TOKEN: '' },
      });
      let output = '';
      const base = await new Promise((resolve, reject) => {
        child.stdout.on('data', (chunk) => {
          output += chunk;
          const match = /listening on (http:\/\/[^/\s]+)/.exec(output);
          if (match) resolve(match[1]);
        });
        child.stderr.on('data', (chunk) => (output += chunk));
        child.once('exit', (code) => reject(new Error(`receive exited ${code}: ${output}`)));
      });
      return { child, base };
    }

    const first = await start();
    const agent = new Agent({ keepAlive: false });
    const results = [];
    const pending = [];
    let killed = false;
    // 300 reports in waves of 20; the receiver is killed once 100 have been answered.
    for (let i = 0; i < 300; i++) {
      const key = `kill-${i}`;
      const promise = post(first.base, report({ title: `Kill test ${i}` }), key, agent).then((result) => {
        results.push({ key, ...result });
        if (!killed && results.length >= 100) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      });
      pending.push(promise);
      if (pending.length % 20 === 0) await Promise.race(pending.slice(-20));
    }
    await Promise.all(pending);
    await new Promise((resolve) => (first.child.exitCode !== null || first.child.signalCode ? resolve() : first.child.once('exit', resolve)));
    assert.equal(first.child.signalCode, 'SIGKILL');
    const acknowledged = results.filter((r) => r.status >= 200 && r.status < 300);
    const failed = results.filter((r) => !(r.status >= 200 && r.status < 300));
    assert.ok(acknowledged.length >= 100 && failed.length > 0, `the kill fell in the burst: ${acknowledged.length} answered 2xx, ${failed.length} failed`);

    // A restart (the same database, as systemd or Docker would do it): everything answered 2xx is there.
    const second = await start();
    try {
      const store = await openStore(db);
      try {
        const stored = await store.list('report');
        const byKey = new Map(stored.map((r) => [r.idempotencyKey, r]));
        for (const r of acknowledged) assert.equal(byKey.get(r.key)?.reference, r.reference, `${r.key} answered ${r.status} and is stored`);
        // Nothing half-stored: each record is whole, with its history entry, and the file passes SQLite's check.
        for (const record of stored) {
          assert.match(record.report.title, /^Kill test \d+$/);
          assert.deepEqual((await store.get(record.reference)).events.map((e) => e.action), ['received']);
        }
        const failedButStored = failed.filter((r) => byKey.has(r.key)).length;
        // The reporter's retry of a failed send (same key) files nothing twice.
        const retries = await Promise.all(failed.map((r) => post(second.base, report({ title: `Kill test ${r.key.slice(5)}` }), r.key, agent)));
        assert.ok(retries.every((r) => r.status === 200 || r.status === 201));
        const after = await store.list('report');
        assert.equal(after.length, 300, 'every report stored once after the retries');
        assert.equal(new Set(after.map((r) => r.idempotencyKey)).size, 300);
        console.log(
          `# kill -9 mid-burst: ${acknowledged.length} answered 2xx (all stored), ${failed.length} failed (${failedButStored} of them had been stored before the answer was lost); after restart and retries 300 of 300 stored once`,
        );
      } finally {
        await store.close();
      }
    } finally {
      second.child.kill('SIGTERM');
      await new Promise((resolve) => second.child.once('exit', resolve));
    }
  });

  test('a stop signal sent the moment it says "listening" is a graceful stop, not a kill', async () => {
    const { runReceive } = await import('../lib/receive.mjs');
    const dist = { manifest: await import(pathToFileURL(join(ROOT, 'dist/node/manifest.js')).href) };
    const dir = await tempDir();
    const signals = new EventEmitter();
    const lines = [];
    // As a process manager that reads the first line and stops the receiver at once: before the handlers were
    // installed ahead of that line, the signal found none and (in a real process) killed it mid-request.
    const out = (line) => {
      lines.push(line);
      if (line.includes('listening on')) signals.emit('SIGTERM', 'SIGTERM');
    };
    const args = { values: { manifest: join(ROOT, 'policies/manifest.json'), port: '0', db: join(dir, 'reports.sqlite') } };
    let timer;
    const timeout = new Promise((resolve, reject) => (timer = setTimeout(() => reject(new Error('still running 10 s after the signal')), 10_000)));
    const code = await Promise.race([runReceive(args, dist, { out, err: (line) => lines.push(line) }, { env: {}, signals }), timeout]).finally(() => clearTimeout(timer));
    assert.equal(code, 0);
    assert.match(lines.join('\n'), /SIGTERM: finishing requests under way[\s\S]*stopped/);
    assert.equal(signals.listenerCount('SIGTERM') + signals.listenerCount('SIGINT'), 0, 'its handlers are removed once stopped');
  });

  test('a graceful stop (SIGTERM) lets submissions under way finish storing and exits 0', async () => {
    const dir = await tempDir();
    const db = join(dir, 'reports.sqlite');
    const child = spawn(process.execPath, [join(ROOT, 'packages/cli/bin/trust-center.mjs'), 'receive', '--manifest', join(ROOT, 'policies/manifest.json'), '--port', '0', '--db', db, '--rate-limit', '100000'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const base = await new Promise((resolve) => {
      child.stdout.on('data', (chunk) => {
        output += chunk;
        const match = /listening on (http:\/\/[^/\s]+)/.exec(output);
        if (match) resolve(match[1]);
      });
    });
    const inFlight = Array.from({ length: 50 }, (_, i) => post(base, report({ title: `Graceful ${i}` }), `graceful-${i}`));
    setImmediate(() => child.kill('SIGTERM'));
    const results = await Promise.all(inFlight);
    const code = await new Promise((resolve) => child.once('exit', resolve));
    assert.equal(code, 0);
    assert.match(output, /SIGTERM: finishing requests under way[\s\S]*stopped/);
    const store = await openStore(db);
    try {
      const stored = new Map((await store.list('report')).map((r) => [r.idempotencyKey, r.reference]));
      for (const [i, r] of results.entries()) {
        if (r.status === 201) assert.equal(stored.get(`graceful-${i}`), r.reference, 'answered 201 and stored');
        else assert.ok(!stored.has(`graceful-${i}`) || r.error, `graceful-${i}: ${r.status ?? r.error} and not stored`);
      }
    } finally {
      await store.close();
    }
  });
});
