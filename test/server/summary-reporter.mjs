// Writes the run's totals (overall and per browser) to a file so scripts/test.mjs can print one closing line.
import { writeFileSync } from 'node:fs';

function count(suite, totals) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite?.suites ?? []) count(child, totals);
}

const empty = () => ({ passed: 0, failed: 0, skipped: 0, brokenFiles: 0 });

export function summaryReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { ...empty(), perBrowser: {} };
      for (const session of sessions) {
        const name = session.browser?.name ?? 'browser';
        const mine = (totals.perBrowser[name] ??= empty());
        for (const t of [totals, mine]) {
          count(session.testResults, t);
          if (!session.passed && (session.errors?.length ?? 0) > 0) t.brokenFiles++;
        }
      }
      writeFileSync(file, JSON.stringify(totals));
    },
  };
}
