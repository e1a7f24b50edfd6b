// `trust-center validate` end to end: every broken fixture reports its message at its line:column.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, ROOT, copyCliPackage, isoDay, run, tempDir } from './helpers.mjs';

const broken = (name) => `${FIXTURES}/broken/${name}`;
const today = new Date().toISOString().slice(0, 10);

/** fixture → the exact output lines (problems, then the summary) and the exit code. */
const CASES = [
  {
    name: 'wrong date',
    file: 'wrong-date.json',
    code: 1,
    lines: [`${broken('wrong-date.json')}:8:18  policies[0].updated  expected a date YYYY-MM-DD, got "June 5"`, '1 error, 0 warnings'],
  },
  {
    name: 'date not in the calendar',
    file: 'unreal-date.json',
    code: 1,
    lines: [`${broken('unreal-date.json')}:8:18  policies[0].updated  expected a real calendar date, got "2026-02-30"`, '1 error, 0 warnings'],
  },
  {
    name: 'missing source file',
    file: 'missing-source.json',
    code: 1,
    lines: [
      `${broken('missing-source.json')}:9:17  policies[0].source  cannot read "missing.md": no such file (${broken('missing.md')})`,
      '1 error, 0 warnings',
    ],
  },
  {
    name: 'missing earlier version and public document',
    file: 'missing-version-files.json',
    code: 1,
    lines: [
      `${broken('missing-version-files.json')}:10:56  policies[0].history[0].source  cannot read "missing-old.md": no such file (${broken('missing-old.md')})`,
      `${broken('missing-version-files.json')}:13:89  documents[0].url  cannot read "missing.pdf": no such file (${broken('missing.pdf')})`,
      '2 errors, 0 warnings',
    ],
  },
  {
    name: 'duplicate policy id',
    file: 'duplicate-id.json',
    code: 1,
    lines: [`${broken('duplicate-id.json')}:6:13  policies[1].id  duplicate id "security" (also policies[0].id)`, '1 error, 0 warnings'],
  },
  {
    name: 'dates in the future',
    file: 'future-date.json',
    code: 1,
    lines: [
      `${broken('future-date.json')}:8:18  policies[0].updated  2999-01-01 is in the future (today is ${today} UTC)`,
      `${broken('future-date.json')}:10:29  policies[0].changes[0].date  2999-01-01 is in the future (today is ${today} UTC)`,
      '2 errors, 0 warnings',
    ],
  },
  {
    name: 'changes oldest first',
    file: 'unsorted-changes.json',
    code: 1,
    lines: [
      `${broken('unsorted-changes.json')}:12:19  policies[0].changes[1].date  changes must be listed newest first: 2026-03-01 is newer than changes[0].date 2025-01-01`,
      '1 error, 0 warnings',
    ],
  },
  {
    name: 'a change after "updated"',
    file: 'change-after-updated.json',
    code: 1,
    lines: [
      `${broken('change-after-updated.json')}:8:18  policies[0].updated  2026-01-01 is older than the newest change (changes[0].date 2026-02-01); set "updated" to 2026-02-01`,
      '1 error, 0 warnings',
    ],
  },
  {
    name: 'bad disclosure e-mail',
    file: 'bad-email.json',
    code: 1,
    lines: [`${broken('bad-email.json')}:7:14  disclosure.email  expected an e-mail address, got "security(at)broken.example"`, '1 error, 0 warnings'],
  },
  {
    name: 'bad disclosure endpoint (plain http)',
    file: 'bad-endpoint.json',
    code: 1,
    lines: [
      `${broken('bad-endpoint.json')}:8:17  disclosure.endpoint  expected an https URL, or a path relative to the manifest, got "http://reports.broken.example/submit"`,
      '1 error, 0 warnings',
    ],
  },
  {
    name: 'key fingerprint mismatch',
    file: 'fingerprint-mismatch.json',
    code: 1,
    lines: [
      `${broken('fingerprint-mismatch.json')}:10:22  disclosure.encryption.fingerprint  does not match the key in "test-public-key.TEST-ONLY.asc", whose fingerprint is 96DF F9AA F34B 9534 92DF 02DE 5ABD ABC5 EBBC CC1E`,
      '1 error, 0 warnings',
    ],
  },
  {
    name: 'expired key',
    file: 'expired-key.json',
    code: 1,
    lines: [
      `${broken('expired-key.json')}:9:14  disclosure.encryption.key  the key in "expired-public-key.TEST-ONLY.asc" expired on 2020-01-02`,
      '1 error, 0 warnings',
    ],
  },
  {
    name: 'key file that is not a key',
    file: 'not-a-key.json',
    code: 1,
    lines: [
      `${broken('not-a-key.json')}:9:14  disclosure.encryption.key  "security.md" is not an armored OpenPGP public key: Misformed armored text`,
      '1 error, 0 warnings',
    ],
  },
  {
    name: 'missing key file',
    file: 'missing-key.json',
    code: 1,
    lines: [
      `${broken('missing-key.json')}:9:14  disclosure.encryption.key  cannot read "no-such-key.asc": no such file (${broken('no-such-key.asc')})`,
      '1 error, 0 warnings',
    ],
  },
  {
    name: 'missing key: points at the opening brace of its object',
    file: 'missing-name.json',
    code: 1,
    lines: [`${broken('missing-name.json')}:3:19  organization.name  missing required key (found "nmae" — misspelt?)`, '1 error, 0 warnings'],
  },
  {
    name: 'invalid JSON: trailing comma, at the comma',
    file: 'invalid-json.json',
    code: 1,
    lines: [`${broken('invalid-json.json')}:5:94  (root)  invalid JSON: trailing comma before "}"`, '1 error, 0 warnings'],
  },
  {
    name: 'invalid JSON: cut off',
    file: 'truncated.json',
    code: 1,
    lines: [`${broken('truncated.json')}:5:24  (root)  invalid JSON: expected a double-quoted property name, got the end of the file`, '1 error, 0 warnings'],
  },
  {
    name: 'duplicate key: a warning',
    file: 'duplicate-key.json',
    code: 0,
    lines: [`${broken('duplicate-key.json')}:5:3  version  warning: duplicate key; only the last one counts`, '0 errors, 1 warning'],
  },
  {
    name: 'leftover template text: warnings, in the markdown and inside a JSON string',
    file: 'leftover.json',
    code: 0,
    lines: [
      `${broken('leftover.json')}:6:89  policies[1].content  warning: leftover template text "TODO"`,
      `${broken('leftover.md')}:3:13  policies[0]  warning: leftover template text "This is a placeholder template"`,
      `${broken('leftover.md')}:3:66  policies[0]  warning: leftover template text "Replace with your finalized policy"`,
      `${broken('leftover.md')}:5:1  policies[0]  warning: leftover template text "Lorem ipsum"`,
      `${broken('leftover.md')}:7:10  policies[0]  warning: leftover template text "[email\\u00a0protected]"`,
      `${broken('leftover.md')}:7:31  policies[0]  warning: leftover template text "[email protected]"`,
      `${broken('leftover.md')}:9:5  policies[0]  warning: leftover template text "TODO"`,
      '0 errors, 7 warnings',
    ],
  },
];

