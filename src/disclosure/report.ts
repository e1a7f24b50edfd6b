// The report a researcher writes: its fields, their rules, and the shapes it leaves the page in.
// Pure (no DOM, no element state), so the form, the draft store and the transport share one definition.
import { parseCvss31, type CvssProblem } from './cvss.js';
import { coerceSubmission, type Draft } from './draft-store.js';
import { digestOf } from './ids.js';
import type { DisclosureMessages, SeverityLevel } from './messages.js';

export const TITLE_MAX = 250;
/** Per long text field; keeps a whole report (even encrypted and armoured) well under the receiver's 256 KB. */
export const TEXT_MAX = 20_000;
export const NAME_MAX = 200;
export const EMAIL_MAX = 254;
export const URL_MAX = 2_000;

export const SEVERITY_LEVELS: readonly SeverityLevel[] = ['low', 'medium', 'high', 'critical'];
export type SeverityChoice = '' | SeverityLevel | 'cvss';

/** What the reporter typed, exactly (untrimmed), as the form and the draft hold it. */
export interface ReportFields {
  title: string;
  /** An asset id, `other`, or '' (not sure). */
  asset: string;
  url: string;
  description: string;
  steps: string;
  impact: string;
  severity: SeverityChoice;
  cvss: string;
  name: string;
  email: string;
  policyRead: boolean;
}

export type FieldName = keyof ReportFields;

/** The order errors are listed in: the order of the form. */
export const FIELD_ORDER: readonly FieldName[] = [
  'title',
  'asset',
  'url',
  'description',
  'steps',
  'impact',
  'severity',
  'cvss',
  'name',
  'email',
  'policyRead',
];

export function emptyFields(): ReportFields {
  return {
    title: '',
    asset: '',
    url: '',
    description: '',
    steps: '',
    impact: '',
    severity: '',
    cvss: '',
    name: '',
    email: '',
    policyRead: false,
  };
}

export type FieldError =
  | { code: 'required' }
  | { code: 'too-long'; max: number; length: number }
  | { code: 'url' }
  | { code: 'email' }
  | { code: 'cvss'; problem: CvssProblem };

export type FieldErrors = Partial<Record<FieldName, FieldError>>;

