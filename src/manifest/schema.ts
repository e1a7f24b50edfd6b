import * as v from 'valibot';
import { closestKey, describeValue, formatPath, isRecord, type PathKey } from './hints.js';
import {
  ID_PATTERN,
  MAX_ANSWER,
  MAX_CONTENT,
  MAX_EMAIL,
  MAX_NAME,
  MAX_PARAGRAPH,
  MAX_SENTENCE,
  MAX_URL,
  MAX_POLICIES,
  NOT_IN_LINE,
  NOT_IN_MARKDOWN,
  ONE_LINE,
  characterCount,
  forbiddenCharacter,
} from './limits.js';
import { isHttpUrl, isHttpsUrl, isLocalHttpUrl, isNotBlank, isRealDate, isRelativeUrl, relativeFileProblem } from './predicates.js';
import { MANIFEST_COLOR_PATTERN, MANIFEST_LENGTH_PATTERN } from '../styles/manifest-theme.js';

// The one definition of manifest v1: types (InferOutput), validation (valibot) and the JSON Schema
// (@valibot/to-json-schema) all come from here. A value failing several checks of its field reads as the
// first, most basic one (validate.ts keeps the first issue per path).

/** A field's error message from its issue. Named so that the declarations say `Message` rather than repeat the function type. */
type Message = (issue: v.BaseIssue<unknown>) => string;

/** "expected <what>, got <what was found>" */
const expected =
  (what: string): Message =>
  (issue) =>
    `expected ${what}, got ${describeValue(issue.input)}`;

function missingKeyMessage(object: unknown, key: string, knownKeys: readonly string[]): string {
  const unknownKeys = isRecord(object) ? Object.keys(object).filter((k) => !knownKeys.includes(k)) : [];
  const found = closestKey(key, unknownKeys);
  return found === undefined ? 'missing required key' : `missing required key (found ${describeValue(found)} — misspelt?)`;
}

/** Unknown keys pass through (forward compatibility); a missing key names the near-miss that was probably meant. */
function jsonObject<const TEntries extends v.ObjectEntries>(entries: TEntries, what = 'an object') {
  return v.looseObject(entries, (issue: v.LooseObjectIssue) => {
    // A missing-key issue arrives carrying just the key's own path item; a type issue has none yet.
    const item = issue.path?.[0];
    return item?.origin === 'key'
      ? missingKeyMessage(item.input, String(item.key), Object.keys(entries))
      : expected(what)(issue);
  });
}

// Named so that the declarations (dist/types/manifest/schema.d.ts) say these once rather than at every field.
type LengthCheck = v.CheckAction<string, (issue: v.CheckIssue<string>) => string>;
type LengthMetadata = v.MetadataAction<string, { maxLength: number }>;

/** At most `max` characters, counted as JSON Schema counts them (code points); the check is JS-only, so metadata says it. */
function atMost(max: number): readonly [LengthCheck, LengthMetadata] {
  return [
    v.check(
      (s: string) => s.length <= max || characterCount(s) <= max,
      (issue: v.CheckIssue<string>) => `expected at most ${max} characters, got ${characterCount(issue.input)}`,
    ),
    v.metadata<string, { maxLength: number }>({ maxLength: max }),
  ] as const;
}

const SINGLE_LINE = new RegExp(`^[^${NOT_IN_LINE}]*$`);
const lineMessage: Message = (issue) => `expected ${ONE_LINE}, got ${forbiddenCharacter(String(issue.input))}`;
/** Names the offending character; comes before a URL's own pattern so its message is the one reported. */
const lineBeforePattern = v.check((s: string) => SINGLE_LINE.test(s), lineMessage);

type CharacterRule = v.RegexAction<string, (issue: v.RegexIssue<string>) => string>;

/** A non-empty string of at most `max` characters, each allowed by `characters`. */
function requiredText(description: string, max: number, characters: CharacterRule) {
  const message = expected('a non-empty string');
  return v.pipe(
    v.string(message),
    v.nonEmpty(message),
    v.check(isNotBlank, message),
    ...atMost(max),
    characters,
    v.description(description),
  );
}

const singleLine = (): CharacterRule => v.regex(SINGLE_LINE, lineMessage);

/** A non-empty single line of at most `max` characters: names, titles, summaries. */
const text = (description: string, max: number) => requiredText(description, max, singleLine());

function optionalText(description: string, max: number) {
  return v.optional(v.pipe(v.string(expected('a string')), ...atMost(max), singleLine(), v.description(description)));
}

