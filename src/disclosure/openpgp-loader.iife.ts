// Classic-script (IIFE) build only: rollup.config.mjs swaps this file in for openpgp-loader.ts when it
// builds dist/trust-center.iife.js. An IIFE cannot split chunks, so OpenPGP.js ships as its own ES module
// (dist/openpgp/openpgp.js, built from scripts/openpgp-entry.mjs) and is imported at run time, on the
// first send, from next to the script — or from the URL in the script tag's data-openpgp-src.
export type OpenPgp = typeof import('openpgp/lightweight');

// Read while the classic script runs (afterwards document.currentScript is null).
const script = typeof document !== 'undefined' && document.currentScript instanceof HTMLScriptElement ? document.currentScript : null;

function moduleUrl(): string {
  const base = script?.src || document.baseURI;
  return new URL(script?.dataset.openpgpSrc || 'openpgp/openpgp.js', base).href;
}

let loading: Promise<OpenPgp> | undefined;

/** OpenPGP.js's lightweight build, fetched on the first call and shared after; a failed load is retried next time. */
export function loadOpenPgp(): Promise<OpenPgp> {
  loading ??= (import(/* @vite-ignore */ moduleUrl()) as Promise<OpenPgp>).catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