export interface ValidationRules {
  requireEmail: boolean;
  /** Asset ids the manifest offers (besides `other`). */
  assetIds: readonly string[];
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An absolute URL with a scheme and a host, as a browser reads it. */
export function isAbsoluteUrl(text: string): boolean {
  if (!/^[a-z][a-z0-9+.-]*:\/\/[^/?#\s]/i.test(text)) return false;
  try {
    return new URL(text).host !== '';
  } catch {
    return false;
  }
}

/** Number of characters as people count them (code points, not UTF-16 units). */
export function charCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Every problem with the report, by field; an empty object when it can be sent. */
export function validateReport(fields: ReportFields, rules: ValidationRules): FieldErrors {
  const errors: FieldErrors = {};
  const required = (name: 'title' | 'description' | 'steps' | 'impact', max: number) => {
    const value = fields[name];
    if (value.trim() === '') errors[name] = { code: 'required' };
    else if (charCount(value.trim()) > max) errors[name] = { code: 'too-long', max, length: charCount(value.trim()) };
  };
  required('title', TITLE_MAX);
  const url = fields.url.trim();
  if (url !== '') {
    if (charCount(url) > URL_MAX) errors.url = { code: 'too-long', max: URL_MAX, length: charCount(url) };
    else if (!isAbsoluteUrl(url)) errors.url = { code: 'url' };
  }
  required('description', TEXT_MAX);
  required('steps', TEXT_MAX);
  required('impact', TEXT_MAX);
  if (fields.severity === 'cvss') {
    const cvss = fields.cvss.trim();
    if (cvss === '') errors.cvss = { code: 'required' };
    else {
      const parsed = parseCvss31(cvss);
      if (!parsed.ok) errors.cvss = { code: 'cvss', problem: parsed.problem };
    }
  }
  const name = fields.name.trim();
  if (charCount(name) > NAME_MAX) errors.name = { code: 'too-long', max: NAME_MAX, length: charCount(name) };
  const email = fields.email.trim();
  if (email === '') {
    if (rules.requireEmail) errors.email = { code: 'required' };
  } else if (charCount(email) > EMAIL_MAX || !EMAIL_PATTERN.test(email)) errors.email = { code: 'email' };
  if (!fields.policyRead) errors.policyRead = { code: 'required' };
  return errors;
}

/** The words for one field's problem. */
export function errorMessage(
  name: FieldName,
  error: FieldError,
  messages: DisclosureMessages,
  label: string,
): string {
  switch (error.code) {
    case 'required':
      return name in messages.errors.required
        ? messages.errors.required[name as keyof DisclosureMessages['errors']['required']]
        : label;
    case 'too-long':
      return messages.errors.tooLong(label, error.max, error.length);
    case 'url':
      return messages.errors.url;
    case 'email':
      return messages.errors.email;
    case 'cvss':
      return messages.errors.cvss(error.problem);
  }
}

/** `low` … `critical`, a CVSS vector, or null: the `severity` the endpoint receives. */
export function severityValue(fields: ReportFields): string | null {
  if (fields.severity === 'cvss') return fields.cvss.trim() || null;
  return fields.severity || null;
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

export interface PolicyRef {
  id: string;
  updated: string;
}

export interface AntiAbuse {
  /** The hidden field was filled in (people cannot see it; some robots fill every field). */
  honeypot: boolean;
  /** Milliseconds from the form first being shown to the report being sent. */
  elapsedMs: number;
}

/** The JSON the endpoint receives for a plaintext report. */
export interface PlainReportBody {
  reference: string;
  title: string;
  asset: string | null;
  url: string | null;
  description: string;
  steps: string;
  impact: string;
  severity: string | null;
  name: string | null;
  email: string | null;
  policy: PolicyRef;
  submittedAt: string;
  locale: string;
  antiAbuse: AntiAbuse;
}

/** The JSON the endpoint receives when the manifest asks for encryption: everything readable is inside `encrypted`. */
export interface EncryptedReportBody {
  reference: string;
  encrypted: string;
  policy: PolicyRef;
  submittedAt: string;
  antiAbuse: AntiAbuse;
}

export type ReportBody = PlainReportBody | EncryptedReportBody;

export interface ReportContext {
  reference: string;
  policy: PolicyRef;
  submittedAt: Date;
  locale: string;
  antiAbuse: AntiAbuse;
}

export function plainReportBody(fields: ReportFields, context: ReportContext): PlainReportBody {
  return {
    reference: context.reference,
    title: fields.title.trim(),
    asset: fields.asset || null,
    url: orNull(fields.url),
    description: fields.description.trim(),
    steps: fields.steps.trim(),
    impact: fields.impact.trim(),
    severity: severityValue(fields),
    name: orNull(fields.name),
    email: orNull(fields.email),
    policy: context.policy,
    submittedAt: context.submittedAt.toISOString(),
    locale: context.locale,
    antiAbuse: context.antiAbuse,
  };
}

/**
 * What gets encrypted: the report's content as JSON. It is fixed when the report enters review (no
 * timestamps or timings), so a retry re-sends the very same ciphertext under the same Idempotency-Key.
 */
export function encryptedPayload(fields: ReportFields, reference: string, policy: PolicyRef, locale: string): string {
  const { submittedAt: _s, antiAbuse: _a, ...content } = plainReportBody(fields, {
    reference,
    policy,
    locale,
    submittedAt: new Date(0),
    antiAbuse: { honeypot: false, elapsedMs: 0 },
  });
  return JSON.stringify(content, null, 2);
}

export interface TextLabels {
  assetLabel: (id: string) => string;
  severityLabel: (fields: ReportFields) => string | undefined;
  extra?: readonly [string, string][];
}

/** The report as plain text, for the e-mail route and the downloaded copy. */
export function reportText(
  fields: ReportFields,
  reference: string,
  policy: PolicyRef,
  messages: DisclosureMessages,
  labels: TextLabels,
): string {
  const f = messages.fields;
  const line = (label: string, value: string | undefined) => (value ? `${label}: ${value}` : undefined);
  const reporter = [fields.name.trim(), fields.email.trim() ? `<${fields.email.trim()}>` : ''].filter(Boolean).join(' ');
  const head = [
    messages.copy.title(reference),
    messages.copy.policy(policy.id, policy.updated),
    ...(labels.extra ?? []).map(([label, value]) => `${label}: ${value}`),
    '',
    line(f.title, fields.title.trim()),
    line(f.asset, fields.asset ? labels.assetLabel(fields.asset) : undefined),
    line(f.url, fields.url.trim()),
    line(f.severity, labels.severityLabel(fields)),
    line(messages.copy.reporter, reporter || messages.review.anonymous),
  ].filter((l): l is string => l !== undefined);
  const section = (label: string, value: string) => ['', label, '-'.repeat(Math.min(label.length, 60)), value.trim()];
  return [
    ...head,
    ...section(f.description, fields.description),
    ...section(f.steps, fields.steps),
    ...section(f.impact, fields.impact),
    '',
  ].join('\n');
}

export { createReference, createUuid } from './ids.js';

/**
 * A short digest of what the report says (FNV-1a over its normalised fields): an edit after review
 * changes it, which gives the edited report a new Idempotency-Key. Not a security measure.
 */
export function contentDigest(fields: ReportFields): string {
  return digestOf(FIELD_ORDER.map((name) => fields[name]));
}

/** Reads fields back from storage defensively: anything of the wrong type becomes empty. */
export function coerceFields(value: unknown): ReportFields | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const raw = value as Record<string, unknown>;
  const fields = emptyFields();
  const str = (key: Exclude<FieldName, 'policyRead' | 'severity'>) => {
    if (typeof raw[key] === 'string') fields[key] = raw[key];
  };
  for (const key of ['title', 'asset', 'url', 'description', 'steps', 'impact', 'cvss', 'name', 'email'] as const) str(key);
  const severity = raw.severity;
  if (severity === '' || severity === 'cvss' || SEVERITY_LEVELS.includes(severity as SeverityLevel)) {
    fields.severity = severity as SeverityChoice;
  }
  fields.policyRead = raw.policyRead === true;
  return fields;
}

export function isBlank(fields: ReportFields): boolean {
  return FIELD_ORDER.every((name) => {
    const value = fields[name];
    return typeof value === 'boolean' ? !value : value.trim() === '';
  });
}

/** A stored disclosure draft read back defensively (for DraftController's `read`); undefined if unusable. */
export function readReportDraft(data: Record<string, unknown>): Draft | undefined {
  const fields = coerceFields(data.fields);
  return fields ? { fields, submission: coerceSubmission(data.submission) } : undefined;
}
