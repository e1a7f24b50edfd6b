import { TrustCenterElement } from './elements/trust-center.js';
import { TrustCenterPolicyElement } from './elements/trust-center-policy.js';
import { TrustCenterBannerElement } from './banner/trust-center-banner.js';

/** Register a tag once; a second copy of the bundle on the same page finds it taken and leaves it. */
export function define(tag: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, constructor);
}

define('trust-center', TrustCenterElement);
define('trust-center-policy', TrustCenterPolicyElement);
define('trust-center-banner', TrustCenterBannerElement);
// <trust-center-disclosure> is registered by its own chunk, when <trust-center> first shows #disclosure,
// or by the standalone bundle (src/trust-center-disclosure.ts).

declare global {
  interface HTMLElementTagNameMap {
    'trust-center': TrustCenterElement;
    'trust-center-policy': TrustCenterPolicyElement;
    'trust-center-banner': TrustCenterBannerElement;
  }
}
