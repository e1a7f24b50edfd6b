// The receiver for the disclosure form and document requests: a plain Node (>= 20) http handler.
//
//   import { createServer } from 'node:http';
//   import { createReceiver } from '@trust-center/cli/receiver';
//   createServer(createReceiver({ db: 'reports.sqlite' })).listen(8080);
//
// POST /api/reports takes one vulnerability report as JSON (plaintext or OpenPGP-encrypted), and
// POST /api/document-requests one request for a document shared on request (see README "Endpoint
// contract"). Both honour Idempotency-Key, limit the rate per client address, and store each submission
// with its notifications in one database transaction (store.mjs: SQLite, or PostgreSQL). The same handler
// serves the health check, the reporter's status page and the team's inbox (inbox.mjs).
import { createHash, randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { isIP } from 'node:net';
import { basename, dirname, join } from 'node:path';
import { acknowledgeDue } from './business-days.mjs';
import { inboxRoutes } from './inbox.mjs';
import { newSubmissionNotifications } from './notify.mjs';
import { createOutbox } from './outbox.mjs';
import { IdempotencyConflict, KINDS, openStore } from './store.mjs';

export const MAX_BODY_BYTES = 256 * 1024;
export const TITLE_MAX = 250;
export const TEXT_MAX = 20_000;
export const REASON_MAX = 2_000;
export const DEFAULT_RATE_LIMIT = { windowMs: 60_000, max: 10, maxAddresses: 10_000 };

const JSON_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

// ---------------------------------------------------------------------------------------------
// Validation

const CVSS_METRICS = {
  AV: 'NALP', AC: 'LH', PR: 'NLH', UI: 'NR', S: 'UC', C: 'HLN', I: 'HLN', A: 'HLN',
  E: 'XUPFH', RL: 'XOTWU', RC: 'XURC', CR: 'XLMH', IR: 'XLMH', AR: 'XLMH', MAV: 'XNALP', MAC: 'XLH',
  MPR: 'XNLH', MUI: 'XNR', MS: 'XUC', MC: 'XNLH', MI: 'XNLH', MA: 'XNLH',
};
const CVSS_BASE = ['AV', 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A'];

/** A CVSS v3.1 vector: prefix, all base metrics, known metrics with valid values, none twice. */
export function isCvss31Vector(text) {
  if (typeof text !== 'string' || !text.startsWith('CVSS:3.1/')) return false;
  const seen = new Set();
  for (const part of text.slice(9).split('/')) {
    const match = /^([A-Z]+):([A-Z])$/.exec(part);
    if (!match) return false;
    const [, metric, value] = match;
    if (!(metric in CVSS_METRICS) || seen.has(metric) || !CVSS_METRICS[metric].includes(value)) return false;
    seen.add(metric);
  }
  return CVSS_BASE.every((m) => seen.has(m));
}

const SEVERITIES = ['low', 'medium', 'high', 'critical'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const REFERENCE = /^[\w.:-]{1,100}$/;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

const chars = (s) => [...s].length;
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

function isAbsoluteUrl(text) {
  if (!/^[a-z][a-z0-9+.-]*:\/\/[^/?#\s]/i.test(text)) return false;
  try {
    return new URL(text).host !== '';
  } catch {
    return false;
  }
}

/** Manifest ids (policies, documents): lowercase letters, digits and "-". */
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Objects and arrays nested deeper than this are refused before anything walks them. */
export const MAX_DEPTH = 8;

/** The fields each kind of body may carry: anything else would be stored unchecked. */
const PLAIN_REPORT_FIELDS = [
  'reference', 'title', 'asset', 'url', 'description', 'steps', 'impact', 'severity', 'name', 'email', 'policy', 'submittedAt', 'locale', 'antiAbuse',
];
const ENCRYPTED_REPORT_FIELDS = ['reference', 'encrypted', 'policy', 'submittedAt', 'antiAbuse'];
const DOCUMENT_REQUEST_FIELDS = [
  'reference', 'document', 'name', 'email', 'company', 'reason', 'ndaAccepted', 'submittedAt', 'locale', 'antiAbuse',
];

/** Control characters a one-line field may not hold (they could split an e-mail header or a log line). */
const LINE_BREAKS_OR_CONTROLS = /[\u0000-\u001f\u007f\u0085\u2028\u2029]/;
/** In text that may span lines: controls other than tab, line feed and carriage return. */
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * The string check for `body`'s fields: at most `max` characters; a required one must not be blank; one
 * line unless `multiline`.
 */
function textChecker(body, problem) {
  return (key, max, { required = true, multiline = false } = {}) => {
    const value = body[key];
    if (value === undefined || value === null) {
      if (required) problem(key, 'required');
      return;
    }
    if (typeof value !== 'string') return problem(key, 'expected a string');
    if (required && value.trim() === '') return problem(key, 'must not be empty');
    if (chars(value) > max) return problem(key, `must be at most ${max} characters (got ${chars(value)})`);
    if (multiline ? CONTROLS.test(value) : LINE_BREAKS_OR_CONTROLS.test(value)) {
      problem(key, multiline ? 'must not contain control characters' : 'must be one line, without line breaks or control characters');
    }
  };
}

/** Names every key of `object` outside `allowed`; `prefix` is the object's path. */
function onlyFields(object, allowed, problem, prefix = '', message = 'unexpected field') {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key)) problem(`${prefix}${key.length > 64 ? `${key.slice(0, 64)}…` : key}`, message);
  }
}

/**
 * The shape of an armoured OpenPGP message (RFC 9580 §6): the BEGIN line, optional headers, a blank line,
 * base64 lines, an optional checksum, the END line, and nothing else; its first packet must be an
 * encrypted session key (tag 1 public-key or 3 password), as a message encrypted to a key starts with one.
 */
function isArmoredMessage(text) {
  if (typeof text !== 'string') return false;
  const match =
    /^-----BEGIN PGP MESSAGE-----\r?\n(?:[A-Za-z][A-Za-z0-9-]*: [^\r\n]*\r?\n)*\r?\n((?:[A-Za-z0-9+/]+={0,2}\r?\n)+)(?:=[A-Za-z0-9+/]{4}\r?\n)?-----END PGP MESSAGE-----\s*$/.exec(
      text,
    );
  if (!match) return false;
  const first = Buffer.from(match[1].slice(0, 4), 'base64')[0];
  // New packet format: tag in the low six bits; old format: bits 2–5.
  const tag = (first & 0xc0) === 0xc0 ? first & 0x3f : (first & 0xc0) === 0x80 ? (first >> 2) & 0x0f : -1;
  return tag === 1 || tag === 3;
}

/** Whether JSON `value` nests objects or arrays more than `max` levels deep; iterative, so no input can overflow the stack. */
function nestedDeeperThan(value, max) {
  const pending = [[value, 1]];
  while (pending.length) {
    const [item, depth] = pending.pop();
    if (typeof item !== 'object' || item === null) continue;
    if (depth > max) return true;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return false;
}

/** Every problem with a report body, as { path, message }; empty when it can be stored. */
export function validateReport(body) {
  const issues = [];
  const problem = (path, message) => issues.push({ path, message });
  if (!isObject(body)) return [{ path: '', message: 'expected a JSON object' }];
  const text = textChecker(body, problem);

  const encrypted = body.encrypted !== undefined;
  if (encrypted) onlyFields(body, ENCRYPTED_REPORT_FIELDS, problem, '', 'not allowed in an encrypted report: its content belongs inside "encrypted"');
  else onlyFields(body, PLAIN_REPORT_FIELDS, problem);
  checkEnvelope(body, problem);
  if (!isObject(body.policy)) problem('policy', 'expected { id, updated }');
  else {
    onlyFields(body.policy, ['id', 'updated'], problem, 'policy.');
    if (typeof body.policy.id !== 'string' || !ID.test(body.policy.id)) problem('policy.id', 'expected a policy id');
    if (typeof body.policy.updated !== 'string' || (body.policy.updated !== '' && !DATE.test(body.policy.updated))) {
      problem('policy.updated', 'expected a date YYYY-MM-DD');
    }
  }

  if (encrypted) {
    if (!isArmoredMessage(body.encrypted)) problem('encrypted', 'expected an armoured OpenPGP message (-----BEGIN PGP MESSAGE-----)');
    return issues;
  }

  text('title', TITLE_MAX);
  text('description', TEXT_MAX, { multiline: true });
  text('steps', TEXT_MAX, { multiline: true });
  text('impact', TEXT_MAX, { multiline: true });
  text('asset', 100, { required: false });
  text('name', 200, { required: false });
  text('locale', 35, { required: false });
  text('url', 2000, { required: false });
  if (typeof body.url === 'string' && !isAbsoluteUrl(body.url)) problem('url', 'expected an absolute URL');
  text('email', 254, { required: false });
  if (typeof body.email === 'string' && !EMAIL.test(body.email)) problem('email', 'expected an e-mail address');
  const severity = body.severity;
  if (severity !== undefined && severity !== null && !SEVERITIES.includes(severity) && !isCvss31Vector(severity)) {
    problem('severity', 'expected low, medium, high, critical or a CVSS:3.1/… vector');
  }
  return issues;
}

/** The parts every submission carries: reference, submittedAt, antiAbuse. */
function checkEnvelope(body, problem) {
  if (typeof body.reference !== 'string' || !REFERENCE.test(body.reference)) {
    problem('reference', 'expected up to 100 letters, digits, "-", "_", ".", ":"');
  }
  if (typeof body.submittedAt !== 'string' || body.submittedAt.length > 40 || Number.isNaN(Date.parse(body.submittedAt))) {
    problem('submittedAt', 'expected an ISO 8601 date-time');
  }
  if (!isObject(body.antiAbuse)) problem('antiAbuse', 'expected { honeypot, elapsedMs }');
  else {
    onlyFields(body.antiAbuse, ['honeypot', 'elapsedMs'], problem, 'antiAbuse.');
    if (typeof body.antiAbuse.honeypot !== 'boolean') problem('antiAbuse.honeypot', 'expected true or false');
    if (typeof body.antiAbuse.elapsedMs !== 'number' || !Number.isFinite(body.antiAbuse.elapsedMs) || body.antiAbuse.elapsedMs < 0) {
      problem('antiAbuse.elapsedMs', 'expected a number of milliseconds');
    }
  }
}

/** Every problem with a document request body, as { path, message }; empty when it can be stored. */
export function validateDocumentRequest(body) {
  const issues = [];
  const problem = (path, message) => issues.push({ path, message });
  if (!isObject(body)) return [{ path: '', message: 'expected a JSON object' }];
  const text = textChecker(body, problem);
  onlyFields(body, DOCUMENT_REQUEST_FIELDS, problem);
  checkEnvelope(body, problem);
  if (!isObject(body.document)) problem('document', 'expected { id, title }');
  else {
    onlyFields(body.document, ['id', 'title'], problem, 'document.');
    if (typeof body.document.id !== 'string' || !ID.test(body.document.id)) problem('document.id', 'expected a document id');
    const title = body.document.title;
    if (typeof title !== 'string' || title.trim() === '' || chars(title) > 300 || LINE_BREAKS_OR_CONTROLS.test(title)) {
      problem('document.title', 'expected the document title (one line, at most 300 characters)');
    }
  }
  text('name', 200);
  text('email', 254);
  if (typeof body.email === 'string' && body.email.trim() !== '' && !EMAIL.test(body.email)) problem('email', 'expected an e-mail address');
  text('company', 200);
  text('reason', REASON_MAX, { multiline: true });
  text('locale', 35, { required: false });
  if (body.ndaAccepted !== true) problem('ndaAccepted', 'must be true: the requester accepts the non-disclosure terms');
  return issues;
}

// ---------------------------------------------------------------------------------------------
// Storage

/** JSON with sorted keys, so equal bodies hash equal whatever their key order. */
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => value[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What a retry must repeat: the body without its per-attempt parts (submittedAt, antiAbuse). */
export function bodyFingerprint(body) {
  const { submittedAt: _s, antiAbuse: _a, ...content } = body;
  return createHash('sha256').update(canonical(content)).digest('hex');
}

/** Write to a temporary file in the same folder, flush it, rename it into place, flush the folder. */
export async function writeFileDurably(path, data) {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const file = await open(tmp, 'wx', 0o600);
  try {
    await file.writeFile(data);
    await file.sync();
  } finally {
    await file.close();
  }
  try {
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  // The rename is durable once the directory entry is: fsync the folder (not possible on every OS).
  try {
    const folder = await open(dir, 'r');
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
  } catch {
    // Windows cannot open a directory for fsync; the file itself is flushed.
  }
}

// Crockford's base 32 (no I, L, O, U).
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function serverReference(time, prefix) {
  const date = new Date(time).toISOString().slice(0, 10).replace(/-/g, '');
  const random = [...randomBytes(8)].map((b) => ALPHABET[b % 32]).join('');
  return `${prefix}-${date}-${random}`;
}

// ---------------------------------------------------------------------------------------------
// HTTP

class HttpError extends Error {
  constructor(status, message, extra = {}) {
    super(message);
    this.status = status;
    this.extra = extra;
  }
}

function send(res, status, body, headers = {}) {
  if (res.headersSent) return;
  const payload = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { ...JSON_HEADERS, 'Content-Length': Buffer.byteLength(payload), ...headers });
  res.end(payload);
}

/** The body as a Buffer, refusing (413) past `limit` bytes without reading the rest. */
function readBody(req, limit) {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    return Promise.reject(new HttpError(413, `Too large: at most ${limit} bytes`));
  }
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        req.pause();
        reject(new HttpError(413, `Too large: at most ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks));
    });
    req.on('error', (error) => {
      if (done) return;
      done = true;
      reject(error);
    });
  });
}

/** How many proxies in front of the receiver append to X-Forwarded-For: `true` means one. */
function proxyHops(trustProxy) {
  if (trustProxy === false) return 0;
  if (trustProxy === true) return 1;
  if (Number.isInteger(trustProxy) && trustProxy > 0) return trustProxy;
  throw new TypeError(`createReceiver: trustProxy must be false, true or the number of proxies you run (got ${JSON.stringify(trustProxy)})`);
}

/** An X-Forwarded-For entry as an address: "203.0.113.9", "203.0.113.9:443", "2001:db8::1", "[2001:db8::1]:443"; undefined if malformed. */
function forwardedAddress(entry) {
  const text = entry.trim();
  const address = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text)?.[1] ?? /^([\d.]+):\d{1,5}$/.exec(text)?.[1] ?? text;
  return isIP(address) ? address : undefined;
}

/** The eight 16-bit groups of a valid IPv6 address (with any zone removed). */
function ipv6Groups(address) {
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address)?.slice(1).map(Number);
  // A trailing dotted quad (::ffff:192.0.2.1) stands for the last two groups.
  const hex = quad ? address.replace(/[\d.]+$/, `${((quad[0] << 8) | quad[1]).toString(16)}:${((quad[2] << 8) | quad[3]).toString(16)}`) : address;
  const [head, tail] = hex.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return groups.map((group) => parseInt(group, 16));
}

/**
 * Who a rate-limit bucket belongs to: an IPv4 address (also IPv4-mapped IPv6), or an IPv6 /64, since one
 * subscriber is usually given a whole /64 and could otherwise post from 2^64 addresses.
 */
function addressBucket(address) {
  const bare = address.replace(/%.*$/, '');
  if (isIP(bare) === 4) return bare;
  if (isIP(bare) !== 6) return undefined;
  const groups = ipv6Groups(bare);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return `${groups[6] >> 8}.${groups[6] & 0xff}.${groups[7] >> 8}.${groups[7] & 0xff}`;
  }
  return `${groups.slice(0, 4).map((g) => g.toString(16)).join(':')}::/64`;
}

/**
 * The bucket a request is counted in. Behind `hops` proxies, the X-Forwarded-For entry the outermost of
 * them appended (`hops` from the right): entries left of it are whatever the client sent. A missing,
 * short or malformed header counts under the socket's address, never under a client-chosen one.
 */
function clientBucket(req, hops) {
  if (hops > 0) {
    const entries = String(req.headers['x-forwarded-for'] ?? '').split(',');
    const forwarded = entries.length >= hops ? forwardedAddress(entries[entries.length - hops]) : undefined;
    if (forwarded) return addressBucket(forwarded);
  }
  return addressBucket(req.socket?.remoteAddress ?? '') ?? 'unknown';
}

/** The status a reporter sees: the team's finer steps are theirs. */
const REPORTER_STATUS = { new: 'new', acknowledged: 'acknowledged', triaged: 'acknowledged', resolved: 'resolved', duplicate: 'resolved', spam: 'closed', approved: 'approved', declined: 'declined' };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Creates the handler.
 *
 * @param {object} options
 * @param {string} [options.db] - A SQLite file, or a `postgres://` URL (see store.mjs).
 * @param {string} [options.dataDir] - Instead of `db`: a folder, holding `receiver.sqlite`.
 * @param {import('./store.mjs').Store} [options.store] - An open store, instead of either (the caller closes it).
 * @param {{ windowMs?: number, max?: number, maxAddresses?: number }} [options.rateLimit] - POSTs per client address (IPv6: per /64), route and window; at most `maxAddresses` addresses are tracked.
 * @param {() => number} [options.now] - The clock (ms since the epoch).
 * @param {boolean} [options.testHooks] - Enables /__test__/fail-next, /__test__/reports and /__test__/document-requests (tests only).
 * @param {number} [options.maxBodyBytes] - Larger bodies get 413 (default 256 KB).
 * @param {number} [options.minElapsedMs] - Submissions sent sooner after the form appeared are flagged as suspected spam.
 * @param {string} [options.basePath] - Path prefix of the routes (default `/api`).
 * @param {boolean | number} [options.trustProxy] - The number of proxies you run in front (`true`: one): the client address is the X-Forwarded-For entry the outermost appended.
 * @param {string[] | '*'} [options.allowedOrigins] - Origins allowed to POST cross-origin (CORS); none by default.
 * @param {number} [options.acknowledgeBusinessDays] - The manifest's promise (default 2): a report is due this many business days after it arrived.
 * @param {string} [options.timeZone] - The team's time zone for due dates (default UTC).
 * @param {boolean} [options.requireEncryption] - Refuse plaintext reports (the manifest pins a key).
 * @param {object} [options.notify] - From notify.mjs notificationConfig(): what to tell whom.
 * @param {Record<string, Function>} [options.channels] - From notify.mjs createChannels(): how to send it.
 * @param {string} [options.inboxToken] - The team's bearer token; without one the inbox is off.
 * @param {object} [options.outbox] - Settings of the outbox worker (outbox.mjs).
 * @returns {((req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<void>) & { store(): Promise<import('./store.mjs').Store>, drain(): void, close(): Promise<void>, outbox: ReturnType<typeof createOutbox> }}
 */
export function createReceiver({
  db,
  dataDir,
  store: givenStore,
  rateLimit = {},
  now = () => Date.now(),
  testHooks = false,
  maxBodyBytes = MAX_BODY_BYTES,
  minElapsedMs = 3_000,
  basePath = '/api',
  trustProxy = false,
  allowedOrigins = [],
  acknowledgeBusinessDays = 2,
  timeZone = 'UTC',
  requireEncryption = false,
  notify = {},
  channels = {},
  inboxToken,
  outbox: outboxSettings = {},
} = {}) {
  if (!db && !dataDir && !givenStore) throw new TypeError('createReceiver needs a db (SQLite file or postgres:// URL), a dataDir or a store');
  const { windowMs, max, maxAddresses } = { ...DEFAULT_RATE_LIMIT, ...rateLimit };
  const hops = proxyHops(trustProxy);
  /**
   * Route and client bucket → times of its recent POSTs, least recently active first (memory only: addresses
   * are never written to disk).
   */
  const hits = new Map();
  /** Test hook: queued failures { status, remaining, match }, for any POST route. */
  const failures = [];
  let draining = false;
  let opened;
  let closed = false;
  const getStore = () => {
    if (closed) return Promise.reject(new Error('the receiver is closed'));
    opened ??= (givenStore ? Promise.resolve(givenStore) : openStore(db ?? join(dataDir, 'receiver.sqlite'))).then((store) => {
      if (channels.email || channels.webhook) outbox.start();
      return store;
    });
    opened.catch(() => (opened = undefined));
    return opened;
  };
  const outbox = createOutbox({ store: getStore, channels, now, ...outboxSettings });

  /** One kind of submission: how it is checked and what is stored and queued with it. */
  function collection({ name, prefix, validate, noun, field }) {
    const kind = KINDS[name];

    async function receive(req, res) {
      const cors = corsHeaders(req);
      if (draining) throw new HttpError(503, 'The receiver is restarting: retry in a few seconds', { headers: { 'Retry-After': '5', Connection: 'close' } });
      const wait = rateLimited(`${name} ${clientBucket(req, hops)}`);
      if (wait) {
        throw new HttpError(429, `Too many ${noun}s from this address: retry in ${wait} s`, {
          headers: { 'Retry-After': String(wait), Connection: 'close' },
        });
      }
      const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      if (type !== 'application/json') {
        throw new HttpError(415, `Send the ${noun} as Content-Type: application/json`, { headers: { Connection: 'close' } });
      }
      const key = req.headers['idempotency-key'];
      if (key !== undefined && (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key))) {
        throw new HttpError(400, 'Idempotency-Key must be 1–255 visible ASCII characters');
      }
      let raw;
      try {
        raw = await readBody(req, maxBodyBytes);
      } catch (error) {
        if (error instanceof HttpError) error.extra.headers = { Connection: 'close' };
        throw error;
      }
      let text;
      try {
        text = strictUtf8.decode(raw);
      } catch {
        throw new HttpError(400, 'The body is not valid UTF-8');
      }

      if (testHooks && failures.length) {
        const failure = failures.find((f) => !f.match || text.includes(f.match));
        if (failure) {
          failure.remaining--;
          if (failure.remaining <= 0) failures.splice(failures.indexOf(failure), 1);
          return send(res, failure.status, { error: `Simulated failure ${failure.status} (test hook)` }, cors);
        }
      }

      let body;
      try {
        body = JSON.parse(text);
      } catch (error) {
        throw new HttpError(400, `The body is not valid JSON: ${error.message}`);
      }
      if (nestedDeeperThan(body, MAX_DEPTH)) {
        throw new HttpError(400, `Invalid ${noun}: objects and arrays nest more than ${MAX_DEPTH} levels deep`);
      }
      const issues = validate(body);
      if (!issues.length && kind === 'report' && requireEncryption && body.encrypted === undefined) {
        issues.push({ path: 'encrypted', message: 'this program takes encrypted reports only: encrypt the report to the key the manifest pins' });
      }
      if (issues.length) {
        const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
        throw new HttpError(400, `Invalid ${noun}: ${summary}`, { body: { issues } });
      }

      const store = await getStore();
      const time = now();
      const receivedAt = new Date(time).toISOString();
      const honeypot = body.antiAbuse.honeypot === true;
      const tooFast = body.antiAbuse.elapsedMs < minElapsedMs;
      const encrypted = kind === 'report' && typeof body.encrypted === 'string';
      const triage = {
        suspectedSpam: honeypot || tooFast,
        reasons: [...(honeypot ? ['honeypot'] : []), ...(tooFast ? [`sent ${body.antiAbuse.elapsedMs} ms after the form appeared`] : [])],
      };
      const due = kind === 'report' ? acknowledgeDue(time, acknowledgeBusinessDays, timeZone) : undefined;
      let result;
      try {
        result = await store.submit({
          kind,
          body,
          key,
          fingerprint: bodyFingerprint(body),
          receivedAt,
          encrypted,
          triage,
          acknowledgeDue: due,
          makeReference: () => serverReference(time, prefix),
          notifications: (reference) =>
            newSubmissionNotifications(
              notify,
              { reference, kind, receivedAt, clientReference: body.reference, encrypted, triage, acknowledgeDue: due, [field]: body },
              { basePath },
            ),
        });
      } catch (error) {
        if (error instanceof IdempotencyConflict) throw new HttpError(409, `This Idempotency-Key was already used for a different ${noun}`);
        throw error;
      }
      if (!result.replayed) outbox.kick();
      const token = await store.statusToken(result.reference);
      const answer = { reference: result.reference, statusUrl: `${basePath}/status/#${result.reference}/${token}` };
      return result.replayed ? send(res, 200, answer, { ...cors, 'Idempotent-Replayed': 'true' }) : send(res, 201, answer, cors);
    }

    return { name, kind, receive };
  }

  const collections = [
    collection({ name: 'reports', prefix: 'VR', validate: validateReport, noun: 'report', field: 'report' }),
    collection({ name: 'document-requests', prefix: 'DR', validate: validateDocumentRequest, noun: 'request', field: 'request' }),
  ];

  /**
   * Sliding window per client bucket and route; returns seconds to wait, or 0 when the request may pass.
   * Past `maxAddresses` entries the least recently active is forgotten (expired ones come first): a client
   * that keeps trying stays limited, and pushing one out takes `maxAddresses` other addresses, each of
   * which has a full allowance of its own anyway.
   */
  function rateLimited(key) {
    const time = now();
    const recent = (hits.get(key) ?? []).filter((t) => t > time - windowMs);
    const limited = recent.length >= max;
    if (!limited) recent.push(time);
    // Deleting and setting again moves the key to the end, so the map stays ordered by last request.
    hits.delete(key);
    hits.set(key, recent);
    for (const oldest of hits.keys()) {
      if (hits.size <= maxAddresses) break;
      hits.delete(oldest);
    }
    return limited ? Math.max(1, Math.ceil((recent[0] + windowMs - time) / 1000)) : 0;
  }

  function corsHeaders(req) {
    const origin = req.headers.origin;
    if (!origin) return {};
    const allowed = allowedOrigins === '*' || (Array.isArray(allowedOrigins) && allowedOrigins.includes(origin));
    return allowed ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } : { Vary: 'Origin' };
  }

  async function testRoute(req, res, url, route) {
    if (route === 'fail-next' && req.method === 'POST') {
      const status = Number(url.searchParams.get('status') ?? 500);
      const count = Number(url.searchParams.get('count') ?? 1);
      if (!Number.isInteger(status) || status < 400 || status > 599 || !Number.isInteger(count) || count < 1) {
        throw new HttpError(400, 'status must be 400–599 and count a positive whole number');
      }
      failures.push({ status, remaining: count, match: url.searchParams.get('match') || undefined });
      req.resume();
      return send(res, 200, { ok: true, pending: failures.length });
    }
    const listed = collections.find((c) => c.name === route);
    if (listed && req.method === 'GET') return send(res, 200, await (await getStore()).list(listed.kind));
    throw new HttpError(404, 'No such test route');
  }

  /** GET <base>/health: 200 while the database answers and the receiver takes submissions, else 503. */
  async function health(res) {
    try {
      const store = await getStore();
      await store.ping();
      const outboxState = await store.outboxSummary();
      return send(res, draining ? 503 : 200, { status: draining ? 'draining' : 'ok', database: store.dialect, outbox: outboxState });
    } catch (error) {
      return send(res, 503, { status: 'unavailable', error: `The database does not answer: ${error.message}` });
    }
  }

  /** GET <base>/status/<reference> with the status token as a bearer token: what the reporter may know. */
  async function reporterStatus(req, res, reference) {
    if (req.method !== 'GET') throw new HttpError(405, 'Use GET', { headers: { Allow: 'GET' } });
    const wait = rateLimited(`status ${clientBucket(req, hops)}`);
    if (wait) throw new HttpError(429, `Too many status requests from this address: retry in ${wait} s`, { headers: { 'Retry-After': String(wait) } });
    const token = /^Bearer ([\w-]{1,100})$/.exec(String(req.headers.authorization ?? ''))?.[1];
    const record = token && REFERENCE.test(reference) ? await (await getStore()).byStatusToken(reference, token) : undefined;
    // The same answer for an unknown reference and a wrong token: nothing to learn by guessing.
    if (!record) throw new HttpError(404, 'No submission with this reference and status key');
    const when = (status) => record.events.find((e) => e.action === `status:${status}`)?.at ?? null;
    return send(res, 200, {
      reference: record.reference,
      kind: record.kind,
      status: REPORTER_STATUS[record.status] ?? 'new',
      receivedAt: record.receivedAt,
      ...(record.kind === 'report' ? { acknowledgeDue: record.acknowledgeDue, acknowledgedAt: when('acknowledged') ?? when('triaged'), resolvedAt: when('resolved') ?? when('duplicate') } : {}),
    });
  }

  const inbox = inboxRoutes({ basePath, token: inboxToken, store: getStore, now, notify, timeZone, kick: () => outbox.kick(), HttpError, send });

  async function receiver(req, res) {
    /** CORS is for the form's routes only: the inbox and status API are same-origin. */
    let cors = false;
    try {
      const url = new URL(req.url ?? '/', 'http://receiver.invalid');
      const path = url.pathname.replace(/\/+$/, '');
      const target = collections.find((c) => path === `${basePath}/${c.name}`);
      if (target) {
        cors = true;
        if (req.method === 'OPTIONS') {
          const cors = corsHeaders(req);
          res.writeHead(204, {
            ...cors,
            Allow: 'POST, OPTIONS',
            ...(cors['Access-Control-Allow-Origin']
              ? {
                  'Access-Control-Allow-Methods': 'POST',
                  'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key',
                  'Access-Control-Max-Age': '600',
                }
              : {}),
          });
          return res.end();
        }
        if (req.method !== 'POST') throw new HttpError(405, 'Use POST', { headers: { Allow: 'POST, OPTIONS' } });
        return await target.receive(req, res);
      }
      if (path === `${basePath}/health`) return await health(res);
      const status = new RegExp(`^${basePath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/status/api/([^/]+)$`).exec(path);
      if (status) return await reporterStatus(req, res, decodeURIComponent(status[1]));
      if (await inbox(req, res, url)) return;
      if (testHooks && path.startsWith(`${basePath}/__test__/`)) {
        return await testRoute(req, res, url, path.slice(`${basePath}/__test__/`.length));
      }
      throw new HttpError(404, 'Not found');
    } catch (error) {
      if (error instanceof HttpError) {
        const headers = { ...(cors ? corsHeaders(req) : {}), ...(error.extra.headers ?? {}) };
        return send(res, error.status, { error: error.message, ...(error.extra.body ?? {}) }, headers);
      }
      console.error('receiver:', error);
      return send(res, 500, { error: 'The submission could not be stored; nothing was kept. Please retry.' });
    }
  }

  return Object.assign(receiver, {
    /** The store, opened (and migrated) on first use. */
    store: getStore,
    outbox,
    /** From now on: new submissions get 503 and the health check says "draining" (graceful shutdown). */
    drain() {
      draining = true;
    },
    /** Stops the outbox worker and closes the store this receiver opened. */
    async close() {
      draining = true;
      await outbox.stop();
      const store = opened ? await opened.catch(() => undefined) : undefined;
      closed = true;
      if (store && !givenStore) await store.close();
      await channels.close?.();
    },
  });
}

/**
 * Mounts the receiver in a Koa app (such as @web/dev-server / web-test-runner): requests under
 * `prefix` go to the handler untouched by Koa; the rest go on.
 */
export function receiverAsKoaMiddleware(handler, { prefix = '/api/' } = {}) {
  return async function receiverMiddleware(ctx, next) {
    if (!ctx.path.startsWith(prefix)) return next();
    ctx.respond = false;
    await handler(ctx.req, ctx.res);
  };
}
