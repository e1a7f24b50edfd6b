// custom-elements.json (written by `npm run analyze`, which npm test runs) against the Custom Elements
// Manifest schema, against what the shipped files really export and register, and against the README's
// lists of tokens and parts; and the VS Code and JetBrains data made from it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Ajv from 'ajv';
import { ROOT } from '../cli/helpers.mjs';

const require = createRequire(import.meta.url);
const read = (file) => JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
const manifest = read('custom-elements.json');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const PUBLIC_TAGS = ['trust-center', 'trust-center-policy', 'trust-center-banner', 'trust-center-disclosure'];

const elements = new Map();
for (const mod of manifest.modules) for (const d of mod.declarations ?? []) if (d.customElement) elements.set(d.tagName, d);

/** Imports a shipped file in a fresh Node process with a stand-in registry; returns its exports and the tags it defined. */
function load(file) {
  const script = `
    const defined = [];
    globalThis.HTMLElement = class {};
    globalThis.customElements = { get: () => undefined, define: (tag) => defined.push(tag) };
    const module = await import(${JSON.stringify(`./${file}`)});
    console.log(JSON.stringify({ exports: Object.keys(module), defined }));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' }));
}

/** The backticked names in the README table row that starts with `| <label> |`. */
function readmeRow(label) {
  const row = readme.split('\n').find((line) => line.startsWith(`| ${label} |`));
  assert.ok(row, `README has a row for ${label}`);
  return [...row.split('|')[2].matchAll(/`([^`]+)`/g)].map((m) => m[1]);
}

test('custom-elements.json is valid against the Custom Elements Manifest schema, at its current version', () => {
  const schema = require('custom-elements-manifest/schema.json');
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  assert.ok(validate(manifest), JSON.stringify(validate.errors, null, 2));
  assert.equal(manifest.schemaVersion, require('custom-elements-manifest/package.json').version);
});

test('every module is a shipped file, whose exports and registered tags are what the manifest says', () => {
  for (const mod of manifest.modules) {
    assert.match(mod.path, /^dist\/.+\.js$/, `${mod.path} is a built file, not a source`);
    assert.ok(existsSync(join(ROOT, mod.path)), `${mod.path} exists`);
    const real = load(mod.path);
    const js = mod.exports.filter((e) => e.kind === 'js').map((e) => e.name);
    for (const name of js) assert.ok(real.exports.includes(name), `${mod.path} exports ${name}`);
    const definitions = mod.exports.filter((e) => e.kind === 'custom-element-definition').map((e) => e.name);
    assert.deepEqual(definitions.sort(), real.defined.sort(), `${mod.path} registers exactly its definitions`);
    for (const e of mod.exports) {
      const home = manifest.modules.find((m) => m.path === e.declaration.module);
      assert.ok(home?.declarations.some((d) => d.name === e.declaration.name), `${e.declaration.name} is declared in ${e.declaration.module}`);
    }
  }
});

test('the four public elements and nothing internal: no views, no catalogues, no private members', () => {
  assert.deepEqual([...elements.keys()].sort(), [...PUBLIC_TAGS].sort());
  for (const mod of manifest.modules) {
    for (const d of mod.declarations) assert.ok(d.customElement, `${d.name} in ${mod.path} is an element`);
  }
  for (const [tag, d] of elements) {
    for (const m of d.members ?? []) {
      assert.ok(!m.static && (m.privacy ?? 'public') === 'public', `${tag}: ${m.name} is public`);
    }
  }
  assert.ok(readFileSync(join(ROOT, 'custom-elements.json')).length < 150_000, 'the manifest carries no message catalogues');
});

