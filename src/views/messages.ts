import { loadedCatalogue } from '../i18n/catalogue.js';
import { catalogueLanguage } from '../i18n/messages.js';

/**
 * The UI strings <trust-center> itself adds for the whole trust center: navigation, the search box, the
 * overview's compliance dates, recent updates and section links, and the lazy views' loading and error
 * states. The views' own strings are in ./section-messages.ts, which loads with them (keeping the main
 * bundle small). English is here; German, French, Spanish and Japanese are catalogues of this shape in
 * ../i18n/catalogues/, loaded when a page needs them.
 */
export interface ViewMessages {
  nav: { subprocessors: string; faq: string; documents: string; updates: string };
  search: { label: string; button: string };
  overview: {
    sectionsHeading: string;
    subprocessors: (count: number) => string;
    faq: (count: number) => string;
    documents: (count: number) => string;
    updates: string;
    recentUpdates: string;
    allUpdates: string;
    /** The header band's actions, beside "Report a vulnerability". */
    requestDocuments: string;
    subscribe: string;
    /** The security contact card: its heading, the OpenPGP key's link and its fingerprint's label. */
    contact: string;
    key: string;
    fingerprint: string;
  };
  compliance: {
    expired: string;
    scope: string;
    audited: string;
    validUntil: string;
    expiredOn: string;
    requestReport: string;
    downloadReport: string;
  };
  loadingView: string;
  viewLoadFailed: string;
  compareWithPrevious: string;
  /** After the alt text of an image from an origin the manifest does not allow. */
  imageNotShown: string;
}

/** CLDR plural rules rather than `n === 1`: French counts 0 as singular. */
export const one = (lang: string, n: number) => new Intl.PluralRules(lang).select(n) === 'one';

export const en: ViewMessages = {
  nav: { subprocessors: 'Subprocessors', faq: 'FAQ', documents: 'Documents', updates: 'Updates' },
  search: { label: 'Search the trust center', button: 'Search' },
  overview: {
    sectionsHeading: 'In this trust center',
    subprocessors: (count) => `${count === 1 ? 'The company' : `The ${count} companies`} that process data for us, and where.`,
    faq: (count) => `Answers to ${count === 1 ? 'a common question' : `${count} common questions`}.`,
    documents: (count) => `${count === 1 ? 'A report' : `${count} reports and papers`} to download or request.`,
    updates: 'What changed in our policies, and when.',
    recentUpdates: 'Recent updates',
    allUpdates: 'All updates',
    requestDocuments: 'Request documents',
    subscribe: 'Subscribe to updates',
    contact: 'Security contact',
    key: 'OpenPGP key',
    fingerprint: 'Fingerprint',
  },
  compliance: {
    expired: 'Expired',
    scope: 'Scope:',
    audited: 'Audited',
    validUntil: 'Valid until',
    expiredOn: 'Expired on',
    requestReport: 'Request the report',
    downloadReport: 'Download the report',
  },
  loadingView: 'Loading this section…',
  viewLoadFailed: 'This section could not be loaded.',
  compareWithPrevious: 'Compare with the previous version',
  imageNotShown: 'image not shown',
};

/** The catalogue for a BCP 47 tag: the closest shipped language (`de-CH` → de), else English (also until it has loaded). */
export function viewMessagesFor(lang: string): ViewMessages {
  return loadedCatalogue(catalogueLanguage(lang))?.view ?? en;
}
