// A request for a document shared on request: its fields, their rules, and the shapes it leaves the
// page in (JSON for the endpoint, text for e-mail). Pure, like src/disclosure/report.ts.
import { coerceSubmission, type Submission } from '../disclosure/draft-store.js';
import type { TrustDocument } from '../manifest/schema.js';
import type { SectionMessages } from './section-messages.js';

export const NAME_MAX = 200;
export const EMAIL_MAX = 254;
export const COMPANY_MAX = 200;
export const REASON_MAX = 2_000;

export const REQUEST_DRAFT_PREFIX = 'trust-center-document-request:';

/** What the reader typed, exactly (untrimmed). */
export interface RequestFields {
  name: string;
  email: string;
  company: string;
  reason: string;
  nda: boolean;
}

export type RequestFieldName = keyof RequestFields;

export const REQUEST_FIELDS: readonly RequestFieldName[] = ['name', 'email', 'company', 'reason', 'nda'];

export function emptyRequest(): RequestFields {
  return { name: '', email: '', company: '', reason: '', nda: false };
}

export type RequestFieldError = { code: 'required' } | { code: 'email' } | { code: 'too-long'; max: number; length: number };
export type RequestErrors = Partial<Record<RequestFieldName, RequestFieldError>>;

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const chars = (text: string) => [...text].length;

export function validateRequest(fields: RequestFields): RequestErrors {
  const errors: RequestErrors = {};
  const text = (name: 'name' | 'company' | 'reason', max: number) => {
    const value = fields[name].trim();
    if (value === '') errors[name] = { code: 'required' };
    else if (chars(value) > max) errors[name] = { code: 'too-long', max, length: chars(value) };
  };
  text('name', NAME_MAX);
  const email = fields.email.trim();
  if (email === '') errors.email = { code: 'required' };
  else if (chars(email) > EMAIL_MAX || !EMAIL_PATTERN.test(email)) errors.email = { code: 'email' };
  text('company', COMPANY_MAX);
  text('reason', REASON_MAX);
  if (!fields.nda) errors.nda = { code: 'required' };
  return errors;
}

export function requestErrorMessage(
  name: RequestFieldName,
  error: RequestFieldError,
  messages: SectionMessages['documents'],
  label: string,
): string {
  switch (error.code) {
    case 'required':
      return messages.errors.required[name];
    case 'email':
      return messages.errors.email;
    case 'too-long':
      return messages.errors.tooLong(label, error.max, error.length);
  }
}

/** What the endpoint receives (see README "Endpoint contract" for document requests). */
export interface DocumentRequestBody {
  reference: string;
  document: { id: string; title: string };
  name: string;
  email: string;
  company: string;
  reason: string;
  ndaAccepted: true;
  submittedAt: string;
  locale: string;
  antiAbuse: { honeypot: boolean; elapsedMs: number };
}

export function requestBody(
  fields: RequestFields,
  document: TrustDocument,
  context: { reference: string; submittedAt: Date; locale: string; antiAbuse: DocumentRequestBody['antiAbuse'] },
): DocumentRequestBody {
  return {
    reference: context.reference,
    document: { id: document.id, title: document.title },
    name: fields.name.trim(),
    email: fields.email.trim(),
    company: fields.company.trim(),
    reason: fields.reason.trim(),
    ndaAccepted: true,
    submittedAt: context.submittedAt.toISOString(),
    locale: context.locale,
    antiAbuse: context.antiAbuse,
  };
}

/** The request as plain text, for the e-mail route. */
export function requestText(fields: RequestFields, document: TrustDocument, reference: string, messages: SectionMessages['documents']): string {
  const c = messages.copy;
  return [
    c.title(reference),
    '',
    `${c.document}: ${document.title} (${document.id})`,
    `${c.name}: ${fields.name.trim()}`,
    `${c.email}: ${fields.email.trim()}`,
    `${c.company}: ${fields.company.trim()}`,
    c.nda,
    '',
    `${c.reason}:`,
    fields.reason.trim(),
    '',
  ].join('\n');
}

/** What the draft store keeps: the document asked for, the fields, and the request's fixed identity. */
export interface RequestDraft {
  documentId: string;
  fields: RequestFields;
  submission?: Submission | undefined;
}

export function isBlankRequest(fields: RequestFields): boolean {
  return !fields.nda && REQUEST_FIELDS.every((name) => name === 'nda' || (fields[name] as string).trim() === '');
}

/** A stored draft read back defensively; anything of the wrong type becomes empty. */
export function readRequestDraft(data: Record<string, unknown>): RequestDraft | undefined {
  if (typeof data.documentId !== 'string' || typeof data.fields !== 'object' || data.fields === null) return undefined;
  const raw = data.fields as Record<string, unknown>;
  const fields = emptyRequest();
  for (const name of ['name', 'email', 'company', 'reason'] as const) if (typeof raw[name] === 'string') fields[name] = raw[name];
  fields.nda = raw.nda === true;
  return { documentId: data.documentId, fields, submission: coerceSubmission(data.submission) };
}
