export type Route =
  | { view: 'overview' }
  | { view: 'disclosure' }
  | { view: 'policy'; policyId: string; headingId?: string | undefined };

/**
 * Reads `#overview`, `#disclosure` (when the manifest has a disclosure program), `#<policy-id>`
 * or `#<policy-id>/<heading-id>`; undefined when the hash is not the trust center's.
 */
export function parseHash(hash: string, policyIds: readonly string[], hasDisclosure = false): Route | undefined {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (raw === '') return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  if (decoded === 'overview') return { view: 'overview' };
  if (decoded === 'disclosure' && hasDisclosure) return { view: 'disclosure' };
  const slash = decoded.indexOf('/');
  const policyId = slash === -1 ? decoded : decoded.slice(0, slash);
  if (!policyIds.includes(policyId)) return undefined;
  const headingId = slash === -1 ? undefined : decoded.slice(slash + 1) || undefined;
  return { view: 'policy', policyId, headingId };
}

export function policyHref(policyId: string, headingId?: string): string {
  return headingId ? `#${policyId}/${headingId}` : `#${policyId}`;
}
