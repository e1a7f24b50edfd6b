import { TrustCenterElement } from './elements/trust-center.js';
import { TrustCenterPolicyElement } from './elements/trust-center-policy.js';
import { TrustCenterBannerElement } from './banner/trust-center-banner.js';
import { define } from './registry.js';
import type { TrustCenterDisclosureElement } from './disclosure/trust-center-disclosure.js';

export { define };

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
    'trust-center-disclosure': TrustCenterDisclosureElement;
  }
}
