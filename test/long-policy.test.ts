// A 1 MB policy: the whole text stays reachable while it is put on the page in parts and laid out only near
// the viewport (content-visibility). Speed is measured by `npm run bench`; this checks reachability.
import { html, fixture, expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import type { TrustCenterElement } from '../src/elements/trust-center.js';
import { $$, resetHash, shadow, waitFor } from './helpers.js';

const PARAGRAPH = 'We review access to production systems every quarter and remove what is no longer needed. '.repeat(8);
const PARTS = Math.ceil(1_000_000 / (PARAGRAPH.length + 20));
const MIDDLE = Math.floor(PARTS / 2);

function longManifest(): string {
  const content = Array.from({ length: PARTS }, (_, i) =>
    `## Part ${i + 1}\n\n${i + 1 === MIDDLE ? 'The quarterly zanzibarquorum review is recorded here. ' : ''}${PARAGRAPH}\n`,
  ).join('\n');
  const manifest = {
    version: 1,
    organization: { name: 'Long Policies Ltd', url: 'https://long.example' },
    policies: [{ id: 'long', title: 'Long', updated: '2026-06-05', content }],
  };
  return URL.createObjectURL(new Blob([JSON.stringify(manifest)], { type: 'application/json' }));
}

function inView(el: Element): boolean {
  const top = el.getBoundingClientRect().top;
  return top >= -2 && top < window.innerHeight;
}

describe('a 1 MB policy', function () {
  this.timeout(120000);
  afterEach(() => {
    fixtureCleanup();
    resetHash();
  });

  it('is 1 MB', () => {
    const length = Array.from({ length: PARTS }, () => PARAGRAPH.length + 20).reduce((a, b) => a + b, 0);
    expect(length).to.be.within(1_000_000, 1_100_000);
  });

  it('reaches a deep link to a heading at its end', async () => {
    const src = longManifest();
    history.replaceState(null, '', `#long/part-${PARTS}`);
    const el = await fixture<TrustCenterElement>(html`<trust-center src=${src} lang="en"></trust-center>`);
    const heading = await waitFor(el, `[part~="content"] [id="part-${PARTS}"]`, 60000);
    await waitUntil(() => inView(heading), 'scrolled to the last heading', { timeout: 20000 }).catch(() => { throw new Error(`top ${heading.getBoundingClientRect().top} of ${window.innerHeight}, scrollY ${window.scrollY} max ${document.documentElement.scrollHeight} toc ${$$(el, '[part~="toc-link"]').length}`); });
    expect(heading.textContent).to.equal(`Part ${PARTS}`);
    await waitUntil(() => $$(el, '[part~="toc-link"]').length === PARTS, 'the whole table of contents', { timeout: 60000 });
    URL.revokeObjectURL(src);
  });

  it('finds a word in its middle and a search hit scrolls to its section', async () => {
    const src = longManifest();
    history.replaceState(null, '', '#search/zanzibarquorum');
    const el = await fixture<TrustCenterElement>(html`<trust-center src=${src} lang="en"></trust-center>`);
    const view = await waitFor(el, 'trust-center-search', 60000).catch(() => undefined);
    const root = view?.shadowRoot ?? shadow(el);
    await waitUntil(() => root.querySelector('[part~="result-link"]'), 'a search hit', { timeout: 60000 });
    const links = [...root.querySelectorAll<HTMLAnchorElement>('[part~="result-link"]')];
    expect(links, 'one section has the word').to.have.length(1);
    expect(links[0]!.getAttribute('href')).to.equal(`#long/part-${MIDDLE}`);
    links[0]!.click();
    const heading = await waitFor(el, `[part~="content"] [id="part-${MIDDLE}"]`, 60000);
    await waitUntil(() => inView(heading), 'scrolled to the section in the middle', { timeout: 20000 });
    const paragraph = heading.nextElementSibling as HTMLElement;
    expect(paragraph.textContent).to.contain('zanzibarquorum');
    URL.revokeObjectURL(src);
  });
});
