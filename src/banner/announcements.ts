import type { BannerManifest, BannerPolicy } from './banner-manifest.js';

const DAY_MS = 86_400_000;

/** Whole days from a manifest date (a calendar day) to the visitor's local calendar day of `now`. */
export function daysSince(isoDate: string, now: Date): number {
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((today - Date.parse(`${isoDate}T00:00:00Z`)) / DAY_MS);
}

/**
 * The watched policies the visitor has not seen: updated after the version they saw, or, never having
 * seen one, updated less than `recentDays` ago. A seen version equal or later (a rollback) is not news.
 */
export function announcements(manifest: BannerManifest, seen: Record<string, string>, now: Date): BannerPolicy[] {
  return manifest.policies.filter((policy) => {
    if (manifest.watched && !manifest.watched.includes(policy.id)) return false;
    // YYYY-MM-DD strings order as dates do.
    return Object.hasOwn(seen, policy.id)
      ? policy.updated > seen[policy.id]!
      : daysSince(policy.updated, now) < manifest.recentDays;
  });
}

/** The most recently updated of the policies (the first listed among equals): where "Review changes" goes. */
export function latest(policies: readonly BannerPolicy[]): BannerPolicy | undefined {
  return policies.reduce<BannerPolicy | undefined>((best, policy) => (!best || policy.updated > best.updated ? policy : best), undefined);
}
