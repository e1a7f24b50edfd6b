import { html, nothing, type TemplateResult } from 'lit';
import type { MarkedToken, Token, Tokens } from 'marked';
import { lex, lexInSlices, type ContinuedParagraph } from './lexer.js';
import { nextTask, progressiveParts } from './progressive.js';
import { Slugger } from './slug.js';
import { decodeEntities } from './entities.js';
import { checkLink, normalizeOrigin, safeImageUrl } from './url.js';

export interface MarkdownHeading {
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
}

export interface RenderedMarkdown {
  template: TemplateResult;
  headings: MarkdownHeading[];
  /** From renderMarkdownInSlices: settles once every part of the template is on the page. */
  done?: Promise<void>;
}

/** What a token renders to: Lit only ever sees markdown text through text bindings. */
type Content = TemplateResult | string;
/** A lone child is bound directly: an array costs Lit an extra part and two markers per item. */
type Children = Content | Content[];

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
  tableCount: number;
  /** How many elements deep the current token renders. */
  depth: number;
}

const CODE_LANGUAGE = /^[\w-]+$/;
// Far beyond real documents; deeper content is flattened to text so rendering cannot exhaust the stack.
const MAX_DEPTH = 64;
// Far beyond real tables; a wider one is shown as its source, since browsers lay out 25,000 columns for seconds.
const MAX_COLUMNS = 64;
const FIRST_WORD = /^\S*/;

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
  return out.length === 1 ? out[0] : out;
}

