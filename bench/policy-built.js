// The policy page `trust-center build` writes: its article comes with the HTML (painted with the first
// contentful paint) and <trust-center-policy> takes it over once the compiled policy is rendered. Reports the
// layout shift of the whole load, takeover included.
import { markWhen, finish, inShadow, layoutShifts, nextPaint, settle } from './marker.js';

const el = document.querySelector('trust-center-policy');
const { inDom, painted } = await markWhen('policy', () => document.querySelector('article h2') !== null);
// Taken over: the element's own text is on the page.
await markWhen('takeover', () => inShadow(el, '[part~="content"] h2') !== null);
await nextPaint();
await settle();
finish({ inDom, painted, headings: inShadow(el, '[part~="content"]').querySelectorAll('h2').length, shift: layoutShifts.reduce((sum, e) => sum + e.value, 0) });
