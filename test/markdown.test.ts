import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { render } from 'lit';
import { markdownToText, renderMarkdown, renderMarkdownInSlices, type RenderMarkdownOptions } from '../src/markdown/markdown.js';
import { isExternal, safeImageUrl, safeUrl } from '../src/markdown/url.js';
import { markdownSections } from '../src/markdown/sections.js';
import { PIECE_CHARS } from '../src/markdown/lexer.js';
import { policyElementStyles } from '../src/elements/policy-page.js';

declare global {
  interface Window {
    __xss?: unknown;
  }
}

const BASE = 'https://docs.example/policies/security.md';
const PAGE_ORIGIN = 'https://docs.example';

async function show(markdown: string, options?: RenderMarkdownOptions): Promise<HTMLElement> {
  const { template } = renderMarkdown(markdown, options);
  return fixture<HTMLElement>(html`<div>${template}</div>`);
}

function text(node: Element | null): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function one<T extends Element = HTMLElement>(root: Element, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`${selector} not found in ${root.innerHTML}`);
  return found;
}

function all<T extends Element = HTMLElement>(root: Element, selector: string): T[] {
  return [...root.querySelectorAll<T>(selector)];
}

async function fixtureText(path: string): Promise<string> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.text();
}

describe('safeUrl', () => {
  it('allows http(s), mailto, tel, relative and fragment URLs', () => {
    expect(safeUrl('https://a.example/x')).to.equal('https://a.example/x');
    expect(safeUrl('http://a.example/x')).to.equal('http://a.example/x');
    expect(safeUrl('mailto:me@a.example')).to.equal('mailto:me@a.example');
    expect(safeUrl('tel:+15551234')).to.equal('tel:+15551234');
    expect(safeUrl('other.md')).to.equal('other.md');
    expect(safeUrl('#section')).to.equal('#section');
  });

  it('resolves relative and protocol-relative URLs against the base, but not fragments', () => {
    expect(safeUrl('other.md', BASE)).to.equal('https://docs.example/policies/other.md');
    expect(safeUrl('../img/a.png', BASE)).to.equal('https://docs.example/img/a.png');
    expect(safeUrl('//cdn.example/a', BASE)).to.equal('https://cdn.example/a');
    expect(safeUrl('#top', BASE)).to.equal('#top');
  });

  it('rejects script-capable and local schemes however they are disguised', () => {
    const rejected = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '\u0001javascript:alert(1)',
      ' javascript:alert(1)',
      '\u0000javascript:alert(1)',
      '&#106;avascript:alert(1)',
      'javascript&colon;alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'blob:https://a.example/1234',
      'file:///etc/passwd',
      'about:blank',
      'http://[not a host',
    ];
    for (const raw of rejected) expect(safeUrl(raw), JSON.stringify(raw)).to.equal(undefined);
    expect(safeUrl('javascript:alert(1)', BASE)).to.equal(undefined);
  });

  it('returns what it checked: stripped of the characters browsers ignore', () => {
    expect(safeUrl(' \thttps://a.example/x\n ')).to.equal('https://a.example/x');
  });

  it('allows only http(s) and relative URLs for images', () => {
    expect(safeImageUrl('a.png', BASE)).to.equal('https://docs.example/policies/a.png');
    expect(safeImageUrl('https://a.example/a.png')).to.equal('https://a.example/a.png');
    expect(safeImageUrl('data:image/png;base64,AAAA')).to.equal(undefined);
    expect(safeImageUrl('mailto:a@b.example')).to.equal(undefined);
    expect(safeImageUrl('javascript:alert(1)')).to.equal(undefined);
  });

  it('tells external links apart from same-origin ones', () => {
    expect(isExternal('https://other.example/x', PAGE_ORIGIN)).to.equal(true);
    expect(isExternal('//other.example/x', PAGE_ORIGIN)).to.equal(true);
    expect(isExternal('https://docs.example/x', PAGE_ORIGIN)).to.equal(false);
    expect(isExternal('/x', PAGE_ORIGIN)).to.equal(false);
    expect(isExternal('#x', PAGE_ORIGIN)).to.equal(false);
    expect(isExternal('mailto:a@b.example', PAGE_ORIGIN)).to.equal(false);
  });
});