const MARKDOWN_TEXT = new RegExp(`^[^${NOT_IN_MARKDOWN}]*$`);
const MARKDOWN_CONTROL = new RegExp(`[${NOT_IN_MARKDOWN}]`);
const markdownMessage = (issue: v.RegexIssue<string>): string =>
  `expected text without control characters other than tab and line breaks, got ${forbiddenCharacter(issue.input, MARKDOWN_CONTROL)}`;

/** Non-empty markdown: it keeps its line breaks and tabs, but no other control characters. */
const markdown = (description: string, max: number) => requiredText(description, max, v.regex(MARKDOWN_TEXT, markdownMessage));

function list<const TItem extends v.GenericSchema>(item: TItem, description: string) {
  return v.pipe(v.array(item, expected('an array')), v.description(description));
}

function wholeNumber(min: number, max: number | undefined, description: string) {
  const message = expected(max === undefined ? `a whole number of ${min} or more` : `a whole number from ${min} to ${max}`);
  const bounded = v.pipe(v.number(message), v.integer(message), v.minValue(min, message));
  return max === undefined
    ? v.pipe(bounded, v.description(description))
    : v.pipe(bounded, v.maxValue(max, message), v.description(description));
}

// Each URL rule is a pattern (so editors can flag it from the JSON Schema) plus a v.check that
// parses the URL the way browsers do, catching what a pattern cannot (" javascript:", \\evil read as //evil).
const NO_SCHEME_OR_HOST = '(?![A-Za-z][A-Za-z0-9+.-]*:|//)';
/** A file inside the manifest's folder (see relativeFileProblem): no root path, backslash, %2E/%2F/%5C/%00, "..", or dotfile. */
const RELATIVE_FILE = `${NO_SCHEME_OR_HOST}(?![/\\\\])(?!.*\\\\)(?!.*%(?:2[EeFf]|5[Cc]|00))(?![^?#]*(?:^|/)\\.(?![/?#]|$))`;

/**
 * `pattern` is what follows `^`; every URL is also one line of at most MAX_URL characters.
 * `reason` adds why a value that looks right is refused ("a backslash").
 */
function urlString(
  what: string,
  pattern: string,
  accepts: (url: string) => boolean,
  format: 'uri' | 'uri-reference',
  description: string,
  reason: (url: string) => string | undefined = () => undefined,
) {
  const message: Message = (issue) => {
    const why = typeof issue.input === 'string' ? reason(issue.input) : undefined;
    return expected(what)(issue) + (why ? ` (${why})` : '');
  };
  return v.pipe(
    v.string(message),
    v.nonEmpty(message),
    ...atMost(MAX_URL),
    lineBeforePattern,
    v.regex(new RegExp(`^(?!.*[${NOT_IN_LINE}])${pattern}`), message),
    v.check(accepts, message),
    v.metadata({ format }),
    v.description(description),
  );
}

const httpUrl = (description: string) => urlString('an absolute http(s) URL', 'https?://', isHttpUrl, 'uri', description);

/** Only a relative file's own rules explain a refusal: a scheme or host says enough by itself. */
const fileReason = (url: string) => (isRelativeUrl(url) ? relativeFileProblem(url) : undefined);

const relativeUrl = (description: string) =>
  urlString(
    'a path inside the manifest\'s folder, like "security.md"',
    RELATIVE_FILE,
    (s) => isRelativeUrl(s) && !relativeFileProblem(s),
    'uri-reference',
    description,
    fileReason,
  );

/** A BCP 47 language tag as `lang` attributes use it: "en", "de-CH", "zh-Hant". */
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** A policy file, or one file per language: `{ "en": "security.md", "de": "security.de.md" }`. */
const localizedSource = (description: string) =>
  v.pipe(
  v.union(
    [
      relativeUrl(description),
      v.pipe(
        v.record(
          v.pipe(v.string(), v.regex(LANGUAGE_TAG, expected('a language tag like "en" or "de-CH" as the key'))),
          relativeUrl('Markdown file of the policy in this language, in this manifest\'s folder.'),
          expected('an object of language → file'),
        ),
        v.check((files) => Object.keys(files).length > 0, expected('at least one language')),
        v.description('One markdown file per language, keyed by language tag: { "en": "security.md", "de": "security.de.md" }.'),
      ),
    ],
    expected('a URL relative to the manifest, or an object of language → URL'),
  ),
  v.description(description),
  );

