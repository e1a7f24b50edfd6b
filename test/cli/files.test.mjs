// Which files `validate` reads and `build` publishes: only files inside the manifest's real folder, never
// through a symbolic link out of it, never a dotfile, only the published types; and `--out` is never
// written or cleaned through a link. Symbolic links are made here, in temporary folders (none are committed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateManifest } from '../../packages/cli/lib/validate.mjs';
import { FIXTURES, ROOT, copyGoodFixture, listFiles, permissive, run } from './helpers.mjs';

const SITE = 'https://northwind.example';
const GOOD = join(ROOT, FIXTURES, 'good');
const SECRET = 'TRUST_CENTER_TEST_SECRET=deploy-token-5f1c2e';

/** A copy of the good fixture (see copyGoodFixture), with <dir>/outside/secret.txt beside it holding SECRET. */
function makeSite(t, edit) {
  const site = copyGoodFixture(t, edit);
  mkdirSync(join(site.dir, 'outside'));
  writeFileSync(join(site.dir, 'outside', 'secret.txt'), `${SECRET}\n`);
  return { ...site, secret: join(site.dir, 'outside', 'secret.txt') };
}

function assertSecretPublishedNowhere(out, ...outputs) {
  for (const file of listFiles(out)) {
    const path = join(out, file);
    if (lstatSync(path).isFile()) assert.ok(!readFileSync(path, 'utf8').includes(SECRET), `the secret is in ${file}`);
  }
  for (const text of outputs) assert.ok(!text.includes(SECRET), 'the secret is printed');
}

const build = (site, ...extra) => run(['build', site.policies, '--out', site.out, '--site', SITE, ...extra]);
const cookiesFromFile = (manifest) => {
  delete manifest.policies[2].content;
  manifest.policies[2].source = 'cookies.md';
};


test('a policy source that is a symbolic link out of the folder: an error naming the field; nothing published', (t) => {
  const site = makeSite(t, cookiesFromFile);
  symlinkSync(site.secret, join(site.policies, 'cookies.md'));

  const validated = run(['validate', site.policies]);
  assert.equal(validated.code, 1, validated.stdout);
  assert.ok(
    validated.lines.includes(
      `${site.manifestFile}:47:17  policies[2].source  "cookies.md" is a symbolic link to a file outside the manifest's folder; the build publishes only files inside it`,
    ),
    validated.stdout,
  );
  assert.equal(validated.lines.at(-1), '1 error, 0 warnings');

  const built = build(site);
  assert.equal(built.code, 1, built.stdout + built.stderr);
  assert.match(built.stderr, /nothing written/);
  assert.ok(!existsSync(site.out), 'nothing written');
  assertSecretPublishedNowhere(site.out, validated.stdout, built.stdout, built.stderr);
});

test('every file the manifest names is refused through a link out: per-language source, history, logo, key, public document', (t) => {
  const site = makeSite(t, (manifest) => {
    manifest.policies[0].source = { en: 'security.md', de: 'security.de.md' };
    manifest.policies[1].history = [{ updated: '2025-01-01', source: 'privacy-2025.md' }];
    manifest.documents = [{ id: 'report', title: 'Report', access: 'public', url: 'report.pdf' }];
  });
  for (const name of ['security.de.md', 'privacy-2025.md', 'report.pdf']) symlinkSync(site.secret, join(site.policies, name));
  // A link through a folder: the logo and the key sit in a linked "assets" folder outside.
  writeFileSync(join(site.dir, 'outside', 'logo.svg'), readFileSync(join(GOOD, 'logo.svg')));
  writeFileSync(join(site.dir, 'outside', 'key.asc'), readFileSync(join(GOOD, 'test-public-key.TEST-ONLY.asc')));
  symlinkSync(join(site.dir, 'outside'), join(site.policies, 'assets'));
  const manifest = JSON.parse(readFileSync(site.manifestFile, 'utf8'));
  manifest.organization.logo = 'assets/logo.svg';
  manifest.disclosure.encryption.key = 'assets/key.asc';
  writeFileSync(site.manifestFile, JSON.stringify(manifest, null, 2) + '\n');

  const validated = run(['validate', site.policies]);
  assert.equal(validated.code, 1);
  const shown = validated.lines.map((line) => line.replace(/^\S+:\d+:\d+ {2}/, ''));
  const link = 'is a symbolic link to a file outside the manifest\'s folder; the build publishes only files inside it';
  const through = 'goes through a symbolic link ("assets") to a file outside the manifest\'s folder; the build publishes only files inside it';
  assert.deepEqual(shown, [
    `organization.logo  "assets/logo.svg" ${through}`,
    `policies[0].source.de  "security.de.md" ${link}`,
    `policies[1].history[0].source  "privacy-2025.md" ${link}`,
    `disclosure.encryption.key  "assets/key.asc" ${through}`,
    `documents[0].url  "report.pdf" ${link}`,
    '5 errors, 0 warnings',
  ]);
  const built = build(site);
  assert.equal(built.code, 1);
  assert.ok(!existsSync(site.out), 'nothing written');
  assertSecretPublishedNowhere(site.out, validated.stdout, built.stdout, built.stderr);
});

