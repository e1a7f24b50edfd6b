import { html, css, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { LoadedManifest } from '../loading/manifest-loader.js';
import type { FaqEntry } from '../manifest/schema.js';
import { markdownToText, renderMarkdown } from '../markdown/markdown.js';
import { parseRoute, sectionHref, sectionsOf } from '../routing/hash.js';
import { contentStyles, themeStyles } from '../styles/theme.js';
import { viewMessagesFor } from './messages.js';
import { viewStyles } from './styles.js';
import { imageOriginsOf } from './urls.js';
import { ViewElement, defineView } from './view-element.js';

interface Answer {
  template: TemplateResult;
  /** Question and answer as lower-case plain text, for the filter. */
  haystack: string;
}

/**
 * The `#faq` view: each question a `<details>`, its answer rendered from markdown, with a filter box.
 * `#faq/<id>` opens that entry and scrolls to it.
 *
 * @csspart faq - The whole view.
 * @csspart filters - The search box.
 * @csspart count - How many questions match (a live status).
 * @csspart faq-item - One question and its answer (`<details>`).
 * @csspart question - The question (`<summary>`).
 * @csspart answer - The rendered answer.
 * @csspart permalink - The link to this answer.
 */
export class TrustCenterFaqElement extends ViewElement {
  static override exportedParts = ['faq', 'filters', 'count', 'faq-item', 'question', 'answer', 'permalink'];

  static override styles = [
    themeStyles,
    contentStyles,
    viewStyles,
    css`
      .faq-list {
        display: grid;
        gap: 0.6em;
        margin-top: 0.5em;
      }
      details {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_background);
        scroll-margin-top: var(--tc-scroll-margin, 1rem);
      }
      summary {
        cursor: pointer;
        font-weight: 600;
        padding: 0.75em 1em;
        border-radius: var(--_radius);
      }
      details[open] summary {
        border-bottom: 1px solid var(--_border);
        border-radius: var(--_radius) var(--_radius) 0 0;
      }
      .answer {
        padding: 0.75em 1em 0.25em;
      }
      .permalink {
        font-size: 0.9em;
      }
    `,
  ];

  /** The entry the route names (`#faq/<id>`): opened and scrolled to. */
  @property({ attribute: false }) entry: string | undefined;

  @state() private filter = '';
  @state() private open: ReadonlySet<string> = new Set();
  private answers = new Map<string, Answer>();
  private answersFor: LoadedManifest | undefined;
  private answersLevel = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.loaded !== this.answersFor || this.headingLevel !== this.answersLevel) this.renderAnswers();
    if ((changed.has('entry') || changed.has('loaded')) && this.entry && this.answers.has(this.entry)) {
      this.open = new Set([...this.open, this.entry]);
      // A deep link must not land on an entry the filter hides.
      if (!this.isShown(this.entry)) this.filter = '';
    }
  }

  /** Answers are rendered once per manifest and heading level: markdown to Lit templates, never HTML. */
  private renderAnswers(): void {
    const loaded = this.loaded;
    this.answersFor = loaded;
    this.answersLevel = this.headingLevel;
    this.answers = new Map();
    if (!loaded) return;
    const sections = sectionsOf(loaded.manifest);
    for (const entry of loaded.manifest.faq ?? []) {
      const rendered = renderMarkdown(entry.answer, {
        baseUrl: loaded.url,
        anchorHref: (id) => (parseRoute(`#${id}`, sections) ? `#${id}` : sectionHref('faq', id)),
        imageOrigins: imageOriginsOf(loaded),
        imageNotShown: viewMessagesFor(this.language).imageNotShown,
        // An answer's `##` sits one level below the view's title, as a policy's sections do below theirs.
        headingOffset: this.headingLevel - 1,
      });
      const haystack = `${entry.question}\n${markdownToText(entry.answer)}`.toLocaleLowerCase();
      this.answers.set(entry.id, { template: rendered.template, haystack });
    }
  }

  private isShown(id: string): boolean {
    const terms = this.filter.toLocaleLowerCase().split(/\s+/).filter(Boolean);
    const haystack = this.answers.get(id)?.haystack ?? '';
    return terms.every((term) => haystack.includes(term));
  }

  protected override revealTarget(): HTMLElement | null {
    const target = this.entry ? this.renderRoot.querySelector<HTMLElement>(`#faq-${CSS.escape(this.entry)} > summary`) : null;
    return target ?? super.revealTarget();
  }

  private readonly handleFilter = (event: Event) => {
    this.filter = (event.target as HTMLInputElement).value;
  };

  private readonly handleToggle = (event: Event) => {
    const details = event.currentTarget as HTMLDetailsElement;
    const id = details.dataset.id ?? '';
    if (details.open === this.open.has(id)) return;
    const open = new Set(this.open);
    if (details.open) open.add(id);
    else open.delete(id);
    this.open = open;
  };

  private renderEntry(entry: FaqEntry): TemplateResult {
    const m = this.messages.faq;
    return html`<details
      part="faq-item"
      id=${`faq-${entry.id}`}
      data-id=${entry.id}
      .open=${this.open.has(entry.id)}
      @toggle=${this.handleToggle}
    >
      <summary part="question">${entry.question}</summary>
      <div part="answer" class="answer markdown">
        ${this.answers.get(entry.id)?.template ?? nothing}
        <p class="permalink">
          <a part="permalink" href=${sectionHref('faq', entry.id)}
            >${m.permalink}<span class="visually-hidden">: ${entry.question}</span></a
          >
        </p>
      </div>
    </details>`;
  }

  override render() {
    const loaded = this.loaded;
    if (!loaded) return nothing;
    const m = this.messages.faq;
    const all = loaded.manifest.faq ?? [];
    const shown = all.filter((entry) => this.isShown(entry.id));
    return html`<section part="faq" class="view" aria-labelledby="tc-faq-title">
      ${this.titleTemplate('tc-faq-title', m.heading)}
      <div part="filters" class="filters">
        <div>
          <label for="tc-faq-filter">${m.filter}</label>
          <input id="tc-faq-filter" type="search" autocomplete="off" .value=${live(this.filter)} @input=${this.handleFilter} />
        </div>
      </div>
      <p part="count" class="count" role="status">${shown.length ? m.showing(shown.length, all.length) : m.none}</p>
      <div class="faq-list">${shown.map((entry) => this.renderEntry(entry))}</div>
    </section>`;
  }
}

defineView('trust-center-faq', TrustCenterFaqElement);

declare global {
  interface HTMLElementTagNameMap {
    'trust-center-faq': TrustCenterFaqElement;
  }
}