const relativeOrHttpsUrl = (description: string) =>
  urlString(
    'a path inside the manifest\'s folder or an absolute https URL',
    `(?:https://|${RELATIVE_FILE})`,
    (s) => (isRelativeUrl(s) && !relativeFileProblem(s)) || isHttpsUrl(s),
    'uri-reference',
    description,
    fileReason,
  );

/** Where a form posts, or a page a link leads to: https (http only for this machine), or relative to the manifest. */
const endpointUrl = (description: string) =>
  urlString(
    'an https URL, or a path relative to the manifest',
    `(?:https://|http://(?:localhost|127\\.0\\.0\\.1|\\[::1\\])(?:[:/?#]|$)|${NO_SCHEME_OR_HOST})`,
    (s) => isHttpsUrl(s) || isLocalHttpUrl(s) || isRelativeUrl(s),
    'uri-reference',
    description,
  );

function email(description: string) {
  const message = expected('an e-mail address');
  return v.pipe(v.string(message), v.email(message), ...atMost(MAX_EMAIL), v.description(description));
}

const idMessage = expected('an id of up to 64 lowercase letters, digits and hyphens, not starting with a hyphen');

const isoDateMessage = expected('a date YYYY-MM-DD');
const IsoDateSchema = v.pipe(
  v.string(isoDateMessage),
  v.isoDate(isoDateMessage),
  v.check(isRealDate, expected('a real calendar date')),
);

export const COMPLIANCE_STATUSES = ['certified', 'in-progress', 'aligned', 'planned'] as const;

export const ComplianceStatusSchema = v.pipe(
  v.picklist(COMPLIANCE_STATUSES, expected(`one of ${COMPLIANCE_STATUSES.map((s) => JSON.stringify(s)).join(', ')}`)),
  v.description(
    '"certified": attested by an auditor; "in-progress": working toward it; ' +
      '"aligned": practices follow it without certification; "planned": on the roadmap.',
  ),
);

/** One line of text, or one per language (`{ "en": "…", "de": "…" }`), picked as a policy's `source` is. */
const localizedText = (description: string, max: number) =>
  v.optional(
    v.pipe(
      v.union(
        [
          text(description, max),
          v.pipe(
            v.record(
              v.pipe(v.string(), v.regex(LANGUAGE_TAG, expected('a language tag like "en" or "de-CH" as the key'))),
              text('The text in this language.', max),
              expected('an object of language → text'),
            ),
            v.check((texts) => Object.keys(texts).length > 0, expected('at least one language')),
            v.description('One text per language: { "en": "…", "de": "…" }.'),
          ),
        ],
        expected('a string, or an object of language → string'),
      ),
      v.description(description),
    ),
  );

export const OrganizationSchema = v.pipe(
  jsonObject({
    name: text('Company name, shown as the trust center heading.', MAX_NAME),
    url: httpUrl('Company website, e.g. "https://artisser.example".'),
    logo: v.optional(
      relativeOrHttpsUrl('Logo image: a path in this manifest\'s folder (e.g. "logo.svg") or an absolute https URL.'),
    ),
    statement: localizedText(
      'One paragraph under the name on the overview, e.g. how the company approaches security; or one per language: { "en": "…", "de": "…" }.',
      MAX_PARAGRAPH,
    ),
  }),
  v.title('Organization'),
  v.description('The company this trust center belongs to.'),
);

export const PolicyChangeSchema = v.pipe(
  jsonObject({
    date: v.pipe(IsoDateSchema, v.description('When the change took effect, YYYY-MM-DD.')),
    summary: text('What changed, in a sentence.', MAX_SENTENCE),
  }),
  v.title('Policy change'),
);

/** Exactly one of `source` or `content`; a raw check runs even when a field failed, so it is reported alongside the others. */
function checkSourceOrContent(value: unknown, addIssue: (info: { message: string }) => void): void {
  if (isRecord(value) && (value.source === undefined) === (value.content === undefined)) {
    addIssue({ message: 'needs exactly one of "source" or "content"' });
  }
}

// The JSON Schema form of the check; each branch declares its property, as Ajv's strict mode (strictRequired) asks.
const SOURCE_OR_CONTENT = {
  oneOf: [
    { properties: { source: true }, required: ['source'] },
    { properties: { content: true }, required: ['content'] },
  ],
};

