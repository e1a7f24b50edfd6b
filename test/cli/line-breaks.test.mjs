// No manifest text can start a new line in security.txt or the feed, or reorder a title: line breaks
// (CR, LF, NEL, U+2028, U+2029), other controls and bidi overrides are refused where text reaches them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateManifest } from '../../packages/cli/lib/validate.mjs';
import { checkHtml } from './html-check.mjs';
import { copyGoodFixture, permissive, run } from './helpers.mjs';

const SITE = 'https://northwind.example';

test('build refuses a security.txt injection through the organization name, a title or a change summary', (t) => {
  const site = copyGoodFixture(t, (manifest) => {
    manifest.organization.name = 'Northwind\u2028Contact: mailto:attacker@evil.example';
    manifest.policies[0].title = 'Security \u202egnp.exe';
    manifest.policies[0].changes[0].summary = 'Added\u0085Encryption: https://evil.example/key.asc';
  });
  const built = run(['build', site.policies, '--out', site.out, '--site', SITE]);
  assert.equal(built.code, 1, built.stdout + built.stderr);
  assert.ok(!existsSync(site.out), 'nothing written');
  // The schema may refuse them first, in its own words: each line names its field.
  for (const path of ['organization.name', 'policies[0].title', 'policies[0].changes[0].summary']) {
    assert.ok(
      built.lines.some((line) => line.startsWith(`${site.manifestFile}:`) && line.includes(`  ${path}  `)),
      `${path}: ${built.stdout}`,
    );
  }
});

test('validate refuses them in every such field by itself, at the character, whatever the schema lets through', async (t) => {
  const fields = [
    ['organization.name', (m, text) => (m.organization.name = text)],
    ['organization.url', (m, text) => (m.organization.url = `https://northwind.example/${text}`)],
    ['policies[0].title', (m, text) => (m.policies[0].title = text)],
    ['policies[0].summary', (m, text) => (m.policies[0].summary = text)],
    ['policies[0].changes[0].summary', (m, text) => (m.policies[0].changes[0].summary = text)],
    ['compliance[0].name', (m, text) => (m.compliance[0].name = text)],
    ['disclosure.email', (m, text) => (m.disclosure.email = text)],
  ];
  const characters = {
    '\u2028': 'U+2028 LINE SEPARATOR',
    '\u2029': 'U+2029 PARAGRAPH SEPARATOR',
    '\u0085': 'U+0085 NEXT LINE',
    '\r': 'U+000D CARRIAGE RETURN',
    '\n': 'U+000A LINE FEED',
    '\t': 'U+0009 CHARACTER TABULATION',
    '\u0001': 'U+0001 (a control character)',
    '\u009b': 'U+009B (a control character)',
    '\u202e': 'U+202E RIGHT-TO-LEFT OVERRIDE',
    '\u2066': 'U+2066 LEFT-TO-RIGHT ISOLATE',
  };
  for (const [character, name] of Object.entries(characters)) {
    const site = copyGoodFixture(t, (manifest) => {
      for (const [, set] of fields) set(manifest, `ab${character}Contact: mailto:attacker@evil.example`);
    });
    const text = readFileSync(site.manifestFile, 'utf8');
    const result = await validateManifest({ manifestPath: site.manifestFile, dist: permissive, securityTxt: false });
    const message = `contains ${name}: line breaks, control characters and bidi overrides are refused here, as this text reaches security.txt, the Atom feed and page titles`;
    assert.deepEqual(
      result.problems.map((p) => `${p.path}  ${p.severity}: ${p.message}`),
      fields.map(([path]) => `${path}  error: ${message}`),
      name,
    );
    // Each points at the character itself (as JSON writes it), not at the start of the string.
    const lines = text.split('\n');
    for (const problem of result.problems) {
      const at = lines[problem.line - 1].slice(problem.column - 1);
      assert.ok(at.startsWith(JSON.stringify(character).slice(1, -1)), `${problem.path} ${name}: ${at}`);
    }
  }
});

test('the meta description taken from the markdown holds no control or bidi characters', (t) => {
  // privacy.md has no summary: its description is the start of its text.
  const site = copyGoodFixture(t, () => {});
  const privacy = join(site.policies, 'privacy.md');
  writeFileSync(privacy, `We collect \u202eatad\u202c as \u2066little\u2069 as\u0085we can.\n\n${readFileSync(privacy, 'utf8')}`);
  const built = run(['build', site.policies, '--out', site.out, '--site', SITE]);
  assert.equal(built.code, 0, built.stdout + built.stderr);
  const page = readFileSync(join(site.out, 'trust', 'privacy', 'index.html'), 'utf8');
  const metas = checkHtml(page).elements.filter((e) => e.name === 'meta' && /^(?:description|og:description)$/.test(e.attributes.name ?? e.attributes.property ?? ''));
  assert.equal(metas.length, 2);
  for (const meta of metas) {
    assert.equal(
      meta.attributes.content,
      'We collect atad as little as we can. We collect as little as we can. What we collect Robot telemetry and the e-mail address of each account. How long we keep…',
    );
  }
});
