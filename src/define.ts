import { TrustCenterElement } from './elements/trust-center.js';
import { TrustCenterPolicyElement } from './elements/trust-center-policy.js';

/** Register a tag once; a second copy of the bundle on the same page finds it taken and leaves it. */
export function define(tag: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, constructor);
}

define('trust-center', TrustCenterElement);
define('trust-center-policy', TrustCenterPolicyElement);

declare global {
  interface HTMLElementTagNameMap {
    'trust-center': TrustCenterElement;
    'trust-center-policy': TrustCenterPolicyElement;
  }
}
