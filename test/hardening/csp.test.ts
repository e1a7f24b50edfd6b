// A host page under a strict Content-Security-Policy with Trusted Types required
// (test/server/hardening.mjs STRICT_CSP, on /__tc/h/csp/csp.html only), loading the built bundle
// dist/trust-center.js: the trust center, a policy, the disclosure form (plain and encrypted, sent to
// the receiver) and the banner all work, and not one securitypolicyviolation fires.
import { expect, waitUntil } from '@open-wc/testing';
import { text } from '../helpers.js';
import { frameHost, type FrameHost } from './frame.js';

const NOW = new Date(2026, 5, 10, 12); // five days after the Artisser security policy's update

interface Violation {
  directive: string;
  blockedURI: string;
  sample: string;
  source: string;
}
type HostWindow = Window & typeof globalThis & { __violations: Violation[]; __errors: string[]; __probe: () => boolean };

function token(): string {
  return `csp${Math.random().toString(36).slice(2, 10)}`;
}

async function storedWith(tag: string): Promise<Array<{ encrypted: boolean; report: Record<string, unknown> }>> {
  const all = (await (await fetch('/api/__test__/reports', { cache: 'no-store' })).json()) as Array<{
    encrypted: boolean;
    clientReference: string;
    report: Record<string, unknown>;
  }>;
  return all.filter((r) => JSON.stringify(r.report).includes(tag));
}