for (const c of CASES) {
  test(`validate: ${c.name}`, () => {
    const result = run(['validate', broken(c.file)]);
    assert.deepEqual(result.lines, c.lines);
    assert.equal(result.code, c.code);
    assert.equal(result.stderr, '');
  });
}

test('validate: the sample policies/ passes without a warning', () => {
  const result = run(['validate']);
  assert.deepEqual(result.lines, ['0 errors, 0 warnings']);
  assert.equal(result.code, 0);
  // The same given as a folder or as the file.
  assert.deepEqual(run(['validate', 'policies']).lines, result.lines);
  assert.deepEqual(run(['validate', 'policies/manifest.json']).lines, result.lines);
});

test('validate --strict: warnings fail the run', (t) => {
  // The sample with a template's leftover note put back in its security page.
  const dir = tempDir(t);
  cpSync(`${ROOT}/policies`, dir, { recursive: true });
  const page = join(dir, 'security.md');
  writeFileSync(page, `> **Note:** This is a placeholder template. Replace with your finalized policy.\n\n${readFileSync(page, 'utf8')}`);
  const result = run(['validate', '--strict', dir]);
  assert.match(result.lines.join('\n'), /security\.md:1:\d+ +policies\[0\] +warning: leftover template text "This is a placeholder template"/);
  assert.equal(result.code, 1);
  assert.equal(run(['validate', dir]).code, 0);
  assert.equal(run(['validate', '--strict', `${FIXTURES}/good`]).code, 0);
});