test('a linked folder does not let a markdown link copy files from outside', (t) => {
  const site = makeSite(t);
  symlinkSync(join(site.dir, 'outside'), join(site.policies, 'notes'));
  const privacy = join(site.policies, 'privacy.md');
  writeFileSync(privacy, `${readFileSync(privacy, 'utf8')}\nSee [the notes](notes/secret.txt).\n`);

  const built = build(site);
  assert.equal(built.code, 1, built.stdout + built.stderr);
  assert.deepEqual(built.lines, [
    '0 errors, 0 warnings',
    `${privacy}:11:23  policies[1]  links to "notes/secret.txt", which goes through a symbolic link ("notes") to a file outside the manifest's folder; the build publishes only files inside it`,
    '1 error, 0 warnings',
  ]);
  assert.ok(!existsSync(site.out), 'nothing written');
  assertSecretPublishedNowhere(site.out, built.stdout, built.stderr);
});

test('dotfiles and dot-folders are never published, plain or through a link inside the folder', async (t) => {
  const site = makeSite(t, (manifest) => {
    manifest.policies[1].history = [{ updated: '2025-01-01', source: '.drafts/privacy.md' }];
  });
  mkdirSync(join(site.policies, '.drafts'));
  writeFileSync(join(site.policies, '.drafts', 'privacy.md'), `${SECRET}\n`);

  const validated = run(['validate', site.policies]);
  assert.equal(validated.code, 1);
  assert.deepEqual(validated.lines.map((line) => line.replace(/^\S+:\d+:\d+ {2}/, '')), [
    // The shared schema refuses it first; the CLI's own check (checked next, with a permissive schema) stays quiet.
    `policies[1].history[0].source  expected a path inside the manifest's folder, like "security.md", got ".drafts/privacy.md" (a hidden file or folder, ".drafts")`,
    '1 error, 0 warnings',
  ]);
  const unchecked = await validateManifest({ manifestPath: site.manifestFile, dist: permissive, securityTxt: false });
  assert.deepEqual(unchecked.problems.map((p) => `${p.path}  ${p.message}`), [
    'policies[1].history[0].source  ".drafts/privacy.md" names a dotfile or dot-folder (".drafts"); they are never published',
  ]);

  // The markdown links them: plainly, in a folder, and through a link whose own name looks harmless.
  const site2 = makeSite(t);
  mkdirSync(join(site2.policies, '.git'));
  mkdirSync(join(site2.policies, 'notes'));
  writeFileSync(join(site2.policies, '.env'), `${SECRET}\n`);
  writeFileSync(join(site2.policies, '.git', 'config'), `${SECRET}\n`);
  writeFileSync(join(site2.policies, 'notes', '.secret.md'), `${SECRET}\n`);
  symlinkSync('.env', join(site2.policies, 'public.md'));
  const privacy = join(site2.policies, 'privacy.md');
  writeFileSync(privacy, `${readFileSync(privacy, 'utf8')}\n[a](.env) [b](.git/config) [c](notes/.secret.md) [d](public.md) [e](notes/%2esecret.md)\n`);
  const built = build(site2);
  assert.equal(built.code, 1, built.stdout + built.stderr);
  // Each at the file name in the markdown (the validation's own summary line comes first).
  assert.deepEqual(built.lines.map((line) => line.replace(`${privacy}:`, '')), [
    '0 errors, 0 warnings',
    '11:5  policies[1]  links to ".env", which names a dotfile or dot-folder (".env"); they are never published',
    '11:20  policies[1]  links to ".git/config", which names a dotfile or dot-folder (".git"); they are never published',
    '11:38  policies[1]  links to "notes/.secret.md", which names a dotfile or dot-folder (".secret.md"); they are never published',
    '11:54  policies[1]  links to "public.md", which is a symbolic link to ".env", a dotfile or dot-folder; they are never published',
    '11:75  policies[1]  links to "notes/.secret.md", which names a dotfile or dot-folder (".secret.md"); they are never published',
    '5 errors, 0 warnings',
  ]);
  assert.ok(!existsSync(site2.out), 'nothing written');
  assertSecretPublishedNowhere(site2.out, validated.stdout, built.stdout, built.stderr);
});

