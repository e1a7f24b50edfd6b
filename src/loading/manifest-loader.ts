import { parseManifest, formatIssue, type ManifestIssue } from '../manifest/validate.js';
import type { Manifest, Policy } from '../manifest/schema.js';
import { LoadError } from './errors.js';
import { sharedFetchText, type SharedFetchOptions } from './shared-fetch.js';

export interface LoadedManifest {
  /** Absolute URL the manifest came from; policy sources resolve against it. */
  url: string;
  manifest: Manifest;
  warnings: readonly ManifestIssue[];
}

export interface LoadedPolicyText {
  /** Absolute URL of the markdown, or the manifest's URL for inline content. */
  url: string;
  text: string;
}

export function resolveUrl(src: string, base: string = document.baseURI): string {
  return new URL(src, base).href;
}

/** Fetch, parse and validate a manifest; every failure is a LoadError saying why. */
export async function loadManifest(src: string, options: SharedFetchOptions = {}): Promise<LoadedManifest> {
  const url = resolveUrl(src);
  const fetched = await sharedFetchText(url, options);
  let data: unknown;
  try {
    data = JSON.parse(fetched.text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const message = fetched.text.trim() === '' ? `${url} is empty` : `${url} is not valid JSON: ${detail}`;
    throw new LoadError('json', url, message, { cause: error });
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
  return { url: fetched.url, manifest: result.manifest, warnings: result.warnings };
}

/** The markdown of one policy: inline content, or its source fetched relative to the manifest. */
export async function loadPolicyText(
  loaded: LoadedManifest,
  policy: Policy,
  options: SharedFetchOptions = {},
): Promise<LoadedPolicyText> {
  if (typeof policy.content === 'string') return { url: loaded.url, text: policy.content };
  const url = resolveUrl(policy.source as string, loaded.url);
  const fetched = await sharedFetchText(url, options);
  return { url: fetched.url, text: fetched.text };
}
