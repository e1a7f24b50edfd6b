/**
 * Register a tag once, and only where there is a registry: a second copy of a bundle on the page finds the
 * tag taken and leaves it, and an import on a server (SSR, a Node build step) registers nothing.
 */
export function define(tag: string, constructor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined' || customElements.get(tag)) return;
  try {
    customElements.define(tag, constructor);
  } catch (error) {
    // The app registered this class under a tag of its own (acme-report): a subclass is the same element.
    if (!(error instanceof DOMException && error.name === 'NotSupportedError')) throw error;
    customElements.define(tag, class extends constructor {});
  }
}
