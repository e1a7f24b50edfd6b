import { createContext } from '@lit/context';
import type { LoadedManifest } from './loading/manifest-loader.js';

/** The loaded manifest, provided by <trust-center> to the views inside it; replaced, never mutated. */
export const manifestContext = createContext<LoadedManifest | undefined>(Symbol('trust-center-manifest'));
