import { lookupLanguage } from '../i18n/locale.js';

/** The banner's strings. Each language is a catalogue of this shape, so a missing key is a type error. */
export interface BannerMessages {
  /** The catalogue's language: lists inside its sentences use its grammar ("A and B"). */
  lang: string;
  /** Accessible name of the banner's region landmark. */
  region: string;
  reviewChanges: string;
  dismiss: string;
  /** The sentence for one updated policy, given its title and the formatted date. */
  updatedOne: (title: string, date: string) => string;
  /** The sentence for several, given their names as a formatted list and the latest formatted date. */
  updatedMany: (names: string, date: string) => string;
  /** A policy's name inside that list ("Privacy Policy" → "Privacy", as the sentence says "policies"). */
  listName: (title: string) => string;
  /** One policy's change summary when several are announced. */
  change: (title: string, summary: string) => string;
}

/** "Privacy Policy" → "Privacy"; a title that is only the word stays whole. */
const withoutWord = (title: string, word: RegExp) => title.replace(word, '').trim() || title;
/** "Politique de confidentialité" → "politique de confidentialité", to follow "notre". */
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export const en: BannerMessages = {
  lang: 'en',
  region: 'Policy update',
  reviewChanges: 'Review changes',
  dismiss: 'Dismiss',
  updatedOne: (title, date) => `We updated our ${/\bpolicy$/i.test(title) ? title : `${title} policy`} on ${date}.`,
  updatedMany: (names, date) => `We updated our ${names} policies, most recently on ${date}.`,
  listName: (title) => title.replace(/\s+policy$/i, '') || title,
  change: (title, summary) => `${title}: ${summary}`,
};

// Policy titles come from the manifest in its author's language, so the sentences quote them
// rather than build compounds from them ("Richtlinie „Security“", not "Securityrichtlinie").

export const de: BannerMessages = {
  lang: 'de',
  region: 'Aktualisierte Richtlinie',
  reviewChanges: 'Änderungen ansehen',
  dismiss: 'Ausblenden',
  updatedOne: (title, date) =>
    `Wir haben ${/richtlinie$/i.test(title) ? `unsere ${title}` : `unsere Richtlinie „${title}“`} am ${date} aktualisiert.`,
  updatedMany: (names, date) => `Wir haben unsere Richtlinien ${names} aktualisiert, zuletzt am ${date}.`,
  listName: (title) => `„${withoutWord(title, /\s+(policy|richtlinie)$/i)}“`,
  change: (title, summary) => `${title}: ${summary}`,
};

export const fr: BannerMessages = {
  lang: 'fr',
  region: 'Mise à jour d’une politique',
  reviewChanges: 'Voir les modifications',
  dismiss: 'Masquer',
  updatedOne: (title, date) =>
    `Nous avons mis à jour ${/^politique\b/i.test(title) ? `notre ${lowerFirst(title)}` : `notre politique «\u00a0${title}\u00a0»`} le ${date}.`,
  updatedMany: (names, date) => `Nous avons mis à jour nos politiques ${names} (dernière mise à jour le ${date}).`,
  listName: (title) => `«\u00a0${withoutWord(title, /^politique\s+(de\s+|d’|d')?|\s+policy$/i)}\u00a0»`,
  change: (title, summary) => `${title}\u00a0: ${summary}`,
};

export const es: BannerMessages = {
  lang: 'es',
  region: 'Actualización de una política',
  reviewChanges: 'Ver los cambios',
  dismiss: 'Cerrar',
  updatedOne: (title, date) =>
    `Hemos actualizado ${/^política\b/i.test(title) ? `nuestra ${lowerFirst(title)}` : `nuestra política «${title}»`} el ${date}.`,
  updatedMany: (names, date) => `Hemos actualizado nuestras políticas ${names} (la más reciente, el ${date}).`,
  listName: (title) => `«${withoutWord(title, /^política\s+(de\s+)?|\s+policy$/i)}»`,
  change: (title, summary) => `${title}: ${summary}`,
};

export const ja: BannerMessages = {
  lang: 'ja',
  region: 'ポリシーの更新',
  reviewChanges: '変更内容を確認',
  dismiss: '閉じる',
  updatedOne: (title, date) => `${date}に${/(ポリシー|policy)$/i.test(title) ? `「${title}」` : `「${title}」ポリシー`}を更新しました。`,
  updatedMany: (names, date) => `${names}の各ポリシーを更新しました（最終更新：${date}）。`,
  listName: (title) => `「${withoutWord(title, /\s*(ポリシー|policy)$/i)}」`,
  change: (title, summary) => `${title}：${summary}`,
};

const catalogues: Readonly<Record<string, BannerMessages>> = { en, de, fr, es, ja };

/** The catalogue for a BCP 47 tag: exact, then its base language, then English. */
export function bannerMessagesFor(lang: string): BannerMessages {
  return catalogues[lookupLanguage(Object.keys(catalogues), lang) ?? 'en'] ?? en;
}

/** "A, B and C" in the catalogue's language, so the list fits the sentence around it. */
export function formatList(items: readonly string[], messages: BannerMessages): string {
  return new Intl.ListFormat(messages.lang, { type: 'conjunction' }).format(items);
}
