import { html, css, nothing, type TemplateResult } from 'lit';
import { headingTemplate } from '../elements/templates.js';
import { formatDate } from '../i18n/locale.js';
import { pickLocalizedSource } from '../i18n/localized-source.js';
import type { Messages } from '../i18n/messages.js';
import type { LoadedManifest } from '../loading/manifest-loader.js';
import type { ComplianceItem } from '../manifest/schema.js';
import { policyHref, sectionHref, sectionsOf } from '../routing/hash.js';
import { badgeStyles } from '../styles/badge.js';
import { updateEntries } from './changes.js';
import { complianceBadge, localToday } from './compliance.js';
import { viewMessagesFor, type ViewMessages } from './messages.js';
import { allowedImageUrl, httpUrl } from './urls.js';

/**
 * The overview, a chunk of its own that <trust-center> starts loading as it connects (alongside the
 * manifest): templates rendered into the trust center's shadow root, and their styles, which it adopts.
 */

/** What the overview is drawn from: the manifest, the reader's language, the title's heading level and the logo. */
export interface OverviewContext {
  loaded: LoadedManifest;
  messages: Messages;
  lang: string;
  level: number;
  logo: TemplateResult;
  /** The search form, at the band's top end. */
  search: TemplateResult;
}

export const overviewStyles = [
  badgeStyles,
  css`
  /* The overview's header band: who, what they commit to, and what a reader can do next. */
  .band {
    align-items: flex-start;
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: linear-gradient(135deg, color-mix(in srgb, var(--_accent) 9%, var(--_surface)), var(--_surface) 60%);
  }
  .band .logo {
    height: 3.5em;
  }
  .band .monogram {
    font-size: 1.5em;
    width: 2.35em;
  }
  .title {
    display: flex;
    flex-direction: column-reverse;
    margin: 0;
    line-height: 1.15;
    font-size: var(--tc-title-size, 1.75em);
  }
  .kicker {
    font-size: 0.5em;
    font-weight: 600;
    letter-spacing: 0.06em;
    text-transform: uppercase;
    color: var(--_muted);
    margin-bottom: 0.35em;
  }
  /* In the page's order, the search comes last; on a wide band it sits at the top end, beside the name. */
  .band .search {
    order: 1;
  }
  .statement {
    order: 2;
    flex-basis: 100%;
    margin: 0;
    max-width: 65ch;
    font-size: 1.05em;
  }
  .header-actions {
    order: 3;
    flex-basis: 100%;
    display: flex;
    flex-wrap: wrap;
    gap: 0.6em;
    margin: 0;
  }
  .header-actions .button {
    background-color: var(--_accent);
  }
  .header-actions .secondary {
    background: var(--_background);
  }
  @container trust-center (max-width: 40rem) {
    .band {
      padding: var(--_space);
    }
    .band .search {
      order: 4;
    }
    .statement {
      font-size: 1em;
    }
    .header-actions .button {
      flex: 1 1 auto;
      text-align: center;
    }
  }
  .overview {
    display: grid;
    gap: calc(var(--_space) * 2.25);
  }
  .overview :is(h2, h3, h4, h5, h6) {
    margin: 0;
    line-height: 1.3;
  }
  .section-title {
    font-size: 1.35em;
    margin-bottom: 0.75em !important;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(16rem, 100%), 1fr));
    gap: var(--_space);
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .card {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: 0.5em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: var(--_space);
  }
  .card :is(h2, h3, h4, h5, h6) {
    font-size: 1.1em;
  }
  .card p {
    margin: 0;
  }
  /* The whole card is the link's target; the link alone is what assistive technology announces. */
  .card.linked:hover {
    border-color: var(--_accent);
  }
  .card.linked a::after {
    content: '';
    position: absolute;
    inset: 0;
    border-radius: inherit;
  }
  .summary {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    line-clamp: 3;
    overflow: hidden;
  }
  .muted,
  .card .updated,
  .dates,
  .scope,
  .description {
    color: var(--_muted);
    font-size: 0.925em;
  }
  .card .updated {
    margin-top: auto;
  }
  .tile-head {
    display: flex;
    align-items: center;
    gap: 0.75em;
  }
  .tile-head > div {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.3em;
  }
  .icon {
    flex: none;
    width: 2.75em;
    height: 2.75em;
    object-fit: contain;
  }
  /* Without the manifest's icon: a tick in a tinted disc, drawn in CSS (the component renders no SVG). */
  .icon.fallback {
    display: grid;
    place-items: center;
    border-radius: 50%;
    background: color-mix(in srgb, var(--_accent) 12%, var(--_background));
  }
  .icon.fallback::before {
    content: '';
    width: 0.5em;
    height: 0.95em;
    margin-top: -0.2em;
    border: solid var(--_accent);
    border-width: 0 0.18em 0.18em 0;
    rotate: 45deg;
  }
  .dates > span {
    display: block;
  }
  .report {
    margin-top: auto !important;
    padding-top: 0.25em;
  }
  .pair {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(20rem, 100%), 1fr));
    gap: calc(var(--_space) * 2);
    align-items: start;
  }
  .recent {
    list-style: none;
    margin: 0 0 0.75em;
    padding: 0;
    display: grid;
    gap: 0.75em;
  }
  .recent time {
    display: block;
    color: var(--_muted);
    font-size: 0.925em;
  }
  .contact ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.4em;
  }
  .fingerprint {
    display: block;
    font-family: var(--_mono);
    font-size: 0.85em;
    overflow-wrap: anywhere;
  }
  `,
];

