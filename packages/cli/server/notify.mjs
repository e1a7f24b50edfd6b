// Notifications: what goes into the outbox when a report arrives or its status changes (e-mail to the
// team, a webhook, an e-mail to the reporter), and how each is delivered: SMTP through nodemailer, the
// webhook with fetch. The outbox (outbox.mjs) retries them; nothing here runs inside a submission.
import { createHmac } from 'node:crypto';

/** One line for an e-mail header: no line breaks or control characters, at most `max` characters. */
export function oneLine(text, max = 160) {
  const line = String(text ?? '')
    .replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ')
    .trim();
  return [...line].length > max ? `${[...line].slice(0, max - 1).join('')}…` : line;
}

const EMAIL = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;

/**
 * Notification settings from the environment (see README "Environment variables") and the manifest.
 * E-mail needs TRUST_CENTER_SMTP_HOST and TRUST_CENTER_MAIL_FROM; the webhook TRUST_CENTER_WEBHOOK_URL.
 * Throws naming the variable that is wrong.
 */
export function notificationConfig(env = process.env, manifest = undefined) {
  const config = { email: undefined, webhook: undefined, publicUrl: undefined };
  if (env.TRUST_CENTER_PUBLIC_URL) {
    const url = parseHttpUrl(env.TRUST_CENTER_PUBLIC_URL, 'TRUST_CENTER_PUBLIC_URL');
    config.publicUrl = url.href.replace(/\/+$/, '');
  }
  if (env.TRUST_CENTER_SMTP_HOST) {
    const from = env.TRUST_CENTER_MAIL_FROM;
    if (!from || !EMAIL.test(from.replace(/^.*<([^>]+)>\s*$/, '$1'))) {
      throw new Error('TRUST_CENTER_MAIL_FROM: expected the sender address, e.g. "Security <security@artisser.example>"');
    }
    const port = env.TRUST_CENTER_SMTP_PORT ? Number(env.TRUST_CENTER_SMTP_PORT) : 587;
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`TRUST_CENTER_SMTP_PORT: expected a port number, got "${env.TRUST_CENTER_SMTP_PORT}"`);
    const secure = env.TRUST_CENTER_SMTP_SECURE ? /^(1|true|yes)$/i.test(env.TRUST_CENTER_SMTP_SECURE) : port === 465;
    const reportsTo = env.TRUST_CENTER_NOTIFY_EMAIL || manifest?.disclosure?.email;
    const requestsTo = env.TRUST_CENTER_NOTIFY_EMAIL || manifest?.documentAccess?.email || manifest?.disclosure?.email;
    for (const [name, value] of [['TRUST_CENTER_NOTIFY_EMAIL (or the manifest\'s disclosure.email)', reportsTo]]) {
      if (!value || !EMAIL.test(value)) throw new Error(`${name}: expected an e-mail address to notify, got "${value ?? ''}"`);
    }
    config.email = {
      transport: {
        host: env.TRUST_CENTER_SMTP_HOST,
        port,
        secure,
        // Never send credentials or reports over a connection that fell back to plaintext.
        requireTLS: !secure && !/^(0|false|no)$/i.test(env.TRUST_CENTER_SMTP_REQUIRE_TLS ?? 'true'),
        auth: env.TRUST_CENTER_SMTP_USER ? { user: env.TRUST_CENTER_SMTP_USER, pass: env.TRUST_CENTER_SMTP_PASSWORD ?? '' } : undefined,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      },
      from,
      reportsTo,
      requestsTo,
      replyTo: manifest?.disclosure?.email,
      notifyReporters: !/^(0|false|no)$/i.test(env.TRUST_CENTER_NOTIFY_REPORTERS ?? 'true'),
    };
  }
  if (env.TRUST_CENTER_WEBHOOK_URL) {
    config.webhook = {
      url: parseHttpUrl(env.TRUST_CENTER_WEBHOOK_URL, 'TRUST_CENTER_WEBHOOK_URL').href,
      secret: env.TRUST_CENTER_WEBHOOK_SECRET || undefined,
      includeReport: /^(1|true|yes)$/i.test(env.TRUST_CENTER_WEBHOOK_INCLUDE_REPORT ?? ''),
    };
  }
  return config;
}

