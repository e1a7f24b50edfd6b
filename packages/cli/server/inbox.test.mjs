// node --test server/: the inbox's access rules, its API, the reporter's status page and the health check.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { report, send } from './fixtures.mjs';
import { PAGE_CSP } from './inbox.mjs';
import { createReceiver } from './receiver.mjs';

const TOKEN = 'inbox-token-for-the-tests-0123456789';

async function serve(options) {
  const receiver = createReceiver({ db: ':memory:', rateLimit: { max: 1000 }, ...options });
  const server = createServer(receiver);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    receiver,
    url: `http://127.0.0.1:${server.address().port}`,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await receiver.close();
    },
  };
}

const get = (base, path, headers = {}) => send(base, path, { method: 'GET', headers });
const authorized = { Authorization: `Bearer ${TOKEN}` };
const postJson = (base, path, body, headers = {}) => send(base, path, { headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('inbox', () => {
  test('off unless a token is configured: every inbox route is 404, and a short token is refused', async () => {
    const server = await serve({});
    try {
      for (const path of ['/api/inbox/', '/api/inbox/inbox.js', '/api/inbox/api/submissions']) {
        const response = await get(server.url, path, authorized);
        assert.equal(response.status, 404, path);
        assert.match(response.json.error, /inbox is off/);
      }
    } finally {
      await server.close();
    }
    assert.throws(() => createReceiver({ db: ':memory:', inboxToken: 'short' }), /at least 24 characters/);
  });

  describe('with a token', () => {
    let server;
    let reference;
    before(async () => {
      server = await serve({ inboxToken: TOKEN, allowedOrigins: '*' });
      reference = (await postJson(server.url, '/api/reports', report())).json.reference;
    });
    after(() => server.close());

    test('no access without the token: 401 for a missing, wrong or differently-cased one', async () => {
      for (const headers of [{}, { Authorization: 'Bearer wrong-token-of-the-same-length-xxxx' }, { Authorization: `Bearer ${TOKEN.toUpperCase()}` }, { Authorization: `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}` }]) {
        const list = await get(server.url, '/api/inbox/api/submissions', headers);
        assert.equal(list.status, 401);
        assert.equal(list.headers['www-authenticate'], 'Bearer realm="trust-center inbox"');
        assert.ok(!list.text.includes(reference));
        assert.equal((await postJson(server.url, `/api/inbox/api/submissions/${reference}/status`, { status: 'spam' }, headers)).status, 401);
      }
      assert.equal((await get(server.url, `/api/inbox/api/submissions/${reference}`)).status, 401);
    });

    test('the page is a static shell under the strict CSP; it holds no data and sets no cookie', async () => {
      const page = await get(server.url, '/api/inbox/');
      assert.equal(page.status, 200);
      assert.equal(page.headers['content-security-policy'], PAGE_CSP);
      assert.match(PAGE_CSP, /script-src 'self'; style-src 'self'/);
      assert.doesNotMatch(PAGE_CSP, /unsafe/);
      assert.equal(page.headers['set-cookie'], undefined);
      assert.equal(page.headers['cache-control'], 'no-store');
      assert.ok(!page.text.includes(reference));
      assert.doesNotMatch(page.text, /<script>|<style|\sstyle=|\son\w+=/i, 'no inline script, style or handler');
      assert.equal((await get(server.url, '/api/inbox/inbox.js')).headers['content-type'], 'text/javascript; charset=utf-8');
    });

    test('CSRF-safe: the API reads only the Authorization header, answers no CORS, and takes only JSON', async () => {
      const crossSite = await send(server.url, `/api/inbox/api/submissions/${reference}/status`, {
        headers: { Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded', Cookie: `token=${TOKEN}` },
        body: 'status=spam',
      });
      assert.equal(crossSite.status, 401);
      assert.equal(crossSite.headers['access-control-allow-origin'], undefined, 'the report routes allow any origin here; the inbox never');
      const preflight = await send(server.url, '/api/inbox/api/submissions', { method: 'OPTIONS', headers: { Origin: 'https://evil.example' } });
      assert.equal(preflight.headers['access-control-allow-origin'], undefined);
      const form = await send(server.url, `/api/inbox/api/submissions/${reference}/status`, { headers: { ...authorized, 'Content-Type': 'text/plain' }, body: '{"status":"spam"}' });
      assert.equal(form.status, 415);
    });

    test('lists reports overdue first with their due date and signals; changes status and notes with a history', async () => {
      const list = await get(server.url, '/api/inbox/api/submissions', authorized);
      assert.equal(list.status, 200);
      const row = list.json.reports.find((r) => r.reference === reference);
      assert.equal(row.status, 'new');
      assert.match(row.acknowledgeDue, /^\d{4}-\d{2}-\d{2}$/);
      assert.deepEqual(row.antiAbuse, { honeypot: false, elapsedMs: 45_000 });
      const changed = await postJson(server.url, `/api/inbox/api/submissions/${reference}/status`, { status: 'acknowledged', note: 'Reproduced' }, { ...authorized, 'X-Trust-Center-Actor': 'Dana <script>' });
      assert.equal(changed.status, 200);
      const noted = await postJson(server.url, `/api/inbox/api/submissions/${reference}/notes`, { note: 'Fix scheduled' }, authorized);
      assert.equal(noted.status, 200);
      const detail = await get(server.url, `/api/inbox/api/submissions/${reference}`, authorized);
      assert.equal(detail.json.status, 'acknowledged');
      assert.deepEqual(detail.json.events.map((e) => `${e.actor} ${e.action}`), ['receiver received', 'inbox:Dana script status:acknowledged', 'inbox note']);
      const wrong = await postJson(server.url, `/api/inbox/api/submissions/${reference}/status`, { status: 'approved' }, authorized);
      assert.equal(wrong.status, 400);
      assert.match(wrong.json.error, /cannot be "approved"/);
      assert.equal((await get(server.url, '/api/inbox/api/submissions/VR-00000000-NOTHERE0', authorized)).status, 404);
    });
  });
});

describe('overdue first', () => {
  test('a report past its acknowledgement date comes first, then new ones by due date, then the rest', async () => {
    let clock = Date.parse('2026-11-23T10:00:00Z'); // a Monday
    const server = await serve({ inboxToken: TOKEN, now: () => clock });
    try {
      const old = (await postJson(server.url, '/api/reports', report({ title: 'Old' }))).json.reference; // due Wed 25
      clock = Date.parse('2026-11-26T10:00:00Z');
      const fresh = (await postJson(server.url, '/api/reports', report({ title: 'Fresh' }))).json.reference; // due Mon 30
      const done = (await postJson(server.url, '/api/reports', report({ title: 'Done' }))).json.reference;
      await postJson(server.url, `/api/inbox/api/submissions/${done}/status`, { status: 'resolved' }, authorized);
      const list = (await get(server.url, '/api/inbox/api/submissions', authorized)).json;
      assert.deepEqual(list.reports.map((r) => [r.title, r.overdue]), [['Old', true], ['Fresh', false], ['Done', false]]);
      assert.deepEqual([list.reports[0].acknowledgeDue, list.reports[1].acknowledgeDue], ['2026-11-25', '2026-11-30']);
      assert.ok(old && fresh);
    } finally {
      await server.close();
    }
  });
});

describe('reporter status', () => {
  test("the receipt's status link shows that report's status, and no other's", async () => {
    const server = await serve({ inboxToken: TOKEN });
    try {
      const a = (await postJson(server.url, '/api/reports', report({ title: 'A' }))).json;
      const b = (await postJson(server.url, '/api/reports', report({ title: 'B' }))).json;
      const [refA, tokenA] = a.statusUrl.split('#')[1].split('/');
      const status = await get(server.url, `/api/status/api/${refA}`, { Authorization: `Bearer ${tokenA}` });
      assert.equal(status.status, 200);
      assert.equal(status.json.status, 'new');
      assert.ok(!('report' in status.json) && !status.text.includes('"A"'), 'the status only, never the report');
      const other = await get(server.url, `/api/status/api/${b.reference}`, { Authorization: `Bearer ${tokenA}` });
      assert.equal(other.status, 404);
      const unknown = await get(server.url, '/api/status/api/VR-00000000-00000000', { Authorization: `Bearer ${tokenA}` });
      assert.equal(unknown.text, other.text, 'the same answer: nothing to learn by guessing');
      await postJson(server.url, `/api/inbox/api/submissions/${refA}/status`, { status: 'triaged' }, authorized);
      const after = await get(server.url, `/api/status/api/${refA}`, { Authorization: `Bearer ${tokenA}` });
      assert.equal(after.json.status, 'acknowledged', 'the team\'s finer steps read as "acknowledged"');
      assert.ok(after.json.acknowledgedAt);
      const page = await get(server.url, '/api/status/');
      assert.equal(page.headers['content-security-policy'], PAGE_CSP);
    } finally {
      await server.close();
    }
  });
});

describe('health', () => {
  test('200 with the outbox state while it takes reports; 503 once draining', async () => {
    const server = await serve({});
    try {
      const ok = await get(server.url, '/api/health');
      assert.equal(ok.status, 200);
      assert.deepEqual(ok.json, { status: 'ok', database: 'sqlite', outbox: { pending: 0, failed: 0, oldestPending: null, lastError: null } });
      server.receiver.drain();
      assert.equal((await get(server.url, '/api/health')).status, 503);
      const refused = await postJson(server.url, '/api/reports', report());
      assert.equal(refused.status, 503);
      assert.equal(refused.headers['retry-after'], '5');
    } finally {
      await server.close();
    }
  });
});
