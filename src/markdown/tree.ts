import type { MarkedToken, Token, Tokens } from 'marked';
import type { ContinuedParagraph } from './lexer.js';
import { decodeEntities } from './entities.js';
import { MAX_COLUMNS } from './render.js';

/**
 * The markdown tree: what the renderer (render.ts) turns into Lit templates, made from marked's tokens
 * here, or read from a compiled manifest's policy files (`trust-center build`). Every node is a JSON array
 * whose first item names it; text is a plain string with character references already resolved; URLs are
 * kept as the author wrote them (decoded), to be checked when rendered. A tree is untrusted like the
 * markdown it came from: the renderer accepts any JSON and renders only what it recognises.
 *
 * | node | what |
 * | --- | --- |
 * | `["h", depth, ...inline]` | heading, depth 1–6 (its id is made from its text when rendered) |
 * | `["p", ...inline]`, `["p+", ...inline]` | paragraph; `p+` goes on in the next one (a very long paragraph cut in parts) |
 * | `["t", ...inline]` | inline content at block level (a tight list item's text) |
 * | `["pre", language, text]` | code block |
 * | `["quote", ...blocks]` | block quote |
 * | `["ul", ...items]`, `["ol", start, ...items]` | lists; an item is `["li", task (0 or 1), ...blocks]` |
 * | `["table", header, ...rows]` | header and rows are lists of cells, a cell `[align, ...inline]` (`""`, `"left"`, `"center"`, `"right"`) |
 * | `["hr"]` | thematic break |
 * | `["html", text]` | a raw HTML block, shown as text |
 * | `["raw", text]` | markdown shown as its source (a table too wide, a document too deep to lex) |
 * | a string | text |
 * | `["em", ...]`, `["strong", ...]`, `["del", ...]` | emphasis |
 * | `["code", text]` | code span |
 * | `["a", href, title, ...inline]` | link (an autolink's text is its only child) |
 * | `["img", src, alt, title]` | image |
 * | `["br"]`, `["cb", checked (0 or 1)]` | line break, task-list checkbox |
 */
export type TreeNode = string | readonly [string, ...unknown[]];

/** Bumped when a node changes meaning; the element refuses trees of another version. */
export const TREE_VERSION = 1;

// Beyond this the renderer shows text anyway; deeper tokens are kept as their text.
const MAX_TREE_DEPTH = 128;

function stripFinalNewline(text: string): string {
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}

/** The text a text token stands for: marked leaves character references in it unresolved. */
function textTokenValue(token: Tokens.Text): string {
  return token.escaped ? token.text : decodeEntities(token.text);
}

/** Appends text, merging with a preceding string as the renderer would. */
function pushText(out: TreeNode[], text: string): void {
  if (text === '') return;
  const last = out.length - 1;
  if (last >= 0 && typeof out[last] === 'string') out[last] = (out[last] as string) + text;
  else out.push(text);
}

/** The plain text of inline tokens, for image alt text (and content nested too deep to keep). */
function tokensText(tokens: readonly Token[] | undefined, depth = 0): string {
  if (!tokens || depth > MAX_TREE_DEPTH) return '';
  let out = '';
  for (const token of tokens) {
    const t = token as MarkedToken;
    switch (t.type) {
      case 'text':
        out += t.tokens ? tokensText(t.tokens, depth + 1) : textTokenValue(t);
        break;
      case 'escape':
      case 'codespan':
      case 'html':
        out += t.text;
        break;
      case 'link':
        out += t.autolink ? t.text : tokensText(t.tokens, depth + 1);
        break;
      case 'br':
        out += '\n';
        break;
      case 'checkbox':
        break;
      default:
        out += tokensText((token as Tokens.Generic).tokens, depth + 1);
    }
  }
  return out;
}

