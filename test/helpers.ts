import { waitUntil } from '@open-wc/testing';
import { NOT_IN_LINE, NOT_IN_MARKDOWN } from '../src/manifest/limits.js';

/** The element's shadow root, asserted present. */
export function shadow(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`${el.localName} has no shadow root`);
  return el.shadowRoot;
}

export function $(el: Element, selector: string): HTMLElement | null {
  return shadow(el).querySelector<HTMLElement>(selector);
}

export function $$(el: Element, selector: string): HTMLElement[] {
  return [...shadow(el).querySelectorAll<HTMLElement>(selector)];
}

/** Waits until a selector matches inside the element's shadow root. */
export async function waitFor(el: Element, selector: string, timeout = 5000): Promise<HTMLElement> {
  await waitUntil(() => $(el, selector), `${selector} never appeared in <${el.localName}>`, { timeout });
  return $(el, selector)!;
}

/** Resolves with the next event of that name. */
export function nextEvent<T = unknown>(target: EventTarget, name: string): Promise<CustomEvent<T>> {
  return new Promise((resolve) => target.addEventListener(name, (e) => resolve(e as CustomEvent<T>), { once: true }));
}

export function text(node: Element | ShadowRoot | null): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Resolves after the next hashchange event. */
export function hashChanged(): Promise<void> {
  return new Promise((resolve) => window.addEventListener('hashchange', () => resolve(), { once: true }));
}

/** How many requests the test server saw under /__tc/count/<key>/ (for one file, when given). */
export async function hits(key: string, file = ''): Promise<number> {
  const response = await fetch(`/__tc/hits/${key}${file}`, { cache: 'no-store' });
  return ((await response.json()) as { count: number }).count;
}

export function resetHash(): void {
  history.replaceState(null, '', location.pathname + location.search);
}

/**
 * A hostile payload as a valid manifest can carry it on one line of at most `max` characters: the schema
 * refuses control, line-break and bidi characters there (a test of its own), so they become spaces.
 */
export function asLine(payload: string, max = 200): string {
  return [...payload.replace(new RegExp(`[${NOT_IN_LINE}]`, 'g'), ' ')].slice(0, max).join('');
}

/** A hostile payload as manifest markdown can carry it: control characters other than tab and line breaks become spaces. */
export function asMarkdown(payload: string): string {
  return payload.replace(new RegExp(`[${NOT_IN_MARKDOWN}]`, 'g'), ' ');
}
