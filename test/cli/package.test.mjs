// What `npm publish` would ship, and the metadata editors and frameworks read from it: the pack listing,
// the `exports` map, custom-elements.json (generated from the JSDoc) and the TypeScript declarations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDir } from './helpers.mjs';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const npx = (args, options = {}) => execFileSync('npx', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });

test('npm pack ships the bundles, the CLI, the receiver and the metadata, and no tests, demo or sources', () => {
  const [listing] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' }));
  const files = listing.files.map((f) => f.path);
  const leaked = files.filter((f) => /^(test|demo|src|bench|scripts|policies|site|\.test-site|\.ci|node_modules)\//.test(f) || /^server\/.*fixture/.test(f));
  assert.deepEqual(leaked, []);
  for (const built of ['dist/trust-center.js', 'dist/trust-center.iife.js', 'dist/trust-center-banner.js', 'dist/trust-center-disclosure.js', 'dist/lib/index.js', 'dist/node/manifest.js', 'dist/manifest.schema.json', 'cli/trust-center.mjs', 'server/receiver.mjs', 'server/server.mjs', 'server/store.mjs', 'server/pages/inbox.html', 'server/pages/status.js']) {
    assert.ok(files.includes(built), `${built} is in the package`);
  }
  assert.ok(!files.some((f) => f.endsWith('.test.ts') || f.endsWith('.test.mjs')), 'no test files');
});

test('every export and bin points inside the published files', () => {
  // A folder entry covers what is under it; a glob (server/*.mjs) what it matches; "!" entries exclude.
  const matches = (path, entry) =>
    entry.includes('*') ? new RegExp(`^${entry.replace(/[.]/g, '\\.').replace(/\*/g, '[^/]*')}$`).test(path) : path.startsWith(entry.replace(/\/$/, ''));
  const published = (target) => {
    const path = target.replace(/^\.\//, '');
    return pkg.files.some((e) => !e.startsWith('!') && matches(path, e)) && !pkg.files.some((e) => e.startsWith('!') && matches(path, e.slice(1)));
  };
  const targets = Object.values(pkg.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)));
  for (const target of [...targets, ...Object.values(pkg.bin), pkg.main, pkg.types, pkg.customElements]) {
    assert.ok(target === './package.json' || published(target), `${target} is published`);
  }
  // The ones the rollup build writes exist after it.
  for (const target of targets.filter((t) => t.startsWith('./dist/') && !t.startsWith('./dist/types/'))) {
    assert.ok(existsSync(join(ROOT, target)), `${target} was built`);
  }
});

test('custom-elements.json documents every public tag with its attributes, events, parts and tokens', (t) => {
  const out = tempDir(t, 'cem-');
  npx(['cem', 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--outdir', out]);
  // The analyzer joins --outdir to the working directory.
  const file = [join(out, 'custom-elements.json'), join(ROOT, out, 'custom-elements.json')].find(existsSync);
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  const tags = new Map();
  for (const mod of manifest.modules) for (const d of mod.declarations ?? []) if (d.customElement && d.tagName) tags.set(d.tagName, d);
  for (const tag of ['trust-center', 'trust-center-policy', 'trust-center-banner', 'trust-center-disclosure']) {
    const element = tags.get(tag);
    assert.ok(element, `${tag} is described`);
    const attributes = (element.attributes ?? []).map((a) => a.name);
    for (const name of ['src', 'theme', 'lang']) assert.ok(attributes.includes(name), `${tag} documents the ${name} attribute`);
    assert.ok((element.events ?? []).length > 0, `${tag} documents its events`);
    assert.ok((element.cssParts ?? []).length >= 4, `${tag} documents its parts`);
    assert.ok((element.cssProperties ?? []).some((p) => p.name === '--tc-accent'), `${tag} documents --tc-accent`);
  }
  for (const d of tags.values()) for (const p of d.cssParts ?? []) assert.ok(p.description, `${d.tagName}::part(${p.name}) has a description`);
});

test('TypeScript declarations: the elements are in HTMLElementTagNameMap', (t) => {
  const out = tempDir(t, 'types-');
  npx(['tsc', '-p', 'tsconfig.json', '--emitDeclarationOnly', '--declaration', '--outDir', out]);
  const define = readFileSync(join(out, 'define.d.ts'), 'utf8');
  for (const tag of ['trust-center', 'trust-center-policy', 'trust-center-banner']) assert.match(define, new RegExp(`'${tag}': `));
  assert.match(readFileSync(join(out, 'disclosure', 'define.d.ts'), 'utf8'), /'trust-center-disclosure': TrustCenterDisclosureElement/);
  for (const entry of ['trust-center.d.ts', 'trust-center-banner.d.ts', 'trust-center-disclosure.d.ts', 'index.d.ts', 'manifest/index.d.ts']) {
    assert.ok(existsSync(join(out, entry)), `${entry} is declared`);
  }
});
