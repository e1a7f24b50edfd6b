import { html, nothing, type TemplateResult } from 'lit';
import { listInParts, nextTask, progressiveParts } from './progressive.js';
import { Slugger } from './slug.js';
import { checkLink, normalizeOrigin, safeImageUrl } from './url.js';

// The markdown tree (tree.ts) → Lit templates, without marked: the compiled path loads this alone. The tree
// may come from a file anyone could have edited, so nothing here trusts its shape: a value is used only when
// it has the type its place expects, text reaches the page only through Lit's text bindings, and every URL
// is checked when rendered.

export interface MarkdownHeading {
  /** The heading's level in the markdown (`##` is 2), before `headingOffset`: the table of contents nests by it. */
  depth: number;
  text: string;
  id: string;
}

export interface RenderMarkdownOptions {
  /** Absolute URL of the markdown document; relative links and images resolve against it. */
  baseUrl?: string;
  /** Maps an in-document anchor id to the href to use, e.g. id => `#security/${id}` (default: `#${id}`). */
  anchorHref?: (id: string) => string;
  /** Origin of the page, to tell external links apart (default: location.origin). */
  pageOrigin?: string;
  /**
   * Origins (`https://cdn.example`) absolute image URLs may load from; an image from any other is not
   * requested, and its alt text is shown with `imageNotShown`. Absent: any origin.
   */
  imageOrigins?: readonly string[];
  /** Said after the alt text of an image that is not shown (default: "image not shown"). */
  imageNotShown?: string;
  /** Levels added to every heading, capped at h6: 1 puts `##` at h3, under a title at h2 (default 0). */
  headingOffset?: number;
}

export interface RenderedMarkdown {
  template: TemplateResult;
  headings: MarkdownHeading[];
  /** From the sliced renderers: settles once every part of the template is on the page. */
  done?: Promise<void>;
  /** Put on the page in parts: long enough to lay out only what is near the viewport (policy-page.ts). */
  long?: boolean;
  /** Renders the entries of this document's table of contents, in parts when there are many. */
  tocEntries?: (entries: () => readonly unknown[]) => unknown;
  /** From the sliced renderers: settles once the text and its table of contents are wholly on the page. */
  settled?: Promise<void>;
}

/** What a node renders to: Lit only ever sees markdown text through text bindings. */
type Content = TemplateResult | string;
/** A lone child is bound directly: an array costs Lit an extra part and two markers per item. */
type Children = Content | Content[];
type Node = readonly unknown[];

interface RenderContext {
  readonly slugger: Slugger;
  readonly headings: MarkdownHeading[];
  readonly baseUrl: string | undefined;
  /** baseUrl without its fragment, to spot links back into this document. */
  readonly documentUrl: string | undefined;
  readonly anchorHref: (id: string) => string;
  readonly pageOrigin: string;
  readonly imageOrigins: ReadonlySet<string> | undefined;
  readonly imageNotShown: string;
  readonly headingOffset: number;
  tableCount: number;
  /** How many elements deep the current node renders. */
  depth: number;
}

const CODE_LANGUAGE = /^[\w-]+$/;
// Far beyond real documents; deeper content is flattened to text so rendering cannot exhaust the stack.
const MAX_DEPTH = 64;
const ALIGNMENTS: ReadonlySet<unknown> = new Set(['left', 'center', 'right']);
// Far beyond real tables; a wider one is shown as its source, since browsers lay out 25,000 columns for seconds.
export const MAX_COLUMNS = 64;

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function isNode(value: unknown): value is Node {
  return Array.isArray(value) && typeof value[0] === 'string';
}

function defaultAnchorHref(id: string): string {
  return `#${id}`;
}

/** Appends text, merging with a preceding string so Lit creates one text part instead of many. */
function pushText(out: Content[], text: string): void {
  if (text === '') return;
  const last = out.length - 1;
  if (last >= 0 && typeof out[last] === 'string') out[last] += text;
  else out.push(text);
}

