import { html, fixture, expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import '../src/views/documents.js';
import { viewLoaders } from '../src/controllers/lazy-view-controller.js';
import type { TrustCenterElement } from '../src/elements/trust-center.js';
import type { TrustCenterDocumentsElement } from '../src/views/documents.js';
import { REQUEST_DRAFT_PREFIX } from '../src/views/document-request.js';
import { diffTokens, diffWords, tokenize, type WordDiff } from '../src/views/diff.js';
import { parseManifest } from '../src/manifest/validate.js';
import type { LoadedManifest } from '../src/loading/manifest-loader.js';
import { $, $$, hashChanged, nextEvent, resetHash, shadow, text, waitFor } from './helpers.js';

const FENNEL = '/test/fixtures/views/manifest.json';
const NORTHWIND = '/test/fixtures/northwind/manifest.json';

async function trustCenter(src = FENNEL, width?: number): Promise<TrustCenterElement> {
  const el = await fixture<TrustCenterElement>(html`<trust-center src=${src} lang="en"></trust-center>`);
  if (width) el.style.width = `${width}px`;
  return el;
}

/** Sets the hash and waits for the trust center to hear it. */
async function go(hash: string): Promise<void> {
  if (location.hash === hash) return;
  const changed = hashChanged();
  location.hash = hash;
  await changed;
}

/** The lazily loaded view element inside <trust-center>, once its chunk has loaded and it has rendered. */
async function view(el: Element, tag: string, ready = '.view-title'): Promise<HTMLElement> {
  const inner = (await waitFor(el, tag, 8000)) as HTMLElement & { updateComplete?: Promise<unknown> };
  await waitUntil(() => inner.shadowRoot?.querySelector(ready), `${tag} never rendered ${ready}`, { timeout: 8000 });
  await inner.updateComplete;
  return inner;
}

function activeIn(root: Element): HTMLElement | null {
  return (root.shadowRoot?.activeElement as HTMLElement | null) ?? null;
}

function token(): string {
  return `tok${Math.random().toString(36).slice(2, 10)}`;
}

/** The segments of a diff as "[-removed-]{+added+}" text, to read at a glance. */
function marked(diff: WordDiff | undefined): string {
  if (!diff) return '(too large)';
  return diff.segments.map((s) => (s.op === 'equal' ? s.text : s.op === 'insert' ? `{+${s.text}+}` : `[-${s.text}-]`)).join('');
}

describe('the disclosure form as a lazy chunk', () => {
  afterEach(() => {
    fixtureCleanup();
    resetHash();
  });

  // First in the file: nothing has loaded the disclosure chunk on this page yet.
  it('is not registered by the main bundle, and registers when #disclosure first needs it', async () => {
    expect(customElements.get('trust-center-disclosure'), 'not registered eagerly').to.equal(undefined);
    const el = await trustCenter();
    await waitFor(el, '[part~="overview"]');
    await go('#disclosure');
    const form = await view(el, 'trust-center-disclosure', 'form');
    expect(customElements.get('trust-center-disclosure')).to.be.a('function');
    expect(form.shadowRoot!.querySelector('form')).to.exist;
  });
});

describe('diffWords', () => {
  it('marks the words added and removed, and counts them', () => {
    const diff = diffWords(
      'We commit to providing regular status updates and working with you.',
      'We commit to acknowledging your report within two business days, providing regular status updates, and working with you.',
    );
    expect(marked(diff)).to.equal(
      'We commit to {+acknowledging your report within two business days, +}providing regular status updates{+,+} and working with you.',
    );
    expect(diff).to.include({ added: 7, removed: 0 });
  });

  it('reads a replacement across spaces as one deletion and one insertion', () => {
    expect(marked(diffWords('within two business days', 'within three working days'))).to.equal(
      'within [-two business-]{+three working+} days',
    );
    const diff = diffWords('the cat sat on the mat', 'the dog sat on a mat');
    expect(marked(diff)).to.equal('the [-cat-]{+dog+} sat on [-the-]{+a+} mat');
    expect(diff).to.include({ added: 2, removed: 2 });
  });

  it('says nothing changed for equal texts, and handles empty ones', () => {
    expect(diffWords('Same words.', 'Same words.')).to.deep.equal({ segments: [{ op: 'equal', text: 'Same words.' }], added: 0, removed: 0 });
    expect(marked(diffWords('', 'New text'))).to.equal('{+New text+}');
    expect(marked(diffWords('Old text', ''))).to.equal('[-Old text-]');
    expect(diffWords('', '')).to.deep.equal({ segments: [], added: 0, removed: 0 });
  });

  it('splits words, spaces and punctuation; keeps inner apostrophes and non-Latin letters', () => {
    expect(tokenize("We don't, ever.")).to.deep.equal(['We', ' ', "don't", ',', ' ', 'ever', '.']);
    expect(tokenize('Größe 42 日本語')).to.deep.equal(['Größe', ' ', '42', ' ', '日本語']);
  });

  it('finds a shortest edit script (checked against LCS on random inputs), and both texts come back', () => {
    const random = (n: number) => Array.from({ length: n }, () => 'abcd'[Math.floor(Math.random() * 4)]!);
    for (let round = 0; round < 300; round++) {
      const a = random(Math.floor(Math.random() * 25));
      const b = random(Math.floor(Math.random() * 25));
      const ops = diffTokens(a, b)!;
      const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
      for (let i = a.length - 1; i >= 0; i--)
        for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
      expect(ops.filter((op) => op !== 'equal').length).to.equal(a.length + b.length - 2 * lcs[0]![0]!);
      const diff = diffWords(a.join(' '), b.join(' '))!;
      expect(diff.segments.filter((s) => s.op !== 'insert').map((s) => s.text).join('')).to.equal(a.join(' '));
      expect(diff.segments.filter((s) => s.op !== 'delete').map((s) => s.text).join('')).to.equal(b.join(' '));
    }
  });

  it('gives up (undefined) past its size guard instead of freezing the page', () => {
    const words = (n: number, w: string) => Array.from({ length: n }, (_, i) => `${w}${i}`).join(' ');
    expect(diffWords(words(400, 'a'), words(400, 'b'), { maxEdits: 100 })).to.equal(undefined);
    expect(diffWords(words(400, 'a'), words(400, 'b'), { maxTokens: 500 })).to.equal(undefined);
    expect(diffWords(`${words(3000, 'a')} end`, `${words(3000, 'a')} finish`)).to.include({ added: 1, removed: 1 });
  });
});

describe('<trust-center> sections', () => {
  beforeEach(resetHash);
  afterEach(() => {
    fixtureCleanup();
    resetHash();
    sessionStorage.clear();
  });

  describe('overview', () => {
    it('is accessible', async () => {
      const el = await trustCenter();
      await waitFor(el, '[part~="overview"]');
      await expect(el).to.be.accessible();
    });

    it('shows each certification with its status, scope and dates; an expired one says "Expired"', async () => {
      const el = await trustCenter();
      await waitFor(el, '[part~="overview"]');
      const items = $$(el, '[part~="compliance-item"]');
      expect(items).to.have.length(3);
      const [iso, soc2, gdpr] = items;
      expect(text(iso!.querySelector('[part~="badge"]'))).to.equal('Expired');
      expect(text(iso!)).to.contain('Expired on January 9, 2025').and.contain('Audited January 10, 2024').and.not.contain('Certified');
      expect(text(soc2!.querySelector('[part~="badge"]'))).to.equal('Certified');
      expect(text(soc2!)).to.contain('Scope: The Fennel platform').and.contain('Valid until January 31, 2099');
      const report = soc2!.querySelector('a') as HTMLAnchorElement;
      expect(report.getAttribute('href')).to.equal('#documents/soc2');
      expect(text(report)).to.equal('Request the report: SOC 2 Type II report');
      expect(text(gdpr!.querySelector('[part~="badge"]'))).to.equal('Aligned');
      expect(gdpr!.querySelector('[part~="compliance-dates"]')).to.equal(null);
    });

    it('lists the latest updates, newest first, and links every section the manifest fills', async () => {
      const el = await trustCenter();
      await waitFor(el, '[part~="overview"]');
      const recent = [...$(el, '[part~="recent-updates"]')!.querySelectorAll('li')].map((li) => text(li));
      expect(recent).to.deep.equal([
        'March 10, 2026 Security: Production access now needs two-factor authentication; TLS 1.3 everywhere; keys rotate every ninety days.',
        'January 20, 2026 Privacy: Listed our subprocessors.',
        'September 1, 2025 Security: First published.',
      ]);
      expect($$(el, '[part~="section-card"] a').map((a) => a.getAttribute('href'))).to.deep.equal([
        '#subprocessors',
        '#faq',
        '#documents',
        '#updates',
      ]);
      expect($$(el, '[part~="nav-link"]').map(text)).to.deep.equal([
        'Overview',
        'Security',
        'Privacy',
        'Subprocessors',
        'FAQ',
        'Documents',
        'Updates',
        'Report a vulnerability',
      ]);
    });

    it('links no section the manifest leaves empty', async () => {
      history.replaceState(null, '', '#faq');
      const el = await trustCenter(NORTHWIND);
      await waitFor(el, '[part~="overview"]');
      // Northwind has policy changes, but no subprocessors, FAQ, documents or disclosure program.
      expect($$(el, '[part~="nav-link"]').map(text)).to.deep.equal(['Overview', 'Privacy Policy', 'Security Overview', 'Updates']);
      expect($$(el, '[part~="section-card"] a').map((a) => a.getAttribute('href'))).to.deep.equal(['#updates']);
      expect($(el, 'trust-center-faq'), '#faq is not a route without FAQ').to.equal(null);
    });
  });

  describe('subprocessors', () => {
    const names = (v: HTMLElement) => [...shadow(v).querySelectorAll('tbody th')].map((th) => text(th));
    const header = (v: HTMLElement, label: string) =>
      [...shadow(v).querySelectorAll('thead th')].find((th) => text(th).startsWith(label)) as HTMLElement;

    it('is accessible at #subprocessors', async () => {
      history.replaceState(null, '', '#subprocessors');
      const el = await trustCenter();
      await view(el, 'trust-center-subprocessors', 'table');
      await expect(el).to.be.accessible();
    });

    it('lists every subprocessor by name, with the last change date and the notice period', async () => {
      history.replaceState(null, '', '#subprocessors');
      const el = await trustCenter();
      const v = await view(el, 'trust-center-subprocessors', 'table');
      expect(names(v)).to.deep.equal(['Acme Mail', 'Bolt Payments', 'Kite Support', 'Northwind Hosting', 'Zephyr Errors']);
      expect(header(v, 'Name').getAttribute('aria-sort')).to.equal('ascending');
      expect(text(shadow(v).querySelector('[part~="meta"]'))).to.equal(
        'List last changed February 14, 2026. We give 30 days’ notice before a new subprocessor starts processing customer data.',
      );
      const row = [...shadow(v).querySelectorAll('tbody tr')].find((tr) => text(tr).includes('Northwind Hosting'))!;
      expect(text(row)).to.contain('Germany, Ireland').and.contain('Account data, Files');
      expect((row.querySelector('a') as HTMLAnchorElement).href).to.equal('https://northwind-hosting.example/');
      expect(text(shadow(v).querySelector('[part~="count"]'))).to.equal('Showing all 5');
    });

    it('sorts by a column from its header button, and aria-sort follows', async () => {
      history.replaceState(null, '', '#subprocessors');
      const el = await trustCenter();
      const v = await view(el, 'trust-center-subprocessors', 'table');
      const purpose = () => header(v, 'Purpose');
      (purpose().querySelector('button') as HTMLButtonElement).click();
      await (v as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      expect(purpose().getAttribute('aria-sort')).to.equal('ascending');
      expect(header(v, 'Name').hasAttribute('aria-sort')).to.equal(false);
      expect(names(v)).to.deep.equal(['Northwind Hosting', 'Kite Support', 'Acme Mail', 'Zephyr Errors', 'Bolt Payments']);
      // Keyboard: the same button, focused, with Enter.
      (purpose().querySelector('button') as HTMLButtonElement).focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => purpose().getAttribute('aria-sort') === 'descending');
      expect(names(v)).to.deep.equal(['Bolt Payments', 'Zephyr Errors', 'Acme Mail', 'Kite Support', 'Northwind Hosting']);
    });

    it('filters by text, location and purpose, and says how many are shown', async () => {
      history.replaceState(null, '', '#subprocessors');
      const el = await trustCenter();
      const v = await view(el, 'trust-center-subprocessors', 'table');
      const update = () => (v as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      const filter = shadow(v).querySelector('input[name="filter"]') as HTMLInputElement;
      filter.value = 'united';
      filter.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await update();
      expect(names(v)).to.deep.equal(['Acme Mail', 'Zephyr Errors']);
      expect(text(shadow(v).querySelector('[part~="count"]'))).to.equal('Showing 2 of 5');
      filter.value = '';
      filter.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      const location = shadow(v).querySelector('select[name="location"]') as HTMLSelectElement;
      expect([...location.options].map((o) => o.value)).to.deep.equal(['', 'Canada', 'Germany', 'Ireland', 'United States']);
      location.value = 'Ireland';
      location.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      await update();
      expect(names(v)).to.deep.equal(['Bolt Payments', 'Northwind Hosting']);
      const purpose = shadow(v).querySelector('select[name="purpose"]') as HTMLSelectElement;
      purpose.value = 'Cloud hosting';
      purpose.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      await update();
      expect(names(v)).to.deep.equal(['Northwind Hosting']);
      purpose.value = 'E-mail delivery';
      purpose.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      await update();
      expect(shadow(v).querySelector('table')).to.equal(null);
      expect(text(shadow(v).querySelector('.view'))).to.contain('No subprocessor matches these filters.');
      (shadow(v).querySelector('[part~="clear"]') as HTMLButtonElement).click();
      await update();
      expect(names(v)).to.have.length(5);
    });

    it('reflows into stacked cards in a narrow container, with each value labelled', async () => {
      history.replaceState(null, '', '#subprocessors');
      const el = await trustCenter(FENNEL, 900);
      const v = await view(el, 'trust-center-subprocessors', 'table');
      const row = () => shadow(v).querySelector('tbody tr') as HTMLElement;
      const label = () => shadow(v).querySelector('tbody td .cell-label') as HTMLElement;
      expect(getComputedStyle(row()).display).to.equal('table-row');
      expect(getComputedStyle(label()).display).to.equal('none');
      el.style.width = '360px';
      await waitUntil(() => getComputedStyle(row()).display === 'block', 'rows become blocks');
      expect(getComputedStyle(label()).display).to.equal('block');
      expect(text(label())).to.equal('Purpose');
      const table = shadow(v).querySelector('table')!;
      expect(table.scrollWidth, 'nothing scrolls sideways').to.be.at.most(table.clientWidth + 1);
      expect(row().getBoundingClientRect().width).to.be.at.most(360);
      await expect(el).to.be.accessible();
    });
  });

  describe('FAQ', () => {
    it('is accessible, with every question closed by default', async () => {
      history.replaceState(null, '', '#faq');
      const el = await trustCenter();
      const v = await view(el, 'trust-center-faq', 'details');
      const details = [...shadow(v).querySelectorAll('details')];
      expect(details.map((d) => text(d.querySelector('summary')))).to.deep.equal([
        'Is my data encrypted?',
        'Where is my data stored?',
        'Do you support single sign-on?',
        'Do you run penetration tests?',
      ]);
      expect(details.every((d) => !d.open)).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('opens and scrolls to the entry #faq/<id> names; answers are rendered markdown with working links', async () => {
      history.replaceState(null, '', '#faq/pentest');
      const el = await trustCenter();
      const v = await view(el, 'trust-center-faq', 'details[open]');
      const open = [...shadow(v).querySelectorAll('details')].filter((d) => d.open);
      expect(open.map((d) => d.id)).to.deep.equal(['faq-pentest']);
      await waitUntil(() => {
        const top = open[0]!.getBoundingClientRect().top;
        return top >= -2 && top < window.innerHeight;
      }, 'the entry is scrolled into view');
      const link = open[0]!.querySelector('[part~="answer"] a') as HTMLAnchorElement;
      expect(link.getAttribute('href')).to.equal('#documents/pentest');
      // Another entry by link: it opens too, and takes focus.
      await go('#faq/encryption');
      await waitUntil(() => activeIn(v)?.localName === 'summary', 'focus on the question');
      const encryption = shadow(v).querySelector('#faq-encryption') as HTMLDetailsElement;
      expect(encryption.open).to.equal(true);
      expect(encryption.querySelector('[part~="answer"] strong')?.textContent).to.equal('TLS 1.3');
      expect((encryption.querySelector('[part~="answer"] a') as HTMLAnchorElement).getAttribute('href')).to.equal('#security/encryption');
    });

    it('filters the questions by what they and their answers say', async () => {
      history.replaceState(null, '', '#faq');
      const el = await trustCenter();
      const v = await view(el, 'trust-center-faq', 'details');
      const input = shadow(v).querySelector('input[type="search"]') as HTMLInputElement;
      input.focus();
      await sendKeys({ type: 'germany' });
      await waitUntil(() => shadow(v).querySelectorAll('details').length === 1);
      expect(text(shadow(v).querySelector('summary'))).to.equal('Where is my data stored?');
      expect(text(shadow(v).querySelector('[part~="count"]'))).to.equal('1 of 4 questions match');
      input.value = 'nothing like this';
      input.dispatchEvent(new Event('input'));
      await waitUntil(() => shadow(v).querySelectorAll('details').length === 0);
      expect(text(shadow(v).querySelector('[part~="count"]'))).to.equal('No question matches.');
    });

    it('opens a question from the keyboard', async () => {
      history.replaceState(null, '', '#faq');
      const el = await trustCenter();
      const v = await view(el, 'trust-center-faq', 'details');
      const summary = shadow(v).querySelector('#faq-sso summary') as HTMLElement;
      summary.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => (shadow(v).querySelector('#faq-sso') as HTMLDetailsElement).open, 'Enter opens it');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !(shadow(v).querySelector('#faq-sso') as HTMLDetailsElement).open, 'Enter closes it');
    });
  });

  describe('documents', () => {
    const fill = async (v: HTMLElement, values: Record<string, string | boolean>) => {
      for (const [name, value] of Object.entries(values)) {
        const input = shadow(v).querySelector(`[name="${name}"]`) as HTMLInputElement;
        if (typeof value === 'boolean') {
          if (input.checked !== value) input.click();
        } else {
          input.value = value;
          input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        }
        await (v as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      }
    };

    it('is accessible; public documents download, the others have a Request button', async () => {
      history.replaceState(null, '', '#documents');
      const el = await trustCenter();
      const v = await view(el, 'trust-center-documents', '[part~="document"]');
      const docs = [...shadow(v).querySelectorAll('[part~="document"]')];
      expect(docs.map((d) => text(d.querySelector('.item-title')))).to.deep.equal(['Security overview', 'SOC 2 Type II report', 'Penetration test summary']);
      const download = docs[0]!.querySelector('[part~="download"]') as HTMLAnchorElement;
      expect(download.hasAttribute('download')).to.equal(true);
      expect(download.href).to.equal(new URL('/test/fixtures/views/docs/overview.txt', location.href).href);
      expect(text(docs[0]!.querySelector('[part~="access"]'))).to.equal('Public');
      expect(docs[0]!.querySelector('[part~="request"]')).to.equal(null);
      expect(text(docs[1]!.querySelector('[part~="access"]'))).to.equal('On request');
      expect(docs[1]!.querySelector('[part~="download"]')).to.equal(null);
      expect(docs[1]!.querySelector('[part~="request"]')!.getAttribute('aria-expanded')).to.equal('false');
      await expect(el).to.be.accessible();
    });

    it('opens the request form from "Request the report" on the overview', async () => {
      const el = await trustCenter();
      await waitFor(el, '[part~="overview"]');
      const changed = hashChanged();
      ($$(el, '[part~="compliance-item"] a').find((a) => a.getAttribute('href') === '#documents/soc2') as HTMLAnchorElement).click();
      await changed;
      const v = await view(el, 'trust-center-documents', 'form');
      expect(text(shadow(v).querySelector('form .subtitle'))).to.equal('Request “SOC 2 Type II report”');
      await waitUntil(() => activeIn(v)?.id === 'tc-dr-title', 'focus on the form heading');
      expect(shadow(v).querySelector('#doc-soc2 [part~="request"]')!.getAttribute('aria-expanded')).to.equal('true');
      await expect(el).to.be.accessible();
    });

    it('says what is missing, in a summary that takes focus', async () => {
      history.replaceState(null, '', '#documents/pentest');
      const el = await trustCenter();
      const v = await view(el, 'trust-center-documents', 'form');
      (shadow(v).querySelector('[part~="submit"]') as HTMLButtonElement).click();
      await waitUntil(() => activeIn(v)?.id === 'tc-dr-error-summary', 'focus on the summary');
      expect([...shadow(v).querySelectorAll('[part~="error-summary"] li')].map((li) => text(li))).to.deep.equal([
        'Enter your name',
        'Enter your work e-mail address',
        'Enter your company',
        'Say why you need the document',
        'Confirm that you will keep the document confidential',
      ]);
      expect(shadow(v).querySelector('#tc-dr-email')!.getAttribute('aria-invalid')).to.equal('true');
      await fill(v, { email: 'not an address' });
      (shadow(v).querySelector('[part~="submit"]') as HTMLButtonElement).click();
      await waitUntil(() => text(shadow(v).querySelector('#tc-dr-email-error')).includes('name@company.example'));
      await expect(el).to.be.accessible();
    });

    it('keeps the request when sending fails, retries with the same Idempotency-Key, and files it once', async () => {
      history.replaceState(null, '', '#documents/pentest');
      const el = await trustCenter();
      const v = await view(el, 'trust-center-documents', 'form');
      const tag = token();
      const keys: string[] = [];
      const realFetch = window.fetch;
      window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
        if (String(input).includes('/api/document-requests')) keys.push((init?.headers as Record<string, string>)['Idempotency-Key']!);
        return realFetch(input, init);
      };
      try {
        const response = await fetch(`/api/__test__/fail-next?status=500&count=1&match=${tag}`, { method: 'POST' });
        expect(response.ok, 'the fail-next hook').to.equal(true);
        await fill(v, { name: 'Dana Reviewer', email: 'dana@buyer.example', company: `Buyer ${tag}`, reason: 'Vendor review.', nda: true });
        (shadow(v).querySelector('[part~="submit"]') as HTMLButtonElement).click();
        const failure = await waitFor(v, '[part~="failure"]');
        expect(text(failure)).to.contain('Your request was not sent').and.contain('The server answered 500');
        const mail = failure.querySelector('[part~="email-link"]') as HTMLAnchorElement;
        expect(mail.href).to.match(/^mailto:trust@fennel\.example\?subject=Document%20request%20DR-\d{8}-/);
        expect(decodeURIComponent(mail.href)).to.contain(`Buyer ${tag}`).and.contain('Penetration test summary');
        await waitUntil(() => activeIn(v)?.id === 'tc-dr-failure-title', 'focus on the failure');
        const draft = JSON.parse(sessionStorage.getItem(REQUEST_DRAFT_PREFIX + new URL(FENNEL, location.href).href)!);
        expect(draft.documentId).to.equal('pentest');
        expect(draft.fields.company).to.equal(`Buyer ${tag}`);
        expect(draft.submission.idempotencyKey).to.equal(keys[0]);

        const arrived = nextEvent<{ reference: string; document: string }>(el, 'trust-center-request');
        (failure.querySelector('[part~="retry"]') as HTMLButtonElement).click();
        const receipt = await waitFor(v, '[part~="receipt"]');
        const event = await arrived;
        expect(event.detail.document).to.equal('pentest');
        expect(event.detail.reference).to.match(/^DR-\d{8}-[0-9A-Z]{8}$/);
        expect(text(receipt.querySelector('[part~="reference"]'))).to.equal(event.detail.reference);
        expect(text(receipt)).to.contain('We will reply to dana@buyer.example');
        expect(keys).to.have.length(2);
        expect(keys[1], 'the retry reuses the key').to.equal(keys[0]);
        expect(sessionStorage.getItem(REQUEST_DRAFT_PREFIX + new URL(FENNEL, location.href).href), 'draft cleared on receipt').to.equal(null);
        const stored = ((await (await fetch('/api/__test__/document-requests', { cache: 'no-store' })).json()) as Array<{
          reference: string;
          idempotencyKey: string;
          request: { company: string; ndaAccepted: boolean; document: { id: string } };
        }>).filter((r) => r.request.company === `Buyer ${tag}`);
        expect(stored, 'filed exactly once').to.have.length(1);
        expect(stored[0]!.reference).to.equal(event.detail.reference);
        expect(stored[0]!.idempotencyKey).to.equal(keys[0]);
        expect(stored[0]!.request).to.deep.include({ ndaAccepted: true });
        expect(stored[0]!.request.document.id).to.equal('pentest');
        await expect(el).to.be.accessible();
      } finally {
        window.fetch = realFetch;
      }
    });

    it('keeps an unfinished request across a reload (sessionStorage)', async () => {
      const loaded = await fennel();
      const first = await fixture<TrustCenterDocumentsElement>(html`<trust-center-documents lang="en" .loaded=${loaded} .documentId=${'soc2'}></trust-center-documents>`);
      await waitFor(first, 'form');
      await fill(first, { name: 'Sam', company: 'Keepsake Inc', nda: true });
      const key = REQUEST_DRAFT_PREFIX + loaded.url;
      await waitUntil(() => sessionStorage.getItem(key)?.includes('Keepsake Inc'), 'the draft is saved');
      fixtureCleanup();
      const again = await fixture<TrustCenterDocumentsElement>(html`<trust-center-documents lang="en" .loaded=${loaded}></trust-center-documents>`);
      await waitFor(again, 'form');
      expect(text(shadow(again).querySelector('[part~="notice"]'))).to.equal('Your unfinished request was restored.');
      expect((shadow(again).querySelector('[name="company"]') as HTMLInputElement).value).to.equal('Keepsake Inc');
      expect((shadow(again).querySelector('[name="nda"]') as HTMLInputElement).checked).to.equal(true);
      expect(text(shadow(again).querySelector('form .subtitle'))).to.equal('Request “SOC 2 Type II report”');
    });

    it('without an endpoint, hands the request to e-mail and then gives a receipt', async () => {
      const loaded = await fennel({ email: 'trust@fennel.example' });
      const el = await fixture<TrustCenterDocumentsElement>(html`<trust-center-documents lang="en" .loaded=${loaded} .documentId=${'soc2'}></trust-center-documents>`);
      await waitFor(el, 'form');
      expect(text(shadow(el).querySelector('[part~="submit"]'))).to.equal('Prepare e-mail');
      await fill(el, { name: 'Ana', email: 'ana@buyer.example', company: 'Buyer', reason: 'Due diligence.', nda: true });
      (shadow(el).querySelector('[part~="submit"]') as HTMLButtonElement).click();
      const route = await waitFor(el, '[part~="email-route"]');
      const mail = route.querySelector('[part~="email-link"]') as HTMLAnchorElement;
      expect(mail.href).to.match(/^mailto:trust@fennel\.example\?subject=/);
      expect(decodeURIComponent(mail.href)).to.contain('Due diligence.');
      (route.querySelector('[part~="confirm"]') as HTMLButtonElement).click();
      const receipt = await waitFor(el, '[part~="receipt"]');
      expect(text(receipt)).to.contain('You sent this request by e-mail.');
      // The receipt takes the place of the buttons that led to it: no "Request access" to press again, no form.
      const card = shadow(el).querySelector('#doc-soc2')!;
      expect(card.querySelector('[part~="request"]'), 'the Request button is gone').to.equal(null);
      expect(card.querySelector('form, [part~="submit"]'), 'and the form with its submit button').to.equal(null);
      expect(card.querySelector('[part~="receipt"]')).to.equal(receipt);
      expect(shadow(el).querySelector('#doc-pentest [part~="request"]'), 'other documents keep theirs').to.not.equal(null);
    });
  });

  describe('updates', () => {
    it('is accessible and lists every change across the policies, newest first', async () => {
      history.replaceState(null, '', '#updates');
      const el = await trustCenter();
      const v = await view(el, 'trust-center-updates', '[part~="update"]');
      expect([...shadow(v).querySelectorAll('[part~="update"] .when')].map((p) => text(p))).to.deep.equal([
        'March 10, 2026 · Security',
        'January 20, 2026 · Privacy',
        'September 1, 2025 · Security',
      ]);
      // Only the change that made a version with an earlier one kept can be compared.
      expect([...shadow(v).querySelectorAll('[part~="update"]')].map((li) => li.querySelector('[part~="compare"]') !== null)).to.deep.equal([
        true,
        false,
        false,
      ]);
      await expect(el).to.be.accessible();
    });

    it('compares a version with the previous one: added and removed words marked and labelled', async () => {
      history.replaceState(null, '', '#updates');
      const el = await trustCenter();
      const v = await view(el, 'trust-center-updates', '[part~="compare"]');
      const button = shadow(v).querySelector('[part~="compare"]') as HTMLButtonElement;
      button.focus();
      await sendKeys({ press: 'Enter' });
      const diff = await waitFor(v, '[part~="diff-text"]');
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(button.getAttribute('aria-controls')).to.equal(shadow(v).querySelector('[part~="diff"]')!.id);
      const ins = [...diff.querySelectorAll('ins')].map((n) => text(n));
      const del = [...diff.querySelectorAll('del')].map((n) => text(n));
      expect(ins).to.deep.equal(['added: 3', 'added: and keys rotate every ninety days', 'added: two-factor authentication and']);
      expect(del).to.deep.equal(['removed: 2']);
      for (const node of diff.querySelectorAll('ins, del')) {
        const label = node.querySelector('.visually-hidden')!;
        expect(label.getBoundingClientRect().width, 'the label is for screen readers only').to.be.at.most(1);
        expect(getComputedStyle(node).textDecorationLine, 'marked by more than colour').to.match(/underline|line-through/);
      }
      expect(text(shadow(v).querySelector('[part~="diff"] .meta'))).to.contain('11 words added, 1 word removed.');
      expect(text(shadow(v).querySelector('[part~="diff"] .item-title'))).to.equal(
        'Security: the version of September 1, 2025 compared with the version of March 10, 2026',
      );
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !shadow(v).querySelector('[part~="diff"]'), 'Enter again hides it');
    });

    it('from the policy page, "Compare with the previous version" opens that comparison', async () => {
      history.replaceState(null, '', '#security');
      const el = await trustCenter();
      const link = await waitFor(el, '[part~="changes-link"]');
      expect(link.getAttribute('href')).to.equal('#updates/security');
      expect(text(link)).to.equal('Compare with the previous version');
      const changed = hashChanged();
      link.click();
      await changed;
      const v = await view(el, 'trust-center-updates', '[part~="diff-text"]');
      await waitUntil(() => activeIn(v)?.getAttribute('part') === 'diff', 'focus on the comparison');
      expect(text(shadow(v).querySelector('[part~="diff-text"]'))).to.contain('added: two-factor authentication and');
      // A policy without history links to the list instead.
      await go('#privacy');
      await waitUntil(() => $(el, '[part~="changes-link"]')?.getAttribute('href') === '#updates');
      expect(text($(el, '[part~="changes-link"]'))).to.equal('All updates');
    });
  });

  describe('search', () => {
    it('searches from the navigation: results link to the policy heading, the FAQ entry and the document', async () => {
      const el = await trustCenter();
      await waitFor(el, '[part~="overview"]');
      const input = $(el, '[part~="search-input"]') as HTMLInputElement;
      input.focus();
      await sendKeys({ type: 'encrypted' });
      const changed = hashChanged();
      await sendKeys({ press: 'Enter' });
      await changed;
      expect(location.hash).to.equal('#search/encrypted');
      const v = await view(el, 'trust-center-search', '[part~="result"]');
      await waitUntil(() => activeIn(v)?.id === 'tc-search-title', 'focus on the results');
      expect(text(shadow(v).querySelector('[part~="count"]'))).to.equal('2 results for “encrypted”');
      const links = [...shadow(v).querySelectorAll<HTMLAnchorElement>('[part~="result-link"]')].map((a) => [a.getAttribute('href'), text(a)]);
      expect(links).to.deep.equal([
        ['#faq/encryption', 'Is my data encrypted?'],
        ['#security/encryption', 'Encryption'],
      ]);
      expect(shadow(v).querySelector('[part~="snippet"] mark')?.textContent?.toLowerCase()).to.equal('encrypted');
      await expect(el).to.be.accessible();
    });

    it('finds sections by their text and opens the heading', async () => {
      history.replaceState(null, '', '#search/two-factor');
      const el = await trustCenter();
      const v = await view(el, 'trust-center-search', '[part~="result"]');
      const results = [...shadow(v).querySelectorAll('[part~="result"]')];
      expect(results.map((r) => text(r.querySelector('.item-title')))).to.deep.equal(['Access']);
      expect(text(results[0]!.querySelector('.kind'))).to.equal('Policy · Security');
      const changed = hashChanged();
      (results[0]!.querySelector('a') as HTMLAnchorElement).click();
      await changed;
      expect(location.hash).to.equal('#security/access');
      await waitUntil(() => activeIn(el)?.id === 'access', 'the heading takes focus');
    });

    it('finds documents, subsections, and says when nothing matches', async () => {
      history.replaceState(null, '', `#search/${encodeURIComponent('auditor report')}`);
      const el = await trustCenter();
      const v = await view(el, 'trust-center-search', '[part~="result"]');
      expect([...shadow(v).querySelectorAll('[part~="result-link"]')].map((a) => a.getAttribute('href'))).to.deep.equal(['#documents/soc2']);
      await go('#search/quarter');
      await waitUntil(() => shadow(v).querySelector('[part~="result-link"]')?.getAttribute('href') === '#security/reviews');
      await go('#search/zebra');
      await waitUntil(() => text(shadow(v).querySelector('[part~="count"]')) === 'Nothing found for “zebra”.');
      expect(($(el, '[part~="search-input"]') as HTMLInputElement).value).to.equal('zebra');
    });
  });

  describe('lazy views', () => {
    it('follow the --tc-* tokens and the theme, and forward their parts for ::part() styling', async () => {
      const style = document.createElement('style');
      style.textContent = 'trust-center::part(faq-item) { border-color: rgb(9, 8, 7); }';
      document.head.append(style);
      try {
        history.replaceState(null, '', '#faq');
        const el = await trustCenter();
        el.style.setProperty('--tc-accent', 'rgb(255, 200, 0)');
        el.theme = 'dark';
        const v = await view(el, 'trust-center-faq', 'details');
        await waitUntil(() => v.getAttribute('theme') === 'dark');
        expect(getComputedStyle(v).colorScheme).to.equal('dark');
        expect(getComputedStyle(shadow(v).querySelector('details')!).borderTopColor).to.equal('rgb(9, 8, 7)');
        expect(getComputedStyle(shadow(v).querySelector('[part~="permalink"]')!).color).to.equal('rgb(255, 200, 0)');
        await expect(el).to.be.accessible();
      } finally {
        style.remove();
      }
    });

    it('show the loading state, then an error with Retry when the chunk cannot load', async () => {
      const real = viewLoaders.faq;
      let fail!: (error: Error) => void;
      viewLoaders.faq = () => new Promise((_, reject) => (fail = reject));
      try {
        history.replaceState(null, '', '#faq');
        const el = await trustCenter();
        // The manifest's own loading state comes first; the section's follows once the navigation is there.
        await waitFor(el, '[part~="nav"]');
        const loading = await waitFor(el, '[part~="loading"]');
        expect(text(loading)).to.equal('Loading this section…');
        expect(loading.getAttribute('role')).to.equal('status');
        fail(new TypeError('Failed to fetch dynamically imported module: /chunks/faq.js'));
        const error = await waitFor(el, '[part~="error"]');
        expect(error.getAttribute('role')).to.equal('alert');
        expect(text(error)).to.contain('This section could not be loaded.').and.contain('Failed to fetch dynamically imported module');
        expect($(el, '[part~="nav"]'), 'the navigation stays').to.exist;
        await expect(el).to.be.accessible();
        viewLoaders.faq = real;
        ($(el, '[part~="retry"]') as HTMLButtonElement).click();
        await view(el, 'trust-center-faq', 'details');
        expect($(el, '[part~="error"]')).to.equal(null);
      } finally {
        viewLoaders.faq = real;
      }
    });
  });
});

describe('<trust-center> views with markdown too costly to lex', () => {
  // marked's inline lexer spends about the cube of its length on `*_a*_a…`: each view shows it as its text.
  const run = '*_a'.repeat(6_000);
  const manifest = {
    version: 1,
    organization: { name: 'Costly Co', url: 'https://costly.example' },
    policies: [
      {
        id: 'terms',
        title: 'Terms',
        updated: '2026-03-01',
        content: `# Terms\n\n${run}\n\n## Zebra clause\n\nThe *zebra* rule.\n`,
        changes: [{ date: '2026-03-01', summary: 'A new rule.' }],
        history: [{ updated: '2026-01-01', content: `# Terms\n\n${run}\n\n## Zebra clause\n\nThe *old* rule.\n` }],
      },
    ],
    faq: [{ id: 'runs', question: 'Runs?', answer: `${run}\n\n**Yes**.` }],
  };
  let src = '';
  before(() => (src = URL.createObjectURL(new Blob([JSON.stringify(manifest)], { type: 'application/json' }))));
  after(() => URL.revokeObjectURL(src));
  beforeEach(resetHash);
  afterEach(() => {
    fixtureCleanup();
    resetHash();
  });

  it('search finds the text after it', async () => {
    history.replaceState(null, '', '#search/zebra');
    const el = await trustCenter(src);
    const v = await view(el, 'trust-center-search', '[part~="result"]');
    const links = [...shadow(v).querySelectorAll<HTMLAnchorElement>('[part~="result-link"]')].map((a) => [a.getAttribute('href'), text(a)]);
    expect(links).to.deep.equal([['#terms/zebra-clause', 'Zebra clause']]);
  });

  it('the FAQ shows it as its text, and the rest of the answer formatted', async () => {
    history.replaceState(null, '', '#faq/runs');
    const el = await trustCenter(src);
    const v = await view(el, 'trust-center-faq', 'details[open]');
    const answer = shadow(v).querySelector('[part~="answer"]')!;
    // A paragraph this long goes on the page in several; then comes "Yes." and the permalink.
    const paragraphs = [...answer.querySelectorAll('p')].slice(0, -2);
    expect(paragraphs.map((p) => p.textContent).join('') === run, 'the run as its text').to.equal(true);
    expect(text(answer.querySelector('strong'))).to.equal('Yes');
  });

  it('the comparison of two versions marks the words changed around it', async () => {
    history.replaceState(null, '', '#updates/terms');
    const el = await trustCenter(src);
    const v = await view(el, 'trust-center-updates', '[part~="diff-text"]');
    const diff = shadow(v).querySelector('[part~="diff-text"]')!;
    expect([...diff.querySelectorAll('del')].map((n) => text(n))).to.deep.equal(['removed: old']);
    expect([...diff.querySelectorAll('ins')].map((n) => text(n))).to.deep.equal(['added: zebra']);
  });
});

/** The fixture manifest, parsed, with `documentAccess` replaced; its own URL keeps drafts apart. */
let fennelCase = 0;
async function fennel(documentAccess?: Record<string, unknown>): Promise<LoadedManifest> {
  const data = (await (await fetch(FENNEL)).json()) as Record<string, unknown>;
  if (documentAccess) data.documentAccess = documentAccess;
  const result = parseManifest(data);
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('; '));
  return { url: new URL(`${FENNEL}?case=${++fennelCase}`, location.href).href, manifest: result.manifest, warnings: [] };
}
