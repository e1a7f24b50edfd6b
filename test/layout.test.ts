// Narrow screens, focus under a fixed banner, heading levels and deep links on load: what WCAG 1.4.10
// (Reflow), 2.4.11 (Focus not obscured) and 1.3.1 (one page title, levels in order) ask of every view.
import { html, fixture, expect, fixtureCleanup, waitUntil, aTimeout } from '@open-wc/testing';
import { nothing } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import '../src/disclosure/define.js';
import '../src/trust-center-banner.js';
import type { TrustCenterElement } from '../src/elements/trust-center.js';
import { $, $$, resetHash, text, waitFor } from './helpers.js';
import { afterNextFrame } from '../src/loading/after-paint.js';

const ARTISSER = '/policies/manifest.json';
const FENNEL = '/test/fixtures/views/manifest.json';
const BANNER = '/test/fixtures/banner/single.json';

/** Every element in the element's shadow tree and the shadow trees inside it. */
function deepElements(root: Element | ShadowRoot): Element[] {
  const all: Element[] = [];
  for (const element of root.querySelectorAll('*')) {
    all.push(element);
    if (element.shadowRoot) all.push(...deepElements(element.shadowRoot));
  }
  return all;
}

/** The focused element, through shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * What sticks out of the host sideways: elements whose box passes its right edge, except inside a box that
 * scrolls sideways on its own (a wide table, the row of tabs) which itself fits. The frame clips what
 * overflows, so the host's own scrollWidth would never show it: each box is measured.
 */
function overflowing(host: HTMLElement): string[] {
  const edge = host.getBoundingClientRect();
  const scrollsOnItsOwn = (element: Element) => {
    for (let node: Element | null = element.parentElement ?? ((element.getRootNode() as ShadowRoot).host ?? null); node && node !== host; ) {
      const style = getComputedStyle(node);
      if (['auto', 'scroll'].includes(style.overflowX)) return true;
      node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
    }
    return false;
  };
  const out: string[] = [];
  for (const element of deepElements(host.shadowRoot!)) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || getComputedStyle(element).visibility === 'hidden') continue;
    // The spam trap sits far off to the left on purpose, where no person sees or reaches it.
    if (element.closest('.visually-hidden, .hp')) continue;
    // Text wider than its own box (a squeezed button's label, a line that cannot wrap) runs out of it: its box
    // may fit while what it shows does not.
    const shows = getComputedStyle(element).overflowX === 'visible' && element.clientWidth > 0 ? element.scrollWidth - element.clientWidth : 0;
    const right = box.right + Math.max(0, shows);
    if ((right > edge.right + 1 || box.left < edge.left - 1) && !scrollsOnItsOwn(element)) {
      out.push(`<${element.localName} class="${element.getAttribute('class') ?? ''}" part="${element.getAttribute('part') ?? ''}"> ${Math.round(box.left)}–${Math.round(right)} of ${Math.round(edge.left)}–${Math.round(edge.right)}`);
    }
  }
  return out;
}

/** Every heading in the element's shadow trees, as "h2 Title". */
function headings(host: Element): string[] {
  return deepElements(host.shadowRoot!)
    .filter((element) => /^h[1-6]$/.test(element.localName))
    .map((h) => `${h.localName} ${text(h)}`);
}