/** The header band: logo, the trust center's title, the organization's statement and the actions the manifest enables. */
export function bandTemplate({ loaded, messages, lang, level, logo, search }: OverviewContext): TemplateResult {
  const { manifest } = loaded;
  const { organization } = manifest;
  const vm = viewMessagesFor(lang);
  const orgUrl = httpUrl(organization.url, loaded.url);
  const statement = organization.statement === undefined ? undefined : pickLocalizedSource(organization.statement, lang).source;
  const subscribe = httpUrl(manifest.subscribe, loaded.url);
  const actions: [string, string][] = [];
  if (manifest.documents?.some((d) => d.access === 'request')) actions.push(['#documents', vm.overview.requestDocuments]);
  if (manifest.disclosure) actions.push(['#disclosure', messages.reportVulnerability]);
  if (subscribe) actions.push([subscribe, vm.overview.subscribe]);
  return html`<header part="header" class="masthead band">
    <div class="brand">
      ${logo}
      <div>
        ${headingTemplate(
          level,
          html`<span part="org-name">${organization.name}</span> <span class="kicker">${messages.trustCenterNav}</span>`,
          { id: 'tc-title', part: 'title', className: 'title', target: true },
        )}
        ${orgUrl ? html`<a class="website" href=${orgUrl} rel="noopener noreferrer">${new URL(orgUrl).host}</a>` : nothing}
      </div>
    </div>
    ${statement ? html`<p part="statement" class="statement">${statement}</p>` : nothing}
    ${actions.length
      ? html`<p part="header-actions" class="header-actions">
          ${actions.map(([href, label], index) => html`<a part="action" class=${index ? 'button secondary' : 'button'} href=${href}>${label}</a>`)}
        </p>`
      : nothing}
    ${search}
  </header>`;
}

function complianceTemplate(item: ComplianceItem, { loaded, messages, lang }: OverviewContext, level: number): TemplateResult {
  const m = viewMessagesFor(lang).compliance;
  const badge = complianceBadge(item, localToday());
  const report = item.report ? loaded.manifest.documents?.find((d) => d.id === item.report) : undefined;
  const reportUrl = report?.access === 'public' ? httpUrl(report.url, loaded.url) : undefined;
  const icon = allowedImageUrl(item.icon, loaded);
  const date = (iso: string) => html`<time datetime=${iso}>${formatDate(iso, lang)}</time>`;
  return html`<li part="compliance-item" class="card">
    <div class="tile-head">
      ${icon
        ? html`<img part="compliance-icon" class="icon" src=${icon} alt="" referrerpolicy="no-referrer" />`
        : html`<span part="compliance-icon" class="icon fallback" aria-hidden="true"></span>`}
      <div>
        ${headingTemplate(level, item.name)}
        <span part="badge" class="badge ${badge}">${badge === 'expired' ? m.expired : messages.complianceStatus[badge]}</span>
      </div>
    </div>
    ${item.scope ? html`<p class="scope">${m.scope} ${item.scope}</p>` : nothing}
    ${item.audited || item.expires
      ? html`<p part="compliance-dates" class="dates">
          ${item.audited ? html`<span>${m.audited} ${date(item.audited)}</span>` : nothing}${item.expires
            ? html`<span>${badge === 'expired' ? m.expiredOn : m.validUntil} ${date(item.expires)}</span>`
            : nothing}
        </p>`
      : nothing}
    ${item.description ? html`<p class="description">${item.description}</p>` : nothing}
    ${report
      ? html`<p class="report">
          ${reportUrl
            ? html`<a href=${reportUrl} download>${m.downloadReport}<span class="visually-hidden">: ${report.title}</span></a>`
            : html`<a href=${sectionHref('documents', report.id)}>${m.requestReport}<span class="visually-hidden">: ${report.title}</span></a>`}
        </p>`
      : nothing}
  </li>`;
}

