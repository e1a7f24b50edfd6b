// Bad networks and bad data: every case ends in a clear state (content, or an error naming the cause
// with Retry), never a hang, a blank box or an exception on the host page; and the last good manifest
// stands in, marked stale, when the network fails.
import { html, fixture, expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { TrustCenterElement } from '../../src/elements/trust-center.js';
import { clearLastGood, lastGoodWritten, readLastGood } from '../../src/loading/last-good.js';
import { clearSharedFetches } from '../../src/loading/shared-fetch.js';
import { $, $$, nextEvent, resetHash, text, waitFor } from '../helpers.js';

/** The copy kept for a manifest URL once the element's deferred writes are done. */
async function kept(src: string) {
  await lastGoodWritten();
  return readLastGood(new URL(src, location.href).href);
}

const FAULTS = '/test/fixtures/hardening/policy-faults.json';

let crossOrigin = '';
const hostErrors: string[] = [];
const onError = (e: ErrorEvent) => hostErrors.push(`error: ${e.message}`);
const onRejection = (e: PromiseRejectionEvent) => hostErrors.push(`unhandledrejection: ${String(e.reason)}`);

async function trustCenter(src: string, { timeout = 10000, policy = '' } = {}) {
  return fixture<TrustCenterElement>(
    html`<trust-center src=${src} lang="en" policy=${policy} .timeout=${timeout}></trust-center>`,
  );
}

/** Waits for the end state: content or an error; never the loading state for good. */
async function settled(el: Element, timeout = 15000): Promise<'overview' | 'error'> {
  await waitFor(el, '[part~="overview"], [part~="error"]', timeout);
  return $(el, '[part~="error"]') ? 'error' : 'overview';
}

async function expectError(el: Element, message: RegExp, timeout = 15000) {
  expect(await settled(el, timeout), 'ends in an error').to.equal('error');
  const error = $(el, '[part~="error"]')!;
  expect(text(error)).to.match(message);
  expect(error.getAttribute('role')).to.equal('alert');
  expect($(el, '[part~="retry"]'), 'with a Retry button').to.exist;
  expect(el.getBoundingClientRect().height, 'not a blank box').to.be.greaterThan(50);
}

function key(): string {
  return `k${Math.random().toString(36).slice(2, 10)}`;
}

async function setMode(k: string, mode: string) {
  const response = await fetch(`/__tc/h/switch/${k}/set?mode=${mode}`, { cache: 'no-store' });
  expect(response.ok).to.be.true;
}

describe('bad networks and bad data', function () {
  this.timeout(30000);

  before(async () => {
    crossOrigin = ((await (await fetch('/__tc/h/config')).json()) as { crossOrigin: string }).crossOrigin;
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  after(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  });
  beforeEach(() => {
    hostErrors.length = 0;
    clearLastGood();
    clearSharedFetches();
    resetHash();
  });
  afterEach(async () => {
    fixtureCleanup();
    resetHash();
    clearLastGood();
    // Late rejections (an aborted request) would surface within a task or two.
    await new Promise((r) => setTimeout(r, 20));
    expect(hostErrors, 'no exception reached the host page').to.deep.equal([]);
  });

  describe('the manifest', () => {
    const failures: Array<[string, () => string, RegExp, number?]> = [
      ['is slow (10 s) beyond the element’s timeout', () => '/__tc/delay/10000/policies/manifest.json', /did not answer within 0\.5 seconds/, 500],
      ['returns 404', () => '/__tc/status/404', /returned 404/],
      ['returns 500', () => '/__tc/status/500', /returned 500/],
      ['is on another origin that sends no CORS headers', () => `${crossOrigin}/plain/policies/manifest.json`, /could not be reached .*CORS/],
      ['has its connection cut halfway through the body', () => '/__tc/h/cut/policies/manifest.json', /could not be reached/],
      ['stalls halfway through the body', () => '/__tc/h/stall/policies/manifest.json', /did not answer within 1 second/, 1000],
      ['is a truncated file', () => '/test/fixtures/broken/truncated.json', /is not valid JSON/],
      ['is an HTML page', () => '/__tc/h/html', /is not valid JSON/],
      ['is empty', () => '/__tc/h/empty', /is empty/],
      ['is JSON of the wrong shape', () => '/test/fixtures/broken/wrong-shape.json', /policies\[0\]\.updated: expected a date/],
      ['is a JSON array', () => '/test/fixtures/broken/array.json', /expected a JSON object/],
    ];
    for (const [name, src, message, timeout] of failures) {
      it(`says so when it ${name}`, async () => {
        const errorEvent = nextEvent<{ error: Error }>(document, 'trust-center-error');
        const el = await trustCenter(src(), { timeout: timeout ?? 10000 });
        await expectError(el, message);
        expect((await errorEvent).detail.error.message).to.match(message);
      });
    }

    it('gives up after the default 10 s when the server is really slow', async function () {
      this.timeout(25000);
      const el = await fixture<TrustCenterElement>(html`<trust-center src="/__tc/delay/12000/policies/manifest.json"></trust-center>`);
      expect(el.timeout).to.equal(10000);
      expect(await waitFor(el, '[part~="loading"]', 1000), 'a loading state meanwhile').to.exist;
      await expectError(el, /did not answer within 10 seconds/, 15000);
    });

    it('loads from another origin that allows it (CORS), policies included', async () => {
      const el = await trustCenter(`${crossOrigin}/cors/policies/manifest.json`, { policy: 'security' });
      await waitFor(el, '[part~="content"] h2');
      expect($$(el, '[part~="content"] h2')).to.have.length(8);
    });

    it('renders a gigantic (10 MB) valid manifest, and does not keep it in the host’s storage', async () => {
      const src = '/__tc/h/huge?bytes=10485760';
      const el = await trustCenter(src);
      expect(await settled(el, 20000)).to.equal('overview');
      expect(text($(el, '[part~="header"] [part~="org-name"]'))).to.equal('Huge Co');
      expect(await kept(src), 'too large to keep').to.equal(undefined);
    });

    it('renders 500 policies and opens any of them', async () => {
      const el = await trustCenter('/__tc/h/many?n=500');
      expect(await settled(el), text($(el, '[part~="error"]'))).to.equal('overview');
      expect($$(el, '[part~="policy-card"]')).to.have.length(500);
      expect($$(el, '[part~="nav-link"]').filter((a) => a.getAttribute('href')?.startsWith('#policy-'))).to.have.length(500);
      location.hash = '#policy-437';
      await waitFor(el, '[part~="content"] h1, [part~="content"] h2');
      expect(text($(el, '[part~="policy-title"]'))).to.equal('Policy 437');
      expect(text($(el, '[part~="content"]'))).to.contain('Text of policy 437.');
    });

    it('recovers on Retry', async () => {
      const k = key();
      await setMode(k, '503');
      const el = await trustCenter(`/__tc/h/switch/${k}/policies/manifest.json`);
      await expectError(el, /returned 503/);
      await setMode(k, 'ok');
      ($(el, '[part~="retry"]') as HTMLButtonElement).click();
      expect(await settled(el)).to.equal('overview');
    });
  });

  describe('a policy', () => {
    const failures: Array<[string, string, RegExp, number?]> = [
      ['is slow (10 s) beyond the timeout', 'slow', /did not answer within 0\.5 seconds/, 500],
      ['returns 404', 'missing', /returned 404/],
      ['returns 500', 'broken', /returned 500/],
      ['has its connection cut', 'cut', /could not be reached/],
      ['stalls', 'stall', /did not answer within 1 second/, 1000],
    ];
    for (const [name, id, message, timeout] of failures) {
      it(`that ${name} fails inside that policy only, with Retry`, async () => {
        const el = await trustCenter(FAULTS, { policy: id, timeout: timeout ?? 10000 });
        const error = await waitFor(el, '[part~="article"] [part~="error"]', 15000);
        expect(text(error)).to.match(message);
        expect(error.querySelector('[part~="retry"]')).to.exist;
        expect($(el, '[part~="nav"]'), 'the navigation stays').to.exist;
        expect(text($(el, '[part~="policy-title"]'))).to.not.equal('');
        location.hash = '#ok';
        await waitFor(el, '[part~="content"] p');
      });
    }
  });

  describe('the last good manifest', () => {
    async function loadGood(k: string): Promise<string> {
      await setMode(k, 'ok');
      const src = `/__tc/h/switch/${k}/policies/manifest.json`;
      const el = await trustCenter(src, { policy: 'security' });
      await waitFor(el, '[part~="content"] h2');
      expect(await kept(src), 'kept after a good load').to.exist;
      fixtureCleanup();
      clearSharedFetches();
      return src;
    }

    for (const [mode, timeout] of [['500', 10000], ['503', 10000], ['down', 10000], ['slow', 500]] as const) {
      it(`stands in, marked stale, when the server ${mode === 'down' ? 'is unreachable' : mode === 'slow' ? 'is too slow' : `answers ${mode}`}`, async () => {
        const k = key();
        const src = await loadGood(k);
        await setMode(k, mode);
        const loaded = nextEvent<{ manifest: { organization: { name: string } }; stale?: boolean; storedAt?: string; error?: Error }>(
          document,
          'trust-center-load',
        );
        const el = await trustCenter(src, { policy: 'security', timeout });
        const event = await loaded;
        expect(event.detail.stale).to.equal(true);
        expect(new Date(event.detail.storedAt!).getTime()).to.be.closeTo(Date.now(), 60_000);
        expect(event.detail.error?.message).to.match(mode === 'down' ? /could not be reached/ : mode === 'slow' ? /did not answer/ : new RegExp(`returned ${mode}`));
        // The policy text was kept too, so the page reads as it did.
        await waitFor(el, '[part~="content"] h2');
        expect($$(el, '[part~="content"] h2')).to.have.length(8);
        expect($(el, '[part~="error"]')).to.equal(null);
        // The reader is told, politely, and can try again.
        const note = $(el, '[part~="stale"]')!;
        expect(note.getAttribute('role')).to.equal('status');
        expect(note.textContent).to.match(/could not be reached, so this is the copy saved in your browser on .+\. It may be out of date\./);
        expect(note.querySelector('button[part~="retry"]')!.textContent!.trim()).to.equal('Retry');
      });
    }

    it('is replaced by the fresh one on Retry once the server is back', async () => {
      const k = key();
      const src = await loadGood(k);
      await setMode(k, '500');
      const first = nextEvent<{ stale?: boolean }>(document, 'trust-center-load');
      const el = await trustCenter(src);
      expect((await first).detail.stale).to.equal(true);
      await setMode(k, 'ok');
      const second = nextEvent<{ stale?: boolean }>(document, 'trust-center-load');
      await waitFor(el, '[part~="stale"] button');
      $(el, '[part~="stale"] button')!.click();
      expect((await second).detail.stale).to.equal(undefined);
      expect(await settled(el)).to.equal('overview');
      expect($(el, '[part~="stale"]')).to.equal(null);
    });

    it('does not stand in for an invalid manifest, which is shown as an error and never kept', async () => {
      const k = key();
      const src = await loadGood(k);
      const before = (await kept(src))!;
      for (const [mode, message] of [
        ['invalid', /policies\[0\]\.updated: expected a date YYYY-MM-DD, got "June 5"/],
        ['json', /is not valid JSON/],
        ['404', /returned 404/],
      ] as const) {
        await setMode(k, mode);
        clearSharedFetches();
        const el = await trustCenter(src);
        await expectError(el, message);
        fixtureCleanup();
      }
      expect(await kept(src), 'the good copy is unchanged').to.deep.equal(before);
    });

    it('keeps nothing from a manifest that never validated', async () => {
      const k = key();
      await setMode(k, 'invalid');
      const src = `/__tc/h/switch/${k}/policies/manifest.json`;
      const el = await trustCenter(src);
      await expectError(el, /expected a date/);
      expect(await kept(src)).to.equal(undefined);
      fixtureCleanup();
      await setMode(k, '500');
      clearSharedFetches();
      const again = await trustCenter(src);
      await expectError(again, /returned 500/);
    });

    it('works where storage is blocked or full, without a word to the host page', async () => {
      const k = key();
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function () {
        throw new DOMException('full', 'QuotaExceededError');
      };
      try {
        await setMode(k, 'ok');
        const el = await trustCenter(`/__tc/h/switch/${k}/policies/manifest.json`);
        expect(await settled(el)).to.equal('overview');
      } finally {
        Storage.prototype.setItem = setItem;
      }
      await waitUntil(() => true);
    });
  });
});
