// Identities a submission keeps across retries: its reference, its Idempotency-Key and a digest of what
// it says. Shared by the disclosure form and the document request form; no DOM, no element state.

// Crockford's base 32: no I, L, O or U, so a reference read aloud or retyped survives.
const REFERENCE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function randomBytes(n: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(n));
}

/** A browser-made reference like `TC-20261129-7F3K9Q` (prefix, UTC date, six random characters). */
export function createReference(now: Date, prefix = 'TC'): string {
  const date = now.toISOString().slice(0, 10).replace(/-/g, '');
  const random = Array.from(randomBytes(6), (b) => REFERENCE_ALPHABET[b % 32]).join('');
  return `${prefix}-${date}-${random}`;
}

/** A random (v4) UUID; crypto.randomUUID only exists in secure contexts. */
export function createUuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = randomBytes(16);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A short digest (FNV-1a) of a list of values: an edit after the identity was fixed changes it, which
 * gives the edited submission a new Idempotency-Key. Not a security measure.
 */
export function digestOf(values: readonly unknown[]): string {
  const canonical = JSON.stringify(values);
  let hash = 0x811c9dc5;
  for (let i = 0; i < canonical.length; i++) {
    hash ^= canonical.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${hash.toString(16).padStart(8, '0')}-${canonical.length}`;
}
