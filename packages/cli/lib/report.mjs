// Problems as compilers print them, one per line, so editors and CI annotations can jump to them:
//   policies/manifest.json:12:18  policies[0].updated  expected a date YYYY-MM-DD, got "June 5"
//   policies/security.md:3:13  policies[0]  warning: leftover template text "This is a placeholder template"

import { isAbsolute, relative, sep } from 'node:path';

/** A path as the user would type it: relative to the working directory when inside it. */
export function displayPath(file, cwd = process.cwd()) {
  const rel = relative(cwd, file);
  const shown = rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel;
  return shown.split(sep).join('/');
}

/** A problem: { file, line, column, path, severity: 'error' | 'warning', message }. */
export function formatProblem(problem, cwd) {
  const where = `${displayPath(problem.file, cwd)}:${problem.line}:${problem.column}`;
  const prefix = problem.severity === 'warning' ? 'warning: ' : '';
  return `${where}  ${problem.path || '(root)'}  ${prefix}${problem.message}`;
}

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function summaryLine(problems) {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

/** By file (in `fileOrder`, then in the order first reported), then line and column. */
export function sortProblems(problems, fileOrder = []) {
  const rank = new Map();
  for (const file of fileOrder) if (!rank.has(file)) rank.set(file, rank.size);
  for (const p of problems) if (!rank.has(p.file)) rank.set(p.file, rank.size);
  return [...problems].sort(
    (a, b) => rank.get(a.file) - rank.get(b.file) || a.line - b.line || a.column - b.column,
  );
}
