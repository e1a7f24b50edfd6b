// The strict RFC 9116 reader, on good and bad files, and what `build` writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSecurityTxt, checkSecurityTxt } from '../../packages/cli/lib/security-txt.mjs';
import { FIXTURES, ROOT } from './helpers.mjs';

const NOW = new Date('2026-06-01T12:00:00Z');
const EXPIRES = 'Expires: 2027-01-31T23:59:59Z';
const CANONICAL = 'https://northwind.example/.well-known/security.txt';
const read = (name) => readFileSync(join(ROOT, FIXTURES, 'security-txt', name), 'utf8');

/** "line:column field severity: message" for each problem. */
const check = (text, options = {}) =>
  checkSecurityTxt(text, { now: NOW, ...options }).problems.map(
    (p) => `${p.line}:${p.column} ${p.field || '-'} ${p.severity}: ${p.message}`,
  );

test('good files: LF, CRLF, every registered field, a cleartext-signed file', () => {
  assert.deepEqual(check(read('good-lf.txt'), { url: CANONICAL }), []);
  assert.deepEqual(check(read('good-crlf.txt'), { url: CANONICAL }), []);
  assert.deepEqual(check(read('good-signed.txt'), { url: CANONICAL }), []);
  const fields = checkSecurityTxt(read('good-lf.txt'), { now: NOW }).fields.map((f) => f.name);
  assert.deepEqual(fields, ['Contact', 'Contact', 'Contact', 'Expires', 'Encryption', 'Acknowledgments', 'Policy', 'Hiring', 'Preferred-Languages', 'Canonical']);
  // Field names are case-insensitive (ABNF strings).
  assert.deepEqual(check(`contact: mailto:a@b.example\nEXPIRES: 2027-01-31T23:59:59Z\n`), []);
});

test('required fields: at least one Contact, exactly one Expires', () => {
  assert.deepEqual(check(`${EXPIRES}\n`), ['1:1 Contact error: missing "Contact": at least one is required']);
  assert.deepEqual(check('Contact: mailto:a@b.example\n'), ['1:1 Expires error: missing "Expires": exactly one is required']);
  assert.deepEqual(check(`Contact: mailto:a@b.example\n${EXPIRES}\n${EXPIRES}\n`), [
    '3:1 Expires error: "Expires" given again (first on line 2); exactly one is allowed',
  ]);
  assert.deepEqual(check(''), ['1:1 - error: empty file: "Contact" and "Expires" are required']);
  assert.deepEqual(check('Contact: mailto:a@b.example\nExpires: 2027-01-31T23:59:59Z\nPreferred-Languages: en\nPreferred-Languages: de\n'), [
    '4:1 Preferred-Languages error: "Preferred-Languages" given again (first on line 3); at most one is allowed',
  ]);
});

test('Expires: an RFC 3339 date-time, in the future, less than a year away', () => {
  const contact = 'Contact: mailto:a@b.example\n';
  assert.deepEqual(check(`${contact}Expires: 2026-05-31T00:00:00Z\n`), [
    '2:10 Expires error: expired on 2026-05-31T00:00:00Z; the file must not be used after that',
  ]);
  assert.deepEqual(check(`${contact}Expires: 2027-06-02T00:00:00Z\n`), [
    '2:10 Expires error: 2027-06-02T00:00:00Z is more than a year away; RFC 9116 asks for less than a year',
  ]);
  for (const bad of ['2027-01-31', '31 Jan 2027', '2027-02-30T00:00:00Z', '2027-01-31T24:00:00Z', '2027-01-31 23:59:59Z']) {
    assert.deepEqual(check(`${contact}Expires: ${bad}\n`), [
      `2:10 Expires error: expected an RFC 3339 date-time like "2027-01-31T23:59:59Z", got ${JSON.stringify(bad)}`,
    ]);
  }
  assert.deepEqual(check(`${contact}Expires: 2027-01-31T23:59:59.5+05:30\n`), []);
});

