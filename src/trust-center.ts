// The full bundle: every element, registered. The less used views (and the disclosure form) are chunks
// that <trust-center> loads when a route first needs them.
// First: the manifests' requests run while the rest of this script is evaluated.
import './loading/early-all-manifests.js';
import './define.js';

export { TrustCenterElement, type Theme } from './elements/trust-center.js';
export { TrustCenterPolicyElement } from './elements/trust-center-policy.js';
export { TrustCenterBannerElement } from './banner/trust-center-banner.js';
export { formatIssue, type ManifestIssue } from './manifest/issue.js';
export type { Manifest, Policy } from './manifest/schema.js';
export { markSeen, readSeen } from './banner/seen-store.js';
export type { TrustCenterDisclosureElement } from './disclosure/trust-center-disclosure.js';
export type * from './events.js';