function children(out: Content[]): Children {
  return out.length === 1 ? out[0]! : out;
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

// ---------------------------------------------------------------------------------------------
// Plain text

function appendInlineText(nodes: Node, from: number, parts: string[], depth: number): void {
  if (depth > MAX_DEPTH * 2) return;
  for (let i = from; i < nodes.length; i++) {
    const node = nodes[i];
    if (typeof node === 'string') {
      parts.push(node);
      continue;
    }
    if (!isNode(node)) continue;
    switch (node[0]) {
      case 'code':
        parts.push(str(node[1]));
        break;
      case 'a':
        appendInlineText(node, 3, parts, depth + 1);
        break;
      case 'img':
        parts.push(str(node[2]));
        break;
      case 'br':
        parts.push('\n');
        break;
      case 'cb':
        break;
      default:
        appendInlineText(node, 1, parts, depth + 1);
    }
  }
}

function inlineText(nodes: Node, from: number, depth = 0): string {
  const parts: string[] = [];
  appendInlineText(nodes, from, parts, depth);
  return parts.join('');
}

function cellsText(row: unknown): string {
  return Array.isArray(row) ? row.map((cell) => (Array.isArray(cell) ? inlineText(cell, 1) : '')).join('\t') : '';
}

/** One string per block; lists and tables put each item/row on its own line. */
function blockTexts(nodes: Node, from: number, depth = 0): string[] {
  const blocks: string[] = [];
  if (depth > MAX_DEPTH * 2) return blocks;
  for (let i = from; i < nodes.length; i++) {
    const node = nodes[i];
    if (typeof node === 'string') {
      blocks.push(node);
      continue;
    }
    if (!isNode(node)) continue;
    switch (node[0]) {
      case 'hr':
      case 'cb':
        break;
      case 'h':
        blocks.push(inlineText(node, 2, depth + 1));
        break;
      case 'pre':
        blocks.push(str(node[2]));
        break;
      case 'html':
      case 'raw':
        blocks.push(str(node[1]));
        break;
      case 'quote':
        blocks.push(blockTexts(node, 1, depth + 1).join('\n\n'));
        break;
      case 'ul':
      case 'ol': {
        const items: string[] = [];
        for (let j = node[0] === 'ol' ? 2 : 1; j < node.length; j++) {
          const item = node[j];
          if (isNode(item)) items.push(blockTexts(item, 2, depth + 1).join('\n'));
        }
        blocks.push(items.join('\n'));
        break;
      }
      case 'table': {
        const rows: string[] = [];
        for (let j = 1; j < node.length; j++) rows.push(cellsText(node[j]));
        blocks.push(rows.join('\n'));
        break;
      }
      default:
        blocks.push(inlineText(node, 1, depth + 1));
    }
  }
  return blocks.filter((block) => block !== '');
}

/** Plain text of a tree: no markup, a blank line between blocks. */
export function treeText(nodes: readonly unknown[]): string {
  return blockTexts(nodes, 0).join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// Templates

function renderCheckbox(checked: boolean): TemplateResult {
  // The label makes the disabled control axe-clean; its state is announced natively.
  return html`<input type="checkbox" disabled ?checked=${checked} aria-label="Task"> `;
}

/** The fragment of an href that points into this document (`#x`, or `this.md#x`), if it does. */
function ownFragment(href: string, ctx: RenderContext): string | undefined {
  const hashAt = href.indexOf('#');
  if (hashAt === 0) return href.slice(1);
  if (hashAt > 0 && href.slice(0, hashAt) === ctx.documentUrl) return href.slice(hashAt + 1);
  return undefined;
}

function resolveLink(raw: string, ctx: RenderContext): { href: string; external: boolean } | undefined {
  const link = checkLink(raw, ctx.baseUrl, ctx.pageOrigin);
  const fragment = link && ownFragment(link.href, ctx);
  if (fragment === undefined) return link;
  // The host's mapping is trusted code, but the id inside it comes from the document.
  return checkLink(ctx.anchorHref(decodeFragment(fragment)), undefined, ctx.pageOrigin);
}

function appendLink(node: Node, ctx: RenderContext, out: Content[]): void {
  const link = resolveLink(str(node[1]), ctx);
  if (link === undefined) {
    appendInline(node, 3, ctx, out);
    return;
  }
  const content = renderInline(node, 3, ctx);
  const title = str(node[2]);
  const { href, external } = link;
  // One template per attribute combination: a binding to `nothing` still costs Lit a part.
  if (title === '') {
    out.push(external ? html`<a href=${href} rel="noopener noreferrer">${content}</a>` : html`<a href=${href}>${content}</a>`);
  } else {
    out.push(
      external
        ? html`<a href=${href} title=${title} rel="noopener noreferrer">${content}</a>`
        : html`<a href=${href} title=${title}>${content}</a>`,
    );
  }
}

/** Whether an image may be requested: relative (the page's own), or on one of the allowed origins. */
function imageAllowed(src: string, ctx: RenderContext): boolean {
  if (!ctx.imageOrigins) return true;
  try {
    return ctx.imageOrigins.has(new URL(src).origin);
  } catch {
    return true;
  }
}

function appendImage(node: Node, ctx: RenderContext, out: Content[]): void {
  const alt = str(node[2]);
  const src = safeImageUrl(str(node[1]), ctx.baseUrl);
  if (src === undefined) {
    pushText(out, alt);
    return;
  }
  if (!imageAllowed(src, ctx)) {
    // Not requested at all: an image elsewhere could count readers (a tracking pixel).
    const note = html`<span class="image-note">(${ctx.imageNotShown})</span>`;
    out.push(alt ? html`<span class="image-not-shown">${alt} ${note}</span>` : html`<span class="image-not-shown">${note}</span>`);
    return;
  }
  // No Referer: the host page's address is not the image server's business.
  const title = str(node[3]);
  out.push(
    title === ''
      ? html`<img src=${src} alt=${alt} loading="lazy" decoding="async" referrerpolicy="no-referrer">`
      : html`<img src=${src} alt=${alt} title=${title} loading="lazy" decoding="async" referrerpolicy="no-referrer">`,
  );
}

function appendInline(nodes: Node, from: number, ctx: RenderContext, out: Content[]): void {
  for (let i = from; i < nodes.length; i++) {
    const node = nodes[i];
    if (typeof node === 'string') {
      pushText(out, node);
      continue;
    }
    if (!isNode(node)) continue;
    switch (node[0]) {
      case 'code':
        out.push(html`<code>${str(node[1])}</code>`);
        break;
      case 'strong':
        out.push(html`<strong>${renderInline(node, 1, ctx)}</strong>`);
        break;
      case 'em':
        out.push(html`<em>${renderInline(node, 1, ctx)}</em>`);
        break;
      case 'del':
        out.push(html`<del>${renderInline(node, 1, ctx)}</del>`);
        break;
      case 'br':
        out.push(html`<br>`);
        break;
      case 'a':
        appendLink(node, ctx, out);
        break;
      case 'img':
        appendImage(node, ctx, out);
        break;
      case 'cb':
        out.push(renderCheckbox(node[1] === 1 || node[1] === true));
        break;
      default:
        // Anything else (a block where inline content goes, an unknown node): its text.
        pushText(out, inlineText(node, 1, ctx.depth));
    }
  }
}

function renderInline(nodes: Node, from: number, ctx: RenderContext): Children {
  if (ctx.depth >= MAX_DEPTH) return inlineText(nodes, from);
  const out: Content[] = [];
  ctx.depth++;
  appendInline(nodes, from, ctx, out);
  ctx.depth--;
  return children(out);
}

function renderHeading(node: Node, ctx: RenderContext): TemplateResult {
  const text = inlineText(node, 2);
  const slug = ctx.slugger.slug(text);
  const depth = typeof node[1] === 'number' ? Math.min(6, Math.max(1, Math.trunc(node[1]))) || 1 : 1;
  ctx.headings.push({ depth, text, id: slug });
  const id = slug === '' ? nothing : slug;
  const content = renderInline(node, 2, ctx);
  switch (Math.min(6, depth + ctx.headingOffset)) {
    case 1:
      return html`<h1 id=${id}>${content}</h1>`;
    case 2:
      return html`<h2 id=${id}>${content}</h2>`;
    case 3:
      return html`<h3 id=${id}>${content}</h3>`;
    case 4:
      return html`<h4 id=${id}>${content}</h4>`;
    case 5:
      return html`<h5 id=${id}>${content}</h5>`;
    default:
      return html`<h6 id=${id}>${content}</h6>`;
  }
}

function renderCode(node: Node): TemplateResult {
  const lang = str(node[1]);
  const text = str(node[2]);
  return CODE_LANGUAGE.test(lang)
    ? html`<pre tabindex="0"><code class=${`language-${lang}`}>${text}</code></pre>`
    : html`<pre tabindex="0"><code>${text}</code></pre>`;
}

function renderList(node: Node, ctx: RenderContext): TemplateResult {
  const ordered = node[0] === 'ol';
  const items: TemplateResult[] = [];
  let hasTask = false;
  for (let i = ordered ? 2 : 1; i < node.length; i++) {
    const item = node[i];
    if (!isNode(item)) continue;
    const task = item[1] === 1 || item[1] === true;
    hasTask ||= task;
    const content = renderBlocks(item, 2, ctx);
    items.push(task ? html`<li class="task-list-item">${content}</li>` : html`<li>${content}</li>`);
  }
  if (ordered) {
    const start = node[1];
    return typeof start === 'number' && Number.isSafeInteger(start) && start !== 1
      ? html`<ol start=${start}>${items}</ol>`
      : html`<ol>${items}</ol>`;
  }
  return hasTask ? html`<ul class="contains-task-list">${items}</ul>` : html`<ul>${items}</ul>`;
}

function cellParts(cell: unknown, ctx: RenderContext): { align: string; content: Children } {
  if (!Array.isArray(cell)) return { align: '', content: '' };
  return { align: ALIGNMENTS.has(cell[0]) ? (cell[0] as string) : '', content: renderInline(cell, 1, ctx) };
}

function renderTable(node: Node, ctx: RenderContext): TemplateResult {
  const header = Array.isArray(node[1]) ? (node[1] as unknown[]) : [];
  if (header.length > MAX_COLUMNS) {
    const rows: string[] = [];
    for (let i = 1; i < node.length; i++) rows.push(cellsText(node[i]));
    return html`<pre class="raw-markdown">${rows.join('\n')}</pre>`;
  }
  const headerCells = header.map((cell) => {
    const { align, content } = cellParts(cell, ctx);
    return align ? html`<th scope="col" class=${`align-${align}`}>${content}</th>` : html`<th scope="col">${content}</th>`;
  });
  const rows: TemplateResult[] = [];
  for (let i = 2; i < node.length; i++) {
    const row = node[i];
    if (!Array.isArray(row)) continue;
    const cells = row.slice(0, MAX_COLUMNS).map((cell) => {
      const { align, content } = cellParts(cell, ctx);
      return align ? html`<td class=${`align-${align}`}>${content}</td>` : html`<td>${content}</td>`;
    });
    rows.push(html`<tr>${cells}</tr>`);
  }
  const body = rows.length > 0 ? html`<tbody>${rows}</tbody>` : nothing;
  // Landmark names must be unique (axe landmark-unique), so tables after the first are numbered.
  const label = ++ctx.tableCount === 1 ? 'Table' : `Table ${ctx.tableCount}`;
  // A focusable, labelled region lets keyboard users scroll a table wider than the page.
  return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${label}><table><thead><tr>${headerCells}</tr></thead>${body}</table></div>`;
}

function appendBlock(node: unknown, ctx: RenderContext, out: Content[]): void {
  if (typeof node === 'string') {
    pushText(out, node);
    return;
  }
  if (!isNode(node)) return;
  switch (node[0]) {
    case 'h':
      out.push(renderHeading(node, ctx));
      break;
    case 'p':
      out.push(html`<p>${renderInline(node, 1, ctx)}</p>`);
      break;
    case 'p+':
      out.push(html`<p class="continues">${renderInline(node, 1, ctx)}</p>`);
      break;
    case 't':
      // Tight list items hold bare text instead of paragraphs.
      appendInline(node, 1, ctx, out);
      break;
    case 'pre':
      out.push(renderCode(node));
      break;
    case 'quote':
      out.push(html`<blockquote>${renderBlocks(node, 1, ctx)}</blockquote>`);
      break;
    case 'ul':
    case 'ol':
      out.push(renderList(node, ctx));
      break;
    case 'table':
      out.push(renderTable(node, ctx));
      break;
    case 'hr':
      out.push(html`<hr>`);
      break;
    case 'html':
      // Raw HTML is shown as the author typed it, never parsed.
      out.push(html`<pre class="raw-html">${str(node[1])}</pre>`);
      break;
    case 'raw':
      out.push(html`<pre class="raw-markdown">${str(node[1])}</pre>`);
      break;
    default:
      appendInline([node], 0, ctx, out);
  }
}

function renderBlocks(nodes: Node, from: number, ctx: RenderContext): Children {
  if (ctx.depth >= MAX_DEPTH) return blockTexts(nodes, from).join('\n');
  ctx.depth++;
  const out: Content[] = [];
  for (let i = from; i < nodes.length; i++) appendBlock(nodes[i], ctx, out);
  ctx.depth--;
  return children(out);
}

function currentOrigin(): string {
  return typeof location === 'undefined' ? 'null' : location.origin;
}

function withoutFragment(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return undefined;
  }
}

function renderContext(options: RenderMarkdownOptions): RenderContext {
  return {
    slugger: new Slugger(),
    headings: [],
    baseUrl: options.baseUrl,
    documentUrl: withoutFragment(options.baseUrl),
    anchorHref: options.anchorHref ?? defaultAnchorHref,
    pageOrigin: normalizeOrigin(options.pageOrigin ?? currentOrigin()),
    imageOrigins: options.imageOrigins && new Set(options.imageOrigins.map(normalizeOrigin)),
    imageNotShown: options.imageNotShown ?? 'image not shown',
    headingOffset: Math.max(0, Math.trunc(options.headingOffset ?? 0)) || 0,
    tableCount: 0,
    depth: 0,
  };
}

function fallback(nodes: readonly unknown[]): RenderedMarkdown {
  return { template: html`<pre class="raw-markdown">${treeText(nodes)}</pre>`, headings: [] };
}

/** Renders a markdown tree (any JSON: see the top of this file) to a Lit template, all at once. */
export function renderTree(nodes: readonly unknown[], options: RenderMarkdownOptions = {}): RenderedMarkdown {
  if (!Array.isArray(nodes)) return fallback([]);
  const ctx = renderContext(options);
  try {
    const template = html`${renderBlocks(nodes, 0, ctx)}`;
    // Marked as renderTreeInSlices marks it, so a page rendered at once lays out like one rendered in parts.
    const long = nodes.reduce((sum: number, node) => sum + nodeChars(node, PART_CHARS + 1), 0) > PART_CHARS;
    return long ? { template, headings: ctx.headings, long } : { template, headings: ctx.headings };
  } catch {
    return fallback(nodes);
  }
}

/** Text characters in a node, counted up to `limit`: what a part of the page is measured in. */
function nodeChars(node: unknown, limit: number, depth = 0): number {
  if (typeof node === 'string') return node.length;
  if (!Array.isArray(node) || depth > MAX_DEPTH) return 0;
  let chars = 0;
  for (let i = 1; i < node.length && chars < limit; i++) chars += nodeChars(node[i], limit - chars, depth + 1);
  return chars;
}

/** Characters of text put on the page per part: a part's commit stays a few milliseconds. */
export const PART_CHARS = 8_000;
/** Milliseconds of template building after which it yields to the page. */
const SLICE_MS = 8;

/**
 * renderTree for long documents without long tasks: it builds the template a part at a time, yielding to
 * the browser between slices, and the template puts its parts on the page a few per frame (`done` settles
 * when the last is there). A part ends before a heading where one comes soon enough, so a deep link's
 * section tends to arrive whole. Same output as renderTree; headings are complete when it resolves.
 * `signal` stops it between slices.
 */
export async function renderTreeInSlices(
  nodes: readonly unknown[],
  options: RenderMarkdownOptions = {},
  signal?: AbortSignal,
): Promise<RenderedMarkdown> {
  if (!Array.isArray(nodes)) return fallback([]);
  const ctx = renderContext(options);
  try {
    const sizes = nodes.map((node) => nodeChars(node, PART_CHARS * 2));
    // A short document goes on the page at once, as renderTree puts it.
    if (sizes.reduce((sum, size) => sum + size, 0) <= PART_CHARS) {
      return { template: html`${renderBlocks(nodes, 0, ctx)}`, headings: ctx.headings };
    }
    const parts: Children[] = [];
    let sliceStart = performance.now();
    for (let start = 0; start < nodes.length; ) {
      let end = start;
      let size = 0;
      while (end < nodes.length && (end === start || size < PART_CHARS)) size += sizes[end++]!;
      // Up to half a part more, to end before the next heading.
      for (let extra = end, more = size; extra < nodes.length && more < PART_CHARS * 1.5; more += sizes[extra++]!) {
        if (isNode(nodes[extra]) && (nodes[extra] as Node)[0] === 'h') {
          end = extra;
          break;
        }
      }
      const out: Content[] = [];
      for (let i = start; i < end; i++) appendBlock(nodes[i], ctx, out);
      parts.push(children(out));
      start = end;
      if (start < nodes.length && performance.now() - sliceStart >= SLICE_MS) {
        await nextTask();
        signal?.throwIfAborted();
        sliceStart = performance.now();
      }
    }
    const progress = progressiveParts(parts);
    const tocEntries = listInParts();
    const settled = Promise.all([progress.done, tocEntries.done]).then(() => undefined);
    return { template: html`${progress.directive}`, headings: ctx.headings, done: progress.done, long: true, tocEntries, settled };
  } catch (error) {
    if (signal?.aborted) throw error;
    return fallback(nodes);
  }
}
