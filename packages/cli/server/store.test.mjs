// node --test server/: the store's contract, on SQLite always and on PostgreSQL when the machine has it
// (server/postgres-fixture.mjs starts a throwaway server; CI installs PostgreSQL and sets
// TC_REQUIRE_POSTGRES=1 so that these never skip there).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { report, send } from './fixtures.mjs';
import { createReceiver } from './receiver.mjs';
import { IdempotencyConflict, openStore, SCHEMA_VERSION, StoreError } from './store.mjs';
import { postgresUnavailable, startPostgres } from './postgres-fixture.mjs';
import { acknowledgeDue, addBusinessDays } from './business-days.mjs';

const dirs = [];
after(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});
async function sqliteFile() {
  const dir = await mkdtemp(join(tmpdir(), 'tc-store-test-'));
  dirs.push(dir);
  return join(dir, 'reports.sqlite');
}

let n = 0;
/** The arguments of one submission; `key` and `title` vary it. */
function submission({ key, title = 'Stored XSS', kind = 'report', notifications = () => [] } = {}) {
  const body = report({ title });
  return {
    kind,
    body,
    key,
    fingerprint: `fp-${title}`,
    receivedAt: '2026-11-27T15:00:00.000Z',
    encrypted: false,
    triage: { suspectedSpam: false, reasons: [] },
    acknowledgeDue: '2026-12-01',
    makeReference: () => `VR-20261127-${String(++n).padStart(8, '0')}`,
    notifications,
  };
}

/** The contract every store keeps; `open()` gives a fresh, empty one. */
function contract(name, open, { skip } = {}) {
  describe(`store: ${name}`, { skip }, () => {
    test('migrates a new database, and opening it again applies nothing twice', async () => {
      const store = await open();
      const again = await open(store.location);
      try {
        assert.equal(SCHEMA_VERSION, 1);
        const { reference } = await store.submit(submission());
        assert.equal((await again.get(reference)).reference, reference);
      } finally {
        await again.close();
        await store.close();
      }
    });

    test('one transaction per submission: the record, its history and its notifications, or none of them', async () => {
      const store = await open();
      try {
        const notifications = (reference) => [{ channel: 'email', purpose: 'report.received', payload: { to: 'security@artisser.example', subject: reference, text: '…' } }];
        const { reference, replayed } = await store.submit(submission({ key: 'a', notifications }));
        assert.equal(replayed, false);
        const record = await store.get(reference);
        assert.equal(record.report.title, 'Stored XSS');
        assert.equal(record.status, 'new');
        assert.equal(record.acknowledgeDue, '2026-12-01');
        assert.deepEqual(record.events.map((e) => e.action), ['received']);
        assert.deepEqual(record.notifications.map((x) => x.payload.subject), [reference]);
        // A notification that cannot be stored takes the submission with it.
        const broken = () => [{ channel: 'email', purpose: 'x', payload: undefined }];
        await assert.rejects(store.submit(submission({ key: 'b', title: 'Half stored?', notifications: broken })));
        assert.deepEqual((await store.list('report')).map((r) => r.report.title), ['Stored XSS']);
        assert.equal((await store.outbox()).length, 1);
      } finally {
        await store.close();
      }
    });

    test('the Idempotency-Key is unique per kind: a replay gets the first reference, another body a conflict', async () => {
      const store = await open();
      try {
        const first = await store.submit(submission({ key: 'k' }));
        assert.deepEqual(await store.submit(submission({ key: 'k' })), { reference: first.reference, replayed: true });
        await assert.rejects(store.submit(submission({ key: 'k', title: 'Other' })), IdempotencyConflict);
        const request = await store.submit({ ...submission({ key: 'k' }), kind: 'document-request', makeReference: () => `DR-20261127-${++n}` });
        assert.equal(request.replayed, false, 'a document request may use the same key');
      } finally {
        await store.close();
      }
    });

    test('concurrent duplicates through two connections are stored once', async () => {
      const store = await open();
      const other = await open(store.location);
      try {
        const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? store : other).submit(submission({ key: `race-${i % 4}` }))));
        const stored = await store.list('report');
        assert.equal(stored.length, 4);
        assert.equal(results.filter((r) => !r.replayed).length, 4);
        for (const result of results) assert.ok(stored.some((s) => s.reference === result.reference));
      } finally {
        await other.close();
        await store.close();
      }
    });

    test('status changes keep a history; a status a kind does not have is refused', async () => {
      const store = await open();
      try {
        const { reference } = await store.submit(submission());
        await store.setStatus(reference, 'acknowledged', { actor: 'cli:dana', at: '2026-11-28T09:00:00.000Z', note: 'Reproduced' });
        await store.addNote(reference, { actor: 'inbox:ana', at: '2026-11-28T10:00:00.000Z', note: 'Fix in review' });
        const record = await store.get(reference);
        assert.equal(record.status, 'acknowledged');
        assert.deepEqual(
          record.events.map((e) => `${e.actor} ${e.action} ${e.detail ?? ''}`.trim()),
          ['receiver received', 'cli:dana status:acknowledged Reproduced', 'inbox:ana note Fix in review'],
        );
        await assert.rejects(store.setStatus(reference, 'approved', { actor: 'x', at: 'now' }), StoreError);
        await assert.rejects(store.setStatus('VR-nope', 'resolved', { actor: 'x', at: 'now' }), /no submission VR-nope/);
      } finally {
        await store.close();
      }
    });

    test("a status token opens only its own report's status", async () => {
      const store = await open();
      try {
        const a = (await store.submit(submission())).reference;
        const b = (await store.submit(submission({ title: 'B' }))).reference;
        const tokenA = await store.statusToken(a);
        assert.equal((await store.byStatusToken(a, tokenA)).reference, a);
        assert.equal(await store.byStatusToken(b, tokenA), undefined);
        assert.equal(await store.byStatusToken(a, tokenA.slice(1)), undefined);
        assert.equal(await store.byStatusToken('VR-unknown', tokenA), undefined);
      } finally {
        await store.close();
      }
    });

    test('the outbox: claimed entries are leased, so a second worker does not take them; failures reschedule or give up', async () => {
      const store = await open();
      try {
        const notifications = () => [
          { channel: 'email', purpose: 'p', payload: { n: 1 } },
          { channel: 'webhook', purpose: 'p', payload: { n: 2 } },
        ];
        await store.submit(submission({ notifications }));
        const now = Date.parse('2026-11-27T15:00:00.000Z');
        const claimed = await store.claimDue(now);
        assert.equal(claimed.length, 2);
        assert.deepEqual(await store.claimDue(now), [], 'leased');
        await store.delivered(claimed[0].id, '2026-11-27T15:00:01.000Z');
        await store.attemptFailed(claimed[1].id, { at: '2026-11-27T15:00:01.000Z', error: 'connection refused', nextAt: '2026-11-27T15:00:30.000Z' });
        assert.deepEqual(await store.claimDue(now + 10_000), [], 'not due yet');
        const retry = await store.claimDue(now + 31_000);
        assert.deepEqual(retry.map((e) => [e.channel, e.attempts, e.lastError]), [['webhook', 1, 'connection refused']]);
        assert.deepEqual(await store.outboxSummary(), { pending: 1, failed: 0, oldestPending: '2026-11-27T15:00:00.000Z', lastError: 'connection refused' });
        await store.attemptFailed(retry[0].id, { at: '2026-11-30T15:00:00.000Z', error: 'still down' });
        assert.deepEqual(await store.claimDue(now + 10 * 86_400_000), [], 'given up');
        assert.equal((await store.outboxSummary()).failed, 1);
      } finally {
        await store.close();
      }
    });
  });
}

