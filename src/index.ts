// The element classes without registering any tag, for apps that pick their own tag names or register
// on their own schedule: `import { TrustCenterElement } from 'trust-center/elements'`. Lit stays an
// import (a peer dependency), so an app that already uses Lit ships one copy. The disclosure form is not
// in this entry: <trust-center> loads it as a chunk when #disclosure is first shown, like the full bundle.
import type { TrustCenterDisclosureElement } from './disclosure/trust-center-disclosure.js';

export { TrustCenterElement, type Theme } from './elements/trust-center.js';
export { TrustCenterPolicyElement } from './elements/trust-center-policy.js';
export { TrustCenterBannerElement } from './banner/trust-center-banner.js';
export type { TrustCenterDisclosureElement };
export { formatIssue, type ManifestIssue } from './manifest/issue.js';
export type { Manifest, Policy } from './manifest/schema.js';
export { markSeen, readSeen } from './banner/seen-store.js';
export type * from './events.js';

/**
 * The disclosure form's class, fetched as a chunk on the first call, for registering it under a tag of your
 * own (`customElements.define('acme-report', await loadDisclosureElement())`). `trust-center/elements/disclosure`
 * exports it statically instead.
 */
export async function loadDisclosureElement(): Promise<typeof TrustCenterDisclosureElement> {
  return (await import('./disclosure/trust-center-disclosure.js')).TrustCenterDisclosureElement;
}
