/**
 * Which version (the `updated` date) of each policy a visitor has seen, per manifest URL: one
 * localStorage key per manifest, `trust-center:seen:<absolute manifest URL>` → `{ [policyId]: 'YYYY-MM-DD' }`.
 * Where storage is blocked, full or missing, the page remembers in memory instead; nothing here throws.
 * A record holds at most MAX_POLICIES valid ids, so it never grows past MAX_STORED characters of the host's storage.
 */
import { ID_PATTERN, MAX_POLICIES } from '../manifest/limits.js';

/** Fired on `window` when this page records seen versions: `storage` events only reach other tabs. */
export const SEEN_EVENT = 'trust-center-seen';

export interface SeenEventDetail {
  /** Absolute URL of the manifest the versions belong to. */
  manifestUrl: string;
  versions: Record<string, string>;
}

// Only what could not be stored lives here, so clearing site data still forgets what was stored.
const memory: Record<string, Record<string, string>> = {};

/** The manifest URL made absolute against the page, so every page of a site shares one record. */
export function absoluteUrl(manifestUrl: string): string {
  try {
    return new URL(manifestUrl, document.baseURI).href;
  } catch {
    return manifestUrl;
  }
}

export const seenKey = (manifestUrl: string): string => 'trust-center:seen:' + absoluteUrl(manifestUrl);

/** The longest record written here: MAX_POLICIES entries of `"<64-character id>":"YYYY-MM-DD",` and the braces. */
const MAX_STORED = MAX_POLICIES * 80 + 2;

/** The stored record, or undefined when localStorage throws (SecurityError), is null, holds no JSON or is too long. */
function stored(key: string): unknown {
  try {
    const text = localStorage.getItem(key)!;
    // Longer than anything written here (corrupt, or left by a version without limits): ignored, and replaced at the next write.
    return text.length > MAX_STORED ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The later version of each policy; anything but a policy id and a YYYY-MM-DD string is ignored. */
function merge(...records: unknown[]): Record<string, string> {
  const versions: Record<string, string> = {};
  for (const record of records)
    for (const [id, version] of Object.entries(Object(record) as Record<string, unknown>))
      if (ID_PATTERN.test(id) && typeof version === 'string' && /^\d{4}-\d\d-\d\d$/.test(version) && !(versions[id]! >= version))
        versions[id] = version;
  return versions;
}

/** Only the policies still in the manifest (when known), and the MAX_POLICIES most recent versions: the oldest go first. */
function bounded(versions: Record<string, string>, current: readonly string[] | undefined): Record<string, string> {
  const keep = current && new Set(current);
  const entries = Object.entries(versions).filter(([id]) => !keep || keep.has(id));
  if (entries.length > MAX_POLICIES) entries.sort((a, b) => +(a[1] < b[1]) - +(a[1] > b[1])).length = MAX_POLICIES;
  return Object.fromEntries(entries);
}

/** The versions recorded for a manifest, `{ [policyId]: 'YYYY-MM-DD' }`; `{}` when none. */
export function readSeen(manifestUrl: string): Record<string, string> {
  const key = seenKey(manifestUrl);
  return merge(stored(key), memory[key]);
}

/**
 * Record that the visitor has seen these policy versions; each policy keeps the later of its recorded and
 * given version. `current`, the ids of the manifest's policies, drops those it no longer has. Banners on this
 * page for the same manifest update at once.
 */
export function markSeen(manifestUrl: string, versions: Record<string, string>, current?: readonly string[]): void {
  const key = seenKey(manifestUrl);
  const next = bounded(merge(stored(key), memory[key], versions), current);
  try {
    localStorage.setItem(key, JSON.stringify(next));
    delete memory[key];
  } catch {
    // SecurityError, QuotaExceededError or no storage at all: remember for this page at least.
    memory[key] = next;
  }
  const detail: SeenEventDetail = { manifestUrl: absoluteUrl(manifestUrl), versions: next };
  dispatchEvent(new CustomEvent(SEEN_EVENT, { detail }));
}
