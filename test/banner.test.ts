import { html, fixture, expect, fixtureCleanup, waitUntil, aTimeout } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { markSeen, readSeen } from '../src/trust-center-banner.js';
import type { TrustCenterBannerElement } from '../src/banner/trust-center-banner.js';
import { themeStyles } from '../src/styles/theme.js';
import { $, hits, nextEvent, shadow, text, waitFor } from './helpers.js';

const DIR = '/test/fixtures/banner';
const SINGLE = `${DIR}/single.json`;
const SEVERAL = `${DIR}/several.json`;
/** The most a seen record may take of the host's storage: 1000 entries of `"<64-character id>":"YYYY-MM-DD",`. */
const MOST_STORED = 80_002;
/** June 10, 2026, local time: five days after single.json's update. */
const NOW = new Date(2026, 5, 10, 12);

type Attrs = { now?: Date; href?: string; position?: string; overlay?: boolean; theme?: string; lang?: string; timeout?: number };

async function banner(src: string, attrs: Attrs = {}): Promise<TrustCenterBannerElement> {
  return fixture<TrustCenterBannerElement>(html`<trust-center-banner
    src=${src}
    href=${attrs.href ?? ''}
    position=${attrs.position ?? 'inline'}
    theme=${attrs.theme ?? 'light'}
    lang=${attrs.lang ?? 'en'}
    ?overlay=${attrs.overlay ?? false}
    .timeout=${attrs.timeout ?? 10000}
    .now=${attrs.now ?? NOW}
  ></trust-center-banner>`);
}

/** Waits until the manifest has loaded and been rendered (shown or not). */
async function settled(el: TrustCenterBannerElement): Promise<void> {
  // Reads the private loader: nothing public tells "nothing to announce" from "not loaded yet".
  const loader = (el as unknown as { loader: { value: unknown } }).loader;
  await waitUntil(() => loader.value !== undefined, 'the manifest never loaded');
  await el.updateComplete;
}

const bar = (el: TrustCenterBannerElement) => $(el, '[part~="banner"]');
const seenKey = (src: string) => `trust-center:seen:${new URL(src, document.baseURI).href}`;
const absolute = (src: string) => new URL(src, document.baseURI).href;

function jsonUrl(manifest: unknown): string {
  return URL.createObjectURL(new Blob([JSON.stringify(manifest)], { type: 'application/json' }));
}

function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function shadowActive(el: Element): HTMLElement | null {
  return (shadow(el).activeElement as HTMLElement | null) ?? null;
}

/** Text of about `length` characters in words, as a real title or summary is written. */
function prose(length: number): string {
  return 'We keep your data safe and tell you when that changes. '.repeat(Math.ceil(length / 55)).slice(0, length).trim();
}

/** A manifest of `count` policies updated on `updated`, built by `policy(i)` over a plain recent one. */
function manifestOf(count: number, policy: (i: number) => Record<string, unknown> = () => ({}), updated = '2026-06-05') {
  return {
    version: 1,
    organization: { name: 'Long Co', url: 'https://long.example' },
    policies: Array.from({ length: count }, (_, i) => ({ id: `policy-${i}`, title: `Policy ${i}`, updated, content: 'x', ...policy(i) })),
  };
}

/** The longest text the schema allows everywhere the banner reads: about 54 KB of message from 60 policies. */
const longest = (updated = '2026-06-05') =>
  manifestOf(60, (i) => ({ title: `${i} ${prose(196)}`, changes: [{ date: updated, summary: prose(500) }] }), updated);

function center(element: Element): { x: number; y: number } {
  const box = element.getBoundingClientRect();
  return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
}

/** A pointer at the element's centre reaches it: it is inside the window and nothing covers it. */
function expectClickable(root: Document | ShadowRoot, element: Element, what: string): void {
  const { x, y } = center(element);
  const view = element.ownerDocument.defaultView!;
  expect(x >= 0 && x < view.innerWidth && y >= 0 && y < view.innerHeight, `${what} is inside the window (${x}, ${y})`).to.equal(true);
  const hit = root.elementFromPoint(x, y);
  expect(hit !== null && element.contains(hit), `${what} gets the click, not ${hit?.localName}`).to.equal(true);
}

