// Getting a report (or a document request) out of the page: POST to the manifest's endpoint, or a
// mailto: link. A plain module (no element state): the forms call it, tests can call it directly.
import type { ReportBody } from './report.js';

export const DEFAULT_SEND_TIMEOUT_MS = 15_000;
/** Mail clients (and some browsers handing links to them) drop longer mailto: URLs. */
export const MAILTO_MAX_LENGTH = 1_800;

export type SendFailureKind = 'offline' | 'timeout' | 'network' | 'http' | 'response';

/** Why a report did not reach the endpoint; the form words it from these fields. */
export class SendError extends Error {
  override readonly name = 'SendError';
  readonly kind: SendFailureKind;
  readonly status: number | undefined;
  readonly statusText: string;
  /** The server's own `error` message (JSON) or text, shortened. */
  readonly serverMessage: string | undefined;
  /** Seconds, from a 429/503 Retry-After header. */
  readonly retryAfter: number | undefined;
  readonly timeoutMs: number;

  constructor(
    kind: SendFailureKind,
    message: string,
    extra: { status?: number; statusText?: string; serverMessage?: string; retryAfter?: number; timeoutMs?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: extra.cause });
    this.kind = kind;
    this.status = extra.status;
    this.statusText = extra.statusText ?? '';
    this.serverMessage = extra.serverMessage;
    this.retryAfter = extra.retryAfter;
    this.timeoutMs = extra.timeoutMs ?? DEFAULT_SEND_TIMEOUT_MS;
  }
}

/** The words for each kind of failed send, from a form's message catalogue. */
export interface SendFailureWords {
  http: (status: number, statusText: string) => string;
  rateLimited: (seconds: number | undefined) => string;
  detail: (message: string) => string;
  offline: string;
  timeout: (seconds: number) => string;
  network: string;
  response: string;
}

/** What went wrong with a send, as the lines a form shows: the cause, then any server detail. */
export function describeSendError(error: SendError, words: SendFailureWords): string[] {
  switch (error.kind) {
    case 'http': {
      const lines = [words.http(error.status ?? 0, error.statusText)];
      if (error.status === 429) lines.push(words.rateLimited(error.retryAfter));
      if (error.serverMessage) lines.push(words.detail(error.serverMessage));
      return lines;
    }
    case 'offline':
      return [words.offline];
    case 'timeout':
      return [words.timeout(Math.round(error.timeoutMs / 100) / 10)];
    case 'network':
      return [words.network];
    case 'response':
      return [words.response];
  }
}

