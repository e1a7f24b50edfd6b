import type { Token } from 'marked';
import { lex, lexInSlices } from './lexer.js';
import { nextTask } from './progressive.js';
import { renderTree, renderTreeInSlices, treeText, type RenderedMarkdown, type RenderMarkdownOptions } from './render.js';
import { blockToTree, toTree, type TreeNode } from './tree.js';

// Markdown → the tree (marked's lexer, tree.ts) → Lit templates (render.ts). The compiled path renders
// trees `trust-center build` made with the same two first steps, and loads this module not at all.

export type { MarkdownHeading, RenderMarkdownOptions, RenderedMarkdown } from './render.js';
export { renderTree, renderTreeInSlices, treeText } from './render.js';
export { TREE_VERSION, type TreeNode } from './tree.js';

/** The tree of untrusted markdown; a document too deep for marked to lex is kept as its source. */
export function markdownTree(markdown: string): TreeNode[] {
  try {
    return toTree(lex(markdown));
  } catch {
    // marked recurses per nesting level, so absurdly deep input overflows the stack: show it as text.
    return [['raw', markdown]];
  }
}

/** Milliseconds of tree building after which it yields to the page. */
const SLICE_MS = 8;

/** markdownTree without long tasks: lexing and building yield to the browser between slices. */
export async function markdownTreeInSlices(markdown: string, signal?: AbortSignal): Promise<TreeNode[]> {
  let tokens: Token[];
  try {
    tokens = await lexInSlices(markdown, signal);
  } catch (error) {
    if (signal?.aborted) throw error;
    return [['raw', markdown]];
  }
  const tree: TreeNode[] = [];
  let sliceStart = performance.now();
  for (const token of tokens) {
    blockToTree(token, tree);
    if (performance.now() - sliceStart >= SLICE_MS) {
      await nextTask();
      signal?.throwIfAborted();
      sliceStart = performance.now();
    }
  }
  return tree;
}

/** Renders untrusted markdown to a Lit template; no markdown text ever reaches an HTML parser. */
export function renderMarkdown(markdown: string, options: RenderMarkdownOptions = {}): RenderedMarkdown {
  return renderTree(markdownTree(markdown), options);
}

/**
 * renderMarkdown for long documents without long tasks: it lexes and builds the template a slice at a
 * time, yielding to the browser between slices, and the template puts its parts on the page over the
 * following frames (`done` settles when the last is there). Same output as renderMarkdown; headings are
 * complete when it resolves. `signal` stops it between slices.
 */
export async function renderMarkdownInSlices(
  markdown: string,
  options: RenderMarkdownOptions = {},
  signal?: AbortSignal,
): Promise<RenderedMarkdown> {
  return renderTreeInSlices(await markdownTreeInSlices(markdown, signal), options, signal);
}

/** Plain text of lexed markdown: no markup, a blank line between blocks. */
export function tokensToText(tokens: Token[]): string {
  return treeText(toTree(tokens));
}

/** Plain text of a markdown string (for summaries/search): no markup. */
export function markdownToText(markdown: string): string {
  return treeText(markdownTree(markdown));
}

/** markdownToText without long tasks, for long documents (see lexInSlices). */
export async function markdownToTextInSlices(markdown: string, signal?: AbortSignal): Promise<string> {
  return treeText(await markdownTreeInSlices(markdown, signal));
}
