// Every policy change as one list, and which two versions each change can be compared between. Pure;
// the overview (recent updates), the policy page and the updates view share it.
import type { Manifest, Policy, PolicyChange } from '../manifest/schema.js';
import type { PolicySource } from '../i18n/localized-source.js';

/** A version of a policy's text: the current one (the policy itself) or one from its `history`. */
export interface PolicyVersionRef {
  updated: string;
  source?: PolicySource | undefined;
  content?: string | undefined;
}

export interface UpdateEntry {
  /** Unique within the list, stable across renders. */
  key: string;
  policy: Policy;
  change: PolicyChange;
  /** The version this change made and the one before it, when the manifest has both texts. */
  compare?: { previous: PolicyVersionRef; current: PolicyVersionRef } | undefined;
}

/** The policy's versions, newest first: the current text, then its history. */
export function versionsOf(policy: Policy): PolicyVersionRef[] {
  const history = [...(policy.history ?? [])].sort((a, b) => b.updated.localeCompare(a.updated));
  return [policy, ...history];
}

/** Every `changes[]` entry across the policies, newest first (ties keep manifest order). */
export function updateEntries(manifest: Manifest): UpdateEntry[] {
  const entries: UpdateEntry[] = [];
  for (const policy of manifest.policies) {
    const versions = versionsOf(policy);
    (policy.changes ?? []).forEach((change, index) => {
      const at = versions.findIndex((version) => version.updated === change.date);
      const previous = at >= 0 ? versions[at + 1] : undefined;
      entries.push({
        key: `${policy.id}/${index}`,
        policy,
        change,
        compare: previous ? { previous, current: versions[at]! } : undefined,
      });
    });
  }
  // Array.prototype.sort is stable: equal dates keep the order they were listed in.
  return entries.sort((a, b) => b.change.date.localeCompare(a.change.date));
}

/** The policy's newest change that can be compared with the version before it, if any. */
export function latestComparable(manifest: Manifest, policyId: string): UpdateEntry | undefined {
  return updateEntries(manifest).find((entry) => entry.policy.id === policyId && entry.compare);
}
