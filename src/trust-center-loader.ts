// dist/trust-center.iife.js: the classic script, for tag managers and CMSs that cannot add a module. It is
// only a loader: it imports the ES bundle (dist/trust-center.js) from beside itself, or from the URL in its
// `data-module-src`, so the page gets the same lazily loaded chunks as with the module. `document.currentScript`
// names it while it runs; a copy that runs without it (concatenated into another script) looks for its tag.
((script: HTMLScriptElement | null) => {
  const src = script?.dataset.moduleSrc || new URL('trust-center.js', script?.src || document.baseURI).href;
  import(/* webpackIgnore: true */ src).catch((error: unknown) => {
    console.error(`trust-center: could not load ${src} (${error instanceof Error ? error.message : String(error)})`);
  });
})((document.currentScript as HTMLScriptElement | null) ?? document.querySelector<HTMLScriptElement>('script[src*="trust-center.iife.js"]'));
