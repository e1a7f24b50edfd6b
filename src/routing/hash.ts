import type { Manifest } from '../manifest/schema.js';

/** The views loaded on demand, each from its own chunk. */
export type LazyViewName = 'subprocessors' | 'faq' | 'documents' | 'updates' | 'search' | 'disclosure';

export type Route =
  | { view: 'overview' }
  | { view: 'disclosure' }
  | { view: 'policy'; policyId: string; headingId?: string | undefined }
  | { view: 'subprocessors' }
  | { view: 'faq'; entryId?: string | undefined }
  | { view: 'documents'; documentId?: string | undefined }
  | { view: 'updates'; policyId?: string | undefined }
  | { view: 'search'; query: string };

/** What a manifest has, and so which hashes are the trust center's. */
export interface Sections {
  policyIds: readonly string[];
  disclosure?: boolean;
  subprocessors?: boolean;
  faq?: boolean;
  documents?: boolean;
  updates?: boolean;
}

/** The sections a manifest fills: a view exists only when there is something to show in it. */
export function sectionsOf(manifest: Manifest): Sections {
  return {
    policyIds: manifest.policies.map((p) => p.id),
    disclosure: manifest.disclosure !== undefined,
    subprocessors: (manifest.subprocessors?.length ?? 0) > 0,
    faq: (manifest.faq?.length ?? 0) > 0,
    documents: (manifest.documents?.length ?? 0) > 0,
    updates: manifest.policies.some((p) => (p.changes?.length ?? 0) > 0),
  };
}

/**
 * Reads `#overview`, `#search/<query>`, a section (`#subprocessors`, `#faq[/<id>]`, `#documents[/<id>]`,
 * `#updates[/<policy-id>]`, `#disclosure`) when the manifest has it, `#<policy-id>` or
 * `#<policy-id>/<heading-id>`; undefined when the hash is not the trust center's.
 */
export function parseRoute(hash: string, sections: Sections): Route | undefined {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (raw === '') return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  const slash = decoded.indexOf('/');
  const head = slash === -1 ? decoded : decoded.slice(0, slash);
  const rest = slash === -1 ? undefined : decoded.slice(slash + 1) || undefined;
  switch (head) {
    case 'overview':
      if (rest === undefined) return { view: 'overview' };
      break;
    case 'search':
      return { view: 'search', query: rest ?? '' };
    case 'disclosure':
      if (sections.disclosure && rest === undefined) return { view: 'disclosure' };
      break;
    case 'subprocessors':
      if (sections.subprocessors && rest === undefined) return { view: 'subprocessors' };
      break;
    case 'faq':
      if (sections.faq) return { view: 'faq', entryId: rest };
      break;
    case 'documents':
      if (sections.documents) return { view: 'documents', documentId: rest };
      break;
    case 'updates':
      if (sections.updates) return { view: 'updates', policyId: rest && sections.policyIds.includes(rest) ? rest : undefined };
      break;
  }
  if (!sections.policyIds.includes(head)) return undefined;
  return { view: 'policy', policyId: head, headingId: rest };
}

/**
 * Reads `#overview`, `#disclosure` (when the manifest has a disclosure program), `#<policy-id>`
 * or `#<policy-id>/<heading-id>`; undefined when the hash is not the trust center's.
 */
export function parseHash(hash: string, policyIds: readonly string[], hasDisclosure = false): Route | undefined {
  return parseRoute(hash, { policyIds, disclosure: hasDisclosure });
}

export function policyHref(policyId: string, headingId?: string): string {
  return headingId ? `#${policyId}/${headingId}` : `#${policyId}`;
}

/** `#faq/encryption`, `#documents`, …: a section, optionally one item in it. */
export function sectionHref(section: 'overview' | 'subprocessors' | 'faq' | 'documents' | 'updates' | 'disclosure', item?: string): string {
  return item ? `#${section}/${item}` : `#${section}`;
}

/** `#search/<query>`, the query encoded so any text survives the round trip. */
export function searchHref(query: string): string {
  return `#search/${encodeURIComponent(query.trim())}`;
}

/** The chunk a route needs, if any. */
export function lazyViewOf(route: Route): LazyViewName | undefined {
  switch (route.view) {
    case 'overview':
    case 'policy':
      return undefined;
    default:
      return route.view;
  }
}

/** Every section, for reading a hash before the manifest says which it has. */
const ANY_SECTIONS: Sections = { policyIds: [], disclosure: true, subprocessors: true, faq: true, documents: true, updates: true };

/**
 * Before the manifest is known: the view the hash (else the `policy` attribute) most likely shows, so the
 * code it needs can load alongside the manifest. A hash that names no section is taken for a policy's.
 */
export function likelyView(hash: string, policy: string | null): 'overview' | 'policy' | LazyViewName {
  const route = parseRoute(hash, ANY_SECTIONS);
  if (route) return route.view === 'overview' ? 'overview' : (lazyViewOf(route) ?? 'policy');
  if (hash.replace(/^#/, '') !== '') return 'policy';
  return policy ? 'policy' : 'overview';
}

/**
 * From the manifest's policy ids alone, before the rest is checked: the policy the hash (else the `policy`
 * attribute) shows, so its file can load alongside the check; undefined for any other view.
 */
export function likelyPolicy(hash: string, policy: string | null, ids: readonly string[]): string | undefined {
  const route = parseRoute(hash, { ...ANY_SECTIONS, policyIds: ids });
  if (route) return route.view === 'policy' ? route.policyId : undefined;
  return policy !== null && ids.includes(policy) ? policy : undefined;
}
