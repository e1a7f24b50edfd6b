/**
 * Which version (the `updated` date) of each policy a visitor has seen, per manifest URL: one
 * localStorage key per manifest, `trust-center:seen:<absolute manifest URL>` → `{ [policyId]: 'YYYY-MM-DD' }`.
 * Where storage is blocked, full or missing, the page remembers in memory instead; nothing here throws.
 */

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

/** The stored record, or undefined when localStorage throws (SecurityError), is null, or holds no JSON. */
function stored(key: string): unknown {
  try {
    return JSON.parse(localStorage.getItem(key)!);
  } catch {
    return undefined;
  }
}

/** The later version of each policy; anything but a YYYY-MM-DD string is ignored. */
function merge(...records: unknown[]): Record<string, string> {
  const versions: Record<string, string> = {};
  for (const record of records)
    for (const [id, version] of Object.entries(Object(record) as Record<string, unknown>))
      // A stored "__proto__" key assigns a primitive prototype, which is ignored.
      if (typeof version === 'string' && /^\d{4}-\d\d-\d\d$/.test(version) && !(versions[id]! >= version)) versions[id] = version;
  return versions;
}

/** The versions recorded for a manifest, `{ [policyId]: 'YYYY-MM-DD' }`; `{}` when none. */
export function readSeen(manifestUrl: string): Record<string, string> {
  const key = seenKey(manifestUrl);
  return merge(stored(key), memory[key]);
}

/**
 * Record that the visitor has seen these policy versions; each policy keeps the later of its recorded and
 * given version. Banners on this page for the same manifest update at once.
 */
export function markSeen(manifestUrl: string, versions: Record<string, string>): void {
  const key = seenKey(manifestUrl);
  const next = merge(stored(key), memory[key], versions);
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
