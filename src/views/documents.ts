import { html, css, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { DraftController, type Submission } from '../disclosure/draft-store.js';
import { createReference, createUuid, digestOf } from '../disclosure/ids.js';
import { disclosureStyles } from '../disclosure/styles.js';
import { DEFAULT_SEND_TIMEOUT_MS, SendError, describeSendError, mailtoLink, postReport } from '../disclosure/transport.js';
import { stateStyles } from '../elements/policy-page.js';
import { httpUrl } from './urls.js';
import { formatDate } from '../i18n/locale.js';
import { isAbortError } from '../loading/errors.js';
import { resolveUrl, type LoadedManifest } from '../loading/manifest-loader.js';
import type { DocumentAccess, TrustDocument } from '../manifest/schema.js';
import { badgeStyles } from '../styles/badge.js';
import { themeStyles } from '../styles/theme.js';
import { headingTemplate } from '../elements/templates.js';
import {
  REQUEST_DRAFT_PREFIX,
  REQUEST_FIELDS,
  emptyRequest,
  isBlankRequest,
  readRequestDraft,
  requestBody,
  requestErrorMessage,
  requestText,
  validateRequest,
  type RequestDraft,
  type RequestErrors,
  type RequestFieldName,
  type RequestFields,
} from './document-request.js';
import { viewStyles } from './styles.js';
import { ViewElement, defineView } from './view-element.js';

/** edit → sending → receipt, or → failed (Retry, e-mail) / → email (no endpoint) → receipt. */
export type RequestStep = 'edit' | 'sending' | 'failed' | 'email' | 'receipt';

export interface DocumentRequestDetail {
  reference: string;
  document: string;
}

interface Receipt {
  reference: string;
  receivedAt: Date;
  document: TrustDocument;
  email: string;
  via: 'endpoint' | 'email';
}

const ID = 'tc-dr-';
const HONEYPOT = 'website';

/** "1.2 MB": a file's size in the reader's language (SI units, as Intl names them). */
function formatSize(bytes: number, lang: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'];
  let unit = 0;
  let value = bytes;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const options: Intl.NumberFormatOptions = { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: value < 10 && unit ? 1 : 0 };
  try {
    return new Intl.NumberFormat(lang, options).format(value);
  } catch {
    return new Intl.NumberFormat('en', options).format(value);
  }
}

/** "PDF": the file type a download link leads to, from its name. */
function fileType(url: string): string | undefined {
  return /\.([a-z0-9]{1,8})$/i.exec(new URL(url).pathname)?.[1]?.toUpperCase();
}

function formatDateTime(date: Date, lang: string): string {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeStyle: 'short' };
  try {
    return new Intl.DateTimeFormat(lang, options).format(date);
  } catch {
    return new Intl.DateTimeFormat('en', options).format(date);
  }
}

/**
 * The `#documents` view: public documents download at once; the others open a short request form that
 * posts to `documentAccess.endpoint` with the disclosure form's reliability rules — the draft kept in
 * sessionStorage until the endpoint confirms, one Idempotency-Key per request reused on every retry, an
 * e-mail route when sending fails (or there is no endpoint), and a receipt with the reference.
 * `#documents/<id>` scrolls to that document (and opens its form when it is on request).
 *
 * @event trust-center-request - A request arrived (the endpoint confirmed it, or the reader sent the e-mail). `detail: { reference, document }`.
 *
 * @csspart documents - The whole view.
 * @csspart document - One document.
 * @csspart access - Its access ("Public", "On request"), a badge like the compliance statuses.
 * @csspart download - The download button of a public document, with the file's type and size when known.
 * @csspart request - The "Request access" button.
 * @csspart form - The request form.
 * @csspart notice - A notice: the draft was restored, or cannot be kept.
 * @csspart field - One field with its label, hint and error.
 * @csspart label - A field's label.
 * @csspart hint - A field's help text.
 * @csspart input - A text field, text area or checkbox.
 * @csspart field-error - A field's error.
 * @csspart error-summary - The list of problems.
 * @csspart actions - A row of buttons.
 * @csspart submit - The send button.
 * @csspart cancel - The cancel button.
 * @csspart status - The live status line.
 * @csspart failure - Why the request was not sent.
 * @csspart retry - The Retry button.
 * @csspart email-link - The mailto: link with the request.
 * @csspart email-route - The e-mail step, when there is no endpoint.
 * @csspart confirm - The "I have sent it" button.
 * @csspart receipt - The receipt.
 * @csspart summary - The facts on the receipt.
 * @csspart reference - The request's reference.
 * @csspart new-request - The "Request another document" button.
 */