test('URIs: https only for web URIs; mailto and tel for Contact; one URI per line', () => {
  assert.deepEqual(check(`Contact: http://northwind.example/security\n${EXPIRES}\n`), [
    '1:10 Contact error: must be an https:// URI, got "http://northwind.example/security"',
  ]);
  assert.deepEqual(check(`Contact: security@northwind.example\n${EXPIRES}\n`), [
    '1:10 Contact error: not an absolute URI: "security@northwind.example"',
  ]);
  assert.deepEqual(check(`Contact: mailto:a@b.example, mailto:c@d.example\n${EXPIRES}\n`), [
    '1:29 Contact error: not a URI: " " is not allowed (one URI per line)',
  ]);
  assert.deepEqual(check(`Contact: mailto:a@b.example\n${EXPIRES}\nPolicy: mailto:a@b.example\nEncryption: ftp://k.example/key\n`), [
    '3:9 Policy error: expected a URI starting with https://, got "mailto:a@b.example"',
    '4:13 Encryption error: expected a URI starting with https://, dns:, openpgp4fpr:, got "ftp://k.example/key"',
  ]);
  assert.deepEqual(check(`Contact: mailto:nobody\n${EXPIRES}\n`), ['1:10 Contact error: not an e-mail address: "mailto:nobody"']);
});

test('syntax: one space after the colon, no folding, no typos in field names, comments', () => {
  assert.deepEqual(check(`Contact:mailto:a@b.example\n${EXPIRES}\n`), ['1:9 Contact error: expected exactly one space after ":"']);
  assert.deepEqual(check(`Contact:  mailto:a@b.example\n${EXPIRES}\n`), ['1:9 Contact error: expected exactly one space after ":"']);
  assert.deepEqual(check(`Contact: mailto:a@b.example\n  ${EXPIRES}\n`), [
    '1:1 Expires error: missing "Expires": exactly one is required',
    '2:1 - error: a line starts with whitespace; fields start at the beginning of the line (no folding)',
  ]);
  assert.deepEqual(check(`Contact mailto:a@b.example\n${EXPIRES}\n`), [
    '1:1 Contact error: missing "Contact": at least one is required',
    '1:8 Contact error: expected ":" right after the field name "Contact"',
  ]);
  assert.deepEqual(check(`Contact\n${EXPIRES}\n`), [
    '1:1 - error: not a field ("Name: value") or a comment ("# …")',
    '1:1 Contact error: missing "Contact": at least one is required',
  ]);
  assert.deepEqual(check(`Contacts: mailto:a@b.example\nContact: mailto:a@b.example\nExpire: 2027-01-31T23:59:59Z\nEncyption: https://k.example/key\nPrefered-Languages: en\n${EXPIRES}\n`), [
    '1:1 Contacts error: unknown field "Contacts"; did you mean "Contact"?',
    '3:1 Expire error: unknown field "Expire"; did you mean "Expires"?',
    '4:1 Encyption error: unknown field "Encyption"; did you mean "Encryption"?',
    '5:1 Prefered-Languages error: unknown field "Prefered-Languages"; did you mean "Preferred-Languages"?',
  ]);
  assert.deepEqual(check(`Contact: mailto:a@b.example\n${EXPIRES}\nX-Bug-Bounty: none, sorry\n# a comment: with a colon\n\n   \n`), [
    '3:1 X-Bug-Bounty warning: unknown field "X-Bug-Bounty" (allowed as an extension, but no reader will use it)',
  ]);
  assert.deepEqual(check(`Contact: mailto:a@b.example\n${EXPIRES}\nPreferred-Languages: en; de\n`), [
    '3:22 Preferred-Languages error: expected comma-separated language tags like "en, de", got "en; de"',
  ]);
});

test('line endings: CRLF or LF, a line break after the last line, no lone CR, no BOM', () => {
  assert.deepEqual(check(`Contact: mailto:a@b.example\r\n${EXPIRES}`), [
    '2:30 - error: the last line does not end with a line break (every line ends with CRLF or LF)',
  ]);
  // A lone CR is an error, then read as a line break so nothing else cascades from it.
  assert.deepEqual(check(`Contact: mailto:a@b.example\r${EXPIRES}\n`), [
    '1:28 - error: a carriage return (CR) not followed by a line feed; lines end with CRLF or LF',
  ]);
  assert.deepEqual(check(`\ufeffContact: mailto:a@b.example\n${EXPIRES}\n`), [
    '1:1 - error: starts with a byte-order mark; RFC 9116 files are plain UTF-8 without one',
  ]);
});

