import { NOT_IN_LINE } from './limits.js';

/** One step into a JSON value: an object key or an array index. */
export type PathKey = string | number;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const MAX_QUOTED = 60;

/** `policies[1].updated`; odd keys are bracket-quoted so the path stays unambiguous. */
export function formatPath(path: readonly PathKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else if (IDENTIFIER.test(key)) text += text === '' ? key : `.${key}`;
    else text += `[${quote(key)}]`;
  }
  return text;
}

/** A string quoted for a message, with line breaks, controls and bidi characters escaped so they cannot reorder or split it. */
export function quote(text: string): string {
  return JSON.stringify(text).replace(new RegExp(`[${NOT_IN_LINE}]`, 'g'), (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** What was found, for "got …": strings quoted (cut short, invisible characters escaped), numbers as written, containers by kind. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'string':
      return value.length > MAX_QUOTED ? `${quote(value.slice(0, MAX_QUOTED))}…` : quote(value);
    case 'number':
    case 'boolean':
      return String(value);
    case 'undefined':
      return 'nothing';
    case 'object':
      return 'object';
    default:
      return typeof value;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Optimal-string-alignment distance: like Levenshtein, but a swap of neighbours ("udpated") costs 1. */
export function editDistance(a: string, b: string): number {
  // d[i][j] = distance between the first i characters of a and the first j of b.
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => i + j));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** Within 2 edits, but only 1 for short keys, where 2 edits would make "id" look like "at". */
export function isNearMiss(a: string, b: string): boolean {
  const limit = Math.min(a.length, b.length) <= 4 ? 1 : 2;
  return editDistance(a.toLowerCase(), b.toLowerCase()) <= limit;
}

/** The candidate most likely meant by `key`, if any is a near miss; extension keys (`x-…`) never are. */
export function closestKey(key: string, candidates: readonly string[]): string | undefined {
  // "x-…" keys are extensions by convention, never typos.
  if (/^x-/i.test(key)) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (!isNearMiss(key, candidate)) continue;
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