const idSchema = (description: string) => v.pipe(v.string(idMessage), v.regex(ID_PATTERN, idMessage), v.description(description));

export const PolicyVersionSchema = v.pipe(
  jsonObject({
    updated: v.pipe(IsoDateSchema, v.description('The date this earlier version took effect, YYYY-MM-DD; before the policy\'s own "updated".')),
    source: v.optional(relativeUrl('Markdown file of this earlier version, in this manifest\'s folder. Give either source or content.')),
    content: v.optional(markdown('This earlier version as inline markdown. Give either source or content.', MAX_CONTENT)),
  }),
  v.rawCheck(({ dataset, addIssue }) => checkSourceOrContent(dataset.value, addIssue)),
  v.metadata(SOURCE_OR_CONTENT),
  v.title('Policy version'),
  v.description('An earlier version of a policy, for "Compare with previous".'),
);

export const PolicySchema = v.pipe(
  jsonObject({
    id: idSchema('Unique id; appears in the page URL (#security). Lowercase letters, digits and hyphens, at most 64.'),
    title: text('Policy title, e.g. "Security".', MAX_NAME),
    updated: v.pipe(IsoDateSchema, v.description('Date of the last change, YYYY-MM-DD.')),
    source: v.optional(
      localizedSource(
        'Markdown file of the policy, in this manifest\'s folder (e.g. "security.md"), or one per language. Give either source or content.',
      ),
    ),
    content: v.optional(markdown('The policy as inline markdown. Give either source or content.', MAX_CONTENT)),
    summary: optionalText('A short description shown on the overview.', MAX_SENTENCE),
    changes: v.optional(list(PolicyChangeSchema, 'Change log, shown with the policy.')),
    history: v.optional(list(PolicyVersionSchema, 'Earlier versions of the policy, each with its date; the updates view compares them.')),
  }),
  v.rawCheck(({ dataset, addIssue }) => checkSourceOrContent(dataset.value, addIssue)),
  v.metadata(SOURCE_OR_CONTENT),
  v.title('Policy'),
  v.description('One policy page: markdown from a file (source) or inline (content).'),
);

export const ComplianceItemSchema = v.pipe(
  jsonObject({
    name: text('Standard or framework, e.g. "SOC 2 Type II".', MAX_NAME),
    status: ComplianceStatusSchema,
    description: optionalText('Caveats, e.g. whose certification it is.', MAX_PARAGRAPH),
    scope: optionalText('What the certification covers, e.g. "Production platform and support".', MAX_SENTENCE),
    audited: v.optional(v.pipe(IsoDateSchema, v.description('Date of the last audit, YYYY-MM-DD.'))),
    expires: v.optional(
      v.pipe(IsoDateSchema, v.description('Last day the certificate is valid, YYYY-MM-DD; after it the claim shows as expired.')),
    ),
    report: v.optional(
      v.pipe(v.string(expected('a document id')), v.description('Id of the entry in "documents" that holds the audit report.')),
    ),
    icon: v.optional(
      relativeOrHttpsUrl('Icon of the standard (its seal or logo): a path in this manifest\'s folder or an absolute https URL.'),
    ),
  }),
  v.title('Compliance item'),
);

export const DisclosureAssetSchema = v.pipe(
  jsonObject({
    id: text('Unique id of the asset, sent with a report.', MAX_NAME),
    label: text('What a reporter picks from, e.g. "artisser.example web app".', MAX_NAME),
  }),
  v.title('Disclosure asset'),
);

const FINGERPRINT_PATTERN = /^ *(?:[0-9A-Fa-f] *){40}$|^ *(?:[0-9A-Fa-f] *){64}$/;
const fingerprintMessage = expected('an OpenPGP fingerprint of 40 or 64 hex digits');

