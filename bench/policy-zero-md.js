// zero-md showing the same markdown file: painted once its text (a section heading) is.
import { markWhen, finish, inShadow } from './marker.js';

const el = document.querySelector('zero-md');
const { inDom, painted } = await markWhen('policy', () => inShadow(el, '.markdown-body h2') !== null);
finish({ inDom, painted, headings: inShadow(el, '.markdown-body').querySelectorAll('h2').length });
