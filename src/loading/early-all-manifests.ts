// Side effect, first in trust-center.js: the manifests of the <trust-center> and <trust-center-policy> elements on the page.
import { fetchManifestsEarly } from './early-manifests.js';

fetchManifestsEarly('trust-center[src], trust-center-policy[src]');
