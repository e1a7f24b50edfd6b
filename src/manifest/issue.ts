// Apart from validate.ts so the elements can show issues without loading the validator (a lazy chunk).

/** One problem in a manifest. `path` is like "policies[1].updated" or "organization.name"; "" is the root. */
export interface ManifestIssue {
  path: string;
  message: string;
}

/** "policies[1].updated: expected a date YYYY-MM-DD, got "June 5"", or just the message for the root. */
export function formatIssue(issue: ManifestIssue): string {
  return issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`;
}