export const DisclosureSchema = v.pipe(
  jsonObject({
    policy: v.pipe(
      v.string(expected('a policy id')),
      v.description('Id of the policy in this manifest that holds the disclosure terms.'),
    ),
    email: email('Where vulnerability reports go, e.g. "security@artisser.example".'),
    endpoint: v.optional(
      endpointUrl(
        'Where the report form posts: an absolute https URL (http only for localhost, 127.0.0.1, [::1]) ' +
          'or a path relative to this manifest.',
      ),
    ),
    acknowledgeBusinessDays: v.optional(
      wholeNumber(0, 60, 'Business days within which reports are acknowledged.'),
      2,
    ),
    assets: v.optional(list(DisclosureAssetSchema, 'What reporters can say a report is about; ids unique.')),
    requireEmail: v.optional(
      v.pipe(v.boolean(expected('true or false')), v.description('Whether a reporter must give an e-mail address.')),
      false,
    ),
    securityTxt: v.optional(
      endpointUrl('The security.txt file, linked from the overview\'s security contact, e.g. "/.well-known/security.txt".'),
    ),
    encryption: v.optional(
      v.pipe(
        jsonObject({
          key: relativeUrl('OpenPGP public key file (armored), in this manifest\'s folder.'),
          fingerprint: v.pipe(
            v.string(fingerprintMessage),
            v.regex(FINGERPRINT_PATTERN, fingerprintMessage),
            v.description('Fingerprint of the key: 40 (v4) or 64 (v6) hex digits; spaces and case do not matter.'),
            // Normalised so it can be compared and displayed one way.
            v.transform((fingerprint) => fingerprint.replace(/ /g, '').toUpperCase()),
          ),
        }),
        v.title('Encryption'),
        v.description('Key reporters can encrypt to.'),
      ),
    ),
  }),
  v.title('Disclosure'),
  v.description('Responsible-disclosure program: how to report a vulnerability.'),
);

const countryOrRegion = text('A country or region, e.g. "Ireland" or "European Union".', MAX_NAME);

export const SubprocessorSchema = v.pipe(
  jsonObject({
    name: text('Company name, e.g. "Amazon Web Services".', MAX_NAME),
    purpose: text('What it does for you, e.g. "Cloud hosting".', MAX_SENTENCE),
    location: v.pipe(
      v.union(
        [countryOrRegion, v.pipe(v.array(countryOrRegion, expected('an array')), v.minLength(1, expected('at least one location')))],
        expected('a country or region, or a list of them'),
      ),
      v.description('Where it processes data: a country or region, or a list of them.'),
    ),
    data: v.optional(list(text('A category of data, e.g. "Account data".', MAX_NAME), 'Categories of personal data it processes.')),
    url: v.optional(httpUrl('Its website or privacy page, an absolute http(s) URL.')),
  }),
  v.title('Subprocessor'),
  v.description('A third party that processes customer data.'),
);

export const FaqEntrySchema = v.pipe(
  jsonObject({
    id: idSchema('Unique id; appears in the page URL (#faq/encryption). Lowercase letters, digits and hyphens, at most 64.'),
    question: text('The question, e.g. "Is my data encrypted?".', MAX_SENTENCE),
    answer: markdown('The answer, as markdown.', MAX_ANSWER),
  }),
  v.title('FAQ entry'),
);

export const DOCUMENT_ACCESS = ['public', 'request'] as const;

export const DocumentSchema = v.pipe(
  jsonObject({
    id: idSchema('Unique id; appears in the page URL (#documents/soc2-report). Lowercase letters, digits and hyphens, at most 64.'),
    title: text('Title, e.g. "SOC 2 Type II report".', MAX_NAME),
    description: optionalText('What it contains, in a sentence or two.', MAX_PARAGRAPH),
    access: v.pipe(
      v.picklist(DOCUMENT_ACCESS, expected(`one of ${DOCUMENT_ACCESS.map((s) => JSON.stringify(s)).join(', ')}`)),
      v.description('"public": anyone can download it from url; "request": readers ask for it through documentAccess.'),
    ),
    url: v.optional(
      relativeOrHttpsUrl('The file, in this manifest\'s folder (or an absolute https URL); required when access is "public".'),
    ),
    updated: v.optional(v.pipe(IsoDateSchema, v.description('Date of this edition, YYYY-MM-DD.'))),
    size: v.optional(wholeNumber(0, undefined, 'Size of the file in bytes, shown on its download button.')),
  }),
  v.title('Document'),
  v.description('A report or paper buyers can download or request.'),
);

export const DocumentAccessSchema = v.pipe(
  jsonObject({
    email: email('Where document requests go by e-mail, and the fallback when the endpoint fails.'),
    endpoint: v.optional(
      endpointUrl(
        'Where the request form posts: an absolute https URL (http only for localhost, 127.0.0.1, [::1]) ' +
          'or a path relative to this manifest.',
      ),
    ),
  }),
  v.title('Document access'),
  v.description('How readers request documents whose access is "request"; required when there is one.'),
);

