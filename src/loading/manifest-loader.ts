import { pickLocalizedSource } from '../i18n/localized-source.js';
import type { CompiledTrees, InlineTrees } from '../manifest/compiled.js';
import { isCompiledManifest, looksCompiled } from '../manifest/compiled-format.js';
import { formatIssue, type ManifestIssue } from '../manifest/issue.js';
import { loadValidator } from '../manifest/lazy.js';
import type { Manifest, Policy } from '../manifest/schema.js';
import { LoadError, isAbortError } from './errors.js';
import type { FetchedText } from './fetch-text.js';
import { keepLastGood, readLastGood } from './last-good.js';
import { loadCompiledCheck } from './lazy.js';
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
  /** From a compiled manifest: each policy's compiled text (files relative to `url`). */
  trees?: CompiledTrees;
  /** From a compiled manifest: the compiled texts it carries itself, by file (no request for those). */
  inline?: InlineTrees;
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

/** JSON text, or a LoadError saying why it is not. */
function parseJson(url: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new LoadError('json', url, text.trim() === '' ? `${url} is empty` : `${url} is not valid JSON: ${detail}`, { cause: error });
  }
}

/** A lazily loaded checker, or a LoadError that says to retry. */
async function checker<T>(url: string, loading: Promise<T>): Promise<T> {
  try {
    return await loading;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new LoadError('network', url, `the trust center's manifest checker could not be loaded (${detail}); check the network and retry`, { cause: error });
  }
}

type Checked =
  | { ok: true; manifest: Manifest; warnings: readonly ManifestIssue[]; trees?: CompiledTrees; inline?: InlineTrees }
  | { ok: false; issues: readonly ManifestIssue[] };

