// Side effect, first in trust-center-policy.js: the manifests of the <trust-center-policy> elements on the page.
import { fetchManifestsEarly } from './early-manifests.js';

fetchManifestsEarly('trust-center-policy[src]');