test('only the published file types are copied: others linked from the markdown are a warning, named by the manifest an error', (t) => {
  const site = makeSite(t);
  for (const name of ['config.json', 'deploy.sh', 'page.html', 'LICENSE']) writeFileSync(join(site.policies, name), `${SECRET}\n`);
  writeFileSync(join(site.policies, 'diagram.PNG'), 'png');
  const privacy = join(site.policies, 'privacy.md');
  writeFileSync(privacy, `${readFileSync(privacy, 'utf8')}\n[a](config.json) [b](deploy.sh) [c](page.html) [d](LICENSE) ![e](diagram.PNG)\n`);

  const built = build(site);
  assert.equal(built.code, 0, built.stdout + built.stderr);
  const types = '.md, .markdown, .txt, .pdf, .png, .jpg, .jpeg, .gif, .webp, .avif, .svg, .asc, .pgp, .gpg';
  assert.deepEqual(built.lines.slice(0, -1).map((line) => line.replace(`${privacy}:`, '')), [
    '0 errors, 0 warnings',
    `11:5  policies[1]  warning: links to "config.json", which is not a file type the build publishes (.json; it publishes ${types}); not copied`,
    `11:22  policies[1]  warning: links to "deploy.sh", which is not a file type the build publishes (.sh; it publishes ${types}); not copied`,
    `11:37  policies[1]  warning: links to "page.html", which is not a file type the build publishes (.html; it publishes ${types}); not copied`,
    `11:52  policies[1]  warning: links to "LICENSE", which is not a file type the build publishes (no extension; it publishes ${types}); not copied`,
    '0 errors, 4 warnings',
  ]);
  // Besides the compiled manifest and its policies' compiled texts, which the build writes itself.
  assert.deepEqual(
    listFiles(join(site.out, 'trust/assets/policies')).filter((name) => !/^(compiled\/|manifest\.compiled\.)/.test(name)),
    ['diagram.PNG', 'logo.svg', 'manifest.json', 'privacy.md', 'security.md', 'test-public-key.TEST-ONLY.asc'],
  );
  assertSecretPublishedNowhere(site.out, built.stdout);

  const named = makeSite(t, (manifest) => {
    manifest.documents = [{ id: 'export', title: 'Export', access: 'public', url: 'export.json' }];
  });
  writeFileSync(join(named.policies, 'export.json'), `${SECRET}\n`);
  const validated = run(['validate', named.policies]);
  assert.equal(validated.code, 1);
  assert.deepEqual(validated.lines.map((line) => line.replace(/^\S+:\d+:\d+ {2}/, '')), [
    `documents[0].url  "export.json" is not a file type the build publishes (.json; it publishes ${types})`,
    '1 error, 0 warnings',
  ]);
});

