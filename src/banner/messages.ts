/** The banner's strings. Other languages add a catalogue of the same shape to `catalogues`. */
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

const catalogues: Record<string, BannerMessages> = { en };

/** The catalogue for a BCP 47 tag: exact, then its base language, then English. */
export function bannerMessagesFor(lang: string): BannerMessages {
  const lower = lang.toLowerCase();
  return catalogues[lower] ?? catalogues[lower.split('-')[0] ?? ''] ?? en;
}

/** "A, B and C" in the catalogue's language, so the list fits the sentence around it. */
export function formatList(items: readonly string[], messages: BannerMessages): string {
  return new Intl.ListFormat(messages.lang, { type: 'conjunction' }).format(items);
}
