// The one place that loads OpenPGP.js. It is big, and only a report that is actually sent needs it,
// so it arrives as its own chunk on first use: rollup turns this dynamic import into a separate file,
// and neither the main bundle nor a page that never sends a report carries it.
export type OpenPgp = typeof import('openpgp/lightweight');

let loading: Promise<OpenPgp> | undefined;

/** OpenPGP.js's lightweight build, fetched on the first call and shared after; a failed load is retried next time. */
export function loadOpenPgp(): Promise<OpenPgp> {
  loading ??= import('openpgp/lightweight').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
