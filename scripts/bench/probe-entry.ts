// The element's markdown pipeline and styles, bundled alone for bench/breakdown.js (by scripts/bench/timings.mjs).
export { Lexer } from 'marked';
export { render } from 'lit';
export { renderMarkdown } from '../../src/markdown/markdown.js';
export { contentStyles, themeStyles } from '../../src/styles/theme.js';
export { frameStyles } from '../../src/elements/shared.js';
export { policyPageStyles } from '../../src/elements/policy-page.js';
