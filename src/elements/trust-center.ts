import { LitElement, html, css, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { TaskStatus } from '@lit/task';
import { manifestContext } from '../context.js';
import { ManifestController } from '../controllers/manifest-controller.js';
import { PolicyController } from '../controllers/policy-controller.js';
import { SeenController } from '../controllers/seen-controller.js';
import { messagesFor, type Messages } from '../i18n/messages.js';
import { formatDate, resolveLang } from '../i18n/locale.js';
import { isAbortError } from '../loading/errors.js';
import type { LoadedManifest } from '../loading/manifest-loader.js';
import type { Manifest } from '../manifest/schema.js';
import { parseHash, policyHref, type Route } from '../routing/hash.js';
import { contentStyles, themeStyles } from '../styles/theme.js';
import { policyPageStyles, policyPageTemplate, stateStyles } from './policy-page.js';
import { errorTemplate, loadingTemplate } from './templates.js';
import { frameStyles, safeHttpUrl } from './shared.js';
import type { TrustCenterDisclosureElement } from '../disclosure/trust-center-disclosure.js';

export type Theme = 'light' | 'dark' | 'auto';

/**
 * A company's trust center, rendered from a JSON manifest: an overview, each
 * policy with its table of contents, and deep links through the location hash.
 *
 * @attr src - URL of the manifest (relative to the page).
 * @attr policy - Id of the policy shown first when the location hash names none.
 * @attr theme - `light` (default), `dark` or `auto` (follows the OS setting).
 * @attr timeout - Milliseconds to wait for the manifest or a policy before giving up (default 10000).
 * @attr lang - Language for dates and labels; else the nearest ancestor's, else the browser's.
 *
 * @event trust-center-load - The manifest loaded and validated. `detail: { manifest }`.
 * @event trust-center-error - The manifest could not be loaded or is invalid. `detail: { error }`.
 *
 * @csspart header - The organization's name and logo.
 * @csspart nav - Navigation between the overview and the policies.
 * @csspart nav-link - Each link in the navigation.
 * @csspart overview - The landing view.
 * @csspart policy-card - One policy's summary on the overview.
 * @csspart compliance - The compliance list on the overview.
 * @csspart badge - A compliance status badge.
 * @csspart article - The policy page.
 * @csspart policy-header - The policy's title and date.
 * @csspart policy-title - The policy's title.
 * @csspart updated - The "Last updated" line.
 * @csspart toc - The policy's table of contents.
 * @csspart toc-link - Each entry of the table of contents.
 * @csspart content - The policy's rendered text.
 * @csspart changes - The policy's change history.
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 * @csspart retry - The Retry button of an error.
 *
 * @cssproperty --tc-accent - Links, buttons and focus ring.
 * @cssproperty --tc-on-accent - Text on accent-coloured buttons.
 * @cssproperty --tc-text - Body text.
 * @cssproperty --tc-muted - Secondary text (dates, captions).
 * @cssproperty --tc-background - Background of the component.
 * @cssproperty --tc-surface - Background of cards, code and the table of contents.
 * @cssproperty --tc-border - Borders and rules.
 * @cssproperty --tc-font-family - Font; defaults to the host's (`inherit`).
 * @cssproperty --tc-radius - Corner radius.
 * @cssproperty --tc-max-width - Maximum width of the content.
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
      nav.views ul {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25em 1.25em;
        list-style: none;
        margin: 0 0 calc(var(--_space) * 1.5);
        padding: 0 0 0.5em;
        border-bottom: 1px solid var(--_border);
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
      .compliance .description {
        flex-basis: 100%;
        color: var(--_muted);
        margin: 0;
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
    `,
  ];

  private readonly manifest = new ManifestController(
    this,
    () => this.src,
    () => this.timeout,
  );
  private readonly policyText = new PolicyController(this, () => ({
    loaded: this.manifest.value,
    policyId: this.route.view === 'policy' ? this.route.policyId : undefined,
    timeoutMs: this.timeout,
  }));
  protected readonly seen = new SeenController(this, () => {
    const route = this.route;
    const policy = route.view === 'policy' ? this.manifest.value?.manifest.policies.find((p) => p.id === route.policyId) : undefined;
    return { src: this.src, policy };
  });

  @provide({ context: manifestContext })
  @state()
  protected loaded: LoadedManifest | undefined;

  @state() private hash = '';
  /** Scroll (and on user navigation, focus) the route's target once it has rendered. */
  private pendingReveal: { focus: boolean } | undefined;

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
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.handleHashChange);
  }

  protected override willUpdate(): void {
    const value = this.manifest.value;
    if (value !== this.loaded) this.loaded = value;
  }

  protected override updated(_changed: PropertyValues): void {
    if (this.pendingReveal) this.reveal();
  }

  /** The view the hash names, else the `policy` attribute's, else the overview. */
  get route(): Route {
    const manifest = this.manifest.value?.manifest;
    if (!manifest) return { view: 'overview' };
    const ids = manifest.policies.map((p) => p.id);
    const fromHash = parseHash(this.hash, ids, manifest.disclosure !== undefined);
    if (fromHash) return fromHash;
    if (this.policy && ids.includes(this.policy)) return { view: 'policy', policyId: this.policy };
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
      }
      target ??= this.renderRoot.querySelector<HTMLElement>('#tc-policy-title');
    } else if (route.view === 'disclosure') {
      const form = this.renderRoot.querySelector<TrustCenterDisclosureElement>('trust-center-disclosure');
      this.pendingReveal = undefined;
      form?.scrollIntoView({ block: 'start' });
      if (reveal.focus) form?.focusHeading();
      return;
    } else {
      target = this.renderRoot.querySelector<HTMLElement>('nav.views');
      if (!reveal.focus) target = null;
    }
    this.pendingReveal = undefined;
    if (!target) return;
    target.scrollIntoView({ block: 'start' });
    if (reveal.focus) {
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus({ preventScroll: true });
    }
  }

  private renderOverview(manifest: Manifest, messages: Messages, lang: string) {
    const compliance = manifest.compliance ?? [];
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
                ${compliance.map(
                  (item) => html`<li>
                    <span class="name">${item.name}</span>
                    <span part="badge" class="badge ${item.status}">${messages.complianceStatus[item.status]}</span>
                    ${item.description ? html`<p class="description">${item.description}</p>` : nothing}
                  </li>`,
                )}
              </ul>
            </section>`
          : nothing}
      </div>
    `;
  }

  private renderLoaded(loaded: LoadedManifest, messages: Messages, lang: string) {
    const { manifest } = loaded;
    const route = this.route;
    const currentPolicy = route.view === 'policy' ? manifest.policies.find((p) => p.id === route.policyId) : undefined;
    const orgUrl = safeHttpUrl(manifest.organization.url, loaded.url);
    const logo = safeHttpUrl(manifest.organization.logo, loaded.url);
    const name = manifest.organization.name;
    return html`
      <header part="header" class="org">
        ${logo ? html`<img src=${logo} alt="" />` : nothing}
        <p class="org-name">${orgUrl ? html`<a href=${orgUrl} rel="noopener noreferrer">${name}</a>` : name}</p>
      </header>
      <nav part="nav" class="views" aria-label=${messages.trustCenterNav}>
        <ul>
          <li>
            <a part="nav-link" href="#overview" aria-current=${route.view === 'overview' ? 'page' : nothing}
              >${messages.overview}</a
            >
          </li>
          ${manifest.policies.map(
            (policy) => html`<li>
              <a part="nav-link" href=${policyHref(policy.id)} aria-current=${policy === currentPolicy ? 'page' : nothing}
                >${policy.title}</a
              >
            </li>`,
          )}
          ${manifest.disclosure
            ? html`<li>
                <a part="nav-link" href="#disclosure" aria-current=${route.view === 'disclosure' ? 'page' : nothing}
                  >${messages.reportVulnerability}</a
                >
              </li>`
            : nothing}
        </ul>
      </nav>
      ${route.view === 'disclosure'
        ? html`<trust-center-disclosure .loaded=${loaded} theme=${this.theme}></trust-center-disclosure>`
        : currentPolicy
          ? policyPageTemplate(currentPolicy, this.policyText.task, messages, lang, this.handlePolicyRetry)
          : this.renderOverview(manifest, messages, lang)}
    `;
  }

  override render() {
    const lang = resolveLang(this);
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
