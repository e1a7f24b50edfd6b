// Hostile hosts: aggressive host CSS, styles that must not leak out, two bundles and two manifests on
// one page, elements moved and re-added, and 1,450 connect/disconnect cycles without leaks.
import { html, fixture, expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import '../../src/disclosure/define.js';
import type { TrustCenterElement } from '../../src/elements/trust-center.js';
import { $, $$, resetHash, text, waitFor } from '../helpers.js';
import { frameHost } from './frame.js';

const ARTISSER = '/policies/manifest.json';
const NORTHWIND = '/test/fixtures/northwind/manifest.json';
const ACCENT = 'rgb(10, 88, 171)';

async function trustCenter(src = ARTISSER, policy = '') {
  return fixture<TrustCenterElement>(html`<trust-center src=${src} policy=${policy} lang="en"></trust-center>`);
}

function visible(el: Element | null): boolean {
  if (!el) return false;
  const box = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  return box.width > 0 && box.height > 0 && style.visibility === 'visible' && style.display !== 'none' && Number(style.opacity) > 0.9;
}

describe('hostile hosts', function () {
  this.timeout(30000);
  // Every banner here must show: forget what other test files recorded as seen in this browser.
  beforeEach(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('trust-center:seen:')) localStorage.removeItem(key);
  });
  afterEach(() => {
    fixtureCleanup();
    resetHash();
  });

  describe('host CSS that styles bare elements aggressively', () => {
    let link: HTMLLinkElement;
    before(async () => {
      link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = '/test/fixtures/hardening/hostile.css';
      const loaded = new Promise((r) => link.addEventListener('load', r, { once: true }));
      document.head.append(link);
      await loaded;
      // Proof the stylesheet is in force on the host page.
      const probe = document.body.appendChild(document.createElement('button'));
      expect(getComputedStyle(probe).display).to.equal('none');
      probe.remove();
    });
    after(() => link.remove());

    it('leaves the overview intact: navigation, cards and links in the accent colour', async () => {
      const el = await trustCenter();
      await waitFor(el, '[part~="overview"]');
      expect(visible($(el, '[part~="nav"]')), 'navigation').to.be.true;
      for (const a of $$(el, '[part~="nav-link"]')) expect(visible(a), text(a)).to.be.true;
      const card = $(el, '[part~="policy-card"]')!;
      expect(visible(card)).to.be.true;
      const cardLink = card.querySelector('a')!;
      expect(getComputedStyle(cardLink).color).to.equal(ACCENT);
      expect(getComputedStyle(cardLink).textDecorationLine).to.not.contain('line-through');
      expect(visible(card.querySelector('p'))).to.be.true;
      expect(visible($(el, '[part~="compliance"]'))).to.be.true;
      expect(getComputedStyle($(el, '[part~="compliance"]')!).listStyleType).to.equal('none');
    });

    it('keeps a policy page readable: sane headings, line height, wrapping and alignment', async () => {
      const el = await trustCenter(ARTISSER, 'security');
      await waitFor(el, '[part~="content"] h2');
      const content = $(el, '[part~="content"]')!;
      const paragraph = content.querySelector('p')!;
      const style = getComputedStyle(paragraph);
      const base = parseFloat(style.fontSize);
      const h2 = content.querySelector('h2')!;
      // Every problem at once, so a failure reads as a list of what to reset.
      const problems: string[] = [];
      const check = (ok: boolean, what: string) => ok || problems.push(what);
      check(parseFloat(getComputedStyle(h2).fontSize) / base <= 2.5, `h2 font-size ${getComputedStyle(h2).fontSize} (body ${base}px)`);
      check(parseFloat(style.lineHeight) / base >= 1.2 && parseFloat(style.lineHeight) / base <= 2, `line-height ${style.lineHeight} at font-size ${base}px`);
      check(style.whiteSpace === 'normal', `white-space ${style.whiteSpace}`);
      check(['start', 'left'].includes(style.textAlign), `text-align ${style.textAlign}`);
      check(style.textTransform === 'none', `text-transform ${style.textTransform}`);
      check(['normal', '0px'].includes(style.letterSpacing), `letter-spacing ${style.letterSpacing}`);
      check(['normal', '0px'].includes(style.wordSpacing), `word-spacing ${style.wordSpacing}`);
      check(visible(paragraph), 'paragraph not visible');
      check(content.scrollWidth <= content.clientWidth + 1, `text overflows the column (${content.scrollWidth} > ${content.clientWidth})`);
      check(visible($(el, '[part~="toc"]')), 'table of contents not visible');
      check(getComputedStyle($(el, '[part~="toc-link"]')!).color === ACCENT, 'TOC link not in the accent colour');
      for (const list of content.querySelectorAll('ul, ol')) check(getComputedStyle(list).display === 'block', `${list.localName} not shown`);
      expect(problems, 'inherited host styles that reach the policy text').to.deep.equal([]);
      const table = content.querySelector('table');
      if (table) expect(getComputedStyle(table).borderTopStyle).to.not.equal('dashed');
    });

    it('keeps the Retry button of an error visible and working', async () => {
      const el = await trustCenter('/__tc/status/500');
      const retry = await waitFor(el, '[part~="retry"]');
      expect(visible(retry), 'Retry visible').to.be.true;
      expect(getComputedStyle(retry).display).to.not.equal('none');
    });
  });

  describe('the component’s styles', () => {
    const PROPS = [
      'display', 'color', 'background-color', 'font-size', 'font-weight', 'font-family', 'line-height', 'margin-top',
      'margin-bottom', 'padding-top', 'padding-left', 'border-top-width', 'border-top-style', 'list-style-type',
      'text-decoration-line', 'box-sizing', 'position', 'outline-style', 'width',
    ];
    const SAMPLE = `
      <header class="org"><p class="org-name">Org</p></header>
      <nav class="views"><ul><li><a href="#x" aria-current="page">Nav</a></li></ul></nav>
      <div class="frame"><div class="overview"><h2>Heading</h2><ul class="cards"><li class="card"><h3><a href="#y">Card</a></h3><p class="updated">Date</p></li></ul>
      <ul class="compliance"><li><span class="name">N</span><span class="badge certified">B</span><p class="description">D</p></li></ul></div></div>
      <article class="policy"><header class="policy-header"><h2>T</h2></header><div class="policy-layout"><nav class="toc"><p class="toc-title">On this page</p><ol><li><a href="#z">A</a></li></ol></nav>
      <div class="markdown"><h2 id="h">H</h2><p>Text <code>code</code> <a href="#q">link</a></p><blockquote>Q</blockquote><table><tr><td>c</td></tr></table><pre>pre</pre><hr></div></div></article>
      <div class="error" role="alert"><p class="error-headline"><strong>E</strong></p><button type="button">Retry</button></div>
      <div class="loading"><span class="spinner"></span></div><section class="changes"><h3>C</h3></section>
      <form><fieldset><label>L <input name="x"></label><select><option>o</option></select><textarea></textarea></fieldset></form>
      <div part="banner" class="banner"><p part="message">M</p><a part="link" href="#l">L</a><button part="dismiss">D</button></div>`;

    function snapshot(root: Element): string[] {
      return [root, ...root.querySelectorAll('*')].map((node) => {
        const style = getComputedStyle(node);
        return `${node.localName}.${node.className}: ${PROPS.map((p) => style.getPropertyValue(p)).join('|')}`;
      });
    }

    it('never leak out: host elements look the same with and without the component', async () => {
      const sample = document.createElement('div');
      sample.innerHTML = SAMPLE;
      document.body.append(sample);
      const sheetsBefore = document.styleSheets.length;
      const adoptedBefore = document.adoptedStyleSheets.length;
      const rootStyle = document.documentElement.getAttribute('style');
      const before = snapshot(sample);
      const bodyBefore = snapshot(document.body).slice(0, 1);

      // Every view: overview, a policy, the disclosure form, an error, the loading state, a banner inline.
      const box = await fixture<HTMLDivElement>(html`<div>
        <trust-center src=${ARTISSER} lang="en"></trust-center>
        <trust-center src=${ARTISSER} policy="security" lang="en"></trust-center>
        <trust-center src="/__tc/status/404" lang="en"></trust-center>
        <trust-center src="/__tc/delay/5000/policies/manifest.json" lang="en"></trust-center>
        <trust-center-policy src=${NORTHWIND} policy="privacy" lang="en"></trust-center-policy>
        <trust-center-disclosure src=${ARTISSER} lang="en"></trust-center-disclosure>
        <trust-center-banner src="/test/fixtures/banner/single.json" .now=${new Date(2026, 5, 10, 12)}></trust-center-banner>
      </div>`);
      const [overview, policy, error] = [...box.querySelectorAll('trust-center')];
      await waitFor(overview!, '[part~="overview"]');
      await waitFor(policy!, '[part~="content"] h2');
      await waitFor(error!, '[part~="error"]');
      const form = box.querySelector('trust-center-disclosure')!;
      await waitFor(form, 'form');
      await waitFor(box.querySelector('trust-center-banner')!, '[part~="banner"]');

      expect(snapshot(sample)).to.deep.equal(before);
      expect(snapshot(document.body).slice(0, 1)).to.deep.equal(bodyBefore);
      expect(document.styleSheets.length, 'no stylesheet added to the document').to.equal(sheetsBefore);
      expect(document.adoptedStyleSheets.length, 'no stylesheet adopted by the document').to.equal(adoptedBefore);
      expect(document.documentElement.getAttribute('style'), 'an inline banner leaves <html> alone').to.equal(rootStyle);
      sample.remove();
    });
  });

  describe('two copies of the bundle and two manifests on one page', () => {
    it('work side by side', async () => {
      const host = await frameHost('/test/fixtures/hardening/two-copies.html');
      try {
        const win = host.win as typeof host.win & { __errors: string[] };
        await waitUntil(() => win.customElements.get('trust-center') && win.customElements.get('trust-center-banner'), 'registered');
        const artisser = host.doc.getElementById('artisser')!;
        const northwind = host.doc.getElementById('northwind')!;
        const northwindCenter = host.doc.getElementById('northwind-center')!;
        await host.waitFor(artisser, '[part~="overview"]');
        await host.waitFor(northwind, '[part~="content"] h2');
        await host.waitFor(northwindCenter, '[part~="overview"]');
        expect(text(host.$(artisser, '[part~="header"] [part~="org-name"]'))).to.equal('Artisser');
        expect(text(host.$(northwindCenter, '[part~="header"] [part~="org-name"]'))).to.equal('Northwind Robotics');
        expect(text(host.$(northwind, '[part~="policy-title"]'))).to.contain('Privacy');
        // The classic script (deferred: it ran before the frame's load event) found the tags taken and left them.
        const iife = [...host.doc.scripts].find((s) => s.src.endsWith('/dist/trust-center.iife.js'));
        expect(iife, 'the classic script is on the page').to.exist;
        expect(win.__errors).to.deep.equal([]);
        // One hash drives both trust centers; each shows its own manifest's policy.
        win.location.hash = '#security';
        await host.waitFor(artisser, '[part~="content"] h2');
        await host.waitFor(northwindCenter, '[part~="content"] h2');
        expect(text(host.$(artisser, '[part~="policy-title"]'))).to.equal('Security');
        expect(text(host.$(northwindCenter, '[part~="content"]'))).to.not.equal(text(host.$(artisser, '[part~="content"]')));
        expect(win.__errors).to.deep.equal([]);
      } finally {
        host.remove();
      }
    });
  });

  describe('an element moved, removed and re-added', () => {
    it('keeps working', async () => {
      const box = await fixture<HTMLDivElement>(html`<div><section id="a"></section><section id="b"></section></div>`);
      const el = document.createElement('trust-center') as TrustCenterElement;
      el.lang = 'en';
      el.src = ARTISSER;
      box.querySelector('#a')!.append(el);
      await waitFor(el, '[part~="overview"]');
      // Moved: same element, another parent.
      box.querySelector('#b')!.append(el);
      await el.updateComplete;
      expect($(el, '[part~="overview"]')).to.exist;
      location.hash = '#security';
      await waitFor(el, '[part~="content"] h2');
      // Removed: it stops listening; the hash changes meanwhile.
      el.remove();
      location.hash = '#overview';
      await new Promise((r) => setTimeout(r, 50));
      // Re-added: it follows the hash again and navigates.
      box.querySelector('#a')!.append(el);
      await el.updateComplete;
      await waitFor(el, '[part~="overview"]');
      location.hash = '#security/3-infrastructure';
      await waitFor(el, '[part~="content"] h2');
      ($(el, '[part~="nav-link"]') as HTMLAnchorElement).click();
      await waitFor(el, '[part~="overview"]');
      // Removed while loading, re-added: it loads.
      const slow = document.createElement('trust-center') as TrustCenterElement;
      slow.src = '/__tc/delay/300/test/fixtures/northwind/manifest.json';
      box.append(slow);
      slow.remove();
      await new Promise((r) => setTimeout(r, 400));
      box.append(slow);
      await waitFor(slow, '[part~="header"]');
      expect(text($(slow, '[part~="header"] [part~="org-name"]'))).to.equal('Northwind Robotics');
    });
  });

  describe('1,450 connect/disconnect cycles', () => {
    type Key = string;
    let restore: () => void;
    const listeners = new Map<Key, number>();
    const timers = new Set<number>();

    before(() => {
      const add = window.addEventListener;
      const remove = window.removeEventListener;
      const docAdd = document.addEventListener;
      const docRemove = document.removeEventListener;
      const setT = window.setTimeout;
      const clearT = window.clearTimeout;
      const setI = window.setInterval;
      const clearI = window.clearInterval;
      const keyOf = (target: string, type: string, fn: unknown, options: unknown) => {
        const capture = typeof options === 'boolean' ? options : !!(options as { capture?: boolean } | undefined)?.capture;
        return `${target}:${type}:${capture}:${ids.get(fn) ?? ids.set(fn, ids.size).get(fn)}`;
      };
      const ids = new Map<unknown, number>();
      const track = (target: string, orig: typeof add, origRemove: typeof remove, on: EventTarget) => {
        on.addEventListener = function (this: EventTarget, type: string, fn: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
          if (fn && !(typeof options === 'object' && options?.once)) listeners.set(keyOf(target, type, fn, options), 1);
          return orig.call(this, type, fn as EventListenerOrEventListenerObject, options);
        } as typeof add;
        on.removeEventListener = function (this: EventTarget, type: string, fn: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) {
          listeners.delete(keyOf(target, type, fn, options));
          return origRemove.call(this, type, fn as EventListenerOrEventListenerObject, options);
        } as typeof remove;
      };
      track('window', add, remove, window);
      track('document', docAdd as typeof add, docRemove as typeof remove, document);
      window.setTimeout = ((fn: TimerHandler, ms?: number, ...args: unknown[]) => {
        const id = setT(
          (...a: unknown[]) => {
            timers.delete(id);
            if (typeof fn === 'function') fn(...a);
          },
          ms,
          ...args,
        );
        timers.add(id);
        return id;
      }) as typeof setTimeout;
      window.clearTimeout = ((id?: number) => {
        if (id !== undefined) timers.delete(id);
        clearT(id);
      }) as typeof clearTimeout;
      window.setInterval = ((fn: TimerHandler, ms?: number, ...args: unknown[]) => {
        const id = setI(fn, ms, ...args);
        timers.add(id);
        return id;
      }) as typeof setInterval;
      window.clearInterval = ((id?: number) => {
        if (id !== undefined) timers.delete(id);
        clearI(id);
      }) as typeof clearInterval;
      restore = () => {
        Object.assign(window, { addEventListener: add, removeEventListener: remove, setTimeout: setT, clearTimeout: clearT, setInterval: setI, clearInterval: clearI });
        Object.assign(document, { addEventListener: docAdd, removeEventListener: docRemove });
        delete (window as { addEventListener?: unknown }).addEventListener;
        delete (window as { removeEventListener?: unknown }).removeEventListener;
        delete (document as { addEventListener?: unknown }).addEventListener;
        delete (document as { removeEventListener?: unknown }).removeEventListener;
      };
    });
    after(() => restore());

    const settle = () => new Promise((r) => window.setTimeout(r, 100));

    async function cycles(elements: HTMLElement[], parent: HTMLElement, count: number) {
      for (let i = 0; i < count; i++) {
        for (const el of elements) parent.append(el);
        if (i % 50 === 0) await Promise.all(elements.map((el) => (el as TrustCenterElement).updateComplete));
        for (const el of elements) el.remove();
      }
      await settle();
    }

    function heap(): number | undefined {
      const gc = (window as { gc?: () => void }).gc;
      const memory = (performance as { memory?: { usedJSHeapSize: number } }).memory;
      if (!gc || !memory) return undefined;
      gc();
      gc();
      return memory.usedJSHeapSize;
    }

    it('leave no listeners, no timers and no growing memory', async function () {
      this.timeout(180000);
      const parent = document.body.appendChild(document.createElement('div'));
      // Loaded elements in every state: overview, a policy, an error, a banner, a disclosure form.
      const make = () => {
        const make1 = (tag: string, attrs: Record<string, string>, props: Record<string, unknown> = {}) => {
          const el = document.createElement(tag);
          for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
          Object.assign(el, props);
          return el;
        };
        return [
          make1('trust-center', { src: ARTISSER, lang: 'en' }),
          make1('trust-center', { src: ARTISSER, policy: 'security', lang: 'en' }),
          make1('trust-center', { src: '/__tc/status/500', lang: 'en' }),
          make1('trust-center-policy', { src: NORTHWIND, lang: 'en' }),
          make1('trust-center-banner', { src: '/test/fixtures/banner/single.json', position: 'top' }, { now: new Date(2026, 5, 10, 12) }),
          make1('trust-center-disclosure', { src: ARTISSER, lang: 'en' }),
        ];
      };
      const elements = make();
      for (const el of elements) parent.append(el);
      await waitFor(elements[0]!, '[part~="overview"]');
      await waitFor(elements[1]!, '[part~="content"] h2');
      await waitFor(elements[2]!, '[part~="error"]');
      await waitFor(elements[3]!, '[part~="content"] h2');
      await waitFor(elements[4]!, '[part~="banner"]');
      await waitFor(elements[5]!, 'form');
      for (const el of elements) el.remove();
      await settle();
      const listenersBefore = [...listeners.keys()].sort();
      const timersBefore = timers.size;

      await cycles(elements, parent, 100);
      const heap0 = heap();
      await cycles(elements, parent, 450);
      const heap1 = heap();
      await cycles(elements, parent, 450);
      const heap2 = heap();
      await cycles(elements, parent, 450);
      const heap3 = heap();

      expect([...listeners.keys()].sort(), 'window/document listeners').to.deep.equal(listenersBefore);
      expect(timers.size, 'pending timers').to.be.at.most(timersBefore);
      expect(document.documentElement.getAttribute('style') ?? '', 'the fixed banner gave its space back').to.not.contain('--tc-banner-offset');
      if (heap0 !== undefined && heap1 !== undefined && heap2 !== undefined && heap3 !== undefined) {
        // A leak grows the heap in every window; V8's one-off growth (code, caches) lands in one of them.
        const windows = [heap1 - heap0, heap2 - heap1, heap3 - heap2];
        const mb = (b: number) => (b / 1048576).toFixed(2);
        const steadiest = Math.min(...windows);
        expect(steadiest, `heap after 100/550/1000/1450 cycles: ${[heap0, heap1, heap2, heap3].map(mb).join(' / ')} MB`).to.be.below(1048576);
        expect(heap3 - heap1, 'heap growth over the last 900 cycles').to.be.below(4 * 1048576);
      }
      // Still alive after all that.
      parent.append(elements[0]!);
      await waitFor(elements[0]!, '[part~="overview"]');
      parent.remove();
    });
  });
});
