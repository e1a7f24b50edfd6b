import { LitElement, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { TaskStatus } from '@lit/task';
import { LoadingDelayController, settled } from '../controllers/loading-delay-controller.js';
import { ManifestController } from '../controllers/manifest-controller.js';
import { ManifestThemeController } from '../controllers/manifest-theme-controller.js';
import { PolicyController } from '../controllers/policy-controller.js';
import { SeenController } from '../controllers/seen-controller.js';
import { messagesFor } from '../i18n/messages.js';
import { CatalogueController } from '../i18n/catalogue-controller.js';
import { LangController } from '../i18n/lang-controller.js';
import { isAbortError } from '../loading/errors.js';
import { parseHash } from '../routing/hash.js';
import type { LoadedManifest } from '../loading/manifest-loader.js';
import { latestComparable } from '../views/changes.js';
import { viewMessagesFor } from '../views/messages.js';
import { trustCenterPage } from '../views/urls.js';
import { FrameWidthController, widthProbe } from './frame-width.js';
import { policyElementStyles, policyPageTemplate } from './policy-page.js';
import { PartsArrival, scrollToSteadily } from './reveal.js';
import { errorTemplate, headingLevelOf, loadingTemplate, staleTemplate, type ChangesLink } from './templates.js';
import type { Theme } from './trust-center.js';

/**
 * One policy page alone (title, date, table of contents, text), for a docs
 * site's article. Follows `#<policy-id>/<heading-id>` deep links, on load too. Links in the text to the
 * trust center's other views (`#disclosure`, `#faq/…`) lead to the trust center's page when one is known.
 *
 * @attr {string} src - URL of the manifest (relative to the page).
 * @attr {string} policy - Id of the policy to show; the first policy when absent.
 * @attr {'light' | 'dark' | 'auto'} theme - `light` (default), `dark` or `auto`.
 * @attr {number} timeout - Milliseconds to wait for the manifest or a policy before giving up (default 10000).
 * @attr {string} lang - Language for dates and labels.
 * @attr {1 | 2 | 3 | 4} heading-level - Level (1–4) of the policy's title; by default 1 when the page has no other h1, else 2. The text's `##` sections sit one level below it.
 * @attr {string} trust-center-url - The page of the whole trust center (relative to this page), where links to its other views lead; else the manifest's `trustCenter`.
 *
 * @event {CustomEvent<TrustCenterLoadDetail>} trust-center-load - The manifest loaded and validated. `detail: { manifest }`.
 * @event {CustomEvent<TrustCenterErrorDetail>} trust-center-error - The manifest could not be loaded or is invalid. `detail: { error }`.
 *
 * @csspart article - The policy page.
 * @csspart policy-header - The policy's title and date.
 * @csspart policy-title - The policy's title.
 * @csspart updated - The "Last updated" line.
 * @csspart toc - The table of contents.
 * @csspart toc-summary - Its "On this page" button, on a narrow page where it is collapsed.
 * @csspart toc-link - Each entry of the table of contents.
 * @csspart content - The rendered text.
 * @csspart language-note - The note above a policy not available in the reader's language.
 * @csspart changes - The change history.
 * @csspart changes-link - Its link to the updates on the trust center's page, when one is known.
 * @csspart loading - The loading state, shown once loading has taken 200 ms (until then the reserved space stays empty).
 * @csspart stale - The note shown when the server cannot be reached and the copy saved in the browser stands in.
 * @csspart error - The error state.
 * @csspart retry - The Retry button of an error.
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
export class TrustCenterPolicyElement extends LitElement {
  static override styles = policyElementStyles;

  private readonly language = new LangController(this);
  private readonly catalogue = new CatalogueController(this, () => this.language.value);
  private readonly manifest = new ManifestController(
    this,
    () => this.src,
    () => this.timeout,
    () => ({ pick: (ids) => this.policy ?? ids[0], lang: this.language.value }),
  );
  private readonly policyText = new PolicyController(this, () => ({
    loaded: this.manifest.value,
    policyId: this.currentPolicyId,
    timeoutMs: this.timeout,
    lang: this.language.value,
    src: this.src,
    routeHref: (hash) => this.routeHref(hash),
    headingLevel: headingLevelOf(this, this.headingLevel),
  }));
  protected readonly manifestTheme = new ManifestThemeController(this, () => this.manifest.value);
  protected readonly seen = new SeenController(this, () => ({
    src: this.src,
    policies: this.manifest.value?.manifest.policies,
    policyId: this.currentPolicyId,
  }));
  private readonly width = new FrameWidthController(this, 52);
  private readonly loadingDelay = new LoadingDelayController(
    this,
    () => !this.catalogue.ready || !settled(this.manifest.task.status) || !settled(this.policyText.task.status),
  );

  @state() private hash = '';
  /** Whether the later parts of a long policy, which a deep link may wait for, are on the page. */
  private readonly parts = new PartsArrival();
  /** The hash's heading is still to be scrolled to (on load, and after each hashchange). */
  private revealPending = false;

  @property({ reflect: true }) src: string | null = null;
  @property({ reflect: true }) policy: string | null = null;
  @property({ reflect: true }) theme: Theme = 'light';
  /** Milliseconds to wait for the manifest or a policy before showing a timeout. */
  @property({ type: Number }) timeout = 10_000;
  /** Level (1–4) of the policy's title; unset: 1 when the page has no other h1, else 2. */
  @property({ attribute: 'heading-level', reflect: true }) headingLevel: string | null = null;
  /** The page of the whole trust center (relative to this page), where links to its other views lead. */
  @property({ attribute: 'trust-center-url', reflect: true }) trustCenterUrl: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.hash = location.hash;
    this.revealPending = true;
    window.addEventListener('hashchange', this.handleHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.handleHashChange);
  }

  protected override updated(): void {
    this.revealHeading();
  }

  /** Scrolls to the heading the hash names once it is on the page (a long policy puts later parts on it later). */
  private revealHeading(): void {
    if (!this.revealPending || !this.manifest.value || this.policyText.task.status !== TaskStatus.COMPLETE) return;
    // A narrow frame re-renders once measured (a collapsed table of contents): scroll to where things then are.
    if (!this.width.measured) return this.width.whenMeasured(() => this.requestUpdate());
    const heading = this.headingFromHash();
    const target = heading === undefined ? null : this.renderRoot.querySelector<HTMLElement>(`[id="${CSS.escape(heading)}"]`);
    const done = this.policyText.task.value?.markdown.done;
    if (heading !== undefined && !target && done && !this.parts.arrivedOrWait(done, () => this.requestUpdate())) return;
    this.revealPending = false;
    if (!target) return;
    const markdown = this.policyText.task.value?.markdown;
    const hash = location.hash;
    if (markdown?.long) scrollToSteadily(target, () => !this.revealPending && location.hash === hash, markdown.settled);
    else target.scrollIntoView({ block: 'start' });
  }

  private get currentPolicyId(): string | undefined {
    const policies = this.manifest.value?.manifest.policies;
    if (!policies) return undefined;
    return this.policy ?? policies[0]?.id;
  }

  private headingFromHash(): string | undefined {
    const id = this.currentPolicyId;
    if (!id) return undefined;
    const route = parseHash(this.hash, [id]);
    return route?.view === 'policy' ? route.headingId : undefined;
  }

  /** A link to another view of the trust center: on its page when one is known; this policy's own stay here. */
  private routeHref(hash: string): string {
    const loaded = this.manifest.value;
    const page = loaded ? trustCenterPage(this.trustCenterUrl, loaded) : undefined;
    const own = this.currentPolicyId && parseHash(hash, [this.currentPolicyId])?.view === 'policy';
    return page && !own ? `${page}${hash}` : hash;
  }

  /** From the change history to its comparison (or all updates) on the trust center's page, when one is known. */
  private changesLink(loaded: LoadedManifest, policyId: string, lang: string): ChangesLink | undefined {
    const page = trustCenterPage(this.trustCenterUrl, loaded);
    if (!page) return undefined;
    const vm = viewMessagesFor(lang);
    return latestComparable(loaded.manifest, policyId)
      ? { href: `${page}#updates/${policyId}`, label: vm.compareWithPrevious }
      : { href: `${page}#updates`, label: vm.overview.allUpdates };
  }

  private readonly handleHashChange = () => {
    this.hash = location.hash;
    this.revealPending = true;
    this.requestUpdate();
  };

  private readonly handleRetry = () => this.manifest.retry();
  private readonly handlePolicyRetry = () => this.policyText.retry();

  override render() {
    const lang = this.language.value;
    const messages = messagesFor(lang);
    if (!this.src) {
      return html`<div class="frame">${widthProbe}<div part="error" class="error" role="alert"><p>${messages.noSrc}</p></div></div>`;
    }
    // Until the reader's language has loaded, as while the manifest loads.
    // A static page's article (slotted) or the reserved space stands until loading has taken a moment.
    const loading = (label = messages.loading) => (this.loadingDelay.elapsed ? loadingTemplate(label) : html`<slot></slot>`);
    if (!this.catalogue.ready) return html`<div class="frame">${widthProbe}${loading()}</div>`;
    const body = this.manifest.task.render({
      initial: () => loading(),
      pending: () => loading(),
      complete: (loaded) => {
        const policy = loaded.manifest.policies.find((p) => p.id === this.currentPolicyId);
        if (!policy) {
          return html`<div part="error" class="error" role="alert">
            <p>${messages.unknownPolicy(this.policy ?? '')}</p>
          </div>`;
        }
        // A static page's article stays in view until the policy text is ready to replace it whole; so does the
        // reserved space for a moment, so that a text that follows at once is painted with its title.
        if (!settled(this.policyText.task.status) && (this.childElementCount > 0 || !this.loadingDelay.elapsed)) return loading(messages.loadingPolicy);
        return html`${staleTemplate(loaded, messages, lang, this.handleRetry)}
          ${policyPageTemplate(policy, this.policyText.task, messages, lang, this.handlePolicyRetry, this.changesLink(loaded, policy.id, lang), {
            level: headingLevelOf(this, this.headingLevel),
            narrow: this.width.narrow,
          })}`;
      },
      error: (error) =>
        isAbortError(error)
          ? loading()
          : errorTemplate(messages.loadFailed, error, messages, this.handleRetry),
    });
    return html`<div class="frame">${widthProbe}${body}</div>`;
  }
}
