// What `npm publish` would ship, and the metadata editors and frameworks read from it: the pack listing,
// the `exports` map, custom-elements.json (generated from the JSDoc) and the TypeScript declarations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import ts from 'typescript';
import { ROOT } from '../cli/helpers.mjs';

/**
 * trust-center's unpacked size must stay under this: 2.22 MB when set. Issue 14 asks for 1 MB, which the one
 * OpenPGP.js, the editor metadata, the notices, the browser bundles and the `trust-center/elements` build that
 * keeps Lit a peer already exceed: README "Size" has the arithmetic.
 */
const SIZE_BOUND = 2_280_000;

const readJson = (dir) => JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8'));
const pkg = readJson('.');
const CLI_DIR = 'packages/cli';
const cliPkg = readJson(CLI_DIR);

/** `npm pack --dry-run` of the package in `dir`: { files, size, unpackedSize }. */
function listing(dir) {
  const [result] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: join(ROOT, dir), encoding: 'utf8' }));
  return { ...result, files: result.files.map((f) => f.path) };
}

test('npm pack ships the bundles and the metadata in trust-center, and no command line, tests, demo or sources', () => {
  const { files } = listing('.');
  const leaked = files.filter((f) => /^(test|demo|src|bench|scripts|policies|site|\.test-site|\.ci|node_modules|packages|cli|server)\//.test(f));
  assert.deepEqual(leaked, []);
  for (const built of ['dist/trust-center.js', 'dist/trust-center.iife.js', 'dist/trust-center-banner.js', 'dist/trust-center-disclosure.js', 'dist/lib/index.js', 'dist/lib/disclosure.js', 'dist/node/manifest.js', 'dist/node/markdown.js', 'dist/node/compiled.js', 'dist/manifest.schema.json', 'dist/THIRD-PARTY-NOTICES.txt', 'dist/types/frameworks/react.d.ts', 'dist/types/frameworks/vue.d.ts', 'LICENSE', 'custom-elements.json', 'vscode.html-custom-data.json', 'vscode.css-custom-data.json', 'web-types.json']) {
    assert.ok(files.includes(built), `${built} is in the package`);
  }
  assert.ok(!files.some((f) => f.endsWith('.test.ts') || f.endsWith('.test.mjs')), 'no test files');
});

test('npm pack ships the command line and the receiver in @trust-center/cli, and not their tests or fixtures', () => {
  const { files } = listing(CLI_DIR);
  for (const shipped of ['bin/trust-center.mjs', 'lib/main.mjs', 'lib/build.mjs', 'lib/element-package.mjs', 'server/receiver.mjs', 'server/server.mjs', 'server/store.mjs', 'server/pages/inbox.html', 'server/pages/status.js', 'package.json']) {
    assert.ok(files.includes(shipped), `${shipped} is in @trust-center/cli`);
  }
  assert.deepEqual(files.filter((f) => f.endsWith('.test.mjs') || /fixture/.test(f) || f.startsWith('node_modules/')), []);
  assert.ok(!files.some((f) => f.startsWith('dist/')), 'the element package\'s build is not copied in: the CLI finds it in trust-center');
});

test(`the packages are lean: no source maps, nothing pointing at one, one OpenPGP.js, trust-center under ${SIZE_BOUND / 1e6} MB unpacked`, () => {
  const element = listing('.');
  const files = element.files;
  assert.deepEqual(files.filter((f) => f.endsWith('.map')), []);
  assert.deepEqual(files.filter((f) => f.endsWith('.js') && /\/[/*]# sourceMappingURL=/.test(readFileSync(join(ROOT, f), 'utf8'))), []);
  assert.deepEqual(files.filter((f) => /(^|\/)openpgp[.\w-]*\.js$/.test(f)), ['dist/openpgp/openpgp.js']);
  // One copy by content too, whatever a file is named: OpenPGP.js's code (its version string) is in dist/openpgp/ alone.
  const withOpenPgp = files.filter((f) => f.endsWith('.js') && /OpenPGP\.js v?\d+\.\d+\.\d+/.test(readFileSync(join(ROOT, f), 'utf8')));
  assert.ok(withOpenPgp.includes('dist/openpgp/openpgp.js'), 'the check finds OpenPGP.js where it is');
  assert.deepEqual(withOpenPgp.filter((f) => !f.startsWith('dist/openpgp/')), []);
  // 9.4 MB before the maps went and the copies of OpenPGP.js became one, 2.96 MB before dist/lib and dist/node
  // were minified and the command line moved to @trust-center/cli; a rise past this is a regression to look at.
  assert.ok(element.unpackedSize < SIZE_BOUND, `trust-center: unpacked ${element.unpackedSize} bytes`);
  // The generated JSON is written unindented (scripts/compact-json.mjs, rollup.config.mjs): tools parse it.
  for (const file of ['custom-elements.json', 'web-types.json', 'vscode.html-custom-data.json', 'vscode.css-custom-data.json', 'dist/manifest.schema.json']) {
    assert.equal(readFileSync(join(ROOT, file), 'utf8').split('\n').length, 2, `${file} is one line`);
  }
  // @trust-center/cli: its own code only (its libraries are dependencies, the element's build is trust-center's).
  assert.ok(listing(CLI_DIR).unpackedSize < 400_000, '@trust-center/cli is its own code only');
});

test('every declaration file shipped is reachable from a typed entry point, and everything it imports is shipped', () => {
  const files = new Set(listing('.').files);
  const shipped = [...files].filter((f) => f.endsWith('.d.ts'));
  const entries = Object.values(pkg.exports).flatMap((t) => (typeof t === 'object' && t.types ? [t.types.replace(/^\.\//, '')] : []));
  // TypeScript's own reading of a file's imports, `import()` types and `/// <reference path>`s.
  const refs = (file) => {
    const info = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true);
    return [...info.importedFiles, ...info.referencedFiles]
      .map((r) => r.fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) => posix.join(posix.dirname(file), name).replace(/\.js$/, '.d.ts'));
  };
  const reached = new Set();
  const visit = (file) => {
    if (reached.has(file)) return;
    reached.add(file);
    assert.ok(files.has(file), `${file} is shipped (imported by a shipped declaration or an export)`);
    refs(file).forEach(visit);
  };
  entries.forEach(visit);
  assert.deepEqual(shipped.filter((f) => !reached.has(f)), [], 'no declaration that no entry point reaches');
});

test('every script at the top of dist/ is an export with types', () => {
  const { files } = listing('.');
  const targets = Object.values(pkg.exports).filter((t) => typeof t === 'object');
  const scripts = files.filter((f) => /^dist\/[^/]+\.js$/.test(f));
  assert.ok(scripts.includes('dist/trust-center-policy.js'));
  for (const file of scripts) {
    const target = targets.find((t) => t.default === `./${file}`);
    assert.ok(target, `${file} is in exports`);
    assert.ok(target.types && existsSync(join(ROOT, target.types)), `${file}'s export has types`);
  }
});

test('every export and bin of both packages points inside its published files', () => {
  // A folder entry covers what is under it; a glob (server/*.mjs) what it matches; "!" entries exclude.
  const matches = (path, entry) =>
    entry.includes('*') ? new RegExp(`^${entry.replace(/[.]/g, '\\.').replace(/\*/g, '[^/]*')}$`).test(path) : path.startsWith(entry.replace(/\/$/, ''));
  for (const [dir, json] of [['.', pkg], [CLI_DIR, cliPkg]]) {
    const published = (target) => {
      const path = target.replace(/^\.\//, '');
      return json.files.some((e) => !e.startsWith('!') && matches(path, e)) && !json.files.some((e) => e.startsWith('!') && matches(path, e.slice(1)));
    };
    const targets = Object.values(json.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)));
    for (const target of [...targets, ...Object.values(json.bin ?? {}), json.main, json.types, json.customElements].filter(Boolean)) {
      assert.ok(target === './package.json' || published(target), `${json.name}: ${target} is published`);
    }
    // The ones the build writes exist after it.
    for (const target of targets.filter((t) => t !== './package.json')) {
      assert.ok(existsSync(join(ROOT, dir, target)), `${json.name}: ${target} was built`);
    }
  }
});