/** Fills a view's fields as a person would: text typed in (an input event each), checkboxes ticked by a click. */
async function fillIn(view: HTMLElement & { updateComplete: Promise<unknown> }, values: Record<string, string | true>): Promise<void> {
  for (const [name, value] of Object.entries(values)) {
    const field = view.shadowRoot!.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
    if (value === true) {
      if (!field.checked) field.click();
    } else {
      field.value = value;
      field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    await view.updateComplete;
  }
}

/** The view nested in <trust-center>, to fill in and press. */
const inner = (el: Element, tag: string) => el.shadowRoot!.querySelector(tag) as HTMLElement & { updateComplete: Promise<unknown> };

async function narrowTrustCenter(src: string, hash: string): Promise<TrustCenterElement> {
  history.replaceState(null, '', hash);
  const wrapper = await fixture<HTMLElement>(html`<div style="width: 320px"><trust-center src=${src} lang="en"></trust-center></div>`);
  return wrapper.querySelector('trust-center')!;
}

/** Waits until a view nested in <trust-center> has rendered what the test looks at. */
async function nested(el: Element, tag: string, selector: string): Promise<HTMLElement> {
  const inner = await waitFor(el, tag, 8000);
  await waitUntil(() => inner.shadowRoot?.querySelector(selector), `${tag} never rendered ${selector}`, { timeout: 8000 });
  await (inner as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  return inner.shadowRoot!.querySelector<HTMLElement>(selector)!;
}

describe('320 px wide (WCAG 1.4.10 Reflow)', () => {
  afterEach(() => {
    fixtureCleanup();
    resetHash();
  });

  const views: [string, string, string, (el: TrustCenterElement) => Promise<unknown>][] = [
    ['the overview', ARTISSER, '#overview', (el) => waitFor(el, '[part~="contact"]', 8000)],
    ['a policy, its table of contents collapsed', ARTISSER, '#security', (el) => waitFor(el, '[part~="content"] h2', 8000)],
    ['subprocessors', FENNEL, '#subprocessors', (el) => nested(el, 'trust-center-subprocessors', 'table, [part~="subprocessor"]')],
    ['the FAQ', FENNEL, '#faq', (el) => nested(el, 'trust-center-faq', 'details')],
    ['documents', FENNEL, '#documents', (el) => nested(el, 'trust-center-documents', '[part~="document"]')],
    ['a document request form', FENNEL, '#documents/soc2', async (el) => {
      (await nested(el, 'trust-center-documents', '[part~="request"]')).click();
      return nested(el, 'trust-center-documents', 'form');
    }],
    ['a document request’s receipt', FENNEL, '#documents/soc2', async (el) => {
      (await nested(el, 'trust-center-documents', '[part~="request"]')).click();
      await nested(el, 'trust-center-documents', 'form');
      const view = inner(el, 'trust-center-documents');
      await fillIn(view, { name: 'Dana Reviewer', email: 'dana.reviewer@procurement.buyer.example', company: 'Buyer', reason: 'Vendor review.', nda: true });
      view.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
      return nested(el, 'trust-center-documents', '[part~="receipt"] [part~="reference"]');
    }],
    ['updates with a comparison', FENNEL, '#updates/security', (el) => nested(el, 'trust-center-updates', '[part~="diff"]')],
    ['search results', FENNEL, '#search/security', (el) => nested(el, 'trust-center-search', '[part~="result"]')],
    ['the disclosure form', FENNEL, '#disclosure', (el) => nested(el, 'trust-center-disclosure', 'form')],
    ['a vulnerability report’s receipt', FENNEL, '#disclosure', async (el) => {
      await nested(el, 'trust-center-disclosure', 'form');
      const view = inner(el, 'trust-center-disclosure');
      (view as unknown as { minFillTime: number }).minFillTime = 0;
      await fillIn(view, {
        title: 'Stored XSS in the comment box of the project settings page',
        description: 'Comments are rendered as HTML without escaping.',
        steps: '1. Post a comment containing <img src=x onerror=alert(1)>\n2. Open the thread.',
        impact: 'Script runs in the session of everyone who reads the thread.',
        policyRead: true,
      });
      view.shadowRoot!.querySelector<HTMLButtonElement>('form [part~="submit"]')!.click();
      (await nested(el, 'trust-center-disclosure', '[part~="review"] [part~="submit"]')).click();
      return nested(el, 'trust-center-disclosure', '[part~="receipt"] [part~="reference"]');
    }],
  ];
  for (const [name, src, hash, ready] of views) {
    it(`${name}: nothing sticks out sideways, and it is accessible`, async () => {
      const el = await narrowTrustCenter(src, hash);
      await ready(el);
      await aTimeout(50);
      expect(overflowing(el), name).to.deep.equal([]);
      expect(document.documentElement.scrollWidth, 'the page does not scroll sideways').to.be.at.most(document.documentElement.clientWidth);
      await expect(el).to.be.accessible();
    });
  }

  it('a Download button never splits its file type and size, and keeps to one line on a phone', async () => {
    const el = await narrowTrustCenter(ARTISSER, '#documents');
    const download = await nested(el, 'trust-center-documents', '[part~="download"]');
    const file = download.querySelector('.file')!;
    expect(text(file)).to.match(/^\(MD, 1\.6\s?kB\)$/);
    expect(file.getClientRects().length, `"${text(file)}" on one line`).to.equal(1);
    // At 390 px there is room for the whole label: as tall as the one-line "Request access" button.
    (el.parentElement as HTMLElement).style.width = '390px';
    await aTimeout(50);
    const request = download.closest('ul')!.querySelector<HTMLElement>('[part~="request"]')!;
    expect(download.getBoundingClientRect().height).to.be.closeTo(request.getBoundingClientRect().height, 1);
  });

  it('"Compare with the previous version" fits: one line at 390 px, two even lines from the text’s edge at 320 px', async () => {
    const el = await narrowTrustCenter(FENNEL, '#updates');
    const compare = await nested(el, 'trust-center-updates', '[part~="compare"]');
    // A wide sans-serif host font, the same in every engine (their default fonts differ in width).
    (el.parentElement as HTMLElement).style.fontFamily = '"DejaVu Sans", sans-serif';
    await aTimeout(50);
    /** The label's lines, as [left, width] of each line box of its text. */
    const lines = () => {
      // The visible label only: the hidden ": <policy>" for screen readers sits in a clipped box of its own.
      const label = [...compare.childNodes].find((node) => node.nodeType === Node.TEXT_NODE && /\S/.test(node.textContent!))!;
      const range = document.createRange();
      range.selectNodeContents(label);
      const boxes = [...range.getClientRects()].filter((r) => r.width > 1);
      const rows = new Map<number, [number, number]>();
      for (const r of boxes) {
        const top = Math.round(r.top / 4);
        const [left, right] = rows.get(top) ?? [r.left, r.right];
        rows.set(top, [Math.min(left, r.left), Math.max(right, r.right)]);
      }
      return [...rows.values()].map(([left, right]) => [left, right - left] as const);
    };
    const item = compare.closest('li')!;
    const edge = parseFloat(getComputedStyle(compare).paddingLeft) + parseFloat(getComputedStyle(compare).borderLeftWidth);
    const at320 = lines();
    expect(at320.length, 'two lines at most').to.be.at.most(2);
    const widths = at320.map(([, width]) => width);
    expect(Math.min(...widths) / Math.max(...widths), `even lines, not one word alone: ${widths.map(Math.round)}`).to.be.above(0.6);
    for (const [left] of at320) expect(left - compare.getBoundingClientRect().left, 'each line starts at the control’s start').to.be.closeTo(edge, 2);
    expect(compare.getBoundingClientRect().right).to.be.at.most(item.getBoundingClientRect().right + 1);
    expect(compare.scrollWidth, 'the label does not overflow its control').to.be.at.most(compare.clientWidth);
    (el.parentElement as HTMLElement).style.width = '390px';
    await aTimeout(50);
    expect(lines().length, 'one line at 390 px').to.equal(1);
  });

  it('subprocessor filters: one full-width field a row on a phone, and wide, even columns with labels and controls on one line each', async () => {
    const el = await narrowTrustCenter(FENNEL, '#subprocessors');
    await nested(el, 'trust-center-subprocessors', '[part~="filters"] select');
    const view = el.shadowRoot!.querySelector('trust-center-subprocessors')!;
    const fields = () => {
      const filters = view.shadowRoot!.querySelector('[part~="filters"]')!;
      const controls = [...filters.querySelectorAll<HTMLElement>('input, select')].map((c) => c.getBoundingClientRect());
      const labels = [...filters.querySelectorAll<HTMLElement>('label')].map((l) => l.getBoundingClientRect());
      return { box: filters.getBoundingClientRect(), controls, labels };
    };
    for (const width of [390, 320]) {
      (el.parentElement as HTMLElement).style.width = `${width}px`;
      await aTimeout(50);
      const { box, controls } = fields();
      expect(controls.length).to.equal(3);
      for (const [i, c] of controls.entries()) {
        expect(c.width, `${width} px: control ${i} as wide as the filters`).to.be.closeTo(box.width, 1);
        if (i) expect(c.top, `${width} px: control ${i} on a row of its own`).to.be.above(controls[i - 1]!.bottom);
      }
    }
    (el.parentElement as HTMLElement).style.width = '1280px';
    await aTimeout(50);
    const { controls, labels } = fields();
    for (const [i, c] of controls.entries()) {
      expect(c.top, `control ${i} on the first control's line`).to.be.closeTo(controls[0]!.top, 1);
      expect(c.width, `control ${i} as wide as the first`).to.be.closeTo(controls[0]!.width, 1);
      expect(labels[i]!.top, `label ${i} on the first label's line`).to.be.closeTo(labels[0]!.top, 1);
    }
    await expect(el).to.be.accessible();
  });

  it('the current tab\'s underline sits on the navigation\'s rule, at 320 and 1280 px', async () => {
    const el = await narrowTrustCenter(FENNEL, '#subprocessors');
    await nested(el, 'trust-center-subprocessors', '[part~="filters"] select');
    for (const width of [320, 1280]) {
      (el.parentElement as HTMLElement).style.width = `${width}px`;
      await aTimeout(50);
      const nav = $(el, 'nav.views')!.getBoundingClientRect();
      const current = $(el, '[part~="nav-link"][aria-current]')!;
      const tab = current.getBoundingClientRect();
      const underline = parseFloat(getComputedStyle(current).borderBottomWidth);
      expect(underline, 'a visible underline').to.be.at.least(2);
      // The tab's bottom border covers the navigation's 1 px rule: no gap and no rule showing below it.
      expect(tab.bottom, `${width} px: the underline's bottom on the rule's`).to.be.closeTo(nav.bottom, 0.5);
    }
  });

  it('"List last changed" and the notice period each have a line of their own', async () => {
    const el = await narrowTrustCenter(FENNEL, '#subprocessors');
    const meta = await nested(el, 'trust-center-subprocessors', '[part~="meta"]');
    for (const width of [320, 1280]) {
      (el.parentElement as HTMLElement).style.width = `${width}px`;
      await aTimeout(50);
      const changed = meta.querySelector('.changed')!.getBoundingClientRect();
      const notice = meta.querySelector('.notice')!.getBoundingClientRect();
      expect(meta.querySelector('.changed')!.textContent).to.match(/^List last changed /);
      expect(notice.top, `${width} px: the notice below the date, not beside it`).to.be.at.least(changed.bottom - 1);
      expect(notice.left, `${width} px: both start at the same edge`).to.be.closeTo(changed.left, 1);
    }
  });

  it('the navigation is one row of tabs that scrolls on its own, the current tab in view', async () => {
    const el = await narrowTrustCenter(FENNEL, '#updates');
    await nested(el, 'trust-center-updates', '.view-title');
    const tabs = $(el, '.tabs')!;
    const rows = new Set($$(el, '[part~="nav-link"]').map((a) => Math.round(a.getBoundingClientRect().top)));
    expect(rows.size, 'one row').to.equal(1);
    // Squeezed tabs would spill their labels over one another instead of scrolling.
    for (const a of $$(el, '[part~="nav-link"]')) expect(a.scrollWidth, `${text(a)} fits its tab`).to.be.at.most(a.clientWidth);
    expect(tabs.scrollWidth, 'wider than the screen').to.be.greaterThan(tabs.clientWidth);
    const current = $(el, '[part~="nav-link"][aria-current]')!.getBoundingClientRect();
    const box = tabs.getBoundingClientRect();
    expect(current.left).to.be.at.least(box.left - 1);
    expect(current.right).to.be.at.most(box.right + 1);
  });

  it('the search field shows its whole placeholder in a sans-serif host font', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div style="width: 320px; font-family: sans-serif">
      <trust-center src=${ARTISSER} lang="en"></trust-center>
    </div>`);
    const el = wrapper.querySelector('trust-center')!;
    await waitFor(el, '[part~="search-input"]', 8000);
    // As painted: the frame's width is measured between its layout and its paint.
    await afterNextFrame();
    const input = $(el, '[part~="search-input"]') as HTMLInputElement;
    const style = getComputedStyle(input);
    const context = document.createElement('canvas').getContext('2d')!;
    context.font = `${style.fontSize} ${style.fontFamily}`;
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    expect(context.measureText(input.placeholder).width, `"${input.placeholder}" in ${room}px`).to.be.at.most(room);
    expect(input.getAttribute('aria-label')).to.equal('Search the trust center');
  });

  it('the table of contents is a closed "On this page" widget that opens, and closes again on a choice', async () => {
    const el = await narrowTrustCenter(ARTISSER, '#security');
    await waitFor(el, '[part~="content"] h2', 8000);
    const details = (await waitFor(el, '[part~="toc"] details')) as HTMLDetailsElement;
    expect(details.open).to.equal(false);
    expect(text($(el, '[part~="toc-summary"]'))).to.equal('On this page');
    $(el, '[part~="toc-summary"]')!.click();
    expect(details.open).to.equal(true);
    await expect(el).to.be.accessible();
    $$(el, '[part~="toc-link"]')[2]!.click();
    expect(details.open).to.equal(false);
  });

  it('wide, the table of contents is an open list beside the text', async () => {
    history.replaceState(null, '', '#security');
    const el = await fixture<TrustCenterElement>(html`<trust-center src=${ARTISSER} lang="en" style="width: 1100px"></trust-center>`);
    await waitFor(el, '[part~="content"] h2', 8000);
    await aTimeout(50);
    expect($(el, '[part~="toc"] details')).to.equal(null);
    expect($$(el, '[part~="toc-link"]').length).to.be.greaterThan(2);
  });
});

describe('focus under a fixed banner (WCAG 2.4.11)', () => {
  afterEach(() => {
    fixtureCleanup();
    resetHash();
    localStorage.clear();
  });

  // (An overlay bar covers the page's very top or end, which no scrolling can move out from under it.)
  for (const position of ['top', 'bottom'] as const) {
    it(`a ${position} bar: every control Tab and Shift+Tab reach is wholly in view and clear of it`, async function () {
      this.timeout(30000);
      localStorage.clear();
      history.replaceState(null, '', '#faq');
      const wrapper = await fixture<HTMLElement>(html`<div>
        <trust-center-banner src=${BANNER} position=${position} lang="en" .now=${new Date(2026, 5, 10, 12)}></trust-center-banner>
        <button>before</button>
        <trust-center src=${FENNEL} lang="en"></trust-center>
        <button>after</button>
      </div>`);
      const banner = wrapper.querySelector('trust-center-banner')!;
      const bar = await waitFor(banner, '[part~="banner"]');
      await Promise.all(bar.getAnimations().map((a) => a.finished));
      const el = wrapper.querySelector('trust-center')!;
      await nested(el, 'trust-center-faq', 'details');
      expect(document.documentElement.style.getPropertyValue(`--tc-banner-offset-${position}`)).to.equal(`${bar.offsetHeight}px`);
      const check = (key: string, step: number) => {
        const active = deepActive()!;
        const box = active.getBoundingClientRect();
        const barBox = bar.getBoundingClientRect();
        const where = `${key} ${step}: <${active.localName}> ${text(active).slice(0, 30)} at ${Math.round(box.top)}–${Math.round(box.bottom)}, bar ${Math.round(barBox.top)}–${Math.round(barBox.bottom)}`;
        if (bar.contains(active) || banner === active) return;
        if (position === 'top') expect(box.top, where).to.be.at.least(barBox.bottom - 1);
        else expect(box.bottom, where).to.be.at.most(barBox.top + 1);
        expect(box.top, where).to.be.at.least(-1);
        expect(box.bottom, where).to.be.at.most(window.innerHeight + 1);
      };
      // Focus must stop at "after": in Firefox a Tab past the document's last control moves it into the
      // browser's own toolbar, and every later test page then gets no keys at all.
      wrapper.querySelector('button')!.focus();
      let steps = 0;
      const visited = new Set<Element>();
      for (; steps < 40; steps++) {
        await sendKeys({ press: 'Tab' });
        const active = deepActive();
        if (!active || !el.contains(active.getRootNode() instanceof ShadowRoot ? findHost(active) : active)) break;
        visited.add(active);
        check('Tab', steps);
      }
      expect(visited.size, 'controls reached').to.be.greaterThan(10);
      expect(text(deepActive()), 'Tab leaves the trust center for the next control on the page').to.equal('after');
      for (let back = 0; back < steps; back++) {
        await sendKeys({ down: 'Shift' });
        await sendKeys({ press: 'Tab' });
        await sendKeys({ up: 'Shift' });
        const active = deepActive();
        if (!active || active.localName === 'button' && text(active) === 'before') break;
        check('Shift+Tab', back);
      }
    });
  }
});

describe('focus that lands under a fixed banner (WCAG 2.4.11)', () => {
  afterEach(() => {
    fixtureCleanup();
    resetHash();
    localStorage.clear();
    window.scrollTo(0, 0);
  });

  // The page was scrolled (wheel, touch) so that the control Tab (or Shift+Tab at the bottom) reaches next lies wholly
  // under the bar yet inside the window: browsers scroll a focused control only when it is outside the window.
  for (const [position, key] of [['top', 'Tab'], ['bottom', 'Shift+Tab']] as const) {
    it(`a ${position} bar: the control ${key} reaches from a scrolled page is scrolled clear of it`, async function () {
      this.timeout(20000);
      history.replaceState(null, '', '#faq');
      const wrapper = await fixture<HTMLElement>(html`<div>
        <trust-center-banner src=${BANNER} position=${position} lang="en" .now=${new Date(2026, 5, 10, 12)}></trust-center-banner>
        <div style="height: 100vh"></div>
        <trust-center src=${FENNEL} lang="en"></trust-center>
        <div style="height: 100vh"></div>
        <button>after</button>
      </div>`);
      const bar = await waitFor(wrapper.querySelector('trust-center-banner')!, '[part~="banner"]');
      await Promise.all(bar.getAnimations().map((a) => a.finished));
      const el = wrapper.querySelector('trust-center')!;
      await nested(el, 'trust-center-faq', 'details');
      const summaries = $$(el.shadowRoot!.querySelector('trust-center-faq')!, 'summary');
      const [from, to] = position === 'top' ? [summaries[1]!, summaries[2]!] : [summaries[2]!, summaries[1]!];
      const press = async () => {
        if (key === 'Shift+Tab') await sendKeys({ down: 'Shift' });
        await sendKeys({ press: 'Tab' });
        if (key === 'Shift+Tab') await sendKeys({ up: 'Shift' });
      };
      from.focus();
      // Scrolls the page until `to` lies under the bar, a pixel in from the window's edge.
      const barBox = bar.getBoundingClientRect();
      const box = to.getBoundingClientRect();
      expect(box.height, 'the control fits under the bar').to.be.below(barBox.height);
      window.scrollBy(0, position === 'top' ? box.top - 1 : box.bottom - innerHeight + 1);
      await aTimeout(50);
      const [under, barNow] = [to.getBoundingClientRect(), bar.getBoundingClientRect()];
      expect(position === 'top' ? under.bottom <= barNow.bottom : under.top >= barNow.top, 'under the bar').to.equal(true);
      await press();
      expect(deepActive()).to.equal(to);
      await aTimeout(100);
      const now = to.getBoundingClientRect();
      const clear = bar.getBoundingClientRect();
      if (position === 'top') expect(now.top, 'below the bar').to.be.at.least(clear.bottom - 1);
      else expect(now.bottom, 'above the bar').to.be.at.most(clear.top + 1);
    });
  }
});

/** The outermost host an element in a shadow tree sits in. */
function findHost(element: Element): Element {
  let node: Element = element;
  while (node.getRootNode() instanceof ShadowRoot) node = (node.getRootNode() as ShadowRoot).host;
  return node;
}

describe('heading levels', () => {
  afterEach(() => {
    fixtureCleanup();
    resetHash();
  });

  it('a standalone page: the overview has one h1, the trust center’s title, and no level skipped', async () => {
    const el = await fixture<TrustCenterElement>(html`<trust-center src=${ARTISSER} lang="en"></trust-center>`);
    await waitFor(el, '[part~="contact"]', 8000);
    const all = headings(el);
    expect(all.filter((h) => h.startsWith('h1 '))).to.deep.equal(['h1 Artisser Trust center']);
    const levels = all.map((h) => Number(h[1]));
    levels.forEach((level, i) => expect(level - (levels[i - 1] ?? 0), `${all[i]} after ${all[i - 1]}`).to.be.at.most(1));
  });

  it('a standalone page: each view and a policy keep one h1, their title', async () => {
    history.replaceState(null, '', '#faq');
    const el = await fixture<TrustCenterElement>(html`<trust-center src=${FENNEL} lang="en"></trust-center>`);
    await nested(el, 'trust-center-faq', 'details');
    expect(headings(el).filter((h) => h.startsWith('h1 '))).to.deep.equal(['h1 Frequently asked questions']);
    location.hash = '#security';
    await waitFor(el, '[part~="content"] h2', 8000);
    expect(headings(el).filter((h) => h.startsWith('h1 '))).to.deep.equal(['h1 Security']);
  });

  it('a host page with its own h1 gets none from the component', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div><h1>Acme docs</h1><trust-center src=${ARTISSER} lang="en"></trust-center></div>`);
    const el = wrapper.querySelector('trust-center')!;
    await waitFor(el, '[part~="contact"]', 8000);
    expect(headings(el).some((h) => h.startsWith('h1 '))).to.equal(false);
    expect(headings(el)[0]).to.equal('h2 Artisser Trust center');
  });

  it('heading-level sets the title’s level, and the levels below follow', async () => {
    history.replaceState(null, '', '#documents');
    const el = await fixture<TrustCenterElement>(html`<trust-center src=${FENNEL} lang="en" heading-level="3"></trust-center>`);
    await nested(el, 'trust-center-documents', '[part~="document"]');
    const all = headings(el);
    expect(all[0]).to.equal('h3 Documents');
    expect(all.slice(1).every((h) => h.startsWith('h4 '))).to.equal(true);
  });

  it('an FAQ answer’s own headings sit below the view’s title, at any heading level', async () => {
    const manifest = await (await fetch(FENNEL)).json();
    manifest.faq[0].answer = `Yes.\n\n## In transit\n\nTLS 1.3.\n\n### Ciphers\n\nAEAD only.`;
    const src = `/__tc/mem/faq-levels-${Math.random().toString(36).slice(2, 8)}/manifest.json`;
    await fetch(src, { method: 'PUT', body: JSON.stringify(manifest) });
    for (const [level, expected] of [[null, ['h1 Frequently asked questions', 'h2 In transit', 'h3 Ciphers']], ['3', ['h3 Frequently asked questions', 'h4 In transit', 'h5 Ciphers']]] as const) {
      history.replaceState(null, '', `#faq/${manifest.faq[0].id}`);
      const el = await fixture<TrustCenterElement>(html`<trust-center src=${src} lang="en" heading-level=${level ?? nothing}></trust-center>`);
      await nested(el, 'trust-center-faq', 'details[open] h2, details[open] h4');
      expect(headings(el).filter((h) => /Frequently|In transit|Ciphers/.test(h)), `heading-level ${level}`).to.deep.equal(expected);
      await expect(el).to.be.accessible();
      fixtureCleanup();
    }
  });

  // The views fixture's policy has `##` sections and a `###` under one of them.
  const levels = [['a standalone page', null, 'h2'], ['heading-level="2"', '2', 'h3'], ['heading-level="4"', '4', 'h5']] as const;
  for (const [name, level, sections] of levels) {
    it(`${name}: a policy’s sections sit one level below its title, keep their ids, and its contents and deep links lead to them`, async () => {
      history.replaceState(null, '', '#security/access');
      const wrapper = await fixture<HTMLElement>(html`<div>
        <div style="height: 150vh">Above the policy</div>
        <trust-center-policy src=${FENNEL} policy="security" lang="en" heading-level=${level ?? nothing}></trust-center-policy>
      </div>`);
      const el = wrapper.querySelector('trust-center-policy')!;
      const access = await waitFor(el, '[part~="content"] [id="access"]', 8000);
      const title = Number(sections[1]) - 1;
      expect(headings(el).slice(0, 5)).to.deep.equal([
        `h${title} Security`,
        `${sections} Encryption`,
        `${sections} Access`,
        `h${title + 2} Reviews`,
        `${sections} Incident response`,
      ]);
      expect(access.localName).to.equal(sections);
      const size = (element: Element) => parseFloat(getComputedStyle(element).fontSize);
      expect(size(access) / size($(el, '[part~="content"]')!), 'a section looks the same at any level').to.be.closeTo(1.35, 0.01);
      const scrolled = () => Math.abs(access.getBoundingClientRect().top) < window.innerHeight / 2;
      await waitUntil(scrolled, 'the deep link scrolled to Access', { timeout: 5000 });
      const toc = $$(el, '[part~="toc-link"]').map((a) => a.getAttribute('href'));
      expect(toc).to.include.members(['#security/encryption', '#security/access', '#security/reviews']);
      await expect(el).to.be.accessible();
      window.scrollTo(0, 0);
    });
  }

  it('inside <trust-center> under a host’s h1, a policy’s sections are h3 under its h2 title', async () => {
    history.replaceState(null, '', '#security');
    const wrapper = await fixture<HTMLElement>(html`<div><h1>Acme docs</h1><trust-center src=${FENNEL} lang="en"></trust-center></div>`);
    const el = wrapper.querySelector('trust-center')!;
    await waitFor(el, '[part~="content"] [id="encryption"]', 8000);
    expect(headings(el).filter((h) => /Security|Encryption|Reviews/.test(h))).to.deep.equal(['h2 Security', 'h3 Encryption', 'h4 Reviews']);
  });

  it('<trust-center-policy> and <trust-center-disclosure> follow the same rule', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div>
      <trust-center-policy src=${ARTISSER} policy="security" lang="en"></trust-center-policy>
      <trust-center-disclosure src=${FENNEL} lang="en" heading-level="2"></trust-center-disclosure>
    </div>`);
    const policy = wrapper.querySelector('trust-center-policy')!;
    const form = wrapper.querySelector('trust-center-disclosure')!;
    await waitFor(policy, '[part~="content"] h2', 8000);
    await waitFor(form, 'form');
    expect(headings(policy)[0]).to.equal('h1 Security');
    expect(headings(form)[0]).to.equal('h2 Report a vulnerability');
    expect(headings(form).some((h) => h.startsWith('h1 '))).to.equal(false);
  });
});

/** The headings a reader's outline lists, in reading order through shadow roots: hidden ones (display: none) are not in it. */
function outline(root: Document | ShadowRoot): string[] {
  const out: string[] = [];
  for (const element of root.querySelectorAll('*')) {
    if (/^h[1-6]$/.test(element.localName) && element.getClientRects().length > 0) out.push(`${element.localName} ${text(element)}`);
    if (element.shadowRoot) out.push(...outline(element.shadowRoot));
  }
  return out;
}

describe('the docs demo pages (demo/docs/, built bundle)', () => {
  for (const page of ['/demo/docs/', '/demo/docs/de/']) {
    it(`${page}: one h1, the page's own, and no heading level skipped below it`, async function () {
      this.timeout(20000);
      const frame = document.createElement('iframe');
      frame.style.cssText = 'width: 1100px; height: 800px';
      frame.src = page;
      document.body.append(frame);
      try {
        await waitUntil(() => {
          const policy = frame.contentDocument?.querySelector('trust-center-policy');
          return policy?.shadowRoot?.querySelector('[part~="content"] :is(h2, h3)') && !policy.shadowRoot.querySelector('[part~="loading"]');
        }, `${page}: the policy never rendered`, { timeout: 15000 });
        const all = outline(frame.contentDocument!);
        expect(all.filter((h) => h.startsWith('h1 ')), 'one h1').to.have.length(1);
        expect(all[0]!.startsWith('h1 '), `${all[0]} first`).to.equal(true);
        expect(all.length, 'the policy’s sections are in the outline').to.be.greaterThan(5);
        const levels = all.map((h) => Number(h[1]));
        levels.forEach((level, i) => expect(level - (levels[i - 1] ?? 0), `${all[i]} after ${all[i - 1]}`).to.be.at.most(1));
      } finally {
        frame.remove();
      }
    });
  }
});

