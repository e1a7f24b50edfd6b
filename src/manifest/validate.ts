import * as v from 'valibot';
import { closestKey, formatPath, isRecord, type PathKey } from './hints.js';
import { ManifestSchema, type Manifest } from './schema.js';
import { shapeOf } from './shape.js';

import { formatIssue, type ManifestIssue } from './issue.js';

export { formatIssue, type ManifestIssue };

export type ParseResult =
  | { ok: true; manifest: Manifest; warnings: ManifestIssue[] }
  | { ok: false; issues: ManifestIssue[]; warnings: ManifestIssue[] };


function summarize(issues: readonly ManifestIssue[]): string {
  const [first] = issues;
  if (!first) return 'invalid manifest';
  return issues.length > 1 ? `${formatIssue(first)} (and ${issues.length - 1} more)` : formatIssue(first);
}

/** A manifest that failed validation, for callers that prefer throwing to checking `ok`. */
export class ManifestValidationError extends Error {
  override readonly name = 'ManifestValidationError';
  readonly issues: ManifestIssue[];

  constructor(issues: ManifestIssue[]) {
    super(summarize(issues));
    this.issues = issues;
  }
}

interface Finding {
  path: PathKey[];
  message: string;
}

interface KeyFindings {
  /** Objects given as arrays, which valibot's object schemas let through. */
  arraysForObjects: Finding[];
  /** Unknown keys that look like a misspelt optional key. */
  warnings: Finding[];
}

/** Walks the data alongside the schema for what valibot does not report: arrays posing as objects, and near-miss keys. */
function inspectKeys(schema: v.GenericSchema, value: unknown, path: PathKey[], found: KeyFindings): void {
  const shape = shapeOf(schema);
  if (shape.kind === 'array') {
    if (Array.isArray(value)) value.forEach((item: unknown, index) => inspectKeys(shape.item, item, [...path, index], found));
    return;
  }
  if (shape.kind !== 'object') return;
  if (Array.isArray(value)) {
    found.arraysForObjects.push({ path, message: `expected ${path.length === 0 ? 'a JSON object' : 'an object'}, got array` });
    return;
  }
  if (!isRecord(value)) return;
  const absentKeys = Object.keys(shape.entries).filter((key) => !(key in value));
  for (const [key, child] of Object.entries(value)) {
    const entry = shape.entries[key];
    if (entry) {
      inspectKeys(entry, child, [...path, key], found);
      continue;
    }
    // A near-miss of a missing required key is already in that key's error.
    const meant = closestKey(key, absentKeys);
    if (meant !== undefined && shape.optional.has(meant)) {
      found.warnings.push({ path: [...path, key], message: `unknown key; did you mean ${JSON.stringify(meant)}?` });
    }
  }
}

function toFinding(issue: v.BaseIssue<unknown>): Finding {
  const path = (issue.path ?? []).map((item): PathKey => (typeof item.key === 'number' ? item.key : String(item.key)));
  return { path, message: issue.message };
}

function startsWith(path: readonly PathKey[], prefix: readonly PathKey[]): boolean {
  return prefix.length <= path.length && prefix.every((key, i) => path[i] === key);
}

/** Where a path sits in the document: the index of each key among its siblings. */
function documentPosition(root: unknown, path: readonly PathKey[]): number[] {
  const position: number[] = [];
  let node = root;
  for (const key of path) {
    if (Array.isArray(node) && typeof key === 'number') {
      position.push(key);
      node = node[key];
    } else if (isRecord(node)) {
      const keys = Object.keys(node);
      let index = keys.indexOf(String(key));
      // A missing key goes where its misspelling is, else after its siblings.
      if (index < 0) {
        const near = closestKey(String(key), keys);
        index = near === undefined ? keys.length : keys.indexOf(near);
      }
      position.push(index);
      node = node[String(key)];
    } else {
      position.push(0);
      node = undefined;
    }
  }
  return position;
}

function compareNumbers(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** In document order; one issue per path, the first (most basic) one found. */
function toIssues(root: unknown, findings: readonly Finding[]): ManifestIssue[] {
  const byPath = new Map<string, { issue: ManifestIssue; position: number[] }>();
  for (const finding of findings) {
    const path = formatPath(finding.path);
    if (byPath.has(path)) continue;
    byPath.set(path, { issue: { path, message: finding.message }, position: documentPosition(root, finding.path) });
  }
  return [...byPath.values()].sort((a, b) => compareNumbers(a.position, b.position)).map(({ issue }) => issue);
}

/** Validate parsed JSON as a manifest v1: every problem at once, with defaults filled in on success. */
export function parseManifest(data: unknown): ParseResult {
  const result = v.safeParse(ManifestSchema, data);
  const keys: KeyFindings = { arraysForObjects: [], warnings: [] };
  inspectKeys(ManifestSchema, data, [], keys);
  // An array where an object belongs explains every issue inside it (its "missing" keys).
  const schemaFindings = (result.issues ?? [])
    .map(toFinding)
    .filter((finding) => !keys.arraysForObjects.some((array) => startsWith(finding.path, array.path)));
  const issues = toIssues(data, [...keys.arraysForObjects, ...schemaFindings]);
  const warnings = toIssues(data, keys.warnings);
  if (result.success && issues.length === 0) return { ok: true, manifest: result.output, warnings };
  return { ok: false, issues, warnings };
}