test('validate: a good manifest with a key, inline content and same-day changes has no problems', () => {
  const result = run(['validate', `${FIXTURES}/good/manifest.json`]);
  assert.deepEqual(result.lines, ['0 errors, 0 warnings']);
  assert.equal(result.code, 0);
});

test('validate: several problems in one manifest come out in document order, one line each', (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'manifest.json');
  writeFileSync(
    file,
    [
      '{',
      '  "version": 1,',
      '  "organization": { "name": "", "url": "ftp://x.example" },',
      '  "policies": [',
      '    { "id": "Bad Id", "title": "T", "updated": "2026-13-01", "content": "x" }',
      '  ]',
      '}',
      '',
    ].join('\n'),
  );
  const result = run(['validate', file]);
  assert.deepEqual(
    result.lines.map((line) => (line.startsWith(file) ? line.slice(file.length) : line)),
    [
      ':3:29  organization.name  expected a non-empty string, got ""',
      ':3:40  organization.url  expected an absolute http(s) URL, got "ftp://x.example"',
      ':5:13  policies[0].id  expected an id of up to 64 lowercase letters, digits and hyphens, not starting with a hyphen, got "Bad Id"',
      ':5:48  policies[0].updated  expected a date YYYY-MM-DD, got "2026-13-01"',
      '4 errors, 0 warnings',
    ],
  );
  assert.equal(result.code, 1);
});

test('exit code 2: usage errors and unreadable manifests', () => {
  const unknownOption = run(['validate', '--frobnicate']);
  assert.equal(unknownOption.code, 2);
  assert.match(unknownOption.stderr, /Unknown option '--frobnicate'/);
  assert.match(unknownOption.stderr, /trust-center validate --help/);
  assert.equal(run(['validate', 'a.json', 'b.json']).code, 2);
  assert.equal(run(['frobnicate']).code, 2);
  assert.equal(run([]).code, 2);
  const missing = run(['validate', `${FIXTURES}/no-such-folder`]);
  assert.equal(missing.code, 2);
  assert.equal(missing.stderr, `trust-center validate: cannot read ${FIXTURES}/no-such-folder: no such file\n`);
});

test('--help: the main help and each command\'s', () => {
  for (const args of [['--help'], ['-h'], ['help']]) {
    const result = run(args);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /Usage:\n {2}trust-center validate/);
    assert.match(result.stdout, /Exit codes: 0 ok \(warnings allowed\), 1 problems found, 2 usage error\./);
    // Someone who installed the package has no `npm run build` to run: the help says how to install instead.
    assert.match(result.stdout, /Install: npm i -D @trust-center\/cli/);
    assert.match(result.stdout, /In a clone of the repository,\s+run npm run build once first/);
    assert.doesNotMatch(result.stdout, /Needs the Node modules from a build first/);
  }
  for (const args of [['validate', '--help'], ['help', 'validate']]) {
    const result = run(args);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^Usage: trust-center validate \[manifest\] \[options\]/);
    assert.match(result.stdout, /NEWEST\s+FIRST/);
    assert.match(result.stdout, /--strict/);
  }
  for (const args of [['build', '--help'], ['help', 'build']]) {
    const result = run(args);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^Usage: trust-center build \[policies\] --out DIR --site URL/);
    assert.match(result.stdout, /--expires-days N/);
    assert.match(result.stdout, /--assets-dir PATH/);
    assert.match(result.stdout, /DIR\/trust\/assets\/trust-center\.js/);
    // Every line fits a terminal of 80 columns.
    assert.deepEqual(result.stdout.split('\n').filter((line) => line.length > 80), []);
  }
  assert.equal(run(['help', 'nope']).code, 2);
  assert.match(run(['--version']).stdout, /^\d+\.\d+\.\d+/);
});

