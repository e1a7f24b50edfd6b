import { TrustCenterElement } from './elements/trust-center.js';
import { TrustCenterPolicyElement } from './elements/trust-center-policy.js';
import { TrustCenterBannerElement } from './banner/trust-center-banner.js';
import { TrustCenterDisclosureElement } from './disclosure/trust-center-disclosure.js';

/** Register a tag once; a second copy of the bundle on the same page finds it taken and leaves it. */
export function define(tag: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, constructor);
}

define('trust-center', TrustCenterElement);
define('trust-center-policy', TrustCenterPolicyElement);
define('trust-center-banner', TrustCenterBannerElement);
define('trust-center-disclosure', TrustCenterDisclosureElement);

declare global {
  interface HTMLElementTagNameMap {
    'trust-center': TrustCenterElement;
    'trust-center-policy': TrustCenterPolicyElement;
    'trust-center-banner': TrustCenterBannerElement;
  }
}