test('a symbolic link that stays inside the folder, to a published type, is followed', (t) => {
  const site = makeSite(t, cookiesFromFile);
  symlinkSync('privacy.md', join(site.policies, 'cookies.md'));
  const built = build(site);
  assert.equal(built.code, 0, built.stdout + built.stderr);
  assert.equal(readFileSync(join(site.out, 'trust/assets/policies', 'cookies.md'), 'utf8'), readFileSync(join(site.policies, 'privacy.md'), 'utf8'));
  assert.ok(!lstatSync(join(site.out, 'trust/assets/policies', 'cookies.md')).isSymbolicLink(), 'a copy, not a link');
});

// Each is refused by the CLI itself (not only by the schema): percent-encoded traversal, NUL, absolute
// paths, file: and other schemes, backslashes, invalid percent-encoding, names too long for a file system.
const HOSTILE_SOURCES = [
  ['..%2F..%2Fetc%2Fpasswd', 'percent-encodes a "/" or "\\" ("%2F"); write folders with a plain "/"'],
  ['%2e%2e/%2e%2e/etc/passwd', 'is outside the manifest\'s folder; the build publishes only files inside it'],
  ['../outside/secret.txt', 'is outside the manifest\'s folder; the build publishes only files inside it'],
  ['privacy.md%00.txt', 'encodes U+0000 (a control character) in a file name'],
  ['/etc/passwd', 'is an absolute path; give a path relative to the manifest\'s folder'],
  ['file:///etc/passwd', 'is not a path relative to the manifest (it names a scheme, "file:")'],
  ['https://evil.example/policy.md', 'is not a path relative to the manifest (it names a scheme, "https:")'],
  ['//evil.example/policy.md', 'names another host; give a path relative to the manifest\'s folder'],
  ['..\\..\\etc\\passwd', 'contains a backslash ("\\"); use "/" between folders'],
  ['%E0%A4%A.md', 'has an invalid percent-encoding'],
  [`${'a'.repeat(300)}.md`, 'has a file or folder name longer than 255 bytes'],
  [`${'a/'.repeat(600)}x.md`, 'is too long (1204 characters; at most 1024)'],
  ['notes\u2028.md', 'contains U+2028 LINE SEPARATOR, which no file name may hold'],
  ['', 'is empty'],
  ['notes/', 'names a folder, not a file'],
];

test('hostile source strings: an error naming the field, exit 1, nothing written, never a crash', (t) => {
  for (const [source] of HOSTILE_SOURCES) {
    const site = makeSite(t, (manifest) => {
      delete manifest.policies[2].content;
      manifest.policies[2].source = source;
    });
    const validated = run(['validate', site.policies]);
    assert.equal(validated.code, 1, `${JSON.stringify(source)}: ${validated.stdout}`);
    // The schema may say it first, and in its own words; either way the line names the field.
    assert.ok(validated.lines.some((line) => /^\S+:\d+:\d+ {2}policies\[2\]\.source {2}/.test(line)), `${JSON.stringify(source)}: ${validated.stdout}`);
    assert.equal(validated.stderr, '');
    const built = build(site);
    assert.equal(built.code, 1, `${JSON.stringify(source)}: ${built.stdout}${built.stderr}`);
    assert.equal(built.stderr, 'trust-center build: nothing written; fix the problems above first\n', JSON.stringify(source));
    assert.ok(!existsSync(site.out), `${JSON.stringify(source)}: nothing written`);
  }
});

test('the CLI refuses hostile sources by itself, whatever the schema lets through', async (t) => {
  for (const [source, message] of HOSTILE_SOURCES) {
    const site = makeSite(t, (manifest) => {
      delete manifest.policies[2].content;
      manifest.policies[2].source = source;
    });
    const result = await validateManifest({ manifestPath: site.manifestFile, dist: permissive, securityTxt: false });
    assert.deepEqual(
      result.problems.map((p) => `${p.path}  ${p.severity}: ${p.message}`),
      [`policies[2].source  error: ${JSON.stringify(source)} ${message}`],
      JSON.stringify(source),
    );
    assert.equal(result.sources.has(2), false);
  }
});

