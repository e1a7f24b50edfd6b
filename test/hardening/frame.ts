import { waitUntil } from '@open-wc/testing';

/** A page of the test server in an iframe of the runner's page, with helpers that reach into it. */
export interface FrameHost {
  frame: HTMLIFrameElement;
  win: Window & typeof globalThis;
  doc: Document;
  /** Creates an element in the page's <main> (or body) with attributes and properties. */
  add<T extends HTMLElement = HTMLElement>(tag: string, attrs?: Record<string, string>, props?: Record<string, unknown>): T;
  $(el: Element, selector: string): HTMLElement | null;
  $$(el: Element, selector: string): HTMLElement[];
  waitFor(el: Element, selector: string, timeout?: number): Promise<HTMLElement>;
  remove(): void;
}

export async function frameHost(src: string, { width = 1024, height = 768 } = {}): Promise<FrameHost> {
  const frame = document.createElement('iframe');
  frame.style.width = `${width}px`;
  frame.style.height = `${height}px`;
  frame.style.border = '0';
  const loaded = new Promise<void>((resolve, reject) => {
    frame.addEventListener('load', () => resolve(), { once: true });
    frame.addEventListener('error', () => reject(new Error(`${src} did not load`)), { once: true });
  });
  frame.src = src;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as Window & typeof globalThis;
  const doc = frame.contentDocument!;
  const $ = (el: Element, selector: string) => el.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
  const $$ = (el: Element, selector: string) => [...(el.shadowRoot?.querySelectorAll<HTMLElement>(selector) ?? [])];
  return {
    frame,
    win,
    doc,
    add(tag, attrs = {}, props = {}) {
      const el = doc.createElement(tag);
      for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
      Object.assign(el, props);
      (doc.querySelector('main') ?? doc.body).append(el);
      return el as never;
    },
    $,
    $$,
    async waitFor(el, selector, timeout = 10000) {
      await waitUntil(() => $(el, selector), `${selector} never appeared in <${el.localName}>`, { timeout });
      return $(el, selector)!;
    },
    remove() {
      frame.remove();
    },
  };
}
