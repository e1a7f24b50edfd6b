import { expect, waitUntil } from '@open-wc/testing';

// Pages written by `trust-center build` (scripts/test.mjs builds the sample into .test-site/ first).
const PAGE = '/.test-site/trust/security/index.html';

/**
 * The page in a frame, resolved as soon as its static article is laid out (it is always painted before the
 * element's script loads): the frame's load event may come later than the element's takeover on a busy machine.
 */
function openFrame(src: string): Promise<HTMLIFrameElement> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.style.width = '1000px';
    frame.style.height = '800px';
    frame.onerror = () => reject(new Error(`could not load ${src}`));
    frame.src = src;
    document.body.append(frame);
    const started = performance.now();
    const poll = () => {
      const doc = frame.contentDocument;
      const article = doc?.URL.endsWith(src) ? doc.querySelector<HTMLElement>('trust-center-policy article.tc-static') : null;
      // Its style sheets applied too: a layout forced before they load is not what the page paints.
      const styled = !!doc && [...doc.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].every((link) => link.sheet);
      if (article && styled && article.querySelectorAll('h2').length >= 6 && article.getBoundingClientRect().height > 0) resolve(frame);
      else if (performance.now() - started > 15_000) reject(new Error(`${src}: no static article shown within 15 s`));
      else setTimeout(poll, 0);
    };
    poll();
  });
}

describe('static pages from trust-center build', () => {
  it('carry the whole policy for readers without JavaScript', async () => {
    const html = await (await fetch(PAGE)).text();
    // DOMParser never runs scripts: this is what a no-JS visitor or a crawler gets.
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const article = doc.querySelector('trust-center-policy article.tc-static')!;
    expect(article, 'static article inside the element').to.exist;
    const sections = [...article.querySelectorAll('h2')].filter((h) => /^\d/.test(h.id));
    expect(sections.map((h) => h.textContent!.trim())[6]).to.equal('7. Compliance');
    expect(sections).to.have.length(8);
    expect(article.textContent).to.contain('Last updated June 5, 2026');
    expect(doc.querySelector('link[rel="alternate"][type="application/atom+xml"]')).to.exist;
    const jsonLd = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(JSON.stringify(jsonLd)).to.contain('Artisser');
  });

  it('upgrade in place: never blank, never the text twice', async () => {
    const frame = await openFrame(PAGE);
    const doc = frame.contentDocument!;
    const element = doc.querySelector('trust-center-policy')!;
    const article = element.querySelector('article.tc-static') as HTMLElement;
    const samples: Array<{ staticShown: boolean; renderedShown: boolean }> = [];
    await new Promise<void>((resolve) => {
      const sample = () => {
        const rendered = element.shadowRoot?.querySelector('[part~="content"] h2');
        const staticShown = article.getBoundingClientRect().height > 0;
        const renderedShown = !!rendered && rendered.getBoundingClientRect().height > 0;
        samples.push({ staticShown, renderedShown });
        if (renderedShown || samples.length > 600) resolve();
        else frame.contentWindow!.requestAnimationFrame(sample);
      };
      sample();
    });
    expect(samples.at(-1)!.renderedShown, 'the element rendered').to.be.true;
    expect(samples.every((s) => s.staticShown || s.renderedShown), 'no blank frame').to.be.true;
    expect(samples.some((s) => s.staticShown && s.renderedShown), 'no frame with both').to.be.false;
    await waitUntil(() => element.shadowRoot!.querySelectorAll('[part~="content"] h2').length === 8);
    expect(article.getBoundingClientRect().height).to.equal(0);
    frame.remove();
  });

  it('take over without moving the text: the title and the sections in view stay where the page put them', async () => {
    const frame = await openFrame(PAGE);
    const doc = frame.contentDocument!;
    const element = doc.querySelector('trust-center-policy')!;
    const tops = (root: ParentNode) => [...root.querySelectorAll('h1, h2')].slice(0, 6).map((h) => Math.round(h.getBoundingClientRect().top));
    const before = tops(element.querySelector('article.tc-static')!);
    // Every frame from the page's first paint on: the element's script arrives after it (its upgrade puts the
    // article in the element's frame), then the element's own text replaces the article.
    const seen: Array<{ defined: boolean; tops: number[] }> = [];
    const win = frame.contentWindow!;
    await new Promise<void>((resolve) => {
      const sample = () => {
        const article = element.shadowRoot?.querySelector('[part~="article"]');
        const done = element.shadowRoot?.querySelectorAll('[part~="content"] h2').length === 8;
        seen.push({ defined: !!win.customElements.get('trust-center-policy'), tops: tops(done && article ? article : element.querySelector('article.tc-static')!) });
        if (done || seen.length > 600) resolve();
        else win.requestAnimationFrame(sample);
      };
      sample();
    });
    expect(seen.at(-1)!.tops, 'taken over').to.have.length(6);
    // A shift of 8 px in an 800 px window is what a layout-shift score of 0.01 allows for the whole text.
    for (const { defined, tops: now } of seen) {
      for (const [i, top] of now.entries()) expect(Math.abs(top - before[i]!), `heading ${i + 1} (element ${defined ? 'defined' : 'not yet defined'}): ${before[i]} → ${top} px`).to.be.at.most(8);
    }
    frame.remove();
  });
});
