// What the built bundles request, as a host page loads them (npm test builds dist/ and the sample's site into
// .test-site/ first): the classic script is a loader that imports the ES bundle and its chunks lazily, and a
// compiled manifest needs neither the validator nor marked.
import { expect, waitUntil } from '@open-wc/testing';

const COMPILED = '/.test-site/trust/assets/policies/manifest.compiled.json';

interface Page {
  frame: HTMLIFrameElement;
  win: Window & typeof globalThis;
  /** Paths of the scripts and files the page has requested so far. */
  requests(): string[];
  add(tag: string, attributes: Record<string, string>): HTMLElement;
}

function open(src: string): Promise<Page> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.style.width = '1000px';
    frame.style.height = '700px';
    frame.onerror = () => reject(new Error(`could not load ${src}`));
    frame.onload = () => {
      const win = frame.contentWindow as Window & typeof globalThis;
      resolve({
        frame,
        win,
        requests: () => win.performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname),
        add(tag, attributes) {
          const el = win.document.createElement(tag);
          for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
          win.document.body.append(el);
          return el;
        },
      });
    };
    frame.src = src;
    document.body.append(frame);
  });
}

const chunk = (requests: string[], dir: string, name: string) => requests.filter((path) => new RegExp(`^/dist/${dir}/${name}-[\\w-]+\\.js$`).test(path));
const headings = (el: Element) => el.shadowRoot?.querySelectorAll('[part~="content"] h2').length ?? 0;

describe('loading', function () {
  this.timeout(30000);

  it('the classic script is a loader: it imports the ES bundle beside it, which loads each chunk when it is needed', async () => {
    const page = await open('/test/fixtures/loading/classic.html');
    await waitUntil(() => page.win.customElements.get('trust-center'), 'the loader registered the elements', { timeout: 10000 });
    expect(page.requests()).to.include('/dist/trust-center.js');
    page.win.history.replaceState(null, '', '#security');
    const el = page.add('trust-center', { src: '/.test-site/trust/assets/policies/manifest.json', lang: 'en' });
    await waitUntil(() => headings(el) === 8, 'the policy rendered', { timeout: 10000 });
    const shown = page.requests();
    // A source manifest: the validator and the markdown lexer, and nothing of the other views.
    expect(chunk(shown, 'chunks', 'validate'), 'the validator').to.have.length(1);
    expect(chunk(shown, 'chunks', 'markdown'), 'the markdown lexer').to.have.length(1);
    for (const lazy of ['disclosure', 'search', 'updates']) expect(chunk(shown, 'chunks', lazy), lazy).to.deep.equal([]);
    expect(shown.filter((path) => path.startsWith('/dist/openpgp/')), 'no OpenPGP.js').to.deep.equal([]);
    // Another view asks for its chunk only when it is opened.
    page.win.location.hash = '#disclosure';
    await waitUntil(() => chunk(page.requests(), 'chunks', 'disclosure').length === 1, 'the disclosure chunk is requested on demand', { timeout: 10000 });
    await waitUntil(() => el.shadowRoot!.querySelector('trust-center-disclosure'), 'the form is shown', { timeout: 10000 });
    // The form fetches OpenPGP.js only to encrypt a report being sent, not to show itself.
    expect(page.requests().filter((path) => path.startsWith('/dist/openpgp/')), 'no OpenPGP.js yet').to.deep.equal([]);
    page.frame.remove();
  });

  it('the classic script with a compiled manifest loads neither the validator nor marked', async () => {
    const page = await open('/test/fixtures/loading/classic.html#security');
    await waitUntil(() => page.win.customElements.get('trust-center'), 'the loader registered the elements', { timeout: 10000 });
    const el = page.add('trust-center', { src: COMPILED, lang: 'en' });
    await waitUntil(() => headings(el) === 8, 'the policy rendered', { timeout: 10000 });
    const shown = page.requests();
    expect(chunk(shown, 'chunks', 'compiled'), 'the structural check').to.have.length(1);
    expect(chunk(shown, 'chunks', 'render'), 'the tree renderer').to.have.length(1);
    expect(chunk(shown, 'chunks', 'validate'), 'no validator').to.deep.equal([]);
    expect(chunk(shown, 'chunks', 'markdown'), 'no markdown lexer').to.deep.equal([]);
    page.frame.remove();
  });

  it('<trust-center-policy> alone with a compiled manifest loads its entry (check and renderer inside) and the text, no chunk', async () => {
    const page = await open('/test/fixtures/loading/policy-module.html');
    await waitUntil(() => page.win.customElements.get('trust-center-policy'), 'registered', { timeout: 10000 });
    const el = page.add('trust-center-policy', { src: COMPILED, policy: 'security', lang: 'de' });
    await waitUntil(() => headings(el) === 8, 'the policy rendered', { timeout: 10000 });
    const shown = page.requests();
    expect(shown.filter((path) => path.startsWith('/dist/chunks/')), 'nothing of the full bundle').to.deep.equal([]);
    // The check and the tree renderer are in the entry: the only chunk is the reader's language's labels.
    expect(shown.filter((path) => path.startsWith('/dist/policy-chunks/')).map((path) => path.replace(/-[\w-]+\.js$/, '')), 'no chunk but German labels').to.deep.equal([
      '/dist/policy-chunks/de',
    ]);
    // Only the reader's language is fetched.
    const texts = shown.filter((path) => path.startsWith('/.test-site/trust/assets/policies/compiled/'));
    expect(texts).to.have.length(1);
    expect(texts[0]).to.match(/\/security\.de\.[0-9a-f]{12}\.json$/);
    page.frame.remove();
  });

  it('an element in the page\'s HTML has its manifest requested as the bundle starts, before it is defined, once', async () => {
    const page = await open('/test/fixtures/loading/policy-in-html.html');
    const el = page.win.document.querySelector('trust-center-policy')!;
    await waitUntil(() => headings(el) === 8, 'the policy rendered', { timeout: 10000 });
    const fetches = (page.win as unknown as { fetches: Array<{ path: string; defined: boolean }> }).fetches;
    expect(fetches.filter((f) => f.path === COMPILED)).to.deep.equal([{ path: COMPILED, defined: false }]);
    page.frame.remove();
  });
});
