import { DEFAULT_TIMEOUT_MS } from './fetch-text.js';
import { sharedFetchText } from './shared-fetch.js';

/**
 * Starts fetching the manifests of the elements already in the document, as the bundle begins to evaluate:
 * the request then runs while the rest of the script (Lit, the elements) is evaluated, and each element's own
 * load joins it (one request per URL). Imported first by the entries, so that it runs before the rest.
 */
export function fetchManifestsEarly(selector: string): void {
  if (typeof document === 'undefined') return;
  for (const el of document.querySelectorAll(selector)) {
    const src = el.getAttribute('src');
    if (!src) continue;
    let url: string;
    try {
      url = new URL(src, document.baseURI).href;
    } catch {
      continue;
    }
    const timeout = Number(el.getAttribute('timeout'));
    // Settled either way: the element reports its own outcome when it joins the request.
    sharedFetchText(url, { timeoutMs: timeout > 0 ? timeout : DEFAULT_TIMEOUT_MS }).catch(() => undefined);
  }
}
