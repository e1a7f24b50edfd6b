// <trust-center-policy> showing the Artisser security policy: painted once its text (a section heading) is.
import { markWhen, finish, inShadow } from './marker.js';

const el = document.querySelector('trust-center-policy');
const { inDom, painted } = await markWhen('policy', () => inShadow(el, '[part~="content"] h2') !== null);
finish({ inDom, painted, headings: inShadow(el, '[part~="content"]').querySelectorAll('h2').length });
