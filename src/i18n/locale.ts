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

/** A manifest date (YYYY-MM-DD, a calendar day) in the reader's language, e.g. "June 5, 2026". */
export function formatDate(isoDate: string, lang: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  } catch {
    // An invalid lang tag must not break rendering.
    return new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  }
}
