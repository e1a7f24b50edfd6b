import { html, css, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { LoadedManifest } from '../loading/manifest-loader.js';
import { stateStyles } from '../elements/policy-page.js';
import { themeStyles } from '../styles/theme.js';
import { headingTemplate } from '../elements/templates.js';
import { buildSearchIndex, search, searchTerms, type SearchIndex, type SearchResult } from './search-index.js';
import { viewStyles } from './styles.js';
import { ViewElement, defineView } from './view-element.js';

// One index per loaded manifest, kept while that manifest is: coming back to search costs nothing.
const indexes = new WeakMap<LoadedManifest, Promise<SearchIndex>>();

function indexFor(loaded: LoadedManifest): Promise<SearchIndex> {
  let index = indexes.get(loaded);
  if (!index) {
    index = buildSearchIndex(loaded);
    indexes.set(loaded, index);
  }
  return index;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The snippet with each search term in `<mark>`; text only ever goes through text bindings. */
function highlight(text: string, terms: readonly string[]): unknown[] {
  if (terms.length === 0) return [text];
  const pattern = new RegExp(`(${terms.map(escapeRegExp).join('|')})`, 'giu');
  return text.split(pattern).map((part, index) => (index % 2 === 1 ? html`<mark>${part}</mark>` : part));
}

/**
 * The `#search/<query>` view: results across the policies (by section, linking to the heading), the FAQ
 * and the documents, searched in the browser.
 *
 * @csspart search-results - The whole view.
 * @csspart count - How many results (a live status).
 * @csspart result - One result.
 * @csspart result-link - Its link.
 * @csspart snippet - The text around the match.
 * @csspart loading - While the policies are read.
 */
export class TrustCenterSearchElement extends ViewElement {
  static override exportedParts = ['search-results', 'count', 'result', 'result-link', 'snippet', 'loading'];

  static override styles = [
    themeStyles,
    stateStyles,
    viewStyles,
    css`
      .results {
        margin-top: var(--_space);
      }
      .kind {
        color: var(--_muted);
        font-size: 0.9em;
        margin: 0 0 0.15em;
      }
      .snippet {
        margin: 0;
        overflow-wrap: anywhere;
      }
      mark {
        background: color-mix(in srgb, var(--_accent) 22%, transparent);
        color: inherit;
        font-weight: 600;
        border-radius: 2px;
      }
      .loading {
        min-height: 0;
      }
    `,
  ];

  /** What to search for (the route's `#search/<query>`). */
  @property({ attribute: false }) query = '';

  @state() private index: SearchIndex | undefined;
  private indexing: Promise<unknown> = Promise.resolve();
  private indexedFor: LoadedManifest | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('loaded') && this.loaded !== this.indexedFor) {
      const loaded = this.loaded;
      this.indexedFor = loaded;
      this.index = undefined;
      if (!loaded) return;
      this.indexing = indexFor(loaded).then((index) => {
        if (this.indexedFor === loaded) this.index = index;
      });
    }
  }

  protected override ready(): Promise<unknown> {
    return this.indexing;
  }

  /** The results for the current query, best first (empty until the index is built). */
  get results(): SearchResult[] {
    return this.index ? search(this.index, this.query) : [];
  }

  private renderResult(result: SearchResult, terms: readonly string[]): TemplateResult {
    const kinds = this.messages.search.kinds;
    const { item } = result;
    return html`<li part="result" class="card">
      <p class="kind">${kinds[item.kind]}${item.context ? html` · ${item.context}` : nothing}</p>
      ${headingTemplate(this.headingLevel + 1, html`<a part="result-link" href=${item.href}>${highlight(item.title, terms)}</a>`, { className: 'item-title' })}
      ${result.snippet ? html`<p part="snippet" class="snippet">${highlight(result.snippet, terms)}</p>` : nothing}
    </li>`;
  }

  override render() {
    if (!this.loaded) return nothing;
    const m = this.messages.search;
    const query = this.query.trim();
    const terms = searchTerms(query);
    let body: unknown;
    if (terms.length === 0) {
      body = html`<p part="count" class="count" role="status">${m.prompt}</p>`;
    } else if (!this.index) {
      body = html`<div part="loading" class="loading" role="status"><span class="spinner" aria-hidden="true"></span>${m.searching}</div>`;
    } else {
      const results = this.results;
      body = html`<p part="count" class="count" role="status">${results.length ? m.results(results.length, query) : m.none(query)}</p>
        ${this.index.unavailable.length ? html`<p class="meta">${m.unavailable(this.index.unavailable.map((p) => p.title).join(', '))}</p>` : nothing}
        ${results.length ? html`<ol class="plain results">${results.map((r) => this.renderResult(r, terms))}</ol>` : nothing}`;
    }
    return html`<section part="search-results" class="view" aria-labelledby="tc-search-title">
      ${this.titleTemplate('tc-search-title', m.heading)}
      ${body}
    </section>`;
  }
}

defineView('trust-center-search', TrustCenterSearchElement);

declare global {
  interface HTMLElementTagNameMap {
    'trust-center-search': TrustCenterSearchElement;
  }
}
