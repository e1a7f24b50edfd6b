// The licence obligations of what dist/ bundles: dist/THIRD-PARTY-NOTICES.txt names every package whose code
// is in a built file (found from the source maps, so a new dependency cannot slip in unlisted), with its
// licence text; the minified files keep their licence comments; OpenPGP.js (LGPL-3.0) stays a separate,
// replaceable file with its notice, its source location and the licence texts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../cli/helpers.mjs';
import { bundledPackages, packageInfo, NOTICES_FILE } from '../../scripts/third-party-notices.mjs';

const notices = readFileSync(join(ROOT, NOTICES_FILE), 'utf8');
const packages = [...bundledPackages(join(ROOT, 'dist')).keys()].map(packageInfo);

test('THIRD-PARTY-NOTICES lists every package bundled into dist/, with its version, licence and licence text', () => {
  const names = packages.map((p) => p.name);
  for (const expected of ['lit-html', 'lit-element', '@lit/reactive-element', '@lit/context', 'marked', 'valibot', 'openpgp']) {
    assert.ok(names.includes(expected), `${expected} is found in the source maps`);
  }
  for (const info of packages) {
    assert.ok(notices.includes(`  ${info.name} ${info.version}  ${info.license}\n`), `${info.name} ${info.version} is listed`);
    for (const { text } of info.texts) assert.ok(notices.includes(text), `${info.name}'s ${text.slice(0, 30)}… is included`);
  }
});

test('a licence text shared by several packages is written once, and each of the others points to the package that has it', () => {
  const byText = new Map();
  for (const info of packages.filter((p) => p.name !== 'openpgp')) {
    const text = info.texts.map(({ text }) => text).join('\n\n');
    byText.set(text, [...(byText.get(text) ?? []), info]);
  }
  const shared = [...byText].filter(([, infos]) => infos.length > 1);
  assert.ok(shared.length > 0, "Lit's packages share one text");
  for (const [text, infos] of shared) {
    assert.equal(notices.split(text).length - 1, 1, `${infos.map((i) => i.name).join(', ')}: the text once`);
    const [first, ...others] = [...infos].sort((a, b) => a.name.localeCompare(b.name));
    for (const info of others) {
      const section = notices.slice(notices.indexOf(`\n${info.name} ${info.version}  (`));
      assert.match(section.slice(0, 600), new RegExp(`The same licence text as ${first.name.replace(/[/@.]/g, '\\$&')} ${first.version} above\\.`), info.name);
    }
  }
});

test('the minified bundles keep the licence comments of what they contain', () => {
  const main = readFileSync(join(ROOT, 'dist/trust-center.js'), 'utf8');
  assert.match(main, /@license[\s\S]*?SPDX-License-Identifier: BSD-3-Clause/, "Lit's notice");
  assert.match(readFileSync(join(ROOT, 'dist/openpgp/openpgp.js'), 'utf8'), /\/\*! OpenPGP\.js v[\d.]+ .*LGPL/, 'OpenPGP.js keeps its notice');
});

test('OpenPGP.js is in the package once, in dist/openpgp/, which every bundle imports: one file to replace under the LGPL', () => {
  const outside = readdirSync(join(ROOT, 'dist'), { recursive: true }).filter((path) => /(^|\/)openpgp[.\w-]*\.js$/.test(path) && !path.startsWith('openpgp/'));
  assert.deepEqual(outside, []);
  const importers = ['chunks', 'disclosure-chunks', 'lib/chunks', '.']
    .flatMap((dir) => readdirSync(join(ROOT, 'dist', dir)).filter((name) => name.endsWith('.js')).map((name) => join(dir, name)))
    .filter((path) => readFileSync(join(ROOT, 'dist', path), 'utf8').includes('openpgp/openpgp.js'));
  assert.ok(importers.some((path) => path.startsWith('chunks/disclosure-')), 'the full bundle\'s disclosure chunk');
  assert.ok(importers.includes('trust-center-disclosure.js'), 'the disclosure bundle');
  assert.ok(importers.some((path) => path.startsWith('lib/')), 'dist/lib');
});

test("OpenPGP.js's LGPL section says which files it is, where its source is, how to replace it, and has the licence texts", () => {
  const at = notices.indexOf('\nopenpgp ');
  assert.ok(at > 0);
  const section = notices.slice(at);
  const version = packages.find((p) => p.name === 'openpgp').version;
  assert.match(section, new RegExp(`https://github\\.com/openpgpjs/openpgpjs/tree/v${version.replace(/\./g, '\\.')}`));
  assert.match(section, /To use a modified OpenPGP\.js/);
  assert.match(section, /GNU LESSER GENERAL PUBLIC LICENSE/);
  assert.match(section, /GNU GENERAL PUBLIC LICENSE\s+Version 3/);
  const files = [...section.matchAll(/^ {2}(dist\/\S+\.js)$/gm)].map((m) => m[1]);
  assert.ok(files.length > 0);
  for (const file of files) assert.ok(existsSync(join(ROOT, file)), `${file} exists`);
});
