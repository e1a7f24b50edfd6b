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
