// node --test server/
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { report, send } from './fixtures.mjs';
import { createReceiver, isCvss31Vector, receiverAsKoaMiddleware, validateDocumentRequest, validateReport } from './receiver.mjs';
import { openStore } from './store.mjs';

const dirs = [];
async function dataDir() {
  const dir = await mkdtemp(join(tmpdir(), 'tc-receiver-test-'));
  dirs.push(dir);
  return dir;
}
after(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** Starts a server for one receiver; returns { url, close }. */
async function serve(options) {
  const handler = createReceiver(options);
  const server = createServer(handler);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await handler.close();
    },
  };
}

const post = (base, body, headers = {}) =>
  send(base, '/api/reports', {
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

/** Runs `read` on the database in `dir` through a second connection, as `trust-center reports` would. */
async function fromStore(dir, read) {
  const store = await openStore(join(dir, 'receiver.sqlite'));
  try {
    return await read(store);
  } finally {
    await store.close();
  }
}
const stored = (dir, kind) => fromStore(dir, (store) => store.list(kind));
const storedFiles = (dir) => stored(dir, 'report');
const storedRequests = (dir) => stored(dir, 'document-request');
const storedRecord = (dir, reference) => fromStore(dir, (store) => store.get(reference));

/** An armoured message around `bytes`, as OpenPGP.js writes one (lines of 60, then the checksum line). */
function armor(bytes, { headers = '' } = {}) {
  const base64 = Buffer.from(bytes).toString('base64').replace(/.{60}/g, '$&\n');
  return `-----BEGIN PGP MESSAGE-----\n${headers}\n${base64}\n=Wrq4\n-----END PGP MESSAGE-----\n`;
}
// First bytes of real packets: a public-key encrypted session key (new and old packet format), a password one.
const PKESK = [0xc1, 0x5e, 0x03, 0xe6, 0x3c, 0x7e, 0xdb, 0x27, 0xc7, 0xe5, 0xf3, 0x12];
const PKESK_OLD_FORMAT = [0x84, 0x5e, 0x03, 0xe6, 0x3c, 0x7e];
const SKESK = [0xc3, 0x2e, 0x06, 0x09, 0x03, 0x08];
// A literal data packet: "hello" in armour, readable by anyone, not encrypted.
const LITERAL = [0xcb, 0x0b, 0x62, 0x00, 0x00, 0x00, 0x00, 0x00, ...Buffer.from('hello')];

function encryptedReport(overrides = {}) {
  return {
    reference: 'TC-20261127-7F3K9Q',
    encrypted: armor(PKESK),
    policy: { id: 'security', updated: '2026-06-05' },
    submittedAt: '2026-11-27T15:00:00.000Z',
    antiAbuse: { honeypot: false, elapsedMs: 4000 },
    ...overrides,
  };
}

describe('validation', () => {
  test('accepts a complete plaintext report and an encrypted one', () => {
    assert.deepEqual(validateReport(report()), []);
    assert.deepEqual(validateReport(report({ asset: null, url: null, severity: null, name: null, email: null })), []);
    const encrypted = {
      reference: 'TC-20261127-7F3K9Q',
      encrypted: '-----BEGIN PGP MESSAGE-----\n\nwcBMA0\n-----END PGP MESSAGE-----\n',
      policy: { id: 'security', updated: '2026-06-05' },
      submittedAt: '2026-11-27T15:00:00.000Z',
      antiAbuse: { honeypot: false, elapsedMs: 4000 },
    };
    assert.deepEqual(validateReport(encrypted), []);
    assert.equal(validateReport({ ...encrypted, encrypted: 'plaintext' })[0].path, 'encrypted');
  });

  test('names each problem by path', () => {
    const paths = validateReport(
      report({ title: ' ', description: undefined, steps: 3, url: 'not a url', email: 'nope', severity: 'CVSS:3.1/AV:N', antiAbuse: {} }),
    ).map((i) => i.path);
    assert.deepEqual(paths.sort(), [
      'antiAbuse.elapsedMs',
      'antiAbuse.honeypot',
      'description',
      'email',
      'severity',
      'steps',
      'title',
      'url',
    ]);
    assert.equal(validateReport(report({ title: 'x'.repeat(251) }))[0].path, 'title');
    assert.equal(validateReport([]).length, 1);
  });

  test('checks CVSS 3.1 vectors for form', () => {
    assert.ok(isCvss31Vector('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'));
    assert.ok(isCvss31Vector('CVSS:3.1/A:H/I:H/C:H/S:U/UI:N/PR:N/AC:L/AV:N/E:F/RL:O/RC:C/MAV:L/CR:H'));
    assert.ok(!isCvss31Vector('CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'));
    assert.ok(!isCvss31Vector('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H'));
    assert.ok(!isCvss31Vector('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/A:H'));
    assert.ok(!isCvss31Vector('CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'));
    assert.ok(!isCvss31Vector('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:Z'));
  });

  test('the armour must have the shape of an encrypted OpenPGP message', () => {
    const paths = (encrypted) => validateReport(encryptedReport({ encrypted })).map((i) => i.path);
    for (const good of [armor(PKESK), armor(PKESK_OLD_FORMAT), armor(SKESK), armor(PKESK, { headers: 'Comment: https://openpgpjs.org\n' })]) {
      assert.deepEqual(paths(good), [], good);
    }
    const bogus = [
      '-----BEGIN PGP MESSAGE-----x-----END PGP MESSAGE-----',
      '-----BEGIN PGP MESSAGE-----\n\n<img src=x onerror=alert(1)>\n-----END PGP MESSAGE-----\n',
      `${armor(PKESK)}\nDear team, here is my report in plaintext: …`,
      `Plaintext before it\n${armor(PKESK)}`,
      armor(PKESK).replace('-----END PGP MESSAGE-----', '-----END PGP SIGNATURE-----'),
      armor(LITERAL),
      '-----BEGIN PGP MESSAGE-----\n\n-----END PGP MESSAGE-----\n',
    ];
    for (const encrypted of bogus) assert.deepEqual(paths(encrypted), ['encrypted'], encrypted);
  });

  test('every string has a bound: long ids, dates and timestamps are refused', () => {
    const paths = (body) => validateReport(body).map((i) => i.path);
    assert.deepEqual(paths(report({ policy: { id: 'a'.repeat(100_000), updated: '2026-06-05' } })), ['policy.id']);
    assert.deepEqual(paths(report({ policy: { id: 'security', updated: `2026-06-05${' '.repeat(100_000)}` } })), ['policy.updated']);
    assert.deepEqual(paths(report({ submittedAt: `2026-11-27T15:00:00.000Z${' '.repeat(100_000)}` })), ['submittedAt']);
    assert.deepEqual(paths(encryptedReport({ policy: { id: 'security', updated: '' } })), [], 'a policy not in the manifest has no date');
  });

  test('fields a request or its document does not have are refused by path', () => {
    const request = validateDocumentRequest(documentRequest({ document: { id: 'soc2', title: 'SOC 2', url: 'x' } }));
    assert.deepEqual(request.map((i) => i.path), ['document.url']);
    // JSON.parse makes "__proto__" an own field, which would otherwise be stored as it came.
    const proto = validateDocumentRequest(JSON.parse(JSON.stringify(documentRequest()).replace('{', '{"__proto__":{"admin":true},')));
    assert.deepEqual(proto.map((i) => i.path), ['__proto__']);
  });
});

describe('HTTP', () => {
  let dir;
  let server;
  before(async () => {
    dir = await dataDir();
    server = await serve({ dataDir: dir, rateLimit: { windowMs: 60_000, max: 1000 } });
  });
  after(() => server.close());

  test('201 with a server reference and a status link, and one stored record per report', async () => {
    const response = await post(server.url, report(), { 'Idempotency-Key': 'k-201' });
    assert.equal(response.status, 201);
    assert.match(response.json.reference, /^VR-\d{8}-[0-9A-HJKMNP-TV-Z]{8}$/);
    assert.equal(response.headers['cache-control'], 'no-store');
    assert.match(response.json.statusUrl, new RegExp(`^/api/status/#${response.json.reference}/[\\w-]{43}$`));
    const record = await storedRecord(dir, response.json.reference);
    assert.equal(record.reference, response.json.reference);
    assert.equal(record.status, 'new');
    assert.equal(record.clientReference, 'TC-20261127-7F3K9Q');
    assert.equal(record.idempotencyKey, 'k-201');
    assert.equal(record.report.title, 'Stored XSS in the profile page');
    assert.equal(record.triage.suspectedSpam, false);
    assert.ok(!JSON.stringify(record).includes('127.0.0.1'), 'the client address is not stored');
    assert.deepEqual(record.events.map((e) => e.action), ['received']);
  });

  test('an encrypted report carries nothing readable beside the message: a plaintext title is refused, not stored', async () => {
    const before = (await storedFiles(dir)).length;
    const response = await post(server.url, encryptedReport({ title: 'A'.repeat(100_000), locale: 'en' }));
    assert.equal(response.status, 400);
    assert.deepEqual(
      response.json.issues.map((i) => i.path),
      ['title', 'locale'],
    );
    assert.match(response.json.issues[0].message, /not allowed in an encrypted report/);
    assert.equal((await storedFiles(dir)).length, before);
  });

  test('fields a report does not have are refused by path, at every level', async () => {
    const before = (await storedFiles(dir)).length;
    const plain = await post(server.url, { ...report({ policy: { id: 'security', updated: '2026-06-05', extra: 1 } }), notes: 'x' });
    assert.equal(plain.status, 400);
    assert.deepEqual(
      plain.json.issues.map((i) => `${i.path}: ${i.message}`),
      ['notes: unexpected field', 'policy.extra: unexpected field'],
    );
    const abuse = await post(server.url, report({ antiAbuse: { honeypot: false, elapsedMs: 5000, score: 1 } }));
    assert.deepEqual(abuse.json.issues.map((i) => i.path), ['antiAbuse.score']);
    assert.equal((await storedFiles(dir)).length, before);
  });

  test('deep nesting gets 400 with a clear message, never 500 or a stack trace', async () => {
    const before = (await storedFiles(dir)).length;
    const deep = (n) => `${'['.repeat(n)}${']'.repeat(n)}`;
    const response = await post(server.url, JSON.stringify(report()).replace(/}$/, `,"extra":${deep(100_000)}}`));
    assert.equal(response.status, 400);
    assert.match(response.json.error, /nest more than 8 levels deep/);
    assert.doesNotMatch(response.text, /RangeError|at \w+ \(/);
    const inKnownField = await post(server.url, JSON.stringify(report()).replace('"honeypot":false', `"honeypot":${deep(20)}`));
    assert.equal(inKnownField.status, 400);
    assert.equal((await storedFiles(dir)).length, before);
  });

  test('400 for bad JSON, with the parser message', async () => {
    const response = await post(server.url, '{"title": "x",}');
    assert.equal(response.status, 400);
    assert.match(response.json.error, /not valid JSON/);
  });

  test('400 for a body that is not valid UTF-8, nothing stored', async () => {
    const before = (await storedFiles(dir)).length;
    const json = Buffer.from(JSON.stringify(report({ title: 'Broken bytes: XX' })));
    const bad = Buffer.concat([json.subarray(0, json.indexOf('XX')), Buffer.from([0xc3, 0x28]), json.subarray(json.indexOf('XX') + 2)]);
    const response = await send(server.url, '/api/reports', { headers: { 'Content-Type': 'application/json' }, body: bad });
    assert.equal(response.status, 400);
    assert.match(response.json.error, /not valid UTF-8/);
    assert.equal((await storedFiles(dir)).length, before);
  });

  test('line breaks in one-line fields (those that reach e-mail headers) are refused by path, nothing stored', async () => {
    const before = (await storedFiles(dir)).length;
    const injected = await post(server.url, report({ title: 'XSS\r\nBcc: victim@example.org', name: 'Eve\nX-Header: 1', asset: 'web\u0000' }));
    assert.equal(injected.status, 400);
    assert.deepEqual(
      injected.json.issues.map((i) => `${i.path}: ${i.message}`),
      [
        'title: must be one line, without line breaks or control characters',
        'asset: must be one line, without line breaks or control characters',
        'name: must be one line, without line breaks or control characters',
      ],
    );
    assert.equal((await post(server.url, report({ email: 'a@b.example\r\nBcc: c@d.example' }))).json.issues[0].path, 'email');
    const control = await post(server.url, report({ description: 'bell \u0007' }));
    assert.deepEqual(control.json.issues, [{ path: 'description', message: 'must not contain control characters' }]);
    assert.equal((await post(server.url, report({ steps: '1. Open\r\n2. Click\tthere' }))).status, 201, 'line breaks and tabs are fine in text');
    const request = await send(server.url, '/api/document-requests', {
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(documentRequest({ company: 'Acme\r\nSubject: spoofed' })),
    });
    assert.deepEqual(request.json.issues.map((i) => i.path), ['company']);
    assert.equal((await storedFiles(dir)).length, before + 1);
  });

  test('wrong types and huge strings are refused by path, never 500', async () => {
    const response = await post(server.url, report({ title: ['x'], severity: 7, email: { a: 1 }, locale: 'x'.repeat(300_000) }));
    assert.equal(response.status, 413, 'over 256 KB');
    const typed = await post(server.url, report({ title: ['x'], severity: 7, email: { a: 1 }, locale: 'x'.repeat(100) }));
    assert.equal(typed.status, 400);
    assert.deepEqual(typed.json.issues.map((i) => i.path).sort(), ['email', 'locale', 'severity', 'title']);
  });

  test('400 for a report missing required fields, listing them', async () => {
    const response = await post(server.url, report({ title: '', impact: undefined }));
    assert.equal(response.status, 400);
    assert.match(response.json.error, /title/);
    assert.deepEqual(
      response.json.issues.map((i) => i.path),
      ['title', 'impact'],
    );
  });

  test('415 for a body that is not application/json', async () => {
    const response = await send(server.url, '/api/reports', {
      headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify(report()),
    });
    assert.equal(response.status, 415);
    const form = await send(server.url, '/api/reports', {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'title=x',
    });
    assert.equal(form.status, 415);
    const charset = await post(server.url, report(), { 'Content-Type': 'application/json; charset=utf-8' });
    assert.equal(charset.status, 201);
  });

  test('413 for a body over 256 KB, declared or streamed', async () => {
    const big = JSON.stringify(report({ description: 'A'.repeat(300 * 1024) }));
    const declared = await post(server.url, big);
    assert.equal(declared.status, 413);
    const chunked = await send(server.url, '/api/reports', {
      headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      body: big,
    });
    assert.equal(chunked.status, 413);
  });

  test('405 for other methods, 204 for OPTIONS, 404 elsewhere; test hooks are off by default', async () => {
    assert.equal((await send(server.url, '/api/reports', { method: 'GET' })).status, 405);
    const options = await send(server.url, '/api/reports', { method: 'OPTIONS' });
    assert.equal(options.status, 204);
    assert.equal(options.headers.allow, 'POST, OPTIONS');
    assert.equal((await send(server.url, '/api/other', { method: 'GET' })).status, 404);
    assert.equal((await send(server.url, '/api/__test__/reports', { method: 'GET' })).status, 404);
  });

  test('400 for a malformed Idempotency-Key', async () => {
    const response = await post(server.url, report(), { 'Idempotency-Key': 'has spaces in it' });
    assert.equal(response.status, 400);
  });

  test('flags the honeypot and a too-quick report as suspected spam, but answers 201', async () => {
    const response = await post(server.url, report({ antiAbuse: { honeypot: true, elapsedMs: 800 } }));
    assert.equal(response.status, 201);
    const record = await storedRecord(dir, response.json.reference);
    assert.equal(record.triage.suspectedSpam, true);
    assert.equal(record.triage.reasons.length, 2);
  });
});

describe('idempotency', () => {
  test('same key and body: the same reference with 200, never a second record', async () => {
    const dir = await dataDir();
    const server = await serve({ dataDir: dir });
    try {
      const first = await post(server.url, report(), { 'Idempotency-Key': 'retry-1' });
      assert.equal(first.status, 201);
      // A retry differs only in its per-attempt fields.
      const again = await post(
        server.url,
        report({ submittedAt: '2026-11-27T15:00:09.000Z', antiAbuse: { honeypot: false, elapsedMs: 54_000 } }),
        { 'Idempotency-Key': 'retry-1' },
      );
      assert.equal(again.status, 200);
      assert.equal(again.json.reference, first.json.reference);
      assert.equal((await storedFiles(dir)).length, 1);
    } finally {
      await server.close();
    }
  });

  test('same key, different report: 409', async () => {
    const dir = await dataDir();
    const server = await serve({ dataDir: dir });
    try {
      assert.equal((await post(server.url, report(), { 'Idempotency-Key': 'k' })).status, 201);
      const other = await post(server.url, report({ title: 'Something else' }), { 'Idempotency-Key': 'k' });
      assert.equal(other.status, 409);
      assert.equal((await storedFiles(dir)).length, 1);
    } finally {
      await server.close();
    }
  });

  test('concurrent requests with one key store once', async () => {
    const dir = await dataDir();
    const server = await serve({ dataDir: dir });
    try {
      const responses = await Promise.all(
        Array.from({ length: 5 }, () => post(server.url, report(), { 'Idempotency-Key': 'race' })),
      );
      assert.deepEqual(responses.map((r) => r.status).sort(), [200, 200, 200, 200, 201]);
      assert.equal(new Set(responses.map((r) => r.json.reference)).size, 1);
      assert.equal((await storedFiles(dir)).length, 1);
    } finally {
      await server.close();
    }
  });

  test('keys survive a restart (they are on disk)', async () => {
    const dir = await dataDir();
    const first = await serve({ dataDir: dir });
    const created = await post(first.url, report(), { 'Idempotency-Key': 'persist' });
    await first.close();
    const second = await serve({ dataDir: dir });
    try {
      const replay = await post(second.url, report(), { 'Idempotency-Key': 'persist' });
      assert.equal(replay.status, 200);
      assert.equal(replay.json.reference, created.json.reference);
      assert.equal((await post(second.url, report({ impact: 'other' }), { 'Idempotency-Key': 'persist' })).status, 409);
      assert.equal((await storedFiles(dir)).length, 1);
    } finally {
      await second.close();
    }
  });

  test('without a key, each POST is a new report', async () => {
    const dir = await dataDir();
    const server = await serve({ dataDir: dir });
    try {
      await post(server.url, report());
      await post(server.url, report());
      assert.equal((await storedFiles(dir)).length, 2);
    } finally {
      await server.close();
    }
  });

  test('two receivers on one database (a rolling restart) store a key once', async () => {
    const dir = await dataDir();
    const [a, b] = await Promise.all([serve({ dataDir: dir }), serve({ dataDir: dir })]);
    try {
      const responses = await Promise.all([a, b, a, b].map((server) => post(server.url, report(), { 'Idempotency-Key': 'two-receivers' })));
      assert.deepEqual(responses.map((r) => r.status).sort(), [200, 200, 200, 201]);
      assert.equal(new Set(responses.map((r) => r.json.reference)).size, 1);
      assert.equal((await storedFiles(dir)).length, 1);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('rate limit', () => {
  test('429 with Retry-After past the limit, per address, until the window moves on', async () => {
    let time = Date.parse('2026-11-27T15:00:00Z');
    const dir = await dataDir();
    const server = await serve({ dataDir: dir, rateLimit: { windowMs: 60_000, max: 3 }, now: () => time });
    try {
      for (let i = 0; i < 3; i++) assert.equal((await post(server.url, report())).status, 201);
      time += 20_000;
      const limited = await post(server.url, report());
      assert.equal(limited.status, 429);
      assert.equal(limited.headers['retry-after'], '40');
      assert.match(limited.json.error, /Too many/);
      assert.equal((await storedFiles(dir)).length, 3);
      time += 40_001;
      assert.equal((await post(server.url, report())).status, 201);
    } finally {
      await server.close();
    }
  });

  test('uses X-Forwarded-For only when told to trust the proxy', async () => {
    const dir = await dataDir();
    const server = await serve({ dataDir: dir, rateLimit: { windowMs: 60_000, max: 1 }, trustProxy: true });
    try {
      assert.equal((await post(server.url, report(), { 'X-Forwarded-For': '203.0.113.1' })).status, 201);
      assert.equal((await post(server.url, report(), { 'X-Forwarded-For': '203.0.113.2' })).status, 201);
      assert.equal((await post(server.url, report(), { 'X-Forwarded-For': '203.0.113.1' })).status, 429);
    } finally {
      await server.close();
    }
  });
});

describe('rate limit behind proxies', () => {
  /** The statuses of one report POST per X-Forwarded-For value, in order. */
  async function statuses(url, forwardedFor) {
    const result = [];
    for (const value of forwardedFor) {
      result.push((await post(url, report(), value === undefined ? {} : { 'X-Forwarded-For': value })).status);
    }
    return result;
  }

  test('30 posts with rotating X-Forwarded-For values written by the client are limited as one client', async () => {
    const dir = await dataDir();
    const server = await serve({ dataDir: dir, rateLimit: { windowMs: 60_000, max: 10 }, trustProxy: true });
    try {
      // The client sends a new value each time; the proxy appends the address it saw.
      const forwarded = Array.from({ length: 30 }, (_, i) => `198.51.100.${i + 1}, 203.0.113.7`);
      const result = await statuses(server.url, forwarded);
      assert.deepEqual(result, [...Array(10).fill(201), ...Array(20).fill(429)]);
      assert.equal((await storedFiles(dir)).length, 10);
    } finally {
      await server.close();
    }
  });

  test('trustProxy: N takes the entry N from the right; a short, missing or malformed header counts under the socket address', async () => {
    const dir = await dataDir();
    const server = await serve({ dataDir: dir, rateLimit: { windowMs: 60_000, max: 1 }, trustProxy: 2 });
    try {
      const result = await statuses(server.url, [
        'spoof-1, 203.0.113.7, 10.0.0.2',
        '203.0.113.99, 203.0.113.7, 10.0.0.3',
        '203.0.113.8:51234, 10.0.0.2',
        '203.0.113.7',
        undefined,
        '203.0.113.7, not-an-address, 10.0.0.2',
        '203.0.113.7, , 10.0.0.2',
      ]);
      // 203.0.113.7 twice; 203.0.113.8 (with a port); then the socket (127.0.0.1) for the short, missing and malformed headers.
      assert.deepEqual(result, [201, 429, 201, 201, 429, 429, 429]);
    } finally {
      await server.close();
    }
    assert.throws(() => createReceiver({ dataDir: dir, trustProxy: 'yes' }), /trustProxy must be false, true or the number of proxies/);
    assert.throws(() => createReceiver({ dataDir: dir, trustProxy: 0.5 }), /trustProxy/);
  });

  test('IPv6 addresses share a bucket per /64, and IPv4-mapped IPv6 counts as the IPv4 address', async () => {
    const dir = await dataDir();
    const server = await serve({ dataDir: dir, rateLimit: { windowMs: 60_000, max: 1 }, trustProxy: true });
    try {
      const result = await statuses(server.url, [
        '2001:db8:1:2::1',
        '2001:0db8:0001:0002:ffff:ffff:ffff:ffff',
        '[2001:db8:1:2::99]:443',
        '2001:db8:1:3::1',
        '203.0.113.50',
        '::ffff:203.0.113.50',
        '::ffff:cb00:7132',
      ]);
      assert.deepEqual(result, [201, 429, 429, 201, 201, 429, 429]);
    } finally {
      await server.close();
    }
  });

  test('at most maxAddresses are tracked: the least recently active is forgotten first, a client that keeps trying stays limited', async () => {
    const dir = await dataDir();
    const server = await serve({ dataDir: dir, rateLimit: { windowMs: 60_000, max: 1, maxAddresses: 3 }, trustProxy: true });
    try {
      const limitedClient = '203.0.113.1';
      assert.deepEqual(await statuses(server.url, [limitedClient, limitedClient]), [201, 429]);
      // A flood of new addresses while the limited client keeps trying does not push it out.
      for (let i = 0; i < 10; i++) {
        assert.deepEqual(await statuses(server.url, [`198.51.100.${i + 1}`, limitedClient]), [201, 429]);
      }
      // Once it stops, three newer addresses fill the table and it is forgotten.
      assert.deepEqual(await statuses(server.url, ['192.0.2.1', '192.0.2.2', '192.0.2.3', limitedClient]), [201, 201, 201, 201]);
    } finally {
      await server.close();
    }
  });
});

describe('CORS', () => {
  test('answers preflights only for allowed origins', async () => {
    const dir = await dataDir();
    const server = await serve({ dataDir: dir, allowedOrigins: ['https://artisser.example'] });
    try {
      const allowed = await send(server.url, '/api/reports', { method: 'OPTIONS', headers: { Origin: 'https://artisser.example' } });
      assert.equal(allowed.headers['access-control-allow-origin'], 'https://artisser.example');
      assert.match(allowed.headers['access-control-allow-headers'], /Idempotency-Key/);
      const other = await send(server.url, '/api/reports', { method: 'OPTIONS', headers: { Origin: 'https://evil.example' } });
      assert.equal(other.headers['access-control-allow-origin'], undefined);
    } finally {
      await server.close();
    }
  });
});

describe('test hooks', () => {
  test('fail-next fails the next N report POSTs (optionally matching), and reports lists them', async () => {
    const dir = await dataDir();
    const server = await serve({ dataDir: dir, testHooks: true });
    try {
      assert.equal((await send(server.url, '/api/__test__/fail-next?status=503&count=2', { method: 'POST' })).status, 200);
      assert.equal((await post(server.url, report())).status, 503);
      assert.equal((await post(server.url, report())).status, 503);
      assert.equal((await post(server.url, report())).status, 201);
      await send(server.url, '/api/__test__/fail-next?status=500&match=needle', { method: 'POST' });
      assert.equal((await post(server.url, report())).status, 201, 'does not match');
      assert.equal((await post(server.url, report({ title: 'needle' }))).status, 500);
      assert.equal((await send(server.url, '/api/__test__/fail-next?status=200', { method: 'POST' })).status, 400);
      const listed = await send(server.url, '/api/__test__/reports', { method: 'GET' });
      assert.equal(listed.status, 200);
      assert.equal(listed.json.length, 2);
      assert.equal(listed.json[0].report.title, 'Stored XSS in the profile page');
    } finally {
      await server.close();
    }
  });
});

describe('receiverAsKoaMiddleware', () => {
  test('hands requests under the prefix to the handler and passes the rest on', async () => {
    const seen = [];
    const middleware = receiverAsKoaMiddleware((req) => seen.push(req.url), { prefix: '/api/' });
    let nextCalled = false;
    const ctx = { path: '/api/reports', req: { url: '/api/reports' }, res: {}, respond: true };
    await middleware(ctx, async () => {
      nextCalled = true;
    });
    assert.equal(ctx.respond, false);
    assert.deepEqual(seen, ['/api/reports']);
    assert.equal(nextCalled, false);
    const other = { path: '/src/x.ts', req: {}, res: {}, respond: true };
    await middleware(other, async () => {
      nextCalled = true;
    });
    assert.equal(nextCalled, true);
    assert.equal(other.respond, true);
  });
});

// ---------------------------------------------------------------------------------------------
// Document requests (POST /api/document-requests)

function documentRequest(overrides = {}) {
  return {
    reference: 'DR-20261129-4K7M2P',
    document: { id: 'pentest-summary', title: 'Penetration test summary' },
    name: 'Dana Reviewer',
    email: 'dana@buyer.example',
    company: 'Buyer Ltd',
    reason: 'Vendor security review before we sign.',
    ndaAccepted: true,
    submittedAt: '2026-11-29T10:00:00.000Z',
    locale: 'en',
    antiAbuse: { honeypot: false, elapsedMs: 20_000 },
    ...overrides,
  };
}

const postRequest = (base, body, headers = {}) =>
  send(base, '/api/document-requests', {
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });



describe('document requests: validation', () => {
  test('accepts a complete request', () => {
    assert.deepEqual(validateDocumentRequest(documentRequest()), []);
    assert.deepEqual(validateDocumentRequest(documentRequest({ locale: undefined })), []);
  });

  test('names each problem by path', () => {
    const issues = validateDocumentRequest(
      documentRequest({
        name: ' ',
        email: 'dana',
        company: undefined,
        reason: 'x'.repeat(2001),
        ndaAccepted: 'yes',
        document: { id: 'Pentest Summary', title: '' },
        antiAbuse: { honeypot: 'no', elapsedMs: -1 },
      }),
    );
    assert.deepEqual(issues, [
      { path: 'antiAbuse.honeypot', message: 'expected true or false' },
      { path: 'antiAbuse.elapsedMs', message: 'expected a number of milliseconds' },
      { path: 'document.id', message: 'expected a document id' },
      { path: 'document.title', message: 'expected the document title (one line, at most 300 characters)' },
      { path: 'name', message: 'must not be empty' },
      { path: 'email', message: 'expected an e-mail address' },
      { path: 'company', message: 'required' },
      { path: 'reason', message: 'must be at most 2000 characters (got 2001)' },
      { path: 'ndaAccepted', message: 'must be true: the requester accepts the non-disclosure terms' },
    ]);
    assert.deepEqual(validateDocumentRequest([]), [{ path: '', message: 'expected a JSON object' }]);
    assert.equal(validateDocumentRequest(documentRequest({ reference: 'no spaces allowed' }))[0].path, 'reference');
  });
});

describe('document requests: HTTP', () => {
  let dir;
  let server;
  before(async () => {
    dir = await dataDir();
    server = await serve({ dataDir: dir, rateLimit: { windowMs: 60_000, max: 1000 } });
  });
  after(() => server.close());

  test('201 with a server reference, one stored record per request, kept apart from reports', async () => {
    const response = await postRequest(server.url, documentRequest(), { 'Idempotency-Key': 'dr-201' });
    assert.equal(response.status, 201);
    assert.match(response.json.reference, /^DR-\d{8}-[0-9A-HJKMNP-TV-Z]{8}$/);
    const record = await storedRecord(dir, response.json.reference);
    assert.equal(record.reference, response.json.reference);
    assert.equal(record.clientReference, 'DR-20261129-4K7M2P');
    assert.equal(record.idempotencyKey, 'dr-201');
    assert.equal(record.request.document.id, 'pentest-summary');
    assert.equal(record.request.email, 'dana@buyer.example');
    assert.equal(record.triage.suspectedSpam, false);
    assert.ok(!('report' in record));
    assert.deepEqual(await storedFiles(dir), []);
  });

  test('same key and body: the first reference with 200 and Idempotent-Replayed, never a second record', async () => {
    const before = (await storedRequests(dir)).length;
    const first = await postRequest(server.url, documentRequest({ company: 'Replay Co' }), { 'Idempotency-Key': 'dr-same' });
    // A retry carries a new submittedAt and timing; it is the same request.
    const again = await postRequest(
      server.url,
      documentRequest({ company: 'Replay Co', submittedAt: '2026-11-29T10:05:00.000Z', antiAbuse: { honeypot: false, elapsedMs: 99_000 } }),
      { 'Idempotency-Key': 'dr-same' },
    );
    assert.equal(first.status, 201);
    assert.equal(again.status, 200);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.equal(again.json.reference, first.json.reference);
    assert.equal((await storedRequests(dir)).length, before + 1);
  });

  test('same key, different request: 409', async () => {
    await postRequest(server.url, documentRequest({ reason: 'One reason' }), { 'Idempotency-Key': 'dr-409' });
    const conflict = await postRequest(server.url, documentRequest({ reason: 'Another reason' }), { 'Idempotency-Key': 'dr-409' });
    assert.equal(conflict.status, 409);
    assert.match(conflict.json.error, /different request/);
  });

  test('the same key may name a report and a request: each route keeps its own keys', async () => {
    assert.equal((await post(server.url, report(), { 'Idempotency-Key': 'shared-key' })).status, 201);
    assert.equal((await postRequest(server.url, documentRequest(), { 'Idempotency-Key': 'shared-key' })).status, 201);
  });

  test('400 listing the problems, 415 for other types, 405 for other methods', async () => {
    const invalid = await postRequest(server.url, documentRequest({ ndaAccepted: false, email: '' }));
    assert.equal(invalid.status, 400);
    assert.deepEqual(invalid.json.issues.map((i) => i.path), ['email', 'ndaAccepted']);
    assert.match(invalid.json.error, /^Invalid request: /);
    const text = await send(server.url, '/api/document-requests', { headers: { 'Content-Type': 'text/plain' }, body: 'hello' });
    assert.equal(text.status, 415);
    assert.equal((await send(server.url, '/api/document-requests', { method: 'GET' })).status, 405);
    assert.equal((await send(server.url, '/api/document-requests', { method: 'OPTIONS' })).status, 204);
  });

  test('keys survive a restart', async () => {
    const first = await postRequest(server.url, documentRequest({ company: 'Restart Co' }), { 'Idempotency-Key': 'dr-restart' });
    const restarted = await serve({ dataDir: dir });
    try {
      const again = await postRequest(restarted.url, documentRequest({ company: 'Restart Co' }), { 'Idempotency-Key': 'dr-restart' });
      assert.equal(again.status, 200);
      assert.equal(again.json.reference, first.json.reference);
    } finally {
      await restarted.close();
    }
  });

  test('flags the honeypot and a too-quick request, but answers 201', async () => {
    const response = await postRequest(server.url, documentRequest({ antiAbuse: { honeypot: true, elapsedMs: 200 } }));
    assert.equal(response.status, 201);
    const record = await storedRecord(dir, response.json.reference);
    assert.deepEqual(record.triage, { suspectedSpam: true, reasons: ['honeypot', 'sent 200 ms after the form appeared'] });
  });
});

describe('document requests: rate limit and test hooks', () => {
  test('the rate limit counts each route on its own', async () => {
    const dir = await dataDir();
    const server = await serve({ dataDir: dir, rateLimit: { windowMs: 60_000, max: 2 } });
    try {
      for (let i = 0; i < 2; i++) assert.equal((await post(server.url, report())).status, 201);
      assert.equal((await post(server.url, report())).status, 429);
      for (let i = 0; i < 2; i++) assert.equal((await postRequest(server.url, documentRequest())).status, 201);
      const limited = await postRequest(server.url, documentRequest());
      assert.equal(limited.status, 429);
      assert.match(limited.json.error, /Too many requests/);
    } finally {
      await server.close();
    }
  });

  test('fail-next applies to requests too, and document-requests lists them', async () => {
    const dir = await dataDir();
    const server = await serve({ dataDir: dir, testHooks: true });
    try {
      await send(server.url, '/api/__test__/fail-next?status=500&count=1&match=needle-co', { method: 'POST' });
      assert.equal((await postRequest(server.url, documentRequest({ company: 'needle-co' }), { 'Idempotency-Key': 'k1' })).status, 500);
      assert.equal((await postRequest(server.url, documentRequest({ company: 'needle-co' }), { 'Idempotency-Key': 'k1' })).status, 201);
      const listed = await send(server.url, '/api/__test__/document-requests', { method: 'GET' });
      assert.equal(listed.status, 200);
      assert.equal(listed.json.length, 1);
      assert.equal(listed.json[0].request.company, 'needle-co');
    } finally {
      await server.close();
    }
  });
});
