// The page `trust-center build` writes, without the element's loader: timed like static HTML (its first
// contentful paint), counting the policy's own section headings, not those of its change history and form.
import { markWhen, finish } from './marker.js';

const { inDom, painted } = await markWhen('policy', () => document.querySelector('.tc-content h2') !== null);
finish({ inDom, painted, headings: document.querySelectorAll('.tc-content h2').length });