describe('renderMarkdown: constructs', () => {
  it('renders h1–h6 with GitHub-style ids, numbering duplicates', async () => {
    const md = '# Hello, World!\n## Data *Encryption*\n### Details\n#### Details\n##### `code` & more\n###### Details\n';
    const { headings } = renderMarkdown(md);
    const el = await show(md);
    expect(all(el, 'h1, h2, h3, h4, h5, h6').map((h) => [h.localName, h.id, text(h)])).to.deep.equal([
      ['h1', 'hello-world', 'Hello, World!'],
      ['h2', 'data-encryption', 'Data Encryption'],
      ['h3', 'details', 'Details'],
      ['h4', 'details-1', 'Details'],
      ['h5', 'code--more', 'code & more'],
      ['h6', 'details-2', 'Details'],
    ]);
    expect(one(el, 'h2 em').textContent).to.equal('Encryption');
    expect(one(el, 'h5 code').textContent).to.equal('code');
    expect(headings).to.deep.equal([
      { depth: 1, text: 'Hello, World!', id: 'hello-world' },
      { depth: 2, text: 'Data Encryption', id: 'data-encryption' },
      { depth: 3, text: 'Details', id: 'details' },
      { depth: 4, text: 'Details', id: 'details-1' },
      { depth: 5, text: 'code & more', id: 'code--more' },
      { depth: 6, text: 'Details', id: 'details-2' },
    ]);
  });

  it('headingOffset moves every heading down that many levels, capped at h6, with the same ids and table of contents', async () => {
    const md = '## Scope\n### Details\n#### Notes\n##### Fine print\n';
    const { headings } = renderMarkdown(md, { headingOffset: 2 });
    const el = await show(md, { headingOffset: 2 });
    expect(all(el, 'h1, h2, h3, h4, h5, h6').map((h) => `${h.localName}#${h.id}`)).to.deep.equal([
      'h4#scope',
      'h5#details',
      'h6#notes',
      'h6#fine-print',
    ]);
    expect(headings.map((h) => [h.depth, h.id])).to.deep.equal(renderMarkdown(md).headings.map((h) => [h.depth, h.id]));
  });

  it('collects setext headings and headings nested in quotes and lists, in document order', async () => {
    const { headings } = renderMarkdown('Title\n=====\n\n> ## Quoted\n\n- ### In list\n\nSub\n---\n');
    expect(headings.map((h) => [h.depth, h.id])).to.deep.equal([
      [1, 'title'],
      [2, 'quoted'],
      [3, 'in-list'],
      [2, 'sub'],
    ]);
  });

  it('starts numbering duplicates afresh for each document', () => {
    expect(renderMarkdown('# A\n# A').headings.map((h) => h.id)).to.deep.equal(['a', 'a-1']);
    expect(renderMarkdown('# A\n# A').headings.map((h) => h.id)).to.deep.equal(['a', 'a-1']);
  });

  it('renders paragraphs, emphasis, strong, strikethrough and inline code', async () => {
    const el = await show('One **bold** and *em* and ~~gone~~ and `a < b`.\n\nTwo _under_ __strong__.');
    const paragraphs = all(el, 'p');
    expect(paragraphs).to.have.length(2);
    expect(one(el, 'strong').textContent).to.equal('bold');
    expect(one(el, 'em').textContent).to.equal('em');
    expect(one(el, 'del').textContent).to.equal('gone');
    expect(one(el, 'code').textContent).to.equal('a < b');
    expect(text(paragraphs[0])).to.equal('One bold and em and gone and a < b.');
    expect(text(paragraphs[1])).to.equal('Two under strong.');
  });

  it('renders fenced code with a language class and keeps its text literal', async () => {
    const el = await show('```js\nconst a = "<b>&amp;</b>";\n```\n');
    const code = one(el, 'pre > code');
    expect(code.className).to.equal('language-js');
    expect(code.textContent).to.equal('const a = "<b>&amp;</b>";');
    expect(el.querySelector('b')).to.equal(null);
  });

  it('uses only the first word of the info string and drops odd language names', async () => {
    const el = await show('```ts title="x.ts"\na\n```\n\n```c++\nb\n```\n\n```\nc\n```\n');
    const codes = all(el, 'pre > code');
    expect(codes.map((c) => c.getAttribute('class'))).to.deep.equal(['language-ts', null, null]);
    expect(codes.map((c) => c.textContent)).to.deep.equal(['a', 'b', 'c']);
  });

  it('renders indented code blocks', async () => {
    const el = await show('Text:\n\n    openssl rand -hex 32\n    echo "<not a tag>"\n');
    const code = one(el, 'pre > code');
    expect(code.hasAttribute('class')).to.equal(false);
    expect(code.textContent).to.equal('openssl rand -hex 32\necho "<not a tag>"');
  });

  it('renders blockquotes with block content', async () => {
    const el = await show('> quoted **bold**\n>\n> second\n>\n> > nested');
    const quote = one(el, 'blockquote');
    expect(all(quote, ':scope > p').map(text)).to.deep.equal(['quoted bold', 'second']);
    expect(text(one(quote, 'blockquote blockquote'))).to.equal('nested');
  });

  it('renders ordered lists respecting start, and omits start=1', async () => {
    const el = await show('3. three\n4. four\n\ntext\n\n1. one\n2. two\n\ntext\n\n0. zero\n');
    const lists = all<HTMLOListElement>(el, 'ol');
    expect(lists.map((l) => l.getAttribute('start'))).to.deep.equal(['3', null, '0']);
    expect(all(lists[0], 'li').map(text)).to.deep.equal(['three', 'four']);
    expect(lists[0].start).to.equal(3);
  });

  it('renders unordered and nested lists', async () => {
    const el = await show('- one\n  - two\n    - three\n  - two again\n- one again\n');
    const outer = one(el, 'ul');
    expect(all(outer, ':scope > li').length).to.equal(2);
    expect(all(el, 'ul ul ul > li').map(text)).to.deep.equal(['three']);
    expect(all(el, 'ul ul > li').length).to.equal(3);
    expect(outer.querySelector('p')).to.equal(null);
  });

  it('renders loose list items as paragraphs', async () => {
    const el = await show('- one\n\n- two\n\n  more\n');
    expect(all(el, 'li > p').map(text)).to.deep.equal(['one', 'two', 'more']);
  });

  it('renders task lists as disabled, labelled checkboxes', async () => {
    const el = await show('- [x] done\n- [ ] todo *soon*\n- plain\n\n1. [x] ordered task\n');
    const boxes = all<HTMLInputElement>(el, 'input');
    expect(boxes.map((b) => [b.type, b.disabled, b.checked])).to.deep.equal([
      ['checkbox', true, true],
      ['checkbox', true, false],
      ['checkbox', true, true],
    ]);
    for (const box of boxes) expect(box.getAttribute('aria-label')).to.be.a('string').and.not.equal('');
    expect(all(el, 'li.task-list-item').map(text)).to.deep.equal(['done', 'todo soon', 'ordered task']);
    expect(one(el, 'ul').classList.contains('contains-task-list')).to.equal(true);
    boxes[1].click();
    expect(boxes[1].checked).to.equal(false);
  });

  it('renders task lists in loose lists too', async () => {
    const el = await show('- [x] done\n\n- [ ] todo\n');
    expect(all<HTMLInputElement>(el, 'li > p > input').map((b) => b.checked)).to.deep.equal([true, false]);
  });

  it('renders GFM tables with alignment classes and no inline styles, inside a focusable region', async () => {
    const el = await show('| Left | Center | Right | None |\n| :--- | :---: | ---: | --- |\n| a | **b** | 1 | x |\n| c | `d` | 2 | y |\n');
    const wrap = one(el, 'div.table-wrap');
    expect(wrap.getAttribute('tabindex')).to.equal('0');
    expect(wrap.getAttribute('role')).to.equal('region');
    expect(wrap.getAttribute('aria-label')).to.equal('Table');
    const table = one(wrap, ':scope > table');
    expect(all(table, 'thead th').map((th) => [text(th), th.getAttribute('class')])).to.deep.equal([
      ['Left', 'align-left'],
      ['Center', 'align-center'],
      ['Right', 'align-right'],
      ['None', null],
    ]);
    expect(all(table, 'tbody tr').length).to.equal(2);
    expect(all(table, 'tbody tr:first-child td').map((td) => [text(td), td.getAttribute('class')])).to.deep.equal([
      ['a', 'align-left'],
      ['b', 'align-center'],
      ['1', 'align-right'],
      ['x', null],
    ]);
    expect(one(table, 'td strong').textContent).to.equal('b');
    expect(one(table, 'td code').textContent).to.equal('d');
    expect(el.querySelector('[style]')).to.equal(null);
  });

  it('renders a header-only table without an empty tbody', async () => {
    const el = await show('| a | b |\n| - | - |\n');
    expect(all(el, 'th').length).to.equal(2);
    expect(el.querySelector('tbody')).to.equal(null);
  });

  it('renders horizontal rules and hard line breaks', async () => {
    const el = await show('one  \ntwo\\\nthree\n\n---\n\nafter');
    expect(all(el, 'p br').length).to.equal(2);
    expect(el.querySelector('hr')).to.not.equal(null);
    expect(one(el, 'p').innerText).to.equal('one\ntwo\nthree');
  });

  it('honours backslash escapes', async () => {
    const el = await show('\\*not em\\* \\# \\[not a link\\](x) \\<b\\> \\\\');
    expect(el.querySelector('em, a, b')).to.equal(null);
    expect(text(one(el, 'p'))).to.equal('*not em* # [not a link](x) <b> \\');
  });

  it('shows entities as the characters they stand for, exactly once', async () => {
    const el = await show(
      'Fish &amp; Chips &copy; 2026 &lt;tag&gt; &#35; &#x41; &quot;q&quot; &nbsp;| AT&T &bogus; &copy\n\n' +
        '&#38;amp; and \\&amp; and &amp;amp;\n\n`&amp; stays` and [a &amp; b](https://a.example/?x=1&amp;y=2 "T &amp; C")',
    );
    const [first, second, third] = all(el, 'p');
    expect(first.textContent).to.equal('Fish & Chips © 2026 <tag> # A "q" \u00a0| AT&T &bogus; &copy');
    expect(second.textContent).to.equal('&amp; and &amp; and &amp;');
    expect(one(third, 'code').textContent).to.equal('&amp; stays');
    const link = one<HTMLAnchorElement>(third, 'a');
    expect(link.textContent).to.equal('a & b');
    expect(link.getAttribute('href')).to.equal('https://a.example/?x=1&y=2');
    expect(link.title).to.equal('T & C');
  });

  it('shows raw HTML blocks and inline tags as literal text', async () => {
    const el = await show('<div class="x">\n<b>hi</b>\n</div>\n\nInline <b>bold</b> and <!-- note --> here.');
    expect(el.querySelector('div.x, b')).to.equal(null);
    expect(one(el, 'pre.raw-html').textContent).to.equal('<div class="x">\n<b>hi</b>\n</div>');
    expect(one(el, 'p').textContent).to.equal('Inline <b>bold</b> and <!-- note --> here.');
  });
});

