import { quote } from './hints.js';

// Checks JSON Schema cannot express; kept free of the DOM so they run in Node too.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A YYYY-MM-DD date that exists in the calendar (no 2026-02-30). */
export function isRealDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function isNotBlank(text: string): boolean {
  return text.trim() !== '';
}

// Two unrelated bases: a reference is relative only if it stays on whichever origin it is resolved against.
const PROBE_BASES = ['https://a.invalid/dir/', 'http://b.invalid/dir/'] as const;

/**
 * A reference resolved against the manifest's URL ("security.md", "../x", "/api"), not one that
 * names its own scheme or host ("https://…", "//host", " javascript:", "\\\\host" all fail).
 */
export function isRelativeUrl(text: string): boolean {
  return PROBE_BASES.every((base) => {
    try {
      return new URL(text, base).origin === new URL(base).origin;
    } catch {
      return false;
    }
  });
}

function parseAbsolute(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** An absolute http: or https: URL. */
export function isHttpUrl(text: string): boolean {
  const protocol = parseAbsolute(text)?.protocol;
  return protocol === 'http:' || protocol === 'https:';
}

export function isHttpsUrl(text: string): boolean {
  return parseAbsolute(text)?.protocol === 'https:';
}

const LOCAL_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/** Plain http is tolerated only where it cannot cross a network: this machine. */
export function isLocalHttpUrl(text: string): boolean {
  const url = parseAbsolute(text);
  return url?.protocol === 'http:' && LOCAL_HOSTS.includes(url.hostname);
}

/**
 * Why a relative reference is not a file inside the manifest's folder, or undefined if it is. The element
 * fetches it and the CLI reads and publishes it, so neither may be led elsewhere by a server that decodes
 * %2F, a Windows path, a ".." or a root path, nor to a hidden file such as ".env" or ".git/config".
 */
export function relativeFileProblem(text: string): string | undefined {
  if (/^[/\\]/.test(text)) return 'a path from the root, not from the manifest';
  if (text.includes('\\')) return 'a backslash';
  if (/%(?:2e|2f|5c|00)/i.test(text)) return 'a percent-encoded ".", "/", "\\" or NUL';
  const segments = text.replace(/[?#].*/s, '').split('/');
  if (segments.includes('..')) return '".." leads out of the manifest\'s folder';
  const hidden = segments.find((segment) => segment.startsWith('.') && segment !== '.');
  return hidden === undefined ? undefined : `a hidden file or folder, ${quote(hidden)}`;
}