export const BannerSchema = v.pipe(
  jsonObject({
    policies: v.optional(
      list(
        v.pipe(v.string(expected('a policy id')), v.description('Id of a policy in this manifest.')),
        'Policies whose updates the banner announces; all policies when absent.',
      ),
    ),
    recentDays: v.optional(wholeNumber(0, undefined, 'How many days after its update a policy counts as recent.'), 30),
    message: optionalText('Text of the banner.', MAX_SENTENCE),
  }),
  v.title('Banner'),
  v.description('A notice of recently updated policies.'),
);

const versionMessage = (issue: v.LiteralIssue): string =>
  typeof issue.input === 'number'
    ? `unsupported manifest version ${issue.input}; this build reads version 1`
    : expected('the number 1')(issue);

type Finding = { path: [PathKey, ...PathKey[]]; message: string };

/** Records duplicate `id`s in a list; returns its ids if every item has one, else undefined. */
function collectIds(list: unknown, at: readonly [PathKey, ...PathKey[]], findings: Finding[]): Set<string> | undefined {
  if (!Array.isArray(list) || list.length === 0) return undefined;
  const firstIndex = new Map<string, number>();
  let complete = true;
  list.forEach((item: unknown, index) => {
    const id = isRecord(item) ? item.id : undefined;
    if (typeof id !== 'string') {
      complete = false;
      return;
    }
    const first = firstIndex.get(id);
    if (first === undefined) firstIndex.set(id, index);
    else
      findings.push({
        path: [...at, index, 'id'],
        message: `duplicate id ${describeValue(id)} (also ${formatPath([...at, first, 'id'])})`,
      });
  });
  return complete ? new Set(firstIndex.keys()) : undefined;
}

/**
 * Rules spanning the manifest (unique ids, references to policies). Reads the value defensively: it
 * also runs when other fields failed, and then skips what it cannot read rather than pile on.
 */
function crossReferenceFindings(manifest: unknown): Finding[] {
  if (!isRecord(manifest)) return [];
  const findings: Finding[] = [];
  const policyIds = collectIds(manifest.policies, ['policies'], findings);
  const disclosure = manifest.disclosure;
  if (isRecord(disclosure)) collectIds(disclosure.assets, ['disclosure', 'assets'], findings);
  // With a policy id unreadable (already an error), "no policy with id" could be wrong: say nothing.
  if (!policyIds) return findings;
  const missing = (id: unknown): id is string => typeof id === 'string' && !policyIds.has(id);
  if (isRecord(disclosure) && missing(disclosure.policy)) {
    findings.push({ path: ['disclosure', 'policy'], message: `no policy with id ${describeValue(disclosure.policy)}` });
  }
  const banner = manifest.banner;
  if (isRecord(banner) && Array.isArray(banner.policies)) {
    banner.policies.forEach((id: unknown, index) => {
      if (missing(id)) findings.push({ path: ['banner', 'policies', index], message: `no policy with id ${describeValue(id)}` });
    });
  }
  return findings;
}

const records = (list: unknown): [Record<string, unknown>, number][] =>
  Array.isArray(list) ? list.flatMap((item: unknown, index) => (isRecord(item) ? [[item, index] as [Record<string, unknown>, number]] : [])) : [];

const realDate = (value: unknown): value is string => typeof value === 'string' && isRealDate(value);

/** The trust center's own views a manifest turns on; a policy with the same id could never be reached. */
function viewNames(manifest: Record<string, unknown>): Map<string, string> {
  const some = (list: unknown) => Array.isArray(list) && list.length > 0;
  const views = new Map([
    ['overview', 'overview'],
    ['search', 'search'],
  ]);
  if (isRecord(manifest.disclosure)) views.set('disclosure', 'vulnerability report form');
  if (some(manifest.subprocessors)) views.set('subprocessors', 'subprocessors list');
  if (some(manifest.faq)) views.set('faq', 'FAQ');
  if (some(manifest.documents)) views.set('documents', 'documents list');
  if (records(manifest.policies).some(([policy]) => some(policy.changes))) views.set('updates', 'updates list');
  return views;
}