describe('renderMarkdown: the same result in several places', () => {
  it('shows the whole text wherever its template is rendered, again after it was taken off the page', async () => {
    const rendered = renderMarkdown('# Title\n\nSome *text* with [a link](https://example.com).\n\n- one\n- two');
    const first = document.body.appendChild(document.createElement('div'));
    const second = document.body.appendChild(document.createElement('div'));
    render(rendered.template, first);
    render(rendered.template, second);
    const strip = (node: HTMLElement) => node.innerHTML.replace(/<!--[^]*?-->/g, '');
    expect(strip(second)).to.equal(strip(first));
    expect(text(first.querySelector('p'))).to.equal('Some text with a link.');
    // A view switched away and back renders the same result into a new place.
    render(html``, first);
    render(html`<section>${rendered.template}</section>`, first);
    expect(text(first.querySelector('section h1'))).to.equal('Title');
    expect(first.querySelectorAll('section li')).to.have.length(2);
    // Rendering again in the same place keeps the elements it has (no flicker, no lost focus).
    const heading = second.querySelector('h1');
    render(rendered.template, second);
    expect(second.querySelector('h1')).to.equal(heading);
    first.remove();
    second.remove();
  });
});

describe('renderMarkdown: links and images', () => {
  const options: RenderMarkdownOptions = {
    baseUrl: BASE,
    pageOrigin: PAGE_ORIGIN,
    anchorHref: (id) => `#security/${id}`,
  };

  it('resolves relative links against baseUrl and keeps titles', async () => {
    const el = await show('[other](other.md "The other") [up](../index.md) [root](/x) [abs](https://docs.example/y)', options);
    const links = all<HTMLAnchorElement>(el, 'a');
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
      'https://docs.example/policies/other.md',
      'https://docs.example/index.md',
      'https://docs.example/x',
      'https://docs.example/y',
    ]);
    expect(links[0].title).to.equal('The other');
    expect(links[1].hasAttribute('title')).to.equal(false);
    for (const a of links) expect(a.hasAttribute('rel')).to.equal(false);
  });

  it('maps in-document links, also via the document\'s own file name, through anchorHref', async () => {
    const el = await show('[see](#data-encryption) [encoded](#caf%C3%A9) [default](#x)', options);
    expect(all(el, 'a').map((a) => a.getAttribute('href'))).to.deep.equal(['#security/data-encryption', '#security/café', '#security/x']);
    const own = await show('[own](security.md#data) [other](privacy.md#data)', options);
    expect(all(own, 'a').map((a) => a.getAttribute('href'))).to.deep.equal([
      '#security/data',
      'https://docs.example/policies/privacy.md#data',
    ]);
    const plain = await show('[see](#data-encryption)');
    expect(one(plain, 'a').getAttribute('href')).to.equal('#data-encryption');
  });

  it('marks external links with rel="noopener noreferrer"', async () => {
    const el = await show('[ext](https://other.example/) [same](https://docs.example/z) [mail](mailto:a@b.example) [rel](x.md)', options);
    expect(all(el, 'a').map((a) => a.getAttribute('rel'))).to.deep.equal(['noopener noreferrer', null, null, null]);
  });

  it('treats relative links as external when the document lives on another origin', async () => {
    const el = await show('[cdn](x.md)', { baseUrl: 'https://cdn.example/p.md', pageOrigin: PAGE_ORIGIN });
    const link = one(el, 'a');
    expect(link.getAttribute('href')).to.equal('https://cdn.example/x.md');
    expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
  });

  it('renders autolinks, bare URLs, www links and emails', async () => {
    const el = await show(
      '<https://auto.example/path?a=1&amp;b> <mailto:me@a.example> https://bare.example/path. www.w.example and mail@a.example',
      options,
    );
    const links = all<HTMLAnchorElement>(el, 'a');
    expect(links.map((a) => [a.getAttribute('href'), a.textContent])).to.deep.equal([
      ['https://auto.example/path?a=1&amp;b', 'https://auto.example/path?a=1&amp;b'],
      ['mailto:me@a.example', 'mailto:me@a.example'],
      ['https://bare.example/path', 'https://bare.example/path'],
      ['http://www.w.example/', 'www.w.example'],
      ['mailto:mail@a.example', 'mail@a.example'],
    ]);
  });

  it('resolves reference-style links and images from link reference definitions', async () => {
    const el = await show('[the ref][ref], [Ref] and ![logo][img]\n\n[ref]: https://ref.example/spec "Ref title"\n[img]: logo.png', options);
    const link = one<HTMLAnchorElement>(el, 'a');
    expect(all(el, 'a').map((a) => a.getAttribute('href'))).to.deep.equal(['https://ref.example/spec', 'https://ref.example/spec']);
    expect(link.title).to.equal('Ref title');
    expect(one(el, 'img').getAttribute('src')).to.equal('https://docs.example/policies/logo.png');
    expect(text(el)).to.not.contain('[ref]:');
  });

  it('renders images lazily with alt text, resolved against baseUrl', async () => {
    const el = await show('![Diagram of *the* pipeline](diagram.png "Pipeline") ![](spacer.png)', options);
    const [diagram, spacer] = all<HTMLImageElement>(el, 'img');
    expect(diagram.getAttribute('src')).to.equal('https://docs.example/policies/diagram.png');
    expect(diagram.alt).to.equal('Diagram of the pipeline');
    expect(diagram.title).to.equal('Pipeline');
    expect(diagram.getAttribute('loading')).to.equal('lazy');
    expect(diagram.getAttribute('decoding')).to.equal('async');
    expect(spacer.getAttribute('alt')).to.equal('');
  });

  it('requests an image far below the viewport only once it comes near, and without a Referer', async () => {
    const key = `lazy-${Math.random().toString(36).slice(2)}`;
    const referers = async (): Promise<string[]> => (await fetch(`/__tc/referers/${key}`)).json();
    // A long policy, put on the page in parts, with the image in a part of its own far down.
    const filler = 'A sentence of the policy that fills the page before the image comes. '.repeat(20);
    const md = `${`${filler}\n\n`.repeat(60)}![far below](${location.origin}/__tc/seen/${key}/far-below.svg)\n`;
    const sliced = await renderMarkdownInSlices(md);
    const container = document.body.appendChild(document.createElement('div'));
    container.style.paddingTop = '20000px';
    render(sliced.template, container);
    await sliced.done;
    for (let i = 0; i < 3; i++) await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    await aTimeout(200);
    expect(await referers(), 'requested while far below').to.deep.equal([]);
    container.querySelector('img')!.scrollIntoView();
    await waitUntil(async () => (await referers()).length > 0, 'requested once in view', { timeout: 5000 });
    expect(await referers(), 'one request, no Referer').to.deep.equal(['']);
    container.remove();
  });

  it('renders images inside links', async () => {
    const el = await show('[![badge](badge.png)](https://ci.example/)', options);
    expect(one(el, 'a > img').getAttribute('alt')).to.equal('badge');
  });

  it('renders only the text of links and images whose URL is unsafe', async () => {
    const el = await show('[click **me**](javascript:alert(1)) ![alt text](data:image/png;base64,AAAA) ![mail](mailto:a@b.example)', options);
    expect(el.querySelector('a, img')).to.equal(null);
    expect(one(el, 'strong').textContent).to.equal('me');
    expect(text(el)).to.equal('click me alt text mail');
  });
});

