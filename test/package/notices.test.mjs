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

test('the minified bundles keep the licence comments of what they contain', () => {
  const main = readFileSync(join(ROOT, 'dist/trust-center.js'), 'utf8');
  assert.match(main, /@license[\s\S]*?SPDX-License-Identifier: BSD-3-Clause/, "Lit's notice");
  const chunks = readdirSync(join(ROOT, 'dist/chunks')).filter((name) => name.startsWith('openpgp') && name.endsWith('.js'));
  assert.ok(chunks.length > 0, 'OpenPGP.js is a chunk of its own');
  for (const chunk of chunks) {
    assert.match(readFileSync(join(ROOT, 'dist/chunks', chunk), 'utf8'), /\/\*! OpenPGP\.js v[\d.]+ .*LGPL/, `${chunk} keeps its notice`);
  }
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
