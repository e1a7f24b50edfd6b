// A Rollup plugin for the browser bundles: Lit from its `node` builds, which touch no DOM global while a
// module loads (they fall back when `HTMLElement`, `document` or `CSSStyleSheet` is missing and are the same
// code otherwise), so `import 'trust-center'` on a server (SSR, a Node build step) does not throw. Their
// DOM shim is swapped for an inert one: in a browser the real globals are there, and on a server nothing is
// installed on globalThis. `lit-html/is-server.js` keeps its browser build (`isServer` is false in a bundle
// that only ever renders in a browser).
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const LIT = /^(?:lit-html|@lit\/reactive-element)(?:\/|$)/;
const INERT_SHIM = '\0server-safe-lit:ssr-dom-shim';

export default function serverSafeLit() {
  return {
    name: 'server-safe-lit',
    resolveId(source, importer) {
      if (source === '@lit-labs/ssr-dom-shim') return INERT_SHIM;
      if (!LIT.test(source) || source.startsWith('lit-html/is-server')) return null;
      // Node's own resolution picks each package's `node` condition (its production build).
      return createRequire(importer ?? resolve('package.json')).resolve(source);
    },
    load(id) {
      if (id !== INERT_SHIM) return null;
      // Only a base class to extend where there is no DOM; elements are never registered there.
      return 'export const HTMLElement = class {};\nexport const customElements = undefined;\n';
    },
  };
}
