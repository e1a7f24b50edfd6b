import { html, fixture, expect, fixtureCleanup, waitUntil, aTimeout } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ContextProvider } from '@lit/context';
// The standalone bundle's entry: it registers the element (guarded) and exports the form's parts.
import * as standalone from '../src/trust-center-disclosure.js';
import type { TrustCenterDisclosureElement } from '../src/disclosure/trust-center-disclosure.js';
import { addBusinessDays, formatDay } from '../src/disclosure/business-days.js';
import { parseCvss31 } from '../src/disclosure/cvss.js';
import { mailtoLink } from '../src/disclosure/transport.js';
import { DRAFT_KEY_PREFIX } from '../src/disclosure/draft-store.js';
import { createReference, digestOf } from '../src/disclosure/ids.js';
import { contentDigest, emptyFields } from '../src/disclosure/report.js';
import { manifestContext } from '../src/context.js';
import { parseManifest } from '../src/manifest/validate.js';
import type { LoadedManifest } from '../src/loading/manifest-loader.js';
import type { Manifest } from '../src/manifest/schema.js';
import { $, $$, nextEvent, shadow, text, waitFor } from './helpers.js';

const MANIFEST = '/test/fixtures/disclosure/manifest.json';
const ENCRYPTED = '/test/fixtures/disclosure/manifest-encrypted.json';
const NORTHWIND = '/test/fixtures/northwind/manifest.json';
const EMAIL = 'security@kestrel.example';
const FRIDAY = () => new Date(2026, 10, 27, 16, 30); // Friday 27 November 2026, 16:30 local time
const SATURDAY = () => new Date(2026, 10, 28, 9, 15);
const TUESDAY_AFTER = 'Tuesday, December 1, 2026';

// --- The receiver (packages/cli/server/receiver.mjs, mounted under /api/ by the test server) -----------------

interface StoredReport {
  reference: string;
  clientReference: string;
  idempotencyKey: string | null;
  encrypted: boolean;
  triage: { suspectedSpam: boolean; reasons: string[] };
  report: Record<string, unknown> & { antiAbuse: { honeypot: boolean; elapsedMs: number } };
}

async function storedReports(): Promise<StoredReport[]> {
  const response = await fetch('/api/__test__/reports', { cache: 'no-store' });
  if (!response.ok) {
    throw new Error(
      `The disclosure receiver is not mounted on the test server (GET /api/__test__/reports → ${response.status}); ` +
        'see packages/cli/server/receiver.mjs receiverAsKoaMiddleware and web-test-runner.config.mjs',
    );
  }
  return (await response.json()) as StoredReport[];
}

async function reportsWith(token: string): Promise<StoredReport[]> {
  return (await storedReports()).filter((r) => JSON.stringify(r.report).includes(token));
}

/** Makes the receiver fail the next report POST whose body contains `match` (other tests run alongside). */
async function failNext(status: number, match: string): Promise<void> {
  const response = await fetch(`/api/__test__/fail-next?status=${status}&count=1&match=${encodeURIComponent(match)}`, {
    method: 'POST',
  });
  expect(response.ok, 'fail-next hook').to.be.true;
}

// --- Manifests -----------------------------------------------------------------------------------

const manifests = new Map<string, Manifest>();

async function manifestAt(path: string): Promise<Manifest> {
  if (!manifests.has(path)) {
    const result = parseManifest(await (await fetch(path)).json());
    if (!result.ok) throw new Error(`${path}: ${result.issues.map((i) => i.message).join('; ')}`);
    manifests.set(path, result.manifest);
  }
  return manifests.get(path)!;
}

let manifestCounter = 0;

/** A LoadedManifest from a fixture with `disclosure` changed; each gets its own URL (so its own draft). */
async function loadedWith(
  disclosure: Record<string, unknown> | null,
  path = MANIFEST,
): Promise<LoadedManifest> {
  const base = structuredClone(await manifestAt(path)) as unknown as Record<string, unknown>;
  if (disclosure === null) delete base.disclosure;
  else base.disclosure = { ...(base.disclosure as object), ...disclosure };
  const result = parseManifest(JSON.parse(JSON.stringify(base)));
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  const url = new URL(`${path}?case=${++manifestCounter}`, location.href).href;
  return { url, manifest: result.manifest, warnings: [] };
}

interface Options {
  now?: () => Date;
  minFillTime?: number;
  sendTimeout?: number;
  storage?: Storage | null;
  /** The hosted trust center's page, where the "disclosure policy" link leads. */
  trustCenterUrl?: string;
}

async function form(loaded: LoadedManifest, options: Options = {}): Promise<TrustCenterDisclosureElement> {
  const el = await fixture<TrustCenterDisclosureElement>(html`<trust-center-disclosure
    lang="en"
    .loaded=${loaded}
    .now=${options.now ?? (() => new Date())}
    .minFillTime=${options.minFillTime ?? 0}
    .sendTimeout=${options.sendTimeout ?? 15000}
    .storage=${options.storage}
    .trustCenterUrl=${options.trustCenterUrl ?? null}
  ></trust-center-disclosure>`);
  await el.updateComplete;
  return el;
}

// --- Filling in ------------------------------------------------------------------------------------

type Values = Partial<Record<string, string | boolean>>;

function control(el: Element, name: string): HTMLInputElement {
  const found = $(el, `[name="${name}"]`);
  if (!found) throw new Error(`no field ${name}`);
  return found as HTMLInputElement;
}

async function fill(el: TrustCenterDisclosureElement, values: Values): Promise<void> {
  for (const [name, value] of Object.entries(values)) {
    await el.updateComplete;
    const input = control(el, name);
    if (typeof value === 'boolean') input.checked = value;
    else input.value = value ?? '';
    input.dispatchEvent(new Event(input.localName === 'select' ? 'change' : 'input', { bubbles: true, composed: true }));
  }
  await el.updateComplete;
}

function token(): string {
  return `tok${Math.random().toString(36).slice(2, 10)}`;
}

