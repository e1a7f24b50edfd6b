// The element classes without registering any tag, for apps that pick their own tag names or register
// on their own schedule: `import { TrustCenterElement } from 'trust-center/elements'`. Lit stays an
// import, so an app that already uses Lit ships one copy.
export { TrustCenterElement, type Theme } from './elements/trust-center.js';
export { TrustCenterPolicyElement } from './elements/trust-center-policy.js';
export { TrustCenterBannerElement } from './banner/trust-center-banner.js';
export { TrustCenterDisclosureElement } from './disclosure/trust-center-disclosure.js';
export { formatIssue, type ManifestIssue } from './manifest/issue.js';
export type { Manifest, Policy } from './manifest/schema.js';
export { markSeen, readSeen } from './banner/seen-store.js';
