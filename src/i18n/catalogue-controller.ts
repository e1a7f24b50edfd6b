import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadCatalogue } from './catalogue.js';
import { catalogueLanguage } from './messages.js';

/**
 * Loads the strings of the host's language (English is built in) as soon as the host connects, and
 * re-renders it when they arrive. `ready` is false while they load: the host shows its loading state
 * then, so a German reader never sees the trust center in English first.
 *
 * ```ts
 * private readonly catalogue = new CatalogueController(this, () => this.language.value);
 * render() { if (!this.catalogue.ready) return loading; … }
 * ```
 */
export class CatalogueController implements ReactiveController {
  private awaited: Promise<void> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly lang: () => string,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    void this.ready;
  }

  /** Whether the strings of the host's language are here (or cannot be, and English stands in). */
  get ready(): boolean {
    const loading = loadCatalogue(catalogueLanguage(this.lang()));
    if (loading && loading !== this.awaited) {
      this.awaited = loading;
      void loading.then(() => this.host.requestUpdate());
    }
    return !loading;
  }
}
