// A larger XSS corpus (test/fixtures/hardening/xss-corpus.json, ~580 filter-evasion payloads) through
// every string the manifest carries, every markdown construct, link and image URLs, heading ids and hash
// deep links: zero executions, zero javascript:/data: URLs on a link or image, in every engine.
import { html, fixture, expect, fixtureCleanup, aTimeout } from '@open-wc/testing';
import '../../src/define.js';
import '../../src/disclosure/define.js';
import type { TrustCenterElement } from '../../src/elements/trust-center.js';
import { markdownTree } from '../../src/markdown/markdown.js';
import { $$, asLine, asMarkdown, resetHash, shadow, waitFor } from '../helpers.js';

type XssWindow = Window & { __xss?: unknown };
const LINK_PROTOCOLS = ['http:', 'https:', 'mailto:', 'tel:'];
const IMAGE_PROTOCOLS = ['http:', 'https:'];
/** Elements nothing in a manifest or in markdown may produce. */
const FORBIDDEN =
  'script, iframe, frame, frameset, object, embed, applet, svg, math, style, link, meta, base, template, noscript, ' +
  'video, audio, source, track, marquee, portal, xss, image, isindex, keygen, plaintext, xmp, listing, noembed, noframes';
/** Attributes that load or run something (besides on*, href and src, checked on their own). */
const ACTIVE_ATTRIBUTES = ['srcdoc', 'srcset', 'formaction', 'action', 'data', 'poster', 'background', 'dynsrc', 'lowsrc', 'xlink:href', 'style', 'ping', 'popovertarget'];

const hostErrors: string[] = [];
const onError = (e: ErrorEvent) => hostErrors.push(`error: ${e.message}`);
const onRejection = (e: PromiseRejectionEvent) => hostErrors.push(`unhandledrejection: ${String(e.reason)}`);

/** Nothing in the element's shadow tree (and nested shadow trees) can run script or navigate somewhere unsafe. */
function expectInert(root: ShadowRoot | Element, context: string): void {
  const scope: ParentNode = root instanceof ShadowRoot ? root : shadow(root);
  const forbidden = [...scope.querySelectorAll(FORBIDDEN)].map((e) => e.localName);
  expect(forbidden, `active elements (${context})`).to.deep.equal([]);
  for (const node of scope.querySelectorAll('*')) {
    for (const attr of node.getAttributeNames()) {
      expect(attr.startsWith('on'), `<${node.localName} ${attr}> (${context})`).to.be.false;
      expect(ACTIVE_ATTRIBUTES, `<${node.localName} ${attr}> (${context})`).to.not.include(attr.toLowerCase());
    }
    if (node instanceof HTMLAnchorElement && node.hasAttribute('href')) {
      expect(LINK_PROTOCOLS, `a[href=${node.getAttribute('href')}] (${context})`).to.include(node.protocol);
    }
    if (node instanceof HTMLImageElement) {
      expect(IMAGE_PROTOCOLS, `img[src=${node.getAttribute('src')}] (${context})`).to.include(new URL(node.src, document.baseURI).protocol);
    }
    if (node.localName === 'input') {
      expect(node.getAttribute('type') ?? 'text', `input type (${context})`).to.not.match(/^(image|submit|hidden)$/i);
    }
    if (node.shadowRoot) expectInert(node.shadowRoot, `${context} > ${node.localName}`);
  }
}

function blobUrl(data: unknown): string {
  return URL.createObjectURL(new Blob([JSON.stringify(data)], { type: 'application/json' }));
}

/** Every markdown construct around one payload. */
function markdownOf(payload: string, n: number): string {
  return [
    `# ${payload}`,
    `## ${payload}`,
    `### Heading ${n} ${payload}`,
    payload,
    `*${payload}* **${payload}** ~~${payload}~~ \`${payload}\``,
    `[${payload}](${payload})`,
    `![${payload}](${payload})`,
    `[link ${n}](${payload} "${payload}")`,
    `[ref ${n}][r${n}] and ![img ${n}][r${n}]`,
    `[r${n}]: ${payload}`,
    `<${payload}>`,
    `- ${payload}\n- [ ] ${payload}`,
    `1. ${payload}`,
    `> ${payload}`,
    `| ${payload} | b |\n| --- | :-: |\n| ${payload} | [x](${payload}) |`,
    '```\n' + payload + '\n```',
  ].join('\n\n');
}