/** Rules between the sections added for the whole trust center: documents, FAQ, compliance dates, policy history. */
function sectionFindings(manifest: Record<string, unknown>): Finding[] {
  const findings: Finding[] = [];
  collectIds(manifest.faq, ['faq'], findings);
  // No documents at all: every report reference is dangling. Unreadable ids (already errors): check none.
  const noDocuments = manifest.documents === undefined || (Array.isArray(manifest.documents) && manifest.documents.length === 0);
  const documentIds = noDocuments ? new Set<string>() : collectIds(manifest.documents, ['documents'], findings);
  const documents = records(manifest.documents);
  for (const [document, index] of documents) {
    if (document.access === 'public' && document.url === undefined) {
      findings.push({ path: ['documents', index, 'url'], message: 'missing required key (a "public" document needs a "url")' });
    }
  }
  const requested = documents.find(([document]) => document.access === 'request');
  if (requested && manifest.documentAccess === undefined) {
    findings.push({ path: ['documentAccess'], message: `missing required key (documents[${requested[1]}] has access "request")` });
  }
  for (const [item, index] of records(manifest.compliance)) {
    if (documentIds && typeof item.report === 'string' && !documentIds.has(item.report)) {
      findings.push({ path: ['compliance', index, 'report'], message: `no document with id ${describeValue(item.report)}` });
    }
    if (realDate(item.audited) && realDate(item.expires) && item.expires < item.audited) {
      findings.push({
        path: ['compliance', index, 'expires'],
        message: `expected a date on or after "audited" (${item.audited}), got ${JSON.stringify(item.expires)}`,
      });
    }
  }
  const views = viewNames(manifest);
  for (const [policy, index] of records(manifest.policies)) {
    const view = typeof policy.id === 'string' ? views.get(policy.id) : undefined;
    if (view) {
      findings.push({
        path: ['policies', index, 'id'],
        message: `${JSON.stringify(policy.id)} is the address of the trust center's ${view} (#${String(policy.id)}); choose another id`,
      });
    }
    if (!realDate(policy.updated)) continue;
    for (const [version, j] of records(policy.history)) {
      if (realDate(version.updated) && version.updated >= policy.updated) {
        findings.push({
          path: ['policies', index, 'history', j, 'updated'],
          message: `expected a date before the policy's "updated" (${policy.updated}), got ${JSON.stringify(version.updated)}`,
        });
      }
    }
  }
  return findings;
}

/** valibot path items for a path found by walking `root`. */
function issuePath(root: unknown, path: Finding['path']): [v.IssuePathItem, ...v.IssuePathItem[]] {
  let input = root;
  const items = path.map((key): v.IssuePathItem => {
    const parent = input;
    input = isRecord(parent) || Array.isArray(parent) ? (parent as Record<PathKey, unknown>)[key] : undefined;
    return { type: 'unknown', origin: 'value', input: parent, key, value: input };
  });
  return items as [v.IssuePathItem, ...v.IssuePathItem[]];
}

const colorValue = (description: string) =>
  v.optional(
    v.pipe(
      v.string(expected('a CSS colour')),
      v.regex(MANIFEST_COLOR_PATTERN, expected('a CSS colour: #hex or a function such as rgb(…) or oklch(…)')),
      v.description(description),
    ),
  );

export const ThemeSchema = v.pipe(
  jsonObject({
    accent: colorValue('Brand colour of links, buttons and focus rings in the light scheme.'),
    onAccent: colorValue('Text colour on accent backgrounds (the submit button) in the light scheme.'),
    radius: v.optional(
      v.pipe(
        v.string(expected('a length such as "8px" or "0.5rem"')),
        v.regex(MANIFEST_LENGTH_PATTERN, expected('a length such as "8px" or "0.5rem"')),
        v.description('Corner radius of cards and controls.'),
      ),
    ),
    dark: v.optional(
      v.pipe(
        jsonObject({
          accent: colorValue('Brand colour in the dark scheme (the light one is not carried over).'),
          onAccent: colorValue('Text colour on accent backgrounds in the dark scheme.'),
        }),
        v.title('Dark scheme theme'),
        v.description('Brand colours for the dark scheme (theme="dark", or "auto" on a dark OS).'),
      ),
    ),
  }),
  v.title('Theme'),
  v.description("Brand defaults for the --tc-* tokens; a host page's own --tc-* values still win."),
);

