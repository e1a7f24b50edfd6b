// node --test server/: notifications through the outbox, against a local SMTP sink (smtp-server) and a
// local webhook, including an hour-long outage on a simulated clock.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { SMTPServer } from 'smtp-server';
import { report, send } from './fixtures.mjs';
import { createReceiver } from './receiver.mjs';
import { createChannels, notificationConfig } from './notify.mjs';
import { retryDelay, OUTBOX_DEFAULTS } from './outbox.mjs';
import { changeStatus } from './triage.mjs';

const MANIFEST = {
  organization: { name: 'Artisser', url: 'https://artisser.example' },
  disclosure: { policy: 'security', email: 'security@artisser.example', acknowledgeBusinessDays: 2 },
  documentAccess: { email: 'sales@artisser.example' },
};
const ARMOR = '-----BEGIN PGP MESSAGE-----\n\nwV4D5jx+2yfH5fMSAQdA\n=Wrq4\n-----END PGP MESSAGE-----\n';

/** An SMTP sink on 127.0.0.1: `messages` are { to, headers, text, raw }. `port` reuses a port (a restart). */
async function smtpSink(port = 0) {
  const messages = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (c) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const [head, ...body] = raw.split(/\r\n\r\n/);
        const headers = {};
        for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
          const at = line.indexOf(':');
          const name = line.slice(0, at).toLowerCase();
          (headers[name] ??= []).push(line.slice(at + 1).trim());
        }
        let text = body.join('\r\n\r\n');
        if (/quoted-printable/i.test(headers['content-transfer-encoding']?.[0] ?? '')) {
          text = Buffer.from(text.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
        }
        messages.push({ to: session.envelope.rcptTo.map((r) => r.address), headers, text, raw });
        callback();
      });
    },
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { messages, port: server.server.address().port, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** A webhook endpoint: `calls` are { headers, body }; `status` is what it answers. */
async function webhookSink() {
  const sink = { calls: [], status: 200 };
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      if (sink.status === 200) sink.calls.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      res.writeHead(sink.status).end();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  sink.url = `http://127.0.0.1:${server.address().port}/hook`;
  sink.close = () => new Promise((resolve) => server.close(resolve));
  return sink;
}

function environment(smtpPort, webhook, extra = {}) {
  return {
    TRUST_CENTER_SMTP_HOST: '127.0.0.1',
    TRUST_CENTER_SMTP_PORT: String(smtpPort),
    TRUST_CENTER_SMTP_REQUIRE_TLS: 'false',
    TRUST_CENTER_MAIL_FROM: 'Trust center <receiver@artisser.example>',
    TRUST_CENTER_WEBHOOK_URL: webhook.url,
    TRUST_CENTER_WEBHOOK_SECRET: 'hook-secret',
    TRUST_CENTER_PUBLIC_URL: 'https://reports.artisser.example',
    ...extra,
  };
}

const cleanups = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A receiver on :memory: with real channels, an adjustable clock, and the outbox driven by the test. */
async function setUp(env, { now } = {}) {
  const notify = notificationConfig(env, MANIFEST);
  const channels = await createChannels(notify);
  const receiver = createReceiver({ db: ':memory:', notify, channels, now, rateLimit: { max: 10_000 }, outbox: { pollMs: 3_600_000, log: () => {} } });
  const server = createServer(receiver);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  cleanups.push(async () => {
    await new Promise((resolve) => server.close(resolve));
    await receiver.close();
  });
  const post = (body, key, path = '/api/reports') =>
    send(url, path, { headers: { 'Content-Type': 'application/json', ...(key ? { 'Idempotency-Key': key } : {}) }, body: JSON.stringify(body) });
  return { receiver, url, post, notify };
}

describe('notifications', () => {
  test('a plaintext report: the team gets an e-mail with it; the webhook gets its reference, never its words', async () => {
    const smtp = await smtpSink();
    const hook = await webhookSink();
    cleanups.push(smtp.close, hook.close);
    const { receiver, post } = await setUp(environment(smtp.port, hook));
    const created = await post(report({ title: 'SQL injection in search' }), 'plain-1');
    assert.equal(created.status, 201);
    await receiver.outbox.runOnce();
    assert.equal(smtp.messages.length, 1);
    const mail = smtp.messages[0];
    assert.deepEqual(mail.to, ['security@artisser.example']);
    assert.deepEqual(mail.headers.subject, [`[Vulnerability report] ${created.json.reference}: SQL injection in search`]);
    assert.match(mail.text, /The display name is rendered without escaping/);
    assert.match(mail.text, new RegExp(`https://reports.artisser.example/api/inbox/#${created.json.reference}`));
    assert.equal(hook.calls.length, 1);
    const { body, headers } = hook.calls[0];
    assert.equal(body.event, 'report.received');
    assert.equal(body.reference, created.json.reference);
    assert.match(body.text, /^New vulnerability report VR-/, 'Slack-compatible text');
    const raw = JSON.stringify(body);
    assert.ok(!raw.includes('SQL injection') && !raw.includes('without escaping') && !raw.includes('researcher@'), 'no plaintext in the webhook');
    assert.match(headers['x-trust-center-signature'], /^sha256=[0-9a-f]{64}$/);
    assert.match(headers['idempotency-key'], new RegExp(`^tc-\\d+-${created.json.reference}$`), 'the same key on every attempt');
  });

  test('TRUST_CENTER_WEBHOOK_INCLUDE_REPORT=1 puts the report in the webhook; an encrypted one is forwarded still encrypted', async () => {
    const smtp = await smtpSink();
    const hook = await webhookSink();
    cleanups.push(smtp.close, hook.close);
    const { receiver, post } = await setUp(environment(smtp.port, hook, { TRUST_CENTER_WEBHOOK_INCLUDE_REPORT: '1' }));
    await post(report({ title: 'Included' }));
    const encrypted = { reference: 'TC-20261127-ENCRYP', encrypted: ARMOR, policy: { id: 'security', updated: '2026-06-05' }, submittedAt: '2026-11-27T15:00:00.000Z', antiAbuse: { honeypot: false, elapsedMs: 9000 } };
    const sent = await post(encrypted);
    assert.equal(sent.status, 201);
    await receiver.outbox.runOnce();
    assert.equal(hook.calls[0].body.report.title, 'Included');
    assert.equal(hook.calls[1].body.report.encrypted, ARMOR);
    const mail = smtp.messages.find((m) => m.headers.subject[0].includes(sent.json.reference));
    assert.deepEqual(mail.headers.subject, [`[Vulnerability report] ${sent.json.reference} (encrypted)`]);
    assert.ok(mail.text.includes('-----BEGIN PGP MESSAGE-----') && mail.text.includes('wV4D5jx+2yfH5fMSAQdA'), 'the armoured message, as it came');
  });

  test('no header injection: a title with a line break never reaches the mail system, and a long one is cut on one line', async () => {
    const smtp = await smtpSink();
    const hook = await webhookSink();
    cleanups.push(smtp.close, hook.close);
    const { receiver, post } = await setUp(environment(smtp.port, hook));
    for (const title of ['Hi\r\nBcc: victim@example.org', 'Hi\nSubject: spoofed', 'Hi\u2028Bcc: x@example.org', 'Hi\u0085X: 1']) {
      assert.equal((await post(report({ title }))).status, 400, JSON.stringify(title));
    }
    const requested = await post({ reference: 'DR-1', document: { id: 'soc2', title: 'SOC 2\r\nBcc: x@example.org' }, name: 'A', email: 'a@b.example', company: 'B', reason: 'r', ndaAccepted: true, submittedAt: '2026-11-27T15:00:00.000Z', antiAbuse: { honeypot: false, elapsedMs: 9000 } }, undefined, '/api/document-requests');
    assert.equal(requested.status, 400);
    await post(report({ title: 'Ünïcode — and a long title '.repeat(9).trim() }));
    await receiver.outbox.runOnce();
    assert.equal(smtp.messages.length, 1);
    assert.equal(smtp.messages[0].headers.subject.length, 1);
    assert.equal(smtp.messages[0].headers.bcc, undefined);
    assert.ok(!/\r\n(Bcc|X):/i.test(smtp.messages[0].raw.split('\r\n\r\n')[0]));
  });

  test('acknowledging tells the reporter, with their status link; a document decision tells the requester', async () => {
    const smtp = await smtpSink();
    const hook = await webhookSink();
    cleanups.push(smtp.close, hook.close);
    const { receiver, post, notify } = await setUp(environment(smtp.port, hook));
    const created = await post(report());
    const store = await receiver.store();
    const changed = await changeStatus(store, created.json.reference, 'acknowledged', { actor: 'cli:test', tellSubmitter: true, notify });
    assert.equal(changed.queued, 1);
    await receiver.outbox.runOnce();
    const toReporter = smtp.messages.find((m) => m.to[0] === 'researcher@example.org');
    assert.deepEqual(toReporter.headers.subject, [`Your vulnerability report ${created.json.reference} was acknowledged`]);
    assert.deepEqual(toReporter.headers['reply-to'], ['security@artisser.example']);
    const token = await store.statusToken(created.json.reference);
    assert.ok(toReporter.text.includes(`https://reports.artisser.example/api/status/#${created.json.reference}/${token}`));
    // An anonymous report has no one to tell.
    const anonymous = await post(report({ email: null, title: 'Anonymous' }));
    assert.equal((await changeStatus(store, anonymous.json.reference, 'acknowledged', { actor: 't', tellSubmitter: true, notify })).queued, 0);
  });
});

describe('outage', () => {
  test('SMTP and webhook down for an hour: reports are stored at once, notifications delivered after recovery, none twice', async () => {
    let clock = Date.parse('2026-11-27T15:00:00.000Z');
    const smtp = await smtpSink();
    const smtpPort = smtp.port;
    await smtp.close(); // down: connection refused
    const hook = await webhookSink();
    cleanups.push(hook.close);
    hook.status = 503;
    const { receiver, post } = await setUp(environment(smtpPort, hook), { now: () => clock });
    const references = [];
    for (let i = 0; i < 20; i++) {
      const response = await post(report({ title: `Outage report ${i}` }), `outage-${i}`);
      assert.equal(response.status, 201, 'stored while both are down');
      references.push(response.json.reference);
    }
    const store = await receiver.store();
    assert.equal((await store.list('report')).length, 20);
    assert.equal((await store.outboxSummary()).pending, 40);

    // An hour of retries, a minute at a time.
    let attempts = 0;
    for (let minute = 0; minute < 60; minute++) {
      const result = await receiver.outbox.runOnce();
      assert.equal(result.delivered, 0);
      attempts += result.failed;
      clock += 60_000;
    }
    const entries = await store.outbox();
    assert.ok(entries.every((e) => e.deliveredAt === null && e.failedAt === null && e.lastError), 'still waiting, with the reason');
    assert.ok(attempts >= 40 * 6 && attempts <= 40 * 12, `backoff: ${attempts} attempts in an hour, not one a minute`);

    const back = await smtpSink(smtpPort);
    cleanups.push(back.close);
    hook.status = 200;
    clock += OUTBOX_DEFAULTS.maxDelayMs * 1.2;
    const delivered = await receiver.outbox.runOnce();
    assert.equal(delivered.delivered, 40);
    clock += 3_600_000;
    assert.deepEqual(await receiver.outbox.runOnce(), { delivered: 0, failed: 0 }, 'nothing left, nothing sent again');
    const mailIds = back.messages.map((m) => m.headers['message-id'][0]);
    assert.equal(new Set(mailIds).size, 20);
    assert.deepEqual(back.messages.map((m) => m.headers['x-trust-center-reference'][0]).sort(), [...references].sort());
    assert.deepEqual(hook.calls.map((c) => c.body.reference).sort(), [...references].sort());
    const summary = await store.outboxSummary();
    console.log(`# outage: 20 reports stored during the outage; ${attempts} failed attempts in the hour; 40 of 40 notifications delivered once after recovery`);
    assert.deepEqual([summary.pending, summary.failed], [0, 0]);
  });

  test('the retry delay doubles from 15 s up to 10 min, with jitter', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 10].map((n) => retryDelay(n, OUTBOX_DEFAULTS, () => 0.5));
    assert.deepEqual(delays, [15_000, 30_000, 60_000, 120_000, 240_000, 480_000, 600_000, 600_000]);
    assert.equal(retryDelay(1, OUTBOX_DEFAULTS, () => 0), 12_000);
    assert.equal(retryDelay(1, OUTBOX_DEFAULTS, () => 1), 18_000);
  });

  test('a notification undelivered after 72 hours is given up and shown as failed', async () => {
    let clock = Date.parse('2026-11-27T15:00:00.000Z');
    const hook = await webhookSink();
    cleanups.push(hook.close);
    hook.status = 500;
    const { receiver, post } = await setUp({ TRUST_CENTER_WEBHOOK_URL: hook.url }, { now: () => clock });
    await post(report());
    for (let i = 0; i < 500 && (await (await receiver.store()).outboxSummary()).pending; i++) {
      await receiver.outbox.runOnce();
      clock += 600_000;
    }
    const [entry] = await (await receiver.store()).outbox();
    assert.ok(entry.failedAt, 'given up');
    assert.ok(Date.parse(entry.failedAt) - Date.parse(entry.createdAt) >= 72 * 3_600_000);
    assert.equal(entry.lastError, 'webhook answered 500');
  });
});

