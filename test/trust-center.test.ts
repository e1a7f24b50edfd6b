import { html, fixture, expect, fixtureCleanup, waitUntil, aTimeout } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import { markSeen, readSeen } from '../src/banner/seen-store.js';
import type { TrustCenterElement } from '../src/elements/trust-center.js';
import { $, $$, hashChanged, hits, nextEvent, resetHash, text, waitFor } from './helpers.js';
import { afterNextFrame } from '../src/loading/after-paint.js';

const ARTISSER = '/policies/manifest.json';
const NORTHWIND = '/test/fixtures/northwind/manifest.json';

const SECTIONS = [
  '1. Our Approach to Security',
  '2. Data Encryption',
  '3. Infrastructure',
  '4. Access Controls',
  '5. Vulnerability Disclosure & Responsible Disclosure',
  '6. Incident Response',
  '7. Compliance',
  '8. Your Responsibilities',
];

async function trustCenter(src: string, attrs: { policy?: string; lang?: string; timeout?: number } = {}) {
  const el = await fixture<TrustCenterElement>(
    html`<trust-center
      src=${src}
      lang=${attrs.lang ?? 'en'}
      policy=${attrs.policy ?? ''}
      .timeout=${attrs.timeout ?? 10000}
    ></trust-center>`,
  );
  return el;
}