// An origin alone: https, a host and maybe a port; no user, path, query or fragment.
const IMAGE_ORIGIN = /^https:\/\/[^/?#@\\\s]+$/;
const imageOriginMessage = expected('an https origin such as "https://cdn.artisser.example", without a path');
const isImageOrigin = (origin: string): boolean => {
  try {
    return new URL(origin).protocol === 'https:';
  } catch {
    return false;
  }
};

export const ImageOriginsSchema = list(
  v.pipe(
    v.string(imageOriginMessage),
    v.regex(IMAGE_ORIGIN, imageOriginMessage),
    v.check(isImageOrigin, imageOriginMessage),
    v.description('An origin policy, FAQ and logo images may load from, e.g. "https://cdn.artisser.example".'),
  ),
  "Origins besides the manifest's own that absolute image URLs (policy and FAQ images, the logo) may load from; an image elsewhere is not loaded and its alt text is shown.",
);

export const ManifestSchema = v.pipe(
  jsonObject(
    {
      $schema: optionalText('Path or URL of this JSON Schema, so editors can check and complete the manifest.', MAX_URL),
      version: v.pipe(v.literal(1, versionMessage), v.description('Manifest format version; this schema describes version 1.')),
      organization: OrganizationSchema,
      trustCenter: v.optional(
        endpointUrl(
          'The page that shows the whole trust center, e.g. "https://artisser.example/trust/" or "/trust/": a policy or ' +
            'report form embedded elsewhere links its other sections there.',
        ),
      ),
      subscribe: v.optional(
        endpointUrl('Where readers subscribe to policy updates: the Atom feed (e.g. "/updates.xml") or a sign-up page.'),
      ),
      theme: v.optional(ThemeSchema),
      policies: v.pipe(
        list(PolicySchema, `The policies, in the order they are listed; at least one, at most ${MAX_POLICIES}.`),
        v.minLength(1, 'expected at least one policy, got an empty array'),
        v.maxLength(MAX_POLICIES, (issue) => `expected at most ${MAX_POLICIES} policies, got ${issue.input.length}`),
      ),
      compliance: v.optional(list(ComplianceItemSchema, 'Certifications and frameworks, with their status.')),
      subprocessors: v.optional(list(SubprocessorSchema, 'Third parties that process customer data (the #subprocessors view).')),
      subprocessorsUpdated: v.optional(v.pipe(IsoDateSchema, v.description('When the subprocessor list last changed, YYYY-MM-DD.'))),
      subprocessorsNoticeDays: v.optional(
        wholeNumber(0, 365, 'Days of notice customers get before a new subprocessor starts processing their data.'),
      ),
      faq: v.optional(list(FaqEntrySchema, 'Frequently asked questions (the #faq view); ids unique.')),
      documents: v.optional(list(DocumentSchema, 'Reports and papers to download or request (the #documents view); ids unique.')),
      documentAccess: v.optional(DocumentAccessSchema),
      disclosure: v.optional(DisclosureSchema),
      banner: v.optional(BannerSchema),
      imageOrigins: v.optional(ImageOriginsSchema),
    },
    'a JSON object',
  ),
  v.rawCheck(({ dataset, addIssue }) => {
    const manifest: unknown = dataset.value;
    const findings = [...crossReferenceFindings(manifest), ...(isRecord(manifest) ? sectionFindings(manifest) : [])];
    for (const finding of findings) {
      const path = issuePath(manifest, finding.path);
      addIssue({ message: finding.message, input: path[path.length - 1].value, path });
    }
  }),
  v.title('Trust center manifest'),
  v.description(
    'Describes a company\'s policies, compliance, subprocessors, FAQ, documents and disclosure program for the <trust-center> element.',
  ),
);

export type Manifest = v.InferOutput<typeof ManifestSchema>;
export type Theme = v.InferOutput<typeof ThemeSchema>;
export type Organization = v.InferOutput<typeof OrganizationSchema>;
export type Policy = v.InferOutput<typeof PolicySchema>;
export type PolicyChange = v.InferOutput<typeof PolicyChangeSchema>;
export type ComplianceItem = v.InferOutput<typeof ComplianceItemSchema>;
export type ComplianceStatus = v.InferOutput<typeof ComplianceStatusSchema>;
export type Disclosure = v.InferOutput<typeof DisclosureSchema>;
export type DisclosureAsset = v.InferOutput<typeof DisclosureAssetSchema>;
export type BannerSettings = v.InferOutput<typeof BannerSchema>;
export type PolicyVersion = v.InferOutput<typeof PolicyVersionSchema>;
export type Subprocessor = v.InferOutput<typeof SubprocessorSchema>;
export type FaqEntry = v.InferOutput<typeof FaqEntrySchema>;
export type TrustDocument = v.InferOutput<typeof DocumentSchema>;
export type DocumentAccess = v.InferOutput<typeof DocumentAccessSchema>;
