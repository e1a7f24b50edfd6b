import { LitElement, html, css, nothing, type CSSResult, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { TaskStatus } from '@lit/task';
import { manifestContext } from '../context.js';
import { LazyViewController } from '../controllers/lazy-view-controller.js';
import { LoadingDelayController, settled } from '../controllers/loading-delay-controller.js';
import { ManifestController } from '../controllers/manifest-controller.js';
import { ManifestThemeController } from '../controllers/manifest-theme-controller.js';
import { PolicyController } from '../controllers/policy-controller.js';
import { SeenController } from '../controllers/seen-controller.js';
import { messagesFor, type Messages } from '../i18n/messages.js';
import { CatalogueController } from '../i18n/catalogue-controller.js';
import { LangController } from '../i18n/lang-controller.js';
import { isAbortError } from '../loading/errors.js';
import type { LoadedManifest } from '../loading/manifest-loader.js';
import type { Manifest, Policy } from '../manifest/schema.js';
import { lazyViewOf, likelyPolicy, likelyView, parseRoute, policyHref, searchHref, sectionHref, sectionsOf, type Route } from '../routing/hash.js';
import { contentStyles, themeStyles } from '../styles/theme.js';
import { PartsArrival, scrollToSteadily } from './reveal.js';
import { latestComparable } from '../views/changes.js';
import { viewMessagesFor, type ViewMessages } from '../views/messages.js';
import { allowedImageUrl, httpUrl } from '../views/urls.js';
import type { RevealableView } from '../views/types.js';
import { policyPageStyles, policyPageTemplate, stateStyles } from './policy-page.js';
import { errorTemplate, headingLevelOf, loadingTemplate, staleTemplate, type ChangesLink } from './templates.js';
import { FrameWidthController, widthProbe } from './frame-width.js';
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
 * @attr {1 | 2 | 3 | 4} heading-level - Level (1–4) of the view's title; by default 1 when the page has no other h1, else 2.
 *
 * @event {CustomEvent<TrustCenterLoadDetail>} trust-center-load - The manifest loaded and validated. `detail: { manifest }`.
 * @event {CustomEvent<TrustCenterErrorDetail>} trust-center-error - The manifest could not be loaded or is invalid. `detail: { error }`.
 * @event {CustomEvent<TrustCenterRequestDetail>} trust-center-request - A document request arrived (from the documents view). `detail: { reference, document }`.
 * @event {CustomEvent<TrustCenterSubmitDetail>} trust-center-submit - A vulnerability report arrived (from the disclosure view). `detail: { reference }`.
 *
 * @csspart header - The organization's logo and name above the view; on the overview, the header band.
 * @csspart logo - The organization's logo (or its initial, without one).
 * @csspart org-name - The organization's name.
 * @csspart title - The overview's title: the name and "Trust center".
 * @csspart statement - The organization's statement in the header band.
 * @csspart header-actions - The header band's actions.
 * @csspart action - Each of them: request documents, report a vulnerability, subscribe to updates.
 * @csspart nav - Navigation between the views: a row of tabs and the search form.
 * @csspart nav-link - Each tab.
 * @csspart search - The search form in the navigation.
 * @csspart search-input - Its text field.
 * @csspart search-button - Its button.
 * @csspart overview - The landing view.
 * @csspart compliance - The grid of compliance tiles on the overview.
 * @csspart compliance-item - One certification or framework.
 * @csspart compliance-icon - Its icon (the manifest's, or a built-in shield).
 * @csspart badge - A compliance status badge ("Certified", "Expired", …).
 * @csspart compliance-dates - The audit and expiry dates of a certification.
 * @csspart policy-card - One policy's summary on the overview.
 * @csspart recent-updates - The latest policy changes on the overview.
 * @csspart contact - The security contact card: e-mail, report form, security.txt, OpenPGP key.
 * @csspart section-card - A link to a section (subprocessors, FAQ, documents, updates) on the overview.
 * @csspart article - The policy page.
 * @csspart policy-header - The policy's title and date.
 * @csspart policy-title - The policy's title.
 * @csspart updated - The "Last updated" line.
 * @csspart toc - The policy's table of contents.
 * @csspart toc-summary - Its "On this page" button, on a narrow page where it is collapsed.
 * @csspart toc-link - Each entry of the table of contents.
 * @csspart content - The policy's rendered text.
 * @csspart language-note - The note above a policy not available in the reader's language.
 * @csspart changes - The policy's change history.
 * @csspart changes-link - The link from the change history to the updates view.
 * @csspart loading - The loading state, shown once loading has taken 200 ms (until then the reserved space stays empty).
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
      .masthead {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.75em var(--_space);
        margin-bottom: var(--_space);
      }
      .brand {
        display: flex;
        align-items: center;
        gap: 0.75em;
      }
      .logo {
        flex: none;
        height: 2.5em;
        width: auto;
        max-width: 10em;
        object-fit: contain;
      }
      .monogram {
        display: grid;
        place-items: center;
        width: 2.5em;
        aspect-ratio: 1;
        border-radius: var(--_radius);
        background: var(--_accent);
        color: var(--_on-accent);
        font-weight: 700;
        font-size: 1.1em;
        line-height: 1;
      }
      .org-name {
        font-size: 1.15em;
        font-weight: 700;
        margin: 0;
      }
      .org-name a,
      .website {
        color: inherit;
        text-decoration: none;
      }
      .website {
        color: var(--_muted);
        font-size: 0.9em;
      }
      .org-name a:hover,
      .website:hover {
        text-decoration: underline;
      }
      /* One row of tabs that scrolls sideways when it does not fit; the shadows at its ends say there is more. */
      nav.views {
        margin: 0 0 calc(var(--_space) * 1.5);
        border-bottom: 1px solid var(--_border);
      }
      .tabs {
        position: relative;
        display: flex;
        gap: 1.5em;
        list-style: none;
        margin: 0 0 -1px;
        padding: 0 0.25em;
        overflow-x: auto;
        /* A scrollbar would sit between the current tab's underline and the rule (classic scrollbars, as in
           Firefox on Linux and Windows); the row still scrolls by touch, trackpad, Shift+wheel and keyboard, and
           its end shadows say there is more. */
        scrollbar-width: none;
        white-space: nowrap;
        /* The shadows stop 1px short of the bottom: the row overlaps the nav's border line by that pixel (so the
           current tab's underline sits on it), and the line must run whole from edge to edge beneath them. */
        background:
          linear-gradient(to right, var(--_background) 40%, transparent) left top / 2em calc(100% - 1px) no-repeat local,
          linear-gradient(to left, var(--_background) 40%, transparent) right top / 2em calc(100% - 1px) no-repeat local,
          radial-gradient(farthest-side at 0 50%, color-mix(in srgb, var(--_text) 30%, transparent), transparent) left top / 0.6em
            calc(100% - 1px) no-repeat scroll,
          radial-gradient(farthest-side at 100% 50%, color-mix(in srgb, var(--_text) 30%, transparent), transparent) right top /
            0.6em calc(100% - 1px) no-repeat scroll;
      }
      .tabs::-webkit-scrollbar {
        display: none;
      }
      /* Tabs keep their width (the row scrolls): squeezed, their labels would run into one another. */
      .tabs li {
        flex: none;
      }
      .tabs a {
        display: block;
        padding: 0.55em 0 0.45em;
        text-decoration: none;
        color: var(--_text);
        border-bottom: 3px solid transparent;
      }
      .tabs a:hover {
        color: var(--_accent);
        border-bottom-color: var(--_border);
      }
      .tabs a[aria-current='page'] {
        color: var(--_accent);
        border-bottom-color: var(--_accent);
        font-weight: 600;
      }
      .tabs a:focus-visible {
        outline-offset: -2px;
      }
      .search {
        position: relative;
        display: flex;
        gap: 0.4em;
      }
      /* A magnifier drawn in CSS: the component renders no SVG (its content checks forbid active elements). */
      .search-icon {
        position: absolute;
        inset-inline-start: 0.7em;
        top: 50%;
        width: 0.6em;
        height: 0.6em;
        translate: 0 -65%;
        border: 2px solid var(--_muted);
        border-radius: 50%;
        pointer-events: none;
      }
      .search-icon::after {
        content: '';
        position: absolute;
        left: 85%;
        top: 85%;
        width: 0.35em;
        border-top: 2px solid var(--_muted);
        rotate: 45deg;
        transform-origin: left;
      }
      .search input {
        width: 17em;
        border-radius: var(--_radius);
        padding: 0.35em 0.6em 0.35em 2em;
      }
      .search button {
        padding: 0.35em 0.9em;
      }
      @container trust-center (max-width: 40rem) {
        .search {
          flex: 1 1 100%;
        }
        .search input {
          flex: 1;
          width: auto;
        }
      }
    `,
  ];

  private readonly language = new LangController(this);
  private readonly catalogue = new CatalogueController(this, () => this.language.value);
  private readonly manifest = new ManifestController(
    this,
    () => this.src,
    () => this.timeout,
    () => ({ pick: (ids) => likelyPolicy(location.hash, this.policy, ids), lang: this.language.value }),
  );
  private readonly policyText = new PolicyController(this, () => ({
    loaded: this.manifest.value,
    policyId: this.route.view === 'policy' ? this.route.policyId : undefined,
    timeoutMs: this.timeout,
    lang: this.language.value,
    src: this.src,
    policyLikely: likelyView(location.hash, this.policy) === 'policy',
    headingLevel: headingLevelOf(this, this.headingLevel),
  }));
  protected readonly seen = new SeenController(this, () => ({
    src: this.src,
    policies: this.manifest.value?.manifest.policies,
    policyId: this.route.view === 'policy' ? this.route.policyId : undefined,
  }));
  private readonly views = new LazyViewController(this);
  protected readonly manifestTheme = new ManifestThemeController(this, () => this.manifest.value);
  private readonly width = new FrameWidthController(this, 52);
  private readonly loadingDelay = new LoadingDelayController(this, () => !this.catalogue.ready || !settled(this.manifest.task.status));

  @provide({ context: manifestContext })
  @state()
  protected loaded: LoadedManifest | undefined;

  @state() private hash = '';
  /** Scroll (and on user navigation, focus) the route's target once it has rendered. */
  private pendingReveal: { focus: boolean } | undefined;
  /** Whether the later parts of a long policy, which a deep link may wait for, are on the page. */
  private readonly parts = new PartsArrival();
  /** The route whose tab was last scrolled into the row's view. */
  private tabShown = '';

  @property({ reflect: true }) src: string | null = null;
  @property({ reflect: true }) policy: string | null = null;
  @property({ reflect: true }) theme: Theme = 'light';
  /** Milliseconds to wait for the manifest or a policy before showing a timeout. */
  @property({ type: Number }) timeout = 10_000;
  /** Level (1–4) of the view's title; unset: 1 when the page has no other h1, else 2. */
  @property({ attribute: 'heading-level', reflect: true }) headingLevel: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    // Loads alongside the manifest, unless a policy is to be shown first.
    if (!this.policy) this.views.ensure('overview');
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
    const lazy = value ? (lazyViewOf(this.route) ?? (this.route.view === 'overview' ? 'overview' : undefined)) : undefined;
    if (lazy) this.views.ensure(lazy);
  }

  protected override updated(_changed: PropertyValues): void {
    this.showCurrentTab();
    if (this.pendingReveal) this.reveal();
  }

  /** A row of tabs wider than the element scrolls: keeps the current one in its view (the row only, never the page). */
  private showCurrentTab(): void {
    const tabs = this.renderRoot.querySelector<HTMLElement>('.tabs');
    const current = tabs?.querySelector<HTMLElement>('[aria-current]');
    const key = current?.getAttribute('href') ?? '';
    if (!tabs || !current || key === this.tabShown) return;
    this.tabShown = key;
    if (tabs.scrollWidth > tabs.clientWidth) tabs.scrollLeft = current.offsetLeft - (tabs.clientWidth - current.offsetWidth) / 2;
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
    // A narrow frame re-renders once measured (a collapsed table of contents): scroll to where things then are.
    if (!this.width.measured) return this.width.whenMeasured(() => this.requestUpdate());
    let target: HTMLElement | null = null;
    if (route.view === 'policy') {
      const status = this.policyText.task.status;
      if (route.headingId) {
        if (status === TaskStatus.PENDING || status === TaskStatus.INITIAL) return;
        target = this.renderRoot.querySelector<HTMLElement>(`[id="${CSS.escape(route.headingId)}"]`);
        // A long policy is still putting its later parts on the page: reveal once they are there.
        const done = this.policyText.task.value?.markdown.done;
        if (!target && done && !this.parts.arrivedOrWait(done, () => this.pendingReveal === reveal && this.reveal())) return;
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
      // Until the overview's chunk has arrived there is nothing to reveal yet.
      if (this.views.status('overview').status === 'pending') return;
      target = this.renderRoot.querySelector<HTMLElement>('#tc-title');
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

  /** The organization's logo (an allowed image), else its initial as a monogram. */
  private renderLogo(loaded: LoadedManifest): TemplateResult {
    const { organization } = loaded.manifest;
    const logo = allowedImageUrl(organization.logo, loaded);
    return logo
      ? html`<img part="logo" class="logo" src=${logo} alt="" referrerpolicy="no-referrer" />`
      : html`<span part="logo" class="logo monogram" aria-hidden="true">${[...organization.name.trim()][0]}</span>`;
  }

  /** The organization's logo and name over a view, and the search form (the overview has its header band instead). */
  private renderHeader(loaded: LoadedManifest, search: TemplateResult): TemplateResult {
    const { organization } = loaded.manifest;
    const orgUrl = httpUrl(organization.url, loaded.url);
    return html`<header part="header" class="masthead">
      <div class="brand">
        ${this.renderLogo(loaded)}
        <p part="org-name" class="org-name">${orgUrl ? html`<a href=${orgUrl} rel="noopener noreferrer">${organization.name}</a>` : organization.name}</p>
      </div>
      ${search}
    </header>`;
  }

  /** The overview, from its chunk: its header band and content, loading meanwhile, an error with Retry if it cannot load. */
  private renderOverview(loaded: LoadedManifest, messages: Messages, search: TemplateResult, lang: string, level: number): [unknown, unknown] {
    const status = this.views.status('overview');
    const vm = viewMessagesFor(lang);
    if (status.status === 'error') {
      return [this.renderHeader(loaded, search), errorTemplate(vm.viewLoadFailed, status.error, messages, () => this.views.retry('overview'))];
    }
    if (status.status === 'pending') return [this.renderHeader(loaded, search), loadingTemplate(vm.loadingView, { slot: false })];
    const overview = status.module as typeof import('../views/overview.js');
    this.adoptStyles(overview.overviewStyles);
    const context = { loaded, messages, lang, level, logo: this.renderLogo(loaded), search };
    return [overview.bandTemplate(context), overview.overviewTemplate(context)];
  }

  /** Styles of a chunk rendered into this shadow root (the overview's) join the element's own, once. */
  private adoptStyles(styles: readonly CSSResult[]): void {
    const root = this.shadowRoot;
    const sheets = styles.map((style) => style.styleSheet).filter((sheet): sheet is CSSStyleSheet => sheet !== undefined);
    if (!root || sheets.every((sheet) => root.adoptedStyleSheets.includes(sheet))) return;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheets.filter((sheet) => !root.adoptedStyleSheets.includes(sheet))];
  }

  /** A view from a lazily loaded chunk: loading while it arrives, an error with Retry if it cannot. */
  private renderLazyView(route: Route, loaded: LoadedManifest, messages: Messages, vm: ViewMessages, level: number): unknown {
    const view = lazyViewOf(route);
    if (!view) return nothing;
    const status = this.views.status(view);
    if (status.status === 'error') {
      return errorTemplate(vm.viewLoadFailed, (status as { error: unknown }).error, messages, () => this.views.retry(view));
    }
    if (status.status === 'pending') return loadingTemplate(vm.loadingView, { slot: false });
    switch (route.view) {
      case 'disclosure':
        return html`<trust-center-disclosure .loaded=${loaded} theme=${this.theme} heading-level=${level}></trust-center-disclosure>`;
      case 'subprocessors':
        return html`<trust-center-subprocessors data-view .loaded=${loaded} .headingLevel=${level} theme=${this.theme}></trust-center-subprocessors>`;
      case 'faq':
        return html`<trust-center-faq data-view .loaded=${loaded} .headingLevel=${level} .entry=${route.entryId} theme=${this.theme}></trust-center-faq>`;
      case 'documents':
        return html`<trust-center-documents
          data-view
          .loaded=${loaded}
          .headingLevel=${level}
          .documentId=${route.documentId}
          theme=${this.theme}
        ></trust-center-documents>`;
      case 'updates':
        return html`<trust-center-updates data-view .loaded=${loaded} .headingLevel=${level} .policy=${route.policyId} theme=${this.theme}></trust-center-updates>`;
      case 'search':
        return html`<trust-center-search data-view .loaded=${loaded} .headingLevel=${level} .query=${route.query} theme=${this.theme}></trust-center-search>`;
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
      <!-- Not a tab stop of its own (Firefox makes scroll containers one): its links are, and scroll it. -->
      <ul class="tabs" tabindex="-1">
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
    </nav>`;
  }

  /** The search form, at the header's end; narrow, its placeholder is the short "Search" that fits a phone's field. */
  private renderSearch(route: Route, vm: ViewMessages): TemplateResult {
    return html`<form part="search" class="search" role="search" aria-label=${vm.search.label} @submit=${this.handleSearch}>
      <span class="search-icon" aria-hidden="true"></span>
      <input
        part="search-input"
        type="search"
        name="q"
        aria-label=${vm.search.label}
        placeholder=${this.width.narrow ? vm.search.button : vm.search.label}
        autocomplete="off"
        .value=${route.view === 'search' ? route.query : ''}
      />
      <button part="search-button" type="submit">${vm.search.button}</button>
    </form>`;
  }

  private renderLoaded(loaded: LoadedManifest, messages: Messages, lang: string) {
    const { manifest } = loaded;
    const vm = viewMessagesFor(lang);
    const route = this.route;
    const level = headingLevelOf(this, this.headingLevel);
    const currentPolicy = route.view === 'policy' ? manifest.policies.find((p) => p.id === route.policyId) : undefined;
    const search = this.renderSearch(route, vm);
    const [header, overview] =
      route.view === 'overview' ? this.renderOverview(loaded, messages, search, lang, level) : [this.renderHeader(loaded, search), nothing];
    return html`
      ${header}
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
            { level, narrow: this.width.narrow },
          )
        : route.view === 'overview'
          ? overview
          : this.renderLazyView(route, loaded, messages, vm, level)}
    `;
  }

  override render() {
    const lang = this.language.value;
    const messages = messagesFor(lang);
    // The reserved space stands for a moment; then the loading state, until the manifest (and the reader's
    // language) has loaded.
    const loading = () => (this.loadingDelay.elapsed ? loadingTemplate(messages.loading) : html`<slot></slot>`);
    if (this.src && !this.catalogue.ready) return html`<div class="frame">${widthProbe}${loading()}</div>`;
    const body = this.src
      ? this.manifest.task.render({
          initial: loading,
          pending: loading,
          complete: (loaded) => this.renderLoaded(loaded, messages, lang),
          error: (error) =>
            isAbortError(error)
              ? loading()
              : errorTemplate(messages.loadFailed, error, messages, this.handleRetry),
        })
      : html`<div part="error" class="error" role="alert"><p>${messages.noSrc}</p></div>`;
    return html`<div class="frame">${widthProbe}${body}</div>`;
  }
}