describe('<trust-center-banner>', () => {
  let errors: string[];
  const consoleError = console.error;
  const restores: (() => unknown)[] = [];

  beforeEach(() => {
    localStorage.clear();
    errors = [];
    console.error = (...args: unknown[]) => void errors.push(args.map(String).join(' '));
  });

  afterEach(async () => {
    fixtureCleanup();
    while (restores.length) await restores.pop()!();
    console.error = consoleError;
    localStorage.clear();
  });

  describe('accessibility', () => {
    it('is an accessible, labelled region (light)', async () => {
      const el = await banner(SINGLE);
      const region = await waitFor(el, '[part~="banner"]');
      await expect(el).to.be.accessible();
      expect(region.getAttribute('role')).to.equal('region');
      expect(region.getAttribute('aria-label')).to.equal('Policy update');
    });

    it('is accessible in the dark theme and as a fixed bar', async () => {
      const el = await banner(SINGLE, { theme: 'dark', position: 'bottom' });
      await waitFor(el, '[part~="banner"]');
      await expect(el).to.be.accessible();
    });

    it('never takes focus when it appears', async () => {
      const input = document.createElement('input');
      input.setAttribute('aria-label', 'search');
      document.body.append(input);
      restores.push(() => input.remove());
      input.focus();
      const el = await banner(SINGLE);
      await waitFor(el, '[part~="banner"]');
      expect(document.activeElement).to.equal(input);
      expect(shadowActive(el)).to.equal(null);
    });
  });

  describe('first visit', () => {
    it('announces a recent update with its date, the latest change and a link to the policy', async () => {
      const el = await banner(SINGLE);
      await waitFor(el, '[part~="banner"]');
      expect(text($(el, '[part~="message"]'))).to.equal(
        'We updated our Security policy on June 5, 2026. Added passkeys and shortened log retention to 30 days.',
      );
      const link = $(el, '[part~="link"]') as HTMLAnchorElement;
      expect(text(link)).to.equal('Review changes');
      expect(link.href).to.equal(`${location.origin}${location.pathname}${location.search}#security`);
      expect($(el, '[part~="dismiss"]')!.getAttribute('aria-label')).to.equal('Dismiss');
      expect(getComputedStyle(bar(el)!).position).to.equal('static');
      expect(errors).to.deep.equal([]);
    });

    it('stays hidden when the update is older than recentDays (30 by default)', async () => {
      const el = await banner(SINGLE, { now: new Date(2026, 6, 5, 12) });
      await settled(el);
      expect(bar(el)).to.equal(null);
      expect(el.announced).to.deep.equal([]);
    });

    it('counts an update 29 days old as recent', async () => {
      const el = await banner(SINGLE, { now: new Date(2026, 6, 4, 23, 59) });
      await waitFor(el, '[part~="banner"]');
    });

    it('uses the real date when now is not set', async () => {
      const today = localIsoDate(new Date());
      const src = jsonUrl({
        version: 1,
        organization: { name: 'Today Co', url: 'https://today.example' },
        policies: [{ id: 'privacy', title: 'Privacy', updated: today, content: 'x' }],
      });
      restores.push(() => URL.revokeObjectURL(src));
      const el = await fixture<TrustCenterBannerElement>(html`<trust-center-banner src=${src} lang="en"></trust-center-banner>`);
      await waitFor(el, '[part~="banner"]');
      expect(text($(el, '[part~="message"]'))).to.contain('We updated our Privacy policy on');
    });

    it('names several policies, the latest date and each change, and links to the newest', async () => {
      const el = await banner(SEVERAL);
      await waitFor(el, '[part~="banner"]');
      expect(text($(el, '[part~="message"]'))).to.equal(
        'We updated our Privacy and Security policies, most recently on June 5, 2026. ' +
          'Privacy Policy: Named our new analytics subprocessor. Security: Added passkeys.',
      );
      expect(($(el, '[part~="link"]') as HTMLAnchorElement).hash).to.equal('#security');
      expect(el.announced.map((p) => p.id)).to.deep.equal(['privacy', 'security']);
    });

    it('announces only the policies listed in banner.policies', async () => {
      const el = await banner(`${DIR}/watched.json`);
      await waitFor(el, '[part~="banner"]');
      expect(text($(el, '[part~="message"]'))).to.equal('We updated our Privacy Policy on May 20, 2026.');
      expect(($(el, '[part~="link"]') as HTMLAnchorElement).hash).to.equal('#privacy');
    });

    it('speaks the element language, and falls back to English for one it does not ship', async () => {
      const de = await banner(SEVERAL, { lang: 'de' });
      await waitFor(de, '[part~="banner"]');
      expect(text($(de, '[part~="message"]'))).to.contain('Wir haben unsere Richtlinien „Privacy“ und „Security“ aktualisiert, zuletzt am 5. Juni 2026.');
      de.remove();
      const pt = await banner(SEVERAL, { lang: 'pt-BR' });
      await waitFor(pt, '[part~="banner"]');
      // English sentences; the date still in the reader's own format.
      expect(text($(pt, '[part~="message"]'))).to.contain('our Privacy and Security policies, most recently on 5 de junho de 2026.');
    });
  });

  describe('returning visitor', () => {
    it('shows an update newer than the version seen, even when it is no longer recent', async () => {
      localStorage.setItem(seenKey(SINGLE), JSON.stringify({ security: '2026-01-10' }));
      const el = await banner(SINGLE, { now: new Date(2026, 11, 1) });
      await waitFor(el, '[part~="banner"]');
    });

    it('treats an unreadable record as a first visit', async () => {
      localStorage.setItem(seenKey(SINGLE), '{not json');
      const first = await banner(SINGLE);
      await waitFor(first, '[part~="banner"]');
      first.remove();
      localStorage.setItem(seenKey(SINGLE), '{"security":20260605,"__proto__":"2026-06-05","x":"June"}');
      const second = await banner(SINGLE);
      await waitFor(second, '[part~="banner"]');
      expect(readSeen(SINGLE)).to.deep.equal({});
    });

    it('stays hidden when that version was seen', async () => {
      localStorage.setItem(seenKey(SINGLE), JSON.stringify({ security: '2026-06-05' }));
      const el = await banner(SINGLE);
      await settled(el);
      expect(bar(el)).to.equal(null);
    });

    it('stays hidden when a newer version was seen (a rollback), and can still be dismissed', async () => {
      localStorage.setItem(seenKey(SEVERAL), JSON.stringify({ security: '2026-07-01' }));
      const el = await banner(SEVERAL);
      await waitFor(el, '[part~="banner"]');
      // Security was rolled back: only Privacy is news.
      expect(text($(el, '[part~="message"]'))).to.equal(
        'We updated our Privacy Policy on May 20, 2026. Named our new analytics subprocessor.',
      );
      $(el, '[part~="dismiss"]')!.click();
      await el.updateComplete;
      expect(bar(el)).to.equal(null);
      expect(readSeen(SEVERAL)).to.deep.equal({ security: '2026-07-01', privacy: '2026-05-20' });
    });

    it('comes back when the policy is updated again', async () => {
      const manifest = {
        version: 1,
        organization: { name: 'Bump Co', url: 'https://bump.example' },
        policies: [{ id: 'security', title: 'Security', updated: '2026-06-05', content: 'x' }],
      };
      const url = absolute('/bump/manifest.json');
      const realFetch = window.fetch;
      window.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
        String(input) === url
          ? Promise.resolve(new Response(JSON.stringify(manifest), { headers: { 'Content-Type': 'application/json' } }))
          : realFetch(input, init);
      restores.push(() => (window.fetch = realFetch));

      const first = await banner('/bump/manifest.json');
      await waitFor(first, '[part~="banner"]');
      $(first, '[part~="dismiss"]')!.click();
      await first.updateComplete;
      expect(bar(first)).to.equal(null);
      first.remove();

      manifest.policies[0]!.updated = '2026-06-09';
      const second = await banner('/bump/manifest.json');
      await waitFor(second, '[part~="banner"]');
      expect(text($(second, '[part~="message"]'))).to.contain('June 9, 2026');
    });
  });

  describe('dismissing', () => {
    it('records the versions, fires trust-center-dismiss and stays hidden after a reload', async () => {
      const el = await banner(SEVERAL);
      await waitFor(el, '[part~="banner"]');
      const dismissed = nextEvent<{ policies: { id: string; updated: string }[] }>(document, 'trust-center-dismiss');
      $(el, '[part~="dismiss"]')!.click();
      const event = await dismissed;
      expect(event.bubbles && event.composed).to.be.true;
      expect(event.detail.policies).to.deep.equal([
        { id: 'privacy', updated: '2026-05-20' },
        { id: 'security', updated: '2026-06-05' },
      ]);
      await el.updateComplete;
      expect(bar(el)).to.equal(null);
      expect(JSON.parse(localStorage.getItem(seenKey(SEVERAL))!)).to.deep.equal({
        privacy: '2026-05-20',
        security: '2026-06-05',
      });

      // "Reload": a new element for the same manifest.
      el.remove();
      const again = await banner(SEVERAL);
      await settled(again);
      expect(bar(again)).to.equal(null);
    });

    it('hides at once when another tab dismisses it (storage event)', async () => {
      const el = await banner(SINGLE);
      await waitFor(el, '[part~="banner"]');
      const key = seenKey(SINGLE);
      const newValue = JSON.stringify({ security: '2026-06-05' });
      localStorage.setItem(key, newValue);
      window.dispatchEvent(new StorageEvent('storage', { key, newValue, storageArea: localStorage }));
      await el.updateComplete;
      expect(bar(el)).to.equal(null);
    });

    it('hides at once when the page calls markSeen (visiting the policy counts as seeing it)', async () => {
      const el = await banner(SINGLE);
      await waitFor(el, '[part~="banner"]');
      markSeen(SINGLE, { security: '2026-06-05' });
      await el.updateComplete;
      expect(bar(el)).to.equal(null);
      expect(readSeen(absolute(SINGLE))).to.deep.equal({ security: '2026-06-05' });
    });

    it('ignores markSeen for another manifest', async () => {
      const el = await banner(SINGLE);
      await waitFor(el, '[part~="banner"]');
      markSeen(SEVERAL, { security: '2026-06-05' });
      await el.updateComplete;
      expect(bar(el)).to.exist;
    });

    it('counts following the link as seeing the update', async () => {
      const el = await banner(SINGLE, { href: '#elsewhere' });
      await waitFor(el, '[part~="banner"]');
      const link = $(el, '[part~="link"]') as HTMLAnchorElement;
      expect(link.hash).to.equal('#security');
      // Keep the test page where it is.
      link.addEventListener('click', (e) => e.preventDefault(), { once: true });
      link.click();
      await el.updateComplete;
      expect(bar(el)).to.equal(null);
      expect(readSeen(SINGLE)).to.deep.equal({ security: '2026-06-05' });
    });
  });

  describe('storage unavailable', () => {
    it('works for the page when getItem and setItem throw', async () => {
      const { getItem, setItem } = Storage.prototype;
      Storage.prototype.getItem = () => {
        throw new DOMException('denied', 'SecurityError');
      };
      Storage.prototype.setItem = () => {
        throw new DOMException('full', 'QuotaExceededError');
      };
      restores.push(() => Object.assign(Storage.prototype, { getItem, setItem }));
      const src = `${DIR}/single.json?throwing-storage`;
      const el = await banner(src);
      await waitFor(el, '[part~="banner"]');
      const dismissed = nextEvent(el, 'trust-center-dismiss');
      $(el, '[part~="dismiss"]')!.click();
      await dismissed;
      await el.updateComplete;
      expect(bar(el)).to.equal(null);
      expect(readSeen(src)).to.deep.equal({ security: '2026-06-05' });
    });

    for (const [what, get] of [
      ['throws SecurityError', () => {
        throw new DOMException('denied', 'SecurityError');
      }],
      ['is null', () => null],
    ] as const) {
      it(`works for the page when window.localStorage ${what}`, async () => {
        const descriptor = Object.getOwnPropertyDescriptor(window, 'localStorage')!;
        Object.defineProperty(window, 'localStorage', { get, configurable: true });
        restores.push(() => Object.defineProperty(window, 'localStorage', descriptor));
        const src = `${DIR}/single.json?storage-${what.replace(/\W/g, '')}`;
        const el = await banner(src);
        await waitFor(el, '[part~="banner"]');
        expect(() => markSeen(src, { security: '2026-06-05' })).not.to.throw();
        await el.updateComplete;
        expect(bar(el)).to.equal(null);
      });
    }
  });

  describe('content', () => {
    it('uses banner.message from the manifest instead of the generated text', async () => {
      const el = await banner(`${DIR}/message.json`);
      await waitFor(el, '[part~="banner"]');
      expect(text($(el, '[part~="message"]'))).to.equal('Our security practices changed this month: have a look.');
    });

    it('lets the page replace the message and the link text through slots', async () => {
      const el = await fixture<TrustCenterBannerElement>(html`<trust-center-banner src=${SINGLE} lang="en" .now=${NOW}
        ><span slot="message">Fresh policies!</span><span slot="link">Read them</span></trust-center-banner
      >`);
      await waitFor(el, '[part~="banner"]');
      const message = $(el, 'slot[name="message"]') as HTMLSlotElement;
      const link = $(el, 'slot[name="link"]') as HTMLSlotElement;
      expect(message.assignedNodes().map((n) => n.textContent)).to.deep.equal(['Fresh policies!']);
      expect(link.assignedNodes().map((n) => n.textContent)).to.deep.equal(['Read them']);
    });

    it('links to href plus the policy hash, replacing any hash in href', async () => {
      const el = await banner(SINGLE, { href: '/trust#overview' });
      await waitFor(el, '[part~="banner"]');
      expect(($(el, '[part~="link"]') as HTMLAnchorElement).href).to.equal(`${location.origin}/trust#security`);
    });

    it('puts manifest text in as text, never as HTML', async () => {
      const src = jsonUrl({
        version: 1,
        organization: { name: 'X', url: 'https://x.example' },
        policies: [
          {
            id: 'security',
            title: '<img src=x onerror="window.__xss=1">',
            updated: '2026-06-05',
            content: 'x',
            changes: [{ date: '2026-06-05', summary: '<b>bold</b>' }],
          },
        ],
      });
      restores.push(() => URL.revokeObjectURL(src));
      const el = await banner(src);
      await waitFor(el, '[part~="banner"]');
      expect($(el, '[part~="message"] img, [part~="message"] b')).to.equal(null);
      expect(text($(el, '[part~="message"]'))).to.contain('<b>bold</b>');
      expect((window as { __xss?: number }).__xss).to.equal(undefined);
    });

    it('uses the same theme colours as <trust-center>', async () => {
      const tokens = (scheme: 'light' | 'dark', name: string) => {
        const hex = new RegExp(`--_${scheme}-${name}:\\s*(#[0-9a-f]{6})`, 'i').exec(themeStyles.cssText)![1]!;
        const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
        return `rgb(${r}, ${g}, ${b})`;
      };
      for (const scheme of ['light', 'dark'] as const) {
        const el = await banner(SINGLE, { theme: scheme });
        const region = await waitFor(el, '[part~="banner"]');
        const style = (part: string) => getComputedStyle($(el, `[part~="${part}"]`)!);
        expect(getComputedStyle(region).backgroundColor, `${scheme} surface`).to.equal(tokens(scheme, 'surface'));
        expect(getComputedStyle(region).borderTopColor, `${scheme} border`).to.equal(tokens(scheme, 'border'));
        expect(style('message').color, `${scheme} text`).to.equal(tokens(scheme, 'text'));
        // "Review changes" is the primary button; Dismiss a quiet ✕ in the text's colour.
        expect(style('link').backgroundColor, `${scheme} accent`).to.equal(tokens(scheme, 'accent'));
        expect(style('link').color, `${scheme} on-accent`).to.equal(tokens(scheme, 'on-accent'));
        expect(style('dismiss').color, `${scheme} text`).to.equal(tokens(scheme, 'text'));
        fixtureCleanup();
      }
    });
  });

  describe('long and hostile text', () => {
    for (const position of ['top', 'bottom'] as const) {
      it(`keeps a ${position} bar with a 54 KB message within half the window: Dismiss, the link and the page stay clickable`, async () => {
        const src = jsonUrl(longest());
        restores.push(() => URL.revokeObjectURL(src));
        const page = document.createElement('button');
        page.textContent = 'Host page action';
        page.style.cssText = `position: fixed; ${position === 'top' ? 'bottom' : 'top'}: 8px; left: 8px`;
        document.body.append(page);
        restores.push(() => page.remove());
        const el = await banner(src, { position });
        const region = await waitFor(el, '[part~="banner"]');
        await Promise.all(region.getAnimations().map((a) => a.finished));
        expect(text($(el, '[part~="message"]')).length).to.be.greaterThan(50_000);
        expect(region.getBoundingClientRect().height).to.be.at.most(innerHeight / 2 + 1);
        expectClickable(shadow(el), $(el, '[part~="dismiss"]')!, 'Dismiss');
        expectClickable(shadow(el), $(el, '[part~="link"]')!, 'Review changes');
        expectClickable(document, page, 'the host page');
        // The message scrolls inside the bar instead, and a keyboard can reach it to scroll it.
        const message = $(el, '[part~="message"]')!;
        expect(message.scrollHeight).to.be.greaterThan(message.clientHeight);
        await waitUntil(() => message.getAttribute('tabindex') === '0', 'the message never became focusable');
        await expect(el).to.be.accessible();
        $(el, '[part~="dismiss"]')!.click();
        await el.updateComplete;
        expect(bar(el)).to.equal(null);
      });
    }

    it('keeps a fixed bar within half the window with a 50 KB message slotted by the page', async () => {
      const el = await fixture<TrustCenterBannerElement>(html`<trust-center-banner src=${SINGLE} position="top" lang="en" .now=${NOW}
        ><span slot="message">${prose(51_200)}</span></trust-center-banner
      >`);
      const region = await waitFor(el, '[part~="banner"]');
      await Promise.all(region.getAnimations().map((a) => a.finished));
      expect(region.getBoundingClientRect().height).to.be.at.most(innerHeight / 2 + 1);
      expect(region.getBoundingClientRect().width).to.be.at.most(innerWidth);
      expectClickable(shadow(el), $(el, '[part~="dismiss"]')!, 'Dismiss');
    });

    /** A phone's screen: the banner in a frame of that size, over manifest `src`, once its bar has slid in. */
    async function onPhone(width: number, height: number, src: string, position = 'top', attributes = '') {
      const frame = document.createElement('iframe');
      frame.title = 'phone';
      frame.style.cssText = `width: ${width}px; height: ${height}px; border: 0`;
      frame.srcdoc =
        `<!doctype html><html lang="en"><body><trust-center-banner src="${src}" position="${position}" ${attributes}></trust-center-banner>` +
        '<script type="module" src="/src/trust-center-banner.ts"></script></body></html>';
      const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      document.body.append(frame);
      restores.push(() => frame.remove());
      await loaded;
      const el = frame.contentDocument!.querySelector('trust-center-banner')!;
      await waitUntil(() => el.shadowRoot?.querySelector('[part~="banner"]'), 'the framed banner showed', { timeout: 8000 });
      const region = el.shadowRoot!.querySelector('[part~="banner"]')!;
      await Promise.all(region.getAnimations().map((a) => a.finished));
      return { el, root: el.shadowRoot!, region, message: el.shadowRoot!.querySelector('[part~="message"]')! };
    }

    it('keeps Dismiss in view on a narrow phone screen (320 × 480)', async () => {
      // The framed banner has no `now`: the policies are updated today.
      const src = jsonUrl(longest(localIsoDate(new Date())));
      restores.push(() => URL.revokeObjectURL(src));
      const { root, region } = await onPhone(320, 480, src);
      expect(region.getBoundingClientRect().height).to.be.at.most(240 + 1);
      expect(region.getBoundingClientRect().width).to.be.at.most(320);
      expectClickable(root, root.querySelector('[part~="dismiss"]')!, 'Dismiss');
      expectClickable(root, root.querySelector('[part~="link"]')!, 'Review changes');
    });

    it('narrow-position="bottom": a bar at the bottom on a 390 px phone, at the top on a 1280 px screen', async () => {
      const today = localIsoDate(new Date());
      const src = jsonUrl(manifestOf(1, () => ({}), today));
      restores.push(() => URL.revokeObjectURL(src));
      const phone = await onPhone(390, 844, src, 'top', 'narrow-position="bottom"');
      const wide = await onPhone(1280, 800, src, 'top', 'narrow-position="bottom"');
      const page = (el: Element) => el.ownerDocument.documentElement;
      const onPhoneBox = phone.region.getBoundingClientRect();
      expect(onPhoneBox.bottom, 'phone: on the bottom edge').to.be.closeTo(844, 1);
      expect(page(phone.el).style.getPropertyValue('--tc-banner-offset-bottom')).to.equal(`${(phone.region as HTMLElement).offsetHeight}px`);
      expect(page(phone.el).style.getPropertyValue('--tc-banner-offset-top')).to.equal('');
      expectClickable(phone.root, phone.root.querySelector('[part~="dismiss"]')!, 'Dismiss on the phone');
      expect(wide.region.getBoundingClientRect().top, 'wide: on the top edge').to.be.closeTo(0, 1);
      expect(page(wide.el).style.getPropertyValue('--tc-banner-offset-top')).to.equal(`${(wide.region as HTMLElement).offsetHeight}px`);
      expect(page(wide.el).style.getPropertyValue('--tc-banner-offset-bottom')).to.equal('');
    });

    for (const position of ['top', 'bottom']) {
      it(`takes at most 15 % of a 390 × 844 phone as a ${position} bar, its long message cut to two lines`, async () => {
        // Three policies updated today (the framed banner has no `now`), each with a long summary of its change.
        const today = localIsoDate(new Date());
        const src = jsonUrl(manifestOf(3, (i) => ({ changes: [{ date: today, summary: `${i} ${prose(300)}` }] }), today));
        restores.push(() => URL.revokeObjectURL(src));
        const { root, region, message } = await onPhone(390, 844, src, position);
        expect(region.getBoundingClientRect().height, 'bar height').to.be.at.most(0.15 * 844);
        // Lines are counted where the text's line boxes start: those inside the message's box are the ones shown.
        const range = message.ownerDocument.createRange();
        range.selectNodeContents(message.querySelector('slot')!);
        const box = message.getBoundingClientRect();
        const lines = new Set([...range.getClientRects()].filter((r) => r.height > 0).map((r) => Math.round(r.top)));
        const shown = [...lines].filter((top) => top >= box.top - 1 && top < box.bottom - 1);
        expect(lines.size, 'the message is longer than two lines').to.be.greaterThan(2);
        expect(shown.length, 'lines shown').to.equal(2);
        expect(box.bottom, 'the third line is cut off').to.be.at.most([...lines].sort((a, b) => a - b)[2]! + 1);
        expectClickable(root, root.querySelector('[part~="dismiss"]')!, 'Dismiss');
        expectClickable(root, root.querySelector('[part~="link"]')!, 'Review changes');
      });
    }

    for (const [name, title] of [
      ['unbreakable', 'W'.repeat(200)],
      ['invisible (U+2800)', '\u2800'.repeat(200)],
    ] as const) {
      it(`wraps an ${name} title of the longest allowed inside the bar, leaving the host's link beside it clickable`, async () => {
        const src = jsonUrl(manifestOf(1, () => ({ title })));
        restores.push(() => URL.revokeObjectURL(src));
        // A two-column host layout: the banner, and the host's own "Log out" link beside it.
        const host = await fixture<HTMLDivElement>(html`<div style="display: grid; grid-template-columns: minmax(0, 1fr) 8rem; width: 600px">
          <trust-center-banner src=${src} lang="en" .now=${NOW}></trust-center-banner>
          <a href="#logout">Log out</a>
        </div>`);
        const el = host.querySelector('trust-center-banner')!;
        const region = await waitFor(el, '[part~="banner"]');
        const box = region.getBoundingClientRect();
        // Slots have no box of their own (display: contents).
        for (const part of [...shadow(el).querySelectorAll('*')].filter((e) => e.getClientRects().length > 0)) {
          const inner = part.getBoundingClientRect();
          expect(inner.left >= box.left - 1 && inner.right <= box.right + 1, `${part.localName} stays inside the bar`).to.equal(true);
        }
        const message = $(el, '[part~="message"]')!;
        expect(message.scrollWidth).to.be.at.most(message.clientWidth + 1);
        expectClickable(document, host.querySelector('a')!, 'the host link beside the banner');
        expectClickable(shadow(el), $(el, '[part~="dismiss"]')!, 'Dismiss');
      });
    }

    const refused: [string, () => unknown, string][] = [
      ['a 50 KB banner.message', () => ({ ...manifestOf(1), banner: { message: 'x'.repeat(51_200) } }), 'banner.message: expected at most 500 characters, got 51200'],
      ['a title of 3,000 × U+2800', () => manifestOf(1, () => ({ title: '\u2800'.repeat(3000) })), 'policies[0].title: expected at most 200 characters, got 3000'],
      [
        'a right-to-left override in a title',
        () => manifestOf(1, () => ({ title: 'Security \u202egnp.exe' })),
        'policies[0].title: expected one line without control, line-break or bidi-override characters, got U+202E at character 10',
      ],
      [
        'a line separator in a change summary',
        () => manifestOf(1, () => ({ changes: [{ date: '2026-06-05', summary: 'Added\u2028Contact: x' }] })),
        'policies[0].changes[0].summary: expected one line without control, line-break or bidi-override characters, got U+2028 at character 6',
      ],
      ['65,510 policies', () => manifestOf(65_510), 'policies: expected at most 1000 policies, got 65510'],
    ];
    for (const [what, manifest, message] of refused) {
      it(`refuses ${what} as the trust center does: hidden, the reason in the console, nothing stored`, async () => {
        const src = jsonUrl(manifest());
        restores.push(() => URL.revokeObjectURL(src));
        const el = await banner(src);
        await waitUntil(() => errors.length > 0, 'no console.error', { timeout: 10_000 });
        expect(errors).to.have.length(1);
        expect(errors[0]).to.contain(message);
        await el.updateComplete;
        expect(bar(el)).to.equal(null);
        expect(localStorage.length).to.equal(0);
      });
    }
  });

  describe('what it stores', () => {
    it('records only the policies the manifest still has', async () => {
      localStorage.setItem(seenKey(SINGLE), JSON.stringify({ retired: '2025-01-01', security: '2026-01-01' }));
      const el = await banner(SINGLE);
      await waitFor(el, '[part~="banner"]');
      $(el, '[part~="dismiss"]')!.click();
      await el.updateComplete;
      expect(JSON.parse(localStorage.getItem(seenKey(SINGLE))!)).to.deep.equal({ security: '2026-06-05' });
    });

    it('keeps the 1000 most recent versions, however many it is given', () => {
      const src = `${DIR}/single.json?many-seen`;
      const day = (i: number) => new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10);
      markSeen(src, Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`p${i}`, day(i)])));
      const seen = readSeen(src);
      expect(Object.keys(seen)).to.have.length(1000);
      expect(Object.values(seen).sort()[0]).to.equal(day(500));
      expect(localStorage.getItem(seenKey(src))!.length).to.be.at.most(MOST_STORED);
    });

    it('dismissed on the largest manifest it reads (1000 recent policies, 64-character ids), stores at most its cap', async () => {
      const src = jsonUrl(manifestOf(1000, (i) => ({ id: `p${String(i).padStart(63, '0')}` })));
      restores.push(() => URL.revokeObjectURL(src));
      const el = await banner(src);
      await waitFor(el, '[part~="banner"]', 10_000);
      $(el, '[part~="dismiss"]')!.click();
      await el.updateComplete;
      expect(bar(el)).to.equal(null);
      const record = localStorage.getItem(seenKey(src))!;
      expect(Object.keys(JSON.parse(record) as object)).to.have.length(1000);
      expect(record.length).to.be.at.most(MOST_STORED);
      expect(() => localStorage.setItem('host-page', 'x'.repeat(1_000_000)), "the host page's own write").not.to.throw();
    });

    it('ignores a record longer than any it writes (left by an older version) and replaces it, so the host can write again', async () => {
      // A storage quota of 200,000 characters, small enough to fill cheaply: what setItem does when the origin's is full.
      const { setItem } = Storage.prototype;
      Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
        let used = 0;
        for (let i = 0; i < this.length; i++) if (this.key(i) !== key) used += this.key(i)!.length + this.getItem(this.key(i)!)!.length;
        if (used + key.length + String(value).length > 200_000) throw new DOMException('full', 'QuotaExceededError');
        setItem.call(this, key, value);
      };
      restores.push(() => (Storage.prototype.setItem = setItem));
      // 140,000 characters of valid entries, as the unbounded version left them.
      localStorage.setItem(seenKey(SINGLE), `{${Array.from({ length: 7000 }, (_, i) => `"p${1000 + i}":"2026-01-01"`).join(',')}}`);
      const hostWrite = () => localStorage.setItem('host-page', 'x'.repeat(70_000));
      expect(hostWrite, 'the storage is too full for the host to begin with').to.throw();
      const el = await banner(SINGLE);
      await waitFor(el, '[part~="banner"]');
      $(el, '[part~="dismiss"]')!.click();
      await el.updateComplete;
      expect(hostWrite, "the host page's own write").not.to.throw();
      // Its length first: a failing deep comparison of the old record would print it all.
      const record = localStorage.getItem(seenKey(SINGLE))!;
      expect(record.length, 'the record written').to.be.below(100);
      expect(JSON.parse(record)).to.deep.equal({ security: '2026-06-05' });
    });
  });

  describe('placement', () => {
    const root = document.documentElement;
    const padding = (edge: 'top' | 'bottom') => getComputedStyle(root).getPropertyValue(`padding-${edge}`);
    const reserved = (el: TrustCenterBannerElement, edge: 'top' | 'bottom') =>
      waitUntil(() => padding(edge) === `${bar(el)!.offsetHeight}px`, `padding-${edge} never matched the bar`);

    it('position="top" is a fixed bar whose height is reserved, and released on dismiss', async () => {
      const el = await banner(SINGLE, { position: 'top' });
      const region = await waitFor(el, '[part~="banner"]');
      expect(getComputedStyle(region).position).to.equal('fixed');
      await Promise.all(region.getAnimations().map((a) => a.finished));
      expect(region.getBoundingClientRect().top).to.equal(0);
      await reserved(el, 'top');
      expect(region.offsetHeight).to.be.greaterThan(10);
      expect(root.style.getPropertyValue('--tc-banner-offset-top')).to.equal(`${region.offsetHeight}px`);
      $(el, '[part~="dismiss"]')!.click();
      await el.updateComplete;
      expect(padding('top')).to.equal('0px');
      expect(root.getAttribute('style') ?? '').to.equal('');
    });

    it('releases the space when removed and takes it again when put back, keeping the page’s own padding', async () => {
      root.style.paddingBottom = '7px';
      restores.push(() => root.style.removeProperty('padding-bottom'));
      const el = await banner(SINGLE, { position: 'bottom' });
      const region = await waitFor(el, '[part~="banner"]');
      await waitUntil(() => padding('bottom') === `${region.offsetHeight + 7}px`, 'bottom padding never matched');
      await Promise.all(region.getAnimations().map((a) => a.finished));
      expect(region.getBoundingClientRect().bottom).to.be.closeTo(window.innerHeight, 1);
      const parent = el.parentElement!;
      el.remove();
      expect(padding('bottom')).to.equal('7px');
      expect(root.style.paddingBottom).to.equal('7px');
      expect(root.style.getPropertyValue('--tc-banner-offset-bottom')).to.equal('');
      parent.append(el);
      await waitUntil(() => padding('bottom') === `${region.offsetHeight + 7}px`, 'not reserved again');
      el.remove();
      expect(padding('bottom')).to.equal('7px');
    });

    it('follows the bar when its height changes', async () => {
      const el = await banner(SINGLE, { position: 'top' });
      await waitFor(el, '[part~="banner"]');
      await reserved(el, 'top');
      const before = bar(el)!.offsetHeight;
      el.style.setProperty('--tc-space', '3rem');
      el.style.setProperty('font-size', '24px');
      await waitUntil(() => bar(el)!.offsetHeight > before);
      await reserved(el, 'top');
    });

    it('overlay floats over the page without reserving space', async () => {
      const el = await banner(SINGLE, { position: 'top', overlay: true });
      const region = await waitFor(el, '[part~="banner"]');
      expect(getComputedStyle(region).position).to.equal('fixed');
      await aTimeout(50);
      expect(padding('top')).to.equal('0px');
      // Only the height is published, and scrolling to an anchor or a focused control stops below the bar.
      expect(root.style.getPropertyValue('padding-top')).to.equal('');
      expect(root.style.getPropertyValue('--tc-banner-offset-top')).to.equal(`${bar(el)!.offsetHeight}px`);
      expect(getComputedStyle(root).scrollPaddingTop).to.equal(`${bar(el)!.offsetHeight}px`);
    });

    it('slides in unless the visitor prefers reduced motion', async () => {
      const el = await banner(SINGLE, { position: 'top' });
      const region = await waitFor(el, '[part~="banner"]');
      expect(getComputedStyle(region).animationName).to.equal('slide-in');
      // Chromium emulates the media feature over CDP. Firefox (WebDriver BiDi) cannot, and WebKitGTK's
      // answer to it does not reach style: there the style sheet itself is checked.
      if (navigator.userAgent.includes('Chrome/')) {
        await emulateMedia({ reducedMotion: 'reduce' });
        restores.push(() => emulateMedia({ reducedMotion: 'no-preference' }));
        expect(getComputedStyle(region).animationName).to.equal('none');
        return;
      }
      // Every rule that animates the banner sits inside @media (prefers-reduced-motion: no-preference).
      const sheets = [...el.shadowRoot!.adoptedStyleSheets, ...el.shadowRoot!.styleSheets];
      const animating: { rule: CSSStyleRule; media: string | undefined }[] = [];
      const walk = (rules: CSSRuleList, media: string | undefined) => {
        for (const rule of rules) {
          if (rule instanceof CSSMediaRule) walk(rule.cssRules, rule.conditionText);
          else if (rule instanceof CSSStyleRule && (rule.style.animationName || rule.style.animation)) animating.push({ rule, media });
        }
      };
      for (const sheet of sheets) walk(sheet.cssRules, undefined);
      const onBanner = animating.filter(({ rule }) => region.matches(rule.selectorText));
      expect(onBanner.length, 'rules animating the banner').to.be.greaterThan(0);
      for (const { media } of onBanner) expect(media).to.match(/prefers-reduced-motion:\s*no-preference/);
    });
  });

  describe('keyboard', () => {
    for (const [name, key] of [['Enter', 'Enter'], ['Space', ' ']]) {
      it(`Tab reaches the link, then Dismiss; ${name} dismisses`, async () => {
        const el = await banner(SINGLE);
        await waitFor(el, '[part~="banner"]');
        const before = document.createElement('button');
        before.textContent = 'before';
        el.before(before);
        restores.push(() => before.remove());
        before.focus();
        await sendKeys({ press: 'Tab' });
        expect(shadowActive(el)?.getAttribute('part')).to.equal('link');
        await sendKeys({ press: 'Tab' });
        expect(shadowActive(el)?.getAttribute('part')).to.equal('dismiss');
        const dismissed = nextEvent(el, 'trust-center-dismiss');
        await sendKeys({ press: key });
        await dismissed;
        await el.updateComplete;
        expect(bar(el)).to.equal(null);
      });
    }

    it('puts a message too long for the bar in the tab order, before the link and Dismiss', async () => {
      const src = jsonUrl(longest());
      restores.push(() => URL.revokeObjectURL(src));
      const el = await banner(src, { position: 'bottom' });
      await waitFor(el, '[part~="banner"]');
      const before = document.createElement('button');
      before.textContent = 'before';
      el.before(before);
      restores.push(() => before.remove());
      await waitUntil(() => $(el, '[part~="message"]')!.getAttribute('tabindex') === '0', 'the message never became focusable');
      before.focus();
      for (const part of ['message', 'link', 'dismiss']) {
        await sendKeys({ press: 'Tab' });
        expect(shadowActive(el)?.getAttribute('part')).to.equal(part);
      }
    });
  });

  describe('loading', () => {
    it('fetches nothing before it is connected', async () => {
      const key = `early-${Date.now()}`;
      const el = document.createElement('trust-center-banner');
      el.now = NOW;
      el.setAttribute('src', `/__tc/count/${key}${SINGLE}`);
      await aTimeout(300);
      expect(await hits(key)).to.equal(0);
      expect(el.shadowRoot?.childElementCount ?? 0).to.equal(0);
      document.body.append(el);
      restores.push(() => el.remove());
      await waitFor(el, '[part~="banner"]');
      expect(await hits(key)).to.equal(1);
    });

    it('loads the new manifest when src changes, abandoning the old request', async () => {
      const el = await banner(`/__tc/delay/1500${SINGLE}`);
      el.src = `${DIR}/watched.json`;
      await waitFor(el, '[part~="banner"]');
      await aTimeout(1700);
      expect(text($(el, '[part~="message"]'))).to.contain('Privacy');
      expect(errors).to.deep.equal([]);
    });

    it('abandons the request when disconnected, and loads it again when reconnected', async () => {
      const el = await banner(`/__tc/delay/500${SINGLE}`);
      const parent = el.parentElement!;
      el.remove();
      await aTimeout(700);
      expect(errors).to.deep.equal([]);
      expect(bar(el)).to.equal(null);
      parent.append(el);
      await waitFor(el, '[part~="banner"]');
    });

    // Only the timeout case has a short timeout: a loaded machine may take longer than 0.2 s to answer the others.
    const failures: [string, string, string, number][] = [
      ['a 404', '/__tc/status/404/manifest.json', 'returned 404', 5000],
      ['invalid JSON', `${DIR}/not-json.json`, 'is not valid JSON', 5000],
      ['an invalid date', `${DIR}/invalid-date.json`, 'policies[0].updated: expected a date YYYY-MM-DD, got "June 5"', 5000],
      ['an unknown banner policy', `${DIR}/unknown-policy.json`, 'banner.policies[1]: expected the id of a policy in this manifest, got "cookies"', 5000],
      ['a timeout', `/__tc/delay/3000${SINGLE}`, 'did not answer within 0.2 seconds', 200],
    ];
    for (const [what, src, message, timeout] of failures) {
      it(`hides silently on ${what}, with the problem in the console`, async () => {
        const el = await banner(src, { timeout });
        await waitUntil(() => errors.length > 0, 'no console.error', { timeout: 6000 });
        expect(errors).to.have.length(1);
        expect(errors[0]).to.contain('<trust-center-banner>').and.contain(message);
        await el.updateComplete;
        expect(bar(el)).to.equal(null);
      });
    }
  });
});
