import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/trust-center-disclosure.js';
import type { TrustCenterDisclosureElement } from '../src/disclosure/trust-center-disclosure.js';
import { frameHost, type FrameHost } from './hardening/frame.js';
import { $, waitFor } from './helpers.js';

// The whole round trip through the shipped receiver (packages/cli/server/receiver.mjs, mounted under /api/ by
// web-test-runner.config.mjs with this inbox token): a report sent from the form shows up in the team's
// inbox, is acknowledged there, and the reporter's status page follows.
const INBOX_TOKEN = 'browser-tests-inbox-token-0123456789';
const MANIFEST = '/test/fixtures/disclosure/manifest.json';

const frames: FrameHost[] = [];
afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
  sessionStorage.removeItem('trust-center-inbox:token');
});

async function open(src: string): Promise<FrameHost> {
  const host = await frameHost(src, { width: 1100, height: 900 });
  frames.push(host);
  return host;
}

/** Sets a field in a page of the frame as a person typing would (input event). */
function type(doc: Document, id: string, value: string): void {
  const input = doc.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

const byText = (doc: Document, selector: string, text: string) => [...doc.querySelectorAll<HTMLElement>(selector)].find((n) => n.textContent?.includes(text));

async function sendReport(tag: string): Promise<{ reference: string; statusUrl: string }> {
  const el = await fixture<TrustCenterDisclosureElement>(
    html`<trust-center-disclosure lang="en" src=${MANIFEST} min-fill-time="0"></trust-center-disclosure>`,
  );
  await waitFor(el, 'form', 10_000);
  const values: Record<string, string | boolean> = {
    title: `Open redirect on the login page ${tag}`,
    description: `The next parameter is not checked. ${tag}`,
    steps: '1. Open /login?next=https://evil.example\n2. Sign in.',
    impact: 'Phishing with a trusted link.',
    email: 'researcher@example.org',
    policyRead: true,
  };
  for (const [name, value] of Object.entries(values)) {
    const input = $(el, `[name="${name}"]`) as HTMLInputElement;
    if (typeof value === 'boolean') input.checked = value;
    else input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
  }
  ($(el, 'form [part~="submit"]') as HTMLButtonElement).click();
  await waitFor(el, '[part~="review"]');
  ($(el, '[part~="review"] [part~="submit"]') as HTMLButtonElement).click();
  const link = (await waitFor(el, '[part~="status-link"]', 10_000)) as HTMLAnchorElement;
  const reference = $(el, '[part~="reference"]')!.textContent!.trim();
  expect(reference, "the receiver's own reference").to.match(/^VR-\d{8}-/);
  expect(link.href).to.equal(new URL(`/api/status/#${reference}/${link.href.split('/').pop()}`, location.href).href);
  expect(link.rel).to.contain('noreferrer');
  return { reference, statusUrl: link.href };
}

/**
 * axe runs in the runner's document and cannot take a node of the frame's, so it checks a copy of the
 * page's body here, styled by the page's own style sheet (served from the repository by the test server).
 */
async function expectAccessible(doc: Document): Promise<void> {
  const sheet = document.createElement('link');
  sheet.rel = 'stylesheet';
  sheet.href = '/packages/cli/server/pages/pages.css';
  const loaded = new Promise((resolve) => sheet.addEventListener('load', resolve, { once: true }));
  document.head.append(sheet);
  const copy = document.createElement('div');
  copy.lang = 'en';
  copy.append(...[...doc.body.childNodes].map((node) => document.importNode(node, true)));
  document.body.append(copy);
  try {
    await loaded;
    await expect(copy).to.be.accessible();
  } finally {
    copy.remove();
    sheet.remove();
  }
}

async function statusHeading(statusUrl: string): Promise<string> {
  const page = await open(statusUrl);
  await waitUntil(() => !page.doc.getElementById('result')!.hidden, 'the status page showed no status', { timeout: 10_000 });
  return page.doc.getElementById('result-title')!.textContent!;
}

describe('the receiver: form → inbox → acknowledgement → reporter status', function () {
  this.timeout(40_000);

  it('a report sent through the form appears in the inbox, is acknowledged there, and its status page follows', async () => {
    const tag = `e2e${Math.random().toString(36).slice(2, 8)}`;
    const { reference, statusUrl } = await sendReport(tag);

    expect(await statusHeading(statusUrl)).to.equal(`${reference}: Received: the team has not acknowledged it yet.`);

    const inbox = await open('/api/inbox/');
    const doc = inbox.doc;
    expect(doc.getElementById('sign-in')!.hidden, 'the inbox asks for the token first').to.be.false;
    expect(doc.getElementById('list')!.hidden).to.be.true;
    type(doc, 'sign-in-name', 'Dana');
    type(doc, 'sign-in-token', INBOX_TOKEN);
    (doc.getElementById('sign-in-form') as HTMLFormElement).requestSubmit();
    await waitUntil(() => byText(doc, '#reports a', reference), `${reference} never appeared in the inbox`, { timeout: 10_000 });
    const row = byText(doc, '#reports a', reference)!.closest('tr')!;
    expect(row.textContent).to.contain(`Open redirect on the login page ${tag}`);
    expect(row.cells[2]!.textContent).to.equal('new');
    expect(row.cells[3]!.querySelector('time')!.getAttribute('datetime'), 'the acknowledgement due date').to.match(/^\d{4}-\d{2}-\d{2}$/);
    expect(row.cells[5]!.textContent, 'time-to-submit is shown').to.match(/s to submit/);

    // Keyboard: the reference is a link, reached and followed like any other.
    const link = byText(doc, '#reports a', reference) as HTMLAnchorElement;
    link.focus();
    expect(doc.activeElement).to.equal(link);
    link.click();
    await waitUntil(() => !doc.getElementById('detail')!.hidden && doc.getElementById('detail-title')!.textContent!.startsWith(reference), 'the detail did not open', {
      timeout: 10_000,
    });
    expect(doc.activeElement, 'focus moves to the report').to.equal(doc.getElementById('detail-title'));
    expect(doc.getElementById('detail-body')!.textContent).to.contain(`The next parameter is not checked. ${tag}`);
    const select = doc.getElementById('new-status') as HTMLSelectElement;
    select.value = 'acknowledged';
    type(doc, 'note', 'Reproduced on staging');
    (doc.getElementById('tell') as HTMLInputElement).checked = true;
    (doc.getElementById('status-form') as HTMLFormElement).requestSubmit();
    await waitUntil(() => doc.getElementById('status')!.textContent!.includes(`${reference} is now acknowledged`), 'the status change was not confirmed', {
      timeout: 10_000,
    });
    await waitUntil(() => byText(doc, '#history li', 'status:acknowledged'), 'the history does not show the change', { timeout: 10_000 });
    expect(byText(doc, '#history li', 'status:acknowledged')!.textContent).to.contain('inbox:Dana');

    expect(await statusHeading(statusUrl)).to.equal(`${reference}: Acknowledged: the team is looking into it.`);
  });

  it('without the token the inbox shows nothing; a wrong token is refused with a message', async () => {
    const inbox = await open('/api/inbox/');
    const doc = inbox.doc;
    type(doc, 'sign-in-token', 'not-the-token-but-long-enough-000000');
    (doc.getElementById('sign-in-form') as HTMLFormElement).requestSubmit();
    await waitUntil(() => doc.getElementById('sign-in-error')!.textContent, 'no error shown', { timeout: 10_000 });
    expect(doc.getElementById('sign-in-error')!.textContent).to.equal('The token was not accepted. Sign in again.');
    expect(doc.getElementById('list')!.hidden).to.be.true;
    expect(doc.querySelectorAll('#reports tbody tr').length).to.equal(0);
  });

  it('a wrong status key shows no report', async () => {
    const { reference } = await sendReport(`k${Math.random().toString(36).slice(2, 8)}`);
    const page = await open(`/api/status/#${reference}/${'A'.repeat(43)}`);
    await waitUntil(() => page.doc.getElementById('error')!.textContent, 'no error shown', { timeout: 10_000 });
    expect(page.doc.getElementById('error')!.textContent).to.contain('No report matches');
    expect(page.doc.getElementById('result')!.hidden).to.be.true;
  });

  it('the inbox and the status page pass axe', async () => {
    await sendReport(`a${Math.random().toString(36).slice(2, 8)}`);
    const inbox = await open('/api/inbox/');
    await expectAccessible(inbox.doc);
    type(inbox.doc, 'sign-in-token', INBOX_TOKEN);
    (inbox.doc.getElementById('sign-in-form') as HTMLFormElement).requestSubmit();
    await waitUntil(() => inbox.doc.querySelector('#reports tbody a'), 'the list did not open', { timeout: 10_000 });
    await expectAccessible(inbox.doc);
    (inbox.doc.querySelector('#reports tbody a') as HTMLAnchorElement).click();
    await waitUntil(() => !inbox.doc.getElementById('detail')!.hidden, 'the detail did not open', { timeout: 10_000 });
    await expectAccessible(inbox.doc);
    const status = await open('/api/status/');
    await expectAccessible(status.doc);
  });
});
