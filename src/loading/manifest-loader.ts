import { pickLocalizedSource } from '../i18n/localized-source.js';
import { formatIssue, type ManifestIssue } from '../manifest/issue.js';
import { loadValidator } from '../manifest/lazy.js';
import type { Manifest, Policy } from '../manifest/schema.js';
import { LoadError, isAbortError } from './errors.js';
import type { FetchedText } from './fetch-text.js';
import { readLastGood, writeLastGood } from './last-good.js';
import { sharedFetchText, type SharedFetchOptions } from './shared-fetch.js';

/** Set when the server could not be reached and the copy this browser kept last time is shown instead. */
export interface StaleInfo {
  /** True: the network failed, this is the last good copy (possibly outdated). */
  stale?: true;
  /** When that copy was stored (ISO 8601). */
  storedAt?: string;
  /** Why the fresh copy could not be loaded. */
  error?: LoadError;
}

export interface LoadedManifest extends StaleInfo {
  /** Absolute URL the manifest came from; policy sources resolve against it. */
  url: string;
  manifest: Manifest;
  warnings: readonly ManifestIssue[];
}

export interface LoadedPolicyText extends StaleInfo {
  /** Absolute URL of the markdown, or the manifest's URL for inline content. */
  url: string;
  text: string;
  /** The language of the file shown, for a policy given per language. */
  lang?: string;
  /** True when the reader's language has no file and the default language is shown instead. */
  fallback?: boolean;
}

/** Failures the server may get over (unreachable, too slow, 5xx, 408, 429): the stored copy may stand in. */
export function isTransient(error: unknown): error is LoadError {
  if (!(error instanceof LoadError)) return false;
  if (error.kind === 'network' || error.kind === 'timeout') return true;
  return error.kind === 'http' && error.status !== undefined && (error.status >= 500 || error.status === 408 || error.status === 429);
}

/** Fetches a URL; on a transient failure, falls back to the last good copy kept for it, if there is one. */
async function fetchOrLastGood(url: string, options: SharedFetchOptions): Promise<FetchedText & StaleInfo> {
  try {
    return await sharedFetchText(url, options);
  } catch (error) {
    if (isAbortError(error) || !isTransient(error)) throw error;
    const kept = readLastGood(url);
    if (!kept) throw error;
    return { url: kept.url, text: kept.text, stale: true, storedAt: kept.storedAt, error };
  }
}

export function resolveUrl(src: string, base: string = document.baseURI): string {
  return new URL(src, base).href;
}

/** Fetch, parse and validate a manifest; every failure is a LoadError saying why. */
export async function loadManifest(src: string, options: SharedFetchOptions = {}): Promise<LoadedManifest> {
  const url = resolveUrl(src);
  const validator = loadValidator();
  // Settled either way, so a failed chunk load is never an unhandled rejection while the fetch runs.
  validator.catch(() => undefined);
  const fetched = await fetchOrLastGood(url, options);
  let data: unknown;
  try {
    data = JSON.parse(fetched.text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const message = fetched.text.trim() === '' ? `${url} is empty` : `${url} is not valid JSON: ${detail}`;
    throw new LoadError('json', url, message, { cause: error });
  }
  let parseManifest;
  try {
    ({ parseManifest } = await validator);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new LoadError('network', url, `the trust center's manifest checker could not be loaded (${detail}); check the network and retry`, { cause: error });
  }
  const result = parseManifest(data);
  if (!result.ok) {
    const count = result.issues.length;
    const first = result.issues[0];
    const summary = first ? formatIssue(first) : 'invalid manifest';
    throw new LoadError(
      'schema',
      url,
      `${url} is not a valid trust-center manifest: ${summary}${count > 1 ? ` (and ${count - 1} more)` : ''}`,
      { issues: result.issues },
    );
  }
  if (fetched.stale) {
    return { url: fetched.url, manifest: result.manifest, warnings: result.warnings, stale: true, storedAt: fetched.storedAt!, error: fetched.error! };
  }
  // Only a manifest that passed validation is remembered.
  writeLastGood(url, fetched);
  return { url: fetched.url, manifest: result.manifest, warnings: result.warnings };
}

/** The markdown of one policy: inline content, or its source fetched relative to the manifest. */
export async function loadPolicyText(
  loaded: LoadedManifest,
  policy: Policy,
  options: SharedFetchOptions = {},
  lang = '',
): Promise<LoadedPolicyText> {
  if (typeof policy.content === 'string') return { url: loaded.url, text: policy.content };
  const picked = pickLocalizedSource(policy.source ?? '', lang);
  const language = typeof policy.source === 'string' ? {} : { lang: picked.lang, fallback: picked.fallback };
  const url = resolveUrl(picked.source, loaded.url);
  const fetched = await fetchOrLastGood(url, options);
  if (fetched.stale) {
    return { url: fetched.url, text: fetched.text, ...language, stale: true, storedAt: fetched.storedAt!, error: fetched.error! };
  }
  writeLastGood(url, fetched);
  return { url: fetched.url, text: fetched.text, ...language };
}
