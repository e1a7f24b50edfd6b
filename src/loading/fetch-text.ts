import { LoadError, isAbortError } from './errors.js';

export const DEFAULT_TIMEOUT_MS = 10_000;

export interface FetchTextOptions {
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
  /** Revalidate with the server instead of trusting the HTTP cache (Retry). */
  reload?: boolean | undefined;
}

export interface FetchedText {
  /** The final URL after redirects: relative sources resolve against it. */
  url: string;
  text: string;
}

/** GET a URL as text; errors become LoadErrors, a caller's abort stays an AbortError. */
export async function fetchText(url: string, options: FetchTextOptions = {}): Promise<FetchedText> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  const outer = options.signal;
  let timedOut = false;
  const onAbort = () => controller.abort(outer?.reason);
  if (outer?.aborted) throw new DOMException('Aborted', 'AbortError');
  outer?.addEventListener('abort', onAbort, { once: true });
  // A manual timer rather than AbortSignal.timeout/any, which older Safari lacks.
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const response = await fetch(url, {
      signal: controller.signal,
      credentials: 'same-origin',
      cache: options.reload ? 'no-cache' : 'default',
      headers: { Accept: 'application/json, text/markdown, text/plain;q=0.9, */*;q=0.1' },
    });
    if (!response.ok) {
      const status = `${response.status}${response.statusText ? ' ' + response.statusText : ''}`;
      throw new LoadError('http', url, `${url} returned ${status}`, { status: response.status });
    }
    return { url: response.url || url, text: await response.text() };
  } catch (error) {
    if (error instanceof LoadError) throw error;
    if (timedOut) {
      const seconds = Number((timeoutMs / 1000).toFixed(1));
      throw new LoadError('timeout', url, `${url} did not answer within ${seconds} second${seconds === 1 ? '' : 's'}`);
    }
    if (outer?.aborted || isAbortError(error)) throw new DOMException('Aborted', 'AbortError');
    throw new LoadError('network', url, `${url} could not be reached (offline, or refused by the server or its CORS policy)`, {
      cause: error,
    });
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onAbort);
  }
}
