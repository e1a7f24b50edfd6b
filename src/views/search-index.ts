// The client-side search: policies split into sections at their headings (ids as the renderer makes
// them), FAQ entries and documents, matched word by word. Loads policy texts through the shared fetch,
// so a policy already read costs nothing.
import type { Token } from 'marked';
import { loadPolicyText, type LoadedManifest } from '../loading/manifest-loader.js';
import type { Policy } from '../manifest/schema.js';
import { lexInSlices } from '../markdown/lexer.js';
import { markdownToText, tokensToText } from '../markdown/markdown.js';
import { Slugger } from '../markdown/slug.js';
import { policyHref, sectionHref } from '../routing/hash.js';

export type SearchKind = 'policy' | 'faq' | 'document';

export interface SearchItem {
  kind: SearchKind;
  title: string;
  /** What it belongs to (the policy's title for a section). */
  context: string | undefined;
  href: string;
  text: string;
}

export interface SearchIndex {
  items: SearchItem[];
  /** Policies whose text could not be loaded, so were not searched. */
  unavailable: Policy[];
}

export interface SearchResult {
  item: SearchItem;
  score: number;
  /** Up to about 200 characters of the text around the first match. */
  snippet: string;
}

/** Every heading in document order, nested ones included, as the renderer meets them. */
function visitHeadings(tokens: readonly Token[], visit: (token: Token) => void): void {
  for (const token of tokens) {
    if (token.type === 'heading') visit(token);
    const children = (token as { tokens?: Token[] }).tokens;
    if (token.type !== 'heading' && children) visitHeadings(children, visit);
    const items = (token as { items?: { tokens?: Token[] }[] }).items;
    if (items) for (const item of items) if (item.tokens) visitHeadings(item.tokens, visit);
  }
}

/**
 * A policy as searchable sections: its introduction, then one per heading, each linking to that heading.
 * Lexed like the rendered policy (same time budgets, in slices), so a long or costly one blocks nothing.
 */
export async function policySections(policy: Policy, markdown: string): Promise<SearchItem[]> {
  const tokens = await lexInSlices(markdown);
  // Ids come from one Slugger fed every heading in order, like renderMarkdown's, so `-1` suffixes agree.
  const slugger = new Slugger();
  const ids = new Map<Token, { text: string; id: string }>();
  visitHeadings(tokens, (token) => {
    const text = tokensToText([token]).trim();
    ids.set(token, { text, id: slugger.slug(text) });
  });
  const sections: SearchItem[] = [];
  let current: SearchItem = { kind: 'policy', title: policy.title, context: undefined, href: policyHref(policy.id), text: '' };
  // The introduction (before any heading) counts only when it has text; every heading is a section.
  const flush = () => {
    current.text = current.text.trim();
    if (current.context !== undefined || current.text !== '') sections.push(current);
  };
  for (const token of tokens) {
    const heading = token.type === 'heading' ? ids.get(token) : undefined;
    if (heading) {
      flush();
      current = {
        kind: 'policy',
        title: heading.text,
        context: policy.title,
        href: heading.id ? policyHref(policy.id, heading.id) : policyHref(policy.id),
        text: '',
      };
    } else {
      current.text += `${tokensToText([token])}\n`;
    }
  }
  flush();
  return sections;
}

/** Everything searchable in the manifest; policy texts load in parallel, and one that fails is listed, not fatal. */
export async function buildSearchIndex(loaded: LoadedManifest, timeoutMs?: number): Promise<SearchIndex> {
  const { manifest } = loaded;
  const texts = await Promise.allSettled(manifest.policies.map((policy) => loadPolicyText(loaded, policy, { timeoutMs })));
  const items: SearchItem[] = [];
  const unavailable: Policy[] = [];
  for (const [index, policy] of manifest.policies.entries()) {
    const text = texts[index]!;
    const sections = text.status === 'fulfilled' ? await policySections(policy, text.value.text).catch(() => undefined) : undefined;
    if (sections) items.push(...sections);
    else unavailable.push(policy);
  }
  for (const entry of manifest.faq ?? []) {
    const href = sectionHref('faq', entry.id);
    items.push({ kind: 'faq', title: entry.question, context: undefined, href, text: markdownToText(entry.answer) });
  }
  for (const document of manifest.documents ?? []) {
    const href = sectionHref('documents', document.id);
    items.push({ kind: 'document', title: document.title, context: undefined, href, text: document.description ?? '' });
  }
  return { items, unavailable };
}

export function searchTerms(query: string): string[] {
  return [...new Set(query.toLocaleLowerCase().split(/\s+/).filter(Boolean))];
}

const SNIPPET = 200;

function snippetOf(text: string, terms: readonly string[]): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const lower = flat.toLocaleLowerCase();
  const first = Math.min(...terms.map((t) => lower.indexOf(t)).filter((i) => i >= 0));
  if (!Number.isFinite(first) || flat.length <= SNIPPET) return flat.length <= SNIPPET ? flat : `${flat.slice(0, SNIPPET).replace(/\s\S*$/, '')} …`;
  let start = Math.max(0, first - 60);
  if (start > 0) start = flat.indexOf(' ', start) + 1 || start;
  let end = Math.min(flat.length, start + SNIPPET);
  if (end < flat.length) end = flat.lastIndexOf(' ', end) > first ? flat.lastIndexOf(' ', end) : end;
  return `${start > 0 ? '… ' : ''}${flat.slice(start, end)}${end < flat.length ? ' …' : ''}`;
}

/** Items holding every term (in title or text), best first: title matches count most, then how often. */
export function search(index: SearchIndex, query: string): SearchResult[] {
  const terms = searchTerms(query);
  if (terms.length === 0) return [];
  const results: SearchResult[] = [];
  index.items.forEach((item) => {
    const title = item.title.toLocaleLowerCase();
    const text = item.text.toLocaleLowerCase();
    let score = 0;
    for (const term of terms) {
      const inTitle = title.includes(term);
      const inText = text.split(term).length - 1;
      if (!inTitle && inText === 0) return;
      score += (inTitle ? 10 : 0) + Math.min(inText, 5);
    }
    results.push({ item, score, snippet: snippetOf(item.text, terms) });
  });
  // Stable: equal scores keep the manifest's order (policies, then FAQ, then documents).
  return results.sort((a, b) => b.score - a.score);
}
