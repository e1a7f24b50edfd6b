// The banner bundle: only <trust-center-banner>, registered, small enough to load on every page of a site.
import { TrustCenterBannerElement } from './banner/trust-center-banner.js';
import { define } from './registry.js';

export { TrustCenterBannerElement, type BannerDismissDetail, type BannerPosition, type BannerTheme } from './banner/trust-center-banner.js';
export { markSeen, readSeen } from './banner/seen-store.js';
export type * from './events.js';

define('trust-center-banner', TrustCenterBannerElement);

declare global {
  interface HTMLElementTagNameMap {
    'trust-center-banner': TrustCenterBannerElement;
  }
}
