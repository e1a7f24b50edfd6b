import type { ComplianceItem, ComplianceStatus } from '../manifest/schema.js';

/** What a badge says: the manifest's status, unless the certificate's `expires` day has passed. */
export type ComplianceBadge = ComplianceStatus | 'expired';

/** Today in the reader's calendar, YYYY-MM-DD: a certificate is valid through its `expires` day where they are. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function complianceBadge(item: ComplianceItem, today: string): ComplianceBadge {
  return item.expires !== undefined && item.expires < today ? 'expired' : item.status;
}