function valid(tag: string): Values {
  return {
    title: `Stored XSS in the comment box ${tag}`,
    description: `Comments are rendered as HTML without escaping. ${tag}`,
    steps: '1. Post a comment containing <img src=x onerror=alert(document.domain)>\n2. Open the thread.',
    impact: 'Script runs in the session of everyone who reads the thread.',
    policyRead: true,
  };
}

async function review(el: TrustCenterDisclosureElement): Promise<HTMLElement> {
  ($(el, 'form [part~="submit"]') as HTMLButtonElement).click();
  return waitFor(el, '[part~="review"]');
}

function sendButton(el: TrustCenterDisclosureElement): HTMLButtonElement {
  return $(el, '[part~="review"] [part~="submit"]') as HTMLButtonElement;
}

/** querySelector inside a node of the shadow tree (helpers' $ takes the host). */
function within(node: Element, selector: string): HTMLElement | null {
  return node.querySelector<HTMLElement>(selector);
}

function activeId(el: Element): string | undefined {
  return shadow(el).activeElement?.id;
}

function savedDraft(loaded: LoadedManifest): { fields: Record<string, unknown>; submission?: { idempotencyKey: string; reference: string } } | null {
  const raw = sessionStorage.getItem(DRAFT_KEY_PREFIX + loaded.url);
  return raw ? JSON.parse(raw) : null;
}

interface FetchCall {
  url: string;
  init: RequestInit | undefined;
}

/** Wraps window.fetch (the transport calls it at send time); `impl` decides what each call does. */
function spyFetch(impl?: (real: typeof fetch, input: RequestInfo | URL, init?: RequestInit) => Promise<Response>) {
  const real = window.fetch;
  const calls: FetchCall[] = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input instanceof Request ? input.url : input), init });
    return impl ? impl(real, input, init) : real(input, init);
  };
  return {
    calls,
    /** Report POSTs (not the receiver's test hooks). */
    posts: () => calls.filter((c) => c.init?.method === 'POST' && !c.url.includes('/__test__/')),
    restore: () => {
      window.fetch = real;
    },
  };
}

function header(call: FetchCall, name: string): string | undefined {
  return (call.init?.headers as Record<string, string> | undefined)?.[name];
}

let restoreFetch: (() => void) | undefined;

