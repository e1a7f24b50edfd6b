// security.txt (RFC 9116): writing one, and a strict reading of one.

import { describeCharacter, isBidiControl, LINE_BREAK, UNSAFE_CHARACTERS } from './characters.mjs';
import { addOneYear, formatInstant } from './dates.mjs';

/** The fields RFC 9116 defines (section 2.5) plus CSAF, registered in the IANA security.txt registry. */
export const KNOWN_FIELDS = [
  'Acknowledgments',
  'Canonical',
  'Contact',
  'CSAF',
  'Encryption',
  'Expires',
  'Hiring',
  'Policy',
  'Preferred-Languages',
];

/** Schemes each URI field may use; "https:" is the only web scheme RFC 9116 allows. */
const SCHEMES = {
  acknowledgments: ['https:'],
  canonical: ['https:'],
  contact: ['https:', 'mailto:', 'tel:'],
  csaf: ['https:'],
  encryption: ['https:', 'dns:', 'openpgp4fpr:'],
  hiring: ['https:'],
  policy: ['https:'],
};

/**
 * The text of a security.txt. `fields`: { contact: string[], expires: Date, encryption?, policy?,
 * preferredLanguages?: string[], canonical?: string[], comment?: string }. Fields are written one per
 * line, LF line endings, in the order RFC 9116's examples use.
 */
export function buildSecurityTxt(fields) {
  const lines = [];
  if (fields.comment) for (const line of fields.comment.split('\n')) lines.push(`# ${line}`.trimEnd());
  for (const contact of fields.contact) lines.push(`Contact: ${contact}`);
  lines.push(`Expires: ${formatInstant(fields.expires)}`);
  if (fields.encryption) lines.push(`Encryption: ${fields.encryption}`);
  if (fields.policy) lines.push(`Policy: ${fields.policy}`);
  if (fields.preferredLanguages?.length) lines.push(`Preferred-Languages: ${fields.preferredLanguages.join(', ')}`);
  for (const canonical of fields.canonical ?? []) lines.push(`Canonical: ${canonical}`);
  return lines.join('\n') + '\n';
}

// RFC 3339 section 5.6 date-time.
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