/** Where to write to the security team: the disclosure address, the form, security.txt and the OpenPGP key. */
function contactTemplate({ loaded, messages }: OverviewContext, vm: ViewMessages, level: number): TemplateResult | typeof nothing {
  const disclosure = loaded.manifest.disclosure;
  if (!disclosure) return nothing;
  const securityTxt = httpUrl(disclosure.securityTxt, loaded.url);
  const key = disclosure.encryption ? httpUrl(disclosure.encryption.key, loaded.url) : undefined;
  return html`<section part="contact" class="card contact" aria-labelledby="tc-contact-title">
    ${headingTemplate(level, vm.overview.contact, { id: 'tc-contact-title' })}
    <ul>
      <li><a href=${`mailto:${disclosure.email}`}>${disclosure.email}</a></li>
      <li><a href="#disclosure">${messages.reportVulnerability}</a></li>
      ${securityTxt ? html`<li><a href=${securityTxt}>security.txt</a></li>` : nothing}
      ${disclosure.encryption
        ? html`<li>
            ${key ? html`<a href=${key}>${vm.overview.key}</a>` : vm.overview.key}
            <span class="fingerprint"
              ><span class="visually-hidden">${vm.overview.fingerprint}: </span>${disclosure.encryption.fingerprint.replace(/(.{4})(?!$)/g, '$1 ')}</span
            >
          </li>`
        : nothing}
    </ul>
  </section>`;
}

/** Compliance tiles, policy cards, recent updates beside the security contact, and the sections the manifest fills. */
export function overviewTemplate(context: OverviewContext): TemplateResult {
  const { loaded, messages, lang, level } = context;
  const { manifest } = loaded;
  const vm = viewMessagesFor(lang);
  const compliance = manifest.compliance ?? [];
  const recent = updateEntries(manifest).slice(0, 3);
  const sections = sectionsOf(manifest);
  const sectionCards: [string, string, string][] = [];
  if (sections.subprocessors) sectionCards.push(['#subprocessors', vm.nav.subprocessors, vm.overview.subprocessors(manifest.subprocessors!.length)]);
  if (sections.faq) sectionCards.push(['#faq', vm.nav.faq, vm.overview.faq(manifest.faq!.length)]);
  if (sections.documents) sectionCards.push(['#documents', vm.nav.documents, vm.overview.documents(manifest.documents!.length)]);
  if (sections.updates) sectionCards.push(['#updates', vm.nav.updates, vm.overview.updates]);
  const section = (id: string, title: string, body: unknown, part?: string) =>
    html`<section part=${part ?? nothing} aria-labelledby=${id}>${headingTemplate(level + 1, title, { id, className: 'section-title' })} ${body}</section>`;
  const contact = contactTemplate(context, vm, level + 1);
  return html`
    <div part="overview" class="overview">
      ${compliance.length
        ? section(
            'tc-compliance-title',
            messages.complianceHeading,
            html`<ul part="compliance" class="grid">
              ${compliance.map((item) => complianceTemplate(item, context, level + 2))}
            </ul>`,
          )
        : nothing}
      ${section(
        'tc-policies-title',
        messages.policiesHeading,
        html`<ul class="grid">
          ${manifest.policies.map(
            (policy) => html`<li part="policy-card" class="card linked">
              ${headingTemplate(level + 2, html`<a href=${policyHref(policy.id)}>${policy.title}</a>`)}
              ${policy.summary ? html`<p class="summary">${policy.summary}</p>` : nothing}
              <p class="updated">${messages.lastUpdated} <time datetime=${policy.updated}>${formatDate(policy.updated, lang)}</time></p>
            </li>`,
          )}
        </ul>`,
      )}
      ${recent.length || contact !== nothing
        ? html`<div class="pair">
            ${recent.length
              ? section(
                  'tc-recent-title',
                  vm.overview.recentUpdates,
                  html`<ul class="recent">
                      ${recent.map(
                        ({ policy, change }) => html`<li>
                          <time datetime=${change.date}>${formatDate(change.date, lang)}</time>
                          <a href=${policyHref(policy.id)}>${policy.title}</a>: ${change.summary}
                        </li>`,
                      )}
                    </ul>
                    <p><a href="#updates">${vm.overview.allUpdates}</a></p>`,
                  'recent-updates',
                )
              : nothing}
            ${contact}
          </div>`
        : nothing}
      ${sectionCards.length
        ? section(
            'tc-sections-title',
            vm.overview.sectionsHeading,
            html`<ul class="grid">
              ${sectionCards.map(
                ([href, title, description]) => html`<li part="section-card" class="card linked">
                  ${headingTemplate(level + 2, html`<a href=${href}>${title}</a>`)}
                  <p>${description}</p>
                </li>`,
              )}
            </ul>`,
          )
        : nothing}
    </div>
  `;
}