/** The text a text token stands for: marked leaves character references in it unresolved. */
function textTokenValue(token: Tokens.Text): string {
  return token.escaped ? token.text : decodeEntities(token.text);
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

function stripFinalNewline(text: string): string {
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}

// ---------------------------------------------------------------------------------------------
// Plain text

function appendInlineText(tokens: Token[], parts: string[]): void {
  for (const token of tokens) {
    const t = token as MarkedToken;
    switch (t.type) {
      case 'text':
        if (t.tokens) appendInlineText(t.tokens, parts);
        else parts.push(textTokenValue(t));
        break;
      case 'escape':
      case 'codespan':
      case 'html':
        parts.push(t.text);
        break;
      case 'link':
        if (t.autolink) parts.push(t.text);
        else appendInlineText(t.tokens, parts);
        break;
      case 'image':
      case 'strong':
      case 'em':
      case 'del':
        appendInlineText(t.tokens, parts);
        break;
      case 'br':
        parts.push('\n');
        break;
      case 'checkbox':
        break;
      default: {
        const children = (token as Tokens.Generic).tokens;
        if (children) appendInlineText(children, parts);
      }
    }
  }
}

function inlineText(tokens: Token[]): string {
  const parts: string[] = [];
  appendInlineText(tokens, parts);
  return parts.join('');
}

/** One string per block; lists and tables put each item/row on its own line. */
function blockTexts(tokens: Token[]): string[] {
  const blocks: string[] = [];
  for (const token of tokens) {
    const t = token as MarkedToken;
    switch (t.type) {
      case 'space':
      case 'def':
      case 'hr':
      case 'checkbox':
        break;
      case 'heading':
      case 'paragraph':
        blocks.push(inlineText(t.tokens));
        break;
      case 'text':
        blocks.push(t.tokens ? inlineText(t.tokens) : textTokenValue(t));
        break;
      case 'code':
        blocks.push(stripFinalNewline(t.text));
        break;
      case 'html':
        blocks.push(stripFinalNewline(t.text));
        break;
      case 'blockquote':
        blocks.push(blockTexts(t.tokens).join('\n\n'));
        break;
      case 'list':
        blocks.push(t.items.map((item) => blockTexts(item.tokens).join('\n')).join('\n'));
        break;
      case 'table': {
        const rows = [t.header, ...t.rows];
        blocks.push(rows.map((row) => row.map((cell) => inlineText(cell.tokens)).join('\t')).join('\n'));
        break;
      }
      default:
        blocks.push(inlineText([token]));
    }
  }
  return blocks.filter((block) => block !== '');
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

function appendLink(token: Tokens.Link, ctx: RenderContext, out: Content[]): void {
  // Autolinks are literal: marked does not resolve character references in them.
  const link = resolveLink(token.autolink ? token.href : decodeEntities(token.href), ctx);
  if (link === undefined) {
    if (token.autolink) pushText(out, token.text);
    else appendInline(token.tokens, ctx, out);
    return;
  }
  const content = token.autolink ? token.text : renderInline(token.tokens, ctx);
  const title = token.title ? decodeEntities(token.title) : '';
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

function appendImage(token: Tokens.Image, ctx: RenderContext, out: Content[]): void {
  const alt = inlineText(token.tokens);
  const src = safeImageUrl(decodeEntities(token.href), ctx.baseUrl);
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
  const title = token.title ? decodeEntities(token.title) : '';
  out.push(
    title === ''
      ? html`<img src=${src} alt=${alt} loading="lazy" decoding="async" referrerpolicy="no-referrer">`
      : html`<img src=${src} alt=${alt} title=${title} loading="lazy" decoding="async" referrerpolicy="no-referrer">`,
  );
}

function appendInline(tokens: Token[], ctx: RenderContext, out: Content[]): void {
  for (const token of tokens) {
    const t = token as MarkedToken;
    switch (t.type) {
      case 'text':
        if (t.tokens) appendInline(t.tokens, ctx, out);
        else pushText(out, textTokenValue(t));
        break;
      case 'escape':
        pushText(out, t.text);
        break;
      case 'html':
        // Raw HTML is shown as the author typed it, never parsed.
        pushText(out, t.text);
        break;
      case 'codespan':
        out.push(html`<code>${t.text}</code>`);
        break;
      case 'strong':
        out.push(html`<strong>${renderInline(t.tokens, ctx)}</strong>`);
        break;
      case 'em':
        out.push(html`<em>${renderInline(t.tokens, ctx)}</em>`);
        break;
      case 'del':
        out.push(html`<del>${renderInline(t.tokens, ctx)}</del>`);
        break;
      case 'br':
        out.push(html`<br>`);
        break;
      case 'link':
        appendLink(t, ctx, out);
        break;
      case 'image':
        appendImage(t, ctx, out);
        break;
      case 'checkbox':
        out.push(renderCheckbox(t.checked));
        break;
      default: {
        // Unknown (extension) tokens: keep their content as text, never their markup.
        const children = (token as Tokens.Generic).tokens;
        if (children) appendInline(children, ctx, out);
        else pushText(out, token.raw);
      }
    }
  }
}

function renderInline(tokens: Token[], ctx: RenderContext): Children {
  if (ctx.depth >= MAX_DEPTH) return inlineText(tokens);
  const out: Content[] = [];
  ctx.depth++;
  appendInline(tokens, ctx, out);
  ctx.depth--;
  return children(out);
}

function renderHeading(token: Tokens.Heading, ctx: RenderContext): TemplateResult {
  const text = inlineText(token.tokens);
  const slug = ctx.slugger.slug(text);
  ctx.headings.push({ depth: token.depth, text, id: slug });
  const id = slug === '' ? nothing : slug;
  const content = renderInline(token.tokens, ctx);
  switch (token.depth) {
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

function renderCode(token: Tokens.Code): TemplateResult {
  const lang = FIRST_WORD.exec(token.lang ?? '')?.[0] ?? '';
  const text = stripFinalNewline(token.text);
  return CODE_LANGUAGE.test(lang)
    ? html`<pre tabindex="0"><code class=${`language-${lang}`}>${text}</code></pre>`
    : html`<pre tabindex="0"><code>${text}</code></pre>`;
}

function renderList(token: Tokens.List, ctx: RenderContext): TemplateResult {
  const items: TemplateResult[] = [];
  let hasTask = false;
  for (const item of token.items) {
    hasTask ||= item.task;
    const content = renderBlocks(item.tokens, ctx);
    items.push(item.task ? html`<li class="task-list-item">${content}</li>` : html`<li>${content}</li>`);
  }
  if (token.ordered) {
    return typeof token.start === 'number' && token.start !== 1
      ? html`<ol start=${token.start}>${items}</ol>`
      : html`<ol>${items}</ol>`;
  }
  return hasTask ? html`<ul class="contains-task-list">${items}</ul>` : html`<ul>${items}</ul>`;
}

function renderHeaderCell(cell: Tokens.TableCell, ctx: RenderContext): TemplateResult {
  const content = renderInline(cell.tokens, ctx);
  return cell.align
    ? html`<th scope="col" class=${`align-${cell.align}`}>${content}</th>`
    : html`<th scope="col">${content}</th>`;
}

function renderCell(cell: Tokens.TableCell, ctx: RenderContext): TemplateResult {
  const content = renderInline(cell.tokens, ctx);
  return cell.align ? html`<td class=${`align-${cell.align}`}>${content}</td>` : html`<td>${content}</td>`;
}

function renderTable(token: Tokens.Table, ctx: RenderContext): TemplateResult {
  if (token.header.length > MAX_COLUMNS) return html`<pre class="raw-markdown">${stripFinalNewline(token.raw)}</pre>`;
  const header = token.header.map((cell) => renderHeaderCell(cell, ctx));
  const rows = token.rows.map((row) => html`<tr>${row.map((cell) => renderCell(cell, ctx))}</tr>`);
  const body = rows.length > 0 ? html`<tbody>${rows}</tbody>` : nothing;
  // Landmark names must be unique (axe landmark-unique), so tables after the first are numbered.
  const label = ++ctx.tableCount === 1 ? 'Table' : `Table ${ctx.tableCount}`;
  // A focusable, labelled region lets keyboard users scroll a table wider than the page.
  return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${label}><table><thead><tr>${header}</tr></thead>${body}</table></div>`;
}

function renderBlocks(tokens: Token[], ctx: RenderContext): Children {
  if (ctx.depth >= MAX_DEPTH) return blockTexts(tokens).join('\n');
  ctx.depth++;
  const out: Content[] = [];
  for (const token of tokens) {
    const t = token as MarkedToken;
    switch (t.type) {
      case 'space':
      case 'def':
        break;
      case 'heading':
        out.push(renderHeading(t, ctx));
        break;
      case 'paragraph':
        out.push(
          (t as ContinuedParagraph).continues
            ? html`<p class="continues">${renderInline(t.tokens, ctx)}</p>`
            : html`<p>${renderInline(t.tokens, ctx)}</p>`,
        );
        break;
      case 'text':
        // Tight list items hold bare text blocks instead of paragraphs.
        if (t.tokens) appendInline(t.tokens, ctx, out);
        else pushText(out, textTokenValue(t));
        break;
      case 'code':
        out.push(renderCode(t));
        break;
      case 'blockquote':
        out.push(html`<blockquote>${renderBlocks(t.tokens, ctx)}</blockquote>`);
        break;
      case 'list':
        out.push(renderList(t, ctx));
        break;
      case 'table':
        out.push(renderTable(t, ctx));
        break;
      case 'hr':
        out.push(html`<hr>`);
        break;
      case 'html':
        // Raw HTML is shown as the author typed it, never parsed.
        if (t.block) out.push(html`<pre class="raw-html">${stripFinalNewline(t.text)}</pre>`);
        else pushText(out, t.text);
        break;
      default:
        appendInline([token], ctx, out);
    }
  }
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
    tableCount: 0,
    depth: 0,
  };
}

/** Renders untrusted markdown to a Lit template; no markdown text ever reaches an HTML parser. */
export function renderMarkdown(markdown: string, options: RenderMarkdownOptions = {}): RenderedMarkdown {
  const ctx = renderContext(options);
  try {
    return { template: html`${renderBlocks(lex(markdown), ctx)}`, headings: ctx.headings };
  } catch {
    // marked recurses per nesting level, so absurdly deep input overflows the stack: show it as text.
    return { template: html`<pre class="raw-markdown">${markdown}</pre>`, headings: [] };
  }
}

/** Plain text of lexed markdown: no markup, a blank line between blocks. */
export function tokensToText(tokens: Token[]): string {
  return blockTexts(tokens).join('\n\n');
}

/** Plain text of a markdown string (for summaries/search): no markup. */
export function markdownToText(markdown: string): string {
  try {
    return tokensToText(lex(markdown));
  } catch {
    return markdown;
  }
}

/** markdownToText without long tasks, for long documents (see lexInSlices). */
export async function markdownToTextInSlices(markdown: string, signal?: AbortSignal): Promise<string> {
  try {
    return tokensToText(await lexInSlices(markdown, signal));
  } catch (error) {
    if (signal?.aborted) throw error;
    return markdown;
  }
}

/** Source characters of the text put on the page per frame: its commit and layout stay well under 50 ms. */
const PART_CHARS = 8_000;

/**
 * renderMarkdown for long documents without long tasks: it lexes and builds the template a slice at a
 * time, yielding to the browser between slices, and the template puts its parts on the page one frame
 * after another (`done` settles when the last is there). Same output as renderMarkdown; headings are
 * complete when it resolves. `signal` stops it between slices.
 */
export async function renderMarkdownInSlices(
  markdown: string,
  options: RenderMarkdownOptions = {},
  signal?: AbortSignal,
): Promise<RenderedMarkdown> {
  const ctx = renderContext(options);
  try {
    const tokens = await lexInSlices(markdown, signal);
    // A short document goes on the page at once, as renderMarkdown puts it.
    if (markdown.length <= PART_CHARS) return { template: html`${renderBlocks(tokens, ctx)}`, headings: ctx.headings };
    const parts: Children[] = [];
    for (let start = 0; start < tokens.length; ) {
      let end = start;
      for (let size = 0; end < tokens.length && (end === start || size < PART_CHARS); end++) size += tokens[end]!.raw.length;
      parts.push(renderBlocks(tokens.slice(start, end), ctx));
      start = end;
      if (start < tokens.length) {
        await nextTask();
        signal?.throwIfAborted();
      }
    }
    const progress = progressiveParts(parts);
    return { template: html`${progress.directive}`, headings: ctx.headings, done: progress.done };
  } catch (error) {
    if (signal?.aborted) throw error;
    return { template: html`<pre class="raw-markdown">${markdown}</pre>`, headings: [] };
  }
}
