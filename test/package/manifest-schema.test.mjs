// dist/manifest.schema.json as other tools use it: Ajv in strict mode, both as a draft-07 validator and with
// Ajv's 2020-12 class (which needs the draft-07 meta-schema added), with ajv-formats for "date", "email" and
// "uri"; reached through the package's export. It must accept the sample and refuse what the CLI refuses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { ROOT } from '../cli/helpers.mjs';

const require = createRequire(join(ROOT, 'package.json'));
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const schema = readJson(join(ROOT, 'dist/manifest.schema.json'));

const VALIDATORS = {
  'Ajv (draft-07)': () => new Ajv({ strict: true, allErrors: true }),
  'Ajv2020 with the draft-07 meta-schema': () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-07.json'));
    return ajv;
  },
};

const sample = readJson(join(ROOT, 'policies/manifest.json'));
const policy = { id: 'security', title: 'Security', updated: '2026-01-02' };
const minimal = (policies) => ({ version: 1, organization: { name: 'Acme', url: 'https://acme.example' }, policies });

for (const [name, create] of Object.entries(VALIDATORS)) {
  test(`${name} compiles the schema in strict mode and checks manifests with it`, () => {
    const ajv = create();
    addFormats(ajv);
    const validate = ajv.compile(schema);
    assert.ok(validate(sample), `the sample is valid: ${ajv.errorsText(validate.errors)}`);
    assert.ok(validate(readJson(join(ROOT, 'test/cli/fixtures/good/manifest.json'))), ajv.errorsText(validate.errors));
    assert.ok(validate(minimal([{ ...policy, content: '# Security' }])));

    // Exactly one of source and content, as the element's own check says.
    assert.equal(validate(minimal([policy])), false, 'a policy with neither source nor content');
    assert.equal(validate(minimal([{ ...policy, source: 'a.md', content: '# A' }])), false, 'a policy with both');
    // Formats are checked (ajv-formats), and an error names the field.
    assert.equal(validate(minimal([{ ...policy, source: 'a.md', updated: '5 June 2026' }])), false);
    assert.ok(validate.errors.some((e) => e.instancePath === '/policies/0/updated' && e.keyword === 'format'), ajv.errorsText(validate.errors));
    assert.equal(validate(readJson(join(ROOT, 'test/cli/fixtures/broken/missing-name.json'))), false);
  });
}

test('without ajv-formats, strict Ajv stops at the first unknown format (why the README says to add it)', () => {
  assert.throws(() => new Ajv({ strict: true }).compile(schema), /unknown format "[a-z-]+"/);
});

test('trust-center/manifest.schema.json resolves through the exports to the built schema', () => {
  const resolved = fileURLToPath(import.meta.resolve('trust-center/manifest.schema.json'));
  assert.equal(resolved, join(ROOT, 'dist/manifest.schema.json'));
});

test('the sample\'s "$schema" finds the schema once an app has installed trust-center and copied policies/ to its root', (t) => {
  const app = mkdtempSync(join(tmpdir(), 'tc-app-'));
  t.after(() => rmSync(app, { recursive: true, force: true }));
  mkdirSync(join(app, 'policies'));
  mkdirSync(join(app, 'node_modules'));
  // What `npm install trust-center` puts there: this package (its files as packed are checked by pack.test.mjs).
  symlinkSync(ROOT, join(app, 'node_modules', 'trust-center'), 'dir');
  cpSync(join(ROOT, 'policies/manifest.json'), join(app, 'policies/manifest.json'));
  const manifest = join(app, 'policies/manifest.json');
  const target = fileURLToPath(new URL(readJson(manifest).$schema, pathToFileURL(manifest)));
  assert.ok(existsSync(target), `${sample.$schema} leads to ${target}`);
  assert.deepEqual(readJson(target), schema);
});
