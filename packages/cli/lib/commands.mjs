// The two commands, on parsed arguments.

import { formatProblem, sortProblems, summaryLine } from './report.mjs';
import { resolveManifestPath, validateManifest } from './validate.mjs';

const EXIT_OK = 0;
const EXIT_PROBLEMS = 1;
const EXIT_USAGE = 2;

export class UsageError extends Error {
  name = 'UsageError';
}

/** Prints problems and the summary; returns whether they fail the run. */
export function printProblems(problems, fileOrder, { out }, strict) {
  for (const problem of sortProblems(problems, fileOrder)) out(formatProblem(problem));
  out(summaryLine(problems));
  const errors = problems.some((p) => p.severity === 'error');
  return errors || (strict && problems.length > 0);
}

export async function runValidate(args, dist, io) {
  const manifestPath = await resolveManifestPath(args.positionals[0]);
  const securityTxt = args.values['no-security-txt'] ? false : args.values['security-txt'];
  const result = await validateManifest({ manifestPath, dist: dist.manifest, securityTxt });
  if (result.fatal) {
    io.err(`trust-center validate: ${result.fatal}`);
    return EXIT_USAGE;
  }
  return printProblems(result.problems, result.fileOrder, io, args.values.strict) ? EXIT_PROBLEMS : EXIT_OK;
}

/** `build`, or with `command` "compile" only the policies folder and its compiled manifest. */
export async function runBuild(args, dist, io, command = 'build') {
  const { buildSite, buildOptions } = await import('./build.mjs');
  const compileOnly = command === 'compile';
  // compile writes no page, so no URL of the site goes into anything it writes.
  const values = compileOnly ? { out: args.values.out, site: 'https://compile.invalid/' } : args.values;
  const options = { ...buildOptions(values, new Date()), compileOnly };
  const manifestPath = await resolveManifestPath(args.positionals[0] ?? 'policies');
  const result = await validateManifest({ manifestPath, dist: dist.manifest, securityTxt: false });
  if (result.fatal) {
    io.err(`trust-center ${command}: ${result.fatal}`);
    return EXIT_USAGE;
  }
  const failed = printProblems(result.problems, result.fileOrder, io, args.values.strict);
  if (failed || !result.manifest) {
    io.err(`trust-center ${command}: nothing written; fix the problems above first`);
    return EXIT_PROBLEMS;
  }
  const built = await buildSite({ ...options, strict: Boolean(args.values.strict), manifestPath, validation: result, dist });
  if (built.aborted) {
    for (const note of built.notes) io.out(note);
    printProblems(built.problems, [manifestPath], io, args.values.strict);
    io.err(`trust-center ${command}: nothing written; fix the problems above first`);
    return EXIT_PROBLEMS;
  }
  for (const note of built.notes) io.out(note);
  // Only warnings can be left here (errors, and with --strict warnings, abort above).
  if (built.problems.length > 0) printProblems(built.problems, [manifestPath], io, false);
  io.out(`wrote ${built.files.length} files to ${built.outDisplay}`);
  return EXIT_OK;
}
