import { COMPILED_FORMAT_VERSION } from './compiled-format.js';
import { describeValue, formatPath, isRecord, type PathKey } from './hints.js';
import type { ManifestIssue } from './issue.js';
import { ID_PATTERN } from './limits.js';
import { isHttpUrl, isRealDate, isRelativeUrl, relativeFileProblem } from './predicates.js';
import type { Manifest } from './schema.js';

// The structural check of a compiled manifest, in place of the validator (valibot), which the compiled path
// never loads. `trust-center build` validated the manifest in full before it wrote this file, so what is
// left to check here is only what the element needs to read it safely whatever the file holds: every key it
// reads has the type it expects (so no view meets a number where it reads a string), ids and dates have
// their form (they become URL hashes and are formatted), and every file it names is inside its folder (so no
// request leaves it). Lengths, characters, references between keys and the order of dates are the build's.
// Nothing here is needed for safety against script: the renderer treats every string and tree as untrusted.

/** Where each policy's compiled tree is: one file, or one per language as its `source` gives them. */
export type CompiledTrees = Readonly<Record<string, string | Readonly<Record<string, string>>>>;

/** Compiled texts carried in the compiled manifest itself, by the file name `trees` gives them: no request of their own. */
export type InlineTrees = Readonly<Record<string, unknown>>;

export type CompiledCheck =
  | { ok: true; manifest: Manifest; trees: CompiledTrees; inline: InlineTrees }
  | { ok: false; issues: ManifestIssue[] };

type Check = (value: unknown, path: PathKey[], issues: ManifestIssue[]) => void;

const issue = (issues: ManifestIssue[], path: PathKey[], message: string): void => {
  issues.push({ path: formatPath(path), message });
};

/** A check on a value of one JSON type, then `test` on it (its message when it fails). */
function value(type: 'string' | 'number' | 'boolean', expected: string, test?: (v: never) => string | undefined): Check {
  return (v, path, issues) => {
    if (typeof v !== type) return issue(issues, path, `expected ${expected}, got ${describeValue(v)}`);
    const problem = test?.(v as never);
    if (problem !== undefined) issue(issues, path, problem);
  };
}

const string = value('string', 'a string');
const number = value('number', 'a number', (n: number) => (Number.isFinite(n) ? undefined : `expected a number, got ${n}`));
const boolean = value('boolean', 'true or false');
const date = value('string', 'a date YYYY-MM-DD', (s: string) => (isRealDate(s) ? undefined : `expected a date YYYY-MM-DD, got ${describeValue(s)}`));
const id = value('string', 'an id', (s: string) => (ID_PATTERN.test(s) ? undefined : `expected an id of lower-case letters, digits and "-", got ${describeValue(s)}`));
const oneOf = (...allowed: string[]): Check =>
  value('string', allowed.map((a) => `"${a}"`).join(' or '), (s: string) => (allowed.includes(s) ? undefined : `expected ${allowed.map((a) => `"${a}"`).join(' or ')}, got ${describeValue(s)}`));
/** A file in the manifest's folder. */
const file = value('string', 'a path inside the manifest\'s folder', (s: string) => {
  const problem = isRelativeUrl(s) ? relativeFileProblem(s) : 'not a relative path';
  return problem === undefined ? undefined : `expected a path inside the manifest's folder, got ${describeValue(s)} (${problem})`;
});
/** A file in the manifest's folder, or an absolute http(s) URL (the logo, a document). */
const fileOrUrl: Check = (v, path, issues) => (typeof v === 'string' && isHttpUrl(v) ? undefined : file(v, path, issues));
const httpsOrigin = value('string', 'an https origin', (s: string) =>
  isHttpUrl(s) && s.startsWith('https:') && new URL(s).origin === s.replace(/\/$/, '') ? undefined : `expected an https origin like "https://cdn.example", got ${describeValue(s)}`,
);

function list(item: Check): Check {
  return (v, path, issues) => {
    if (!Array.isArray(v)) return issue(issues, path, `expected an array, got ${describeValue(v)}`);
    v.forEach((entry, index) => item(entry, [...path, index], issues));
  };
}

/** An object with these keys (`key?` optional); other keys are let through, as the schema does. */
function object(entries: Record<string, Check>): Check {
  return (v, path, issues) => {
    if (!isRecord(v)) return issue(issues, path, `expected ${path.length === 0 ? 'a JSON object' : 'an object'}, got ${describeValue(v)}`);
    for (const [spec, check] of Object.entries(entries)) {
      const optional = spec.endsWith('?');
      const key = optional ? spec.slice(0, -1) : spec;
      if (v[key] === undefined) {
        if (!optional) issue(issues, [...path, key], 'missing required key');
      } else check(v[key], [...path, key], issues);
    }
  };
}

/** A string, or (the second form) what `other` accepts. */
function stringOr(other: Check, expected: string): Check {
  return (v, path, issues) => {
    if (typeof v === 'string') return;
    const found: ManifestIssue[] = [];
    other(v, path, found);
    if (found.length > 0) issues.push(...(Array.isArray(v) || isRecord(v) ? found : [{ path: formatPath(path), message: `expected ${expected}, got ${describeValue(v)}` }]));
  };
}

