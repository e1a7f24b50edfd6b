type MarkdownModule = typeof import('./markdown.js');

let loading: Promise<MarkdownModule> | undefined;

/**
 * The markdown renderer (marked and the Lit templates) as a separate chunk: the
 * overview and the banner never need it, and elements start loading it as they
 * connect, alongside the manifest, so a policy waits for neither in turn.
 */
export function loadMarkdown(): Promise<MarkdownModule> {
  loading ??= import('./markdown.js').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
