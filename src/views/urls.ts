import type { LoadedManifest } from '../loading/manifest-loader.js';

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

/**
 * The page that shows the whole trust center, without its hash: an element's `trust-center-url` attribute
 * (relative to the page), else the manifest's `trustCenter` (relative to the manifest); undefined without either.
 */
export function trustCenterPage(attribute: string | null, loaded: LoadedManifest): string | undefined {
  const page = attribute ? httpUrl(attribute, document.baseURI) : httpUrl(loaded.manifest.trustCenter, loaded.url);
  return page?.replace(/#.*/, '');
}

/** The origins images may load from: the manifest's own and those its `imageOrigins` lists. */
export function imageOriginsOf(loaded: LoadedManifest): string[] {
  return [new URL(loaded.url).origin, ...(loaded.manifest.imageOrigins ?? []).map((origin) => new URL(origin).origin)];
}

/** An image URL from the manifest (the logo), if it may be loaded: http(s), on an allowed origin. */
export function allowedImageUrl(raw: string | undefined, loaded: LoadedManifest): string | undefined {
  const href = httpUrl(raw, loaded.url);
  return href && imageOriginsOf(loaded).includes(new URL(href).origin) ? href : undefined;
}
