// The element's cost to render one policy (?doc= names its markdown, see scripts/bench/timings.mjs): from
// inserting a <trust-center-policy> (its chunks and manifest already loaded, by a warm-up policy) to
// its whole text painted — fetching the file from 127.0.0.1 included — and the long tasks in between.
import { markWhen, finish, inShadow, longTaskSummary, nextPaint, settle } from './marker.js';

const params = new URLSearchParams(location.search);
const doc = params.get('doc');
// ?compiled: the same manifest and policy compiled by `trust-center compile` (scripts/bench/timings.mjs).
const src = params.has('compiled') ? `/bench/gen-compiled/${doc}/policies/manifest.compiled.json` : `/bench/gen/manifest-${doc}.json`;
await customElements.whenDefined('trust-center-policy');

function policy(id) {
  const el = document.createElement('trust-center-policy');
  el.setAttribute('src', src);
  el.setAttribute('policy', id);
  el.setAttribute('lang', 'en');
  return el;
}

const warm = document.body.appendChild(policy('warm'));
await markWhen('warm', () => inShadow(warm, '[part~="content"] p') !== null);
warm.remove();
await settle(300);

const start = performance.now();
const el = document.body.appendChild(policy('big'));
// The whole text: a long policy arrives in parts, so wait for the heading its table of contents ends with.
const lastHeadingShown = () => {
  const links = el.shadowRoot?.querySelectorAll('[part~="toc-link"]') ?? [];
  const last = links[links.length - 1]?.getAttribute('href')?.split('/').pop();
  return last !== undefined && inShadow(el, `[part~="content"] [id="${CSS.escape(decodeURIComponent(last))}"]`) !== null;
};
let { inDom, painted } = await markWhen('big', lastHeadingShown);
// The table of contents also arrives in parts: when it lags the text, its last entry so far is not the
// document's last heading. Whatever still arrives moves "painted" to the frame after it (the whole text).
const sections = () => inShadow(el, '[part~="content"]').querySelectorAll('h2').length;
for (let count = sections(), quiet = 0; quiet < 10; ) {
  await nextPaint();
  if (sections() === count) quiet++;
  else [count, quiet, inDom, painted] = [sections(), 0, performance.now(), performance.now()];
}
await settle();
finish({
  total: painted - start,
  inDom: inDom - start,
  headings: sections(),
  ...longTaskSummary(start, painted),
});
