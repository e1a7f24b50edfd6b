import { html, fixture, expect, fixtureCleanup, aTimeout } from '@open-wc/testing';
import '../src/define.js';
import type { TrustCenterElement } from '../src/elements/trust-center.js';
import { $$, asLine, asMarkdown, resetHash, shadow, waitFor } from './helpers.js';

const SAFE_PROTOCOLS = ['http:', 'https:', 'mailto:', 'tel:'];
const FORBIDDEN = 'script, iframe, object, embed, svg, math, style, form, base, meta, link, frame, frameset, template, input:not([type=checkbox][disabled])';

/** Asserts nothing in the element's shadow root can run script or navigate somewhere unsafe. */
function expectInert(el: Element) {
  const root = shadow(el);
  // The element's own search box is the one form it may hold; anything else came from content.
  const active = [...root.querySelectorAll(FORBIDDEN)].filter((node) => !node.closest('form[part~="search"]'));
  expect(active.map((node) => node.localName), 'no active elements').to.deep.equal([]);
  expect(root.querySelectorAll('form').length, 'one form at most: the search box').to.be.at.most(1);
  for (const node of root.querySelectorAll('*')) {
    for (const attr of node.attributes) {
      expect(attr.name.startsWith('on'), `<${node.localName} ${attr.name}>`).to.be.false;
      if (attr.name === 'href' || attr.name === 'src') {
        const url = new URL(attr.value, document.baseURI);
        expect(SAFE_PROTOCOLS, `${node.localName}[${attr.name}]=${attr.value}`).to.include(url.protocol);
      }
    }
  }
}

/** A manifest as a blob: URL, so a test can load any content without a file. */
function manifestUrl(manifest: unknown): string {
  return URL.createObjectURL(new Blob([JSON.stringify(manifest)], { type: 'application/json' }));
}

async function load(src: string, policy = '') {
  const el = await fixture<TrustCenterElement>(html`<trust-center src=${src} policy=${policy}></trust-center>`);
  await waitFor(el, policy ? '[part~="content"], [part~="error"]' : '[part~="overview"], [part~="error"]');
  await aTimeout(50);
  return el;
}

describe('untrusted content', () => {
  let payloads: string[] = [];
  before(async () => {
    payloads = (await (await fetch('/test/fixtures/xss/payloads.json')).json()) as string[];
  });
  beforeEach(() => {
    delete (window as { __xss?: unknown }).__xss;
    resetHash();
  });
  afterEach(() => {
    fixtureCleanup();
    resetHash();
    expect((window as { __xss?: unknown }).__xss, 'a payload ran').to.equal(undefined);
  });

  it('shows hostile manifest strings as text in the overview', async () => {
    const el = await load('/test/fixtures/xss/manifest.json');
    expect($$(el, '[part~="overview"]')).to.have.length(1);
    expect(shadow(el).textContent).to.contain('<script>window.__xss=1</script>Privacy');
    expectInert(el);
  });

  it('renders the hostile markdown corpus without running any of it', async () => {
    const el = await load('/test/fixtures/xss/manifest.json', 'xss');
    expect($$(el, '[part~="content"]')).to.have.length(1);
    expectInert(el);
    await expect(el).to.be.accessible({ ignoredRules: ['heading-order'] });
  });

  it('keeps every payload inert in every manifest string', async () => {
    expect(payloads.length).to.be.greaterThan(40);
    // Every payload in every string field a reader sees, plus inline markdown made of payloads.
    const manifest = {
      version: 1,
      organization: { name: asLine(payloads.join(' ')), url: 'https://example.com' },
      policies: payloads.map((payload, i) => ({
        id: `p${i}`,
        title: asLine(payload),
        updated: '2026-01-01',
        summary: asLine(payload, 500),
        content: asMarkdown(
          `# ${payload}\n\n${payload}\n\n[${payload}](${payload})\n\n![${payload}](${payload})\n\n- ${payload}\n\n| ${payload} |\n| --- |\n| ${payload} |\n`,
        ),
        changes: [{ date: '2026-01-01', summary: asLine(payload, 500) }],
      })),
      compliance: payloads.map((payload) => ({ name: asLine(payload), status: 'planned', description: asLine(payload, 1000) })),
    };
    const src = manifestUrl(manifest);
    const el = await load(src);
    expectInert(el);
    for (let i = 0; i < payloads.length; i += 7) {
      el.policy = `p${i}`;
      await waitFor(el, `[part~="content"]`);
      await el.updateComplete;
      await aTimeout(20);
      expectInert(el);
    }
    URL.revokeObjectURL(src);
  });

  it('treats hostile deep links as not the trust center’s', async () => {
    const el = await load('/policies/manifest.json');
    for (const payload of payloads.slice(0, 20)) {
      location.hash = payload;
      await aTimeout(5);
      await el.updateComplete;
      expectInert(el);
    }
    expect($$(el, '[part~="overview"]')).to.have.length(1);
  });

  it('rejects a manifest whose organization URL is a script URL, naming the field', async () => {
    const src = manifestUrl({
      version: 1,
      organization: { name: 'Evil', url: 'javascript:window.__xss=1' },
      policies: [{ id: 'a', title: 'A', updated: '2026-01-01', content: 'x' }],
    });
    const el = await load(src);
    const error = await waitFor(el, '[part~="error"]');
    expect(error.textContent).to.contain('organization.url');
    expectInert(el);
  });
});
