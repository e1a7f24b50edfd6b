// Limits and character rules shared by the schema and the banner's hand check (which cannot afford valibot).

/** Lowercase letters, digits and hyphens; it becomes part of the page's URL hash. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

// The most characters (Unicode code points, as JSON Schema's maxLength counts them) a manifest string may have;
// one constant each, so the banner bundle carries only those it checks.
/** Names and titles: an organization, a policy, a standard, a subprocessor, a document. */
export const MAX_NAME = 200;
/** A sentence or two: summaries, change summaries, the banner message, FAQ questions, purposes, scopes. */
export const MAX_SENTENCE = 500;
/** A short paragraph: compliance and document descriptions. */
export const MAX_PARAGRAPH = 1_000;
export const MAX_URL = 2_048;
/** The longest address SMTP carries (RFC 5321). */
export const MAX_EMAIL = 254;
/** Markdown of a FAQ answer. */
export const MAX_ANSWER = 20_000;
/** Inline markdown of a policy or an earlier version: 1 MB, the largest policy the renderer is benchmarked with. */
export const MAX_CONTENT = 1_000_000;

/** The most policies a manifest may list; the banner reads no more than this either. */
export const MAX_POLICIES = 1_000;

/**
 * Characters no single-line string may hold: C0 and C1 controls (CR, LF, tab and NEL among them), DEL, the
 * Unicode line and paragraph separators, and the bidi embeddings, overrides and isolates that reorder a line.
 * As a character-class body (regex source), so the JSON Schema's patterns say the same.
 */
export const NOT_IN_LINE = '\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069';

/** Characters markdown may not hold: the controls above except tab, LF and CR (bodies keep their lines). */
export const NOT_IN_MARKDOWN = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F';

/** What a single-line string must be, for "expected …" messages. */
export const ONE_LINE = 'one line without control, line-break or bidi-override characters';

/** The number of characters as a reader (and JSON Schema) counts them: an emoji is one, not two. */
export function characterCount(text: string): number {
  return [...text].length;
}

/** Where the first character `forbidden` matches is, as "U+2028 at character 9"; undefined if there is none. */
export function forbiddenCharacter(text: string, forbidden = new RegExp(`[${NOT_IN_LINE}]`)): string | undefined {
  const match = forbidden.exec(text);
  if (!match) return undefined;
  const code = match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return `U+${code} at character ${characterCount(text.slice(0, match.index)) + 1}`;
}