function parseHttpUrl(text, name) {
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`${name}: expected an http(s) URL, got "${text}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`${name}: expected an http(s) URL, got "${text}"`);
  return url;
}

/** A link into the inbox, or the status page, when the receiver knows its public address. */
const inboxLink = (config, basePath, reference) => (config.publicUrl ? `${config.publicUrl}${basePath}/inbox/#${reference}` : undefined);

function reportText(record) {
  const r = record.report;
  const lines = [
    `Reference: ${record.reference} (the reporter's: ${record.clientReference})`,
    `Received: ${record.receivedAt}`,
    ...(record.acknowledgeDue ? [`Acknowledge by: ${record.acknowledgeDue}`] : []),
    ...(record.triage.suspectedSpam ? [`Suspected spam: ${record.triage.reasons.join('; ')}`] : []),
    `Policy: ${r.policy.id} (${r.policy.updated || 'no date'})`,
  ];
  if (record.encrypted) {
    return [...lines, '', 'The report is encrypted to the key the manifest pins; decrypt it with that key:', '', r.encrypted].join('\n');
  }
  return [
    ...lines,
    `Title: ${r.title}`,
    `Asset: ${r.asset ?? '—'}`,
    `URL: ${r.url ?? '—'}`,
    `Severity: ${r.severity ?? '—'}`,
    `Reporter: ${`${r.name ?? ''} ${r.email ? `<${r.email}>` : ''}`.trim() || 'anonymous'}`,
    `Language: ${r.locale ?? '—'}`,
    '',
    'Description:',
    r.description,
    '',
    'Steps to reproduce:',
    r.steps,
    '',
    'Impact:',
    r.impact,
  ].join('\n');
}

function requestText(record) {
  const r = record.request;
  return [
    `Reference: ${record.reference} (the requester's: ${record.clientReference})`,
    `Received: ${record.receivedAt}`,
    ...(record.triage.suspectedSpam ? [`Suspected spam: ${record.triage.reasons.join('; ')}`] : []),
    `Document: ${r.document.title} (${r.document.id})`,
    `Name: ${r.name}`,
    `E-mail: ${r.email}`,
    `Company: ${r.company}`,
    `Non-disclosure terms accepted: yes`,
    '',
    'Reason:',
    r.reason,
  ].join('\n');
}

/** What the team is told about a new submission: an e-mail and/or a webhook, as configured. */
export function newSubmissionNotifications(config, record, { basePath = '/api' } = {}) {
  const isReport = record.kind === 'report';
  const link = inboxLink(config, basePath, record.reference);
  const notifications = [];
  const purpose = isReport ? 'report.received' : 'document-request.received';
  if (config.email) {
    const subject = isReport
      ? record.encrypted
        ? `[Vulnerability report] ${record.reference} (encrypted)`
        : `[Vulnerability report] ${record.reference}: ${oneLine(record.report.title, 120)}`
      : `[Document request] ${record.reference}: ${oneLine(record.request.document.title, 80)} for ${oneLine(record.request.company, 60)}`;
    const text = `${isReport ? reportText(record) : requestText(record)}${link ? `\n\nIn the inbox: ${link}\n` : '\n'}`;
    notifications.push({ channel: 'email', purpose, payload: { to: isReport ? config.email.reportsTo : config.email.requestsTo, subject, text } });
  }
  if (config.webhook) {
    const what = isReport
      ? `New vulnerability report ${record.reference}${record.encrypted ? ' (encrypted)' : ''}${record.acknowledgeDue ? `: acknowledge by ${record.acknowledgeDue}` : ''}`
      : `New document request ${record.reference} for "${oneLine(record.request.document.title, 80)}"`;
    const body = {
      // Slack (and compatible chat tools) show `text`; other consumers read the fields.
      text: `${what}${record.triage.suspectedSpam ? ' (suspected spam)' : ''}${link ? ` ${link}` : ''}`,
      event: purpose,
      reference: record.reference,
      receivedAt: record.receivedAt,
      ...(isReport ? { acknowledgeDue: record.acknowledgeDue, encrypted: record.encrypted } : { document: record.request.document.id }),
      suspectedSpam: record.triage.suspectedSpam,
      ...(link ? { inboxUrl: link } : {}),
      // The report's words stay out of chat tools unless the team asks for them.
      ...(config.webhook.includeReport ? { [isReport ? 'report' : 'request']: isReport ? record.report : record.request } : {}),
    };
    notifications.push({ channel: 'webhook', purpose, payload: body });
  }
  return notifications;
}

const REPORTER_WORDS = {
  acknowledged: (ref) => [`Your vulnerability report ${ref} was acknowledged`, `We have read your report ${ref} and are looking into it.`],
  resolved: (ref) => [`Your vulnerability report ${ref} is resolved`, `The issue you reported in ${ref} is resolved. Thank you for telling us.`],
  approved: (ref) => [`Your document request ${ref} was approved`, `Your request ${ref} was approved; we will send you the document.`],
  declined: (ref) => [`Your document request ${ref} was declined`, `We cannot share the document you asked for in ${ref}.`],
};

/**
 * The e-mail to the person who sent `record` when it moves to `status`, if they left an address (an
 * encrypted report's address is inside the ciphertext, so never) and e-mail is set up.
 */
export function submitterNotifications(config, record, status, { statusUrl } = {}) {
  const words = REPORTER_WORDS[status];
  const body = record.kind === 'report' ? record.report : record.request;
  const to = typeof body?.email === 'string' ? body.email : undefined;
  if (!words || !config.email?.notifyReporters || !to || !EMAIL.test(to)) return [];
  const [subject, opening] = words(record.reference);
  const text = [
    opening,
    ...(statusUrl ? ['', `Follow its status: ${statusUrl}`] : []),
    '',
    `Reference: ${record.reference}`,
    '',
    '-- ',
    'Sent by the trust-center receiver. Reply to this e-mail to reach the team.',
  ].join('\n');
  return [{ channel: 'email', purpose: `submitter.${status}`, payload: { to, subject, text, replyTo: config.email.replyTo } }];
}

/** The senders the outbox calls: each resolves when delivered and throws with a reason otherwise. */
export async function createChannels(config, { fetch: fetchImpl = globalThis.fetch } = {}) {
  const channels = {};
  if (config.email) {
    const { default: nodemailer } = await import('nodemailer');
    const transport = nodemailer.createTransport(config.email.transport);
    const domain = config.email.from.replace(/^.*<([^>]+)>\s*$/, '$1').split('@')[1];
    channels.email = async (payload, entry) => {
      await transport.sendMail({
        from: config.email.from,
        to: payload.to,
        ...(payload.replyTo ? { replyTo: payload.replyTo } : {}),
        subject: oneLine(payload.subject, 200),
        text: payload.text,
        // The same id on every attempt: a mail system that got it once can drop the copy.
        messageId: `<tc-${entry.id}.${entry.reference}@${domain}>`,
        headers: { 'X-Trust-Center-Reference': entry.reference },
      });
    };
    channels.close = () => transport.close();
  }
  if (config.webhook) {
    channels.webhook = async (payload, entry) => {
      const body = JSON.stringify(payload);
      const headers = {
        'Content-Type': 'application/json',
        'User-Agent': 'trust-center-receiver',
        // The same key on every attempt, so a consumer can drop a repeat.
        'Idempotency-Key': `tc-${entry.id}-${entry.reference}`,
        'X-Trust-Center-Event': entry.purpose,
      };
      if (config.webhook.secret) headers['X-Trust-Center-Signature'] = `sha256=${createHmac('sha256', config.webhook.secret).update(body).digest('hex')}`;
      const response = await fetchImpl(config.webhook.url, { method: 'POST', headers, body, redirect: 'error', signal: AbortSignal.timeout(10_000) });
      if (!response.ok) throw new Error(`webhook answered ${response.status}`);
      await response.body?.cancel();
    };
  }
  return channels;
}