describe('markdownToText', () => {
  it('returns the text without markup', () => {
    const md =
      '# Title &amp; more\n\nSome **bold** [link](https://a.example) and `code`.\n\n- one\n- [x] two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> quote\n\n```\ncode block\n```\n';
    expect(markdownToText(md)).to.equal('Title & more\n\nSome bold link and code.\n\none\ntwo\n\na\tb\n1\t2\n\nquote\n\ncode block');
  });

  it('keeps raw HTML as literal text, like the rendered view', () => {
    expect(markdownToText('a <b>b</b>')).to.equal('a <b>b</b>');
  });
});

describe('renderMarkdown: accessibility', () => {
  it('renders a document with every construct that passes axe', async () => {
    const md = await fixtureText('/test/fixtures/constructs/constructs.md');
    const el = await show(`# Constructs\n\n${md}\n\n| Second | Table |\n| --- | --- |\n| x | y |\n`, {
      baseUrl: new URL('/test/fixtures/constructs/constructs.md', location.href).href,
    });
    expect(all(el, 'h1, h2, h3, h4, table, pre, blockquote, ol[start="3"], ul ul ul, input[type=checkbox], hr, br, img, a, del').length).to.be.greaterThan(20);
    await expect(el).to.be.accessible();
  });
});

describe('renderMarkdown: performance and robustness', () => {
  // Speed is measured by `npm run bench`, not asserted here: this checks a 1 MB document renders whole.
  it('renders a 1 MB policy document completely', async function () {
    this.timeout(60_000);
    const sources = ['northwind/privacy.md', 'northwind/security.md', 'constructs/constructs.md'];
    const texts = await Promise.all(sources.map((source) => fixtureText(`/test/fixtures/${source}`)));
    const chunk = `${texts.join('\n\n')}\n\n`;
    const headingsPerChunk = renderMarkdown(chunk).headings.length;
    const copies = Math.ceil(1_000_000 / chunk.length);
    const container = document.body.appendChild(document.createElement('div'));
    const { template, headings } = renderMarkdown(chunk.repeat(copies), { baseUrl: BASE });
    render(template, container);
    expect(headings.length).to.equal(headingsPerChunk * copies);
    expect(new Set(headings.map((h) => h.id)).size, 'heading ids unique').to.equal(headings.length);
    expect(container.querySelectorAll('table').length).to.equal(3 * copies);
    container.remove();
  });

  it('flattens absurdly deep nesting to text instead of exhausting the stack', async () => {
    const el = await show(`${'>'.repeat(200)} deep *and **deeper***`);
    expect(all(el, 'blockquote').length).to.be.within(10, 64);
    expect(text(el)).to.equal('deep and deeper');
  });

  it('nests quotes and lists at most 32 deep, keeping the text, instead of exhausting the stack', async () => {
    for (const marker of ['>', '> ', '1. ', '- > ']) {
      const markdown = `${marker.repeat(20000)}deep`;
      const el = await show(markdown);
      expect(all(el, 'blockquote, li').length, marker).to.be.within(1, 64);
      expect(all(el, 'pre'), marker).to.deep.equal([]);
      expect(text(el), marker).to.equal('deep');
      expect(markdownToText(markdown).trim(), marker).to.equal('deep');
    }
  });

  it('nests lists at most 32 deep however they are indented', async () => {
    const staircase = Array.from({ length: 300 }, (_, level) => `${'  '.repeat(level)}- level ${level}`).join('\n');
    const el = await show(staircase);
    expect(all(el, 'ul').length).to.be.within(1, 33);
    expect(text(el)).to.contain('level 0').and.to.contain('level 299');
  });

  it('leaves a long thematic break of spaced dashes a rule', async () => {
    const el = await show(`Above\n\n${'- '.repeat(40)}\n\nBelow`);
    expect(all(el, 'hr').length).to.equal(1);
    expect(all(el, 'ul')).to.deep.equal([]);
  });

  it('shows an inline run too costly to lex as the text its author wrote, and the rest formatted', async () => {
    // marked's inline lexer spends far more than the square of its length on `*_a*_a…`.
    const run = '*_a'.repeat(PIECE_CHARS);
    const el = await show(`# Before\n\nSome *emphasis*.\n\n${run}\n\n## After\n\n**Bold** text.`);
    const costly = all(el, 'p')[1]!;
    expect(costly.textContent === run, 'the run as its text').to.equal(true);
    expect(costly.children.length, 'no markup in the costly run').to.equal(0);
    expect(all(el, 'h1, h2').map((h) => h.textContent)).to.deep.equal(['Before', 'After']);
    expect(one(el, 'em').textContent).to.equal('emphasis');
    expect(one(el, 'strong').textContent).to.equal('Bold');
  });

  it('shows costly runs in headings and table cells as their text too', async () => {
    const run = '**_a'.repeat(PIECE_CHARS);
    const el = await show(`# ${run}\n\n| a | b |\n| --- | --- |\n| ${run} | *fine* |\n`);
    expect(one(el, 'h1').textContent === run, 'the heading as its text').to.equal(true);
    expect(all(el, 'td')[0]!.textContent === run, 'the cell as its text').to.equal(true);
    expect(all(el, 'h1 strong, td strong')).to.deep.equal([]);
    expect(one(el, 'td em').textContent).to.equal('fine');
  });

  it('shows a table of more than 64 columns as its source, which browsers would take seconds to lay out', async () => {
    const md = `|${' a |'.repeat(65)}\n|${' - |'.repeat(65)}\n|${' b |'.repeat(65)}\n\nAfter.`;
    const el = await show(md);
    expect(all(el, 'table')).to.deep.equal([]);
    expect(one(el, 'pre').textContent).to.equal(md.slice(0, md.indexOf('\n\n')));
    expect(one(el, 'p').textContent).to.equal('After.');
    const narrower = await show(`|${' a |'.repeat(64)}\n|${' - |'.repeat(64)}\n`);
    expect(all(narrower, 'th').length).to.equal(64);
  });

  it('keeps the formatting of a paragraph long enough to be lexed in pieces', async () => {
    const unit = 'We use *AES-256* and [TLS](https://tls.example/) for `keys`. ';
    const count = Math.ceil((3 * PIECE_CHARS) / unit.length);
    const el = await show(unit.repeat(count));
    expect(all(el, 'p').length).to.equal(1);
    expect([all(el, 'em').length, all(el, 'a').length, all(el, 'code').length]).to.deep.equal([count, count, count]);
  });

  it('copes with long runs of markdown punctuation', async () => {
    const el = await show(`${'['.repeat(20000)} ${'<'.repeat(20000)} ${'&amp;'.repeat(20000)} ${'`'.repeat(5000)}`);
    expect(all(el, 'p').map((p) => p.textContent).join('')).to.contain('[[[').and.contain('<<<').and.contain('&&&').and.not.contain('\\');
  });
});

/** Elements no markdown construct produces, so their presence means HTML got through. */
const FORBIDDEN =
  'script, iframe, frame, object, embed, svg, math, style, link, meta, base, form, button, textarea, select, template, ' +
  'video, audio, source, details, marquee, noscript, body, span, div:not(.table-wrap), input:not([type=checkbox][disabled])';
const LINK_PROTOCOLS = ['http:', 'https:', 'mailto:', 'tel:'];
const IMAGE_PROTOCOLS = ['http:', 'https:'];

async function expectInert(el: HTMLElement, payload: string): Promise<void> {
  // onerror/onload/ontoggle fire asynchronously.
  await aTimeout(50);
  expect(window.__xss, `__xss set by ${payload}`).to.equal(undefined);
  expect(all(el, FORBIDDEN).map((e) => e.localName), payload).to.deep.equal([]);
  for (const node of [el, ...all(el, '*')]) {
    for (const attr of node.getAttributeNames()) expect(attr.startsWith('on'), `${node.localName}[${attr}] from ${payload}`).to.equal(false);
    expect(node.hasAttribute('style'), `${node.localName}[style] from ${payload}`).to.equal(false);
  }
  for (const a of all<HTMLAnchorElement>(el, 'a')) {
    expect(a.hasAttribute('href'), `a without href from ${payload}`).to.equal(true);
    expect(LINK_PROTOCOLS, `${a.href} from ${payload}`).to.include(new URL(a.getAttribute('href')!, document.baseURI).protocol);
    expect(LINK_PROTOCOLS, `${a.href} from ${payload}`).to.include(a.protocol);
  }
  for (const img of all<HTMLImageElement>(el, 'img')) {
    expect(IMAGE_PROTOCOLS, `${img.src} from ${payload}`).to.include(new URL(img.getAttribute('src')!, document.baseURI).protocol);
  }
}

const XSS_PAYLOADS: string[] = [
  // Raw HTML: must come out as text.
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '<IMG SRC=x OnErRoR=window.__xss=1>',
  '<svg onload="window.__xss=1"></svg>',
  '<svg><script>window.__xss=1</script></svg>',
  '<iframe src="javascript:window.__xss=1"></iframe>',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '<object data="javascript:window.__xss=1"></object>',
  '<embed src="javascript:window.__xss=1">',
  '<body onload="window.__xss=1">',
  '<div onmouseover="window.__xss=1">hover</div>',
  '<details open ontoggle="window.__xss=1"><summary>x</summary></details>',
  '<input autofocus onfocus="window.__xss=1">',
  '<form action="javascript:window.__xss=1"><button>go</button></form>',
  '<style>@import "javascript:window.__xss=1";</style>',
  '<a href="javascript:window.__xss=1">raw anchor</a>',
  '<a href="&#106;avascript:window.__xss=1">entity anchor</a>',
  '<base href="javascript:window.__xss=1//">',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1">',
  '<noscript><p title="</noscript><img src=x onerror=window.__xss=1>">',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1></style></mglyph></table></mtext></math>',
  '<template><img src=x onerror=window.__xss=1></template>',
  '<scr<script>ipt>window.__xss=1</scr</script>ipt>',
  'Inline <img src=x onerror=window.__xss=1> and <span onmouseover="window.__xss=1">hover</span>.',
  '<!--<img src=x onerror=window.__xss=1>-->',
  // Markdown links to script-capable URLs.
  '[x](javascript:window.__xss=1)',
  '[x](JaVaScRiPt:window.__xss=1)',
  '[x](java&#x09;script:window.__xss=1)',
  '[x](java&#10;script:window.__xss=1)',
  '[x](&#106;avascript:window.__xss=1)',
  '[x](&#x6A;&#x61;vascript:window.__xss=1)',
  '[x](javascript&colon;window.__xss=1)',
  '[x](\u0001javascript:window.__xss=1)',
  '[x](&#x01;javascript:window.__xss=1)',
  '[x]( javascript:window.__xss=1)',
  '[x](&#x20;javascript:window.__xss=1)',
  '[x](<javascript:window.__xss=1>)',
  '[x](<java script:window.__xss=1>)',
  '[x](javascript:window.__xss=1 "title")',
  '[x](data:text/html,<script>window.__xss=1</script>)',
  '[x](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==)',
  '[x](vbscript:window.__xss=1)',
  '[x](blob:https://a.example/1)',
  '[x](file:///etc/passwd)',
  '<javascript:window.__xss=1>',
  '<JAVASCRIPT:window.__xss=1>',
  '<vbscript:window.__xss=1>',
  '[x][evil]\n\n[evil]: javascript:window.__xss=1',
  '[evil]\n\n[evil]: <javascript:window.__xss=1> "t"',
  '[x](https://ok.example "\\" onmouseover=\\"window.__xss=1")',
  "[x](https://ok.example 'x\\' onmouseover=\\'window.__xss=1')",
  '[<img src=x onerror=window.__xss=1>](https://ok.example)',
  '[**<svg onload=window.__xss=1>**](https://ok.example)',
  // Images.
  '![x](javascript:window.__xss=1)',
  '![x](JaVaScRiPt:window.__xss=1)',
  '![x](data:image/svg+xml,%3Csvg%20xmlns=%22http://www.w3.org/2000/svg%22%20onload=%22window.__xss=1%22%3E%3C/svg%3E)',
  '![x](data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIG9ubG9hZD0id2luZG93Ll9feHNzPTEiLz4=)',
  '![x](&#106;avascript:window.__xss=1)',
  '![x](x.png "\\" onerror=\\"window.__xss=1")',
  '![x" onerror="window.__xss=1](x.png)',
  '![<img src=x onerror=window.__xss=1>](x.png)',
  '![x][evilimg]\n\n[evilimg]: data:image/svg+xml,<svg/onload=window.__xss=1>',
  // HTML in other constructs.
  '# <img src=x onerror=window.__xss=1> heading',
  '## <script>window.__xss=1</script>',
  '- [ ] <img src=x onerror=window.__xss=1>',
  '| a |\n|---|\n| <img src=x onerror=window.__xss=1> |',
  '> <iframe src="javascript:window.__xss=1"></iframe>',
  '```js"><script>window.__xss=1</script>\nx\n```',
  '`</code><script>window.__xss=1</script>`',
  'www.example.com/"><script>window.__xss=1</script>',
  '<https://ok.example/"onmouseover="window.__xss=1>',
];

describe('renderMarkdown: XSS corpus', () => {
  beforeEach(() => {
    delete window.__xss;
  });

  it('has at least 40 payloads', () => {
    expect(XSS_PAYLOADS.length).to.be.at.least(40);
  });

  for (const payload of XSS_PAYLOADS) {
    it(`stays inert: ${JSON.stringify(payload)}`, async () => {
      const el = await show(payload, { baseUrl: BASE, pageOrigin: PAGE_ORIGIN });
      await expectInert(el, payload);
    });
  }

  it('shows raw HTML payloads literally, as the author typed them', async () => {
    const el = await show('<script>window.__xss=1</script>\n\nA <img src=x onerror=window.__xss=1> B');
    expect(one(el, 'pre.raw-html').textContent).to.equal('<script>window.__xss=1</script>');
    expect(one(el, 'p').textContent).to.equal('A <img src=x onerror=window.__xss=1> B');
  });

  it('keeps every payload of the shared fixture corpus inert, rendered as one document', async () => {
    const md = await fixtureText('/test/fixtures/xss/xss.md');
    const el = await show(md, { baseUrl: new URL('/test/fixtures/xss/xss.md', location.href).href });
    await expectInert(el, 'test/fixtures/xss/xss.md');
    expect(text(el)).to.contain('<script>window.__xss=1</script>');
  });

  it('keeps the whole corpus inert when rendered as one document', async () => {
    const el = await show(XSS_PAYLOADS.join('\n\n'), { baseUrl: BASE });
    await expectInert(el, 'whole corpus');
  });
});

describe('markdownSections (lexing section by section, for Safari)', () => {
  it('cuts before each heading at the margin, and nowhere else', () => {
    const md = 'Intro\n\n# One\ntext\n## Two\n- item\n  # inside the item\n';
    expect([...markdownSections(md)]).to.deep.equal(['Intro\n\n', '# One\ntext\n', '## Two\n- item\n  # inside the item\n']);
  });

  it('never cuts inside a fenced code block or an HTML block', () => {
    const fenced = '```md\n# not a heading\n```\n# Real\n';
    expect([...markdownSections(fenced)]).to.deep.equal(['```md\n# not a heading\n```\n', '# Real\n']);
    const comment = '<!--\n# hidden\n-->\n# Real\n';
    expect([...markdownSections(comment)]).to.have.length(2);
    expect([...markdownSections(comment)][0]).to.contain('# hidden');
  });

  it('renders the same document as one piece: references across sections, lists, quotes, code', async () => {
    const md = '# A\nSee [the policy][p].\n\n> quoted\n# B\n- one\n- two\n# C\n```\n# code\n```\n\n[p]: https://artisser.example/policy\n';
    const el = await show(md, { baseUrl: BASE, pageOrigin: PAGE_ORIGIN });
    expect(all(el, 'h1').map((h) => h.textContent)).to.deep.equal(['A', 'B', 'C']);
    expect(one<HTMLAnchorElement>(el, 'a[href^="https://artisser"]').textContent).to.equal('the policy');
    expect(text(one(el, 'blockquote'))).to.equal('quoted');
    expect(all(el, 'li').length).to.equal(2);
    expect(one(el, 'pre code').textContent).to.equal('# code');
  });

  it('shows long bracket runs as the literal text, but leaves code alone', async () => {
    const run = '['.repeat(40);
    const el = await show(`${run} text\n\n\`\`\`\n${run}\n\`\`\`\n`);
    expect(one(el, 'p').textContent).to.equal(`${run} text`);
    expect(one(el, 'pre code').textContent).to.equal(run);
  });
});

describe('renderMarkdownInSlices (long policies without long tasks)', () => {
  async function longPolicy(kb: number): Promise<string> {
    const sources = ['northwind/privacy.md', 'northwind/security.md', 'constructs/constructs.md'];
    const chunk = `${(await Promise.all(sources.map((source) => fixtureText(`/test/fixtures/${source}`)))).join('\n\n')}\n\n`;
    return chunk.repeat(Math.ceil((kb * 1024) / chunk.length));
  }

  it('renders exactly what renderMarkdown renders, once every part is on the page', async () => {
    const md = await longPolicy(100);
    const whole = await show(md, { baseUrl: BASE, pageOrigin: PAGE_ORIGIN });
    const sliced = await renderMarkdownInSlices(md, { baseUrl: BASE, pageOrigin: PAGE_ORIGIN });
    expect(sliced.headings).to.deep.equal(renderMarkdown(md, { baseUrl: BASE }).headings);
    const el = await fixture<HTMLElement>(html`<div>${sliced.template}</div>`);
    await sliced.done;
    // Each part is one box (laid out only near the viewport); inside them, the same blocks.
    const parts = [...el.children];
    expect(parts.length, 'parts').to.be.greaterThan(2);
    expect(parts.every((part) => part.localName === 'div' && part.classList.contains('part')), 'only parts at the top').to.equal(true);
    // The part before one that starts with a heading says so (its last margin gives way to the heading's).
    const startsWithHeading = (part: Element | undefined) => /^h[1-6]$/.test(part?.firstElementChild?.localName ?? '');
    expect(parts.map((part) => part.classList.contains('before-heading'))).to.deep.equal(parts.map((_, i) => startsWithHeading(parts[i + 1])));
    expect(parts.some((part) => part.classList.contains('before-heading')), 'parts end before headings').to.equal(true);
    for (const part of parts) part.replaceWith(...part.childNodes);
    // Lit's comment markers differ with the parts; what a reader gets must not.
    const strip = (node: HTMLElement) => node.innerHTML.replace(/<!--[^]*?-->/g, '');
    expect(strip(el)).to.equal(strip(whole));
  });

  it('spaces its blocks as the same text in one piece, across the parts, after a language note too', async () => {
    // Starting with a heading, whose margin meets the note's; without the fixture's image, whose box changes
    // size when its (unreachable) file fails, at any moment.
    const md = `## Overview\n\n${await longPolicy(100)}`.replace(/^!\[.*$/gm, 'In place of the image.');
    const sliced = await renderMarkdownInSlices(md);
    const host = document.body.appendChild(document.createElement('div'));
    host.style.width = '40rem';
    const root = host.attachShadow({ mode: 'open' });
    // The element's own styles, with every part laid out so that every block has its real place, and contained
    // as content-visibility: auto contains it even when shown (no margin collapses across its edges). The text
    // holds its own last margin, as in the element, where it is a grid item.
    const laidOut = new CSSStyleSheet();
    laidOut.replaceSync('.markdown { display: flow-root; } .markdown.long > .part { content-visibility: visible; contain: layout style paint; } .markdown.long > .part > * { content-visibility: visible !important; }');
    root.adoptedStyleSheets = [...policyElementStyles.map((s) => s.styleSheet!), laidOut];
    const tops = (markdown: HTMLElement) => {
      const top = markdown.getBoundingClientRect().top;
      return [...markdown.querySelectorAll(':scope > *, :scope > .part > *')].filter((block) => !block.classList.contains('part')).map((block) => Math.round(block.getBoundingClientRect().top - top));
    };
    for (const note of [false, true]) {
      const noteTemplate = note ? html`<p class="language-note">Shown in English.</p>` : '';
      render(html`<div class="markdown">${noteTemplate}${renderMarkdown(md).template}</div><div class="markdown long">${noteTemplate}${sliced.template}</div>`, root);
      await sliced.done;
      const [whole, long] = [...root.children] as HTMLElement[];
      const [expected, actual] = [tops(whole!), tops(long!)];
      expect(actual.length, 'blocks').to.equal(expected.length);
      const moved = actual.flatMap((top, i) => (Math.abs(top - expected[i]!) > 1 ? [`block ${i}: ${top} px, ${expected[i]} px in one piece`] : []));
      expect(moved.slice(0, 5), note ? 'after a language note' : 'without one').to.deep.equal([]);
      expect(long!.getBoundingClientRect().height).to.be.closeTo(whole!.getBoundingClientRect().height, 1);
    }
    host.remove();
  });

  it('lays out every part and block of a long policy for printing', async () => {
    const sliced = await renderMarkdownInSlices(await longPolicy(100));
    const host = document.body.appendChild(document.createElement('div'));
    const root = host.attachShadow({ mode: 'open' });
    // The element's styles with their print rules applied on screen: what a printout gets (engines differ in
    // whether printing shows what content-visibility skips, so the styles say it themselves).
    const printed = policyElementStyles.map(({ cssText }) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(cssText.replaceAll('@media print', '@media all'));
      return sheet;
    });
    root.adoptedStyleSheets = printed;
    render(html`<div class="markdown long">${sliced.template}</div>`, root);
    await sliced.done;
    const boxes = [...root.querySelectorAll('.part, .part > *')];
    expect(boxes.length).to.be.greaterThan(100);
    const skippable = boxes.filter((box) => getComputedStyle(box).contentVisibility !== 'visible');
    expect(skippable.map((box) => box.outerHTML.slice(0, 40)).slice(0, 3)).to.deep.equal([]);
    // And on screen, both the parts and their blocks are skipped away from the viewport.
    root.adoptedStyleSheets = policyElementStyles.map((s) => s.styleSheet!);
    expect(getComputedStyle(root.querySelector('.part')!).contentVisibility).to.equal('auto');
    expect(getComputedStyle(root.querySelector('.part > p')!).contentVisibility).to.equal('auto');
    host.remove();
  });

  it('puts the first part on the page at once and the rest in later tasks', async () => {
    const md = await longPolicy(100);
    const sliced = await renderMarkdownInSlices(md);
    const container = document.body.appendChild(document.createElement('div'));
    render(sliced.template, container);
    const first = container.querySelectorAll('h1, h2, h3').length;
    expect(first, 'some headings at once').to.be.greaterThan(0);
    expect(first, 'not all at once').to.be.lessThan(sliced.headings.length);
    await sliced.done;
    expect(container.querySelectorAll('h1, h2, h3, h4, h5, h6').length).to.equal(sliced.headings.length);
    container.remove();
  });

  it('renders a short policy in one piece', async () => {
    const sliced = await renderMarkdownInSlices('# Short\n\nText.');
    expect(sliced.done).to.equal(undefined);
    const el = await fixture<HTMLElement>(html`<div>${sliced.template}</div>`);
    expect([one(el, 'h1').textContent, one(el, 'p').textContent]).to.deep.equal(['Short', 'Text.']);
  });

  it('renders 100 KB of costly emphasis delimiters as their text', async () => {
    const run = '*_a'.repeat(34_000);
    const sliced = await renderMarkdownInSlices(`# Runs\n\n${run}\n\n## End\n\n*Done*.`);
    const el = await fixture<HTMLElement>(html`<div>${sliced.template}</div>`);
    await sliced.done;
    const paragraphs = all(el, 'p');
    expect(paragraphs.slice(0, -1).map((p) => p.textContent).join('') === run, 'the run as its text').to.equal(true);
    expect(one(el, 'em').textContent).to.equal('Done');
    expect(sliced.headings.map((h) => h.text)).to.deep.equal(['Runs', 'End']);
  });

  it('puts a paragraph of 100 KB on the page in parts, one after another', async () => {
    const sentence = 'Each sentence of this very long paragraph is *the same*. ';
    const paragraph = sentence.repeat(Math.ceil(100_000 / sentence.length));
    const sliced = await renderMarkdownInSlices(`# Long\n\n${paragraph}\n\n## End\n`);
    const container = document.body.appendChild(document.createElement('div'));
    render(sliced.template, container);
    const first = container.querySelectorAll('p').length;
    await sliced.done;
    const parts = [...container.querySelectorAll('p')];
    expect(first, 'not all at once').to.be.lessThan(parts.length);
    expect(parts.slice(0, -1).every((p) => p.classList.contains('continues')), 'each part but the last goes on').to.equal(true);
    expect(parts.map((p) => p.textContent).join('').trim() === paragraph.replaceAll('*', '').trim(), 'the whole text, once').to.equal(true);
    expect(container.querySelectorAll('em').length).to.equal(Math.ceil(100_000 / sentence.length));
    container.remove();
  });

  it('stops between slices when aborted', async () => {
    const controller = new AbortController();
    const pending = renderMarkdownInSlices(await longPolicy(200), {}, controller.signal);
    controller.abort();
    let error: unknown;
    await pending.catch((e: unknown) => (error = e));
    expect((error as Error).name).to.equal('AbortError');
  });
});
