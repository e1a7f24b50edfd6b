import { lazyModule } from '../loading/lazy.js';

/**
 * The manifest validator (valibot and the schema) as a separate chunk, fetched alongside the manifest
 * itself, so it costs the main bundle nothing and the first render no extra round trip.
 */
export const loadValidator = lazyModule(() => import('./validate.js'));
