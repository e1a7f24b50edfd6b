// Registers <trust-center-disclosure>, once: a second copy of the bundle finds the tag taken and leaves it.
import { TrustCenterDisclosureElement } from './trust-center-disclosure.js';
import { define } from '../registry.js';

export function defineDisclosure(tag = 'trust-center-disclosure'): void {
  define(tag, TrustCenterDisclosureElement);
}

defineDisclosure();

declare global {
  interface HTMLElementTagNameMap {
    'trust-center-disclosure': TrustCenterDisclosureElement;
  }
}
