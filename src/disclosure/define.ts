// Registers <trust-center-disclosure>, once: a second copy of the bundle finds the tag taken and leaves it.
import { TrustCenterDisclosureElement } from './trust-center-disclosure.js';

export function defineDisclosure(tag = 'trust-center-disclosure'): void {
  if (!customElements.get(tag)) customElements.define(tag, TrustCenterDisclosureElement);
}

defineDisclosure();

declare global {
  interface HTMLElementTagNameMap {
    'trust-center-disclosure': TrustCenterDisclosureElement;
  }
  interface HTMLElementEventMap {
    'trust-center-submit': CustomEvent<import('./trust-center-disclosure.js').DisclosureSubmitDetail>;
  }
}
