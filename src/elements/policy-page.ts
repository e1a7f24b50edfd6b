import { html, css, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { languageFallbackNote } from '../i18n/localized-source.js';
import type { Task } from '@lit/task';
import type { Policy } from '../manifest/schema.js';
import type { Messages } from '../i18n/messages.js';
import { isAbortError } from '../loading/errors.js';
import type { RenderedPolicy } from '../controllers/policy-controller.js';
import {
  changesTemplate,
  errorTemplate,
  headingTemplate,
  loadingTemplate,
  tocTemplate,
  updatedTemplate,
  type ChangesLink,
} from './templates.js';
import { frameStyles } from './shared.js';
import { contentStyles, themeStyles } from '../styles/theme.js';

/** How the page is laid out: its title's heading level, and whether the element is narrow (a collapsed table of contents). */
export interface PolicyLayout {
  level: number;
  narrow: boolean;
}

/** A policy's rendered text with its table of contents (and a note when it is in another language). */
export function policyTextTemplate(
  policyId: string,
  rendered: Pick<RenderedPolicy, 'markdown' | 'lang' | 'fallback'>,
  messages: Messages,
  lang: string,
  layout: PolicyLayout = { level: 1, narrow: false },
): TemplateResult {
  // The text's headings sit one level below the title (PolicyController's headingOffset); theme.ts keeps their sizes.
  const shift = layout.level > 1 ? ` shift-${layout.level - 1}` : '';
  return html`
    <div class="policy-layout">
      ${tocTemplate(policyId, rendered.markdown.headings, messages, rendered.markdown.tocEntries, layout.narrow)}
      <div part="content" class=${`markdown${rendered.markdown.long ? ' long' : ''}${shift}`} lang=${ifDefined(rendered.lang)}>
        ${rendered.fallback
          ? html`<p part="language-note" class="language-note" role="note">${languageFallbackNote(lang, rendered.lang ?? 'en')}</p>`
          : nothing}
        ${rendered.markdown.template}
      </div>
    </div>
  `;
}

/**
 * One policy: title, date, `body` (its text, or the text's loading or error state) and change history.
 * `changesLink` leads from the change history to the updates view, where there is one.
 */
export function policyArticleTemplate(
  policy: Policy,
  body: unknown,
  messages: Messages,
  lang: string,
  changesLink?: ChangesLink,
  level = 2,
): TemplateResult {
  return html`
    <article part="article" class="policy" aria-labelledby="tc-policy-title">
      <header part="policy-header" class="policy-header">
        ${headingTemplate(level, policy.title, { id: 'tc-policy-title', part: 'policy-title', target: true })}
        ${updatedTemplate(policy, messages, lang)}
      </header>
      ${body}
      ${changesTemplate(policy, messages, lang, changesLink, level + 1)}
    </article>
  `;
}

/** One policy as its task stands: loading, the text, or a failed source (which stays inside the policy). */
export function policyPageTemplate(
  policy: Policy,
  task: Task<readonly unknown[], RenderedPolicy>,
  messages: Messages,
  lang: string,
  onRetry: () => void,
  changesLink?: ChangesLink,
  layout: PolicyLayout = { level: 2, narrow: false },
): TemplateResult {
  const body = task.render({
    initial: () => loadingTemplate(messages.loadingPolicy),
    pending: () => loadingTemplate(messages.loadingPolicy),
    complete: (rendered) => policyTextTemplate(policy.id, rendered, messages, lang, layout),
    error: (error) =>
      isAbortError(error) ? loadingTemplate(messages.loadingPolicy) : errorTemplate(messages.policyLoadFailed, error, messages, onRetry),
  });
  return policyArticleTemplate(policy, body, messages, lang, changesLink, layout.level);
}

export const policyPageStyles = css`
  .policy-header {
    margin-bottom: calc(var(--_space) * 1.5);
  }
  .policy-header :is(h1, h2, h3, h4) {
    font-size: var(--tc-title-size, 1.75em);
    line-height: 1.2;
    margin: 0 0 0.25em;
  }
  .updated {
    color: var(--_muted);
    margin: 0;
  }
  .policy-layout {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    grid-template-columns: minmax(0, 1fr);
  }
  @container trust-center (min-width: 52rem) {
    .policy-layout {
      grid-template-columns: 14rem minmax(0, 1fr);
    }
    /* Below a fixed banner too, when the page has one. */
    .toc {
      position: sticky;
      top: calc(var(--tc-banner-offset-top, 0px) + var(--tc-sticky-top, 1rem));
      align-self: start;
      max-height: calc(100vh - var(--tc-banner-offset-top, 0px) - var(--tc-banner-offset-bottom, 0px) - 2 * var(--tc-sticky-top, 1rem));
      overflow-y: auto;
    }
  }
  .toc {
    font-size: 0.925em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: 0.75em 1em;
  }
  .toc-title {
    margin: 0 0 0.4em;
    font-weight: 600;
  }
  .toc details:not([open]) > .toc-title {
    margin: 0;
  }
  .toc ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .toc li {
    margin: 0.3em 0;
  }
  .toc .toc-sub {
    padding-inline-start: 1em;
  }
  .toc a {
    text-decoration: none;
  }
  .toc a:hover {
    text-decoration: underline;
  }
  /* A long policy is laid out only near the viewport, in two steps: a part (render.ts) at a time, and within
     the parts near it a block at a time. What is further away keeps an estimated height (its real one once seen)
     until it comes close, and the browser's find and deep links still reach it. A skipped part's blocks are not
     even styled, which spares Chromium tracking thousands of boxes on every frame; the blocks of the parts near
     the viewport keep one that comes into view from being laid out whole. */
  .markdown.long > .part,
  .markdown.long > .part > :is(p, ul, ol, blockquote, pre, .table-wrap) {
    content-visibility: auto;
    /* Skipped boxes clip their paint at their edges: room for a link's focus ring. */
    overflow-clip-margin: 0.5rem;
  }
  .markdown.long > .part {
    /* A part (8–12 000 characters) of prose with some lists at 70ch. */
    contain-intrinsic-block-size: auto 250em;
  }
  .markdown.long > .part > :is(p, blockquote) {
    contain-intrinsic-block-size: auto 7em;
  }
  .markdown.long > .part > :is(ul, ol) {
    contain-intrinsic-block-size: auto 12em;
  }
  .markdown.long > .part > :is(pre, .table-wrap) {
    contain-intrinsic-block-size: auto 10em;
  }
  /* Where clip margins are not supported (WebKit), the padding makes that room without moving the text (outside
     the paragraph's 70ch, so that no line wraps otherwise). */
  .markdown.long > .part,
  .markdown.long > .part > p {
    box-sizing: content-box;
    margin-inline: -0.25rem;
    padding-inline: 0.25rem;
  }
  /* The gap between two parts, as the block margins would collapse without the parts' boxes: the last block's
     own (1em, the paragraph's and the lists', whatever ends them) where no heading follows, the heading's where one does. */
  .markdown.long > .part > :first-child:not(:is(h1, h2, h3, h4, h5, h6)),
  .markdown.long > .part:first-child > :first-child {
    margin-top: 0;
  }
  .markdown.long > .part.before-heading {
    margin-bottom: -1em;
  }
  /* After a language note, a first heading's margin (theme.ts: 1.6em) less the note's, which no longer collapse. */
  .markdown.long > .language-note + .part > :is(h1, h2, h3, h4, h5, h6):first-child {
    margin-top: max(0px, calc(1.6em - var(--_space)));
  }
  /* The same selectors as above, so that they win. */
  @media print {
    .markdown.long > .part,
    .markdown.long > .part > :is(p, ul, ol, blockquote, pre, .table-wrap) {
      content-visibility: visible;
    }
  }
  .changes {
    margin-top: calc(var(--_space) * 2);
    border-top: 1px solid var(--_border);
    padding-top: var(--_space);
  }
  .changes :is(h2, h3, h4, h5) {
    font-size: 1.1em;
    margin: 0 0 0.5em;
  }
`;

export const stateStyles = css`
  .loading {
    display: flex;
    align-items: center;
    gap: 0.75em;
    min-height: var(--tc-min-height, 16rem);
    color: var(--_muted);
  }
  .spinner {
    width: 1.25em;
    height: 1.25em;
    border: 2px solid var(--_border);
    border-top-color: var(--_accent);
    border-radius: 50%;
    animation: tc-spin 0.8s linear infinite;
  }
  @keyframes tc-spin {
    to {
      transform: rotate(1turn);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }
  .error {
    border: 1px solid var(--_danger);
    border-inline-start-width: 4px;
    border-radius: var(--_radius);
    padding: var(--_space);
    background: var(--_background);
  }
  .error-headline {
    margin: 0 0 0.25em;
    color: var(--_danger);
  }
  .error-detail {
    margin: 0 0 0.75em;
    overflow-wrap: anywhere;
  }
  .error-issues {
    margin: 0 0 0.75em;
    padding-inline-start: 1.25em;
  }
  .error-issues code {
    overflow-wrap: anywhere;
  }
  .stale {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
    border: 1px solid var(--_warning);
    border-inline-start-width: 4px;
    border-radius: var(--_radius);
    padding: 0.5em var(--_space);
    margin-bottom: var(--_space);
  }
  .stale p {
    margin: 0;
    flex: 1 1 20em;
  }
`;

/** What `<trust-center-policy>` adopts in its shadow root. */
export const policyElementStyles = [themeStyles, frameStyles, contentStyles, policyPageStyles, stateStyles];
