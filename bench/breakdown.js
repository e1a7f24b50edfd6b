// The element's pipeline step by step, once, on the markdown ?doc= names (see scripts/bench/timings.mjs):
// marked's lexer, tokens → elements (the rest of renderMarkdown: the tree, then its DOM, src/markdown/builders.ts),
// Lit's commit of them into a shadow root styled like the element's, then style and layout, then paint. Warmed up like bench/render.js, so each figure is its share of that render.
// /bench/.probe/probe.js is bundled from scripts/bench/probe-entry.ts by scripts/bench/timings.mjs.
import { Lexer, render, renderMarkdown, contentStyles, themeStyles, frameStyles, policyPageStyles } from '/bench/.probe/probe.js';
import { finish, nextPaint, settle, longTaskSummary } from './marker.js';

const doc = new URLSearchParams(location.search).get('doc');
const text = await (await fetch(`/bench/gen/policy-${doc}.md`)).text();

// renderMarkdown lexes inside (block by section, then inline); timing the outermost Lexer#blockTokens and
// Lexer#inlineTokens calls splits its time without lexing twice.
let lexMs = 0;
let depth = 0;
for (const method of ['blockTokens', 'inlineTokens']) {
  const original = Lexer.prototype[method];
  Lexer.prototype[method] = function (...args) {
    const start = depth++ === 0 ? performance.now() : undefined;
    try {
      return original.apply(this, args);
    } finally {
      depth--;
      if (start !== undefined) lexMs += performance.now() - start;
    }
  };
}

function contentBox() {
  const host = document.body.appendChild(document.createElement('div'));
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [themeStyles, frameStyles, contentStyles, policyPageStyles].map((s) => s.styleSheet);
  const frame = root.appendChild(document.createElement('div'));
  frame.className = 'frame';
  const content = frame.appendChild(document.createElement('div'));
  content.setAttribute('part', 'content');
  content.className = 'markdown';
  return { host, content };
}

// The same warm-up as the element's page: one short policy rendered and painted.
const warm = contentBox();
render(renderMarkdown('# Warm-up\n\nA short policy.\n', { baseUrl: location.href }).template, warm.content);
await nextPaint();
warm.host.remove();
await settle(300);

lexMs = 0;
const { host, content } = contentBox();
await nextPaint();
const t0 = performance.now();
const rendered = renderMarkdown(text, { baseUrl: location.href });
const t1 = performance.now();
render(rendered.template, content);
const t2 = performance.now();
void host.offsetHeight; // forces style and layout now, to time them apart from the commit
const t3 = performance.now();
await nextPaint();
const t4 = performance.now();
await settle();
finish({
  lex: lexMs,
  template: t1 - t0 - lexMs,
  commit: t2 - t1,
  layout: t3 - t2,
  paint: t4 - t3,
  headings: content.querySelectorAll('h2').length,
  ...longTaskSummary(t0, t4),
});
