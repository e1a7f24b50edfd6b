import { fetchText, type FetchedText } from './fetch-text.js';

interface Entry {
  promise: Promise<FetchedText>;
  controller: AbortController;
  users: number;
  settled: boolean;
}

// One request per URL per page, however many elements ask for it.
const requests = new Map<string, Entry>();

export interface SharedFetchOptions {
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
  /** Start a fresh request instead of reusing a finished one (Retry). */
  reload?: boolean | undefined;
}

/**
 * fetchText shared between callers: the request is aborted only when every
 * caller waiting for it has aborted; failures are not kept, so a retry refetches.
 */
export function sharedFetchText(url: string, options: SharedFetchOptions = {}): Promise<FetchedText> {
  const { signal } = options;
  let entry = requests.get(url);
  if (entry && options.reload && entry.settled) {
    requests.delete(url);
    entry = undefined;
  }
  if (!entry) {
    const controller = new AbortController();
    const created: Entry = {
      controller,
      users: 0,
      settled: false,
      promise: fetchText(url, { signal: controller.signal, timeoutMs: options.timeoutMs, reload: options.reload }),
    };
    created.promise.then(
      () => {
        created.settled = true;
      },
      () => {
        created.settled = true;
        if (requests.get(url) === created) requests.delete(url);
      },
    );
    requests.set(url, created);
    entry = created;
  }
  const shared = entry;
  if (signal?.aborted) return Promise.reject(new DOMException('Aborted', 'AbortError'));
  shared.users++;
  return new Promise<FetchedText>((resolve, reject) => {
    const release = () => {
      shared.users--;
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      release();
      if (shared.users === 0 && !shared.settled) {
        shared.controller.abort();
        if (requests.get(url) === shared) requests.delete(url);
      }
      reject(new DOMException('Aborted', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    shared.promise.then(
      (value) => {
        if (signal?.aborted) return;
        release();
        resolve(value);
      },
      (error: unknown) => {
        if (signal?.aborted) return;
        release();
        reject(error);
      },
    );
  });
}

/** Forget every finished request (tests, and a page that wants fresh data). */
export function clearSharedFetches(): void {
  for (const [url, entry] of requests) if (entry.settled) requests.delete(url);
}