describe('a host with a strict CSP and Trusted Types', function () {
  this.timeout(40000);
  let host: FrameHost;
  let win: HostWindow;

  before(async () => {
    const config = (await (await fetch('/__tc/h/config')).json()) as { csp: string };
    const response = await fetch('/__tc/h/csp/csp.html', { cache: 'no-store' });
    expect(response.headers.get('content-security-policy')).to.equal(config.csp);
    host = await frameHost('/__tc/h/csp/csp.html');
    win = host.win as unknown as HostWindow;
    await waitUntil(() => win.customElements.get('trust-center-banner'), 'the bundle registered its elements', { timeout: 10000 });
  });

  after(() => host?.remove());

  afterEach(() => {
    expect(win.__errors, 'no uncaught error on the host page').to.deep.equal([]);
    expect(win.__violations, 'no CSP or Trusted Types violation').to.deep.equal([]);
  });

  it('the policy applies to that page only, not to the test runner', () => {
    const probe = document.createElement('div');
    probe.setAttribute('style', 'color: rgb(255, 0, 0)');
    document.body.append(probe);
    expect(getComputedStyle(probe).color, 'inline styles work on the runner page').to.equal('rgb(255, 0, 0)');
    probe.remove();
  });

  it('renders the overview and a policy', async () => {
    const el = host.add('trust-center', { src: '/policies/manifest.json', lang: 'en' });
    await host.waitFor(el, '[part~="overview"]');
    expect(text(host.$(el, '[part~="header"] [part~="org-name"]'))).to.equal('Artisser');
    (host.$(el, '[part~="policy-card"] a') as HTMLAnchorElement).click();
    await host.waitFor(el, '[part~="content"] h2');
    expect(host.$$(el, '[part~="content"] h2')).to.have.length(8);
    expect(host.$$(el, '[part~="toc-link"]')).to.have.length(8);
    // Styles arrive as constructable stylesheets, which style-src 'self' allows.
    const link = host.$(el, '[part~="toc-link"]')!;
    expect(win.getComputedStyle(link).color).to.equal('rgb(10, 88, 171)');
    expect(win.getComputedStyle(host.$(el, '[part~="toc"]')!).borderTopStyle).to.equal('solid');
    (host.$$(el, '[part~="toc-link"]')[2] as HTMLAnchorElement).click();
    await waitUntil(() => win.location.hash === '#security/3-infrastructure', 'a TOC link updates the hash');
    el.remove();
    win.history.replaceState(null, '', win.location.pathname);
  });

  it('renders a policy from the compiled manifest (the tree renderer, without marked)', async () => {
    win.history.replaceState(null, '', '#security');
    const el = host.add('trust-center', { src: '/.test-site/trust/assets/policies/manifest.compiled.json', lang: 'en' });
    await host.waitFor(el, '[part~="content"] h2');
    await waitUntil(() => host.$$(el, '[part~="content"] h2').length === 8, 'every section rendered');
    expect(host.$$(el, '[part~="toc-link"]')).to.have.length(8);
    expect(win.getComputedStyle(host.$(el, '[part~="toc-link"]')!).color).to.equal('rgb(10, 88, 171)');
    el.remove();
    win.history.replaceState(null, '', win.location.pathname);
  });

  it('shows the disclosure form inside the trust center', async () => {
    win.history.replaceState(null, '', '#disclosure');
    const el = host.add('trust-center', { src: '/policies/manifest.json', lang: 'en' });
    const form = await host.waitFor(el, 'trust-center-disclosure');
    await waitUntil(() => form.shadowRoot?.querySelector('form [name="title"]'), 'the form renders');
    el.remove();
    win.history.replaceState(null, '', win.location.pathname);
  });

  for (const [name, src] of [
    ['a report', '/test/fixtures/disclosure/manifest.json'],
    ['an encrypted report (OpenPGP.js loads as a chunk, no eval or WebAssembly)', '/test/fixtures/disclosure/manifest-encrypted.json'],
  ] as const) {
    it(`sends ${name} to the receiver`, async function () {
      this.timeout(40000);
      const tag = token();
      const el = host.add('trust-center-disclosure', { src, lang: 'en', 'min-fill-time': '0' });
      await host.waitFor(el, 'form [name="title"]');
      const values: Record<string, string | boolean> = {
        title: `CSP report ${tag}`,
        description: `Described ${tag}`,
        steps: '1. Open the page.',
        impact: 'Some.',
        policyRead: true,
      };
      for (const [field, value] of Object.entries(values)) {
        const input = host.$(el, `[name="${field}"]`) as HTMLInputElement;
        if (typeof value === 'boolean') input.checked = value;
        else input.value = value;
        input.dispatchEvent(new win.Event('input', { bubbles: true, composed: true }));
      }
      (host.$(el, 'form [part~="submit"]') as HTMLButtonElement).click();
      await host.waitFor(el, '[part~="review"]');
      (host.$(el, '[part~="review"] [part~="submit"]') as HTMLButtonElement).click();
      await host.waitFor(el, '[part~="receipt"]', 30000);
      const download = host.$(el, '[part~="download"]') as HTMLAnchorElement | null;
      expect(download, 'a download link').to.exist;
      if (src.includes('encrypted')) {
        // The plaintext never left the page: look the report up by its reference instead.
        const reference = text(host.$(el, '[part~="reference"]'));
        const all = (await (await fetch('/api/__test__/reports', { cache: 'no-store' })).json()) as Array<{
          encrypted: boolean;
          reference: string;
          clientReference: string;
        }>;
        const mine = all.filter((r) => reference.includes(r.reference) || reference.includes(r.clientReference));
        expect(mine).to.have.length(1);
        expect(mine[0]!.encrypted).to.be.true;
      } else {
        const stored = await storedWith(tag);
        expect(stored).to.have.length(1);
      }
      el.remove();
    });
  }

  it('shows the banner as a fixed bar and reserves its space through CSSOM', async () => {
    // (Not the Artisser manifest: viewing its security policy above counted as seeing the update.)
    const el = host.add('trust-center-banner', { src: '/test/fixtures/banner/single.json', position: 'top', href: '/trust' }, { now: NOW });
    const region = await host.waitFor(el, '[part~="banner"]');
    expect(text(region)).to.contain('Security');
    expect(win.getComputedStyle(region).position).to.equal('fixed');
    await waitUntil(
      () => win.document.documentElement.style.getPropertyValue('--tc-banner-offset-top') !== '',
      'the bar reserves its height',
    );
    (host.$(el, '[part~="dismiss"]') as HTMLButtonElement).click();
    await waitUntil(() => !host.$(el, '[part~="banner"]'), 'dismissed');
    el.remove();
  });

  it('the listener sees violations: an inline style attribute is blocked and reported', async () => {
    expect(win.__probe(), 'inline style blocked').to.be.true;
    await waitUntil(() => win.__violations.length > 0, 'the probe violation is reported');
    expect(win.__violations.map((v) => v.directive)[0]).to.match(/^style-src/);
    win.__violations.length = 0;
  });

  it('requires Trusted Types where the engine has them (HTML sinks throw without Lit’s policy)', async () => {
    const tt = (win as unknown as { trustedTypes?: unknown }).trustedTypes;
    if (!tt) {
      // No Trusted Types in this engine: the rest of the policy still applies (checked above).
      expect(win.__violations).to.deep.equal([]);
      return;
    }
    const div = win.document.createElement('div');
    expect(() => {
      div.innerHTML = '<b>x</b>';
    }).to.throw();
    await waitUntil(() => win.__violations.some((v) => v.directive === 'require-trusted-types-for'), 'reported');
    win.__violations.length = 0;
  });
});
