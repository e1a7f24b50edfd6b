/** The element's language: its own lang, the nearest ancestor's (across shadow roots), the browser's, else English. */
export function resolveLang(element: Element): string {
  let node: Element | null = element;
  while (node) {
    const lang = node.getAttribute('lang');
    if (lang) return lang;
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
  }
  return (typeof navigator !== 'undefined' && navigator.language) || 'en';
}

/**
 * The best of `available` language tags for `lang`, by RFC 4647 lookup: the tag itself, then ever shorter
 * prefixes (`de-CH-1996` → `de-CH` → `de`), case-insensitively; `undefined` when none matches.
 * Returns the entry of `available` as it is spelt there.
 */
export function lookupLanguage(available: readonly string[], lang: string): string | undefined {
  const byLower = new Map(available.map((tag) => [tag.toLowerCase().replace(/_/g, '-'), tag] as const));
  const subtags = lang.trim().toLowerCase().replace(/_/g, '-').split('-').filter((s) => s !== '');
  while (subtags.length > 0) {
    const found = byLower.get(subtags.join('-'));
    if (found !== undefined) return found;
    subtags.pop();
    // A singleton (`x`, `u`, …) never ends a tag: drop it with the subtag it introduced.
    if (subtags.length > 0 && subtags[subtags.length - 1]!.length === 1) subtags.pop();
  }
  return undefined;
}

/** The primary language subtag, lower-case: `de-CH` → `de`. */
export function baseLanguage(lang: string): string {
  return lang.trim().toLowerCase().replace(/_/g, '-').split('-')[0] ?? '';
}

/**
 * A language's name in another language (`de` in `fr` → "allemand"), through Intl.DisplayNames; the
 * tag itself when the browser cannot name it.
 */
export function languageName(tag: string, inLang: string): string {
  for (const locales of [[inLang, 'en'], ['en']]) {
    try {
      return new Intl.DisplayNames(locales, { type: 'language', fallback: 'code' }).of(tag) ?? tag;
    } catch {
      // An invalid inLang: try English; an invalid tag: give it back as it is.
    }
  }
  return tag;
}

/**
 * English long dates, as Intl writes them (test/i18n.test.ts compares every day of three years in three
 * engines): a fresh page's first Intl formatter loads ICU data, 50–150 ms of main thread on the benchmark
 * machine, before the policy's or the banner's first paint. Other languages (their month names would take the
 * banner over its size budget) and regional variants such as en-GB go to Intl.
 */
const EN_MONTHS = 'January February March April May June July August September October November December'.split(' ');

/** A manifest date (YYYY-MM-DD, a calendar day) in the reader's language, e.g. "June 5, 2026". */
export function formatDate(isoDate: string, lang: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  const year = date.getUTCFullYear();
  // Years before 1000 or after 9999 are written differently (padding, signs): Intl knows how.
  if (/^en(?:[-_]us)?$/i.test(lang.trim()) && year >= 1000 && year <= 9999) return `${EN_MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${year}`;
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  } catch {
    // An invalid lang tag must not break rendering.
    return new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  }
}