test('Canonical: must name where the file is served, at /.well-known/security.txt', () => {
  const base = `Contact: mailto:a@b.example\n${EXPIRES}\n`;
  assert.deepEqual(check(`${base}Canonical: ${CANONICAL}\n`, { url: CANONICAL }), []);
  assert.deepEqual(check(`${base}Canonical: https://other.example/.well-known/security.txt\n`, { url: CANONICAL }), [
    `3:12 Canonical error: none of the Canonical URIs is where this file is served (${CANONICAL})`,
  ]);
  assert.deepEqual(check(`${base}Canonical: https://northwind.example/security/contact.txt\n`), [
    '3:12 Canonical error: a security.txt lives at /.well-known/security.txt, not /security/contact.txt',
  ]);
  assert.deepEqual(check(`${base}Canonical: https://northwind.example/security.txt\n`), [
    '3:12 Canonical warning: /security.txt is the legacy location; serve it at /.well-known/security.txt',
  ]);
});

test('a signed file needs its signature block', () => {
  assert.deepEqual(check(`-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nContact: mailto:a@b.example\n${EXPIRES}\n`), [
    '1:1 - error: signed, but no "-----BEGIN PGP SIGNATURE-----" follows the text',
    '1:1 Contact error: missing "Contact": at least one is required',
    '1:1 Expires error: missing "Expires": exactly one is required',
  ]);
});

test('what buildSecurityTxt writes passes the strict reading', () => {
  const text = buildSecurityTxt({
    comment: 'Security contact of Northwind Robotics.',
    contact: ['https://northwind.example/trust/#disclosure', 'mailto:security@northwind.example'],
    expires: new Date('2027-05-31T00:00:00Z'),
    encryption: 'https://northwind.example/policies/key.asc',
    policy: 'https://northwind.example/trust/security/',
    preferredLanguages: ['en', 'de'],
    canonical: [CANONICAL],
  });
  assert.equal(
    text,
    [
      '# Security contact of Northwind Robotics.',
      'Contact: https://northwind.example/trust/#disclosure',
      'Contact: mailto:security@northwind.example',
      'Expires: 2027-05-31T00:00:00Z',
      'Encryption: https://northwind.example/policies/key.asc',
      'Policy: https://northwind.example/trust/security/',
      'Preferred-Languages: en, de',
      `Canonical: ${CANONICAL}`,
      '',
    ].join('\n'),
  );
  assert.deepEqual(check(text, { url: CANONICAL }), []);
});

test('every Unicode line break ends a line, so an injected field is seen; each one but CRLF and LF is an error', () => {
  for (const [character, name] of [
    ['\u2028', 'U+2028 LINE SEPARATOR'],
    ['\u2029', 'U+2029 PARAGRAPH SEPARATOR'],
    ['\u0085', 'U+0085 NEXT LINE'],
    ['\u000b', 'U+000B LINE TABULATION'],
    ['\u000c', 'U+000C FORM FEED'],
  ]) {
    const text = `# Security contact of Northwind${character}Contact: mailto:attacker@evil.example\nContact: mailto:a@b.example\n${EXPIRES}\n`;
    assert.deepEqual(check(text), [
      `1:32 - error: ${name} ends the line for some readers and not for others, so the text after it can pass for a field of its own; lines end with CRLF or LF`,
    ]);
    // Read as the lenient readers read it: the attacker's Contact comes first, on a line of its own.
    assert.deepEqual(checkSecurityTxt(text, { now: NOW }).fields.slice(0, 2).map((f) => [f.line, f.value]), [
      [2, 'mailto:attacker@evil.example'],
      [3, 'mailto:a@b.example'],
    ]);
  }
});

test('control characters and bidi controls anywhere are errors at their line and column; TAB is not', () => {
  assert.deepEqual(
    check(`# a comment\u0001\nContact: mailto:a@b.example\u202e\n${EXPIRES}\n# \u2066isolated\u2069\n#\ta tab, then C1 \u009b here\n`),
    [
      '1:12 - error: U+0001 (a control character) is not allowed',
      '2:28 - error: U+202E RIGHT-TO-LEFT OVERRIDE can make the line show in another order than it is read',
      '4:3 - error: U+2066 LEFT-TO-RIGHT ISOLATE can make the line show in another order than it is read',
      '5:18 - error: U+009B (a control character) is not allowed',
    ],
  );
});

test('a security.txt written from a name with a line separator fails the check the build runs on it', () => {
  const text = buildSecurityTxt({
    comment: 'Security contact of Northwind\u2028Contact: mailto:attacker@evil.example',
    contact: ['mailto:security@northwind.example'],
    expires: new Date('2027-05-31T00:00:00Z'),
  });
  assert.deepEqual(check(text), [
    '1:32 - error: U+2028 LINE SEPARATOR ends the line for some readers and not for others, so the text after it can pass for a field of its own; lines end with CRLF or LF',
  ]);
});
