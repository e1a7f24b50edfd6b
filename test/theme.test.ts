import { html, fixture, expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { AxeResults, RunOptions } from 'axe-core';
import '../src/define.js';
import '../src/disclosure/define.js';
import type { TrustCenterElement } from '../src/elements/trust-center.js';
import type { TrustCenterBannerElement } from '../src/banner/trust-center-banner.js';
import type { TrustCenterDisclosureElement } from '../src/disclosure/trust-center-disclosure.js';
import { themeStyles } from '../src/styles/theme.js';
import { applyManifestTheme, manifestThemeProperties } from '../src/styles/manifest-theme.js';
import { $, $$, waitFor } from './helpers.js';

const ARTISSER = '/policies/manifest.json';
const DISCLOSURE = '/test/fixtures/disclosure/manifest.json';
const BANNER = '/test/fixtures/banner/single.json';
const BROKEN = '/test/fixtures/broken/wrong-shape.json';
const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];

/** The defaults theme.ts declares, as computed colours: `rgb(10, 88, 171)`. */
function token(scheme: Scheme, name: string): string {
  const hex = new RegExp(`--_${scheme}-${name}:\\s*(#[0-9a-f]{6})`, 'i').exec(themeStyles.cssText)?.[1];
  if (!hex) throw new Error(`no --_${scheme}-${name} in theme.ts`);
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

// --- axe, with the colour-contrast rule alone ------------------------------------------------------

interface Axe {
  run(context: Element, options: RunOptions): Promise<AxeResults>;
}

async function axe(): Promise<Axe> {
  const global = window as unknown as { axe?: Axe };
  // axe.min.js registers itself on window (the test server resolves the bare specifier).
  if (!global.axe) await import('axe-core/axe.min.js' as string);
  return global.axe!;
}

async function expectContrast(el: Element, what: string, minimum = 3): Promise<void> {
  const results = await (await axe()).run(el, {
    runOnly: { type: 'rule', values: ['color-contrast'] },
    resultTypes: ['violations', 'passes'],
  });
  const problems = results.violations.flatMap((v) =>
    v.nodes.map((n) => `${JSON.stringify(n.target)}: ${n.any.map((c) => c.message).join('; ')}`),
  );
  expect(problems, `${what}: colour contrast`).to.deep.equal([]);
  const checked = results.passes.reduce((sum, p) => sum + p.nodes.length, 0);
  expect(checked, `${what}: text nodes axe could check`).to.be.at.least(minimum);
}

// --- Views -------------------------------------------------------------------------------------------

const views = {
  overview: async (theme: Scheme) => {
    const el = await fixture<TrustCenterElement>(html`<trust-center src=${ARTISSER} lang="en" theme=${theme}></trust-center>`);
    await waitFor(el, '[part~="badge"]');
    return el;
  },
  policy: async (theme: Scheme) => {
    const el = await fixture<TrustCenterElement>(
      html`<trust-center src=${ARTISSER} lang="en" policy="security" theme=${theme}></trust-center>`,
    );
    await waitFor(el, '[part~="content"] h2');
    return el;
  },
  'error state': async (theme: Scheme) => {
    const el = await fixture<TrustCenterElement>(html`<trust-center src=${BROKEN} lang="en" theme=${theme}></trust-center>`);
    await waitFor(el, '[part~="error"]');
    return el;
  },
  'disclosure form': async (theme: Scheme) => {
    const el = await fixture<TrustCenterDisclosureElement>(
      html`<trust-center-disclosure
        src=${DISCLOSURE}
        lang="en"
        theme=${theme}
        trust-center-url="/trust/"
        .storage=${null}
      ></trust-center-disclosure>`,
    );
    await waitFor(el, 'form');
    return el;
  },
  'disclosure form with errors': async (theme: Scheme) => {
    const el = await fixture<TrustCenterDisclosureElement>(
      html`<trust-center-disclosure src=${DISCLOSURE} lang="en" theme=${theme} .storage=${null}></trust-center-disclosure>`,
    );
    await waitFor(el, 'form');
    ($(el, 'form') as HTMLFormElement).requestSubmit();
    await waitFor(el, '[part~="error-summary"]');
    return el;
  },
  banner: async (theme: Scheme) => {
    const el = await fixture<TrustCenterBannerElement>(
      html`<trust-center-banner src=${BANNER} lang="en" theme=${theme} .now=${new Date(2026, 5, 10, 12)}></trust-center-banner>`,
    );
    await waitFor(el, '[part~="banner"]');
    return el;
  },
};

const isChromium = () => navigator.userAgent.includes('Chrome/');

describe('theme', () => {
  beforeEach(() => {
    localStorage.clear();
    history.replaceState(null, '', location.pathname);
  });
  afterEach(() => fixtureCleanup());

  describe('contrast of the defaults (WCAG AA)', () => {
    for (const scheme of SCHEMES) {
      for (const [name, render] of Object.entries(views) as [string, (theme: Scheme) => Promise<Element>][]) {
        it(`${name}, ${scheme}`, async () => {
          const el = await render(scheme);
          expect(getComputedStyle(el).colorScheme).to.equal(scheme);
          // The banner has two: its message and its link (Dismiss is a ✕ with a label).
          await expectContrast(el, `${name} (${scheme})`, name === 'banner' ? 2 : 3);
        });
      }
    }
  });

  describe('tokens', () => {
    it('--tc-accent reaches links, the current navigation entry and buttons', async () => {
      const el = await views.overview('light');
      el.setAttribute('style', '--tc-accent: #6d28d9; --tc-on-accent: #fffff0');
      const link = $(el, '[part~="policy-card"] a')!;
      expect(getComputedStyle(link).color).to.equal('rgb(109, 40, 217)');
      expect(getComputedStyle($(el, '[part~="nav-link"][aria-current]')!).color).to.equal('rgb(109, 40, 217)');

      const form = await views['disclosure form']('dark');
      form.setAttribute('style', '--tc-accent: #6d28d9; --tc-on-accent: #fffff0');
      const submit = $(form, '[part~="submit"]')!;
      expect(getComputedStyle(submit).backgroundColor).to.equal('rgb(109, 40, 217)');
      expect(getComputedStyle(submit).color).to.equal('rgb(255, 255, 240)');
      expect(getComputedStyle($(form, '[part~="fieldset"] a, [part~="field"] a')!).color).to.equal('rgb(109, 40, 217)');
    });

    it('are inherited from any ancestor, and colour every part', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div
        style="--tc-text: #101010; --tc-background: #fafafa; --tc-surface: #eeeeee; --tc-border: #999999; --tc-muted: #444444; --tc-success: #005500; --tc-warning: #663300; --tc-radius: 3px"
      >
        <trust-center src=${ARTISSER} lang="en"></trust-center>
      </div>`);
      const el = wrapper.querySelector('trust-center')!;
      await waitFor(el, '[part~="badge"]');
      expect(getComputedStyle(el).color).to.equal('rgb(16, 16, 16)');
      expect(getComputedStyle(el).backgroundColor).to.equal('rgb(250, 250, 250)');
      const card = $(el, '[part~="policy-card"]')!;
      expect(getComputedStyle(card).backgroundColor).to.equal('rgb(238, 238, 238)');
      expect(getComputedStyle(card).borderTopColor).to.equal('rgb(153, 153, 153)');
      expect(getComputedStyle(card).borderTopLeftRadius).to.equal('3px');
      expect(getComputedStyle($(el, '[part~="compliance"] .description')!).color).to.equal('rgb(68, 68, 68)');
      expect(getComputedStyle($(el, '.badge.certified')!).color).to.equal('rgb(0, 85, 0)');
      expect(getComputedStyle($(el, '.badge.in-progress')!).color).to.equal('rgb(102, 51, 0)');
    });

    it('inherit the host page’s font and size unless overridden', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div style="font: 19px/1.4 Georgia, serif">
        <trust-center src=${ARTISSER} lang="en"></trust-center>
      </div>`);
      const el = wrapper.querySelector('trust-center')!;
      const card = await waitFor(el, '[part~="policy-card"]');
      expect(getComputedStyle(card).fontFamily).to.contain('Georgia');
      expect(getComputedStyle(el).fontSize).to.equal('19px');
      el.setAttribute('style', '--tc-font-family: monospace; --tc-font-size: 15px; --tc-heading-font-family: fantasy');
      expect(getComputedStyle(card).fontFamily).to.equal('monospace');
      expect(getComputedStyle(el).fontSize).to.equal('15px');
      expect(getComputedStyle($(el, '#tc-policies-title')!).fontFamily).to.equal('fantasy');
    });

    it('give form controls a border of 3:1 and let --tc-input-* restyle them', async () => {
      const el = await views['disclosure form']('light');
      const input = $(el, 'input[name="title"]')!;
      expect(getComputedStyle(input).color).to.equal(token('light', 'text'));
      expect(getComputedStyle(input).borderTopColor).to.equal(token('light', 'input-border'));
      el.setAttribute('theme', 'dark');
      await el.updateComplete;
      expect(getComputedStyle(input).borderTopColor).to.equal(token('dark', 'input-border'));
      el.setAttribute('theme', 'light');
      await el.updateComplete;
      el.setAttribute('style', '--tc-input-background: #fffbe6; --tc-input-border: #333333; --tc-input-text: #111111');
      expect(getComputedStyle(input).backgroundColor).to.equal('rgb(255, 251, 230)');
      expect(getComputedStyle(input).borderTopColor).to.equal('rgb(51, 51, 51)');
      expect(getComputedStyle(input).color).to.equal('rgb(17, 17, 17)');
    });

    it('style the navigation’s search field with the same form tokens', async () => {
      const el = await views.overview('light');
      const search = $(el, '[part~="search-input"]')!;
      expect(getComputedStyle(search).borderTopColor).to.equal(token('light', 'input-border'));
      el.setAttribute('style', '--tc-input-border: #333333; --tc-input-background: #fffbe6');
      expect(getComputedStyle(search).borderTopColor).to.equal('rgb(51, 51, 51)');
      expect(getComputedStyle(search).backgroundColor).to.equal('rgb(255, 251, 230)');
    });
  });

  describe('schemes', () => {
    it('theme switches color-scheme and the defaults', async () => {
      const el = await views.overview('light');
      const link = $(el, '[part~="policy-card"] a')!;
      expect(getComputedStyle(el).colorScheme).to.equal('light');
      expect(getComputedStyle(el).backgroundColor).to.equal(token('light', 'background'));
      expect(getComputedStyle(link).color).to.equal(token('light', 'accent'));
      el.theme = 'dark';
      await el.updateComplete;
      expect(getComputedStyle(el).colorScheme).to.equal('dark');
      expect(getComputedStyle(el).backgroundColor).to.equal(token('dark', 'background'));
      expect(getComputedStyle(el).color).to.equal(token('dark', 'text'));
      expect(getComputedStyle(link).color).to.equal(token('dark', 'accent'));
      el.theme = 'auto';
      await el.updateComplete;
      expect(getComputedStyle(el).colorScheme).to.equal('light dark');
    });

    it('theme="auto" follows prefers-color-scheme', async () => {
      if (isChromium()) {
        // Chromium emulates the media feature over CDP.
        const el = await views.overview('light');
        el.setAttribute('theme', 'auto');
        try {
          await emulateMedia({ colorScheme: 'dark' });
          expect(getComputedStyle(el).backgroundColor).to.equal(token('dark', 'background'));
          expect(getComputedStyle($(el, '[part~="policy-card"] a')!).color).to.equal(token('dark', 'accent'));
          await emulateMedia({ colorScheme: 'light' });
          expect(getComputedStyle(el).backgroundColor).to.equal(token('light', 'background'));
        } finally {
          await emulateMedia({ colorScheme: 'light' });
        }
        return;
      }
      // Firefox runs over WebDriver BiDi, which cannot emulate media features. But an iframe's
      // prefers-color-scheme follows its embedding <iframe>'s color-scheme (CSS Color Adjust), so the
      // element is rendered in a frame whose <iframe> says dark, then light. WebKit (WebDriver classic)
      // can do neither: there each frame must follow whatever scheme the (virtual) OS reports.
      for (const wanted of SCHEMES) {
        const frame = document.createElement('iframe');
        frame.title = 'theme probe';
        frame.style.colorScheme = wanted;
        frame.srcdoc =
          `<!doctype html><html lang="en"><body><trust-center src="${ARTISSER}" theme="auto"></trust-center>` +
          '<script type="module" src="/src/define.ts"></script></body></html>';
        const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
        document.body.append(frame);
        await loaded;
        const scheme = frame.contentWindow!.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
        if (navigator.userAgent.includes('Firefox')) expect(scheme, 'the frame follows its <iframe>').to.equal(wanted);
        const el = frame.contentDocument!.querySelector('trust-center')!;
        await waitUntil(() => el.shadowRoot?.querySelector('[part~="policy-card"] a'), 'the framed element rendered', { timeout: 8000 });
        const view = frame.contentWindow!;
        expect(view.getComputedStyle(el).colorScheme).to.equal('light dark');
        expect(view.getComputedStyle(el).backgroundColor, scheme).to.equal(token(scheme, 'background'));
        expect(view.getComputedStyle(el.shadowRoot!.querySelector('[part~="policy-card"] a')!).color, scheme).to.equal(
          token(scheme, 'accent'),
        );
        frame.remove();
      }
    });

    it('the banner follows the same schemes', async () => {
      const el = await views.banner('light');
      el.setAttribute('theme', 'dark');
      await el.updateComplete;
      expect(getComputedStyle(el).colorScheme).to.equal('dark');
      expect(getComputedStyle($(el, '[part~="banner"]')!).backgroundColor).to.equal(token('dark', 'surface'));
      el.setAttribute('theme', 'auto');
      await el.updateComplete;
      expect(getComputedStyle(el).colorScheme).to.equal('light dark');
    });
  });

  describe('manifest theme', () => {
    it('keeps only valid colours and lengths', () => {
      expect(
        manifestThemeProperties({
          accent: '#6d28d9',
          onAccent: 'rgb(255 255 255)',
          radius: '12px',
          dark: { accent: 'oklch(80% 0.1 300)', onAccent: 'red; background: url(https://evil.example/)' },
        }),
      ).to.deep.equal({
        '--_manifest-accent': '#6d28d9',
        '--_manifest-on-accent': 'rgb(255 255 255)',
        '--_manifest-radius': '12px',
        '--_manifest-dark-accent': 'oklch(80% 0.1 300)',
      });
      expect(manifestThemeProperties({ accent: 'var(--x)', radius: '1e9px', dark: 'x' })).to.deep.equal({});
      expect(manifestThemeProperties(undefined)).to.deep.equal({});
      expect(manifestThemeProperties({ accent: '#12345' })).to.deep.equal({});
    });

    it('sets defaults that the host page’s tokens still override', async () => {
      const el = await views.overview('light');
      const link = $(el, '[part~="policy-card"] a')!;
      const card = $(el, '[part~="policy-card"]')!;
      applyManifestTheme(el, { accent: '#6d28d9', radius: '2px', dark: { accent: '#c4b5fd' } });
      expect(getComputedStyle(link).color).to.equal('rgb(109, 40, 217)');
      expect(getComputedStyle(card).borderTopLeftRadius).to.equal('2px');
      expect(el.getAttribute('style'), 'the host element’s style is not touched').to.equal(null);

      el.theme = 'dark';
      await el.updateComplete;
      expect(getComputedStyle(link).color).to.equal('rgb(196, 181, 253)');

      el.style.setProperty('--tc-accent', '#ff0000');
      expect(getComputedStyle(link).color).to.equal('rgb(255, 0, 0)');
      el.style.removeProperty('--tc-accent');

      applyManifestTheme(el, { accent: '#6d28d9' });
      expect(getComputedStyle(link).color, 'no dark accent: the dark default').to.equal(token('dark', 'accent'));
      applyManifestTheme(el, undefined);
      el.theme = 'light';
      await el.updateComplete;
      expect(getComputedStyle(link).color).to.equal(token('light', 'accent'));
      expect(getComputedStyle(card).borderTopLeftRadius).to.equal('8px');
    });

    it('reaches the banner too', async () => {
      const el = await views.banner('light');
      applyManifestTheme(el, { accent: '#6d28d9' });
      expect(getComputedStyle($(el, '[part~="link"]')!).backgroundColor).to.equal('rgb(109, 40, 217)');
    });
  });

  describe('print', () => {
    it('shows the policy alone, black on white, with link addresses', async function () {
      const el = await views.policy('dark');
      if (!isChromium()) {
        // Only Chromium can emulate print media here (Firefox runs over WebDriver BiDi); elsewhere,
        // check that the print rules are there.
        expect(themeStyles.cssText).to.match(/@media print[\s\S]*a\[href\^='http'\]::after[\s\S]*attr\(href\)/);
        return;
      }
      try {
        await emulateMedia({ media: 'print' });
        for (const part of ['nav', 'toc']) {
          expect(getComputedStyle($(el, `[part~="${part}"]`)!).display, part).to.equal('none');
        }
        expect(getComputedStyle(el).colorScheme).to.equal('light');
        expect(getComputedStyle(el).color).to.equal('rgb(0, 0, 0)');
        expect(getComputedStyle(el).backgroundColor).to.equal('rgb(255, 255, 255)');
        const content = $(el, '[part~="content"]')!;
        expect(getComputedStyle(content).color).to.equal('rgb(0, 0, 0)');
        const layout = $(el, '.policy-layout')!;
        expect(getComputedStyle(layout).display).to.equal('block');
        const mail = $(el, '[part~="content"] a[href^="mailto:"]')!;
        expect(getComputedStyle(mail, '::after').content).to.contain('mailto:security@artisser.example');
        for (const link of $$(el, 'a[href^="#"]')) expect(getComputedStyle(link, '::after').content).to.equal('none');
      } finally {
        await emulateMedia({ media: 'screen' });
      }
    });
  });
});
