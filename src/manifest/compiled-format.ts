// What names a compiled manifest (`trust-center build` writes it; the element reads it without the
// validator or marked): kept apart so the main bundle can tell one from a source manifest for a few bytes.

/** The `format` of a compiled manifest. */
export const COMPILED_FORMAT = 'trust-center-compiled';
/** Its `formatVersion`: bumped whenever the element could not read an older or newer one the same way. */
export const COMPILED_FORMAT_VERSION = 1;

/** The file name `trust-center build` gives it (`manifest.compiled.json`, `manifest.compiled.<hash>.json`). */
const COMPILED_NAME = /\.compiled(?:\.[0-9a-f]+)?\.json$/;

export function isCompiledManifest(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { format?: unknown }).format === COMPILED_FORMAT;
}

/** Whether a manifest URL is likely a compiled one, by its name: what to fetch alongside it. */
export function looksCompiled(url: string): boolean {
  try {
    return COMPILED_NAME.test(new URL(url, 'https://invalid.example/').pathname);
  } catch {
    return false;
  }
}
