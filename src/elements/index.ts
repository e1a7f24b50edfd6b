// The element classes without registration, for apps that pick their own tag names.
export { TrustCenterElement, type Theme } from './trust-center.js';
export { TrustCenterPolicyElement } from './trust-center-policy.js';
export { TrustCenterDisclosureElement } from '../disclosure/trust-center-disclosure.js';
export { TrustCenterBannerElement } from '../banner/trust-center-banner.js';
