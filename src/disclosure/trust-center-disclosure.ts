import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { consume } from '@lit/context';
import { manifestContext } from '../context.js';
import { ManifestController } from '../controllers/manifest-controller.js';
import { ManifestThemeController } from '../controllers/manifest-theme-controller.js';
import { messagesFor } from '../i18n/messages.js';
import { CatalogueController } from '../i18n/catalogue-controller.js';
import { LangController } from '../i18n/lang-controller.js';
import { isAbortError } from '../loading/errors.js';
import { resolveUrl, type LoadedManifest } from '../loading/manifest-loader.js';
import type { Disclosure, Manifest } from '../manifest/schema.js';
import { themeStyles } from '../styles/theme.js';
import { stateStyles } from '../elements/policy-page.js';
import { errorTemplate, headingLevelOf, headingTemplate, loadingTemplate } from '../elements/templates.js';
import { trustCenterPage } from '../views/urls.js';
import { frameStyles } from '../elements/shared.js';
import type { Theme } from '../elements/trust-center.js';
import { addBusinessDays, formatDateTime, formatDay, localIsoDate } from './business-days.js';
import { parseCvss31 } from './cvss.js';
import { DraftController, type Draft, type Submission } from './draft-store.js';
import { EncryptionError, encryptText, formatFingerprint, normalizeFingerprint } from './encryption.js';
import { disclosureMessagesFor, type DisclosureMessages } from './messages.js';
import {
  FIELD_ORDER,
  SEVERITY_LEVELS,
  TITLE_MAX,
  contentDigest,
  createReference,
  createUuid,
  emptyFields,
  encryptedPayload,
  errorMessage,
  isBlank,
  plainReportBody,
  readReportDraft,
  reportText,
  validateReport,
  type EncryptedReportBody,
  type FieldErrors,
  type FieldName,
  type PolicyRef,
  type ReportFields,
} from './report.js';
import { disclosureStyles } from './styles.js';
import { DEFAULT_SEND_TIMEOUT_MS, SendError, describeSendError, mailtoLink, plainMailto, postReport, type MailtoLink } from './transport.js';

/** edit → review → sending → receipt, or → failed (Retry) / → email (no endpoint) → receipt. */
export type DisclosureStep = 'edit' | 'review' | 'sending' | 'failed' | 'email' | 'receipt';

export interface DisclosureSubmitDetail {
  reference: string;
}

type Failure = { kind: 'send'; error: SendError } | { kind: 'encryption'; error: EncryptionError };

interface Receipt {
  reference: string;
  receivedAt: Date;
  acknowledgeBy: Date;
  via: 'endpoint' | 'email';
  /** The downloadable copy, fixed when the receipt was made. */
  text: string;
  hasEmail: boolean;
  /** The receiver's status page for this report, when it has one. */
  statusUrl: string | undefined;
}

interface Download {
  text: string;
  url: string;
}

const ID = 'tc-d-';
const HONEYPOT = 'homepage';
const fieldId = (name: string) => `${ID}${name}`;

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Every part below, forwarded when the form is inside another element's shadow root. */
const EXPORTED_PARTS = [
  'disclosure', 'heading', 'intro', 'status', 'notice', 'form', 'fieldset', 'field', 'label', 'hint', 'input',
  'field-error', 'cvss-score', 'error-summary', 'review', 'summary', 'actions', 'edit', 'submit', 'failure',
  'retry', 'email-link', 'email-route', 'confirm', 'download', 'receipt', 'reference', 'status-link', 'new-report', 'loading', 'error',
] as const;

