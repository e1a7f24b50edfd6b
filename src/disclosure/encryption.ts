// Encrypting a report to the organisation's OpenPGP key, in the browser, before it leaves the page.
// Fails closed: any doubt about the key (unreachable, unreadable, or not the pinned fingerprint)
// is an EncryptionError, and the caller sends nothing.
import { fetchText } from '../loading/fetch-text.js';
import { LoadError, isAbortError } from '../loading/errors.js';
import { loadOpenPgp } from './openpgp-loader.js';

export type EncryptionFailureKind = 'key-fetch' | 'key-invalid' | 'fingerprint' | 'load' | 'encrypt';

export class EncryptionError extends Error {
  override readonly name = 'EncryptionError';
  readonly kind: EncryptionFailureKind;
  /** key-fetch / encrypt: what went wrong, in a phrase. */
  readonly detail: string;
  readonly expected: string | undefined;
  readonly actual: string | undefined;

  constructor(
    kind: EncryptionFailureKind,
    detail: string,
    extra: { expected?: string; actual?: string; cause?: unknown } = {},
  ) {
    super(`${kind}: ${detail}`, { cause: extra.cause });
    this.kind = kind;
    this.detail = detail;
    this.expected = extra.expected;
    this.actual = extra.actual;
  }
}

/** Upper-case hex with everything else (spaces, colons) removed, so pins compare one way. */
export function normalizeFingerprint(fingerprint: string): string {
  return fingerprint.replace(/[^0-9a-f]/gi, '').toUpperCase();
}

/** "98A1 517F 46AA …": groups of four, for people to compare. */
export function formatFingerprint(fingerprint: string): string {
  return normalizeFingerprint(fingerprint).replace(/(.{4})(?=.)/g, '$1 ');
}

export interface EncryptOptions {
  /** Absolute URL of the armoured public key. */
  keyUrl: string;
  /** The manifest's pin. */
  fingerprint: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** Fetches the key, checks it against the pin, and returns `text` as an armoured OpenPGP message. */
export async function encryptText(text: string, options: EncryptOptions): Promise<string> {
  let armoredKey: string;
  try {
    armoredKey = (await fetchText(options.keyUrl, { timeoutMs: options.timeoutMs, signal: options.signal, reload: true })).text;
  } catch (error) {
    if (isAbortError(error)) throw error;
    const detail = error instanceof LoadError ? error.message : String(error);
    throw new EncryptionError('key-fetch', detail, { cause: error });
  }

  let openpgp: Awaited<ReturnType<typeof loadOpenPgp>>;
  try {
    openpgp = await loadOpenPgp();
  } catch (error) {
    throw new EncryptionError('load', error instanceof Error ? error.message : String(error), { cause: error });
  }

  let key: Awaited<ReturnType<typeof openpgp.readKey>>;
  try {
    key = await openpgp.readKey({ armoredKey });
  } catch (error) {
    throw new EncryptionError('key-invalid', error instanceof Error ? error.message : String(error), { cause: error });
  }
  // Only ever encrypt to the public half, even if someone published a private key by mistake.
  if (key.isPrivate()) key = key.toPublic();

  const expected = normalizeFingerprint(options.fingerprint);
  const actual = normalizeFingerprint(key.getFingerprint());
  if (expected === '' || actual !== expected) {
    throw new EncryptionError('fingerprint', 'the key does not match the pinned fingerprint', { expected, actual });
  }

  try {
    const message = await openpgp.createMessage({ text });
    return await openpgp.encrypt({ message, encryptionKeys: key, format: 'armored' });
  } catch (error) {
    throw new EncryptionError('encrypt', error instanceof Error ? error.message : String(error), { cause: error });
  }
}