export class TrustCenterDocumentsElement extends ViewElement {
  static override exportedParts = [
    'documents',
    'document',
    'access',
    'download',
    'request',
    'form',
    'notice',
    'field',
    'label',
    'hint',
    'input',
    'field-error',
    'error-summary',
    'actions',
    'submit',
    'cancel',
    'status',
    'failure',
    'retry',
    'email-link',
    'email-route',
    'confirm',
    'receipt',
    'summary',
    'reference',
    'new-request',
  ];

  static override styles = [
    themeStyles,
    stateStyles,
    disclosureStyles,
    badgeStyles,
    viewStyles,
    css`
      .documents > li {
        scroll-margin-top: var(--_scroll-top);
      }
      .documents .item-title {
        margin-bottom: 0.5em;
      }
      /* On a narrow card the file's type and size move below "Download" as one piece, never split. */
      .file {
        font-size: 0.875em;
        font-weight: 400;
        opacity: 0.9;
        white-space: nowrap;
      }
      .request-area {
        margin-top: var(--_space);
        border-top: 1px solid var(--_border);
        padding-top: var(--_space);
      }
      .request-area .subtitle {
        font-size: 1.1em;
        margin: 0 0 0.5em;
      }
      .receipt .subtitle {
        margin: 0;
      }
      .receipt,
      .failure,
      .email-route {
        max-width: 48rem;
      }
    `,
  ];

  private readonly drafts = new DraftController<RequestDraft>(this, {
    key: () => this.loaded?.url,
    snapshot: () => this.snapshot(),
    storage: () => this.storage,
    read: readRequestDraft,
    prefix: REQUEST_DRAFT_PREFIX,
  });

  @state() private requesting: string | undefined;
  @state() private fields: RequestFields = emptyRequest();
  @state() private step: RequestStep = 'edit';
  @state() private errors: RequestErrors = {};
  @state() private submission: Submission | undefined;
  @state() private failure: SendError | undefined;
  @state() private receipt: Receipt | undefined;
  @state() private status = '';
  @state() private restored = false;
  private draftFor: LoadedManifest | undefined;
  private honeypot = '';
  private shownAt: number | undefined;
  private focusTarget: string | undefined;