describe('<trust-center>', () => {
  beforeEach(resetHash);
  afterEach(() => {
    fixtureCleanup();
    resetHash();
  });

  describe('overview', () => {
    it('is accessible', async () => {
      const el = await trustCenter(ARTISSER);
      await waitFor(el, '[part~="overview"]');
      await expect(el).to.be.accessible();
    });

    it('shows the organization, a summary of each policy and compliance badges', async () => {
      const el = await trustCenter(ARTISSER);
      await waitFor(el, '[part~="overview"]');
      expect(text($(el, '[part~="header"] [part~="org-name"]'))).to.equal('Artisser');
      expect(text($(el, '[part~="statement"]'))).to.contain('This trust center shows how we protect both');
      expect($$(el, '[part~="header"] [part~="action"]').map(text)).to.deep.equal(['Request documents', 'Report a vulnerability', 'Subscribe to updates']);
      const cards = $$(el, '[part~="policy-card"]');
      expect(cards).to.have.length(1);
      expect(text(cards[0]!)).to.contain('Security').and.contain('Last updated June 5, 2026');
      const badges = $$(el, '[part~="compliance"] li').map((li) => text(li));
      expect(badges.some((b) => b.includes('SOC 2 Type II') && b.includes('In progress'))).to.be.true;
      expect(badges.some((b) => b.includes('ISO 27001') && b.includes('Certified'))).to.be.true;
      expect(badges.some((b) => b.includes('GDPR') && b.includes('Aligned'))).to.be.true;
    });

    it('fires trust-center-load with the manifest', async () => {
      const loaded = nextEvent<{ manifest: { organization: { name: string } } }>(document, 'trust-center-load');
      await trustCenter(NORTHWIND);
      const event = await loaded;
      expect(event.detail.manifest.organization.name).to.equal('Northwind Robotics');
      expect(event.composed).to.be.true;
    });
  });

  describe('policy page', () => {
    it('is accessible', async () => {
      const el = await trustCenter(ARTISSER, { policy: 'security' });
      await waitFor(el, '[part~="content"] h2');
      await expect(el).to.be.accessible();
    });

    it('shows the Artisser security page with its eight sections, date and table of contents', async () => {
      const el = await trustCenter(ARTISSER, { policy: 'security' });
      await waitFor(el, '[part~="content"] h2');
      expect(text($(el, '[part~="policy-title"]'))).to.equal('Security');
      expect(text($(el, '[part~="updated"]'))).to.equal('Last updated June 5, 2026');
      expect($$(el, '[part~="content"] h2').map(text)).to.deep.equal(SECTIONS);
      expect($$(el, '[part~="toc-link"]').map(text)).to.deep.equal(SECTIONS);
      expect(text($(el, '[part~="content"]'))).to.contain('security@artisser.example').and.not.contain('[email');
      const mail = $(el, '[part~="content"] a[href^="mailto:"]') as HTMLAnchorElement;
      expect(mail.href).to.equal('mailto:security@artisser.example');
    });

    it('formats the date in the page language', async () => {
      const el = await trustCenter(ARTISSER, { policy: 'security', lang: 'de' });
      await waitFor(el, '[part~="updated"]');
      expect(text($(el, '[part~="updated"] time'))).to.equal('5. Juni 2026');
    });

    it('renders a manifest from a company it has never seen', async () => {
      const el = await trustCenter(NORTHWIND);
      await waitFor(el, '[part~="overview"]');
      expect($$(el, '[part~="policy-card"]')).to.have.length(2);
      const link = $$(el, '[part~="nav-link"]').find((a) => text(a) === 'Privacy Policy' || text(a).includes('Privacy'));
      expect(link, 'a nav link to the privacy policy').to.exist;
      link!.click();
      await waitFor(el, '[part~="content"] h2');
      expect(location.hash).to.equal('#privacy');
      expect(text($(el, '[part~="policy-title"]'))).to.contain('Privacy');
      expect($$(el, '[part~="content"] table')).to.have.length.greaterThan(0);
    });

    it('renders inline content', async () => {
      const el = await trustCenter('/test/fixtures/inline/manifest.json');
      const card = await waitFor(el, '[part~="policy-card"] a');
      card.click();
      await waitFor(el, '[part~="content"] p');
      expect(text($(el, '[part~="content"]')).length).to.be.greaterThan(20);
    });

    it('shows a failed policy source inside that policy only, with a Retry', async () => {
      const el = await trustCenter('/test/fixtures/partial/manifest.json');
      await waitFor(el, '[part~="overview"]');
      const ids = $$(el, '[part~="nav-link"]').map((a) => a.getAttribute('href'));
      const missingHref = ids.find((h) => h !== '#overview' && h !== '#ok');
      location.hash = missingHref!;
      const error = await waitFor(el, '[part~="article"] [part~="error"]');
      expect(text(error)).to.contain('404');
      expect($(el, '[part~="nav"]'), 'navigation still there').to.exist;
      expect(error.querySelector('[part~="retry"]')).to.exist;
      await expect(el).to.be.accessible();
      location.hash = '#ok';
      await waitFor(el, '[part~="content"] p');
      expect($(el, '[part~="error"]')).to.equal(null);
    });
  });

  describe('deep links', () => {
    /** A blob URL of a manifest with one policy of 200 sections ("Part 1" … "Part 200"), long enough to arrive in parts. */
    const longPolicyManifest = () => {
      const paragraph = 'We review access to production systems every quarter and remove what is no longer needed. '.repeat(8);
      const content = Array.from({ length: 200 }, (_, i) => `## Part ${i + 1}\n\n${paragraph}\n`).join('\n');
      const manifest = {
        version: 1,
        organization: { name: 'Long Policies Ltd', url: 'https://long.example' },
        policies: [{ id: 'long', title: 'Long', updated: '2026-06-05', content }],
      };
      return URL.createObjectURL(new Blob([JSON.stringify(manifest)], { type: 'application/json' }));
    };

    it('opens the policy and heading named by the hash', async () => {
      history.replaceState(null, '', '#security/7-compliance');
      const el = await trustCenter(ARTISSER);
      const heading = await waitFor(el, '[part~="content"] h2#\\37 -compliance, [part~="content"] [id="7-compliance"]');
      await aTimeout(50);
      const top = heading.getBoundingClientRect().top;
      expect(top).to.be.within(-2, window.innerHeight);
    });

    it('reaches a heading near the end of a long policy, which arrives in later parts', async () => {
      const src = longPolicyManifest();
      history.replaceState(null, '', '#long/part-199');
      const el = await trustCenter(src);
      const heading = await waitFor(el, '[part~="content"] [id="part-199"]');
      await waitUntil(() => {
        const top = heading.getBoundingClientRect().top;
        return top >= -2 && top < window.innerHeight;
      }, 'scrolled to the heading', { timeout: 5000 });
      expect($$(el, '[part~="content"] h2')).to.have.length(200);
      expect($$(el, '[part~="toc-link"]')).to.have.length(200);
      URL.revokeObjectURL(src);
    });

    it('keeps to the deep-linked heading when the element re-renders while later parts arrive', async () => {
      const src = longPolicyManifest();
      history.replaceState(null, '', '#long/part-190');
      const el = await trustCenter(src);
      await waitFor(el, '[part~="content"] h2');
      // Anything may re-render the element meanwhile (a theme, a language arriving): each frame, here.
      let rerenders = 0;
      while (!$(el, '[part~="content"] [id="part-190"]')) {
        el.requestUpdate();
        rerenders++;
        await new Promise(requestAnimationFrame);
      }
      expect(rerenders, 're-rendered while the parts arrived').to.be.greaterThan(0);
      const heading = $(el, '[part~="content"] [id="part-190"]')!;
      await waitUntil(() => {
        const top = heading.getBoundingClientRect().top;
        return top >= -2 && top < window.innerHeight;
      }, 'scrolled to the heading, not left at the policy title', { timeout: 5000 });
      URL.revokeObjectURL(src);
    });

    it('updates the hash when a policy or TOC entry is chosen, and Back/Forward work', async () => {
      const el = await trustCenter(ARTISSER);
      await waitFor(el, '[part~="overview"]');
      const changed = hashChanged();
      ($(el, '[part~="policy-card"] a') as HTMLAnchorElement).click();
      await changed;
      expect(location.hash).to.equal('#security');
      const toc = await waitFor(el, '[part~="toc-link"]');
      const tocChanged = hashChanged();
      $$(el, '[part~="toc-link"]')[2]!.click();
      await tocChanged;
      expect(location.hash).to.equal('#security/3-infrastructure');
      await waitUntil(() => shadowActive(el)?.id === '3-infrastructure', 'focus moved to the heading');
      expect(toc).to.exist;

      const back = hashChanged();
      history.back();
      await back;
      expect(location.hash).to.equal('#security');
      const backAgain = hashChanged();
      history.back();
      await backAgain;
      await waitFor(el, '[part~="overview"]');
      const forward = hashChanged();
      history.forward();
      await forward;
      await waitFor(el, '[part~="article"]');
      expect(text($(el, '[part~="policy-title"]'))).to.equal('Security');
    });

    it('ignores hashes that belong to the host page', async () => {
      const el = await trustCenter(ARTISSER, { policy: 'security' });
      await waitFor(el, '[part~="content"] h2');
      const changed = hashChanged();
      location.hash = '#pricing';
      await changed;
      await el.updateComplete;
      expect(text($(el, '[part~="policy-title"]'))).to.equal('Security');
    });
  });

  describe('disclosure view', () => {
    it('links "Report a vulnerability" and shows the form at #disclosure, also from the policy text', async () => {
      const el = await trustCenter(ARTISSER, { policy: 'security' });
      await waitFor(el, '[part~="content"] h2');
      const fromPolicy = $$(el, '[part~="content"] a').find((a) => a.getAttribute('href') === '#disclosure');
      expect(fromPolicy, 'the security policy links the form').to.exist;
      const changed = hashChanged();
      fromPolicy!.click();
      await changed;
      const form = (await waitFor(el, 'trust-center-disclosure')) as HTMLElement;
      await waitUntil(() => form.shadowRoot?.querySelector('form'), 'the form renders');
      expect(text($$(el, '[part~="nav-link"][aria-current="page"]')[0] ?? null)).to.equal('Report a vulnerability');
      await expect(el).to.be.accessible();
    });

    it('lets the host style the embedded form through trust-center::part()', async () => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('trust-center::part(submit) { outline: 3px solid rgb(1, 2, 3); } trust-center::part(field-error) { color: rgb(4, 5, 6); }');
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      try {
        history.replaceState(null, '', '#disclosure');
        const el = await trustCenter(ARTISSER);
        const form = await waitFor(el, 'trust-center-disclosure');
        await waitUntil(() => form.shadowRoot?.querySelector('form [part~="submit"]'), 'the form rendered');
        const submit = form.shadowRoot!.querySelector<HTMLElement>('form [part~="submit"]')!;
        expect(getComputedStyle(submit).outlineColor).to.equal('rgb(1, 2, 3)');
        expect(form.getAttribute('exportparts')).to.contain('field-error');
      } finally {
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
      }
    });

    it('has no disclosure route when the manifest has no disclosure program', async () => {
      history.replaceState(null, '', '#disclosure');
      const el = await trustCenter(NORTHWIND);
      await waitFor(el, '[part~="overview"]');
      expect($(el, 'trust-center-disclosure')).to.equal(null);
      expect($$(el, '[part~="nav-link"]').map(text)).not.to.include('Report a vulnerability');
    });
  });

  describe('the Artisser sample', () => {
    it('fills every view: the navigation links each section', async () => {
      const el = await trustCenter(ARTISSER);
      await waitFor(el, '[part~="overview"]');
      expect($$(el, '[part~="nav-link"]').map(text)).to.deep.equal([
        'Overview',
        'Security',
        'Subprocessors',
        'FAQ',
        'Documents',
        'Updates',
        'Report a vulnerability',
      ]);
      const soc2 = $$(el, '[part~="compliance-item"]').find((li) => text(li).startsWith('SOC 2 Type II In progress'))!;
      expect(soc2.querySelector('a')!.getAttribute('href')).to.equal('#documents/soc2-report');
    });

    it('"Review changes" lands on the policy, whose change list leads to the comparison of its two versions', async () => {
      history.replaceState(null, '', '#security');
      const el = await trustCenter(ARTISSER);
      const link = await waitFor(el, '[part~="changes"] [part~="changes-link"]');
      expect(text($(el, '[part~="changes"] li'))).to.contain('acknowledge vulnerability reports within two business days');
      const changed = hashChanged();
      link.click();
      await changed;
      const updates = (await waitFor(el, 'trust-center-updates', 8000)) as HTMLElement;
      await waitUntil(() => updates.shadowRoot?.querySelector('[part~="diff-text"]'), 'the comparison renders', { timeout: 8000 });
      const inserted = [...updates.shadowRoot!.querySelectorAll('[part~="diff-text"] ins')].map((n) => text(n));
      expect(inserted[0]).to.equal('added: acknowledging your report within two business days,');
      // A highlight never starts or ends with a line break (which shows as an empty mark on its own line).
      for (const mark of updates.shadowRoot!.querySelectorAll('[part~="diff-text"] :is(ins, del)')) {
        const own = [...mark.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('');
        expect(own, JSON.stringify(own)).to.match(/^\S([\s\S]*\S)?$/);
      }
      expect(updates.shadowRoot!.querySelectorAll('[part~="diff-text"] del')).to.have.length(0);
      await expect(el).to.be.accessible();
    });
  });

  describe('banner integration', () => {
    /** The seen record once written: the element writes it after the policy's first paint (SeenController). */
    async function seenOnceWritten(src: string, expected: Record<string, string>): Promise<Record<string, string>> {
      await waitUntil(() => JSON.stringify(readSeen(src)) === JSON.stringify(expected), 'the seen record is written', { timeout: 3000 }).catch(() => undefined);
      return readSeen(src);
    }

    it('counts viewing a policy as seeing its update', async () => {
      localStorage.clear();
      const el = await trustCenter(NORTHWIND);
      await waitFor(el, '[part~="overview"]');
      expect(readSeen(NORTHWIND)).to.deep.equal({});
      location.hash = '#security';
      await waitFor(el, '[part~="content"] h2');
      expect(await seenOnceWritten(NORTHWIND, { security: '2026-03-14' })).to.deep.equal({ security: '2026-03-14' });
      localStorage.clear();
    });

    it('drops seen versions of policies the manifest no longer has', async () => {
      localStorage.clear();
      markSeen(NORTHWIND, { retired: '2025-01-01' });
      const el = await trustCenter(NORTHWIND);
      await waitFor(el, '[part~="overview"]');
      location.hash = '#security';
      await waitFor(el, '[part~="content"] h2');
      expect(await seenOnceWritten(NORTHWIND, { security: '2026-03-14' })).to.deep.equal({ security: '2026-03-14' });
      localStorage.clear();
    });
  });

  describe('keyboard', () => {
    it('reaches the navigation and opens a policy with Enter', async () => {
      const el = await trustCenter(ARTISSER);
      await waitFor(el, '[part~="overview"]');
      const before = document.createElement('button');
      before.textContent = 'before';
      el.before(before);
      before.focus();
      // The header band first (website, actions, search), then the tabs.
      const reached: string[] = [];
      for (let i = 0; i < 10 && text(shadowActive(el)) !== 'Overview'; i++) {
        await sendKeys({ press: 'Tab' });
        reached.push(shadowActive(el)?.getAttribute('aria-label') || text(shadowActive(el)));
      }
      expect(reached).to.deep.equal(['artisser.example', 'Request documents', 'Report a vulnerability', 'Subscribe to updates', 'Search the trust center', 'Search', 'Overview']);
      await sendKeys({ press: 'Tab' });
      expect(text(shadowActive(el))).to.equal('Security');
      const changed = hashChanged();
      await sendKeys({ press: 'Enter' });
      await changed;
      await waitFor(el, '[part~="content"] h2');
      expect(shadowActive(el)?.id).to.equal('tc-policy-title');
      before.remove();
    });
  });

  describe('failures', () => {
    const cases: Array<[string, string, RegExp]> = [
      ['a missing manifest', '/test/fixtures/does-not-exist.json', /returned 404/],
      ['a server error', '/__tc/status/500', /returned 500/],
      ['invalid JSON', '/test/fixtures/broken/not-json.json', /is not valid JSON/],
      ['a truncated manifest', '/test/fixtures/broken/truncated.json', /is not valid JSON/],
      [
        'a schema error',
        '/test/fixtures/broken/wrong-shape.json',
        /policies\[0\]\.updated: expected a date YYYY-MM-DD, got "June 5"/,
      ],
      ['a misspelt required key', '/test/fixtures/broken/misspelt.json', /policies: .*polices/],
      ['an array', '/test/fixtures/broken/array.json', /expected a JSON object/],
      ['an unreachable server', 'http://127.0.0.1:9/manifest.json', /could not be reached/],
    ];
    for (const [name, src, message] of cases) {
      it(`says what went wrong for ${name}, with a Retry`, async () => {
        const errorEvent = nextEvent<{ error: Error }>(document, 'trust-center-error');
        const el = await trustCenter(src);
        const error = await waitFor(el, '[part~="error"]');
        expect(text(error)).to.match(message);
        expect((await errorEvent).detail.error.message).to.match(message);
        expect(error.getAttribute('role')).to.equal('alert');
        expect($(el, '[part~="retry"]')).to.exist;
      });
    }

    it('gives up after the timeout and says so', async () => {
      const el = await trustCenter('/__tc/delay/3000/policies/manifest.json', { timeout: 300 });
      const error = await waitFor(el, '[part~="error"]');
      expect(text(error)).to.contain('did not answer within 0.3 seconds');
    });

    it('is accessible in the error state', async () => {
      const el = await trustCenter('/test/fixtures/broken/wrong-shape.json');
      await waitFor(el, '[part~="error"]');
      await expect(el).to.be.accessible();
    });

    it('loads on Retry once the server recovers', async () => {
      const key = `retry-${Math.random().toString(36).slice(2)}`;
      const el = await trustCenter(`/__tc/flaky/${key}/policies/manifest.json`);
      await waitFor(el, '[part~="error"]');
      ($(el, '[part~="retry"]') as HTMLButtonElement).click();
      await waitFor(el, '[part~="overview"]');
      expect($(el, '[part~="error"]')).to.equal(null);
    });

    it('shows where to set src when it is missing', async () => {
      const el = await fixture<TrustCenterElement>(html`<trust-center></trust-center>`);
      expect(text($(el, '[part~="error"]'))).to.contain('src');
    });
  });

  describe('loading', () => {
    it('makes one request per manifest URL however many elements use it', async () => {
      const key = `once-${Math.random().toString(36).slice(2)}`;
      const src = `/__tc/count/${key}/policies/manifest.json`;
      const box = await fixture(html`<div>
        <trust-center src=${src}></trust-center><trust-center src=${src}></trust-center
        ><trust-center src=${src} policy="security"></trust-center>
      </div>`);
      const elements = [...box.querySelectorAll('trust-center')];
      for (const el of elements) await waitFor(el, '[part~="header"]');
      expect(await hits(key, '/policies/manifest.json')).to.equal(1);
    });

    it('shows the latest src when src changes mid-flight', async () => {
      const el = await trustCenter('/__tc/delay/800/policies/manifest.json');
      el.src = NORTHWIND;
      await waitFor(el, '[part~="header"]');
      await aTimeout(1000);
      expect(text($(el, '[part~="header"] [part~="org-name"]'))).to.equal('Northwind Robotics');
    });

    it('stops loading when removed and resumes when put back', async () => {
      const el = await trustCenter('/__tc/delay/500/test/fixtures/inline/manifest.json');
      const parent = el.parentElement!;
      let loads = 0;
      el.addEventListener('trust-center-load', () => loads++);
      el.remove();
      await aTimeout(800);
      expect(loads, 'no load while detached').to.equal(0);
      parent.append(el);
      await waitFor(el, '[part~="header"]');
      expect(loads).to.equal(1);
    });

    it('keeps the host layout stable while loading', async () => {
      const el = await trustCenter('/__tc/delay/500/policies/manifest.json');
      const loading = await waitFor(el, '[part~="loading"]');
      expect(loading.getAttribute('role')).to.equal('status');
      expect(el.getBoundingClientRect().height).to.be.greaterThan(200);
    });
  });

  describe('theme', () => {
    it('switches colour scheme with the theme attribute', async () => {
      const el = await trustCenter(ARTISSER);
      await waitFor(el, '[part~="overview"]');
      const light = getComputedStyle(el).backgroundColor;
      expect(getComputedStyle(el).colorScheme).to.equal('light');
      el.theme = 'dark';
      await el.updateComplete;
      expect(getComputedStyle(el).colorScheme).to.equal('dark');
      expect(getComputedStyle(el).backgroundColor).not.to.equal(light);
      await expect(el).to.be.accessible();
    });

    it('takes the host accent and font through tokens', async () => {
      const el = await trustCenter(ARTISSER);
      el.style.setProperty('--tc-accent', 'rgb(1, 2, 3)');
      el.parentElement!.style.fontFamily = 'Georgia, serif';
      const link = await waitFor(el, '[part~="policy-card"] a');
      expect(getComputedStyle(link).color).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle(link).fontFamily).to.contain('Georgia');
    });
  });
});