/**
 * The vulnerability disclosure form: a report is written, reviewed, sent to the manifest's endpoint
 * (or by e-mail) — encrypted in the browser when the manifest pins an OpenPGP key — and answered
 * with a receipt. The draft survives reloads and failed sends until the endpoint confirms receipt.
 *
 * @attr {string} src - URL of the manifest (relative to the page); not needed inside `<trust-center>` or when `.loaded` is set.
 * @attr {'light' | 'dark' | 'auto'} theme - `light` (default), `dark` or `auto`.
 * @attr {number} timeout - Milliseconds to wait for the manifest (default 10000).
 * @attr {number} send-timeout - Milliseconds to wait for the endpoint and the encryption key (default 15000).
 * @attr {number} min-fill-time - Minimum milliseconds between the form appearing and a report leaving (default 3000).
 * @attr {string} lang - Language for dates and labels; else the nearest ancestor's, else the browser's.
 * @attr {1 | 2 | 3 | 4} heading-level - Level (1–4) of the form's title; by default 1 when the page has no other h1, else 2.
 * @attr {string} trust-center-url - The page of the whole trust center, which the "disclosure policy" link leads to; else the manifest's `trustCenter`. Without either, a standalone form names the policy without a link.
 *
 * @event {CustomEvent<TrustCenterSubmitDetail>} trust-center-submit - The report arrived (the endpoint confirmed it, or the reporter sent the e-mail). `detail: { reference }`.
 * @event {CustomEvent<TrustCenterLoadDetail>} trust-center-load - (standalone, with `src`) The manifest loaded and validated. `detail: { manifest }`.
 * @event {CustomEvent<TrustCenterErrorDetail>} trust-center-error - (standalone, with `src`) The manifest could not be loaded. `detail: { error }`.
 *
 * @csspart disclosure - The whole view.
 * @csspart heading - The "Report a vulnerability" heading.
 * @csspart intro - The introduction (what to include, when we acknowledge).
 * @csspart status - The live status line (restored, encrypting, sending, received).
 * @csspart notice - A notice: no disclosure program, restored draft, storage unavailable.
 * @csspart form - The form.
 * @csspart fieldset - A group of fields.
 * @csspart field - One field with its label, hint and error.
 * @csspart label - A field's label.
 * @csspart hint - A field's help text.
 * @csspart input - A text field, select, text area or checkbox.
 * @csspart field-error - A field's error message.
 * @csspart cvss-score - The base score computed from a CVSS vector.
 * @csspart error-summary - The list of problems shown when Review finds some.
 * @csspart review - The read-only summary before sending.
 * @csspart summary - The list of fields in the review and the receipt.
 * @csspart actions - A row of buttons.
 * @csspart edit - The Edit button.
 * @csspart submit - The primary button: Review report, Send report, Prepare e-mail.
 * @csspart failure - Why the report was not sent.
 * @csspart retry - The Retry button.
 * @csspart email-link - A mailto: link with the report (or to the security address).
 * @csspart email-route - The e-mail step, when the manifest has no endpoint.
 * @csspart confirm - The "I have sent it" button of the e-mail step.
 * @csspart download - A "Download a copy" link.
 * @csspart receipt - The receipt: reference, time, acknowledgement date.
 * @csspart reference - The report's reference.
 * @csspart status-link - The link to the receiver's status page for the report (when the receiver gives one).
 * @csspart new-report - The "Report another vulnerability" button.
 * @csspart loading - The loading state (standalone).
 * @csspart error - The manifest error state (standalone).
 *
 * @cssproperty --tc-accent - Links, buttons and focus ring.
 * @cssproperty --tc-on-accent - Text on accent-coloured buttons.
 * @cssproperty --tc-text - Body text.
 * @cssproperty --tc-muted - Hints and secondary text.
 * @cssproperty --tc-background - Background of the component.
 * @cssproperty --tc-surface - Background of notices.
 * @cssproperty --tc-border - Borders and rules.
 * @cssproperty --tc-danger - Errors and invalid fields.
 * @cssproperty --tc-input-background - Background of fields (default: `--tc-background`).
 * @cssproperty --tc-input-border - Border of fields (default: `--tc-border`).
 * @cssproperty --tc-input-text - Text of fields (default: `--tc-text`).
 * @cssproperty --tc-font-family - Font; defaults to the host's (`inherit`).
 * @cssproperty --tc-radius - Corner radius.
 * @cssproperty --tc-max-width - Maximum width of the content.
 */
export class TrustCenterDisclosureElement extends LitElement {
  static override styles = [themeStyles, frameStyles, stateStyles, disclosureStyles];

  private readonly languageController = new LangController(this);
  private readonly catalogue = new CatalogueController(this, () => this.language);
  private readonly manifest = new ManifestController(
    this,
    () => (this.loaded ? null : this.src),
    () => this.timeout,
  );
  // Standalone (src or .loaded) it carries the manifest's theme; inside <trust-center> it inherits it.
  protected readonly manifestTheme = new ManifestThemeController(this, () => this.loaded ?? (this.src ? this.manifest.value : undefined));
  private readonly drafts = new DraftController<Draft>(this, {
    key: () => this.current?.url,
    snapshot: () => this.snapshot(),
    storage: () => this.storage,
    read: readReportDraft,
  });

  @consume({ context: manifestContext, subscribe: true })
  @state()
  private contextLoaded: LoadedManifest | undefined;

  @state() private fields: ReportFields = emptyFields();
  @state() private step: DisclosureStep = 'edit';
  @state() private errors: FieldErrors = {};
  @state() private status = '';
  @state() private restored = false;
  @state() private submission: Submission | undefined;
  @state() private failure: Failure | undefined;
  @state() private receipt: Receipt | undefined;
  @state() private download: Download | undefined;
  @state() private encryptedDownload: Download | undefined;
  /** The manifest URL whose draft is loaded (drafts are kept per manifest). */
  private draftKey: string | undefined;
  private honeypot = '';
  /** performance.now() when the form was first shown. */
  private shownAt: number | undefined;
  /** A selector to focus after the next render. */
  private focusTarget: string | undefined;
  /** The level of the form's title in this render (see headingLevelOf). */
  private level = 2;

  @property({ reflect: true }) src: string | null = null;
  /** The manifest, already loaded (as `<trust-center>` passes it); wins over `src`. */
  @property({ attribute: false }) loaded: LoadedManifest | undefined;
  @property({ reflect: true }) theme: Theme = 'light';
  /** Milliseconds to wait for the manifest. */
  @property({ type: Number }) timeout = 10_000;
  /** Milliseconds to wait for the endpoint's answer (and for the encryption key). */
  @property({ type: Number, attribute: 'send-timeout' }) sendTimeout = DEFAULT_SEND_TIMEOUT_MS;
  /** Reports leave no sooner than this many milliseconds after the form appeared (robots are quicker). */
  @property({ type: Number, attribute: 'min-fill-time' }) minFillTime = 3_000;
  /** The clock (tests set it): the receipt's time and the acknowledgement date count from it. */
  @property({ attribute: false }) now: () => Date = () => new Date();
  /** Where drafts are kept: `undefined` for sessionStorage, `null` for nowhere, or any Storage. */
  @property({ attribute: false }) storage: Storage | null | undefined = undefined;
  /** Level (1–4) of the form's title; unset: 1 when the page has no other h1, else 2. */
  @property({ attribute: 'heading-level', reflect: true }) headingLevel: string | null = null;
  /** The page of the whole trust center (relative to this page): where the disclosure policy link leads. */
  @property({ attribute: 'trust-center-url', reflect: true }) trustCenterUrl: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    // Inside <trust-center> (a shadow root), forward the parts so `trust-center::part(submit)` reaches them.
    if (this.getRootNode() instanceof ShadowRoot && !this.hasAttribute('exportparts')) {
      this.setAttribute('exportparts', EXPORTED_PARTS.join(', '));
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Object URLs are revoked with the view; willUpdate makes new ones if it comes back.
    this.revoke(this.download);
    this.revoke(this.encryptedDownload);
    this.download = undefined;
    this.encryptedDownload = undefined;
  }