test('--out: the build never writes or removes anything through a symbolic link inside it', (t) => {
  const site = makeSite(t);
  const victim = join(site.dir, 'victim');
  mkdirSync(victim);
  writeFileSync(join(victim, 'keep.txt'), 'the victim\'s');

  // A linked folder where the build writes pages, and a linked file where it writes the feed.
  mkdirSync(site.out);
  symlinkSync(victim, join(site.out, 'trust'));
  symlinkSync(join(victim, 'keep.txt'), join(site.out, 'updates.xml'));
  const refused = build(site);
  assert.equal(refused.code, 1, refused.stdout + refused.stderr);
  assert.deepEqual(refused.lines, [
    '0 errors, 0 warnings',
    `${join(site.out, 'trust')}:1:1  --out  is a symbolic link; the build does not write through links (remove it, or build into an empty folder)`,
    `${join(site.out, 'updates.xml')}:1:1  --out  is a symbolic link; the build does not write through links (remove it, or build into an empty folder)`,
    '2 errors, 0 warnings',
  ]);
  assert.deepEqual(readdirSync(victim), ['keep.txt']);
  assert.equal(readFileSync(join(victim, 'keep.txt'), 'utf8'), 'the victim\'s');
  assert.deepEqual(readdirSync(site.out).sort(), ['trust', 'updates.xml'], 'nothing written');

  // A build record that names files behind a link: the stale-file removal leaves them alone.
  const out2 = join(site.dir, 'site2');
  mkdirSync(out2);
  symlinkSync(victim, join(out2, 'old'));
  writeFileSync(join(out2, '.trust-center-build.json'), JSON.stringify({ files: ['old/keep.txt', '../victim/keep.txt', 'old'] }));
  const built = run(['build', site.policies, '--out', out2, '--site', SITE]);
  assert.equal(built.code, 0, built.stdout + built.stderr);
  assert.equal(readFileSync(join(victim, 'keep.txt'), 'utf8'), 'the victim\'s');
  assert.ok(lstatSync(join(out2, 'old')).isSymbolicLink(), 'a link the build did not make stays');
});

test('a security.txt found beside the manifest is not read through a symbolic link (its lines would be printed)', (t) => {
  const site = makeSite(t);
  writeFileSync(site.secret, `Contact: ${SECRET}\n`);
  mkdirSync(join(site.policies, '.well-known'));
  symlinkSync(site.secret, join(site.policies, '.well-known', 'security.txt'));
  const linkedFile = run(['validate', site.policies]);
  assert.deepEqual(linkedFile.lines, ['0 errors, 0 warnings']);

  const site2 = makeSite(t);
  writeFileSync(site2.secret, `Contact: ${SECRET}\n`);
  symlinkSync(join(site2.dir, 'outside'), join(site2.dir, '.well-known'));
  writeFileSync(join(site2.dir, 'outside', 'security.txt'), `Contact: ${SECRET}\n`);
  const linkedFolder = run(['validate', site2.policies]);
  assert.deepEqual(linkedFolder.lines, ['0 errors, 0 warnings']);
  assertSecretPublishedNowhere(site.out, linkedFile.stdout, linkedFolder.stdout);
});

test('--out where the file system says no: one line naming the path, exit 1, no stack trace', (t) => {
  const site = makeSite(t);
  const file = join(site.dir, 'a-file');
  writeFileSync(file, 'not a folder');
  const built = run(['build', site.policies, '--out', join(file, 'site'), '--site', SITE]);
  assert.equal(built.code, 1);
  assert.equal(built.stderr, `trust-center build: cannot mkdir ${join(file, 'site')}: ENOTDIR\n`);
});