/** The policy a page is about to show: its file is fetched as soon as the manifest's text names it. */
export interface PolicyHint {
  /** The policy's id, picked from the manifest's policy ids; undefined when the page shows another view. */
  pick: (ids: readonly string[]) => string | undefined;
  /** The reader's language, which picks the file of a policy given per language. */
  lang: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isSource = (value: unknown): value is string | Record<string, string> =>
  typeof value === 'string' || (isRecord(value) && Object.keys(value).length > 0 && Object.values(value).every((v) => typeof v === 'string'));

/** A relative path of plain names: `security.md`, `compiled/security.en.0127622a30b7.json`. */
const PLAIN_PATH = /^(?:[\w-][\w.-]*\/)*[\w-][\w.-]*$/;

/**
 * Starts fetching the hinted policy's file (its markdown, or its compiled tree) from the manifest's text before
 * the checker chunk has arrived and checked it: the policy then loads alongside the check, not after it, and
 * loadPolicyText/loadPolicyTree join the request.
 */
function prefetchPolicy(data: unknown, url: string, hint: PolicyHint, options: SharedFetchOptions): void {
  const compiled = isCompiledManifest(data) && isRecord(data) ? data : undefined;
  const manifest = compiled ? compiled['manifest'] : data;
  const policies = isRecord(manifest) && Array.isArray(manifest['policies']) ? manifest['policies'].filter(isRecord) : [];
  const id = hint.pick(policies.map((p) => p['id']).filter((v): v is string => typeof v === 'string'));
  const policy = policies.find((p) => p['id'] === id);
  if (!policy || typeof policy['content'] === 'string' || !isSource(policy['source'])) return;
  const picked = pickLocalizedSource(policy['source'], hint.lang);
  let file: unknown = picked.source;
  if (compiled) {
    const entry = isRecord(compiled['trees']) ? compiled['trees'][policy['id'] as string] : undefined;
    file = typeof entry === 'string' ? entry : isRecord(entry) ? entry[picked.lang] : undefined;
    // A text the manifest carries itself needs no request.
    if (typeof file === 'string' && isRecord(compiled['inline']) && Object.hasOwn(compiled['inline'], file)) return;
  }
  // Narrower than the check: plain names only (no "..", no hidden file, no escapes), so whatever the check
  // refuses is never requested; the few it accepts beyond these just load after it.
  if (typeof file !== 'string' || !PLAIN_PATH.test(file)) return;
  sharedFetchText(new URL(file, url).href, { signal: options.signal, timeoutMs: options.timeoutMs, reload: options.reload }).catch(() => undefined);
}

/**
 * Fetch, parse and check a manifest; every failure is a LoadError saying why. A source manifest goes
 * through the validator; a compiled one (`trust-center build`, already validated) only through its
 * structural check, so neither the validator nor marked is loaded for it. With a `policy` hint, that
 * policy's file starts loading as soon as the manifest's text arrives.
 */
export async function loadManifest(src: string, options: SharedFetchOptions & { policy?: PolicyHint | undefined } = {}): Promise<LoadedManifest> {
  const url = resolveUrl(src);
  // The checker the name promises starts alongside the fetch; settled either way, so a failed chunk load
  // is never an unhandled rejection meanwhile.
  void (looksCompiled(url) ? loadCompiledCheck() : loadValidator()).catch(() => undefined);
  const fetched = await fetchOrLastGood(url, options);
  const data = parseJson(url, fetched.text);
  if (options.policy && !fetched.stale) prefetchPolicy(data, fetched.url, options.policy, options);
  let result: Checked;
  if (isCompiledManifest(data)) {
    const compiled = (await checker(url, loadCompiledCheck())).checkCompiledManifest(data as Record<string, unknown>);
    result = compiled.ok ? { ...compiled, warnings: [] } : compiled;
  } else {
    result = (await checker(url, loadValidator())).parseManifest(data);
  }
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
  const loaded = {
    url: fetched.url,
    manifest: result.manifest,
    warnings: result.warnings,
    ...(result.trees ? { trees: result.trees } : {}),
    ...(result.inline ? { inline: result.inline } : {}),
  };
  if (fetched.stale) return { ...loaded, stale: true, storedAt: fetched.storedAt!, error: fetched.error! };
  // Only a manifest that passed validation is remembered.
  keepLastGood(url, fetched);
  return loaded;
}

/** A fetched file, remembered as the last good copy unless it is that copy. */
async function fetchAndKeep(url: string, options: SharedFetchOptions): Promise<FetchedText & StaleInfo> {
  const fetched = await fetchOrLastGood(url, options);
  if (fetched.stale) return { url: fetched.url, text: fetched.text, stale: true, storedAt: fetched.storedAt!, error: fetched.error! };
  keepLastGood(url, fetched);
  return { url: fetched.url, text: fetched.text };
}

/** The file of a policy for a reader's language, and what to say about the language. */
function pickSource(policy: Policy, lang: string) {
  const picked = pickLocalizedSource(policy.source ?? '', lang);
  const language = typeof policy.source === 'object' ? { lang: picked.lang, fallback: picked.fallback } : {};
  return { picked, language };
}

/** The markdown of one policy: inline content, or its source fetched relative to the manifest. */
export async function loadPolicyText(
  loaded: LoadedManifest,
  policy: Policy,
  options: SharedFetchOptions = {},
  lang = '',
): Promise<LoadedPolicyText> {
  if (typeof policy.content === 'string') return { url: loaded.url, text: policy.content };
  const { picked, language } = pickSource(policy, lang);
  return { ...(await fetchAndKeep(resolveUrl(picked.source, loaded.url), options)), ...language };
}

export interface LoadedPolicyTree extends StaleInfo {
  /** What relative links in it resolve against: the URL of the markdown it was compiled from. */
  url: string;
  /** The parsed file, checked by the compiled chunk's treeBlocks. */
  data: unknown;
  /** The file it came from. */
  file: string;
  lang?: string;
  fallback?: boolean;
}

/** The file (as the compiled manifest names it) of a policy's compiled text in the reader's language. */
export function compiledTreeOf(trees: CompiledTrees, policy: Policy, lang: string): string | undefined {
  const entry = trees[policy.id];
  return typeof entry === 'string' ? entry : entry?.[pickSource(policy, lang).picked.lang];
}

/** The compiled text of one policy in a compiled manifest, for the reader's language. */
export async function loadPolicyTree(
  loaded: LoadedManifest & { trees: CompiledTrees },
  policy: Policy,
  options: SharedFetchOptions = {},
  lang = '',
): Promise<LoadedPolicyTree> {
  const { picked, language } = pickSource(policy, lang);
  const named = compiledTreeOf(loaded.trees, policy, lang) ?? '';
  const file = resolveUrl(named, loaded.url);
  const base = typeof policy.content === 'string' ? loaded.url : resolveUrl(picked.source, loaded.url);
  // Carried in the manifest (a short policy's default language): on the page without another round trip.
  if (loaded.inline && Object.hasOwn(loaded.inline, named)) return { url: base, data: loaded.inline[named], file, ...language };
  const { text, stale, storedAt, error } = await fetchAndKeep(file, options);
  return { url: base, data: parseJson(file, text), file, ...language, ...(stale ? { stale, storedAt, error } : {}) };
}