  protected override willUpdate(): void {
    const key = this.current?.url;
    if (key !== this.draftKey) {
      this.draftKey = key;
      this.restoreDraft();
    }
    this.syncDownloads();
  }

  protected override updated(): void {
    if (this.shownAt === undefined && this.step === 'edit' && this.renderRoot.querySelector('form')) {
      this.shownAt = performance.now();
    }
    if (this.focusTarget) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.focusTarget);
      this.focusTarget = undefined;
      if (target) {
        target.focus({ preventScroll: true });
        target.scrollIntoView({ block: 'nearest' });
      }
    }
  }

  /** The manifest in use: `.loaded`, else the one `src` names, else the enclosing `<trust-center>`'s. */
  get current(): LoadedManifest | undefined {
    return this.loaded ?? (this.src ? this.manifest.value : this.contextLoaded);
  }

  /** Where the report is in its journey. */
  get currentStep(): DisclosureStep {
    return this.step;
  }

  /** Moves focus to the form's heading once rendered: for hosts that route to the form (`#disclosure`). */
  async focusHeading(options?: FocusOptions): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#${ID}heading`)?.focus(options);
  }

  private get language(): string {
    return this.languageController.value;
  }

  private get messages(): DisclosureMessages {
    return disclosureMessagesFor(this.language);
  }

  private snapshot(): Draft | undefined {
    if (this.step === 'receipt' || isBlank(this.fields)) return undefined;
    return { fields: this.fields, submission: this.submission };
  }

  private restoreDraft(): void {
    const draft = this.drafts.load();
    this.step = 'edit';
    this.errors = {};
    this.failure = undefined;
    this.receipt = undefined;
    this.fields = draft?.fields ?? emptyFields();
    this.submission = draft?.submission;
    this.restored = draft !== undefined && !isBlank(draft.fields);
    this.status = this.restored ? this.messages.restored : '';
  }

  private revoke(download: Download | undefined): void {
    if (download) URL.revokeObjectURL(download.url);
  }

  /** Keeps one object URL per downloadable text, revoking the one it replaces. */
  private syncDownloads(): void {
    const text = this.copyText();
    if (text !== this.download?.text) {
      this.revoke(this.download);
      this.download = text === undefined ? undefined : { text, url: URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' })) };
    }
    const armored = this.step === 'email' ? this.submission?.encrypted : undefined;
    if (armored !== this.encryptedDownload?.text) {
      this.revoke(this.encryptedDownload);
      this.encryptedDownload =
        armored === undefined ? undefined : { text: armored, url: URL.createObjectURL(new Blob([armored], { type: 'application/pgp-encrypted' })) };
    }
  }

  private copyText(): string | undefined {
    if (this.step === 'receipt') return this.receipt?.text;
    if ((this.step === 'failed' || this.step === 'email') && this.submission) return this.reportText(this.submission.reference);
    return undefined;
  }

  private rules(disclosure: Disclosure) {
    return { requireEmail: disclosure.requireEmail, assetIds: (disclosure.assets ?? []).map((a) => a.id) };
  }

  private policyRef(manifest: Manifest, disclosure: Disclosure): PolicyRef {
    const policy = manifest.policies.find((p) => p.id === disclosure.policy);
    return { id: disclosure.policy, updated: policy?.updated ?? '' };
  }

  private assetLabel(id: string): string {
    if (id === 'other') return this.messages.fields.assetOther;
    return this.current?.manifest.disclosure?.assets?.find((a) => a.id === id)?.label ?? id;
  }

  private severityLabel(fields: ReportFields): string | undefined {
    const m = this.messages;
    if (fields.severity === '') return undefined;
    if (fields.severity !== 'cvss') return m.fields.severityLevels[fields.severity];
    const parsed = parseCvss31(fields.cvss);
    return parsed.ok
      ? `${parsed.vector} — ${m.fields.cvssScore(parsed.baseScore.toFixed(1), m.cvssRatings[parsed.rating])}`
      : fields.cvss.trim();
  }

  private reportText(reference: string, extra?: readonly [string, string][]): string {
    const loaded = this.current;
    const disclosure = loaded?.manifest.disclosure;
    if (!loaded || !disclosure) return '';
    return reportText(this.fields, reference, this.policyRef(loaded.manifest, disclosure), this.messages, {
      assetLabel: (id) => this.assetLabel(id),
      severityLabel: (f) => this.severityLabel(f),
      extra,
    });
  }

  private mailto(disclosure: Disclosure, submission: Submission): MailtoLink {
    const m = this.messages;
    if (disclosure.encryption) {
      const armored = submission.encrypted ?? '';
      const link = mailtoLink(disclosure.email, m.email.subjectEncrypted(submission.reference), armored, '', Infinity);
      // Half an OpenPGP message is no use to anyone: all of it, or none and a note to attach the file.
      return link.href.length <= 1_800
        ? link
        : { href: plainMailto(disclosure.email, m.email.subjectEncrypted(submission.reference)), truncated: true };
    }
    return mailtoLink(
      disclosure.email,
      m.email.subject(submission.reference, this.fields.title.trim()),
      this.reportText(submission.reference),
      m.email.truncated,
    );
  }

  private readonly handleInput = (event: Event) => {
    const target = event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    if (target.name === HONEYPOT) {
      this.honeypot = target.value;
      return;
    }
    const name = target.name as FieldName;
    if (!(FIELD_ORDER as readonly string[]).includes(name)) return;
    const value = target instanceof HTMLInputElement && target.type === 'checkbox' ? target.checked : target.value;
    if (this.fields[name] === value) return;
    this.fields = { ...this.fields, [name]: value };
    const disclosure = this.current?.manifest.disclosure;
    if (disclosure && Object.keys(this.errors).length) {
      // Errors the reporter fixed go at once; new ones wait for the next Review.
      const now = validateReport(this.fields, this.rules(disclosure));
      const errors: FieldErrors = {};
      for (const key of Object.keys(this.errors) as FieldName[]) if (now[key]) errors[key] = now[key];
      this.errors = errors;
    }
    if (isBlank(this.fields) && !this.submission) this.drafts.clear();
    else this.drafts.schedule();
  };

  private readonly handleReview = (event: SubmitEvent) => {
    event.preventDefault();
    const disclosure = this.current?.manifest.disclosure;
    if (!disclosure) return;
    const errors = validateReport(this.fields, this.rules(disclosure));
    this.errors = errors;
    if (Object.keys(errors).length) {
      this.status = '';
      this.focusTarget = `#${ID}error-summary`;
      return;
    }
    const digest = contentDigest(this.fields);
    if (!this.submission || this.submission.digest !== digest) {
      // One key per report: made now, kept with the draft, reused by every retry.
      this.submission = { idempotencyKey: createUuid(), reference: createReference(this.now()), digest };
    }
    this.step = 'review';
    this.restored = false;
    this.status = '';
    this.focusTarget = `#${ID}review-title`;
    this.drafts.save();
  };

  private readonly handleSummaryLink = (event: Event) => {
    event.preventDefault();
    const name = (event.currentTarget as HTMLAnchorElement).dataset.field;
    this.renderRoot.querySelector<HTMLElement>(`#${fieldId(name ?? '')}`)?.focus();
  };

  private readonly handleEdit = () => {
    if (this.step === 'sending') return;
    this.step = 'edit';
    this.failure = undefined;
    this.status = '';
    this.focusTarget = `#${ID}heading`;
  };

  private readonly handleSend = () => void this.send();

  private readonly handleEmailSent = () => {
    const submission = this.submission;
    if (submission) this.succeed(submission.reference, 'email');
  };

  private readonly handleNewReport = () => {
    this.fields = emptyFields();
    this.submission = undefined;
    this.receipt = undefined;
    this.failure = undefined;
    this.errors = {};
    this.honeypot = '';
    this.shownAt = undefined;
    this.restored = false;
    this.status = '';
    this.step = 'edit';
    this.focusTarget = `#${ID}heading`;
  };

  /** Encrypt if the manifest asks for it, then POST (or hand over to e-mail); never throws. */
  private async send(): Promise<void> {
    const loaded = this.current;
    const disclosure = loaded?.manifest.disclosure;
    const submission = this.submission;
    if (!loaded || !disclosure || !submission || this.step === 'sending') return;
    const m = this.messages;
    this.step = 'sending';
    this.failure = undefined;
    this.status = m.waiting;

    const shownAt = this.shownAt ?? performance.now();
    const wait = this.minFillTime - (performance.now() - shownAt);
    if (wait > 0) await delay(wait);

    const policy = this.policyRef(loaded.manifest, disclosure);
    let encrypted: string | undefined;
    if (disclosure.encryption) {
      const pin = normalizeFingerprint(disclosure.encryption.fingerprint);
      if (submission.encrypted && submission.encryptedFor === pin) {
        encrypted = submission.encrypted;
      } else {
        this.status = m.encrypting;
        try {
          encrypted = await encryptText(encryptedPayload(this.fields, submission.reference, policy, this.language), {
            keyUrl: resolveUrl(disclosure.encryption.key, loaded.url),
            fingerprint: pin,
            timeoutMs: this.sendTimeout,
          });
        } catch (error) {
          this.fail({
            kind: 'encryption',
            error: error instanceof EncryptionError ? error : new EncryptionError('encrypt', String(error), { cause: error }),
          });
          return;
        }
        // Kept with the draft: a retry re-sends these very bytes under the same key.
        this.submission = { ...submission, encrypted, encryptedFor: pin };
        this.drafts.save();
      }
    }

    if (!disclosure.endpoint) {
      this.step = 'email';
      this.status = '';
      this.focusTarget = `#${ID}email-title`;
      return;
    }

    this.status = m.sending;
    const antiAbuse = { honeypot: this.honeypot !== '', elapsedMs: Math.round(performance.now() - shownAt) };
    const submittedAt = this.now();
    const body = encrypted
      ? ({ reference: submission.reference, encrypted, policy, submittedAt: submittedAt.toISOString(), antiAbuse } satisfies EncryptedReportBody)
      : plainReportBody(this.fields, { reference: submission.reference, policy, submittedAt, locale: this.language, antiAbuse });
    try {
      const result = await postReport({
        endpoint: resolveUrl(disclosure.endpoint, loaded.url),
        body,
        idempotencyKey: submission.idempotencyKey,
        timeoutMs: this.sendTimeout,
      });
      this.succeed(result.reference ?? submission.reference, 'endpoint', result.statusUrl);
    } catch (error) {
      const sendError =
        error instanceof SendError
          ? error
          : new SendError(isAbortError(error) ? 'network' : 'response', String(error), { cause: error, timeoutMs: this.sendTimeout });
      this.fail({ kind: 'send', error: sendError });
    }
  }

  private fail(failure: Failure): void {
    this.failure = failure;
    this.step = 'failed';
    this.status = this.messages.failure.heading;
    this.focusTarget = `#${ID}failure-title`;
    this.drafts.save();
  }

  private succeed(reference: string, via: Receipt['via'], statusUrl?: string): void {
    const disclosure = this.current?.manifest.disclosure;
    const m = this.messages;
    const receivedAt = this.now();
    const acknowledgeBy = addBusinessDays(receivedAt, disclosure?.acknowledgeBusinessDays ?? 2);
    const lang = this.language;
    this.receipt = {
      reference,
      receivedAt,
      acknowledgeBy,
      via,
      hasEmail: this.fields.email.trim() !== '',
      statusUrl,
      text: this.reportText(reference, [
        [m.copy.received, formatDateTime(receivedAt, lang)],
        [m.copy.acknowledgeBy, formatDay(acknowledgeBy, lang)],
        ...(statusUrl ? ([[m.receipt.statusLink, statusUrl]] as [string, string][]) : []),
      ]),
    };
    this.step = 'receipt';
    this.status = m.receipt.sent;
    this.focusTarget = `#${ID}receipt-title`;
    // Only now, with receipt confirmed, is the draft let go.
    this.drafts.clear();
    this.dispatchEvent(
      new CustomEvent<DisclosureSubmitDetail>('trust-center-submit', { detail: { reference }, bubbles: true, composed: true }),
    );
  }

  private describedBy(name: string, hint: boolean, error: boolean, extra: readonly string[] = []): string | typeof nothing {
    const ids = [hint ? `${fieldId(name)}-hint` : '', error ? `${fieldId(name)}-error` : '', ...extra].filter(Boolean);
    return ids.length ? ids.join(' ') : nothing;
  }

  private renderError(name: FieldName, label: string): TemplateResult | typeof nothing {
    const error = this.errors[name];
    if (!error) return nothing;
    return html`<p part="field-error" class="field-error" id=${`${fieldId(name)}-error`}>
      <span class="visually-hidden">${this.messages.errors.prefix}</span> ${errorMessage(name, error, this.messages, label)}
    </p>`;
  }

  private renderLabel(name: FieldName, label: string, required: boolean): TemplateResult {
    const m = this.messages;
    return html`<label part="label" for=${fieldId(name)}
      >${label} <span class="mark">${required ? m.requiredMark : m.optionalMark}</span></label
    >`;
  }

  private renderHint(name: FieldName, hint: string | undefined): TemplateResult | typeof nothing {
    return hint ? html`<p part="hint" class="hint" id=${`${fieldId(name)}-hint`}>${hint}</p>` : nothing;
  }

  private renderTextField(
    name: 'title' | 'url' | 'name' | 'email' | 'cvss',
    label: string,
    options: { hint?: string; required?: boolean; type?: string; autocomplete?: string; spellcheck?: boolean; extra?: TemplateResult; describedBy?: string[] },
  ): TemplateResult {
    const invalid = Boolean(this.errors[name]);
    return html`<div part="field" class="field ${invalid ? 'invalid' : ''}">
      ${this.renderLabel(name, label, options.required ?? false)} ${this.renderHint(name, options.hint)}
      ${this.renderError(name, label)}
      <input
        part="input"
        id=${fieldId(name)}
        name=${name}
        type=${options.type ?? 'text'}
        autocomplete=${options.autocomplete ?? 'off'}
        spellcheck=${options.spellcheck === false ? 'false' : 'true'}
        ?required=${options.required ?? false}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${this.describedBy(name, Boolean(options.hint), invalid, options.describedBy)}
        .value=${live(this.fields[name])}
      />
      ${options.extra ?? nothing}
    </div>`;
  }

  private renderTextArea(name: 'description' | 'steps' | 'impact', label: string, hint: string): TemplateResult {
    const invalid = Boolean(this.errors[name]);
    return html`<div part="field" class="field ${invalid ? 'invalid' : ''}">
      ${this.renderLabel(name, label, true)} ${this.renderHint(name, hint)} ${this.renderError(name, label)}
      <textarea
        part="input"
        id=${fieldId(name)}
        name=${name}
        rows="6"
        required
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${this.describedBy(name, true, invalid)}
        .value=${live(this.fields[name])}
      ></textarea>
    </div>`;
  }

  private renderErrorSummary(): TemplateResult | typeof nothing {
    const m = this.messages;
    const names = FIELD_ORDER.filter((name) => this.errors[name]);
    if (!names.length) return nothing;
    return html`<div
      part="error-summary"
      class="error-summary"
      id=${`${ID}error-summary`}
      tabindex="-1"
      role="group"
      aria-labelledby=${`${ID}error-summary-title`}
    >
      ${headingTemplate(this.level + 1, m.errors.summaryTitle(names.length), { id: `${ID}error-summary-title`, className: 'subtitle' })}
      <ul>
        ${names.map(
          (name) => html`<li>
            <a href=${`#${fieldId(name)}`} data-field=${name} @click=${this.handleSummaryLink}
              >${errorMessage(name, this.errors[name]!, m, this.fieldLabel(name))}</a
            >
          </li>`,
        )}
      </ul>
    </div>`;
  }

  private fieldLabel(name: FieldName): string {
    const f = this.messages.fields;
    const labels: Record<FieldName, string> = {
      title: f.title,
      asset: f.asset,
      url: f.url,
      description: f.description,
      steps: f.steps,
      impact: f.impact,
      severity: f.severity,
      cvss: f.cvss,
      name: f.name,
      email: f.email,
      policyRead: `${f.policyRead} ${f.policyLink}`,
    };
    return labels[name];
  }

  /**
   * Where the disclosure policy is: its view inside <trust-center>; standalone, on the trust center's page when
   * one is known, else nowhere (a link into this page would lead nowhere).
   */
  private policyHref(loaded: LoadedManifest, disclosure: Disclosure): string | undefined {
    if (this.contextLoaded !== undefined) return `#${disclosure.policy}`;
    const page = trustCenterPage(this.trustCenterUrl, loaded);
    return page ? `${page}#${disclosure.policy}` : undefined;
  }

  private renderForm(loaded: LoadedManifest, disclosure: Disclosure): TemplateResult {
    const m = this.messages;
    const f = m.fields;
    const assets = disclosure.assets ?? [];
    const cvss = this.fields.severity === 'cvss' ? parseCvss31(this.fields.cvss) : undefined;
    const policyTitle = loaded.manifest.policies.find((p) => p.id === disclosure.policy)?.title;
    const policyHref = this.policyHref(loaded, disclosure);
    const policyInvalid = Boolean(this.errors.policyRead);
    return html`
      <form part="form" novalidate @submit=${this.handleReview} @input=${this.handleInput} @change=${this.handleInput}>
        ${this.renderErrorSummary()}
        <fieldset part="fieldset">
          <legend>${f.aboutVulnerability}</legend>
          ${this.renderTextField('title', f.title, { hint: f.titleHint(TITLE_MAX), required: true })}
          ${assets.length
            ? html`<div part="field" class="field">
                ${this.renderLabel('asset', f.asset, false)}
                <select part="input" id=${fieldId('asset')} name="asset">
                  <option value="" ?selected=${this.fields.asset === ''}>${f.assetNone}</option>
                  ${assets.map((a) => html`<option value=${a.id} ?selected=${this.fields.asset === a.id}>${a.label}</option>`)}
                  <option value="other" ?selected=${this.fields.asset === 'other'}>${f.assetOther}</option>
                </select>
              </div>`
            : nothing}
          ${this.renderTextField('url', f.url, { hint: f.urlHint, type: 'url', spellcheck: false })}
          ${this.renderTextArea('description', f.description, f.descriptionHint)}
          ${this.renderTextArea('steps', f.steps, f.stepsHint)} ${this.renderTextArea('impact', f.impact, f.impactHint)}
          <div part="field" class="field">
            ${this.renderLabel('severity', f.severity, false)}
            <select part="input" id=${fieldId('severity')} name="severity">
              <option value="" ?selected=${this.fields.severity === ''}>${f.severityNone}</option>
              ${SEVERITY_LEVELS.map(
                (level) => html`<option value=${level} ?selected=${this.fields.severity === level}>${f.severityLevels[level]}</option>`,
              )}
              <option value="cvss" ?selected=${this.fields.severity === 'cvss'}>${f.severityCvss}</option>
            </select>
          </div>
          ${this.fields.severity === 'cvss'
            ? this.renderTextField('cvss', f.cvss, {
                hint: f.cvssHint,
                required: true,
                spellcheck: false,
                describedBy: cvss?.ok ? [`${fieldId('cvss')}-score`] : [],
                extra: cvss?.ok
                  ? html`<p part="cvss-score" class="cvss-score" id=${`${fieldId('cvss')}-score`}>
                      ${f.cvssScore(cvss.baseScore.toFixed(1), m.cvssRatings[cvss.rating])}
                    </p>`
                  : undefined,
              })
            : nothing}
        </fieldset>
        <fieldset part="fieldset">
          <legend>${f.aboutYou}</legend>
          <p part="hint" class="hint">${m.noPersonalData}</p>
          ${this.renderTextField('name', f.name, { autocomplete: 'name' })}
          ${this.renderTextField('email', f.email, {
            type: 'email',
            autocomplete: 'email',
            spellcheck: false,
            required: disclosure.requireEmail,
            hint: disclosure.requireEmail ? f.emailHintRequired : f.emailHintOptional,
          })}
        </fieldset>
        <div part="field" class="field checkbox ${policyInvalid ? 'invalid' : ''}">
          ${this.renderError('policyRead', this.fieldLabel('policyRead'))}
          <input
            part="input"
            type="checkbox"
            id=${fieldId('policyRead')}
            name="policyRead"
            required
            aria-invalid=${policyInvalid ? 'true' : 'false'}
            aria-describedby=${this.describedBy('policyRead', false, policyInvalid)}
            .checked=${live(this.fields.policyRead)}
          />
          <label part="label" for=${fieldId('policyRead')}
            >${f.policyRead}
            ${policyHref ? html`<a href=${policyHref} title=${policyTitle ?? nothing}>${f.policyLink}</a>` : f.policyLink}
            <span class="mark">${m.requiredMark}</span></label
          >
        </div>
        <div class="hp" aria-hidden="true">
          <label for=${fieldId(HONEYPOT)}>${f.honeypot}</label>
          <input id=${fieldId(HONEYPOT)} name=${HONEYPOT} type="text" tabindex="-1" autocomplete="off" />
        </div>
        <div part="actions" class="actions">
          <button part="submit" type="submit">${m.review.reviewReport}</button>
        </div>
      </form>
    `;
  }

  private renderSummary(disclosure: Disclosure): TemplateResult {
    const m = this.messages;
    const f = m.fields;
    const fields = this.fields;
    const value = (text: string) => (text.trim() ? text.trim() : html`<span class="not-given">${m.review.notGiven}</span>`);
    const reporter = [fields.name.trim(), fields.email.trim()].filter(Boolean).join(' · ');
    return html`<dl part="summary" class="summary">
      <dt>${m.receipt.reference}</dt>
      <dd class="reference">${this.submission?.reference ?? ''}</dd>
      <dt>${f.title}</dt>
      <dd>${value(fields.title)}</dd>
      ${disclosure.assets?.length
        ? html`<dt>${f.asset}</dt>
            <dd>${fields.asset ? this.assetLabel(fields.asset) : value('')}</dd>`
        : nothing}
      <dt>${f.url}</dt>
      <dd>${value(fields.url)}</dd>
      <dt>${f.severity}</dt>
      <dd>${value(this.severityLabel(fields) ?? '')}</dd>
      <dt>${f.description}</dt>
      <dd>${value(fields.description)}</dd>
      <dt>${f.steps}</dt>
      <dd>${value(fields.steps)}</dd>
      <dt>${f.impact}</dt>
      <dd>${value(fields.impact)}</dd>
      <dt>${m.copy.reporter}</dt>
      <dd>${reporter || html`<span class="not-given">${m.review.anonymous}</span>`}</dd>
    </dl>`;
  }

  private renderReview(loaded: LoadedManifest, disclosure: Disclosure): TemplateResult {
    const m = this.messages;
    const sending = this.step === 'sending';
    const failed = this.step === 'failed';
    const endpoint = disclosure.endpoint ? resolveUrl(disclosure.endpoint, loaded.url) : undefined;
    return html`<section part="review" class="review" aria-labelledby=${`${ID}review-title`}>
      ${headingTemplate(this.level + 1, m.review.heading, { id: `${ID}review-title`, className: 'subtitle', target: true })}
      <p>
        ${m.review.intro}
        ${failed ? nothing : endpoint ? m.review.toEndpoint(new URL(endpoint).host) : m.review.toEmail(disclosure.email)}
        ${disclosure.encryption
          ? html`${m.review.encrypted} <span class="fingerprint">${formatFingerprint(disclosure.encryption.fingerprint)}</span>.`
          : nothing}
      </p>
      ${this.renderSummary(disclosure)}
      <div part="actions" class="actions">
        <button part="edit" class="secondary" type="button" aria-disabled=${sending ? 'true' : 'false'} @click=${this.handleEdit}>
          ${m.review.edit}
        </button>
        ${failed
          ? nothing
          : html`<button part="submit" type="button" aria-disabled=${sending ? 'true' : 'false'} @click=${this.handleSend}>
              ${endpoint ? m.review.send : m.review.sendByEmail}
            </button>`}
      </div>
    </section>`;
  }

  private failureReason(failure: Failure): string[] {
    const m = this.messages.failure;
    if (failure.kind === 'encryption') {
      const e = failure.error;
      switch (e.kind) {
        case 'key-fetch':
          return [m.keyFetch(e.detail)];
        case 'key-invalid':
          return [m.keyInvalid];
        case 'fingerprint':
          return [m.fingerprint(formatFingerprint(e.expected ?? ''), formatFingerprint(e.actual ?? ''))];
        case 'load':
          return [m.loadCrypto];
        case 'encrypt':
          return [m.encrypt(e.detail)];
      }
    }
    return describeSendError(failure.error, { ...m, detail: m.httpDetail });
  }

  private renderFailure(disclosure: Disclosure, failure: Failure): TemplateResult {
    const m = this.messages;
    const submission = this.submission;
    const encryptionProblem = failure.kind === 'encryption';
    // An encryption failure must not fall back to a plaintext e-mail: offer only the address.
    const mail = submission && !encryptionProblem ? this.mailto(disclosure, submission) : undefined;
    return html`<div part="failure" class="failure" aria-labelledby=${`${ID}failure-title`} role="group">
      ${headingTemplate(this.level + 1, m.failure.heading, { id: `${ID}failure-title`, className: 'subtitle', target: true })}
      ${this.failureReason(failure).map((line) => html`<p>${line}</p>`)}
      <p>${encryptionProblem ? m.failure.keptEncryption(disclosure.email) : m.failure.kept}</p>
      ${mail?.truncated ? html`<p>${disclosure.encryption ? m.email.tooLongEncrypted : m.email.tooLong}</p>` : nothing}
      <div part="actions" class="actions">
        <button part="retry" type="button" @click=${this.handleSend}>${m.failure.retry}</button>
        ${mail
          ? html`<a part="email-link" href=${mail.href}>${m.failure.emailInstead(disclosure.email)}</a>`
          : html`<a part="email-link" href=${plainMailto(disclosure.email)}>${m.failure.contact(disclosure.email)}</a>`}
        ${this.renderDownload(submission?.reference ?? 'report')}
      </div>
    </div>`;
  }

  private renderDownload(reference: string): TemplateResult | typeof nothing {
    const download = this.download;
    if (!download) return nothing;
    return html`<a part="download" href=${download.url} download=${`${reference}.txt`}>${this.messages.receipt.download}</a>`;
  }

  private renderEmailRoute(disclosure: Disclosure): TemplateResult {
    const m = this.messages;
    const submission = this.submission!;
    const mail = this.mailto(disclosure, submission);
    return html`<section part="email-route" class="email-route" aria-labelledby=${`${ID}email-title`}>
      ${headingTemplate(this.level + 1, m.email.heading, { id: `${ID}email-title`, className: 'subtitle', target: true })}
      <p>${m.email.intro(disclosure.email)}</p>
      ${mail.truncated ? html`<p>${disclosure.encryption ? m.email.tooLongEncrypted : m.email.tooLong}</p>` : nothing}
      <div part="actions" class="actions">
        <a part="email-link" class="button" href=${mail.href}>${m.email.open}</a>
        ${this.encryptedDownload
          ? html`<a part="download" href=${this.encryptedDownload.url} download=${`${submission.reference}.asc`}
              >${m.email.downloadEncrypted}</a
            >`
          : this.renderDownload(submission.reference)}
      </div>
      <div part="actions" class="actions">
        <button part="confirm" type="button" @click=${this.handleEmailSent}>${m.email.confirm}</button>
        <button part="edit" class="secondary" type="button" @click=${this.handleEdit}>${m.review.edit}</button>
      </div>
    </section>`;
  }

  private renderReceipt(disclosure: Disclosure, receipt: Receipt): TemplateResult {
    const m = this.messages;
    const lang = this.language;
    const ackDay = formatDay(receipt.acknowledgeBy, lang);
    return html`<section part="receipt" class="receipt" aria-labelledby=${`${ID}receipt-title`}>
      ${headingTemplate(this.level + 1, m.receipt.heading, { id: `${ID}receipt-title`, className: 'subtitle', target: true })}
      <dl part="summary" class="summary receipt-facts">
        <dt>${m.receipt.reference}</dt>
        <dd part="reference" class="reference">${receipt.reference}</dd>
        <dt>${m.receipt.received}</dt>
        <dd><time datetime=${receipt.receivedAt.toISOString()}>${formatDateTime(receipt.receivedAt, lang)}</time></dd>
        <dt>${m.receipt.acknowledgeBy}</dt>
        <dd><time datetime=${localIsoDate(receipt.acknowledgeBy)}>${ackDay}</time></dd>
      </dl>
      ${receipt.via === 'email' ? html`<p>${m.receipt.viaEmail}</p>` : nothing}
      <p>${m.receipt.next(disclosure.acknowledgeBusinessDays, ackDay)}</p>
      <p>${receipt.hasEmail ? m.receipt.keepReference : m.receipt.nextNoReply}</p>
      ${receipt.statusUrl
        ? html`<p><a part="status-link" href=${receipt.statusUrl} target="_blank" rel="noopener noreferrer">${m.receipt.statusLink}</a></p>`
        : nothing}
      <div part="actions" class="actions">
        ${this.renderDownload(receipt.reference)}
        <button part="new-report" class="secondary" type="button" @click=${this.handleNewReport}>${m.receipt.another}</button>
      </div>
    </section>`;
  }

  private renderStep(loaded: LoadedManifest, disclosure: Disclosure): TemplateResult {
    switch (this.step) {
      case 'edit':
        return this.renderForm(loaded, disclosure);
      case 'review':
      case 'sending':
        return this.renderReview(loaded, disclosure);
      case 'failed':
        return html`${this.failure ? this.renderFailure(disclosure, this.failure) : nothing}${this.renderReview(loaded, disclosure)}`;
      case 'email':
        return this.renderEmailRoute(disclosure);
      case 'receipt':
        return this.receipt ? this.renderReceipt(disclosure, this.receipt) : this.renderForm(loaded, disclosure);
    }
  }

  private renderLoaded(loaded: LoadedManifest): TemplateResult {
    const m = this.messages;
    const disclosure = loaded.manifest.disclosure;
    return html`<section part="disclosure" class="disclosure" aria-labelledby=${`${ID}heading`}>
      ${headingTemplate(this.level, m.heading, { id: `${ID}heading`, part: 'heading', className: 'view-title', target: true })}
      ${disclosure
        ? html`<div part="intro" class="intro">
              <p>${m.intro(loaded.manifest.organization.name)} ${m.acknowledgeCommitment(disclosure.acknowledgeBusinessDays)}</p>
            </div>
            ${this.restored && this.step === 'edit' ? html`<p part="notice" class="restored">${m.restored}</p>` : nothing}
            ${!this.drafts.available && this.step !== 'receipt'
              ? html`<p part="notice" class="notice">${m.storageUnavailable}</p>`
              : nothing}
            <p
              part="status"
              class="status ${this.step === 'sending' ? '' : 'visually-hidden'}"
              role="status"
              aria-live="polite"
            >
              ${this.step === 'sending' ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${this.status}
            </p>
            ${this.renderStep(loaded, disclosure)}`
        : html`<p part="notice" class="notice">${m.noDisclosure}</p>`}
    </section>`;
  }

  override render() {
    const common = messagesFor(this.language);
    this.level = headingLevelOf(this, this.headingLevel);
    let body: unknown;
    if (this.loaded || !this.src) {
      const loaded = this.current;
      body = loaded
        ? this.renderLoaded(loaded)
        : html`<div part="error" class="error" role="alert"><p>${common.noSrc}</p></div>`;
    } else if (!this.catalogue.ready) {
      body = loadingTemplate(common.loading);
    } else {
      body = this.manifest.task.render({
        initial: () => loadingTemplate(common.loading),
        pending: () => loadingTemplate(common.loading),
        complete: (loaded) => this.renderLoaded(loaded),
        error: (error) =>
          isAbortError(error) ? loadingTemplate(common.loading) : errorTemplate(common.loadFailed, error, common, () => this.manifest.retry()),
      });
    }
    // Inside <trust-center> (a provider above), its frame already sets the width and padding.
    const embedded = this.contextLoaded !== undefined && !this.src;
    return embedded ? body : html`<div class="frame">${body}</div>`;
  }
}