contract('SQLite', async (location) => {
  const file = location ?? (await sqliteFile());
  return Object.assign(await openStore(file), { location: file });
});

const pgSkip = postgresUnavailable();
if (pgSkip && process.env.TC_REQUIRE_POSTGRES === '1') {
  test('PostgreSQL is available (TC_REQUIRE_POSTGRES=1)', () => assert.fail(`the PostgreSQL tests cannot run: ${pgSkip}`));
}
if (pgSkip) console.log(`# skipping the PostgreSQL store tests: ${pgSkip}`);
let postgres;
if (!pgSkip) {
  before(async () => {
    postgres = await startPostgres();
  });
  after(async () => postgres?.stop());
}
contract(
  'PostgreSQL',
  async (location) => {
    const url = location ?? (await postgres.database());
    return Object.assign(await openStore(url), { location: url });
  },
  { skip: pgSkip },
);

describe('the receiver on PostgreSQL', { skip: pgSkip }, () => {
  test('the HTTP contract holds: 201, replay 200, conflict 409, and concurrent duplicates are stored once', async () => {
    const receiver = createReceiver({ db: await postgres.database('receiver'), rateLimit: { max: 1000 } });
    const server = createServer(receiver);
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${server.address().port}`;
    const post = (body, key) =>
      send(url, '/api/reports', { headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key }, body: JSON.stringify(body) });
    try {
      const responses = await Promise.all(Array.from({ length: 10 }, () => post(report(), 'pg-race')));
      assert.deepEqual(responses.map((r) => r.status).sort(), [200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
      assert.equal((await post(report({ title: 'Other' }), 'pg-race')).status, 409);
      const stored = await (await receiver.store()).list('report');
      assert.deepEqual(stored.map((r) => r.reference), [responses[0].json.reference]);
      assert.equal((await send(url, '/api/health', { method: 'GET' })).json.database, 'postgres');
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await receiver.close();
    }
  });
});

describe('business days', () => {
  test('weekends are skipped, counted from the day in the team time zone', () => {
    assert.equal(addBusinessDays('2026-11-27', 2), '2026-12-01', 'Friday + 2 = Tuesday');
    assert.equal(addBusinessDays('2026-11-28', 2), '2026-12-01', 'Saturday + 2 = Tuesday');
    assert.equal(addBusinessDays('2026-11-30', 0), '2026-11-30');
    // 23:30 UTC on Friday is already Saturday in Tokyo.
    const late = Date.parse('2026-11-27T23:30:00Z');
    assert.equal(acknowledgeDue(late, 1, 'UTC'), '2026-11-30');
    assert.equal(acknowledgeDue(late, 1, 'Asia/Tokyo'), '2026-11-30');
    assert.equal(acknowledgeDue(Date.parse('2026-11-26T23:30:00Z'), 1, 'Asia/Tokyo'), '2026-11-30', 'Friday in Tokyo + 1 = Monday');
    assert.equal(acknowledgeDue(Date.parse('2026-11-26T23:30:00Z'), 1, 'UTC'), '2026-11-27', 'Thursday in UTC + 1 = Friday');
  });
});
