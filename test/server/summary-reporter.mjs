// Writes the run's totals (overall and per browser) and the failed tests to a file, so scripts/test.mjs can
// close with one line and the names of what failed (the last lines are what a CI log shows).
import { relative } from 'node:path';
import { writeFileSync } from 'node:fs';

function count(suite, totals, where, failures, path = []) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else {
      totals.failed++;
      const message = String(test.error?.message ?? 'failed').split('\n')[0].slice(0, 300);
      failures.push(`${where}: ${[...path, test.name].join(' › ')}: ${message}`);
    }
  }
  for (const child of suite?.suites ?? []) count(child, totals, where, failures, [...path, child.name]);
}

const empty = () => ({ passed: 0, failed: 0, skipped: 0, brokenFiles: 0 });

export function summaryReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { ...empty(), perBrowser: {}, failures: [] };
      for (const session of sessions) {
        const name = session.browser?.name ?? 'browser';
        const where = `${name} ${relative(process.cwd(), session.testFile)}`;
        const mine = (totals.perBrowser[name] ??= empty());
        const counted = empty();
        count(session.testResults, counted, where, totals.failures);
        if (!session.passed && (session.errors?.length ?? 0) > 0) {
          counted.brokenFiles++;
          totals.failures.push(`${where}: ${String(session.errors[0]?.message ?? 'the file did not run').split('\n')[0].slice(0, 300)}`);
        }
        for (const t of [totals, mine]) for (const key of Object.keys(counted)) t[key] += counted[key];
      }
      writeFileSync(file, JSON.stringify(totals));
    },
  };
}