test('without a build: one line saying to run it in a clone (an installed package ships it), exit 2', (t) => {
  // The repository's layout (packages/cli and the element's package.json at the root) with no dist/.
  const dir = tempDir(t);
  const cli = copyCliPackage(join(dir, 'packages', 'cli'));
  cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  const result = run(['validate'], { cli });
  assert.equal(result.code, 2);
  assert.equal(result.stdout, '');
  assert.equal(result.stderr, 'trust-center: dist/node is missing: in a clone of the trust-center repository run npm run build first; an installed package ships it (reinstall trust-center)\n');
  // Help needs no build.
  assert.equal(run(['--help'], { cli }).code, 0);
});

test('without the trust-center package: one line saying to install it, exit 2', (t) => {
  // @trust-center/cli alone, no trust-center beside it or above it.
  const dir = tempDir(t);
  const cli = copyCliPackage(join(dir, 'cli'));
  const result = run(['validate'], { cli });
  assert.equal(result.code, 2);
  assert.equal(result.stdout, '');
  assert.equal(result.stderr, 'trust-center: the trust-center package is not installed (the command runs its schema and renderer): npm i trust-center\n');
  assert.equal(run(['--help'], { cli }).code, 0);
});

test('validate --security-txt: checks the file strictly, next to the manifest', (t) => {
  const dir = tempDir(t);
  const expires = `${isoDay(30)}T00:00:00Z`;
  const good = join(dir, 'good.txt');
  writeFileSync(good, `Contact: mailto:security@northwind.example\nExpires: ${expires}\nCanonical: https://northwind.example/.well-known/security.txt\n`);
  const ok = run(['validate', `${FIXTURES}/good`, '--security-txt', good]);
  assert.deepEqual(ok.lines, ['0 errors, 0 warnings']);
  assert.equal(ok.code, 0);

  const bad = join(dir, 'bad.txt');
  writeFileSync(bad, `Contacts: mailto:other@northwind.example\nContact: http://northwind.example/security\nExpires: ${expires}\n`);
  const result = run(['validate', `${FIXTURES}/good`, '--security-txt', bad]);
  assert.equal(result.code, 1);
  const shown = result.lines.map((line) => line.replace(`${bad}`, 'bad.txt'));
  assert.deepEqual(shown, [
    'bad.txt:1:1  Contacts  unknown field "Contacts"; did you mean "Contact"?',
    'bad.txt:2:1  Contact  warning: no "Contact: mailto:security@northwind.example", the manifest\'s disclosure e-mail',
    'bad.txt:2:10  Contact  must be an https:// URI, got "http://northwind.example/security"',
    '2 errors, 1 warning',
  ]);
});

test('validate --security-txt: a Unicode line break is an error at its line and column, and the field after it is read', (t) => {
  const file = join(tempDir(t), 'security.txt');
  writeFileSync(
    file,
    `# Northwind\u2028Contact: mailto:attacker@evil.example\nContact: mailto:security@northwind.example\nExpires: ${isoDay(30)}T00:00:00Z\n`,
  );
  const result = run(['validate', `${FIXTURES}/good`, '--security-txt', file]);
  assert.equal(result.code, 1);
  assert.deepEqual(result.lines, [
    `${file}:1:12  security.txt  U+2028 LINE SEPARATOR ends the line for some readers and not for others, so the text after it can pass for a field of its own; lines end with CRLF or LF`,
    '1 error, 0 warnings',
  ]);
});
