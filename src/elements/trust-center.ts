import { LitElement, html, css, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { TaskStatus } from '@lit/task';
import { manifestContext } from '../context.js';
import { LazyViewController } from '../controllers/lazy-view-controller.js';
import { ManifestController } from '../controllers/manifest-controller.js';
import { ManifestThemeController } from '../controllers/manifest-theme-controller.js';
import { PolicyController } from '../controllers/policy-controller.js';
import { SeenController } from '../controllers/seen-controller.js';
import { messagesFor, type Messages } from '../i18n/messages.js';
import { formatDate } from '../i18n/locale.js';
import { LangController } from '../i18n/lang-controller.js';
import { isAbortError } from '../loading/errors.js';
import type { LoadedManifest } from '../loading/manifest-loader.js';
import type { ComplianceItem, Manifest, Policy } from '../manifest/schema.js';
import { lazyViewOf, likelyView, parseRoute, policyHref, searchHref, sectionHref, sectionsOf, type Route } from '../routing/hash.js';
import { contentStyles, themeStyles } from '../styles/theme.js';
import { scrollToSteadily } from './reveal.js';
import { latestComparable, updateEntries } from '../views/changes.js';
import { complianceBadge, localToday } from '../views/compliance.js';
import { viewMessagesFor, type ViewMessages } from '../views/messages.js';
import { allowedImageUrl, httpUrl } from '../views/urls.js';
import type { RevealableView } from '../views/types.js';
import { policyPageStyles, policyPageTemplate, stateStyles } from './policy-page.js';
import { errorTemplate, loadingTemplate, staleTemplate, type ChangesLink } from './templates.js';
import { frameStyles } from './shared.js';
import type { TrustCenterDisclosureElement } from '../disclosure/trust-center-disclosure.js';

export type Theme = 'light' | 'dark' | 'auto';

/**
 * A company's trust center, rendered from a JSON manifest: an overview with compliance and recent updates,
 * each policy with its table of contents, and, when the manifest has them, subprocessors, FAQ, documents,
 * updates (with word-level comparisons of policy versions), search and the disclosure form. Every view has
 * a deep link in the location hash; the less used ones load as separate chunks when first shown.
 *
 * @attr {string} src - URL of the manifest (relative to the page).
 * @attr {string} policy - Id of the policy shown first when the location hash names none.
 * @attr {'light' | 'dark' | 'auto'} theme - `light` (default), `dark` or `auto` (follows the OS setting).
 * @attr {number} timeout - Milliseconds to wait for the manifest or a policy before giving up (default 10000).
 * @attr {string} lang - Language for dates and labels; else the nearest ancestor's, else the browser's.
 *
 * @event {CustomEvent<TrustCenterLoadDetail>} trust-center-load - The manifest loaded and validated. `detail: { manifest }`.
 * @event {CustomEvent<TrustCenterErrorDetail>} trust-center-error - The manifest could not be loaded or is invalid. `detail: { error }`.
 * @event {CustomEvent<TrustCenterRequestDetail>} trust-center-request - A document request arrived (from the documents view). `detail: { reference, document }`.
 * @event {CustomEvent<TrustCenterSubmitDetail>} trust-center-submit - A vulnerability report arrived (from the disclosure view). `detail: { reference }`.
 *
 * @csspart header - The organization's name and logo.
 * @csspart nav - Navigation between the views.
 * @csspart nav-link - Each link in the navigation.
 * @csspart search - The search form in the navigation.
 * @csspart search-input - Its text field.
 * @csspart search-button - Its button.
 * @csspart overview - The landing view.
 * @csspart policy-card - One policy's summary on the overview.
 * @csspart compliance - The compliance list on the overview.
 * @csspart compliance-item - One certification or framework.
 * @csspart badge - A compliance status badge ("Certified", "Expired", …).
 * @csspart compliance-dates - The audit and expiry dates of a certification.
 * @csspart recent-updates - The latest policy changes on the overview.
 * @csspart section-card - A link to a section (subprocessors, FAQ, documents, updates) on the overview.
 * @csspart article - The policy page.
 * @csspart policy-header - The policy's title and date.
 * @csspart policy-title - The policy's title.
 * @csspart updated - The "Last updated" line.
 * @csspart toc - The policy's table of contents.
 * @csspart toc-link - Each entry of the table of contents.
 * @csspart content - The policy's rendered text.
 * @csspart language-note - The note above a policy not available in the reader's language.
 * @csspart changes - The policy's change history.
 * @csspart changes-link - The link from the change history to the updates view.
 * @csspart loading - The loading state.
 * @csspart stale - The note shown when the server cannot be reached and the copy saved in the browser stands in.
 * @csspart error - The error state.
 * @csspart retry - The Retry button of an error.
 *
 * The lazily loaded views forward their own parts (`exportparts`), so `trust-center::part(faq-item)` and
 * the like reach into them: see the JSDoc of each element in src/views/.
 *
 * @slot - Static content shown until the element has rendered (the page `trust-center build` writes puts the
 *   policy's HTML here for visitors without JavaScript and for search engines); replaced once it is ready.
 *
 * @cssproperty --tc-accent - Links, buttons, focus ring, current navigation entry, "Aligned" badges.
 * @cssproperty --tc-on-accent - Text on accent buttons.
 * @cssproperty --tc-text - Body text.
 * @cssproperty --tc-muted - Dates, hints, descriptions, counts.
 * @cssproperty --tc-background - The component's background.
 * @cssproperty --tc-surface - Cards, code, table of contents, notices, table headers.
 * @cssproperty --tc-border - Borders and rules.
 * @cssproperty --tc-danger - Errors, invalid fields, "Expired" badges, removed words.
 * @cssproperty --tc-success - "Certified" badges, added words.
 * @cssproperty --tc-warning - "In progress" and "Planned" badges.
 * @cssproperty --tc-input-background - Form fields (default: the background).
 * @cssproperty --tc-input-border - Form field borders (3:1 against the background).
 * @cssproperty --tc-input-text - Text typed into form fields (default: the text colour).
 * @cssproperty --tc-font-family - All text; defaults to the host's (`inherit`).
 * @cssproperty --tc-font-family-mono - Code, references, fingerprints.
 * @cssproperty --tc-heading-font-family - Headings (default: the element's font).
 * @cssproperty --tc-heading-color - Headings (default: the text colour).
 * @cssproperty --tc-font-size - Base size; headings scale from it (default `inherit`).
 * @cssproperty --tc-line-height - Body line height (default 1.6).
 * @cssproperty --tc-title-size - Policy, view and form titles (default 1.75em).
 * @cssproperty --tc-space - The spacing unit (default 1rem).
 * @cssproperty --tc-padding - Padding around the content (default: the spacing unit).
 * @cssproperty --tc-radius - Corner radius (default 0.5rem).
 * @cssproperty --tc-max-width - Content width (default 72rem).
 * @cssproperty --tc-min-height - Minimum height of the content and the loading state, so the page does not jump (default 16rem).
 * @cssproperty --tc-focus-ring - Keyboard focus outline (default 2px solid the accent).
 * @cssproperty --tc-scroll-margin - Space above a deep-link or focus target, e.g. a sticky header's height (default 1rem).
 * @cssproperty --tc-sticky-top - Where the sticky table of contents stops (default 1rem).
 */
export class TrustCenterElement extends LitElement {
  static override styles = [
    themeStyles,
    frameStyles,
    contentStyles,
    policyPageStyles,
    stateStyles,
    css`
      .org {
        display: flex;
        align-items: center;
        gap: 0.75em;
        margin-bottom: var(--_space);
      }
      .org img {
        max-height: 2.5em;
        max-width: 100%;
        width: auto;
      }
      .org-name {
        font-size: 1.25em;
        font-weight: 700;
        margin: 0;
      }
      .org-name a {
        color: inherit;
        text-decoration: none;
      }
      nav.views {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.5em 1.5em;
        margin: 0 0 calc(var(--_space) * 1.5);
        padding: 0 0 0.5em;
        border-bottom: 1px solid var(--_border);
      }
      nav.views ul {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25em 1.25em;
        list-style: none;
        margin: 0;
        padding: 0;
      }
      nav.views a {
        display: inline-block;
        padding: 0.25em 0;
        text-decoration: none;
        color: var(--_text);
        border-bottom: 3px solid transparent;
      }
      nav.views a:hover {
        color: var(--_accent);
      }
      nav.views a[aria-current='page'] {
        color: var(--_accent);
        border-bottom-color: var(--_accent);
        font-weight: 600;
      }
      .search {
        display: flex;
        gap: 0.4em;
      }
      .search input {
        font: inherit;
        min-width: 0;
        width: 12em;
        color: var(--_input-text);
        background: var(--_input-background);
        border: 1px solid var(--_input-border);
        border-radius: var(--_radius);
        padding: 0.3em 0.6em;
      }
      .search button {
        padding: 0.3em 0.9em;
      }
      .overview h2 {
        font-size: 1.35em;
        margin: 0 0 0.75em;
      }
      .overview section + section {
        margin-top: calc(var(--_space) * 2);
      }
      .cards {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
        gap: var(--_space);
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .card {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
        padding: var(--_space);
      }
      .card h3 {
        font-size: 1.1em;
        margin: 0 0 0.35em;
      }
      .card p {
        margin: 0 0 0.5em;
      }
      .card .updated {
        font-size: 0.9em;
      }
      .compliance {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.75em;
      }
      .compliance li {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        gap: 0.25em 0.75em;
      }
      .compliance .name {
        font-weight: 600;
      }
      .compliance p {
        flex-basis: 100%;
        margin: 0;
      }
      .compliance .description,
      .compliance .dates {
        color: var(--_muted);
      }
      .dates > span + span::before {
        content: ' · ';
      }
      .badge {
        display: inline-block;
        font-size: 0.8em;
        font-weight: 600;
        border: 1px solid currentColor;
        border-radius: 999px;
        padding: 0.05em 0.7em;
      }
      .badge.certified {
        color: var(--_success);
      }
      .badge.in-progress,
      .badge.planned {
        color: var(--_warning);
      }
      .badge.aligned {
        color: var(--_accent);
      }
      /* The word says it; the dashed border says it to those who cannot tell the colour. */
      .badge.expired {
        color: var(--_danger);
        border-style: dashed;
      }
      .recent {
        list-style: none;
        margin: 0 0 0.75em;
        padding: 0;
        display: grid;
        gap: 0.4em;
      }
      .recent time {
        color: var(--_muted);
      }
    `,
  ];

  private readonly language = new LangController(this);
  private readonly manifest = new ManifestController(
    this,
    () => this.src,
    () => this.timeout,
  );
  private readonly policyText = new PolicyController(this, () => ({
    loaded: this.manifest.value,
    policyId: this.route.view === 'policy' ? this.route.policyId : undefined,
    timeoutMs: this.timeout,
    lang: this.language.value,
    src: this.src,
    policyLikely: likelyView(location.hash, this.policy) === 'policy',
  }));
  protected readonly seen = new SeenController(this, () => ({
    src: this.src,
    policies: this.manifest.value?.manifest.policies,
    policyId: this.route.view === 'policy' ? this.route.policyId : undefined,
  }));
  private readonly views = new LazyViewController(this);
  protected readonly manifestTheme = new ManifestThemeController(this, () => this.manifest.value);

  @provide({ context: manifestContext })
  @state()
  protected loaded: LoadedManifest | undefined;

  @state() private hash = '';
  /** Scroll (and on user navigation, focus) the route's target once it has rendered. */
  private pendingReveal: { focus: boolean } | undefined;
  /** The long policy whose later parts a deep link waited for. */
  private partsAwaited: Promise<void> | undefined;

  @property({ reflect: true }) src: string | null = null;
  @property({ reflect: true }) policy: string | null = null;
  @property({ reflect: true }) theme: Theme = 'light';
  /** Milliseconds to wait for the manifest or a policy before showing a timeout. */
  @property({ type: Number }) timeout = 10_000;

  override connectedCallback(): void {
    super.connectedCallback();
    this.hash = location.hash;
    if (this.hash) this.pendingReveal = { focus: false };
    window.addEventListener('hashchange', this.handleHashChange);
    // The view the hash names loads alongside the manifest rather than after it.
    const likely = likelyView(this.hash, this.policy);
    if (likely !== 'overview' && likely !== 'policy' && this.src) this.views.ensure(likely);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.handleHashChange);
  }

  protected override willUpdate(): void {
    const value = this.manifest.value;
    if (value !== this.loaded) this.loaded = value;
    const lazy = value ? lazyViewOf(this.route) : undefined;
    if (lazy) this.views.ensure(lazy);
  }

  protected override updated(_changed: PropertyValues): void {
    if (this.pendingReveal) this.reveal();
  }

  /** The view the hash names, else the `policy` attribute's, else the overview. */
  get route(): Route {
    const manifest = this.manifest.value?.manifest;
    if (!manifest) return { view: 'overview' };
    const fromHash = parseRoute(this.hash, sectionsOf(manifest));
    if (fromHash) return fromHash;
    if (this.policy && manifest.policies.some((p) => p.id === this.policy)) return { view: 'policy', policyId: this.policy };
    return { view: 'overview' };
  }

  private readonly handleHashChange = () => {
    const previous = this.route;
    this.hash = location.hash;
    const next = this.route;
    // Hashes the trust center does not own belong to the host page.
    if (next === previous || JSON.stringify(next) === JSON.stringify(previous)) {
      if (next.view === 'policy' && next.headingId) this.pendingReveal = { focus: true };
      return;
    }
    this.pendingReveal = { focus: true };
  };

  private readonly handleRetry = () => this.manifest.retry();
  private readonly handlePolicyRetry = () => this.policyText.retry();

  private readonly handleSearch = (event: SubmitEvent) => {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('q') as HTMLInputElement;
    const href = searchHref(input.value);
    if (location.hash === href) this.pendingReveal = { focus: true };
    location.hash = href;
    this.requestUpdate();
  };

  private reveal(): void {
    const route = this.route;
    const reveal = this.pendingReveal;
    if (!reveal || !this.manifest.value) return;
    let target: HTMLElement | null = null;
    if (route.view === 'policy') {
      const status = this.policyText.task.status;
      if (route.headingId) {
        if (status === TaskStatus.PENDING || status === TaskStatus.INITIAL) return;
        target = this.renderRoot.querySelector<HTMLElement>(`[id="${CSS.escape(route.headingId)}"]`);
        // A long policy is still putting its later parts on the page: reveal once they are there.
        // Once per policy render: a heading still missing after the last part is not there at all.
        const done = this.policyText.task.value?.markdown.done;
        if (!target && done && done !== this.partsAwaited) {
          this.partsAwaited = done;
          void done.then(() => {
            if (this.pendingReveal === reveal) this.reveal();
          });
          return;
        }
      }
      target ??= this.renderRoot.querySelector<HTMLElement>('#tc-policy-title');
    } else if (route.view === 'disclosure') {
      const form = this.renderRoot.querySelector<TrustCenterDisclosureElement>('trust-center-disclosure');
      // Until its chunk has registered the element there is nothing to reveal yet.
      if (!form || typeof form.focusHeading !== 'function') return;
      this.pendingReveal = undefined;
      form.scrollIntoView({ block: 'start' });
      if (reveal.focus) void form.focusHeading();
      return;
    } else if (route.view !== 'overview') {
      const view = this.renderRoot.querySelector<RevealableView>('[data-view]');
      if (!view || typeof view.reveal !== 'function') return;
      this.pendingReveal = undefined;
      void view.reveal(reveal.focus);
      return;
    } else {
      target = this.renderRoot.querySelector<HTMLElement>('nav.views');
      if (!reveal.focus) target = null;
    }
    this.pendingReveal = undefined;
    if (!target) return;
    const markdown = route.view === 'policy' ? this.policyText.task.value?.markdown : undefined;
    const hash = location.hash;
    if (markdown?.long) scrollToSteadily(target, () => !this.pendingReveal && location.hash === hash, markdown.settled);
    else target.scrollIntoView({ block: 'start' });
    if (reveal.focus) {
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus({ preventScroll: true });
    }
  }

  private renderComplianceItem(item: ComplianceItem, manifest: Manifest, loaded: LoadedManifest, messages: Messages, lang: string) {
    const m = viewMessagesFor(lang).compliance;
    const badge = complianceBadge(item, localToday());
    const report = item.report ? manifest.documents?.find((d) => d.id === item.report) : undefined;
    const reportUrl = report?.access === 'public' ? httpUrl(report.url, loaded.url) : undefined;
    const date = (iso: string) => html`<time datetime=${iso}>${formatDate(iso, lang)}</time>`;
    return html`<li part="compliance-item">
      <span class="name">${item.name}</span>
      <span part="badge" class="badge ${badge}">${badge === 'expired' ? m.expired : messages.complianceStatus[badge]}</span>
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
        ? html`<p>
            ${reportUrl
              ? html`<a href=${reportUrl} download>${m.downloadReport}<span class="visually-hidden">: ${report.title}</span></a>`
              : html`<a href=${sectionHref('documents', report.id)}
                  >${m.requestReport}<span class="visually-hidden">: ${report.title}</span></a
                >`}
          </p>`
        : nothing}
    </li>`;
  }

  private renderOverview(loaded: LoadedManifest, messages: Messages, lang: string) {
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
    return html`
      <div part="overview" class="overview">
        <section aria-labelledby="tc-policies-title">
          <h2 id="tc-policies-title">${messages.policiesHeading}</h2>
          <ul class="cards">
            ${manifest.policies.map(
              (policy) => html`
                <li part="policy-card" class="card">
                  <h3><a href=${policyHref(policy.id)}>${policy.title}</a></h3>
                  ${policy.summary ? html`<p>${policy.summary}</p>` : nothing}
                  <p class="updated">
                    ${messages.lastUpdated}
                    <time datetime=${policy.updated}>${formatDate(policy.updated, lang)}</time>
                  </p>
                </li>
              `,
            )}
          </ul>
        </section>
        ${compliance.length
          ? html`<section aria-labelledby="tc-compliance-title">
              <h2 id="tc-compliance-title">${messages.complianceHeading}</h2>
              <ul part="compliance" class="compliance">
                ${compliance.map((item) => this.renderComplianceItem(item, manifest, loaded, messages, lang))}
              </ul>
            </section>`
          : nothing}
        ${recent.length
          ? html`<section part="recent-updates" aria-labelledby="tc-recent-title">
              <h2 id="tc-recent-title">${vm.overview.recentUpdates}</h2>
              <ul class="recent">
                ${recent.map(
                  ({ policy, change }) => html`<li>
                    <time datetime=${change.date}>${formatDate(change.date, lang)}</time> —
                    <a href=${policyHref(policy.id)}>${policy.title}</a>: ${change.summary}
                  </li>`,
                )}
              </ul>
              <p><a href="#updates">${vm.overview.allUpdates}</a></p>
            </section>`
          : nothing}
        ${sectionCards.length
          ? html`<section aria-labelledby="tc-sections-title">
              <h2 id="tc-sections-title">${vm.overview.sectionsHeading}</h2>
              <ul class="cards">
                ${sectionCards.map(
                  ([href, title, description]) => html`<li part="section-card" class="card">
                    <h3><a href=${href}>${title}</a></h3>
                    <p>${description}</p>
                  </li>`,
                )}
              </ul>
            </section>`
          : nothing}
      </div>
    `;
  }

  /** A view from a lazily loaded chunk: loading while it arrives, an error with Retry if it cannot. */
  private renderLazyView(route: Route, loaded: LoadedManifest, messages: Messages, vm: ViewMessages): unknown {
    const view = lazyViewOf(route);
    if (!view) return nothing;
    const status = this.views.status(view);
    if (status.status === 'error') {
      return errorTemplate(vm.viewLoadFailed, (status as { error: unknown }).error, messages, () => this.views.retry(view));
    }
    if (status.status === 'pending') return loadingTemplate(vm.loadingView, { slot: false });
    switch (route.view) {
      case 'disclosure':
        return html`<trust-center-disclosure .loaded=${loaded} theme=${this.theme}></trust-center-disclosure>`;
      case 'subprocessors':
        return html`<trust-center-subprocessors data-view .loaded=${loaded} theme=${this.theme}></trust-center-subprocessors>`;
      case 'faq':
        return html`<trust-center-faq data-view .loaded=${loaded} .entry=${route.entryId} theme=${this.theme}></trust-center-faq>`;
      case 'documents':
        return html`<trust-center-documents
          data-view
          .loaded=${loaded}
          .documentId=${route.documentId}
          theme=${this.theme}
        ></trust-center-documents>`;
      case 'updates':
        return html`<trust-center-updates data-view .loaded=${loaded} .policy=${route.policyId} theme=${this.theme}></trust-center-updates>`;
      case 'search':
        return html`<trust-center-search data-view .loaded=${loaded} .query=${route.query} theme=${this.theme}></trust-center-search>`;
      default:
        return nothing;
    }
  }

  /** From a policy's change history to the updates view: straight to its comparison when it has one. */
  private changesLink(manifest: Manifest, policy: Policy, vm: ViewMessages): ChangesLink | undefined {
    if (!sectionsOf(manifest).updates) return undefined;
    return latestComparable(manifest, policy.id)
      ? { href: sectionHref('updates', policy.id), label: vm.compareWithPrevious }
      : { href: sectionHref('updates'), label: vm.overview.allUpdates };
  }

  private renderNav(manifest: Manifest, route: Route, messages: Messages, vm: ViewMessages): TemplateResult {
    const sections = sectionsOf(manifest);
    const link = (href: string, label: string, current: boolean) =>
      html`<li><a part="nav-link" href=${href} aria-current=${current ? 'page' : nothing}>${label}</a></li>`;
    return html`<nav part="nav" class="views" aria-label=${messages.trustCenterNav}>
      <ul>
        ${link('#overview', messages.overview, route.view === 'overview')}
        ${manifest.policies.map((policy) =>
          link(policyHref(policy.id), policy.title, route.view === 'policy' && route.policyId === policy.id),
        )}
        ${sections.subprocessors ? link('#subprocessors', vm.nav.subprocessors, route.view === 'subprocessors') : nothing}
        ${sections.faq ? link('#faq', vm.nav.faq, route.view === 'faq') : nothing}
        ${sections.documents ? link('#documents', vm.nav.documents, route.view === 'documents') : nothing}
        ${sections.updates ? link('#updates', vm.nav.updates, route.view === 'updates') : nothing}
        ${sections.disclosure ? link('#disclosure', messages.reportVulnerability, route.view === 'disclosure') : nothing}
      </ul>
      <form part="search" class="search" role="search" aria-label=${vm.search.label} @submit=${this.handleSearch}>
        <input
          part="search-input"
          type="search"
          name="q"
          aria-label=${vm.search.label}
          autocomplete="off"
          .value=${route.view === 'search' ? route.query : ''}
        />
        <button part="search-button" type="submit">${vm.search.button}</button>
      </form>
    </nav>`;
  }

  private renderLoaded(loaded: LoadedManifest, messages: Messages, lang: string) {
    const { manifest } = loaded;
    const vm = viewMessagesFor(lang);
    const route = this.route;
    const currentPolicy = route.view === 'policy' ? manifest.policies.find((p) => p.id === route.policyId) : undefined;
    const orgUrl = httpUrl(manifest.organization.url, loaded.url);
    const logo = allowedImageUrl(manifest.organization.logo, loaded);
    const name = manifest.organization.name;
    return html`
      <header part="header" class="org">
        ${logo ? html`<img src=${logo} alt="" referrerpolicy="no-referrer" />` : nothing}
        <p class="org-name">${orgUrl ? html`<a href=${orgUrl} rel="noopener noreferrer">${name}</a>` : name}</p>
      </header>
      ${this.renderNav(manifest, route, messages, vm)}
      ${staleTemplate(loaded, messages, lang, this.handleRetry)}
      ${currentPolicy
        ? policyPageTemplate(
            currentPolicy,
            this.policyText.task,
            messages,
            lang,
            this.handlePolicyRetry,
            this.changesLink(manifest, currentPolicy, vm),
          )
        : route.view === 'overview'
          ? this.renderOverview(loaded, messages, lang)
          : this.renderLazyView(route, loaded, messages, vm)}
    `;
  }

  override render() {
    const lang = this.language.value;
    const messages = messagesFor(lang);
    const body = this.src
      ? this.manifest.task.render({
          initial: () => loadingTemplate(messages.loading),
          pending: () => loadingTemplate(messages.loading),
          complete: (loaded) => this.renderLoaded(loaded, messages, lang),
          error: (error) =>
            isAbortError(error)
              ? loadingTemplate(messages.loading)
              : errorTemplate(messages.loadFailed, error, messages, this.handleRetry),
        })
      : html`<div part="error" class="error" role="alert"><p>${messages.noSrc}</p></div>`;
    return html`<div class="frame">${body}</div>`;
  }
}
