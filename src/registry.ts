/**
 * Register a tag once, and only where there is a registry: a second copy of a bundle on the page finds the
 * tag taken and leaves it, and an import on a server (SSR, a Node build step) registers nothing.
 */
export function define(tag: string, constructor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined' || customElements.get(tag)) return;
  customElements.define(tag, constructor);
}