describe('<trust-center-policy> deep link on load', () => {
  afterEach(() => {
    fixtureCleanup();
    resetHash();
  });

  it('scrolls to the heading the hash names when the page opens with it', async () => {
    history.replaceState(null, '', '#security/7-compliance');
    const wrapper = await fixture<HTMLElement>(html`<div>
      <div style="height: 150vh">Above the policy</div>
      <trust-center-policy src=${ARTISSER} policy="security" lang="en"></trust-center-policy>
    </div>`);
    const el = wrapper.querySelector('trust-center-policy')!;
    const heading = await waitFor(el, '[part~="content"] [id="7-compliance"]', 8000);
    await waitUntil(() => {
      const top = heading.getBoundingClientRect().top;
      return top >= -2 && top < window.innerHeight / 2;
    }, 'scrolled to the heading', { timeout: 5000 });
    window.scrollTo(0, 0);
  });

  it('links in the text to other views lead to the trust center’s page', async () => {
    const el = await fixture(html`<trust-center-policy src=${ARTISSER} policy="security" lang="en" trust-center-url="/trust/"></trust-center-policy>`);
    await waitFor(el, '[part~="content"] h2', 8000);
    const disclosure = $$(el, '[part~="content"] a').find((a) => a.getAttribute('href')?.endsWith('#disclosure'));
    expect(disclosure?.getAttribute('href')).to.equal(`${location.origin}/trust/#disclosure`);
    const own = $$(el, '[part~="toc-link"]')[0]!;
    expect(own.getAttribute('href')!.startsWith('#security/')).to.equal(true);
  });
});
