/**
 * The last good copy of each manifest (and policy text) this browser loaded, kept in localStorage per
 * URL, so a trust center whose server is down or unreachable still shows what it showed last time,
 * marked as possibly outdated. Only text that loaded and, for a manifest, passed validation is kept.
 *
 * The host page owns localStorage: entries are small (at most MAX_ENTRY characters each, MAX_TOTAL in
 * all, oldest dropped first), live under one prefix, and a full or blocked storage is never an error.
 */

import { afterNextFrameWhenIdle } from './after-paint.js';

const PREFIX = 'trust-center:last-good:';
const INDEX = `${PREFIX}index`;
/** Characters (UTF-16 code units) per entry and in all; localStorage usually holds about 5 M per origin. */
export const MAX_ENTRY = 256 * 1024;
export const MAX_TOTAL = 1024 * 1024;

export interface StoredText {
  /** The URL the text came from (after redirects). */
  url: string;
  text: string;
  /** When it was stored, as an ISO 8601 time. */
  storedAt: string;
}

interface IndexEntry {
  key: string;
  size: number;
  at: number;
}

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // blocked (sandboxed frame, privacy settings)
  }
}

function readIndex(store: Storage): IndexEntry[] {
  try {
    const parsed: unknown = JSON.parse(store.getItem(INDEX) ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter((e): e is IndexEntry => typeof e?.key === 'string' && typeof e?.size === 'number' && typeof e?.at === 'number')
      : [];
  } catch {
    return [];
  }
}

/** The stored copy for a requested URL, if any. */
export function readLastGood(requestUrl: string): StoredText | undefined {
  const store = storage();
  if (!store) return undefined;
  try {
    const raw = store.getItem(PREFIX + requestUrl);
    if (!raw) return undefined;
    const value = JSON.parse(raw) as Partial<StoredText>;
    if (typeof value.url !== 'string' || typeof value.text !== 'string' || typeof value.storedAt !== 'string') return undefined;
    return { url: value.url, text: value.text, storedAt: value.storedAt };
  } catch {
    return undefined;
  }
}

let pending: Promise<void> = Promise.resolve();

/**
 * Keeps text that loaded well under its requested URL, once the next frame is painted and the page is idle: a
 * page's first localStorage access reads the origin's storage from disk (about 10 ms of main thread measured in
 * Chromium here) and storing a 100 KB policy takes longer, which no paint of the policy must wait for. Too
 * large, or no room: nothing is kept.
 */
export function keepLastGood(requestUrl: string, value: { url: string; text: string }, now = Date.now()): void {
  pending = pending.then(afterNextFrameWhenIdle).then(() => writeLastGood(requestUrl, value, now));
}

/** Settles once every copy handed to keepLastGood has been written (tests, and a page about to go offline). */
export const lastGoodWritten = (): Promise<void> => pending;

/** Keeps text that loaded well under its requested URL now; too large, or no room: nothing is kept. */
export function writeLastGood(requestUrl: string, value: { url: string; text: string }, now = Date.now()): void {
  const store = storage();
  if (!store) return;
  const key = PREFIX + requestUrl;
  const entry: StoredText = { url: value.url, text: value.text, storedAt: new Date(now).toISOString() };
  const raw = JSON.stringify(entry);
  try {
    let index = readIndex(store).filter((e) => e.key !== key);
    if (raw.length > MAX_ENTRY) {
      // Too large to keep: also forget an older, smaller copy, which would now be misleading.
      store.removeItem(key);
      store.setItem(INDEX, JSON.stringify(index));
      return;
    }
    if (store.getItem(key) === raw) return;
    // Oldest first out until the new entry fits.
    index.sort((a, b) => a.at - b.at);
    while (index.length && index.reduce((sum, e) => sum + e.size, 0) + raw.length > MAX_TOTAL) {
      store.removeItem(index.shift()!.key);
    }
    index.push({ key, size: raw.length, at: now });
    for (;;) {
      try {
        store.setItem(key, raw);
        break;
      } catch {
        // The host's storage is full: give up our own oldest entries, never anything else.
        const oldest = index.find((e) => e.key !== key);
        if (!oldest) {
          index = index.filter((e) => e.key !== key);
          break;
        }
        store.removeItem(oldest.key);
        index = index.filter((e) => e !== oldest);
      }
    }
    store.setItem(INDEX, JSON.stringify(index));
  } catch {
    // Storage blocked or full: the trust center works without it.
  }
}

/** Forgets every stored copy (tests, and a site that wants none kept). */
export function clearLastGood(): void {
  const store = storage();
  if (!store) return;
  try {
    for (const { key } of readIndex(store)) store.removeItem(key);
    store.removeItem(INDEX);
  } catch {
    // blocked
  }
}
