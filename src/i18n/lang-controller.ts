import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';
import { resolveLang } from './locale.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Keeps an element's language current: re-renders it when its resolved language changes — its own
 * `lang`, an ancestor's (in the document or any shadow root above it), or the browser's
 * (`languagechange`). One MutationObserver per tree root above the element, watching only `lang`.
 *
 * ```ts
 * private readonly language = new LangController(this);
 * render() { const lang = this.language.value; … }
 * ```
 */
export class LangController implements ReactiveController {
  private observer: MutationObserver | undefined;
  private current: string | undefined;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  /** The element's language now (see resolveLang). */
  get value(): string {
    this.current = resolveLang(this.host);
    return this.current;
  }

  hostConnected(): void {
    this.observer = new MutationObserver(this.check);
    for (let root = this.host.getRootNode(); ; ) {
      const target = root instanceof Document ? root.documentElement : root;
      if (target) this.observer.observe(target, { attributes: true, attributeFilter: ['lang'], subtree: true });
      if (!(root instanceof ShadowRoot)) break;
      root = root.host.getRootNode();
    }
    window.addEventListener('languagechange', this.check);
    this.check();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    window.removeEventListener('languagechange', this.check);
  }

  private readonly check = (): void => {
    const next = resolveLang(this.host);
    if (next !== this.current) {
      this.current = next;
      this.host.requestUpdate();
    }
  };
}
