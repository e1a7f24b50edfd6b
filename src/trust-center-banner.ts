// The banner bundle: only <trust-center-banner>, registered, small enough to load on every page of a site.
import { TrustCenterBannerElement } from './banner/trust-center-banner.js';

export { TrustCenterBannerElement, type BannerDismissDetail, type BannerPosition, type BannerTheme } from './banner/trust-center-banner.js';
export { markSeen, readSeen } from './banner/seen-store.js';

// A second copy of a bundle on the page finds the tag taken and leaves it.
if (!customElements.get('trust-center-banner')) customElements.define('trust-center-banner', TrustCenterBannerElement);

declare global {
  interface HTMLElementTagNameMap {
    'trust-center-banner': TrustCenterBannerElement;
  }
}
