// Images in policies, FAQ answers and the logo load only from the manifest's own origin and those its
// `imageOrigins` lists, and never send the host page as Referer: an image elsewhere could count readers.
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { render } from 'lit';
import '../../src/define.js';
import type { TrustCenterElement } from '../../src/elements/trust-center.js';
import { formatIssue, parseManifest } from '../../src/manifest/index.js';
import { renderMarkdown } from '../../src/markdown/markdown.js';
import { $, resetHash, text, waitFor } from '../helpers.js';

let crossOrigin = '';

function blobUrl(data: unknown): string {
  return URL.createObjectURL(new Blob([JSON.stringify(data)], { type: 'application/json' }));
}

/** Whether the page requested `url` at all (Resource Timing lists cross-origin images too). */
function requested(url: string): boolean {
  return performance.getEntriesByType('resource').some((entry) => entry.name === url);
}

async function referers(key: string): Promise<string[]> {
  return (await (await fetch(`/__tc/referers/${key}`, { cache: 'no-store' })).json()) as string[];
}

function manifestWith(image: string, logo = 'https://logo.example/logo.svg') {
  return {
    version: 1,
    organization: { name: 'Pixel Co', url: 'https://pixel.example', logo },
    policies: [{ id: 'terms', title: 'Terms', updated: '2026-03-01', content: `# Terms\n\nBefore.\n\n![Our data centre](${image})\n\nAfter.\n` }],
    faq: [{ id: 'q', question: 'Where?', answer: `![A map of the regions](${image})` }],
  };
}

describe('images from the manifest and the policies', function () {
  this.timeout(20000);
  before(async () => {
    crossOrigin = ((await (await fetch('/__tc/h/config')).json()) as { crossOrigin: string }).crossOrigin;
  });
  afterEach(() => {
    fixtureCleanup();
    resetHash();
  });

  it('from an origin the manifest does not list: not requested, the alt text shown and said not shown', async () => {
    const image = `${crossOrigin}/plain/demo/favicon.svg?pixel=${Date.now()}`;
    const src = blobUrl(manifestWith(image));
    try {
      history.replaceState(null, '', '#terms');
      const el = await fixture<TrustCenterElement>(html`<trust-center src=${src} lang="en"></trust-center>`);
      const notShown = await waitFor(el, '[part~="content"] .image-not-shown');
      expect(text(notShown)).to.equal('Our data centre (image not shown)');
      expect($(el, 'img'), 'no logo either').to.equal(null);
      await expect(el).to.be.accessible();
      location.hash = '#faq/q';
      await waitUntil(() => $(el, 'trust-center-faq')?.shadowRoot?.querySelector('details[open] .image-not-shown'), 'the FAQ answer', { timeout: 10000 });
      const faq = $(el, 'trust-center-faq')!.shadowRoot!;
      expect(text(faq.querySelector('.image-not-shown'))).to.equal('A map of the regions (image not shown)');
      expect(faq.querySelector('img')).to.equal(null);
      expect(requested(image), 'the image was requested').to.equal(false);
    } finally {
      URL.revokeObjectURL(src);
    }
  });

  it("from the manifest's own origin: shown, the logo too, requested without a Referer", async () => {
    history.replaceState(null, '', '#terms');
    const el = await fixture<TrustCenterElement>(html`<trust-center src="/test/fixtures/images/manifest.json" lang="en"></trust-center>`);
    const img = (await waitFor(el, '[part~="content"] img')) as HTMLImageElement;
    expect(img.alt).to.equal('Our data centre');
    expect([img.referrerPolicy, ($(el, 'img[part~="logo"]') as HTMLImageElement).referrerPolicy]).to.deep.equal(['no-referrer', 'no-referrer']);
    await waitUntil(() => img.complete && ($(el, 'img[part~="logo"]') as HTMLImageElement).complete, 'both images loaded', { timeout: 10000 });
    expect(img.naturalWidth, 'the image loaded').to.be.greaterThan(0);
    const seen = await referers('images');
    expect(seen.length, 'requests').to.be.at.least(2);
    expect(seen.filter((referer) => referer), 'Referers sent').to.deep.equal([]);
  });

  it('from an origin the manifest lists in imageOrigins: shown; relative ones always; others not', () => {
    const { template } = renderMarkdown(
      '![listed](https://CDN.artisser.example:443/a.png) ![relative](diagram.png) ![elsewhere](https://tracker.example/p.gif) ![](https://tracker.example/q.gif)',
      { baseUrl: 'https://trust.artisser.example/policies/security.md', imageOrigins: ['https://trust.artisser.example', 'https://cdn.artisser.example'], imageNotShown: 'Bild nicht angezeigt' },
    );
    // Not in the document: only what would be requested matters here.
    const el = document.createElement('div');
    render(template, el);
    expect([...el.querySelectorAll('img')].map((img) => [img.alt, img.getAttribute('src'), img.referrerPolicy])).to.deep.equal([
      ['listed', 'https://cdn.artisser.example/a.png', 'no-referrer'],
      ['relative', 'https://trust.artisser.example/policies/diagram.png', 'no-referrer'],
    ]);
    expect([...el.querySelectorAll('.image-not-shown')].map((span) => text(span))).to.deep.equal(['elsewhere (Bild nicht angezeigt)', '(Bild nicht angezeigt)']);
  });

  it('imageOrigins in the manifest: https origins only, each error at its place in the list', () => {
    const base = manifestWith('https://cdn.artisser.example/a.png');
    const ok = parseManifest({ ...base, imageOrigins: ['https://cdn.artisser.example', 'https://img.artisser.example:8443'] });
    expect(ok.ok && ok.manifest.imageOrigins).to.deep.equal(['https://cdn.artisser.example', 'https://img.artisser.example:8443']);
    const bad = parseManifest({
      ...base,
      imageOrigins: ['https://cdn.artisser.example', 'http://cdn.artisser.example', 'https://cdn.artisser.example/images', 'https://user@cdn.artisser.example', 'https://cdn.artisser.example?x', 42],
    });
    const issues = bad.ok ? [] : bad.issues.map(formatIssue);
    expect(issues.map((issue) => issue.slice(0, issue.indexOf(':')))).to.deep.equal([1, 2, 3, 4, 5].map((i) => `imageOrigins[${i}]`));
    for (const issue of issues) expect(issue).to.contain('expected an https origin such as "https://cdn.artisser.example", without a path, got ');
    expect(issues[1]).to.contain('"https://cdn.artisser.example/images"');
  });
});
