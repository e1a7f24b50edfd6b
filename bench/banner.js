// The banner on a host page: when the host's own content is painted, when the banner has decided and is
// painted, and what it cost the page (long tasks, layout shift).
import { markWhen, finish, inShadow, longTaskSummary, layoutShifts, settle } from './marker.js';

const el = document.querySelector('trust-center-banner');
const host = markWhen('host', () => document.querySelector('main p') !== null);
const banner = await markWhen('banner', () => inShadow(el, '[part~="banner"]') !== null);
await settle(500); // the slide-in and the padding it reserves on <html> have ended
finish({
  painted: (await host).painted,
  banner: banner.painted,
  shift: layoutShifts.reduce((sum, e) => sum + e.value, 0),
  ...longTaskSummary(),
});
