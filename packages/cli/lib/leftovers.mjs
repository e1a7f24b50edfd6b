// Template text that should not survive into a published policy.

// Each pattern matches what to quote in the warning; the first match wins at a given position.
const PATTERNS = [
  /this is a placeholder template/giu,
  /placeholder template/giu,
  /replace with your finali[sz]ed policy/giu,
  /lorem ipsum/giu,
  /\b(?:TODO|FIXME|TBD)\b/gu,
  // Cloudflare's e-mail obfuscation, copied from a rendered page: "[email protected]", where the
  // space is often a NON-BREAKING SPACE (U+00A0). Markdown may escape the brackets.
  /\\?\[email[\s\u00a0]+protected\\?\]/giu,
];

/** Every leftover in `text`: [{ index, match }], in text order, overlapping matches dropped. */
export function findLeftovers(text) {
  const found = [];
  for (const pattern of PATTERNS) {
    pattern.lastIndex = 0;
    for (const m of text.matchAll(pattern)) found.push({ index: m.index, match: m[0] });
  }
  found.sort((a, b) => a.index - b.index || b.match.length - a.match.length);
  const kept = [];
  let end = -1;
  for (const item of found) {
    if (item.index < end) continue;
    kept.push(item);
    end = item.index + item.match.length;
  }
  return kept;
}

/** The match as it can be shown on one line: a non-breaking space made visible. */
export function showLeftover(match) {
  return JSON.stringify(match).replace(/\u00a0/g, '\\u00a0');
}
