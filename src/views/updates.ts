import { html, css, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { formatDate } from '../i18n/locale.js';
import { resolveUrl, loadPolicyText, type LoadedManifest } from '../loading/manifest-loader.js';
import { sharedFetchText } from '../loading/shared-fetch.js';
import { pickLocalizedSource } from '../i18n/localized-source.js';
import { markdownToTextInSlices } from '../markdown/markdown.js';
import { policyHref } from '../routing/hash.js';
import { stateStyles } from '../elements/policy-page.js';
import { themeStyles } from '../styles/theme.js';
import { headingTemplate } from '../elements/templates.js';
import { latestComparable, updateEntries, type PolicyVersionRef, type UpdateEntry } from './changes.js';
import { diffWords, tokenize, type DiffSegment, type WordDiff } from './diff.js';
import { viewStyles } from './styles.js';
import { ViewElement, defineView } from './view-element.js';

type Comparison = { status: 'loading' } | { status: 'ready'; diff: WordDiff | undefined } | { status: 'error'; error: unknown };

/** Unchanged stretches longer than this many words are shortened to their ends. */
const CONTEXT_WORDS = 12;

function versionText(loaded: LoadedManifest, version: PolicyVersionRef, timeoutMs: number): Promise<string> {
  if (typeof version.content === 'string') return Promise.resolve(version.content);
  // History is kept in one language: the current text of a policy given per language compares in its default one.
  const source = version.source === undefined ? '' : pickLocalizedSource(version.source, '').source;
  return sharedFetchText(resolveUrl(source, loaded.url), { timeoutMs }).then((fetched) => fetched.text);
}

/** Keeps the first and last words of a long unchanged stretch, so the changes stay in view. */
function shorten(text: string, first: boolean, last: boolean): TemplateResult | string {
  const tokens = tokenize(text);
  const words = tokens.filter((t) => /\S/.test(t)).length;
  if (words <= CONTEXT_WORDS * 2 + 4) return text;
  const take = (list: string[]) => {
    const out: string[] = [];
    let count = 0;
    for (const token of list) {
      if (/\S/.test(token) && ++count > CONTEXT_WORDS) break;
      out.push(token);
    }
    return out;
  };
  const head = first ? '' : take(tokens).join('');
  const tail = last ? '' : take([...tokens].reverse()).reverse().join('');
  return html`${head}<span class="gap" aria-hidden="true"> … </span>${tail}`;
}

/** A changed segment's leading and trailing white space, kept out of its highlight: a highlighted line break shows as an empty mark on a line of its own. */
function edges(text: string): [string, string, string] {
  const [, before = '', changed = '', after = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text) ?? [];
  return [before, changed, after];
}

/**
 * The `#updates` view: every change of every policy, newest first. A change that made a version the
 * manifest also keeps the previous text of (`history`) can be compared with it: a word-level diff with
 * insertions in `<ins>` and deletions in `<del>`, each labelled for screen readers ("added:",
 * "removed:") and marked by more than colour. `#updates/<policy-id>` opens that policy's latest comparison.
 *
 * @csspart updates - The whole view.
 * @csspart update - One change.
 * @csspart compare - The "Compare with the previous version" button.
 * @csspart diff - The comparison.
 * @csspart diff-text - The compared text.
 * @csspart loading - A comparison loading.
 * @csspart error - A comparison that could not be loaded.
 * @csspart retry - Its Retry button.
 */
export class TrustCenterUpdatesElement extends ViewElement {
  static override exportedParts = ['updates', 'update', 'compare', 'diff', 'diff-text', 'loading', 'error', 'retry'];

  static override styles = [
    themeStyles,
    stateStyles,
    viewStyles,
    css`
      .updates > li {
        border-inline-start: 3px solid var(--_border);
        padding-inline-start: 0.9em;
        scroll-margin-top: var(--tc-scroll-margin, 1rem);
      }
      /* A compact control sized to its label, like the text it follows: where the label must wrap (320 px), its
         lines start at the text's edge and share the words evenly, never one word left alone on a line. */
      [part~='compare'] {
        font-size: 0.9em;
        padding: 0.3em 0.75em;
        text-align: start;
        text-wrap: balance;
        max-width: 100%;
      }
      .when {
        color: var(--_muted);
        margin-bottom: 0.2em;
      }
      .diff {
        margin-top: 0.75em;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: var(--_space);
        background: var(--_background);
      }
      .diff:focus {
        outline: var(--_focus);
        outline-offset: 2px;
      }
      .diff .item-title {
        font-size: 1em;
      }
      .diff-text {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        line-height: 1.7;
        margin: 0;
      }
      ins,
      del {
        border-radius: 2px;
        padding: 0 0.1em;
      }
      /* Underline and strike-through say it without colour; the hidden labels say it to screen readers. */
      ins {
        text-decoration: underline 2px;
        text-underline-offset: 0.2em;
        background: color-mix(in srgb, var(--_success) 16%, transparent);
      }
      del {
        text-decoration: line-through 2px;
        background: color-mix(in srgb, var(--_danger) 14%, transparent);
      }
      .gap {
        color: var(--_muted);
      }
      .loading {
        min-height: 0;
      }
    `,
  ];

  /** The policy the route names (`#updates/<policy-id>`): its latest comparison opens. */
  @property({ attribute: false }) policy: string | undefined;
  /** Milliseconds to wait for each version's text. */
  @property({ type: Number }) timeout = 10_000;

  @state() private openKeys: ReadonlySet<string> = new Set();
  @state() private comparisons: ReadonlyMap<string, Comparison> = new Map();
  private pending: Promise<unknown> = Promise.resolve();

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('loaded')) {
      this.comparisons = new Map();
      this.openKeys = new Set();
    }
    if ((changed.has('policy') || changed.has('loaded')) && this.policy && this.loaded) {
      const entry = latestComparable(this.loaded.manifest, this.policy);
      if (entry && !this.openKeys.has(entry.key)) this.toggle(entry, true);
    }
  }

  protected override ready(): Promise<unknown> {
    return this.pending;
  }

  protected override revealTarget(): HTMLElement | null {
    if (!this.policy || !this.loaded) return super.revealTarget();
    const entry = latestComparable(this.loaded.manifest, this.policy) ?? updateEntries(this.loaded.manifest).find((e) => e.policy.id === this.policy);
    if (!entry) return super.revealTarget();
    return (
      this.renderRoot.querySelector<HTMLElement>(`[id="diff-${CSS.escape(entry.key)}"]`) ??
      this.renderRoot.querySelector<HTMLElement>(`[id="update-${CSS.escape(entry.key)}"]`)
    );
  }

  private toggle(entry: UpdateEntry, open: boolean): void {
    const keys = new Set(this.openKeys);
    if (open) keys.add(entry.key);
    else keys.delete(entry.key);
    this.openKeys = keys;
    const known = this.comparisons.get(entry.key);
    if (open && (!known || known.status === 'error')) this.pending = this.compare(entry);
  }

  /** Loads both versions' text and compares them as plain text (the markdown without its markup). */
  private async compare(entry: UpdateEntry): Promise<void> {
    const loaded = this.loaded;
    const pair = entry.compare;
    if (!loaded || !pair) return;
    this.setComparison(entry.key, { status: 'loading' });
    try {
      const [before, after] = await Promise.all([
        versionText(loaded, pair.previous, this.timeout),
        pair.current === entry.policy
          ? loadPolicyText(loaded, entry.policy, { timeoutMs: this.timeout }).then((t) => t.text)
          : versionText(loaded, pair.current, this.timeout),
      ]);
      // Compared as plain text, lexed in slices like a rendered policy: a long one blocks nothing.
      const beforeText = await markdownToTextInSlices(before);
      const afterText = await markdownToTextInSlices(after);
      if (this.loaded !== loaded) return;
      this.setComparison(entry.key, { status: 'ready', diff: diffWords(beforeText, afterText) });
    } catch (error) {
      if (this.loaded === loaded) this.setComparison(entry.key, { status: 'error', error });
    }
  }

  private setComparison(key: string, comparison: Comparison): void {
    const next = new Map(this.comparisons);
    next.set(key, comparison);
    this.comparisons = next;
  }

  private readonly handleCompare = (event: Event) => {
    const key = (event.currentTarget as HTMLElement).dataset.key;
    const entry = this.loaded && updateEntries(this.loaded.manifest).find((e) => e.key === key);
    if (entry) this.toggle(entry, !this.openKeys.has(entry.key));
  };

  private readonly handleRetry = (event: Event) => {
    const key = (event.currentTarget as HTMLElement).dataset.key;
    const entry = this.loaded && updateEntries(this.loaded.manifest).find((e) => e.key === key);
    if (entry) this.pending = this.compare(entry);
  };

  private renderSegments(segments: readonly DiffSegment[]): unknown[] {
    const m = this.messages.updates;
    return segments.map((segment, index) => {
      switch (segment.op) {
        case 'insert':
        case 'delete': {
          const [before, changed, after] = edges(segment.text);
          if (!changed) return segment.text;
          const mark =
            segment.op === 'insert'
              ? html`<ins><span class="visually-hidden">${m.added} </span>${changed}</ins>`
              : html`<del><span class="visually-hidden">${m.removed} </span>${changed}</del>`;
          return html`${before}${mark}${after}`;
        }
        default:
          return shorten(segment.text, index === 0, index === segments.length - 1);
      }
    });
  }

  private renderComparison(entry: UpdateEntry): TemplateResult {
    const m = this.messages.updates;
    const pair = entry.compare!;
    const lang = this.language;
    const comparison = this.comparisons.get(entry.key) ?? { status: 'loading' };
    const title = m.comparing(entry.policy.title, formatDate(pair.previous.updated, lang), formatDate(pair.current.updated, lang));
    let body: unknown;
    if (comparison.status === 'loading') {
      body = html`<div part="loading" class="loading" role="status"><span class="spinner" aria-hidden="true"></span>${m.loading}</div>`;
    } else if (comparison.status === 'error') {
      const detail = comparison.error instanceof Error ? comparison.error.message : String(comparison.error);
      body = html`<div part="error" class="error" role="alert">
        <p class="error-headline"><strong>${m.failed}</strong></p>
        <p class="error-detail">${detail}</p>
        <button part="retry" type="button" data-key=${entry.key} @click=${this.handleRetry}>${m.retry}</button>
      </div>`;
    } else if (!comparison.diff) {
      body = html`<p>${m.tooLarge}</p>`;
    } else if (comparison.diff.added === 0 && comparison.diff.removed === 0) {
      body = html`<p>${m.same}</p>`;
    } else {
      body = html`<p class="meta">${m.summary(comparison.diff.added, comparison.diff.removed)} ${m.legend}</p>
        <p part="diff-text" class="diff-text">${this.renderSegments(comparison.diff.segments)}</p>`;
    }
    return html`<div part="diff" class="diff" id=${`diff-${entry.key}`} role="region" aria-labelledby=${`diff-title-${entry.key}`} tabindex="-1">
      ${headingTemplate(this.headingLevel + 1, title, { id: `diff-title-${entry.key}`, className: 'item-title' })}
      ${body}
    </div>`;
  }

  private renderEntry(entry: UpdateEntry): TemplateResult {
    const m = this.messages.updates;
    const lang = this.language;
    const open = this.openKeys.has(entry.key);
    return html`<li part="update" id=${`update-${entry.key}`}>
      <p class="when">
        <time datetime=${entry.change.date}>${formatDate(entry.change.date, lang)}</time> ·
        <a href=${policyHref(entry.policy.id)}>${entry.policy.title}</a>
      </p>
      <p>${entry.change.summary}</p>
      ${entry.compare
        ? html`<button
              part="compare"
              class="link"
              type="button"
              data-key=${entry.key}
              aria-expanded=${open ? 'true' : 'false'}
              aria-controls=${open ? `diff-${entry.key}` : nothing}
              @click=${this.handleCompare}
            >
              ${m.compare}<span class="visually-hidden">: ${entry.policy.title}</span>
            </button>
            ${open ? this.renderComparison(entry) : nothing}`
        : nothing}
    </li>`;
  }

  override render() {
    const loaded = this.loaded;
    if (!loaded) return nothing;
    const m = this.messages.updates;
    return html`<section part="updates" class="view" aria-labelledby="tc-updates-title">
      ${this.titleTemplate('tc-updates-title', m.heading)}
      <p class="intro">${m.intro}</p>
      <ol class="plain updates">
        ${updateEntries(loaded.manifest).map((entry) => this.renderEntry(entry))}
      </ol>
    </section>`;
  }
}

defineView('trust-center-updates', TrustCenterUpdatesElement);

declare global {
  interface HTMLElementTagNameMap {
    'trust-center-updates': TrustCenterUpdatesElement;
  }
}