function parseDateTime(text) {
  const m = DATE_TIME.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  // A leap second (:60) is allowed by RFC 3339; it lands on the next second.
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  if (m[8] && (Number(m[9]) > 23 || Number(m[10]) > 59)) return undefined;
  const parsed = new Date(text.toUpperCase());
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

function isLanguageTag(tag) {
  if (!/^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/.test(tag)) return false;
  try {
    Intl.getCanonicalLocales(tag);
    return true;
  } catch {
    return false;
  }
}

function editDistance(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => i + j));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The registered field an unknown name was probably meant to be ("Contacts", "Expire", "Encyption"). */
function nearMiss(name) {
  const lower = name.toLowerCase();
  let best;
  let bestDistance = Infinity;
  for (const known of KNOWN_FIELDS) {
    const k = known.toLowerCase();
    const limit = k.length <= 5 ? 1 : 2;
    const distance = editDistance(lower, k);
    const plural = lower === `${k}s` || `${lower}s` === k;
    if ((distance <= limit || plural) && distance < bestDistance) {
      best = known;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * The lines of the text, 1-based, each with the break that ends it ('' for a last line without one). Every
 * Unicode line break ends a line, as the most lenient readers take it, so no field can hide after one.
 */
function splitLines(text) {
  const lines = [];
  let start = 0;
  for (const m of text.matchAll(new RegExp(LINE_BREAK.source, 'g'))) {
    lines.push({ number: lines.length + 1, text: text.slice(start, m.index), end: m[0] });
    start = m.index + m[0].length;
  }
  if (start < text.length) lines.push({ number: lines.length + 1, text: text.slice(start), end: '' });
  return lines;
}

/** The lines that hold fields, after taking apart an OpenPGP cleartext signature. */
function bodyLines(lines, problems) {
  const firstContent = lines.findIndex((l) => l.text.trim() !== '');
  if (firstContent < 0 || lines[firstContent].text !== '-----BEGIN PGP SIGNED MESSAGE-----') return { lines, signed: false };
  // RFC 4880 section 7: armor headers ("Hash: …"), an empty line, the dash-escaped text, the signature.
  let i = firstContent + 1;
  while (i < lines.length && lines[i].text !== '') i++;
  const start = i + 1;
  const end = lines.findIndex((l, index) => index >= start && l.text === '-----BEGIN PGP SIGNATURE-----');
  if (end < 0) {
    problems.push({ line: lines[firstContent].number, column: 1, field: '', severity: 'error', message: 'signed, but no "-----BEGIN PGP SIGNATURE-----" follows the text' });
    return { lines: [], signed: true };
  }
  const signatureEnd = lines.findIndex((l, index) => index > end && l.text === '-----END PGP SIGNATURE-----');
  if (signatureEnd < 0) {
    problems.push({ line: lines[end].number, column: 1, field: '', severity: 'error', message: 'the signature has no "-----END PGP SIGNATURE-----"' });
  } else if (lines.slice(signatureEnd + 1).some((l) => l.text.trim() !== '')) {
    problems.push({ line: lines[signatureEnd + 1].number, column: 1, field: '', severity: 'error', message: 'text after the signature is not covered by it' });
  }
  const body = lines.slice(start, end).map((l) => ({
    number: l.number,
    text: l.text.startsWith('- ') ? l.text.slice(2) : l.text,
    offset: l.text.startsWith('- ') ? 2 : 0,
  }));
  return { lines: body, signed: true };
}

/**
 * Checks a security.txt against a strict reading of RFC 9116.
 * options: { now?: Date, url?: string (where the file is served; Canonical must name it) }.
 * Returns { problems: [{ line, column, field, severity, message }], fields: [{ name, value, line }] }.
 */
export function checkSecurityTxt(text, options = {}) {
  const now = options.now ?? new Date();
  const problems = [];
  const fields = [];
  const error = (line, column, field, message) => problems.push({ line, column, field, severity: 'error', message });
  const warning = (line, column, field, message) => problems.push({ line, column, field, severity: 'warning', message });

  if (text.charCodeAt(0) === 0xfeff) error(1, 1, '', 'starts with a byte-order mark; RFC 9116 files are plain UTF-8 without one');
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const allLines = splitLines(body);
  const replaced = allLines.find((l) => l.text.includes('\ufffd'));
  if (replaced) error(replaced.number, 1, '', 'not valid UTF-8 (or contains U+FFFD)');
  for (const { number, text: line, end } of allLines) {
    // Line endings: CRLF or LF (section 4, "eol"). Any other break is an error, then read as a break.
    if (end === '\r') error(number, line.length + 1, '', 'a carriage return (CR) not followed by a line feed; lines end with CRLF or LF');
    else if (end !== '' && end !== '\n' && end !== '\r\n') {
      error(number, line.length + 1, '', `${describeCharacter(end)} ends the line for some readers and not for others, so the text after it can pass for a field of its own; lines end with CRLF or LF`);
    }
    // TAB is white space here (WSP); every other control, and a bidi control, is an error.
    const bad = [...line.matchAll(UNSAFE_CHARACTERS)].find((m) => m[0] !== '\t');
    if (bad && isBidiControl(bad[0])) error(number, bad.index + 1, '', `${describeCharacter(bad[0])} can make the line show in another order than it is read`);
    else if (bad) error(number, bad.index + 1, '', `${describeCharacter(bad[0])} is not allowed`);
  }
  if (body.trim() === '') {
    error(1, 1, '', 'empty file: "Contact" and "Expires" are required');
    return { problems, fields };
  }
  if (!body.endsWith('\n')) {
    const last = allLines[allLines.length - 1];
    error(last.number, last.text.length + (last.end === '' ? 1 : 2), '', 'the last line does not end with a line break (every line ends with CRLF or LF)');
  }

  const { lines } = bodyLines(allLines, problems);
  for (const { number, text: line, offset = 0 } of lines) {
    const col = (c) => c + offset;
    if (/^[\t ]*$/.test(line)) continue; // an empty line (eol = *WSP [CR] LF)
    if (line.startsWith('#')) continue;
    if (/^[\t ]/.test(line)) {
      error(number, col(1), '', 'a line starts with whitespace; fields start at the beginning of the line (no folding)');
      continue;
    }
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon);
    if (colon < 0) {
      error(number, col(1), '', `not a field ("Name: value") or a comment ("# …")`);
      continue;
    }
    const firstWord = /^([A-Za-z0-9-]+)[ \t]/.exec(name);
    if (firstWord) {
      error(number, col(firstWord[1].length + 1), firstWord[1], `expected ":" right after the field name "${firstWord[1]}"`);
      continue;
    }
    if (!/^[A-Za-z0-9-]+$/.test(name)) {
      error(number, col(1), name, `invalid field name ${JSON.stringify(name)}: letters, digits and "-" only, then ":"`);
      continue;
    }
    const rest = line.slice(colon + 1);
    if (!rest.startsWith(' ') || rest.startsWith('  ') || rest.startsWith(' \t')) {
      error(number, col(colon + 2), name, 'expected exactly one space after ":"');
    }
    const value = rest.replace(/^[ \t]+/, '').replace(/[ \t]+$/, '');
    const valueColumn = col(colon + 2 + (rest.length - rest.replace(/^[ \t]+/, '').length));
    const known = KNOWN_FIELDS.find((k) => k.toLowerCase() === name.toLowerCase());
    if (!known) {
      const meant = nearMiss(name);
      if (meant) error(number, col(1), name, `unknown field "${name}"; did you mean "${meant}"?`);
      else warning(number, col(1), name, `unknown field "${name}" (allowed as an extension, but no reader will use it)`);
      fields.push({ name, value, line: number, column: valueColumn });
      continue;
    }
    fields.push({ name: known, value, line: number, column: valueColumn });
    if (value === '') {
      error(number, valueColumn, known, 'empty value');
      continue;
    }
    const schemes = SCHEMES[known.toLowerCase()];
    if (schemes) {
      checkUri(value, schemes, known, number, valueColumn, error);
    } else if (known === 'Expires') {
      const instant = parseDateTime(value);
      if (!instant) {
        error(number, valueColumn, known, `expected an RFC 3339 date-time like "2027-01-31T23:59:59Z", got ${JSON.stringify(value)}`);
      } else if (instant.getTime() <= now.getTime()) {
        error(number, valueColumn, known, `expired on ${value}; the file must not be used after that`);
      } else if (instant.getTime() > addOneYear(now).getTime()) {
        error(number, valueColumn, known, `${value} is more than a year away; RFC 9116 asks for less than a year`);
      }
    } else if (known === 'Preferred-Languages') {
      const tags = value.split(',').map((t) => t.trim());
      const badTag = tags.find((t) => !isLanguageTag(t));
      if (badTag !== undefined) {
        error(number, valueColumn, known, `expected comma-separated language tags like "en, de", got ${JSON.stringify(badTag)}`);
      }
    }
  }

  const named = (name) => fields.filter((f) => f.name === name);
  const firstLine = lines[0]?.number ?? 1;
  if (named('Contact').length === 0) error(firstLine, 1, 'Contact', 'missing "Contact": at least one is required');
  const expires = named('Expires');
  if (expires.length === 0) error(firstLine, 1, 'Expires', 'missing "Expires": exactly one is required');
  for (const extra of expires.slice(1)) error(extra.line, 1, 'Expires', `"Expires" given again (first on line ${expires[0].line}); exactly one is allowed`);
  const languages = named('Preferred-Languages');
  for (const extra of languages.slice(1)) {
    error(extra.line, 1, 'Preferred-Languages', `"Preferred-Languages" given again (first on line ${languages[0].line}); at most one is allowed`);
  }
  const canonical = named('Canonical');
  if (options.url !== undefined) {
    if (canonical.length > 0 && !canonical.some((c) => sameUrl(c.value, options.url))) {
      error(canonical[0].line, canonical[0].column, 'Canonical', `none of the Canonical URIs is where this file is served (${options.url})`);
    }
  }
  for (const c of canonical) {
    const path = safeUrl(c.value)?.pathname;
    if (path !== undefined && path !== '/.well-known/security.txt' && path !== '/security.txt') {
      error(c.line, c.column, 'Canonical', `a security.txt lives at /.well-known/security.txt, not ${path}`);
    } else if (path === '/security.txt') {
      warning(c.line, c.column, 'Canonical', '/security.txt is the legacy location; serve it at /.well-known/security.txt');
    }
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { problems, fields };
}

function safeUrl(text) {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

function sameUrl(a, b) {
  return safeUrl(a)?.href === safeUrl(b)?.href && safeUrl(a) !== undefined;
}

function checkUri(value, schemes, field, line, column, error) {
  // RFC 3986: no spaces, no angle brackets or quotes; one URI per line.
  const bad = /[\s<>"{}|\\^`]/.exec(value);
  if (bad) {
    error(line, column + bad.index, field, `not a URI: ${JSON.stringify(bad[0])} is not allowed (one URI per line)`);
    return;
  }
  const url = safeUrl(value);
  if (!url) {
    error(line, column, field, `not an absolute URI: ${JSON.stringify(value)}`);
    return;
  }
  if (!schemes.includes(url.protocol)) {
    const allowed = schemes.map((s) => (s === 'https:' ? 'https://' : s)).join(', ');
    error(line, column, field, url.protocol === 'http:' ? `must be an https:// URI, got ${JSON.stringify(value)}` : `expected a URI starting with ${allowed}, got ${JSON.stringify(value)}`);
    return;
  }
  if (url.protocol === 'mailto:' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(decodeURIComponentSafe(url.pathname))) {
    error(line, column, field, `not an e-mail address: ${JSON.stringify(value)}`);
  }
}

function decodeURIComponentSafe(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
