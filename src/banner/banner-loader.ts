import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';
import { isAbortError } from '../loading/errors.js';
import { fetchText } from '../loading/fetch-text.js';
import { readBannerManifest, type BannerManifest } from './banner-manifest.js';
import { absoluteUrl } from './seen-store.js';

export interface LoadedBannerManifest {
  /** The requested URL made absolute: the key the seen versions are stored under. */
  url: string;
  manifest: BannerManifest;
}

export interface BannerLoader extends ReactiveController {
  /** The manifest of the current `src`, once loaded and valid. */
  readonly value: LoadedBannerManifest | undefined;
}

/**
 * Fetches the manifest once the host is connected, aborts when it disconnects or `src` changes, and
 * reports failures in the console only: a banner must never disturb the page that carries it.
 */
export function bannerLoader(
  host: ReactiveControllerHost & HTMLElement,
  getSrc: () => string | null,
  getTimeout: () => number,
): BannerLoader {
  let value: LoadedBannerManifest | undefined;
  /** The src loaded or loading; undefined: none, so the next sync starts one. */
  let current: string | null | undefined;
  let request: AbortController | undefined;

  const load = async (src: string, { signal }: AbortController) => {
    const url = absoluteUrl(src);
    try {
      // fetchText's errors already say what happened to the URL (HTTP status, network, timeout).
      const { text } = await fetchText(url, { signal, timeoutMs: getTimeout() });
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch (error) {
        throw new Error(`${url} is not valid JSON: ${(error as Error).message}`);
      }
      let manifest: BannerManifest;
      try {
        manifest = readBannerManifest(data);
      } catch (error) {
        throw new Error(`${url} is not a valid trust-center manifest: ${(error as Error).message}`);
      }
      if (signal.aborted) return;
      value = { url, manifest };
      host.requestUpdate();
    } catch (error) {
      // Aborted for a new src or a disconnect: nothing went wrong.
      if (!isAbortError(error)) console.error(`<trust-center-banner>: ${(error as Error).message}`);
    }
  };

  const sync = () => {
    const src = getSrc() || null;
    if (!host.isConnected || src === current) return;
    request?.abort();
    current = src;
    value = undefined;
    host.requestUpdate();
    if (src) void load(src, (request = new AbortController()));
  };

  const loader: BannerLoader = {
    get value() {
      return value;
    },
    hostConnected: sync,
    hostUpdate: sync,
    hostDisconnected() {
      // An unfinished request is abandoned; reconnecting starts it again.
      if (!value) {
        request?.abort();
        current = undefined;
      }
    },
  };
  host.addController(loader);
  return loader;
}
