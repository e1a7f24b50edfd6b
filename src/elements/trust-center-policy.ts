import { LitElement, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { TaskStatus } from '@lit/task';
import { ManifestController } from '../controllers/manifest-controller.js';
import { ManifestThemeController } from '../controllers/manifest-theme-controller.js';
import { PolicyController } from '../controllers/policy-controller.js';
import { SeenController } from '../controllers/seen-controller.js';
import { messagesFor } from '../i18n/messages.js';
import { LangController } from '../i18n/lang-controller.js';
import { isAbortError } from '../loading/errors.js';
import { parseHash } from '../routing/hash.js';
import { policyElementStyles, policyPageTemplate } from './policy-page.js';
import { scrollToSteadily } from './reveal.js';
import { errorTemplate, loadingTemplate, staleTemplate } from './templates.js';
import type { Theme } from './trust-center.js';

/**
 * One policy page alone (title, date, table of contents, text), for a docs
 * site's article. Follows `#<policy-id>/<heading-id>` deep links.
 *
 * @attr src - URL of the manifest (relative to the page).
 * @attr policy - Id of the policy to show; the first policy when absent.
 * @attr theme - `light` (default), `dark` or `auto`.
 * @attr timeout - Milliseconds to wait for the manifest or a policy before giving up (default 10000).
 * @attr lang - Language for dates and labels.
 *
 * @event trust-center-load - The manifest loaded and validated. `detail: { manifest }`.
 * @event trust-center-error - The manifest could not be loaded or is invalid. `detail: { error }`.
 *
 * @csspart article - The policy page.
 * @csspart policy-header - The policy's title and date.
 * @csspart policy-title - The policy's title.
 * @csspart updated - The "Last updated" line.
 * @csspart toc - The table of contents.
 * @csspart toc-link - Each entry of the table of contents.
 * @csspart content - The rendered text.
 * @csspart changes - The change history.
 * @csspart loading - The loading state.
 * @csspart stale - The note shown when the server cannot be reached and the copy saved in the browser stands in.
 * @csspart error - The error state.
 * @csspart retry - The Retry button of an error.
 *
 * @cssproperty --tc-accent - Links, buttons and focus ring.
 * @cssproperty --tc-text - Body text.
 * @cssproperty --tc-muted - Secondary text.
 * @cssproperty --tc-background - Background.
 * @cssproperty --tc-surface - Cards, code and the table of contents.
 * @cssproperty --tc-border - Borders.
 * @cssproperty --tc-font-family - Font; defaults to the host's.
 * @cssproperty --tc-radius - Corner radius.
 * @cssproperty --tc-max-width - Maximum width.
 */
export class TrustCenterPolicyElement extends LitElement {
  static override styles = policyElementStyles;

  private readonly language = new LangController(this);
  private readonly manifest = new ManifestController(
    this,
    () => this.src,
    () => this.timeout,
  );
  private readonly policyText = new PolicyController(this, () => ({
    loaded: this.manifest.value,
    policyId: this.currentPolicyId,
    timeoutMs: this.timeout,
    lang: this.language.value,
    src: this.src,
  }));
  protected readonly manifestTheme = new ManifestThemeController(this, () => this.manifest.value);
  protected readonly seen = new SeenController(this, () => ({
    src: this.src,
    policies: this.manifest.value?.manifest.policies,
    policyId: this.currentPolicyId,
  }));

  @state() private hash = '';
  /** The long policy whose later parts a deep link waits for. */
  private partsAwaited: Promise<void> | undefined;
  /** The hash's heading is still to be scrolled to (on load, and after each hashchange). */
  private revealPending = false;

  @property({ reflect: true }) src: string | null = null;
  @property({ reflect: true }) policy: string | null = null;
  @property({ reflect: true }) theme: Theme = 'light';
  /** Milliseconds to wait for the manifest or a policy before showing a timeout. */
  @property({ type: Number }) timeout = 10_000;

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
    const heading = this.headingFromHash();
    const target = heading === undefined ? null : this.renderRoot.querySelector<HTMLElement>(`[id="${CSS.escape(heading)}"]`);
    const done = this.policyText.task.value?.markdown.done;
    if (heading !== undefined && !target && done && done !== this.partsAwaited) {
      this.partsAwaited = done;
      void done.then(() => this.requestUpdate());
      return;
    }
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
      return html`<div class="frame"><div part="error" class="error" role="alert"><p>${messages.noSrc}</p></div></div>`;
    }
    const body = this.manifest.task.render({
      initial: () => loadingTemplate(messages.loading),
      pending: () => loadingTemplate(messages.loading),
      complete: (loaded) => {
        const policy = loaded.manifest.policies.find((p) => p.id === this.currentPolicyId);
        if (!policy) {
          return html`<div part="error" class="error" role="alert">
            <p>${messages.unknownPolicy(this.policy ?? '')}</p>
          </div>`;
        }
        // A static page's article stays in view until the policy text is ready to replace it whole.
        if (this.childElementCount > 0 && this.policyText.task.status !== TaskStatus.COMPLETE && this.policyText.task.status !== TaskStatus.ERROR) {
          return loadingTemplate(messages.loadingPolicy);
        }
        return html`${staleTemplate(loaded, messages, lang, this.handleRetry)}
          ${policyPageTemplate(policy, this.policyText.task, messages, lang, this.handlePolicyRetry)}`;
      },
      error: (error) =>
        isAbortError(error)
          ? loadingTemplate(messages.loading)
          : errorTemplate(messages.loadFailed, error, messages, this.handleRetry),
    });
    return html`<div class="frame">${body}</div>`;
  }
}
