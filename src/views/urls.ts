/**
 * A manifest URL (the schema has checked it is http(s) or relative) resolved against the manifest;
 * anything else is dropped. Not markdown's safeUrl: manifest values need no entity checks, and that
 * module's entity table would weigh 1.7 KB in the main bundle.
 */
export function httpUrl(raw: string | undefined, base: string): string | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