describe('<trust-center-disclosure>', () => {
  afterEach(() => {
    restoreFetch?.();
    restoreFetch = undefined;
    fixtureCleanup();
    sessionStorage.clear();
  });

  describe('pure helpers', () => {
    it('counts business days, skipping weekends', () => {
      const day = (d: Date) => formatDay(d, 'en');
      expect(day(addBusinessDays(FRIDAY(), 2))).to.equal(TUESDAY_AFTER);
      expect(day(addBusinessDays(SATURDAY(), 2))).to.equal(TUESDAY_AFTER);
      expect(day(addBusinessDays(new Date(2026, 10, 29), 1))).to.equal('Monday, November 30, 2026');
      expect(day(addBusinessDays(new Date(2026, 10, 23), 5))).to.equal('Monday, November 30, 2026');
      expect(day(addBusinessDays(FRIDAY(), 0))).to.equal('Friday, November 27, 2026');
      expect(day(addBusinessDays(new Date(2026, 11, 30), 3))).to.equal('Monday, January 4, 2027');
    });

    it('scores CVSS 3.1 base vectors per the specification', () => {
      const score = (v: string) => {
        const r = parseCvss31(`CVSS:3.1/${v}`);
        return r.ok ? r.baseScore : r.problem.code;
      };
      expect(score('AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).to.equal(9.8);
      expect(score('AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N')).to.equal(6.1);
      expect(score('AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H')).to.equal(9.9);
      expect(score('AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H')).to.equal(7.8);
      expect(score('AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N')).to.equal(1.6);
      expect(score('AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N')).to.equal(0);
      expect(score('AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:O/RC:C/CR:H/MAV:L')).to.equal(9.8);
      expect(score('AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H')).to.equal('missing');
      expect(score('AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:L')).to.equal('duplicate');
      expect(score('AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:Q')).to.equal('value');
      expect(score('AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/XX:N')).to.equal('unknown-metric');
      expect(parseCvss31('CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H').ok).to.be.false;
    });

    it('is registered by the standalone entry, once, however often it runs', () => {
      expect(customElements.get('trust-center-disclosure')).to.equal(standalone.TrustCenterDisclosureElement);
      standalone.defineDisclosure();
      expect(customElements.get('trust-center-disclosure')).to.equal(standalone.TrustCenterDisclosureElement);
    });

    it('makes references and digests the document request form shares', () => {
      const friday = FRIDAY();
      const day = `${friday.getUTCFullYear()}${String(friday.getUTCMonth() + 1).padStart(2, '0')}${String(friday.getUTCDate()).padStart(2, '0')}`;
      expect(createReference(friday)).to.match(new RegExp(`^TC-${day}-[0-9A-HJKMNP-TV-Z]{6}$`));
      expect(createReference(friday, 'DR')).to.match(new RegExp(`^DR-${day}-[0-9A-HJKMNP-TV-Z]{6}$`));
      // A report's digest is the shared digest of its fields in form order (drafts saved before stay valid).
      const fields = { ...emptyFields(), title: 'XSS' };
      expect(contentDigest(fields)).to.equal(digestOf(Object.values(fields)));
      expect(digestOf(['a'])).to.not.equal(digestOf(['b']));
    });

    it('keeps mailto links under the limit, cutting the body with a note', () => {
      const short = mailtoLink(EMAIL, 'Subject', 'Body line 1\nline 2', '[cut]');
      expect(short.truncated).to.be.false;
      expect(short.href).to.equal(`mailto:${EMAIL}?subject=Subject&body=Body%20line%201%0D%0Aline%202`);
      const long = mailtoLink(EMAIL, 'Subject', 'é'.repeat(5000), '[report truncated — see the copy]');
      expect(long.truncated).to.be.true;
      expect(long.href.length).to.be.at.most(1800);
      const body = new URL(long.href).searchParams.get('body')!;
      expect(body.endsWith('[report truncated — see the copy]')).to.be.true;
      expect(body.startsWith('éééé')).to.be.true;
    });
  });

  describe('loading', () => {
    it('loads the manifest from src and shows the form (accessible when empty)', async () => {
      const el = await fixture<TrustCenterDisclosureElement>(
        html`<trust-center-disclosure lang="en" src=${MANIFEST}></trust-center-disclosure>`,
      );
      await waitFor(el, 'form[part~="form"]');
      expect(text($(el, '[part~="heading"]'))).to.equal('Report a vulnerability');
      expect(text($(el, '[part~="intro"]')))
        .to.contain('Kestrel Labs')
        .and.contain('a description of the vulnerability, steps to reproduce, and the potential impact')
        .and.contain('within 2 business days');
      expect(text(shadow(el))).to.contain('Reporting does not require personal data');
      const options = $$(el, 'select[name="asset"] option').map((o) => text(o));
      expect(options).to.deep.equal(['Not sure', 'app.kestrel.example', 'Kestrel public API', 'Other']);
      // Alone on a page that is not the trust center, the policy is named but not linked: "#vdp" would lead nowhere.
      expect($(el, 'label[for="tc-d-policyRead"] a')).to.equal(null);
      expect(text($(el, 'label[for="tc-d-policyRead"]'))).to.contain('disclosure policy');
      await expect(el).to.be.accessible();
    });

    it('links the disclosure policy on the hosted trust center: trust-center-url, else the manifest\'s trustCenter', async () => {
      const el = await fixture<TrustCenterDisclosureElement>(
        html`<trust-center-disclosure lang="en" src=${MANIFEST} trust-center-url="/trust/#overview"></trust-center-disclosure>`,
      );
      await waitFor(el, 'form[part~="form"]');
      const link = () => $(el, 'label[for="tc-d-policyRead"] a') as HTMLAnchorElement | null;
      expect(link()!.href).to.equal(new URL('/trust/#vdp', location.href).href);
      const loaded = await loadedWith({});
      el.trustCenterUrl = null;
      el.loaded = { ...loaded, manifest: { ...loaded.manifest, trustCenter: 'https://kestrel.example/trust' } };
      await el.updateComplete;
      expect(link()!.href).to.equal('https://kestrel.example/trust#vdp');
    });

    it('says clearly when the manifest has no disclosure program', async () => {
      const el = await fixture<TrustCenterDisclosureElement>(
        html`<trust-center-disclosure lang="en" src=${NORTHWIND}></trust-center-disclosure>`,
      );
      const notice = await waitFor(el, '[part~="notice"]');
      expect(text(notice)).to.contain('no vulnerability disclosure program');
      expect($(el, 'form')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('takes the manifest from an enclosing provider (as inside <trust-center>)', async () => {
      const loaded = await loadedWith({});
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      new ContextProvider(host, { context: manifestContext, initialValue: loaded });
      const el = document.createElement('trust-center-disclosure');
      el.lang = 'en';
      host.append(el);
      await waitFor(el, 'form[part~="form"]');
      expect(text($(el, '[part~="intro"]'))).to.contain('Kestrel Labs');
      expect(el.shadowRoot!.querySelector('.frame'), 'the enclosing trust center provides the frame').to.equal(null);
      await el.focusHeading();
      expect(activeId(el)).to.equal('tc-d-heading');
    });
  });

  describe('validation', () => {
    it('lists every problem in a focused summary, marks each field, and the links focus the fields', async () => {
      const el = await form(await loadedWith({}));
      await review(el).catch(() => undefined);
      const summary = await waitFor(el, '[part~="error-summary"]');
      expect(activeId(el)).to.equal('tc-d-error-summary');
      const links = $$(el, '[part~="error-summary"] a');
      expect(links.map(text)).to.deep.equal([
        'Enter a title for the report',
        'Enter a description of the vulnerability',
        'Enter the steps to reproduce it',
        'Enter the potential impact',
        'Confirm that you have read the disclosure policy',
      ]);
      expect(text(summary)).to.contain('There are 5 problems');
      for (const name of ['title', 'description', 'steps', 'impact', 'policyRead']) {
        const input = control(el, name);
        expect(input.getAttribute('aria-invalid'), name).to.equal('true');
        const error = $(el, `#tc-d-${name}-error`);
        expect(error, `${name} error`).to.exist;
        expect(input.getAttribute('aria-describedby')).to.contain(`tc-d-${name}-error`);
      }
      expect($(el, 'form [part~="submit"]')).to.exist;
      expect($(el, '[part~="review"]')).to.equal(null);
      await expect(el).to.be.accessible();

      links[2]!.click();
      expect(activeId(el)).to.equal('tc-d-steps');
      expect(location.hash).to.not.equal('#tc-d-steps');

      // A fixed field loses its error as the reporter types; the others stay.
      await fill(el, { title: 'Now with a title' });
      expect(control(el, 'title').getAttribute('aria-invalid')).to.equal('false');
      expect($$(el, '[part~="error-summary"] a')).to.have.length(4);
    });

    it('limits the title to 250 characters', async () => {
      const el = await form(await loadedWith({}));
      await fill(el, { ...valid('t'), title: 'x'.repeat(251) });
      ($(el, 'form [part~="submit"]') as HTMLButtonElement).click();
      const error = await waitFor(el, '#tc-d-title-error');
      expect(text(error)).to.contain('250 characters or fewer').and.contain('251');
      await fill(el, { title: 'x'.repeat(250) });
      await review(el);
    });

    it('rejects an affected URL that is not a URL', async () => {
      const el = await form(await loadedWith({}));
      await fill(el, { ...valid('u'), url: 'kestrel.example/login' });
      ($(el, 'form [part~="submit"]') as HTMLButtonElement).click();
      expect(text(await waitFor(el, '#tc-d-url-error'))).to.contain('full address');
      expect(text($(el, '[part~="error-summary"]'))).to.contain('There is a problem');
      await fill(el, { url: 'https://app.kestrel.example/login?next=%2F' });
      await review(el);
    });

    it('checks a CVSS 3.1 vector and shows its base score', async () => {
      const el = await form(await loadedWith({}));
      await fill(el, { ...valid('c'), severity: 'cvss' });
      await fill(el, { cvss: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H' });
      expect($(el, '[part~="cvss-score"]')).to.equal(null);
      ($(el, 'form [part~="submit"]') as HTMLButtonElement).click();
      expect(text(await waitFor(el, '#tc-d-cvss-error'))).to.contain('missing the base metric A');
      await fill(el, { cvss: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:Z' });
      ($(el, 'form [part~="submit"]') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(text($(el, '#tc-d-cvss-error'))).to.contain('E:Z is not valid');
      await expect(el).to.be.accessible();
      await fill(el, { cvss: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' });
      expect(text($(el, '[part~="cvss-score"]'))).to.equal('Base score 9.8 (Critical)');
      expect(control(el, 'cvss').getAttribute('aria-describedby')).to.contain('tc-d-cvss-score');
      const summary = await review(el);
      expect(text(summary)).to.contain('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H').and.contain('9.8');
    });

    it('requires an e-mail address only when the manifest says so', async () => {
      const optional = await form(await loadedWith({}));
      expect(control(optional, 'email').required).to.be.false;
      await fill(optional, { ...valid('e'), email: 'not-an-address' });
      ($(optional, 'form [part~="submit"]') as HTMLButtonElement).click();
      expect(text(await waitFor(optional, '#tc-d-email-error'))).to.contain('like name@example.com');
      fixtureCleanup();

      const el = await form(await loadedWith({ requireEmail: true }));
      expect(control(el, 'email').required).to.be.true;
      expect(text($(el, '#tc-d-email-hint'))).to.contain('We need it to reply');
      await fill(el, valid('r'));
      ($(el, 'form [part~="submit"]') as HTMLButtonElement).click();
      expect(text(await waitFor(el, '#tc-d-email-error'))).to.contain('Enter an e-mail address');
      await fill(el, { email: 'researcher@example.org' });
      await review(el);
    });
  });

  describe('keyboard', () => {
    it('fills in, reviews and sends a report with the keyboard alone', async function () {
      this.timeout(20000);
      const tag = token();
      const el = await form(await loadedWith({}), { now: FRIDAY, trustCenterUrl: '/trust/' });
      const before = document.createElement('button');
      before.textContent = 'before';
      el.before(before);
      before.focus();
      const tab = async (expected: string) => {
        await sendKeys({ press: 'Tab' });
        expect(activeId(el), `Tab to ${expected}`).to.equal(expected);
      };
      await tab('tc-d-title');
      await sendKeys({ type: `Keyboard report ${tag}` });
      await tab('tc-d-asset');
      await tab('tc-d-url');
      await tab('tc-d-description');
      await sendKeys({ type: 'Open redirect on the login page.' });
      await tab('tc-d-steps');
      await sendKeys({ type: 'Visit /login?next=//evil.example' });
      await tab('tc-d-impact');
      await sendKeys({ type: 'Phishing with our domain.' });
      await tab('tc-d-severity');
      await tab('tc-d-name');
      await tab('tc-d-email');
      await tab('tc-d-policyRead');
      await sendKeys({ press: ' ' }); // Space
      expect(control(el, 'policyRead').checked).to.be.true;
      await sendKeys({ press: 'Tab' }); // the policy link in the label
      await sendKeys({ press: 'Tab' });
      expect(text(shadow(el).activeElement as HTMLElement)).to.equal('Review report');
      await sendKeys({ press: 'Enter' });
      await waitFor(el, '[part~="review"]');
      expect(activeId(el)).to.equal('tc-d-review-title');
      await sendKeys({ press: 'Tab' });
      expect(text(shadow(el).activeElement as HTMLElement)).to.equal('Edit');
      await sendKeys({ press: 'Tab' });
      expect(text(shadow(el).activeElement as HTMLElement)).to.equal('Send report');
      await sendKeys({ press: 'Enter' });
      await waitFor(el, '[part~="receipt"]', 10000);
      expect(activeId(el)).to.equal('tc-d-receipt-title');
      const stored = await reportsWith(tag);
      expect(stored).to.have.length(1);
      expect(stored[0]!.report.title).to.equal(`Keyboard report ${tag}`);
    });

    it('reaches the fields from the error summary with the keyboard', async () => {
      const el = await form(await loadedWith({}));
      control(el, 'title').focus();
      await sendKeys({ press: 'Enter' });
      await waitFor(el, '[part~="error-summary"]');
      expect(activeId(el)).to.equal('tc-d-error-summary');
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' });
      expect(activeId(el)).to.equal('tc-d-title');
    });
  });

  describe('review, send and receipt', () => {
    it('reviews read-only, sends, and answers with the reference, the time and the acknowledgement date', async function () {
      this.timeout(15000);
      const tag = token();
      const loaded = await loadedWith({});
      const el = await form(loaded, { now: FRIDAY });
      await fill(el, {
        ...valid(tag),
        asset: 'api',
        url: 'https://api.kestrel.example/v1/comments',
        severity: 'high',
        name: 'Ada',
        email: 'ada@example.org',
      });
      const reviewed = await review(el);
      expect(activeId(el)).to.equal('tc-d-review-title');
      expect(within(reviewed, 'input, textarea, select')).to.equal(null);
      expect(text(reviewed))
        .to.contain(`Stored XSS in the comment box ${tag}`)
        .and.contain('Kestrel public API')
        .and.contain('https://api.kestrel.example/v1/comments')
        .and.contain('High')
        .and.contain('ada@example.org')
        .and.contain('Nothing has been sent yet');
      const browserReference = text($(el, '[part~="review"] dd.reference'));
      expect(browserReference).to.match(/^TC-20261127-[0-9A-HJKMNP-TV-Z]{6}$/);
      expect(savedDraft(loaded)?.submission?.reference).to.equal(browserReference);
      await expect(el).to.be.accessible();

      const submitted = nextEvent<{ reference: string }>(document, 'trust-center-submit');
      sendButton(el).click();
      const receipt = await waitFor(el, '[part~="receipt"]', 10000);
      const event = await submitted;
      const reference = text($(el, '[part~="reference"]'));
      expect(reference, 'the receiver made its own reference').to.match(/^VR-\d{8}-/);
      expect(event.detail.reference).to.equal(reference);
      expect(event.bubbles && event.composed).to.be.true;
      expect(text(receipt))
        .to.contain('Report received')
        .and.contain('November 27, 2026')
        .and.contain(`We will acknowledge it by ${TUESDAY_AFTER}`);
      expect(within(receipt, 'time[datetime="2026-12-01"]')).to.exist;
      expect(text($(el, '[part~="status"]'))).to.equal('Report received.');
      expect(savedDraft(loaded), 'draft cleared after the receiver confirmed').to.equal(null);
      // The receipt replaces the review and its Send button, and the form and its Review button.
      expect($(el, '[part~="submit"]'), 'no submit button left to press again').to.equal(null);
      expect($(el, 'form, [part~="review"]')).to.equal(null);

      const download = $(el, '[part~="download"]') as HTMLAnchorElement;
      expect(download.getAttribute('download')).to.equal(`${reference}.txt`);
      expect(download.href).to.match(/^blob:/);
      const copy = await (await fetch(download.href)).text();
      expect(copy).to.contain(reference).and.contain(`Stored XSS in the comment box ${tag}`).and.contain(TUESDAY_AFTER);
      await expect(el).to.be.accessible();

      const stored = await reportsWith(tag);
      expect(stored).to.have.length(1);
      const body = stored[0]!.report;
      expect(stored[0]!.reference).to.equal(reference);
      expect(stored[0]!.clientReference).to.equal(browserReference);
      expect(body).to.include({
        reference: browserReference,
        title: `Stored XSS in the comment box ${tag}`,
        asset: 'api',
        url: 'https://api.kestrel.example/v1/comments',
        severity: 'high',
        name: 'Ada',
        email: 'ada@example.org',
        locale: 'en',
      });
      expect(body.policy).to.deep.equal({ id: 'vdp', updated: '2026-02-10' });
      expect(body.submittedAt).to.equal(FRIDAY().toISOString());

      ($(el, '[part~="new-report"]') as HTMLButtonElement).click();
      await waitFor(el, 'form');
      expect(control(el, 'title').value).to.equal('');
    });

    it('lets the reporter edit after review, keeping what was typed', async () => {
      const el = await form(await loadedWith({}));
      await fill(el, valid('edit'));
      await review(el);
      ($(el, '[part~="review"] [part~="edit"]') as HTMLButtonElement).click();
      await waitFor(el, 'form');
      expect(control(el, 'title').value).to.equal('Stored XSS in the comment box edit');
      expect(control(el, 'policyRead').checked).to.be.true;
      expect(activeId(el)).to.equal('tc-d-heading');
    });

    it('is accessible while sending, and uses the reference the endpoint returns (or keeps its own)', async () => {
      let release: (r: Response) => void = () => undefined;
      const spy = spyFetch(() => new Promise<Response>((resolve) => (release = resolve)));
      restoreFetch = spy.restore;
      const el = await form(await loadedWith({}));
      await fill(el, valid('sending'));
      await review(el);
      sendButton(el).click();
      await waitUntil(() => text($(el, '[part~="status"]')) === 'Sending your report…', 'sending status');
      expect(sendButton(el).getAttribute('aria-disabled')).to.equal('true');
      sendButton(el).click(); // ignored while sending
      await aTimeout(20);
      expect(spy.posts()).to.have.length(1);
      await expect(el).to.be.accessible();
      release(new Response(JSON.stringify({ reference: 'ACME-42' }), { status: 201, headers: { 'Content-Type': 'application/json' } }));
      await waitFor(el, '[part~="receipt"]');
      expect(text($(el, '[part~="reference"]'))).to.equal('ACME-42');

      fixtureCleanup();
      const own = await form(await loadedWith({}));
      await fill(own, valid('own'));
      await review(own);
      const reference = text($(own, '[part~="review"] dd.reference'));
      sendButton(own).click();
      await waitUntil(() => spy.posts().length === 2, 'second POST');
      release(new Response(null, { status: 204 }));
      await waitFor(own, '[part~="receipt"]');
      expect(text($(own, '[part~="reference"]'))).to.equal(reference);
    });

    it('counts the acknowledgement date across a weekend from Saturday (e-mail route)', async () => {
      const loaded = await loadedWith({ endpoint: undefined, acknowledgeBusinessDays: 2 });
      const el = await form(loaded, { now: SATURDAY });
      await fill(el, valid('sat'));
      await review(el);
      expect(text(sendButton(el))).to.equal('Prepare e-mail');
      sendButton(el).click();
      await waitFor(el, '[part~="email-route"]');
      expect(savedDraft(loaded), 'an e-mail is not a confirmation: the draft stays').to.not.equal(null);
      ($(el, '[part~="confirm"]') as HTMLButtonElement).click();
      const receipt = await waitFor(el, '[part~="receipt"]');
      expect(text(receipt)).to.contain(`We will acknowledge it by ${TUESDAY_AFTER}`).and.contain('November 28, 2026');
      expect(savedDraft(loaded)).to.equal(null);
    });
  });

  describe('nothing is lost', () => {
    it('saves the draft as the reporter types and restores it after a reload', async () => {
      const loaded = await loadedWith({});
      const el = await form(loaded);
      await fill(el, { title: 'Half-written report', description: 'IDOR on /invoices/{id}', asset: 'app', severity: 'cvss' });
      await fill(el, { cvss: 'CVSS:3.1/AV:N' });
      expect(savedDraft(loaded), 'debounced, not yet').to.equal(null);
      await waitUntil(() => savedDraft(loaded) !== null, 'saved after ~300 ms', { timeout: 2000 });
      el.remove();
      fixtureCleanup();

      const again = await form(loaded);
      expect(control(again, 'title').value).to.equal('Half-written report');
      expect(control(again, 'description').value).to.equal('IDOR on /invoices/{id}');
      expect((control(again, 'asset') as unknown as HTMLSelectElement).value).to.equal('app');
      expect((control(again, 'severity') as unknown as HTMLSelectElement).value).to.equal('cvss');
      expect(control(again, 'cvss').value).to.equal('CVSS:3.1/AV:N');
      expect(text($(again, '[part~="notice"]'))).to.contain('restored');
      expect(text($(again, '[part~="status"]'))).to.contain('restored');
      await expect(again).to.be.accessible();
    });

    it('saves at once on pagehide', async () => {
      const loaded = await loadedWith({});
      const el = await form(loaded);
      await fill(el, { title: 'Leaving now' });
      window.dispatchEvent(new Event('pagehide'));
      expect(savedDraft(loaded)?.fields.title).to.equal('Leaving now');
    });

    it('works without storage (blocked or full) and says the draft cannot be kept', async () => {
      const broken = {
        getItem: () => {
          throw new DOMException('blocked', 'SecurityError');
        },
        setItem: () => {
          throw new DOMException('full', 'QuotaExceededError');
        },
        removeItem: () => {
          throw new DOMException('blocked', 'SecurityError');
        },
      } as unknown as Storage;
      const el = await form(await loadedWith({}), { storage: broken });
      await fill(el, valid('nostore'));
      window.dispatchEvent(new Event('pagehide'));
      await el.updateComplete;
      expect(text($(el, '[part~="notice"]'))).to.contain('does not let the form keep a draft');
      await review(el);
      const none = await form(await loadedWith({}), { storage: null });
      expect(text($(none, '[part~="notice"]'))).to.contain('does not let the form keep a draft');
    });

    it('after a 500, keeps everything and a Retry files exactly one report with the same Idempotency-Key', async function () {
      this.timeout(15000);
      const tag = token();
      const spy = spyFetch();
      restoreFetch = spy.restore;
      const loaded = await loadedWith({});
      const el = await form(loaded);
      await fill(el, valid(tag));
      await review(el);
      await failNext(500, tag);
      sendButton(el).click();
      const failure = await waitFor(el, '[part~="failure"]', 10000);
      expect(activeId(el)).to.equal('tc-d-failure-title');
      expect(text(failure)).to.contain('Your report was not sent').and.contain('answered 500').and.contain('Nothing is lost');
      expect(text($(el, '[part~="status"]'))).to.equal('Your report was not sent');
      const mail = within(failure, '[part~="email-link"]') as HTMLAnchorElement;
      expect(mail.getAttribute('href')).to.match(/^mailto:security@kestrel\.example\?subject=/);
      expect(within(failure, '[part~="download"]')).to.exist;
      expect(savedDraft(loaded)?.fields.title).to.contain(tag);
      await expect(el).to.be.accessible();

      (within(failure, '[part~="retry"]') as HTMLButtonElement).click();
      await waitFor(el, '[part~="receipt"]', 10000);
      const posts = spy.posts();
      expect(posts).to.have.length(2);
      const key = header(posts[0]!, 'Idempotency-Key');
      expect(key).to.match(/^[0-9a-f-]{36}$/);
      expect(header(posts[1]!, 'Idempotency-Key')).to.equal(key);
      expect(header(posts[0]!, 'Content-Type')).to.equal('application/json');
      const stored = await reportsWith(tag);
      expect(stored).to.have.length(1);
      expect(stored[0]!.idempotencyKey).to.equal(key);
    });

    it('never files twice when the answer is lost after the receiver stored the report', async function () {
      this.timeout(15000);
      const tag = token();
      let first = true;
      const spy = spyFetch(async (real, input, init) => {
        const response = await real(input, init);
        if (init?.method === 'POST' && first) {
          first = false;
          throw new TypeError('Failed to fetch');
        }
        return response;
      });
      restoreFetch = spy.restore;
      const el = await form(await loadedWith({}));
      await fill(el, valid(tag));
      await review(el);
      sendButton(el).click();
      const failure = await waitFor(el, '[part~="failure"]', 10000);
      expect(text(failure)).to.contain('could not be reached');
      (within(failure, '[part~="retry"]') as HTMLButtonElement).click();
      await waitFor(el, '[part~="receipt"]', 10000);
      const stored = await reportsWith(tag);
      expect(stored).to.have.length(1);
      expect(text($(el, '[part~="reference"]'))).to.equal(stored[0]!.reference);
    });

    it('offline: keeps the draft and offers Retry and the e-mail route', async () => {
      const loaded = await loadedWith({ endpoint: 'http://127.0.0.1:9/api/reports' });
      const el = await form(loaded);
      await fill(el, valid('offline'));
      await review(el);
      sendButton(el).click();
      const failure = await waitFor(el, '[part~="failure"]', 10000);
      expect(text(failure)).to.match(/could not be reached|offline/);
      expect(within(failure, '[part~="retry"]')).to.exist;
      const mail = within(failure, '[part~="email-link"]') as HTMLAnchorElement;
      expect(text(mail)).to.equal(`E-mail it to ${EMAIL}`);
      expect(new URL(mail.href).searchParams.get('body')).to.contain('Stored XSS in the comment box offline');
      expect(savedDraft(loaded)?.submission?.idempotencyKey).to.be.a('string');

      // A reload in this state still has it all, with the same key for the next try.
      const key = savedDraft(loaded)!.submission!.idempotencyKey;
      fixtureCleanup();
      const again = await form(loaded);
      expect(control(again, 'title').value).to.equal('Stored XSS in the comment box offline');
      await review(again);
      expect(savedDraft(loaded)!.submission!.idempotencyKey).to.equal(key);
    });

    it('says so when the network call is rejected (fetch TypeError)', async () => {
      const spy = spyFetch(() => Promise.reject(new TypeError('NetworkError when attempting to fetch resource.')));
      restoreFetch = spy.restore;
      const el = await form(await loadedWith({}));
      await fill(el, valid('typeerror'));
      await review(el);
      sendButton(el).click();
      const failure = await waitFor(el, '[part~="failure"]');
      expect(text(failure)).to.match(/could not be reached|offline/);
    });

    it('says when the endpoint timed out, or refused with a status', async () => {
      const slow = await loadedWith({ endpoint: '/__tc/delay/3000/test/fixtures/disclosure/manifest.json' });
      const el = await form(slow, { sendTimeout: 300 });
      await fill(el, valid('slow'));
      await review(el);
      sendButton(el).click();
      expect(text(await waitFor(el, '[part~="failure"]', 5000))).to.contain('did not answer within 0.3 seconds');
      fixtureCleanup();

      const refused = await form(await loadedWith({ endpoint: '/__tc/status/422' }));
      await fill(refused, valid('422'));
      await review(refused);
      sendButton(refused).click();
      expect(text(await waitFor(refused, '[part~="failure"]'))).to.contain('answered 422').and.contain('status 422');
    });
  });

  describe('e-mail route', () => {
    it('without an endpoint, prepares a mailto link with the subject and the report', async () => {
      const loaded = await loadedWith({ endpoint: undefined });
      const el = await form(loaded);
      await fill(el, { ...valid('mail'), url: 'https://app.kestrel.example/thread/7' });
      await review(el);
      expect(text($(el, '[part~="review"]'))).to.contain(`prepare an e-mail to ${EMAIL}`);
      const reference = text($(el, '[part~="review"] dd.reference'));
      sendButton(el).click();
      const route = await waitFor(el, '[part~="email-route"]');
      expect(activeId(el)).to.equal('tc-d-email-title');
      const link = within(route, '[part~="email-link"]') as HTMLAnchorElement;
      const href = link.getAttribute('href')!;
      expect(href.startsWith(`mailto:${EMAIL}?`)).to.be.true;
      expect(href.length).to.be.at.most(1800);
      const params = new URL(href).searchParams;
      expect(params.get('subject')).to.equal(`Vulnerability report ${reference}: Stored XSS in the comment box mail`);
      const body = params.get('body')!;
      expect(body).to.contain(reference).and.contain('Comments are rendered as HTML without escaping');
      expect(body).to.contain('https://app.kestrel.example/thread/7').and.contain('Steps to reproduce');
      expect(within(route, '[part~="download"]')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('cuts a huge report to fit and says where', async () => {
      const el = await form(await loadedWith({ endpoint: undefined }));
      await fill(el, { ...valid('huge'), description: 'Long stack trace line\n'.repeat(800) });
      await review(el);
      sendButton(el).click();
      const route = await waitFor(el, '[part~="email-route"]');
      const href = (within(route, '[part~="email-link"]') as HTMLAnchorElement).getAttribute('href')!;
      expect(href.length).to.be.at.most(1800);
      const body = new URL(href).searchParams.get('body')!;
      expect(body).to.contain('Long stack trace line');
      expect(body.trimEnd().endsWith(']')).to.be.true;
      expect(body).to.contain('[report truncated —');
      expect(text(route)).to.contain('too long for an e-mail link');
    });
  });

  describe('spam protection', () => {
    it('hides the honeypot from people and assistive technology, with no inline styles', async () => {
      const el = await form(await loadedWith({}));
      const trap = control(el, 'homepage');
      expect(trap.tabIndex).to.equal(-1);
      expect(trap.closest('[aria-hidden="true"]')).to.exist;
      const box = trap.getBoundingClientRect();
      expect(box.right <= 0 || box.bottom <= 0 || box.width <= 1).to.be.true;
      expect($$(el, '[style]')).to.have.length(0);
    });

    it('reports the honeypot and the time taken as antiAbuse, holding a too-quick send back', async function () {
      this.timeout(15000);
      const tag = token();
      const el = await form(await loadedWith({}), { minFillTime: 800 });
      const shown = performance.now();
      await fill(el, { ...valid(tag), homepage: 'http://spam.example' });
      await review(el);
      sendButton(el).click();
      await waitFor(el, '[part~="receipt"]', 10000);
      expect(performance.now() - shown).to.be.at.least(790);
      const [stored] = await reportsWith(tag);
      expect(stored!.report.antiAbuse.honeypot).to.be.true;
      expect(stored!.report.antiAbuse.elapsedMs).to.be.at.least(790);
      expect(stored!.triage.suspectedSpam).to.be.true;

      fixtureCleanup();
      const human = token();
      const clean = await form(await loadedWith({}));
      await fill(clean, valid(human));
      await review(clean);
      sendButton(clean).click();
      await waitFor(clean, '[part~="receipt"]', 10000);
      const [ok] = await reportsWith(human);
      expect(ok!.report.antiAbuse.honeypot).to.be.false;
      expect(ok!.report.antiAbuse.elapsedMs).to.be.a('number');
    });
  });

  describe('encryption', () => {
    const openpgpLoaded = () =>
      performance.getEntriesByType('resource').some((entry) => /openpgp/i.test(entry.name));

    it('does not fetch OpenPGP.js until a report is sent', async function () {
      this.timeout(20000);
      performance.clearResourceTimings();
      const el = await fixture<TrustCenterDisclosureElement>(
        html`<trust-center-disclosure lang="en" src=${ENCRYPTED} .minFillTime=${0}></trust-center-disclosure>`,
      );
      await waitFor(el, 'form');
      await fill(el, valid(token()));
      await review(el);
      expect(openpgpLoaded(), 'not before sending').to.be.false;
      sendButton(el).click();
      await waitFor(el, '[part~="receipt"]', 15000);
      expect(openpgpLoaded(), 'loaded for sending').to.be.true;
    });

    it('encrypts in the browser: the receiver gets only an OpenPGP message, which the key decrypts', async function () {
      this.timeout(20000);
      const tag = token();
      const spy = spyFetch();
      restoreFetch = spy.restore;
      const el = await fixture<TrustCenterDisclosureElement>(
        html`<trust-center-disclosure lang="en" src=${ENCRYPTED} .minFillTime=${0}></trust-center-disclosure>`,
      );
      await waitFor(el, 'form');
      await fill(el, { ...valid(tag), email: 'ada@example.org' });
      const reviewed = await review(el);
      const { fingerprint } = (await (await fetch('/test/fixtures/disclosure/test-key.json')).json()) as { fingerprint: string };
      expect(text(reviewed)).to.contain('encrypted in your browser').and.contain(fingerprint.slice(0, 4));
      const reference = text($(el, '[part~="review"] dd.reference'));
      sendButton(el).click();
      await waitFor(el, '[part~="receipt"]', 15000);

      const post = spy.posts()[0]!;
      expect(String(post.init?.body)).to.not.contain(tag);
      const body = JSON.parse(String(post.init?.body)) as Record<string, unknown>;
      expect(Object.keys(body).sort()).to.deep.equal(['antiAbuse', 'encrypted', 'policy', 'reference', 'submittedAt']);

      const stored = (await storedReports()).filter((r) => r.clientReference === reference);
      expect(stored).to.have.length(1);
      expect(stored[0]!.encrypted).to.be.true;
      expect(JSON.stringify(stored[0])).to.not.contain(tag);
      const armored = stored[0]!.report.encrypted as string;
      expect(armored.startsWith('-----BEGIN PGP MESSAGE-----')).to.be.true;

      const openpgp = await import('openpgp/lightweight');
      const armoredKey = await (await fetch('/test/fixtures/disclosure/test-private-key.TEST-ONLY.asc')).text();
      const decryptionKeys = await openpgp.readPrivateKey({ armoredKey });
      const { data } = await openpgp.decrypt({ message: await openpgp.readMessage({ armoredMessage: armored }), decryptionKeys });
      const report = JSON.parse(data as string) as Record<string, unknown>;
      expect(report).to.include({ reference, title: `Stored XSS in the comment box ${tag}`, email: 'ada@example.org' });
      expect(report.description).to.contain(tag);
    });

    it('re-sends the same ciphertext on Retry, so the receiver files it once', async function () {
      this.timeout(20000);
      const spy = spyFetch();
      restoreFetch = spy.restore;
      const el = await fixture<TrustCenterDisclosureElement>(
        html`<trust-center-disclosure lang="en" src=${ENCRYPTED} .minFillTime=${0}></trust-center-disclosure>`,
      );
      await waitFor(el, 'form');
      await fill(el, valid(token()));
      await review(el);
      const reference = text($(el, '[part~="review"] dd.reference'));
      await failNext(503, reference);
      sendButton(el).click();
      const failure = await waitFor(el, '[part~="failure"]', 15000);
      expect(text(failure)).to.contain('answered 503');
      // The fallback e-mail never carries plaintext when the manifest asks for encryption.
      const mail = (within(failure, '[part~="email-link"]') as HTMLAnchorElement).getAttribute('href')!;
      expect(mail).to.not.contain('Stored%20XSS');
      (within(failure, '[part~="retry"]') as HTMLButtonElement).click();
      await waitFor(el, '[part~="receipt"]', 15000);
      const [a, b] = spy.posts();
      expect(JSON.parse(String(a!.init?.body)).encrypted).to.equal(JSON.parse(String(b!.init?.body)).encrypted);
      expect((await storedReports()).filter((r) => r.clientReference === reference)).to.have.length(1);
    });

    it('refuses to send when the key does not match the pinned fingerprint, and says why', async function () {
      this.timeout(20000);
      const tag = token();
      const spy = spyFetch();
      restoreFetch = spy.restore;
      const loaded = await loadedWith(
        { encryption: { key: 'test-public-key.asc', fingerprint: 'AAAA'.repeat(10) } },
        ENCRYPTED,
      );
      const el = await form(loaded);
      await fill(el, valid(tag));
      await review(el);
      sendButton(el).click();
      const failure = await waitFor(el, '[part~="failure"]', 15000);
      expect(text(failure))
        .to.contain('fingerprint')
        .and.contain('AAAA AAAA')
        .and.contain('98A1 517F')
        .and.contain('was not sent');
      expect(spy.posts(), 'nothing was posted').to.have.length(0);
      const mail = (within(failure, '[part~="email-link"]') as HTMLAnchorElement).getAttribute('href')!;
      expect(mail).to.equal(`mailto:${EMAIL}`);
      expect(await reportsWith(tag)).to.have.length(0);
      expect(savedDraft(loaded)?.fields.title).to.contain(tag);
      await expect(el).to.be.accessible();
    });

    it('without an endpoint, e-mails the armoured message (or offers it as a file), never plaintext', async function () {
      this.timeout(20000);
      const tag = token();
      const el = await form(await loadedWith({ endpoint: undefined }, ENCRYPTED));
      await fill(el, valid(tag));
      await review(el);
      sendButton(el).click();
      const route = await waitFor(el, '[part~="email-route"]', 15000);
      const href = (within(route, '[part~="email-link"]') as HTMLAnchorElement).getAttribute('href')!;
      expect(href).to.not.contain(tag);
      expect(new URL(href).searchParams.get('subject')).to.match(/^Encrypted vulnerability report TC-/);
      const body = new URL(href).searchParams.get('body');
      if (body) expect(body).to.contain('-----BEGIN PGP MESSAGE-----');
      else {
        const file = within(route, '[part~="download"]') as HTMLAnchorElement;
        expect(file.getAttribute('download')).to.match(/\.asc$/);
        expect(await (await fetch(file.href)).text()).to.contain('-----BEGIN PGP MESSAGE-----');
        expect(text(route)).to.contain('too long for an e-mail link');
      }
    });
  });
});