export interface SendOptions<B = ReportBody> {
  /** Absolute URL of the endpoint. */
  endpoint: string;
  /** Sent as JSON: a report, or any other submission (a document request). */
  body: B;
  /** One per report: the same key on every retry, so the receiver files it once. */
  idempotencyKey: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface SendResult {
  status: number;
  /** The receiver's reference, when it made one (replaces the browser's). */
  reference: string | undefined;
  /** Where the reporter can follow the report's status, when the receiver offers it (an http(s) URL). */
  statusUrl?: string | undefined;
}

/** The receiver's `statusUrl`, resolved against the endpoint; only http(s), anything else is dropped. */
function statusUrlFrom(candidate: unknown, endpoint: string): string | undefined {
  if (typeof candidate !== 'string' || candidate.length > 2000) return undefined;
  try {
    const url = new URL(candidate, new URL(endpoint, document.baseURI));
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const REFERENCE_PATTERN = /^[\w.:/-]{1,100}$/;

async function readServerMessage(response: Response): Promise<string | undefined> {
  try {
    const text = (await response.text()).trim();
    if (!text) return undefined;
    let message = text;
    try {
      const data: unknown = JSON.parse(text);
      if (data && typeof data === 'object') {
        const error = (data as Record<string, unknown>).error ?? (data as Record<string, unknown>).message;
        if (typeof error === 'string') message = error;
      }
    } catch {
      // Plain text is fine.
    }
    // Only text: an HTML error page says nothing a reporter can use.
    if (/^\s*</.test(message)) return undefined;
    return message.length > 300 ? `${message.slice(0, 300)}…` : message;
  } catch {
    return undefined;
  }
}

function retryAfterSeconds(response: Response): number | undefined {
  const value = response.headers.get('Retry-After');
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function isOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

/**
 * POSTs the report (or another submission) as JSON with its Idempotency-Key. Resolves on 2xx (with the
 * receiver's reference if it sent one); anything else rejects with a SendError saying what failed.
 */
export async function postReport<B = ReportBody>(options: SendOptions<B>): Promise<SendResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_SEND_TIMEOUT_MS;
  if (isOffline()) throw new SendError('offline', 'The browser is offline', { timeoutMs });
  const controller = new AbortController();
  const outer = options.signal;
  const onAbort = () => controller.abort(outer?.reason);
  outer?.addEventListener('abort', onAbort, { once: true });
  let timedOut = false;
  // A manual timer rather than AbortSignal.timeout/any, which older Safari lacks.
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    let response: Response;
    try {
      response = await fetch(options.endpoint, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          'Idempotency-Key': options.idempotencyKey,
        },
        body: JSON.stringify(options.body),
        credentials: 'same-origin',
        cache: 'no-store',
        redirect: 'error',
        signal: controller.signal,
      });
    } catch (error) {
      if (timedOut) throw new SendError('timeout', `No answer within ${timeoutMs} ms`, { timeoutMs, cause: error });
      if (outer?.aborted) throw new DOMException('Aborted', 'AbortError');
      if (isOffline()) throw new SendError('offline', 'The browser is offline', { timeoutMs, cause: error });
      throw new SendError('network', 'The endpoint could not be reached (offline, refused, or blocked by CORS)', {
        timeoutMs,
        cause: error,
      });
    }
    if (!response.ok) {
      const serverMessage = await readServerMessage(response);
      throw new SendError('http', `The endpoint answered ${response.status}`, {
        status: response.status,
        statusText: response.statusText,
        serverMessage,
        retryAfter: response.status === 429 || response.status === 503 ? retryAfterSeconds(response) : undefined,
        timeoutMs,
      });
    }
    let reference: string | undefined;
    let statusUrl: string | undefined;
    try {
      const text = await response.text();
      const data: unknown = text ? JSON.parse(text) : undefined;
      const fields = data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
      if (typeof fields.reference === 'string' && REFERENCE_PATTERN.test(fields.reference)) {
        reference = fields.reference;
        statusUrl = statusUrlFrom(fields.statusUrl, options.endpoint);
      }
    } catch (error) {
      // The report arrived (2xx); only the reference is missing, so keep the browser's.
      if (timedOut) throw new SendError('timeout', `No answer within ${timeoutMs} ms`, { timeoutMs, cause: error });
    }
    return { status: response.status, reference, statusUrl };
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onAbort);
  }
}

/** RFC 6068 wants CRLF line breaks in a mailto body. */
function encodeMailtoText(text: string): string {
  return encodeURIComponent(text.replace(/\r\n|\r|\n/g, '\r\n'));
}

export interface MailtoLink {
  href: string;
  /** The body was cut to fit, and `truncationNote` appended. */
  truncated: boolean;
}

/**
 * A mailto: link to `to` with subject and body, at most `maxLength` characters long: a longer body is
 * cut (never inside a character) and ends with `truncationNote`.
 */
export function mailtoLink(
  to: string,
  subject: string,
  body: string,
  truncationNote: string,
  maxLength = MAILTO_MAX_LENGTH,
): MailtoLink {
  const base = `mailto:${encodeURIComponent(to).replace(/%40/g, '@')}?subject=${encodeMailtoText(subject)}&body=`;
  const full = base + encodeMailtoText(body);
  if (full.length <= maxLength) return { href: full, truncated: false };
  const chars = Array.from(body);
  const withPrefix = (n: number) => base + encodeMailtoText(`${chars.slice(0, n).join('').trimEnd()}\n\n${truncationNote}`);
  // The longest prefix that fits: binary search on the number of characters kept.
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (withPrefix(mid).length <= maxLength) low = mid;
    else high = mid - 1;
  }
  const href = withPrefix(low);
  return { href: href.length <= maxLength ? href : base + encodeMailtoText(truncationNote), truncated: true };
}

/** A mailto: link without a body, for when the report itself must not travel in the clear. */
export function plainMailto(to: string, subject?: string): string {
  const address = `mailto:${encodeURIComponent(to).replace(/%40/g, '@')}`;
  return subject ? `${address}?subject=${encodeMailtoText(subject)}` : address;
}