describe('settings from the environment', () => {
  test('each wrong variable is named', () => {
    assert.throws(() => notificationConfig({ TRUST_CENTER_SMTP_HOST: 'mail' }, MANIFEST), /TRUST_CENTER_MAIL_FROM/);
    assert.throws(() => notificationConfig({ TRUST_CENTER_SMTP_HOST: 'mail', TRUST_CENTER_MAIL_FROM: 'a@b.example', TRUST_CENTER_SMTP_PORT: 'x' }, MANIFEST), /TRUST_CENTER_SMTP_PORT/);
    assert.throws(() => notificationConfig({ TRUST_CENTER_WEBHOOK_URL: 'ftp://x' }, MANIFEST), /TRUST_CENTER_WEBHOOK_URL/);
    assert.throws(() => notificationConfig({ TRUST_CENTER_SMTP_HOST: 'mail', TRUST_CENTER_MAIL_FROM: 'a@b.example' }, {}), /TRUST_CENTER_NOTIFY_EMAIL/);
    const config = notificationConfig({ TRUST_CENTER_SMTP_HOST: 'mail', TRUST_CENTER_MAIL_FROM: 'a@b.example', TRUST_CENTER_SMTP_PORT: '465' }, MANIFEST);
    assert.equal(config.email.transport.secure, true, 'port 465 is TLS from the start');
    assert.equal(config.email.requestsTo, 'sales@artisser.example');
    assert.deepEqual(notificationConfig({}, MANIFEST), { email: undefined, webhook: undefined, publicUrl: undefined }, 'nothing configured: nothing sent');
  });
});
