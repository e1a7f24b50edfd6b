// A hand check of just the fields the banner reads, with the full validator's "path: expected …, got …"
// messages and limits: valibot (even a small schema from src/manifest/schema.ts, ~3.9 KB gzipped) would not
// fit the banner's budget. The trust center itself still validates the whole manifest.
import { ID_PATTERN, MAX_NAME, MAX_POLICIES, MAX_SENTENCE, ONE_LINE, characterCount, forbiddenCharacter } from '../manifest/limits.js';

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

function fail(path: string, what: string, got: string): never {
  throw new Error(`${path}: expected ${what}, got ${got}`);
}

/** Throws "path: expected what, got value" unless ok. */
function check(ok: boolean, path: string, what: string, value: unknown): void {
  if (!ok) fail(path, what, Array.isArray(value) ? 'array' : `${JSON.stringify(value)}`.slice(0, 60));
}

/**
 * Refuses, as the schema does, text too long or not on one line: shortening it instead would show on every
 * page what the trust center itself refuses to show, and could cut a sentence's meaning.
 */
function checkLine(text: string, path: string, max: number): void {
  const length = characterCount(text);
  check(length <= max, path, `at most ${max} characters`, length);
  const bad = forbiddenCharacter(text);
  if (bad) fail(path, ONE_LINE, bad);
}

function readPolicy(policy: unknown, index: number): BannerPolicy {
  const at = `policies[${index}]`;
  check(isObject(policy), at, 'an object', policy);
  const { id, title, updated, changes = [] } = policy as Json;
  check(typeof id === 'string' && ID_PATTERN.test(id), at + '.id', 'an id of lowercase letters, digits and hyphens', id);
  check(isText(title), at + '.title', 'a non-empty string', title);
  checkLine(title as string, at + '.title', MAX_NAME);
  check(isDate(updated), at + '.updated', 'a date YYYY-MM-DD', updated);
  check(Array.isArray(changes), at + '.changes', 'an array', changes);
  let latest: Json = {};
  (changes as unknown[]).forEach((change, i) => {
    const path = `${at}.changes[${i}]`;
    check(isObject(change), path, 'an object', change);
    const { date, summary } = change as Json;
    check(isDate(date), path + '.date', 'a date YYYY-MM-DD', date);
    check(isText(summary), path + '.summary', 'a non-empty string', summary);
    checkLine(summary as string, path + '.summary', MAX_SENTENCE);
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
  // Checked before reading any: a huge list costs nothing, and never reaches the visitor's storage.
  check((policies as unknown[]).length <= MAX_POLICIES, 'policies', `at most ${MAX_POLICIES} policies`, (policies as unknown[]).length);
  const read = (policies as unknown[]).map(readPolicy);
  check(isObject(banner), 'banner', 'an object', banner);
  const { policies: watched, recentDays = 30, message } = banner as Json;
  check(watched === undefined || Array.isArray(watched), 'banner.policies', 'an array', watched);
  (watched as unknown[] | undefined)?.forEach((id, i) =>
    check(read.some((policy) => policy.id === id), `banner.policies[${i}]`, 'the id of a policy in this manifest', id),
  );
  check(Number.isInteger(recentDays) && (recentDays as number) >= 0, 'banner.recentDays', 'a whole number of 0 or more', recentDays);
  check(message === undefined || typeof message === 'string', 'banner.message', 'a string', message);
  if (message) checkLine(message as string, 'banner.message', MAX_SENTENCE);
  return {
    policies: read,
    watched: watched as string[] | undefined,
    recentDays: recentDays as number,
    message: isText(message) ? message : undefined,
  };
}
