/**
 * A module imported once, on first use, as its own chunk: later calls share the same import, and a failed
 * one (offline, a deploy that removed the chunk) is forgotten so the next call, a Retry, imports again.
 */
export function lazyModule<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}

/**
 * A compiled manifest's structural check (in place of the validator): fetched alongside a manifest whose
 * name says it is compiled.
 */
export const loadCompiledCheck = lazyModule(() => import('../manifest/compiled.js'));

/** The markdown tree renderer alone, without marked: what the compiled path renders a policy with. */
export const loadTreeRenderer = lazyModule(() => import('../markdown/render.js'));
