// The team's inbox and the reporter's status page, served by the receiver.
//
// The pages (server/pages/) are static files under a strict Content-Security-Policy: no inline script
// or style, no HTML sinks (Trusted Types required, no policy allowed). The inbox's data comes from
// <base>/inbox/api/… with the team's token as `Authorization: Bearer`, which the page keeps in this
// tab's sessionStorage: a browser never attaches it by itself, so no other site can make a request
// with it (no cookies, hence nothing to forge: CSRF-safe by construction). Without a token configured
// every inbox route answers 404: the inbox is never open by default.
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { REPORT_STATUSES, REQUEST_STATUSES, StoreError } from './store.mjs';
import { changeStatus, inboxListing } from './triage.mjs';

/** The page header: the component's policy (README "Security"), with nothing loaded from elsewhere. */
export const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'self'; require-trusted-types-for 'script'; trusted-types 'none'";

const PAGES = new URL('./pages/', import.meta.url);
const FILES = {
  'inbox/': ['inbox.html', 'text/html; charset=utf-8'],
  'inbox/inbox.js': ['inbox.js', 'text/javascript; charset=utf-8'],
  'inbox/pages.css': ['pages.css', 'text/css; charset=utf-8'],
  'status/': ['status.html', 'text/html; charset=utf-8'],
  'status/status.js': ['status.js', 'text/javascript; charset=utf-8'],
  'status/pages.css': ['pages.css', 'text/css; charset=utf-8'],
  'inbox/dom.js': ['dom.js', 'text/javascript; charset=utf-8'],
  'status/dom.js': ['dom.js', 'text/javascript; charset=utf-8'],
};
/** The shortest token accepted: a guessable one would open every report. */
export const MIN_TOKEN_LENGTH = 24;
const MAX_NOTE = 5_000;

const digest = (text) => createHash('sha256').update(String(text)).digest();

/** The inbox's routes as one function: resolves true when it answered. */
export function inboxRoutes({ basePath, token, store, now, notify, timeZone, kick, HttpError, send }) {
  if (token !== undefined && (typeof token !== 'string' || token.length < MIN_TOKEN_LENGTH)) {
    throw new TypeError(`the inbox token must be at least ${MIN_TOKEN_LENGTH} characters (e.g. openssl rand -base64 32)`);
  }
  const expected = token ? digest(token) : undefined;
  const cache = new Map();

  async function page(res, [file, type]) {
    let body = cache.get(file);
    if (!body) cache.set(file, (body = await readFile(new URL(file, PAGES))));
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': body.length,
      'Content-Security-Policy': PAGE_CSP,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'SAMEORIGIN',
      'Cross-Origin-Opener-Policy': 'same-origin',
    });
    res.end(body);
  }

  /** The caller's name for the history: the page sends the one typed at sign-in. */
  function authorize(req) {
    const given = /^Bearer (\S{1,512})$/.exec(String(req.headers.authorization ?? ''))?.[1];
    if (!given || !timingSafeEqual(digest(given), expected)) {
      throw new HttpError(401, 'Sign in with the inbox token', { headers: { 'WWW-Authenticate': 'Bearer realm="trust-center inbox"' } });
    }
    const actor = String(req.headers['x-trust-center-actor'] ?? '').replace(/[^\p{L}\p{N} ._@'-]/gu, '').trim().slice(0, 80);
    return actor ? `inbox:${actor}` : 'inbox';
  }

  async function readJson(req) {
    const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') throw new HttpError(415, 'Send JSON (Content-Type: application/json)');
    const chunks = [];
    let size = 0;
    for await (const chunk of req) {
      size += chunk.length;
      if (size > 16 * 1024) throw new HttpError(413, 'Too large: at most 16 KB');
      chunks.push(chunk);
    }
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('expected an object');
      return body;
    } catch (error) {
      throw new HttpError(400, `The body is not a JSON object: ${error.message}`);
    }
  }

  function checkNote(note) {
    if (note === undefined || note === null || note === '') return undefined;
    if (typeof note !== 'string' || [...note].length > MAX_NOTE) throw new HttpError(400, `note: expected text of at most ${MAX_NOTE} characters`);
    return note;
  }

  async function api(req, res, rest) {
    const actor = authorize(req);
    const db = await store();
    if (rest === 'submissions' && req.method === 'GET') {
      const listing = await inboxListing(db, { now: now(), timeZone });
      return send(res, 200, { ...listing, outbox: await db.outboxSummary(), statuses: { report: REPORT_STATUSES, 'document-request': REQUEST_STATUSES } });
    }
    const match = /^submissions\/([\w.:-]{1,100})(?:\/(status|notes))?$/.exec(rest);
    if (!match) throw new HttpError(404, 'Not found');
    const [, reference, action] = match;
    if (!action) {
      if (req.method !== 'GET') throw new HttpError(405, 'Use GET', { headers: { Allow: 'GET' } });
      const record = await db.get(reference);
      if (!record) throw new HttpError(404, `No submission ${reference}`);
      // Notification bodies hold the report again; the inbox shows only how delivery went.
      const notifications = record.notifications.map(({ payload: _payload, ...rest }) => rest);
      return send(res, 200, { ...record, notifications });
    }
    if (req.method !== 'POST') throw new HttpError(405, 'Use POST', { headers: { Allow: 'POST' } });
    const body = await readJson(req);
    try {
      if (action === 'notes') {
        const note = checkNote(body.note);
        if (!note) throw new HttpError(400, 'note: required');
        await db.addNote(reference, { actor, at: new Date(now()).toISOString(), note });
        return send(res, 200, await db.get(reference));
      }
      if (typeof body.status !== 'string') throw new HttpError(400, 'status: required');
      const changed = await changeStatus(db, reference, body.status, {
        actor,
        note: checkNote(body.note),
        tellSubmitter: body.tellSubmitter === true,
        notify,
        basePath,
        now: now(),
      });
      if (changed.queued) kick();
      return send(res, 200, { reference, status: changed.status, queued: changed.queued });
    } catch (error) {
      if (error instanceof StoreError) throw new HttpError(error.message.startsWith('no submission') ? 404 : 400, error.message);
      throw error;
    }
  }

  return async function inbox(req, res, url) {
    const prefix = `${basePath}/`;
    if (!url.pathname.startsWith(prefix)) return false;
    const rest = url.pathname.slice(prefix.length);
    const isInbox = rest === 'inbox' || rest.startsWith('inbox/');
    if (!isInbox && !rest.startsWith('status')) return false;
    if (isInbox && !expected) throw new HttpError(404, 'The inbox is off: start the receiver with TRUST_CENTER_INBOX_TOKEN set');
    if (rest.startsWith('inbox/api/')) {
      await api(req, res, rest.slice('inbox/api/'.length));
      return true;
    }
    if (rest === 'inbox' || rest === 'status') {
      res.writeHead(308, { Location: `${url.pathname}/` }).end();
      return true;
    }
    const file = FILES[rest];
    if (!file) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'Use GET', { headers: { Allow: 'GET' } });
    await page(res, file);
    return true;
  };
}
