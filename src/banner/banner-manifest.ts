// A hand check of just the fields the banner reads, with the full validator's "path: expected …, got …"
// messages: valibot (even a small schema from src/manifest/schema.ts, ~3.9 KB gzipped) would not fit the
// banner's budget. The trust center itself still validates the whole manifest.

/** One policy as the banner sees it. */
export interface BannerPolicy {
  id: string;
  title: string;
  /** YYYY-MM-DD: the version a visitor sees. */
  updated: string;
  /** The latest `changes[].summary`, if any. */
  change: string | undefined;
}

export interface BannerManifest {
  policies: BannerPolicy[];
  /** Ids of the policies the banner announces; undefined: all. */
  watched: string[] | undefined;
  recentDays: number;
  message: string | undefined;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => !!value && typeof value === 'object' && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
/** A real calendar day: Date rolls 2026-02-30 over to March, so the round trip catches it. */
const isDate = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d\d-\d\d$/.test(value) && new Date(Date.parse(value) || 0).toISOString().startsWith(value);

/** Throws "path: expected what, got value" unless ok. */
function check(ok: boolean, path: string, what: string, value: unknown): void {
  if (!ok) throw new Error(`${path}: expected ${what}, got ${Array.isArray(value) ? 'array' : JSON.stringify(value)?.slice(0, 60)}`);
}

function readPolicy(policy: unknown, index: number): BannerPolicy {
  const at = `policies[${index}]`;
  check(isObject(policy), at, 'an object', policy);
  const { id, title, updated, changes = [] } = policy as Json;
  check(typeof id === 'string' && /^[a-z0-9][a-z0-9-]{0,63}$/.test(id), at + '.id', 'an id of lowercase letters, digits and hyphens', id);
  check(isText(title), at + '.title', 'a non-empty string', title);
  check(isDate(updated), at + '.updated', 'a date YYYY-MM-DD', updated);
  check(Array.isArray(changes), at + '.changes', 'an array', changes);
  let latest: Json = {};
  (changes as unknown[]).forEach((change, i) => {
    const path = `${at}.changes[${i}]`;
    check(isObject(change), path, 'an object', change);
    const { date, summary } = change as Json;
    check(isDate(date), path + '.date', 'a date YYYY-MM-DD', date);
    check(isText(summary), path + '.summary', 'a non-empty string', summary);
    // The most recent change; the first listed among equally recent ones.
    if (!((latest.date as string) >= (date as string))) latest = change as Json;
  });
  return { id: id as string, title: title as string, updated: updated as string, change: latest.summary as string | undefined };
}

/** Parsed JSON → what the banner needs; throws an Error naming the first problem's path. */
export function readBannerManifest(data: unknown): BannerManifest {
  check(isObject(data), '(root)', 'a JSON object', data);
  const { version, policies, banner = {} } = data as Json;
  check(version === 1, 'version', 'the number 1', version);
  check(Array.isArray(policies) && policies.length > 0, 'policies', 'an array of at least one policy', policies);
  const read = (policies as unknown[]).map(readPolicy);
  check(isObject(banner), 'banner', 'an object', banner);
  const { policies: watched, recentDays = 30, message } = banner as Json;
  check(watched === undefined || Array.isArray(watched), 'banner.policies', 'an array', watched);
  (watched as unknown[] | undefined)?.forEach((id, i) =>
    check(read.some((policy) => policy.id === id), `banner.policies[${i}]`, 'the id of a policy in this manifest', id),
  );
  check(Number.isInteger(recentDays) && (recentDays as number) >= 0, 'banner.recentDays', 'a whole number of 0 or more', recentDays);
  check(message === undefined || typeof message === 'string', 'banner.message', 'a string', message);
  return {
    policies: read,
    watched: watched as string[] | undefined,
    recentDays: recentDays as number,
    message: isText(message) ? message : undefined,
  };
}
