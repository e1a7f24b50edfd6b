import { html, type TemplateResult } from 'lit';
import { builder, type Attributes, type Builder } from './builders.js';
import { listInParts, nextTask, progressiveParts } from './progressive.js';
import { Slugger } from './slug.js';
import { checkLink, normalizeOrigin, safeImageUrl } from './url.js';

// The markdown tree (tree.ts) → elements (builders.ts) in a Lit template, without marked: the compiled path
// loads this alone. The tree may come from a file anyone could have edited, so nothing here trusts its shape:
// a value is used only when it has the type its place expects, text reaches the page only as text nodes (or
// Lit's text bindings), tag and attribute names are the renderer's own, and every URL is checked when rendered.

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

/** What a node renders to: an element the builder made, or text. */
type Content = unknown;
/** A lone child is passed as is: an array costs Lit an extra part and two markers per item. */
type Children = Content | Content[];
type Node = readonly unknown[];

interface RenderContext {
  readonly build: Builder;
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
  if (last >= 0 && typeof out[last] === 'string') out[last] = (out[last] as string) + text;
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
// Elements

function renderCheckbox(checked: boolean, ctx: RenderContext, out: Content[]): void {
  // The label makes the disabled control axe-clean; its state is announced natively.
  out.push(ctx.build.el('input', { type: 'checkbox', disabled: true, checked, 'aria-label': 'Task' }, []));
  pushText(out, ' ');
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
  const title = str(node[2]);
  const attributes: Attributes = { href: link.href, title: title === '' ? undefined : title, rel: link.external ? 'noopener noreferrer' : undefined };
  out.push(ctx.build.el('a', attributes, renderInline(node, 3, ctx)));
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
  const { build } = ctx;
  if (!imageAllowed(src, ctx)) {
    // Not requested at all: an image elsewhere could count readers (a tracking pixel).
    const note = build.el('span', { class: 'image-note' }, `(${ctx.imageNotShown})`);
    out.push(build.el('span', { class: 'image-not-shown' }, alt ? [`${alt} `, note] : note));
    return;
  }
  // No Referer: the host page's address is not the image server's business.
  const title = str(node[3]);
  // src last: a copy gets its attributes in this order, and src set first would start the request eagerly, with a Referer.
  const attributes = { alt, title: title === '' ? undefined : title, loading: 'lazy', decoding: 'async', referrerpolicy: 'no-referrer', src };
  out.push(build.el('img', attributes, []));
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
        out.push(ctx.build.el('code', null, str(node[1])));
        break;
      case 'strong':
      case 'em':
      case 'del':
        out.push(ctx.build.el(node[0], null, renderInline(node, 1, ctx)));
        break;
      case 'br':
        out.push(ctx.build.el('br', null, []));
        break;
      case 'a':
        appendLink(node, ctx, out);
        break;
      case 'img':
        appendImage(node, ctx, out);
        break;
      case 'cb':
        renderCheckbox(node[1] === 1 || node[1] === true, ctx, out);
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

const HEADING_TAGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const;

function renderHeading(node: Node, ctx: RenderContext): Content {
  const text = inlineText(node, 2);
  const slug = ctx.slugger.slug(text);
  const depth = typeof node[1] === 'number' ? Math.min(6, Math.max(1, Math.trunc(node[1]))) || 1 : 1;
  ctx.headings.push({ depth, text, id: slug });
  const tag = HEADING_TAGS[Math.min(6, depth + ctx.headingOffset) - 1]!;
  return ctx.build.el(tag, slug === '' ? null : { id: slug }, renderInline(node, 2, ctx));
}

function renderCode(node: Node, ctx: RenderContext): Content {
  const lang = str(node[1]);
  const code = ctx.build.el('code', CODE_LANGUAGE.test(lang) ? { class: `language-${lang}` } : null, str(node[2]));
  return ctx.build.el('pre', { tabindex: '0' }, code);
}

function renderList(node: Node, ctx: RenderContext): Content {
  const ordered = node[0] === 'ol';
  const items: Content[] = [];
  let hasTask = false;
  for (let i = ordered ? 2 : 1; i < node.length; i++) {
    const item = node[i];
    if (!isNode(item)) continue;
    const task = item[1] === 1 || item[1] === true;
    hasTask ||= task;
    items.push(ctx.build.el('li', task ? { class: 'task-list-item' } : null, renderBlocks(item, 2, ctx)));
  }
  if (ordered) {
    const start = node[1];
    const numbered = typeof start === 'number' && Number.isSafeInteger(start) && start !== 1;
    return ctx.build.el('ol', numbered ? { start: String(start) } : null, items);
  }
  return ctx.build.el('ul', hasTask ? { class: 'contains-task-list' } : null, items);
}

function renderCell(tag: 'th' | 'td', cell: unknown, ctx: RenderContext): Content {
  const align = Array.isArray(cell) && ALIGNMENTS.has(cell[0]) ? `align-${cell[0] as string}` : undefined;
  const content = Array.isArray(cell) ? renderInline(cell, 1, ctx) : '';
  return ctx.build.el(tag, tag === 'th' ? { scope: 'col', class: align } : align ? { class: align } : null, content);
}

function renderTable(node: Node, ctx: RenderContext): Content {
  const { build } = ctx;
  const header = Array.isArray(node[1]) ? (node[1] as unknown[]) : [];
  if (header.length > MAX_COLUMNS) {
    const rows: string[] = [];
    for (let i = 1; i < node.length; i++) rows.push(cellsText(node[i]));
    return build.el('pre', { class: 'raw-markdown' }, rows.join('\n'));
  }
  const headerCells = header.map((cell) => renderCell('th', cell, ctx));
  const rows: Content[] = [];
  for (let i = 2; i < node.length; i++) {
    const row = node[i];
    if (!Array.isArray(row)) continue;
    rows.push(build.el('tr', null, row.slice(0, MAX_COLUMNS).map((cell) => renderCell('td', cell, ctx))));
  }
  const table = [build.el('thead', null, build.el('tr', null, headerCells))];
  if (rows.length > 0) table.push(build.el('tbody', null, rows));
  // Landmark names must be unique (axe landmark-unique), so tables after the first are numbered.
  const label = ++ctx.tableCount === 1 ? 'Table' : `Table ${ctx.tableCount}`;
  // A focusable, labelled region lets keyboard users scroll a table wider than the page.
  return build.el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': label }, build.el('table', null, table));
}

function appendBlock(node: unknown, ctx: RenderContext, out: Content[]): void {
  if (typeof node === 'string') {
    pushText(out, node);
    return;
  }
  if (!isNode(node)) return;
  const { build } = ctx;
  switch (node[0]) {
    case 'h':
      out.push(renderHeading(node, ctx));
      break;
    case 'p':
      out.push(build.el('p', null, renderInline(node, 1, ctx)));
      break;
    case 'p+':
      out.push(build.el('p', { class: 'continues' }, renderInline(node, 1, ctx)));
      break;
    case 't':
      // Tight list items hold bare text instead of paragraphs.
      appendInline(node, 1, ctx, out);
      break;
    case 'pre':
      out.push(renderCode(node, ctx));
      break;
    case 'quote':
      out.push(build.el('blockquote', null, renderBlocks(node, 1, ctx)));
      break;
    case 'ul':
    case 'ol':
      out.push(renderList(node, ctx));
      break;
    case 'table':
      out.push(renderTable(node, ctx));
      break;
    case 'hr':
      out.push(build.el('hr', null, []));
      break;
    case 'html':
      // Raw HTML is shown as the author typed it, never parsed.
      out.push(build.el('pre', { class: 'raw-html' }, str(node[1])));
      break;
    case 'raw':
      out.push(build.el('pre', { class: 'raw-markdown' }, str(node[1])));
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
    build: builder(),
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
    const template = html`${ctx.build.finish(renderBlocks(nodes, 0, ctx))}`;
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
      return { template: html`${ctx.build.finish(renderBlocks(nodes, 0, ctx))}`, headings: ctx.headings };
    }
    const parts: unknown[] = [];
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
      // One box per part, which the page lays out only near the viewport (policy-page.ts). Margins do not
      // collapse across it: the part before a heading says so, and drops its last margin for the heading's.
      const beforeHeading = isNode(nodes[end]) && (nodes[end] as Node)[0] === 'h';
      parts.push(ctx.build.finish(ctx.build.el('div', { class: beforeHeading ? 'part before-heading' : 'part' }, children(out))));
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