const GROUP = 12;

describe('the XSS corpus', function () {
  this.timeout(120000);
  let payloads: string[] = [];

  before(async () => {
    payloads = (await (await fetch('/test/fixtures/hardening/xss-corpus.json')).json()) as string[];
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  after(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  });
  beforeEach(() => {
    delete (window as XssWindow).__xss;
    hostErrors.length = 0;
    resetHash();
  });
  afterEach(async () => {
    await aTimeout(100); // onerror, onload, ontoggle and friends fire asynchronously
    fixtureCleanup();
    resetHash();
    expect((window as XssWindow).__xss, 'a payload ran').to.equal(undefined);
    expect(hostErrors, 'no exception on the host page').to.deep.equal([]);
  });

  it('has a few hundred payloads', () => {
    expect(payloads.length).to.be.within(300, 2000);
    expect(new Set(payloads).size).to.equal(payloads.length);
  });

  function corpusManifest() {
    return {
      version: 1,
      organization: { name: asLine(payloads.join(' ')), url: 'https://example.com' },
      policies: payloads.map((payload, i) => ({
        id: `p${i}`,
        title: asLine(payload),
        updated: '2026-06-05',
        summary: asLine(payload, 500),
        // Groups of payloads in every construct on every GROUP-th policy; the rest carry their own payload.
        content: asMarkdown(i % GROUP === 0 ? payloads.slice(i, i + GROUP).map((p, k) => markdownOf(p, i + k)).join('\n\n---\n\n') : payload),
        changes: [{ date: '2026-06-05', summary: asLine(payload, 500) }],
      })),
      compliance: payloads.map((payload) => ({ name: asLine(payload), status: 'planned', description: asLine(payload, 1000) })),
      disclosure: {
        policy: 'p0',
        email: 'security@example.com',
        assets: payloads.slice(0, 100).map((payload, i) => ({ id: `a${i}`, label: asLine(payload) })),
      },
      banner: { message: asLine(payloads.slice(0, 40).join(' '), 500) },
    };
  }

  it('keeps every payload inert in every manifest string on the overview', async () => {
    const src = blobUrl(corpusManifest());
    const el = await fixture<TrustCenterElement>(html`<trust-center src=${src} lang="en"></trust-center>`);
    await waitFor(el, '[part~="overview"], [part~="error"]', 20000);
    expect($$(el, '[part~="error"]'), 'the corpus manifest is valid').to.have.length(0);
    expect($$(el, '[part~="policy-card"]')).to.have.length(payloads.length);
    await aTimeout(100);
    expectInert(el, 'overview');
    expect(shadow(el).textContent).to.contain('<script>window.__xss=1</script>');
    URL.revokeObjectURL(src);
  });

  /** Every GROUP-th policy of the corpus, rendered in turn: nothing runs, nothing unsafe is linked. */
  async function expectPoliciesInert(el: TrustCenterElement, path: string): Promise<void> {
    for (let i = 0; i < payloads.length; i += GROUP) {
      el.policy = `p${i}`;
      await el.updateComplete;
      await waitFor(el, '[part~="content"] h1, [part~="article"] [part~="error"]', 20000);
      expect($$(el, '[part~="article"] [part~="error"]'), `policy p${i} renders`).to.have.length(0);
      await aTimeout(30);
      expectInert(el, `${path} of payloads ${i}–${i + GROUP - 1}`);
      // Every heading id made from a payload works as a deep link.
      const ids = $$(el, '[part~="content"] [id]').map((h) => h.id);
      for (const id of ids.slice(0, 6)) {
        location.hash = `#p${i}/${id}`;
        await aTimeout(0);
        await el.updateComplete;
      }
      resetHash();
      expect((window as XssWindow).__xss, `ran in policy p${i}`).to.equal(undefined);
    }
  }

  it('keeps every payload inert in every markdown construct, link and image URL and heading id', async () => {
    const src = blobUrl(corpusManifest());
    const el = await fixture<TrustCenterElement>(html`<trust-center src=${src} lang="en"></trust-center>`);
    await waitFor(el, '[part~="overview"]', 20000);
    await expectPoliciesInert(el, 'markdown');
    URL.revokeObjectURL(src);
  });

  it('keeps every payload inert from a compiled manifest, whose trees are as untrusted as the markdown', async () => {
    // Compiled here as `trust-center build` compiles, served by test/server/middleware.mjs (/__tc/mem/).
    const manifest = corpusManifest();
    const folder = `/__tc/mem/xss-${Math.random().toString(36).slice(2, 8)}`;
    const trees: Record<string, string> = {};
    for (const policy of manifest.policies.filter((_, i) => i % GROUP === 0)) {
      trees[policy.id] = `compiled/${policy.id}.json`;
      await fetch(`${folder}/${trees[policy.id]}`, { method: 'PUT', body: JSON.stringify({ formatVersion: 1, blocks: markdownTree(policy.content) }) });
    }
    for (const policy of manifest.policies) trees[policy.id] ??= trees.p0!;
    const compiled = { format: 'trust-center-compiled', formatVersion: 1, manifest, trees };
    await fetch(`${folder}/manifest.compiled.json`, { method: 'PUT', body: JSON.stringify(compiled) });
    const el = await fixture<TrustCenterElement>(html`<trust-center src=${`${folder}/manifest.compiled.json`} lang="en"></trust-center>`);
    await waitFor(el, '[part~="overview"], [part~="error"]', 20000);
    expect($$(el, '[part~="error"]'), 'the compiled corpus passes the structural check').to.have.length(0);
    expectInert(el, 'compiled overview');
    await expectPoliciesInert(el, 'compiled markdown');
  });

  it('treats every payload as a hash deep link without running or breaking anything', async () => {
    const el = await fixture<TrustCenterElement>(html`<trust-center src="/policies/manifest.json" lang="en"></trust-center>`);
    await waitFor(el, '[part~="overview"]');
    for (const [i, payload] of payloads.entries()) {
      location.hash = i % 2 ? payload : `security/${payload}`;
      if (i % 8 === 0) {
        await aTimeout(0);
        await el.updateComplete;
        expectInert(el, `hash ${payload}`);
      }
    }
    await aTimeout(20);
    await el.updateComplete;
    expectInert(el, 'hash deep links');
    resetHash();
  });

  it('shows payloads in validation errors as text', async () => {
    const manifest = corpusManifest() as { policies: Array<{ updated: string }>; organization: { url: string } };
    manifest.policies.forEach((p, i) => (p.updated = payloads[i]!));
    manifest.organization.url = payloads[0]!;
    const src = blobUrl(manifest);
    const el = await fixture<TrustCenterElement>(html`<trust-center src=${src} lang="en"></trust-center>`);
    await waitFor(el, '[part~="error"]', 20000);
    expect($$(el, '.error-issues li').length, 'each problem listed').to.be.greaterThan(payloads.length / 2);
    expectInert(el, 'validation errors');
    URL.revokeObjectURL(src);
  });

  it('keeps payloads inert in the banner and the disclosure form', async () => {
    const manifest = corpusManifest();
    delete (manifest as { banner?: unknown }).banner;
    const src = blobUrl(manifest);
    const withMessage = blobUrl(corpusManifest());
    const box = await fixture<HTMLDivElement>(html`<div>
      <trust-center-banner src=${src} .now=${new Date(2026, 5, 10, 12)}></trust-center-banner>
      <trust-center-banner src=${withMessage} .now=${new Date(2026, 5, 10, 12)}></trust-center-banner>
      <trust-center-disclosure src=${src} lang="en"></trust-center-disclosure>
    </div>`);
    const [generated, custom] = [...box.querySelectorAll('trust-center-banner')];
    await waitFor(generated!, '[part~="banner"]', 20000);
    await waitFor(custom!, '[part~="banner"]', 20000);
    const form = box.querySelector('trust-center-disclosure')!;
    await waitFor(form, 'form', 20000);
    await aTimeout(50);
    expectInert(generated!, 'banner');
    expectInert(custom!, 'banner message');
    expectInert(form, 'disclosure form');
    expect(form.shadowRoot!.querySelectorAll('option').length).to.be.greaterThan(100);
    URL.revokeObjectURL(src);
    URL.revokeObjectURL(withMessage);
  });
});
