import { loadedCatalogue } from './catalogue.js';
import { lookupLanguage } from './locale.js';

/** Every UI string the elements show. Each language is a catalogue of this shape, so a missing key is a type error. */
export interface Messages {
  overview: string;
  reportVulnerability: string;
  trustCenterNav: string;
  policiesHeading: string;
  complianceHeading: string;
  /** Followed by the date: "Last updated June 5, 2026". */
  lastUpdated: string;
  onThisPage: string;
  changeHistory: string;
  loading: string;
  loadingPolicy: string;
  retry: string;
  readPolicy: (title: string) => string;
  loadFailed: string;
  policyLoadFailed: string;
  manifestProblems: string;
  noSrc: string;
  unknownPolicy: (id: string) => string;
  complianceStatus: Record<'certified' | 'in-progress' | 'aligned' | 'planned', string>;
  /**
   * A policy shown in another language than the reader's: `requested` is the reader's language named in
   * itself ("Deutsch"), `shown` the language shown, named in this catalogue's language ("English").
   */
  languageFallback: (requested: string, shown: string) => string;
  /** The server could not be reached and this browser's copy from `savedOn` (a formatted date) is shown. */
  staleCopy: (savedOn: string) => string;
}

/** Language names start lower-case mid-sentence in French and Spanish ("en allemand"); some engines capitalise them. */
export const lowerFirst = (name: string, lang: string) => name.charAt(0).toLocaleLowerCase(lang) + name.slice(1);

export const en: Messages = {
  overview: 'Overview',
  reportVulnerability: 'Report a vulnerability',
  trustCenterNav: 'Trust center',
  policiesHeading: 'Policies',
  complianceHeading: 'Compliance',
  lastUpdated: 'Last updated',
  onThisPage: 'On this page',
  changeHistory: 'Change history',
  loading: 'Loading the trust center…',
  loadingPolicy: 'Loading the policy…',
  retry: 'Retry',
  readPolicy: (title) => `Read the ${title} policy`,
  loadFailed: 'The trust center could not be loaded.',
  policyLoadFailed: 'This policy could not be loaded.',
  manifestProblems: 'Problems found in the manifest:',
  noSrc: 'No manifest: set the src attribute to the URL of a manifest.json.',
  unknownPolicy: (id) => `There is no policy "${id}" in this trust center.`,
  complianceStatus: {
    certified: 'Certified',
    'in-progress': 'In progress',
    aligned: 'Aligned',
    planned: 'Planned',
  },
  languageFallback: (requested, shown) => `This policy is not available in ${requested}; showing ${shown}.`,
  staleCopy: (savedOn) =>
    `The trust center could not be reached, so this is the copy saved in your browser on ${savedOn}. It may be out of date.`,
};

/** The languages every catalogue (this one, the banner's and the form's) ships. */
export const LANGUAGES = ['en', 'de', 'fr', 'es', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The shipped language a BCP 47 tag is served in: exact, then ever shorter prefixes (`de-CH` → `de`), else `en`. */
export function catalogueLanguage(lang: string): Language {
  return (lookupLanguage(LANGUAGES, lang) as Language | undefined) ?? 'en';
}

/**
 * The catalogue for a BCP 47 tag: exact, then its base language, then English (`de-CH` → de, `pt` → en).
 * Other languages than English come from a chunk (see ./catalogue.ts): English until it has loaded.
 */
export function messagesFor(lang: string): Messages {
  return loadedCatalogue(catalogueLanguage(lang))?.messages ?? en;
}