  /** The document the route names (`#documents/<id>`). */
  @property({ attribute: false }) documentId: string | undefined;
  /** Milliseconds to wait for the endpoint's answer. */
  @property({ type: Number, attribute: 'send-timeout' }) sendTimeout = DEFAULT_SEND_TIMEOUT_MS;
  /** Where drafts are kept: `undefined` for sessionStorage, `null` for nowhere, or any Storage. */
  @property({ attribute: false }) storage: Storage | null | undefined = undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.loaded !== this.draftFor) {
      this.draftFor = this.loaded;
      this.restoreDraft();
    }
    if ((changed.has('documentId') || changed.has('loaded')) && this.documentId) {
      const document = this.findDocument(this.documentId);
      // A link to a document on request ("Request the report") opens its form, unless another request is under way.
      if (document?.access === 'request' && (this.requesting === undefined || this.step === 'receipt')) this.open(document.id);
    }
  }

  protected override updated(): void {
    if (this.requesting && this.shownAt === undefined && this.step === 'edit') this.shownAt = performance.now();
    if (!this.focusTarget) return;
    const target = this.renderRoot.querySelector<HTMLElement>(this.focusTarget);
    this.focusTarget = undefined;
    if (target) {
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: 'nearest' });
    }
  }

  protected override revealTarget(): HTMLElement | null {
    if (!this.documentId) return super.revealTarget();
    const item = this.renderRoot.querySelector<HTMLElement>(`#doc-${CSS.escape(this.documentId)}`);
    if (!item) return super.revealTarget();
    return item.querySelector<HTMLElement>(this.requesting === this.documentId ? `#${ID}title` : '.item-title') ?? item;
  }

  /** Where the request is in its journey. */
  get currentStep(): RequestStep {
    return this.step;
  }

  private findDocument(id: string | undefined): TrustDocument | undefined {
    return id === undefined ? undefined : this.loaded?.manifest.documents?.find((d) => d.id === id);
  }

  private snapshot(): RequestDraft | undefined {
    if (!this.requesting || this.step === 'receipt' || isBlankRequest(this.fields)) return undefined;
    return { documentId: this.requesting, fields: this.fields, submission: this.submission };
  }

  private restoreDraft(): void {
    const draft = this.drafts.load();
    const document = this.findDocument(draft?.documentId);
    this.step = 'edit';
    this.errors = {};
    this.failure = undefined;
    this.receipt = undefined;
    this.status = '';
    if (draft && document?.access === 'request' && !isBlankRequest(draft.fields)) {
      this.requesting = document.id;
      this.fields = draft.fields;
      this.submission = draft.submission;
      this.restored = true;
    } else {
      this.requesting = undefined;
      this.fields = emptyRequest();
      this.submission = undefined;
      this.restored = false;
    }
  }

  private open(id: string): void {
    if (this.requesting !== id) {
      this.submission = undefined;
      // Who is asking carries over; the confidentiality promise is made for each document anew.
      if (this.fields.nda) this.fields = { ...this.fields, nda: false };
    }
    this.requesting = id;
    this.step = 'edit';
    this.errors = {};
    this.failure = undefined;
    this.receipt = undefined;
    this.status = '';
    this.shownAt = undefined;
  }

  private readonly handleOpen = (event: Event) => {
    const id = (event.currentTarget as HTMLElement).dataset.document ?? '';
    if (this.requesting === id && this.step !== 'receipt') {
      this.focusTarget = `#${ID}title`;
      return;
    }
    this.open(id);
    this.restored = false;
    this.focusTarget = `#${ID}title`;
  };

  private readonly handleCancel = () => {
    const id = this.requesting;
    this.requesting = undefined;
    this.submission = undefined;
    this.errors = {};
    this.failure = undefined;
    this.restored = false;
    this.drafts.clear();
    if (id) this.focusTarget = `#doc-${CSS.escape(id)} [part~="request"]`;
  };

  private readonly handleInput = (event: Event) => {
    const target = event.target as HTMLInputElement | HTMLTextAreaElement;
    if (target.name === HONEYPOT) {
      this.honeypot = target.value;
      return;
    }
    const name = target.name as RequestFieldName;
    if (!REQUEST_FIELDS.includes(name)) return;
    const value = target instanceof HTMLInputElement && target.type === 'checkbox' ? target.checked : target.value;
    if (this.fields[name] === value) return;
    this.fields = { ...this.fields, [name]: value };
    if (Object.keys(this.errors).length) {
      // Errors the reader fixed go at once; new ones wait for the next attempt.
      const now = validateRequest(this.fields);
      const errors: RequestErrors = {};
      for (const key of Object.keys(this.errors) as RequestFieldName[]) if (now[key]) errors[key] = now[key];
      this.errors = errors;
    }
    if (isBlankRequest(this.fields) && !this.submission) this.drafts.clear();
    else this.drafts.schedule();
  };

  private readonly handleSubmit = (event: Event) => {
    event.preventDefault();
    void this.submit();
  };

  private readonly handleRetry = () => void this.submit();

  private readonly handleEmailSent = () => {
    const document = this.findDocument(this.requesting);
    if (this.submission && document) this.succeed(this.submission.reference, document, 'email');
  };

  private readonly handleAnother = () => {
    const id = this.requesting;
    this.requesting = undefined;
    this.receipt = undefined;
    this.submission = undefined;
    // Who is asking stays; what they asked for goes.
    this.fields = { ...this.fields, reason: '', nda: false };
    this.step = 'edit';
    this.status = '';
    if (id) this.focusTarget = `#doc-${CSS.escape(id)} .item-title`;
  };

  /** Validate, fix the request's identity, then POST it (or hand over to e-mail); never throws. */
  private async submit(): Promise<void> {
    const loaded = this.loaded;
    const access = loaded?.manifest.documentAccess;
    const document = this.findDocument(this.requesting);
    if (!loaded || !access || !document || this.step === 'sending') return;
    const errors = validateRequest(this.fields);
    this.errors = errors;
    if (Object.keys(errors).length) {
      this.status = '';
      this.focusTarget = `#${ID}error-summary`;
      return;
    }
    const digest = digestOf([document.id, ...REQUEST_FIELDS.map((name) => this.fields[name])]);
    if (!this.submission || this.submission.digest !== digest) {
      // One key per request: made now, kept with the draft, reused by every retry of the same request.
      this.submission = { idempotencyKey: createUuid(), reference: createReference(new Date(), 'DR'), digest };
    }
    const submission = this.submission;
    this.drafts.save();
    if (!access.endpoint) {
      this.step = 'email';
      this.status = '';
      this.focusTarget = `#${ID}email-title`;
      return;
    }
    const m = this.messages.documents;
    this.step = 'sending';
    this.failure = undefined;
    this.status = m.sending;
    const body = requestBody(this.fields, document, {
      reference: submission.reference,
      submittedAt: new Date(),
      locale: this.language,
      antiAbuse: { honeypot: this.honeypot !== '', elapsedMs: Math.round(performance.now() - (this.shownAt ?? performance.now())) },
    });
    try {
      const result = await postReport({
        endpoint: resolveUrl(access.endpoint, loaded.url),
        body,
        idempotencyKey: submission.idempotencyKey,
        timeoutMs: this.sendTimeout,
      });
      this.succeed(result.reference ?? submission.reference, document, 'endpoint');
    } catch (error) {
      this.failure =
        error instanceof SendError
          ? error
          : new SendError(isAbortError(error) ? 'network' : 'response', String(error), { cause: error, timeoutMs: this.sendTimeout });
      this.step = 'failed';
      this.status = m.failure.heading;
      this.focusTarget = `#${ID}failure-title`;
      this.drafts.save();
    }
  }

  private succeed(reference: string, document: TrustDocument, via: Receipt['via']): void {
    this.receipt = { reference, receivedAt: new Date(), document, email: this.fields.email.trim(), via };
    this.step = 'receipt';
    this.status = this.messages.documents.receipt.sent;
    this.focusTarget = `#${ID}receipt-title`;
    // Only now, with receipt confirmed, is the draft let go.
    this.drafts.clear();
    this.dispatchEvent(
      new CustomEvent<DocumentRequestDetail>('trust-center-request', {
        detail: { reference, document: document.id },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private failureReason(error: SendError): string[] {
    return describeSendError(error, this.messages.documents.failure);
  }

  private mailto(access: DocumentAccess, document: TrustDocument, submission: Submission): string {
    const m = this.messages.documents;
    return mailtoLink(
      access.email,
      m.email.subject(document.title, submission.reference),
      requestText(this.fields, document, submission.reference, m),
      m.email.truncated,
    ).href;
  }

  private label(name: RequestFieldName): string {
    const f = this.messages.documents.form;
    return { name: f.name, email: f.email, company: f.company, reason: f.reason, nda: f.nda }[name];
  }

  private describedBy(name: RequestFieldName, hint: boolean): string | typeof nothing {
    const ids = [hint ? `${ID}${name}-hint` : '', this.errors[name] ? `${ID}${name}-error` : ''].filter(Boolean);
    return ids.length ? ids.join(' ') : nothing;
  }

  private renderError(name: RequestFieldName): TemplateResult | typeof nothing {
    const error = this.errors[name];
    if (!error) return nothing;
    const m = this.messages.documents;
    return html`<p part="field-error" class="field-error" id=${`${ID}${name}-error`}>
      <span class="visually-hidden">${m.errors.prefix}</span> ${requestErrorMessage(name, error, m, this.label(name))}
    </p>`;
  }

  private renderField(name: 'name' | 'email' | 'company' | 'reason', options: { hint?: string; type?: string; autocomplete: string }) {
    const m = this.messages.documents;
    const invalid = Boolean(this.errors[name]);
    const common = {
      describedBy: this.describedBy(name, Boolean(options.hint)),
      invalid: invalid ? 'true' : 'false',
    };
    return html`<div part="field" class="field ${invalid ? 'invalid' : ''}">
      <label part="label" for=${`${ID}${name}`}>${this.label(name)} <span class="mark">${m.form.required}</span></label>
      ${options.hint ? html`<p part="hint" class="hint" id=${`${ID}${name}-hint`}>${options.hint}</p>` : nothing}
      ${this.renderError(name)}
      ${name === 'reason'
        ? html`<textarea
            part="input"
            id=${`${ID}${name}`}
            name=${name}
            rows="4"
            required
            aria-invalid=${common.invalid}
            aria-describedby=${common.describedBy}
            .value=${live(this.fields.reason)}
          ></textarea>`
        : html`<input
            part="input"
            id=${`${ID}${name}`}
            name=${name}
            type=${options.type ?? 'text'}
            autocomplete=${options.autocomplete}
            required
            aria-invalid=${common.invalid}
            aria-describedby=${common.describedBy}
            .value=${live(this.fields[name])}
          />`}
    </div>`;
  }

  private renderErrorSummary(): TemplateResult | typeof nothing {
    const m = this.messages.documents;
    const names = REQUEST_FIELDS.filter((name) => this.errors[name]);
    if (!names.length) return nothing;
    return html`<div
      part="error-summary"
      class="error-summary"
      id=${`${ID}error-summary`}
      tabindex="-1"
      role="group"
      aria-labelledby=${`${ID}error-summary-title`}
    >
      ${headingTemplate(this.headingLevel + 2, m.errors.summary(names.length), { id: `${ID}error-summary-title`, className: 'subtitle' })}
      <ul>
        ${names.map(
          (name) => html`<li>
            <a href=${`#${ID}${name}`} data-field=${name} @click=${this.handleSummaryLink}
              >${requestErrorMessage(name, this.errors[name]!, m, this.label(name))}</a
            >
          </li>`,
        )}
      </ul>
    </div>`;
  }

  private readonly handleSummaryLink = (event: Event) => {
    event.preventDefault();
    const name = (event.currentTarget as HTMLElement).dataset.field ?? '';
    this.renderRoot.querySelector<HTMLElement>(`#${ID}${name}`)?.focus();
  };

  private renderForm(document: TrustDocument, access: DocumentAccess): TemplateResult {
    const m = this.messages.documents;
    const f = m.form;
    const sending = this.step === 'sending';
    const ndaInvalid = Boolean(this.errors.nda);
    return html`<form
      part="form"
      novalidate
      aria-labelledby=${`${ID}title`}
      @submit=${this.handleSubmit}
      @input=${this.handleInput}
      @change=${this.handleInput}
    >
      ${headingTemplate(this.headingLevel + 2, f.heading(document.title), { id: `${ID}title`, className: 'subtitle', target: true })}
      <p>${f.intro}</p>
      ${this.restored && this.step === 'edit' ? html`<p part="notice" class="restored">${f.restored}</p>` : nothing}
      ${!this.drafts.available ? html`<p part="notice" class="notice">${f.storageUnavailable}</p>` : nothing}
      ${this.renderErrorSummary()} ${this.renderField('name', { autocomplete: 'name' })}
      ${this.renderField('email', { type: 'email', autocomplete: 'email', hint: f.emailHint })}
      ${this.renderField('company', { autocomplete: 'organization' })}
      ${this.renderField('reason', { autocomplete: 'off', hint: f.reasonHint })}
      <div part="field" class="field checkbox ${ndaInvalid ? 'invalid' : ''}">
        ${this.renderError('nda')}
        <input
          part="input"
          type="checkbox"
          id=${`${ID}nda`}
          name="nda"
          required
          aria-invalid=${ndaInvalid ? 'true' : 'false'}
          aria-describedby=${this.describedBy('nda', false)}
          .checked=${live(this.fields.nda)}
        />
        <label part="label" for=${`${ID}nda`}>${f.nda} <span class="mark">${f.required}</span></label>
      </div>
      <div class="hp" aria-hidden="true">
        <label for=${`${ID}${HONEYPOT}`}>${f.honeypot}</label>
        <input id=${`${ID}${HONEYPOT}`} name=${HONEYPOT} type="text" tabindex="-1" autocomplete="off" />
      </div>
      <div part="actions" class="actions">
        <button part="submit" type="submit" aria-disabled=${sending ? 'true' : 'false'}>${access.endpoint ? f.send : f.sendByEmail}</button>
        <button part="cancel" class="secondary" type="button" ?disabled=${sending} @click=${this.handleCancel}>${f.cancel}</button>
      </div>
    </form>`;
  }

  private renderFailure(document: TrustDocument, access: DocumentAccess, failure: SendError): TemplateResult {
    const m = this.messages.documents;
    const submission = this.submission;
    return html`<div part="failure" class="failure" role="group" aria-labelledby=${`${ID}failure-title`}>
      ${headingTemplate(this.headingLevel + 2, m.failure.heading, { id: `${ID}failure-title`, className: 'subtitle', target: true })}
      ${this.failureReason(failure).map((line) => html`<p>${line}</p>`)}
      <p>${m.failure.kept}</p>
      <div part="actions" class="actions">
        <button part="retry" type="button" @click=${this.handleRetry}>${m.failure.retry}</button>
        ${submission
          ? html`<a part="email-link" href=${this.mailto(access, document, submission)}>${m.failure.emailInstead(access.email)}</a>`
          : nothing}
      </div>
    </div>`;
  }

  private renderEmailRoute(document: TrustDocument, access: DocumentAccess, submission: Submission): TemplateResult {
    const m = this.messages.documents.email;
    return html`<section part="email-route" class="email-route" aria-labelledby=${`${ID}email-title`}>
      ${headingTemplate(this.headingLevel + 2, m.heading, { id: `${ID}email-title`, className: 'subtitle', target: true })}
      <p>${m.intro(access.email)}</p>
      <div part="actions" class="actions">
        <a part="email-link" class="button" href=${this.mailto(access, document, submission)}>${m.open}</a>
        <button part="confirm" type="button" @click=${this.handleEmailSent}>${m.confirm}</button>
      </div>
    </section>`;
  }

  private renderReceipt(receipt: Receipt): TemplateResult {
    const m = this.messages.documents.receipt;
    const lang = this.language;
    return html`<section part="receipt" class="receipt" aria-labelledby=${`${ID}receipt-title`}>
      ${headingTemplate(this.headingLevel + 2, m.heading, { id: `${ID}receipt-title`, className: 'subtitle', target: true })}
      <dl part="summary" class="summary receipt-facts">
        <dt>${m.reference}</dt>
        <dd part="reference" class="reference">${receipt.reference}</dd>
        <dt>${m.document}</dt>
        <dd>${receipt.document.title}</dd>
        <dt>${m.received}</dt>
        <dd><time datetime=${receipt.receivedAt.toISOString()}>${formatDateTime(receipt.receivedAt, lang)}</time></dd>
      </dl>
      ${receipt.via === 'email' ? html`<p>${m.viaEmail}</p>` : nothing}
      <p>${m.next(receipt.email)}</p>
      <div part="actions" class="actions">
        <button part="new-request" class="secondary" type="button" @click=${this.handleAnother}>${m.another}</button>
      </div>
    </section>`;
  }

  private renderRequestArea(document: TrustDocument, access: DocumentAccess | undefined): TemplateResult | typeof nothing {
    if (!access) return nothing;
    let body: unknown;
    switch (this.step) {
      case 'receipt':
        body = this.receipt ? this.renderReceipt(this.receipt) : nothing;
        break;
      case 'email':
        body = this.submission ? this.renderEmailRoute(document, access, this.submission) : this.renderForm(document, access);
        break;
      case 'failed':
        body = html`${this.failure ? this.renderFailure(document, access, this.failure) : nothing}${this.renderForm(document, access)}`;
        break;
      default:
        body = this.renderForm(document, access);
    }
    return html`<div class="request-area" id=${`${ID}area`}>${body}</div>`;
  }

  private renderDocument(document: TrustDocument, loaded: LoadedManifest): TemplateResult {
    const m = this.messages.documents;
    const lang = this.language;
    const url = document.access === 'public' ? httpUrl(document.url, loaded.url) : undefined;
    const open = this.requesting === document.id;
    const access = loaded.manifest.documentAccess;
    const type = url ? fileType(url) : undefined;
    const file = [type, document.size === undefined ? undefined : formatSize(document.size, lang)].filter(Boolean).join(', ');
    // Once the request is received, its receipt takes the button's place.
    const received = open && this.step === 'receipt';
    return html`<li part="document" class="card" id=${`doc-${document.id}`}>
      ${headingTemplate(this.headingLevel + 1, document.title, { className: 'item-title', target: true })}
      <p class="meta">
        <span part="access" class="badge ${document.access}">${m.access[document.access]}</span>${document.updated
          ? html` · ${m.updated} <time datetime=${document.updated}>${formatDate(document.updated, lang)}</time>`
          : nothing}
      </p>
      ${document.description ? html`<p>${document.description}</p>` : nothing}
      ${url
        ? html`<a part="download" class="button" href=${url} download
            >${m.download}${file ? html` <span class="file">(${file})</span>` : nothing}<span class="visually-hidden">: ${document.title}</span></a
          >`
        : nothing}
      ${received ? this.renderRequestArea(document, access!) : nothing}
      ${document.access === 'request' && access && !received
        ? html`<button
              part="request"
              type="button"
              class=${open ? 'secondary' : ''}
              data-document=${document.id}
              aria-expanded=${open ? 'true' : 'false'}
              aria-controls=${open ? `${ID}area` : nothing}
              @click=${this.handleOpen}
            >
              ${m.request}<span class="visually-hidden">: ${document.title}</span>
            </button>
            ${open ? this.renderRequestArea(document, access) : nothing}`
        : nothing}
    </li>`;
  }

  override render() {
    const loaded = this.loaded;
    if (!loaded) return nothing;
    const m = this.messages.documents;
    return html`<section part="documents" class="view" aria-labelledby="tc-documents-title">
      ${this.titleTemplate('tc-documents-title', m.heading)}
      <p class="intro">${m.intro}</p>
      <p part="status" class="status ${this.step === 'sending' ? '' : 'visually-hidden'}" role="status" aria-live="polite">
        ${this.step === 'sending' ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${this.status}
      </p>
      <ul class="plain documents">
        ${(loaded.manifest.documents ?? []).map((document) => this.renderDocument(document, loaded))}
      </ul>
    </section>`;
  }
}

defineView('trust-center-documents', TrustCenterDocumentsElement);

declare global {
  interface HTMLElementTagNameMap {
    'trust-center-documents': TrustCenterDocumentsElement;
  }
  interface HTMLElementEventMap {
    'trust-center-request': CustomEvent<DocumentRequestDetail>;
  }
}
