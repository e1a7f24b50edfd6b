// A policy as static HTML, painted with the first contentful paint: the bench's page generated from the same
// markdown (scripts/bench/timings.mjs), or the page `trust-center build` writes without its loader. Counts the
// policy's own section headings (not those of that page's change history and form).
import { markWhen, finish } from './marker.js';

const HEADINGS = 'article > h2, .tc-content > h2';
const { inDom, painted } = await markWhen('policy', () => document.querySelector(HEADINGS) !== null);
finish({ inDom, painted, headings: document.querySelectorAll(HEADINGS).length });
