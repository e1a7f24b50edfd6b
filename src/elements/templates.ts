import { html, nothing, type TemplateResult } from 'lit';
import type { Policy } from '../manifest/schema.js';
import type { Messages } from '../i18n/messages.js';
import { formatDate } from '../i18n/locale.js';
import { LoadError } from '../loading/errors.js';
import type { LoadedManifest } from '../loading/manifest-loader.js';
import { formatIssue } from '../manifest/issue.js';
import type { MarkdownHeading } from '../markdown/render.js';
import { policyHref } from '../routing/hash.js';

/** A failure the reader can act on: what went wrong, the manifest's problems by path, and Retry. */
export function errorTemplate(
  headline: string,
  error: unknown,
  messages: Messages,
  onRetry: () => void,
): TemplateResult {
  const detail = error instanceof Error ? error.message : String(error);
  const issues = error instanceof LoadError ? error.issues : [];
  return html`
    <div part="error" class="error" role="alert">
      <p class="error-headline"><strong>${headline}</strong></p>
      <p class="error-detail">${detail}</p>
      ${issues.length > 1
        ? html`<p>${messages.manifestProblems}</p>
            <ul class="error-issues">
              ${issues.map((issue) => html`<li><code>${formatIssue(issue)}</code></li>`)}
            </ul>`
        : nothing}
      <button part="retry" type="button" @click=${onRetry}>${messages.retry}</button>
    </div>
  `;
}

/**
 * The last good copy standing in while the server cannot be reached: said plainly, with a Retry. A status,
 * not an alert: the content below is still there to read.
 */
export function staleTemplate(loaded: LoadedManifest, messages: Messages, lang: string, onRetry: () => void): TemplateResult | typeof nothing {
  if (!loaded.stale) return nothing;
  const saved = new Date(loaded.storedAt ?? '');
  const savedOn = Number.isNaN(saved.getTime())
    ? ''
    : new Intl.DateTimeFormat(lang || undefined, { dateStyle: 'long', timeStyle: 'short' }).format(saved);
  return html`
    <div part="stale" class="stale" role="status">
      <p>${messages.staleCopy(savedOn)}</p>
      <button part="retry" type="button" @click=${onRetry}>${messages.retry}</button>
    </div>
  `;
}

/**
 * The loading state. Light-DOM children (a statically built page) show through the slot
 * until the element's own rendering is ready, so an upgrade neither flashes nor duplicates.
 */
export function loadingTemplate(label: string, { slot = true }: { slot?: boolean } = {}): TemplateResult {
  const status = html`<div part="loading" class="loading" role="status"><span class="spinner" aria-hidden="true"></span>${label}</div>`;
  // A section loading later must not bring back a static page's content.
  return slot ? html`<slot>${status}</slot>` : status;
}

export function updatedTemplate(policy: Policy, messages: Messages, lang: string): TemplateResult {
  return html`<p part="updated" class="updated">
    ${messages.lastUpdated} <time datetime=${policy.updated}>${formatDate(policy.updated, lang)}</time>
  </p>`;
}

/**
 * The table of contents: the document's two top heading levels. `inParts` puts a long one on the page in
 * parts (the markdown renderer makes it, so the main bundle does not carry it).
 */
export function tocTemplate(
  policyId: string,
  headings: readonly MarkdownHeading[],
  messages: Messages,
  inParts: (entries: () => readonly unknown[]) => unknown = (entries) => entries(),
) {
  if (headings.length < 2) return nothing;
  const top = Math.min(...headings.map((h) => h.depth));
  const entries = headings.filter((h) => h.depth <= top + 1);
  return html`
    <nav part="toc" class="toc" aria-label=${messages.onThisPage}>
      <p class="toc-title" aria-hidden="true">${messages.onThisPage}</p>
      <ol>
        ${inParts(() =>
          entries.map(
            (h) => html`<li class=${h.depth > top ? 'toc-sub' : ''}>
              <a part="toc-link" href=${policyHref(policyId, h.id)}>${h.text}</a>
            </li>`,
          ),
        )}
      </ol>
    </nav>
  `;
}

/** A link from the change history to the updates view (only inside <trust-center>, which has that view). */
export interface ChangesLink {
  href: string;
  label: string;
}

export function changesTemplate(policy: Policy, messages: Messages, lang: string, link?: ChangesLink) {
  const changes = policy.changes ?? [];
  if (changes.length === 0) return nothing;
  const newestFirst = [...changes].sort((a, b) => b.date.localeCompare(a.date));
  return html`
    <section part="changes" class="changes" aria-labelledby="tc-changes-title">
      <h3 id="tc-changes-title">${messages.changeHistory}</h3>
      <ul>
        ${newestFirst.map(
          (c) => html`<li><time datetime=${c.date}>${formatDate(c.date, lang)}</time>: ${c.summary}</li>`,
        )}
      </ul>
      ${link ? html`<p><a part="changes-link" href=${link.href}>${link.label}</a></p>` : nothing}
    </section>
  `;
}
