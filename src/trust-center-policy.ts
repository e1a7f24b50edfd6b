// `<trust-center-policy>` alone, for a page that shows one policy (a docs article, the policy pages
// `trust-center build` writes): without the overview, the other views and the banner, its entry and the
// chunks a compiled policy needs weigh about half the full bundle's. Registered once, like the full bundle's.
// First: the manifest's request runs while the rest of this script is evaluated.
import './loading/early-policy-manifests.js';
import { TrustCenterPolicyElement } from './elements/trust-center-policy.js';
import { define } from './registry.js';

// Guarded like the other entries: on a server (SSR, a Node build step) there is no registry and nothing is registered.
define('trust-center-policy', TrustCenterPolicyElement);

export { TrustCenterPolicyElement };
export { formatIssue, type ManifestIssue } from './manifest/issue.js';
export type { Manifest, Policy } from './manifest/schema.js';

declare global {
  interface HTMLElementTagNameMap {
    'trust-center-policy': TrustCenterPolicyElement;
  }
}
