// The browser bundles open with V8's compile hint (scripts/rollup-compile-hints.mjs): a comment anywhere else
// is ignored, and a hint that shifted the source maps would point stack traces and the notices at wrong lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rollup } from 'rollup';
import { COMPILE_HINT, compileHints } from '../../scripts/rollup-compile-hints.mjs';

const jsFiles = (dir) => readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.js')).map((f) => join(dir, f));

test('every browser bundle and chunk starts with the compile hint; OpenPGP.js does not get it', () => {
  const browser = [...jsFiles('dist').filter((f) => !/^dist[\\/](lib|node|openpgp)[\\/]/.test(f))];
  assert.ok(browser.length > 20, `found ${browser.length} browser files`);
  for (const file of browser) assert.ok(readFileSync(file, 'utf8').startsWith(`${COMPILE_HINT}\n`), `${file} starts with the hint`);
  for (const file of jsFiles('dist/openpgp')) assert.ok(!readFileSync(file, 'utf8').includes(COMPILE_HINT), `${file} has no hint`);
});

test('the hint moves the source map by exactly its one line', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tc-hint-'));
  try {
    const input = join(dir, 'entry.js');
    writeFileSync(input, 'export function greet(name) {\n  return `hello ${name}`;\n}\nexport const shout = (name) => greet(name).toUpperCase();\n');
    const build = async (plugins) => (await (await rollup({ input, plugins })).generate({ format: 'es', sourcemap: 'hidden' })).output;
    const [[plain, plainMap], [hinted, hintedMap]] = [await build([]), await build([compileHints()])];
    assert.equal(hinted.code, `${COMPILE_HINT}\n${plain.code}`);
    assert.equal(hinted.map.mappings, `;${plain.map.mappings}`);
    // The .map file written beside the bundle, which scripts/third-party-notices.mjs and debuggers read.
    assert.equal(hintedMap.fileName, 'entry.js.map');
    assert.equal(JSON.parse(hintedMap.source).mappings, `;${JSON.parse(plainMap.source).mappings}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