test('attributes and events are typed: unions spelt out, detail types named and exported', () => {
  const declared = readFileSync(join(ROOT, 'dist/types/events.d.ts'), 'utf8');
  for (const [tag, d] of elements) {
    for (const a of d.attributes) {
      assert.ok(a.type?.text, `${tag}[${a.name}] has a type`);
      assert.doesNotMatch(a.type.text, /^[A-Z]\w*$/, `${tag}[${a.name}]: ${a.type.text} is spelt out`);
    }
    for (const e of d.events) {
      const [, detail] = /^CustomEvent<(\w+)>$/.exec(e.type?.text ?? '') ?? [];
      assert.ok(detail, `${tag} ${e.name}: typed CustomEvent<…>`);
      assert.match(declared, new RegExp(`export (interface|type) ${detail}\\b`), `${detail} is exported`);
    }
  }
  const attribute = (tag, name) => elements.get(tag).attributes.find((a) => a.name === name);
  assert.equal(attribute('trust-center', 'theme').type.text, "'light' | 'dark' | 'auto'");
  assert.equal(attribute('trust-center-banner', 'position').type.text, "'inline' | 'top' | 'bottom'");
  assert.equal(attribute('trust-center', 'lang').type.text, 'string');
  assert.equal(attribute('trust-center-disclosure', 'send-timeout').type.text, 'number');
  const eventNames = (tag) => elements.get(tag).events.map((e) => e.name).sort();
  assert.deepEqual(eventNames('trust-center'), ['trust-center-error', 'trust-center-load', 'trust-center-request', 'trust-center-submit']);
  assert.deepEqual(eventNames('trust-center-banner'), ['trust-center-dismiss']);
});

test('every token, part and slot the README documents', () => {
  const tokens = [...readme.matchAll(/^\| `(--tc-[a-z-]+)` \|/gm)].map((m) => m[1]);
  assert.equal(tokens.length, 28, 'the README token table');
  for (const tag of ['trust-center', 'trust-center-policy']) {
    assert.deepEqual(elements.get(tag).cssProperties.map((p) => p.name).sort(), [...tokens].sort(), `${tag} lists every token`);
  }
  // Every token a style sheet reads is documented somewhere.
  const documented = new Set([...elements.values()].flatMap((d) => d.cssProperties.map((p) => p.name)));
  const read = new Set();
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else for (const [, name] of readFileSync(join(dir, entry.name), 'utf8').matchAll(/var\((--tc-[a-z-]*[a-z])\s*[,)]/g)) read.add(name);
    }
  };
  walk(join(ROOT, 'src'));
  assert.deepEqual([...read].filter((name) => !documented.has(name)), []);

  const parts = (tag) => elements.get(tag).cssParts.map((p) => p.name);
  const forwarded = ['its subprocessors view', 'its FAQ view', 'its documents view', 'its updates view', 'its search view', '`<trust-center-disclosure>`'];
  const expected = {
    'trust-center': [...readmeRow('`<trust-center>`'), ...forwarded.flatMap(readmeRow)],
    'trust-center-policy': readmeRow('`<trust-center-policy>`'),
    'trust-center-disclosure': readmeRow('`<trust-center-disclosure>`'),
    'trust-center-banner': readmeRow('`<trust-center-banner>`'),
  };
  for (const [tag, names] of Object.entries(expected)) {
    assert.deepEqual([...new Set(names)].filter((name) => !parts(tag).includes(name)), [], `${tag} lists every part`);
  }
  assert.ok(parts('trust-center').includes('language-note'));
  for (const tag of ['trust-center', 'trust-center-policy']) {
    assert.ok(elements.get(tag).slots.some((s) => s.name === ''), `${tag} documents its default slot (the static fallback)`);
  }
  assert.deepEqual(elements.get('trust-center-banner').slots.map((s) => s.name).sort(), ['link', 'message']);
});

test('VS Code custom data and JetBrains web-types describe the same tags, attributes and values', () => {
  const html = read('vscode.html-custom-data.json');
  const css = read('vscode.css-custom-data.json');
  const webTypes = read('web-types.json');
  assert.deepEqual(html.tags.map((t) => t.name).sort(), [...PUBLIC_TAGS].sort());
  const theme = html.tags.find((t) => t.name === 'trust-center').attributes.find((a) => a.name === 'theme');
  assert.deepEqual(theme.values.map((v) => v.name).sort(), ['auto', 'dark', 'light']);
  assert.ok(css.properties.some((p) => p.name === '--tc-accent'));
  const elementsOf = webTypes.contributions.html.elements;
  assert.deepEqual(elementsOf.map((e) => e.name).sort(), [...PUBLIC_TAGS].sort());
  const banner = elementsOf.find((e) => e.name === 'trust-center-banner');
  assert.ok(banner.events.some((e) => e.name === 'trust-center-dismiss'));
  assert.equal(read('package.json')['web-types'], './web-types.json');
});
