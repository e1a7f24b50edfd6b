// Every entry point of the package imports on a server (Next, Nuxt, Astro, SvelteKit and a plain Node
// `import()` all evaluate it during server-side rendering) without throwing and without registering a tag,
// each in a fresh Node process with no DOM, by the package's own name so that `exports` is what resolves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../cli/helpers.mjs';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** Imports `specifier` in a new Node process; returns what it saw, or throws with the child's stderr. */
function importOnServer(specifier, conditions = []) {
  const script = `
    const module = await import(${JSON.stringify(specifier)});
    const registry = globalThis.customElements;
    const tags = ['trust-center', 'trust-center-policy', 'trust-center-banner', 'trust-center-disclosure'];
    console.log(JSON.stringify({
      exports: Object.keys(module).filter((name) => !/^[$_a-zA-Z][0-9]?$/.test(name)).sort(),
      registered: tags.filter((tag) => registry?.get?.(tag)),
      dom: ['HTMLElement', 'document', 'window'].filter((name) => globalThis[name] !== undefined),
    }));`;
  const args = [...conditions.map((c) => `--conditions=${c}`), '--input-type=module', '-e', script];
  return JSON.parse(execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
}

/** The element entry points: their names in `exports`, and what each must export. */
const ELEMENT_ENTRIES = {
  'trust-center': ['TrustCenterBannerElement', 'TrustCenterElement', 'TrustCenterPolicyElement', 'formatIssue', 'markSeen', 'readSeen'],
  'trust-center/banner': ['TrustCenterBannerElement', 'markSeen', 'readSeen'],
  'trust-center/policy': ['TrustCenterPolicyElement', 'formatIssue'],
  'trust-center/disclosure': ['TrustCenterDisclosureElement', 'defineDisclosure', 'parseCvss31', 'postReport', 'loadOpenPgp'],
  'trust-center/elements': ['TrustCenterBannerElement', 'TrustCenterElement', 'TrustCenterPolicyElement', 'loadDisclosureElement', 'markSeen'],
  'trust-center/elements/disclosure': ['TrustCenterDisclosureElement', 'parseCvss31', 'postReport'],
  'trust-center/manifest': ['parseManifest', 'manifestJsonSchema', 'ManifestSchema', 'formatIssue'],
};

test('the test covers every JavaScript export of package.json', () => {
  const javascript = Object.entries(pkg.exports)
    .filter(([, target]) => (typeof target === 'string' ? target : target.default ?? '').endsWith('.js'))
    .map(([key]) => (key === '.' ? pkg.name : `${pkg.name}/${key.slice(2)}`));
  // The classic scripts run in a page only (they are not modules).
  const covered = [...Object.keys(ELEMENT_ENTRIES), 'trust-center/iife', 'trust-center/banner/iife'];
  assert.deepEqual(javascript.filter((name) => !covered.includes(name)), []);
});

for (const [specifier, names] of Object.entries(ELEMENT_ENTRIES)) {
  test(`import '${specifier}' on a server: no error, its exports, no tag registered`, () => {
    const seen = importOnServer(specifier);
    for (const name of names) assert.ok(seen.exports.includes(name), `${specifier} exports ${name}`);
    assert.deepEqual(seen.registered, []);
    assert.deepEqual(seen.dom, [], 'no DOM global is left behind');
  });
}

// Frameworks that render on a server with the `browser` condition (edge runtimes, some Vite set-ups) get
// the same prebuilt bundles: nothing in them depends on the condition.
for (const specifier of ['trust-center', 'trust-center/banner', 'trust-center/policy', 'trust-center/disclosure']) {
  test(`import '${specifier}' on a server with the browser condition`, () => {
    const seen = importOnServer(specifier, ['browser']);
    assert.ok(seen.exports.length > 0);
    assert.deepEqual(seen.registered, []);
  });
}

test('the bundles as files, the way a page or the before-stop check loads them', () => {
  for (const file of ['dist/trust-center.js', 'dist/trust-center-banner.js', 'dist/trust-center-disclosure.js']) {
    const seen = importOnServer(`./${file}`);
    assert.ok(seen.exports.length > 0, `${file} has exports`);
  }
});
