// The full bundle: every element, registered.
import './define.js';

export * from './elements/index.js';
export { parseManifest, formatIssue } from './manifest/validate.js';
export type { Manifest, Policy } from './manifest/schema.js';
export { markSeen, readSeen } from './banner/seen-store.js';
