import { decodeEntities } from './entities.js';

// Any syntactically absolute base works for deciding the scheme of a relative URL.
const PLACEHOLDER_BASE = 'https://invalid.example/';

const LINK_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:', 'tel:']);
const HTTP_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:']);
// A scheme, or a leading `//` (`\\` counts for special schemes): the only URLs that can leave the page.
const ABSOLUTE_OR_PROTOCOL_RELATIVE = /^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|[\\/]{2})/;

function isTabOrNewline(code: number): boolean {
  return code === 0x09 || code === 0x0a || code === 0x0d;
}

/** What the WHATWG URL parser strips: tab/LF/CR anywhere, C0 controls and space at either end. */
function stripLikeBrowsers(raw: string): string {
  let start = 0;
  let end = raw.length;
  while (start < end && raw.charCodeAt(start) <= 0x20) start++;
  while (end > start && raw.charCodeAt(end - 1) <= 0x20) end--;
  let out = '';
  let runStart = start;
  for (let i = start; i < end; i++) {
    if (isTabOrNewline(raw.charCodeAt(i))) {
      out += raw.slice(runStart, i);
      runStart = i + 1;
    }
  }
  return out + raw.slice(runStart, end);
}

function parseUrl(raw: string, base?: string): URL | undefined {
  try {
    return new URL(raw, base);
  } catch {
    return undefined;
  }
}

function hasAllowedScheme(candidate: string, base: string, protocols: ReadonlySet<string>): URL | undefined {
  const url = parseUrl(candidate, base);
  return url && protocols.has(url.protocol) ? url : undefined;
}

interface CheckedUrl {
  href: string;
  /** The parsed URL, absent for fragments; resolved against a placeholder when there was no base. */
  url?: URL;
}

function checkUrl(raw: string, base: string | undefined, protocols: ReadonlySet<string>): CheckedUrl | undefined {
  const candidate = stripLikeBrowsers(raw);
  if (candidate.startsWith('#')) return { href: candidate };
  const url = hasAllowedScheme(candidate, base ?? PLACEHOLDER_BASE, protocols);
  if (!url) return undefined;
  // Callers hand us decoded text, so an entity left in it is suspicious (`&#106;avascript:`):
  // refuse if decoding it once more would reveal a forbidden scheme to some HTML sink later.
  const decoded = decodeEntities(candidate);
  if (decoded !== candidate && !hasAllowedScheme(stripLikeBrowsers(decoded), base ?? PLACEHOLDER_BASE, protocols)) {
    return undefined;
  }
  return { href: base === undefined ? candidate : url.href, url };
}

/**
 * A safe href for `raw`, or undefined. Allows http(s), mailto, tel, relative URLs (resolved
 * against `base` when given) and `#fragment` links (returned as is).
 */
export function safeUrl(raw: string, base?: string): string | undefined {
  return checkUrl(raw, base, LINK_PROTOCOLS)?.href;
}

/** A safe image src for `raw`, or undefined: http(s) or relative only (no data:, mailto:, tel:). */
export function safeImageUrl(raw: string, base?: string): string | undefined {
  return checkUrl(raw, base, HTTP_PROTOCOLS)?.href;
}

/** The origin to compare links with, e.g. `https://a.example/` → `https://a.example`. */
export function normalizeOrigin(pageOrigin: string): string {
  return parseUrl(pageOrigin)?.origin ?? pageOrigin;
}

/**
 * `safeUrl` and `isExternal` from a single URL parse, for renderers with many links.
 * `pageOrigin` must already be normalized (see normalizeOrigin).
 */
export function checkLink(raw: string, base: string | undefined, pageOrigin: string): { href: string; external: boolean } | undefined {
  const checked = checkUrl(raw, base, LINK_PROTOCOLS);
  if (!checked) return undefined;
  const { href, url } = checked;
  // Without a base, a relative URL was resolved against the placeholder: it stays on the page.
  const leavesPage = base !== undefined || ABSOLUTE_OR_PROTOCOL_RELATIVE.test(href);
  const external = url !== undefined && leavesPage && HTTP_PROTOCOLS.has(url.protocol) && url.origin !== pageOrigin;
  return { href, external };
}

/** True when `href` is an http(s) URL on an origin other than `pageOrigin`. */
export function isExternal(href: string, pageOrigin: string): boolean {
  // Skips parsing the common relative and fragment links.
  if (!ABSOLUTE_OR_PROTOCOL_RELATIVE.test(stripLikeBrowsers(href))) return false;
  // Resolving against the page makes protocol-relative `//host` count as the other host.
  const url = parseUrl(href, pageOrigin) ?? parseUrl(href);
  if (!url || !HTTP_PROTOCOLS.has(url.protocol)) return false;
  return url.origin !== pageOrigin && url.origin !== normalizeOrigin(pageOrigin);
}
