// The compiled manifest that `trust-center build` writes (scripts/test.mjs builds the sample into
// .test-site/ first): the element renders from it exactly what it renders from the source manifest, refuses a
// compiled file of another format version or a tampered shape with the same error states as a broken source
// manifest, and treats the compiled trees as untrusted as the markdown they came from.
import { html, fixture, expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import type { TrustCenterPolicyElement } from '../src/elements/trust-center-policy.js';
import { markdownTree } from '../src/markdown/markdown.js';
import { $$, shadow, waitFor } from './helpers.js';

const SITE = '/.test-site/trust/assets/policies/';
type Manifest = { policies: Array<{ id: string; source?: string | Record<string, string> }> };

/** What a reader gets of a rendered policy: the article's markup without Lit's comment markers. */
function articleHtml(el: Element): string {
  const article = shadow(el).querySelector('[part~="article"]');
  return (article?.innerHTML ?? '').replace(/<!--[^]*?-->/g, '');
}

async function rendered(src: string, policy: string, lang: string): Promise<TrustCenterPolicyElement> {
  const el = await fixture<TrustCenterPolicyElement>(html`<trust-center-policy src=${src} policy=${policy} lang=${lang}></trust-center-policy>`);
  await waitFor(el, '[part~="content"], [part~="error"]', 10000);
  return el;
}

/** Writes a generated file where the element can fetch it (test/server/middleware.mjs, /__tc/mem/). */
async function put(path: string, data: unknown): Promise<string> {
  const url = `/__tc/mem/${path}`;
  await fetch(url, { method: 'PUT', body: typeof data === 'string' ? data : JSON.stringify(data) });
  return url;
}

let run = 0;
/** A compiled manifest made in the browser from a source manifest with inline policies, as the build would. */
async function compiledOf(
  manifest: { policies: Array<{ id: string; content: string }> },
  tree = (markdown: string): unknown => markdownTree(markdown),
  { inline = false } = {},
) {
  const folder = `c${++run}-${Math.random().toString(36).slice(2, 8)}`;
  const trees: Record<string, string> = {};
  const carried: Record<string, unknown> = {};
  for (const policy of manifest.policies) {
    trees[policy.id] = `compiled/${policy.id}.json`;
    const file = { formatVersion: 1, blocks: tree(policy.content) };
    // Carried in the manifest, as the build does for short texts; no file to fetch then.
    if (inline) carried[trees[policy.id]!] = file;
    else await put(`${folder}/compiled/${policy.id}.json`, file);
  }
  return put(`${folder}/manifest.compiled.json`, { format: 'trust-center-compiled', formatVersion: 1, manifest, trees, ...(inline ? { inline: carried } : {}) });
}

describe('the compiled manifest', function () {
  this.timeout(60000);
  afterEach(() => fixtureCleanup());

  it('renders every policy in every language of the sample exactly as the source manifest does', async () => {
    const source = (await (await fetch(`${SITE}manifest.json`)).json()) as Manifest;
    let compared = 0;
    for (const policy of source.policies) {
      const languages = typeof policy.source === 'object' ? Object.keys(policy.source) : ['en'];
      for (const lang of languages) {
        const fromSource = await rendered(`${SITE}manifest.json`, policy.id, lang);
        const fromCompiled = await rendered(`${SITE}manifest.compiled.json`, policy.id, lang);
        const headings = (el: Element) => $$(el, '[part~="content"] :is(h1, h2, h3, h4, h5, h6)').map((h) => `${h.localName}#${h.id} ${h.textContent}`);
        await waitUntil(() => headings(fromCompiled).length === headings(fromSource).length && headings(fromSource).length > 0, `${policy.id} (${lang}) has its headings`);
        expect(headings(fromCompiled), `${policy.id} (${lang}) headings`).to.deep.equal(headings(fromSource));
        const links = (el: Element) => $$(el, '[part~="article"] a').map((a) => (a as HTMLAnchorElement).href);
        expect(links(fromCompiled), `${policy.id} (${lang}) links`).to.deep.equal(links(fromSource));
        expect(articleHtml(fromCompiled), `${policy.id} (${lang}) text and markup`).to.equal(articleHtml(fromSource));
        fixtureCleanup();
        compared++;
      }
    }
    expect(compared, 'the sample has a policy in two languages').to.be.greaterThan(source.policies.length);
  });

  it('names the compiled file in the content of the German text, not the English one', async () => {
    const el = await rendered(`${SITE}manifest.compiled.json`, 'security', 'de');
    expect(shadow(el).querySelector('[part~="content"]')!.getAttribute('lang')).to.equal('de');
    expect(shadow(el).querySelector('[part~="content"]')!.textContent).to.contain('Sicherheit');
  });

  const broken: Array<[string, (compiled: Record<string, unknown>) => void, RegExp]> = [
    ['a format version of another build', (c) => (c.formatVersion = 2), /formatVersion.*expected 1, got 2/],
    ['policies that are not a list', (c) => ((c.manifest as Record<string, unknown>).policies = 'all of them'), /manifest\.policies.*expected an array/],
    ['a policy id that is a number', (c) => ((c.manifest as Manifest).policies[0]!.id = 7 as unknown as string), /manifest\.policies\[0\]\.id.*expected an id/],
    ['a compiled text outside its folder', (c) => ((c.trees as Record<string, unknown>).security = '../../secrets.json'), /trees\.security.*inside the manifest's folder/],
    ['no compiled texts at all', (c) => delete (c.trees as Record<string, unknown>).security, /trees: expected an object of policy ids, got an empty one/],
    ['a policy without compiled text', (c) => (c.trees = { other: 'compiled/other.json' }), /trees\.security: missing: manifest\.policies\[0\] has no compiled text/],
    ['a language without compiled text', (c) => (c.trees = { security: { en: 'compiled/en.json' } }), /trees\.security: expected a file for each of en, de/],
    ['carried texts that are not an object', (c) => (c.inline = ['not', 'by', 'file']), /inline: expected an object of compiled texts by file, got/],
    ['a carried text named outside its folder', (c) => (c.inline = { '../other/tree.json': { formatVersion: 1, blocks: [] } }), /inline\["\.\.\/other\/tree\.json"\].*inside the manifest's folder/],
  ];
  for (const [name, tamper, message] of broken) {
    it(`refuses ${name} with the error state of a broken manifest`, async () => {
      const compiled = (await (await fetch(`${SITE}manifest.compiled.json`)).json()) as Record<string, unknown>;
      tamper(compiled);
      const folder = `broken-${++run}`;
      const src = await put(`${folder}/manifest.compiled.json`, compiled);
      const el = await fixture<HTMLElement>(html`<trust-center src=${src} lang="en"></trust-center>`);
      const error = await waitFor(el, '[part~="error"]', 10000);
      expect(error.getAttribute('role')).to.equal('alert');
      expect(error.textContent).to.match(message);
      expect($$(el, '[part~="overview"]')).to.have.length(0);
    });
  }

  it('shows a compiled text of another format version as the policy’s error, not as text', async () => {
    const manifest = { version: 1, organization: { name: 'Co' }, policies: [{ id: 'one', title: 'One', updated: '2026-01-01', content: '# One' }] };
    const src = await compiledOf(manifest as never);
    const folder = src.slice('/__tc/mem/'.length).replace(/\/manifest\.compiled\.json$/, '');
    await put(`${folder}/compiled/one.json`, { formatVersion: 9, blocks: [['h', 1, 'One']] });
    const el = await rendered(src, 'one', 'en');
    const error = await waitFor(el, '[part~="article"] [part~="error"]');
    expect(error.textContent).to.contain('format version 9');
    expect($$(el, '[part~="content"]')).to.have.length(0);
  });

  it('shows a carried text of another format version as the policy’s error, not as text', async () => {
    const manifest = { version: 1, organization: { name: 'Co' }, policies: [{ id: 'one', title: 'One', updated: '2026-01-01', content: '# One' }] };
    const src = await compiledOf(manifest as never, () => [['h', 1, 'One']], { inline: true });
    const compiled = (await (await fetch(src)).json()) as { inline: Record<string, { formatVersion: number }> };
    compiled.inline['compiled/one.json']!.formatVersion = 9;
    const el = await rendered(await put(`v9-${++run}/manifest.compiled.json`, compiled), 'one', 'en');
    const error = await waitFor(el, '[part~="article"] [part~="error"]');
    expect(error.textContent).to.contain('format version 9');
    expect($$(el, '[part~="content"]')).to.have.length(0);
  });

  it('renders any JSON in place of a tree as text or nothing, never as markup', async () => {
    const hostile: unknown[] = [
      ['html', '<img src=x onerror="window.__xss=1">'],
      ['h', 2, ['html', '<script>window.__xss=1</script>'], 'x" onclick="window.__xss=1'],
      ['h', '2 onclick=x', 'depth that is not a number'],
      ['p', ['a', 'javascript:window.__xss=1', null, 'click'], ['a', { href: 'javascript:x' }, 1, 'object href']],
      ['p', ['img', 'data:text/html,<script>window.__xss=1</script>', 'alt', 'title'], ['img', 'javascript:x', 'alt']],
      ['p', { toString: 'not a node' }, ['strong', ['em', ['code', '<b>code</b>']]]],
      ['table', 'not rows', 7, [[['left; onclick', '<b>cell</b>']]]],
      ['ol', '1" onclick="x', ['li', 'task', ['p', 'fine']]],
      ['pre', '"><script>window.__xss=1</script>', '<script>window.__xss=1</script>'],
      ['cb', '1" onclick="x'],
      42,
      null,
      { type: 'html', raw: '<iframe src="javascript:window.__xss=1">' },
      '<svg onload="window.__xss=1">',
    ];
    const manifest = { version: 1, organization: { name: 'Co' }, policies: [{ id: 'p', title: 'P', updated: '2026-01-01', content: 'x' }] };
    // As a file of its own and carried in the manifest: the same untrusted input either way.
    for (const inline of [false, true]) {
      const src = await compiledOf(manifest as never, () => hostile, { inline });
      const el = await rendered(src, 'p', 'en');
      await new Promise((r) => setTimeout(r, 100));
      const root = shadow(el);
      expect(root.querySelectorAll('script, iframe, svg, img[onerror], [onclick]')).to.have.length(0);
      expect(root.querySelector('[part~="content"]')!.textContent, `raw HTML shows as text (inline: ${inline})`).to.contain('<img src=x onerror="window.__xss=1">');
      for (const a of root.querySelectorAll('a[href]')) expect((a as HTMLAnchorElement).protocol).to.not.equal('javascript:');
      for (const img of root.querySelectorAll('img')) expect((img as HTMLImageElement).src).to.not.match(/^data:/);
      expect((window as Window & { __xss?: unknown }).__xss).to.equal(undefined);
      fixtureCleanup();
    }
  });
});
