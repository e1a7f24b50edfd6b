// What `npm publish` would ship, and the metadata editors and frameworks read from it: the pack listing,
// the `exports` map, custom-elements.json (generated from the JSDoc) and the TypeScript declarations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../cli/helpers.mjs';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

test('npm pack ships the bundles, the CLI, the receiver and the metadata, and no tests, demo or sources', () => {
  const [listing] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' }));
  const files = listing.files.map((f) => f.path);
  const leaked = files.filter((f) => /^(test|demo|src|bench|scripts|policies|site|\.test-site|\.ci|node_modules)\//.test(f) || /^server\/.*fixture/.test(f));
  assert.deepEqual(leaked, []);
  for (const built of ['dist/trust-center.js', 'dist/trust-center.iife.js', 'dist/trust-center-banner.js', 'dist/trust-center-disclosure.js', 'dist/lib/index.js', 'dist/lib/disclosure.js', 'dist/node/manifest.js', 'dist/manifest.schema.json', 'dist/THIRD-PARTY-NOTICES.txt', 'dist/types/frameworks/react.d.ts', 'dist/types/frameworks/vue.d.ts', 'cli/trust-center.mjs', 'server/receiver.mjs', 'server/server.mjs', 'server/store.mjs', 'server/pages/inbox.html', 'server/pages/status.js', 'LICENSE', 'custom-elements.json', 'vscode.html-custom-data.json', 'vscode.css-custom-data.json', 'web-types.json']) {
    assert.ok(files.includes(built), `${built} is in the package`);
  }
  assert.ok(!files.some((f) => f.endsWith('.test.ts') || f.endsWith('.test.mjs')), 'no test files');
});

test('the package is lean: no source maps, nothing pointing at one, one OpenPGP.js, under 3 MB unpacked', () => {
  const [listing] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' }));
  const files = listing.files.map((f) => f.path);
  assert.deepEqual(files.filter((f) => f.endsWith('.map')), []);
  assert.deepEqual(files.filter((f) => f.endsWith('.js') && /\/[/*]# sourceMappingURL=/.test(readFileSync(join(ROOT, f), 'utf8'))), []);
  assert.deepEqual(files.filter((f) => /(^|\/)openpgp[.\w-]*\.js$/.test(f)), ['dist/openpgp/openpgp.js']);
  // 9.4 MB before the maps went and the copies of OpenPGP.js became one; a rise past this is a regression to look at.
  assert.ok(listing.unpackedSize < 3_000_000, `unpacked ${listing.unpackedSize} bytes`);
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
  for (const target of [...targets, ...Object.values(pkg.bin ?? {}), pkg.main, pkg.types, pkg.customElements]) {
    assert.ok(target === './package.json' || published(target), `${target} is published`);
  }
  // The ones the build writes exist after it.
  for (const target of targets.filter((t) => t !== './package.json')) {
    assert.ok(existsSync(join(ROOT, target)), `${target} was built`);
  }
});
