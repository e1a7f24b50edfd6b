import { baseLanguage, languageName, lookupLanguage } from './locale.js';
import { catalogueLanguage, messagesFor } from './messages.js';

/** A policy's `source`: one file, or one file per language (`{ "en": "security.md", "de": "security.de.md" }`). */
export type PolicySource = string | Readonly<Record<string, string>>;

export interface PickedSource {
  /** The file to load, as the manifest gives it (relative to the manifest). */
  source: string;
  /** The language of that file: a key of the manifest's map, spelt as there; the requested language for a single file. */
  lang: string;
  /** True when the reader's language has no file and another language is shown instead. */
  fallback: boolean;
}

/**
 * The file of a policy for a reader's language. A single file serves every language. From a map: the
 * language itself or its nearest prefix (`de-CH` → `de`), else another region of the same language
 * (`pt-BR` → `pt-PT`), else the default language — English when the map has it, else its first key —
 * marked `fallback` so the page can say so.
 */
export function pickLocalizedSource(source: PolicySource, lang: string): PickedSource {
  if (typeof source === 'string') return { source, lang, fallback: false };
  const keys = Object.keys(source);
  if (keys.length === 0) throw new RangeError('a localized policy source needs at least one language');
  const base = baseLanguage(lang);
  const match =
    lookupLanguage(keys, lang) ?? (base === '' ? undefined : keys.find((key) => baseLanguage(key) === base));
  if (match !== undefined) return { source: source[match]!, lang: match, fallback: false };
  const fallbackKey = keys.find((key) => baseLanguage(key) === 'en') ?? keys[0]!;
  // No language asked for (an empty tag) is not a miss: the default is what was wanted.
  return { source: source[fallbackKey]!, lang: fallbackKey, fallback: base !== '' };
}

/**
 * The note shown above a policy in another language than the reader's, in the reader's UI language:
 * "This policy is not available in Deutsch; showing English." The reader's language is named in itself
 * (a reader whose language has no UI catalogue still recognises it), the shown one in the UI's language.
 */
export function languageFallbackNote(requested: string, shown: string): string {
  const wanted = baseLanguage(requested) || requested;
  const ui = catalogueLanguage(requested);
  return messagesFor(ui).languageFallback(languageName(wanted, wanted), languageName(baseLanguage(shown) || shown, ui));
}
