import { lazyModule } from '../loading/lazy.js';

/**
 * The markdown renderer (marked and the Lit templates) as a separate chunk: the overview and the banner
 * never need it, and elements start loading it as they connect, alongside the manifest, so a policy waits
 * for neither in turn.
 */
export const loadMarkdown = lazyModule(() => import('./markdown.js'));