/** A non-empty object of keys (language tags, policy ids) to values. */
function recordOf(item: Check, keys: string): Check {
  return (v, path, issues) => {
    if (!isRecord(v)) return issue(issues, path, `expected an object of ${keys}, got ${describeValue(v)}`);
    if (Object.keys(v).length === 0) return issue(issues, path, `expected an object of ${keys}, got an empty one`);
    for (const [key, entry] of Object.entries(v)) item(entry, [...path, key], issues);
  };
}

/** A policy's source, or its compiled tree: one file, or one per language. */
const perLanguageFile: Check = (v, path, issues) => (typeof v === 'string' ? file(v, path, issues) : recordOf(file, 'language tags')(v, path, issues));

const MANIFEST = object({
  version: value('number', 'version 1', (n: number) => (n === 1 ? undefined : `expected version 1, got ${n}`)),
  organization: object({ name: string, 'url?': string, 'logo?': fileOrUrl }),
  'theme?': object({}),
  policies: list(
    object({
      id,
      title: string,
      updated: date,
      'source?': perLanguageFile,
      'content?': string,
      'summary?': string,
      'changes?': list(object({ date, summary: string })),
      'history?': list(object({ updated: date, 'source?': file, 'content?': string })),
    }),
  ),
  'compliance?': list(
    object({
      name: string,
      status: oneOf('certified', 'in-progress', 'aligned', 'planned'),
      'description?': string,
      'scope?': string,
      'audited?': date,
      'expires?': date,
      'report?': string,
    }),
  ),
  'subprocessors?': list(object({ name: string, purpose: string, location: stringOr(list(string), 'a string or a list of them'), 'data?': list(string), 'url?': string })),
  'subprocessorsUpdated?': date,
  'subprocessorsNoticeDays?': number,
  'faq?': list(object({ id, question: string, answer: string })),
  'documents?': list(object({ id, title: string, access: oneOf('public', 'request'), 'description?': string, 'url?': fileOrUrl, 'updated?': date })),
  'documentAccess?': object({ email: string, 'endpoint?': string }),
  'disclosure?': object({
    policy: string,
    email: string,
    'endpoint?': string,
    'acknowledgeBusinessDays?': number,
    'assets?': list(object({ id: string, label: string })),
    'requireEmail?': boolean,
    'encryption?': object({ key: file, fingerprint: string }),
  }),
  'banner?': object({ 'policies?': list(string), 'recentDays?': number, 'message?': string }),
  'imageOrigins?': list(httpsOrigin),
});

/**
 * Checks a compiled manifest (already known to carry `format: "trust-center-compiled"`): its format version,
 * the structure of the manifest inside, and a tree file for every policy and language.
 */
export function checkCompiledManifest(data: Record<string, unknown>): CompiledCheck {
  const issues: ManifestIssue[] = [];
  if (data.formatVersion !== COMPILED_FORMAT_VERSION) {
    issues.push({
      path: 'formatVersion',
      message: `expected ${COMPILED_FORMAT_VERSION}, got ${describeValue(data.formatVersion)}: this compiled manifest was written by another version of trust-center build than the element's; build it again with the element's version`,
    });
    return { ok: false, issues };
  }
  MANIFEST(data.manifest, ['manifest'], issues);
  recordOf(perLanguageFile, 'policy ids')(data.trees, ['trees'], issues);
  // Each inlined text is checked like a fetched one (treeBlocks) when it is rendered; here only its key.
  if (data.inline !== undefined) {
    if (!isRecord(data.inline)) issue(issues, ['inline'], `expected an object of compiled texts by file, got ${describeValue(data.inline)}`);
    else for (const key of Object.keys(data.inline)) file(key, ['inline', key], issues);
  }
  if (issues.length > 0) return { ok: false, issues };
  const manifest = data.manifest as Manifest;
  const trees = data.trees as CompiledTrees;
  manifest.policies.forEach((policy, index) => {
    const tree = trees[policy.id];
    if (tree === undefined) return issue(issues, ['trees', policy.id], `missing: manifest.policies[${index}] has no compiled text`);
    const languages = isRecord(policy.source) ? Object.keys(policy.source) : [];
    if (languages.length > 0 && (typeof tree === 'string' || languages.some((lang) => typeof tree[lang] !== 'string'))) {
      issue(issues, ['trees', policy.id], `expected a file for each of ${languages.join(', ')}, as manifest.policies[${index}].source has`);
    } else if (languages.length === 0 && typeof tree !== 'string') {
      issue(issues, ['trees', policy.id], `expected one file, as manifest.policies[${index}] has one text`);
    }
  });
  const inline = (data.inline ?? {}) as InlineTrees;
  return issues.length > 0 ? { ok: false, issues } : { ok: true, manifest, trees, inline };
}

/** The blocks of a compiled policy file, or why it is not one. */
export function treeBlocks(data: unknown): { blocks: readonly unknown[] } | { problem: string } {
  if (!isRecord(data) || !Array.isArray(data.blocks)) return { problem: 'is not a compiled policy (no "blocks" list)' };
  if (data.formatVersion !== COMPILED_FORMAT_VERSION) {
    return { problem: `is a compiled policy of format version ${describeValue(data.formatVersion)}, not ${COMPILED_FORMAT_VERSION}` };
  }
  return { blocks: data.blocks };
}