function inline(tokens: readonly Token[] | undefined, out: TreeNode[], depth: number): TreeNode[] {
  if (!tokens) return out;
  if (depth > MAX_TREE_DEPTH) {
    pushText(out, tokensText(tokens));
    return out;
  }
  for (const token of tokens) {
    const t = token as MarkedToken;
    switch (t.type) {
      case 'text':
        if (t.tokens) inline(t.tokens, out, depth + 1);
        else pushText(out, textTokenValue(t));
        break;
      case 'escape':
      case 'html':
        // Raw HTML is kept as the text the author typed, never markup.
        pushText(out, t.text);
        break;
      case 'codespan':
        out.push(['code', t.text]);
        break;
      case 'strong':
      case 'em':
      case 'del':
        out.push([t.type, ...inline(t.tokens, [], depth + 1)]);
        break;
      case 'br':
        out.push(['br']);
        break;
      case 'link':
        // Autolinks are literal: marked does not resolve character references in them.
        out.push(
          t.autolink
            ? ['a', t.href, '', t.text]
            : ['a', decodeEntities(t.href), t.title ? decodeEntities(t.title) : '', ...inline(t.tokens, [], depth + 1)],
        );
        break;
      case 'image':
        out.push(['img', decodeEntities(t.href), tokensText(t.tokens), t.title ? decodeEntities(t.title) : '']);
        break;
      case 'checkbox':
        out.push(['cb', t.checked ? 1 : 0]);
        break;
      default: {
        // Unknown (extension) tokens: keep their content as text, never their markup.
        const children = (token as Tokens.Generic).tokens;
        if (children) inline(children, out, depth + 1);
        else pushText(out, token.raw);
      }
    }
  }
  return out;
}

function cell(c: Tokens.TableCell, depth: number): TreeNode {
  return [c.align ?? '', ...inline(c.tokens, [], depth + 1)];
}

function block(token: Token, out: TreeNode[], depth: number): void {
  const t = token as MarkedToken;
  switch (t.type) {
    case 'space':
    case 'def':
      return;
    case 'heading':
      out.push(['h', t.depth, ...inline(t.tokens, [], depth + 1)]);
      return;
    case 'paragraph':
      out.push([(t as ContinuedParagraph).continues ? 'p+' : 'p', ...inline(t.tokens, [], depth + 1)]);
      return;
    case 'text':
      out.push(['t', ...(t.tokens ? inline(t.tokens, [], depth + 1) : [textTokenValue(t)])]);
      return;
    case 'code':
      out.push(['pre', /^\S*/.exec(t.lang ?? '')?.[0] ?? '', stripFinalNewline(t.text)]);
      return;
    case 'blockquote':
      out.push(['quote', ...blocks(t.tokens, depth + 1)]);
      return;
    case 'list': {
      const items = t.items.map((item): TreeNode => ['li', item.task ? 1 : 0, ...blocks(item.tokens, depth + 1)]);
      out.push(t.ordered ? ['ol', typeof t.start === 'number' ? t.start : 1, ...items] : ['ul', ...items]);
      return;
    }
    case 'table':
      out.push(
        t.header.length > MAX_COLUMNS
          ? ['raw', stripFinalNewline(t.raw)]
          : ['table', t.header.map((c) => cell(c, depth)), ...t.rows.map((row) => row.map((c) => cell(c, depth)))],
      );
      return;
    case 'hr':
      out.push(['hr']);
      return;
    case 'html':
      // Raw HTML is shown as the author typed it, never parsed.
      out.push(t.block ? ['html', stripFinalNewline(t.text)] : ['t', t.text]);
      return;
    default:
      out.push(['t', ...inline([token], [], depth + 1)]);
  }
}

function blocks(tokens: readonly Token[], depth: number): TreeNode[] {
  const out: TreeNode[] = [];
  if (depth > MAX_TREE_DEPTH) {
    out.push(['t', tokens.map((token) => tokensText([token])).join('\n')]);
    return out;
  }
  for (const token of tokens) block(token, out, depth);
  return out;
}

/** The tree of lexed markdown (the top-level blocks). */
export function toTree(tokens: readonly Token[]): TreeNode[] {
  return blocks(tokens, 0);
}

/** One top-level token's nodes: for callers that convert a long document a slice at a time. */
export function blockToTree(token: Token, out: TreeNode[]): void {
  block(token, out, 0);
}
