// CVSS v3.1 vector strings: checked for form (FIRST's specification, section 6) and scored (section 7.1, Appendix A).
// Pure: no DOM, so the receiver's tests and any Node tool can reuse the same rules.

/** The values each metric may take, in the specification's order (Table 15). */
const BASE_METRICS = {
  AV: ['N', 'A', 'L', 'P'],
  AC: ['L', 'H'],
  PR: ['N', 'L', 'H'],
  UI: ['N', 'R'],
  S: ['U', 'C'],
  C: ['H', 'L', 'N'],
  I: ['H', 'L', 'N'],
  A: ['H', 'L', 'N'],
} as const;

const OPTIONAL_METRICS: Readonly<Record<string, readonly string[]>> = {
  // Temporal
  E: ['X', 'U', 'P', 'F', 'H'],
  RL: ['X', 'O', 'T', 'W', 'U'],
  RC: ['X', 'U', 'R', 'C'],
  // Environmental
  CR: ['X', 'L', 'M', 'H'],
  IR: ['X', 'L', 'M', 'H'],
  AR: ['X', 'L', 'M', 'H'],
  MAV: ['X', 'N', 'A', 'L', 'P'],
  MAC: ['X', 'L', 'H'],
  MPR: ['X', 'N', 'L', 'H'],
  MUI: ['X', 'N', 'R'],
  MS: ['X', 'U', 'C'],
  MC: ['X', 'N', 'L', 'H'],
  MI: ['X', 'N', 'L', 'H'],
  MA: ['X', 'N', 'L', 'H'],
};

type BaseMetric = keyof typeof BASE_METRICS;
const BASE_NAMES = Object.keys(BASE_METRICS) as BaseMetric[];
const ALL_METRICS: Readonly<Record<string, readonly string[]>> = { ...BASE_METRICS, ...OPTIONAL_METRICS };

export const CVSS_PREFIX = 'CVSS:3.1/';

export type CvssRating = 'none' | 'low' | 'medium' | 'high' | 'critical';

/** Why a vector string is not a CVSS 3.1 vector; the messages catalogue words each one. */
export type CvssProblem =
  | { code: 'prefix' }
  | { code: 'syntax'; part: string }
  | { code: 'unknown-metric'; metric: string }
  | { code: 'duplicate'; metric: string }
  | { code: 'value'; metric: string; value: string; allowed: readonly string[] }
  | { code: 'missing'; metrics: readonly string[] };

export type CvssResult =
  | { ok: true; vector: string; metrics: Readonly<Record<string, string>>; baseScore: number; rating: CvssRating }
  | { ok: false; problem: CvssProblem };

/** Loose test for "the reporter meant a CVSS vector" (so a free-text severity is not mistaken for one). */
export function looksLikeCvss(text: string): boolean {
  return /^\s*CVSS:/i.test(text);
}

/**
 * Parses a CVSS v3.1 vector: the `CVSS:3.1/` prefix, all eight base metrics, optional temporal and
 * environmental metrics; any order, none twice, every value valid. Returns the base score when it is one.
 */
export function parseCvss31(input: string): CvssResult {
  const vector = input.trim();
  if (!vector.startsWith(CVSS_PREFIX)) return { ok: false, problem: { code: 'prefix' } };
  const metrics: Record<string, string> = {};
  for (const part of vector.slice(CVSS_PREFIX.length).split('/')) {
    const match = /^([A-Z]+):([A-Z])$/.exec(part);
    if (!match) return { ok: false, problem: { code: 'syntax', part } };
    const [, metric, value] = match as unknown as [string, string, string];
    const allowed = ALL_METRICS[metric];
    if (!allowed) return { ok: false, problem: { code: 'unknown-metric', metric } };
    if (metric in metrics) return { ok: false, problem: { code: 'duplicate', metric } };
    if (!allowed.includes(value)) return { ok: false, problem: { code: 'value', metric, value, allowed } };
    metrics[metric] = value;
  }
  const missing = BASE_NAMES.filter((m) => !(m in metrics));
  if (missing.length) return { ok: false, problem: { code: 'missing', metrics: missing } };
  const baseScore = cvss31BaseScore(metrics as Record<BaseMetric, string>);
  return { ok: true, vector, metrics, baseScore, rating: cvssRating(baseScore) };
}

const WEIGHTS = {
  AV: { N: 0.85, A: 0.62, L: 0.55, P: 0.2 },
  AC: { L: 0.77, H: 0.44 },
  UI: { N: 0.85, R: 0.62 },
  CIA: { H: 0.56, L: 0.22, N: 0 },
} as const;

/** Privileges Required weighs more when the scope changes (specification, Table 16). */
function privilegesRequired(value: string, scopeChanged: boolean): number {
  if (value === 'N') return 0.85;
  if (value === 'L') return scopeChanged ? 0.68 : 0.62;
  return scopeChanged ? 0.5 : 0.27;
}

const weight = (table: Readonly<Record<string, number>>, value: string): number => table[value] ?? 0;

/**
 * The specification's Roundup (Appendix A): the smallest number with one decimal that is at least
 * the input, computed on integers so 4.000000000000001 rounds to 4.0, not 4.1.
 */
export function roundUp(value: number): number {
  const integer = Math.round(value * 100_000);
  return integer % 10_000 === 0 ? integer / 100_000 : (Math.floor(integer / 10_000) + 1) / 10;
}

/** Base score per CVSS v3.1 section 7.1. */
export function cvss31BaseScore(m: Readonly<Record<BaseMetric, string>>): number {
  const changed = m.S === 'C';
  const iss = 1 - (1 - weight(WEIGHTS.CIA, m.C)) * (1 - weight(WEIGHTS.CIA, m.I)) * (1 - weight(WEIGHTS.CIA, m.A));
  const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
  const exploitability =
    8.22 * weight(WEIGHTS.AV, m.AV) * weight(WEIGHTS.AC, m.AC) * privilegesRequired(m.PR, changed) * weight(WEIGHTS.UI, m.UI);
  if (impact <= 0) return 0;
  return changed ? roundUp(Math.min(1.08 * (impact + exploitability), 10)) : roundUp(Math.min(impact + exploitability, 10));
}

/** Qualitative severity rating scale (section 5). */
export function cvssRating(score: number): CvssRating {
  if (score === 0) return 'none';
  if (score < 4) return 'low';
  if (score < 7) return 'medium';
  if (score < 9) return 'high';
  return 'critical';
}
