import type { Messages } from './messages.js';
import type { ViewMessages } from '../views/messages.js';

/** One language's strings of the main bundle: the elements' own and the trust center's navigation and overview. */
export interface Catalogue {
  messages: Messages;
  view: ViewMessages;
}

// A chunk per language: a page in one language never downloads the other three (about 3 KB gzipped).
const importers: Readonly<Record<string, () => Promise<Catalogue>>> = {
  de: () => import('./catalogues/de.js'),
  fr: () => import('./catalogues/fr.js'),
  es: () => import('./catalogues/es.js'),
  ja: () => import('./catalogues/ja.js'),
};

const loaded = new Map<string, Catalogue>();
const pending = new Map<string, Promise<void>>();
const failed = new Set<string>();

/** A shipped language's catalogue once it has loaded; English (built in) and languages not loaded yet give undefined. */
export function loadedCatalogue(language: string): Catalogue | undefined {
  return loaded.get(language);
}

/**
 * Starts loading a shipped language's catalogue (a `catalogueLanguage`); resolves when it is usable.
 * Undefined when there is nothing to wait for: English, a catalogue already here, or one that failed to
 * load, which leaves the elements in English rather than loading for ever.
 */
export function loadCatalogue(language: string): Promise<void> | undefined {
  const importer = importers[language];
  if (!importer || loaded.has(language) || failed.has(language)) return undefined;
  let promise = pending.get(language);
  if (!promise) {
    promise = importer().then(
      (catalogue) => void loaded.set(language, catalogue),
      (error: unknown) => {
        failed.add(language);
        console.warn(`trust-center: the ${language} strings could not be loaded, so English is shown.`, error);
      },
    );
    pending.set(language, promise);
  }
  return promise;
}
