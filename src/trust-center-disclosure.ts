// The disclosure form alone, registered (guarded: a second copy, or the full bundle's chunk, finds the tag
// taken and leaves it): for a product site's "Report a vulnerability" page.
import './disclosure/define.js';

export { defineDisclosure } from './disclosure/define.js';
export * from './disclosure/index.js';
export type * from './events.js';