function shadowActive(el: Element): HTMLElement | null {
  return (el.shadowRoot?.activeElement as HTMLElement | null) ?? null;
}

describe('<trust-center-policy>', () => {
  afterEach(() => {
    fixtureCleanup();
    resetHash();
  });

  it('is accessible and shows one policy with its table of contents', async () => {
    const el = await fixture(
      html`<trust-center-policy src="/test/fixtures/northwind/manifest.json" policy="security" lang="en"></trust-center-policy>`,
    );
    await waitFor(el, '[part~="content"] h2');
    await expect(el).to.be.accessible();
    expect($(el, '[part~="nav"]'), 'no trust-center navigation').to.equal(null);
    expect($$(el, '[part~="toc-link"]').length).to.be.greaterThan(1);
  });

  it('shows the first policy when none is named, and says so when the id is unknown', async () => {
    const first = await fixture(html`<trust-center-policy src=${NORTHWIND}></trust-center-policy>`);
    await waitFor(first, '[part~="content"] h2');
    const unknown = await fixture(html`<trust-center-policy src=${NORTHWIND} policy="nope"></trust-center-policy>`);
    const error = await waitFor(unknown, '[part~="error"]');
    expect(text(error)).to.contain('"nope"');
  });

  it('keeps a static page visible until its own rendering replaces it, without duplicating it', async () => {
    const el = await fixture(html`<trust-center-policy src="/__tc/delay/400/policies/manifest.json" policy="security" lang="en"
      ><article class="tc-static"><h2>Security</h2><p>Static text.</p></article></trust-center-policy
    >`);
    const article = el.querySelector('article')!;
    expect(article.assignedSlot, 'static content shown while loading').to.not.equal(null);
    expect(article.getBoundingClientRect().height).to.be.greaterThan(0);
    await waitFor(el, '[part~="content"] h2');
    expect(article.assignedSlot, 'static content hidden once rendered').to.equal(null);
    expect(article.getBoundingClientRect().height).to.equal(0);
    expect($$(el, '[part~="policy-title"]')).to.have.length(1);
  });

  it('paints no loading state when the manifest arrives in time: its space stays reserved, then the policy', async () => {
    const states: string[] = [];
    const el = document.createElement('trust-center-policy');
    // 60 ms away, as from a nearby server: nothing cached, and within the moment before a loading state shows.
    el.setAttribute('src', '/__tc/delay/60/.test-site/trust/assets/policies/manifest.compiled.json');
    el.setAttribute('policy', 'security');
    const record = () => {
      if (el.shadowRoot?.querySelector('[part~="loading"]')) states.push('loading');
      if (el.shadowRoot?.querySelector('[part~="content"] h2')) states.push('policy');
    };
    // Checked at every frame, before its paint.
    let frame = requestAnimationFrame(function check() {
      record();
      frame = requestAnimationFrame(check);
    });
    try {
      const container = await fixture<HTMLElement>(html`<div></div>`);
      container.append(el);
      await afterNextFrame();
      expect(el.getBoundingClientRect().height, 'its space reserved before the manifest').to.be.greaterThan(200);
      await waitFor(el, '[part~="content"] h2');
    } finally {
      cancelAnimationFrame(frame);
    }
    expect(states, 'never a spinner frame before the policy').to.not.include('loading');
  });

  it('shows its loading state (role status) once loading takes longer than a moment', async () => {
    const el = await fixture(html`<trust-center-policy src="/__tc/delay/1500/policies/manifest.json" policy="security"></trust-center-policy>`);
    await afterNextFrame();
    expect(Boolean($(el, '[part~="loading"]')), 'a loading state in the first frame').to.equal(false);
    const loading = await waitFor(el, '[part~="loading"]', 1000);
    expect(loading.getAttribute('role')).to.equal('status');
    expect(text(loading)).to.equal('Loading the trust center…');
    await expect(el).to.be.accessible();
    await waitFor(el, '[part~="content"] h2', 5000);
    expect($(el, '[part~="loading"]')).to.equal(null);
  });
});
