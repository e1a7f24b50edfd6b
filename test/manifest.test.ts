import { expect } from '@open-wc/testing';
import type { JsonSchema } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import {
  COMPLIANCE_STATUSES,
  ManifestSchema,
  ManifestValidationError,
  formatIssue,
  manifestJsonSchema,
  parseManifest,
  type Manifest,
  type ParseResult,
} from '../src/manifest/index.js';
import { shapeOf } from '../src/manifest/shape.js';

type Json = Record<string, unknown>;

const FINGERPRINT_V4 = 'abcd 1234 ABCD 1234 abcd  1234 ABCD 1234 abcd 1234';

/** Every field of manifest v1, optional ones included (defaults left out on purpose). */
function fullManifest(): Json {
  return {
    $schema: '../dist/manifest.schema.json',
    version: 1,
    organization: { name: 'Artisser', url: 'https://artisser.example', logo: 'logo.svg' },
    policies: [
      {
        id: 'security',
        title: 'Security',
        updated: '2026-06-05',
        source: 'security.md',
        summary: 'How we protect your data.',
        changes: [{ date: '2026-06-05', summary: 'Added the disclosure commitment.' }],
        history: [
          { updated: '2026-01-15', source: 'security-2026-01.md' },
          { updated: '2025-06-01', content: '# Security\n\nThe first version.' },
        ],
      },
      { id: 'privacy', title: 'Privacy', updated: '2025-11-20', content: '# Privacy\n\nWe collect little.' },
    ],
    compliance: [
      { name: 'SOC 2 Type II', status: 'in-progress', description: 'Working toward our own report.', scope: 'The platform', report: 'soc2' },
      { name: 'GDPR', status: 'aligned' },
      { name: 'ISO 27001', status: 'certified', audited: '2025-03-01', expires: '2028-02-28' },
    ],
    subprocessors: [
      { name: 'Amazon Web Services', purpose: 'Cloud hosting', location: ['United States', 'Ireland'], data: ['Account data'], url: 'https://aws.amazon.com' },
      { name: 'Postmark', purpose: 'E-mail delivery', location: 'United States' },
    ],
    subprocessorsUpdated: '2026-05-20',
    subprocessorsNoticeDays: 30,
    faq: [
      { id: 'encryption', question: 'Is my data encrypted?', answer: 'Yes, with **AES-256**.' },
      { id: 'soc2', question: 'Are you SOC 2 certified?', answer: 'Not yet.' },
    ],
    documents: [
      { id: 'whitepaper', title: 'Security whitepaper', description: 'Two pages.', access: 'public', url: 'docs/whitepaper.pdf', updated: '2026-06-05' },
      { id: 'soc2', title: 'SOC 2 Type II report', access: 'request' },
    ],
    documentAccess: { email: 'trust@artisser.example', endpoint: '/api/document-requests' },
    disclosure: {
      policy: 'security',
      email: 'security@artisser.example',
      endpoint: 'https://reports.artisser.example/api',
      assets: [
        { id: 'web', label: 'artisser.example web app' },
        { id: 'api', label: 'Artisser API' },
      ],
      encryption: { key: 'security.asc', fingerprint: FINGERPRINT_V4 },
    },
    banner: { policies: ['security'], message: 'Our security policy changed.' },
  };
}

/** The smallest manifest that is valid. */
function minimalManifest(): Json {
  return {
    version: 1,
    organization: { name: 'Artisser', url: 'https://artisser.example' },
    policies: [{ id: 'security', title: 'Security', updated: '2026-06-05', source: 'security.md' }],
  };
}

function parsed(data: unknown): Manifest {
  const result = parseManifest(data);
  if (!result.ok) throw new Error(`expected a valid manifest, got: ${result.issues.map(formatIssue).join('; ')}`);
  return result.manifest;
}

function failure(result: ParseResult) {
  if (result.ok) throw new Error('expected the manifest to be rejected');
  return result;
}

/** The formatted issues of the full manifest after `change` edits a copy of it. */
function issuesAfter(change: (manifest: Json) => void, base: () => Json = fullManifest): string[] {
  const manifest = base();
  change(manifest);
  return failure(parseManifest(manifest)).issues.map(formatIssue);
}

const policies = (m: Json) => m.policies as Json[];
const organization = (m: Json) => m.organization as Json;
const disclosure = (m: Json) => m.disclosure as Json;
const banner = (m: Json) => m.banner as Json;
const compliance = (m: Json) => m.compliance as Json[];
const subprocessors = (m: Json) => m.subprocessors as Json[];
const faq = (m: Json) => m.faq as Json[];
const documents = (m: Json) => m.documents as Json[];
const history = (m: Json) => policies(m)[0].history as Json[];

describe('parseManifest: valid manifests', () => {
  it('parses a full manifest and fills in the defaults', () => {
    const manifest = parsed(fullManifest());
    expect(manifest.organization.name).to.equal('Artisser');
    expect(manifest.policies.map((p) => p.id)).to.deep.equal(['security', 'privacy']);
    expect(manifest.policies[0].changes?.[0].summary).to.equal('Added the disclosure commitment.');
    expect(manifest.compliance?.map((c) => c.status)).to.deep.equal(['in-progress', 'aligned', 'certified']);
    const acknowledgeDays: number = manifest.disclosure!.acknowledgeBusinessDays;
    const requireEmail: boolean = manifest.disclosure!.requireEmail;
    const recentDays: number = manifest.banner!.recentDays;
    expect([acknowledgeDays, requireEmail, recentDays]).to.deep.equal([2, false, 30]);
  });

  it('normalises the fingerprint to upper-case hex without spaces', () => {
    const manifest = parsed(fullManifest());
    expect(manifest.disclosure?.encryption?.fingerprint).to.equal('ABCD1234ABCD1234ABCD1234ABCD1234ABCD1234');
    const v6 = fullManifest();
    (disclosure(v6).encryption as Json).fingerprint = 'a'.repeat(64);
    expect(parsed(v6).disclosure?.encryption?.fingerprint).to.equal('A'.repeat(64));
  });

  it('keeps values given instead of the defaults', () => {
    const manifest = fullManifest();
    Object.assign(disclosure(manifest), { acknowledgeBusinessDays: 0, requireEmail: true });
    banner(manifest).recentDays = 0;
    const result = parsed(manifest);
    expect(result.disclosure?.acknowledgeBusinessDays).to.equal(0);
    expect(result.disclosure?.requireEmail).to.equal(true);
    expect(result.banner?.recentDays).to.equal(0);
  });

  it('parses the trust center sections: compliance dates, subprocessors, FAQ, documents and policy history', () => {
    const manifest = parsed(fullManifest());
    expect(manifest.compliance?.[0]).to.deep.include({ scope: 'The platform', report: 'soc2' });
    expect(manifest.compliance?.[2]).to.deep.include({ audited: '2025-03-01', expires: '2028-02-28' });
    expect(manifest.subprocessors?.map((s) => s.location)).to.deep.equal([['United States', 'Ireland'], 'United States']);
    expect([manifest.subprocessorsUpdated, manifest.subprocessorsNoticeDays]).to.deep.equal(['2026-05-20', 30]);
    expect(manifest.faq?.map((entry) => entry.id)).to.deep.equal(['encryption', 'soc2']);
    expect(manifest.documents?.map((d) => d.access)).to.deep.equal(['public', 'request']);
    expect(manifest.documentAccess).to.deep.equal({ email: 'trust@artisser.example', endpoint: '/api/document-requests' });
    expect(manifest.policies[0].history?.map((h) => h.updated)).to.deep.equal(['2026-01-15', '2025-06-01']);
  });

  it('parses a minimal manifest, leaving the optional sections out', () => {
    const manifest = parsed(minimalManifest());
    for (const key of ['subprocessors', 'subprocessorsUpdated', 'subprocessorsNoticeDays', 'faq', 'documents', 'documentAccess'] as const) {
      expect(manifest[key], key).to.equal(undefined);
    }
    expect(manifest.compliance).to.equal(undefined);
    expect(manifest.disclosure).to.equal(undefined);
    expect(manifest.banner).to.equal(undefined);
    expect(parseManifest(minimalManifest())).to.deep.include({ warnings: [] });
  });

  it('keeps unknown keys everywhere, for forward compatibility', () => {
    const input = fullManifest();
    input['x-theme'] = { accent: '#c00' };
    organization(input).twitter = '@artisser';
    policies(input)[0].audience = ['customers'];
    disclosure(input).bounty = false;
    const manifest = parsed(input);
    expect(manifest['x-theme']).to.deep.equal({ accent: '#c00' });
    expect(manifest.organization.twitter).to.equal('@artisser');
    expect(manifest.policies[0].audience).to.deep.equal(['customers']);
    expect(manifest.disclosure?.bounty).to.equal(false);
  });

  it('accepts the URL forms each field allows', () => {
    for (const logo of ['logo.svg', 'img/logo.svg', 'https://cdn.example/logo.svg']) {
      const manifest = fullManifest();
      organization(manifest).logo = logo;
      expect(parsed(manifest).organization.logo, logo).to.equal(logo);
    }
    const endpoints = [
      'https://reports.example/api',
      'http://localhost:8080/reports',
      'http://127.0.0.1/reports',
      'http://[::1]:3000/reports',
      '/api/reports',
      'reports',
    ];
    for (const endpoint of endpoints) {
      const manifest = fullManifest();
      disclosure(manifest).endpoint = endpoint;
      expect(parsed(manifest).disclosure?.endpoint, endpoint).to.equal(endpoint);
    }
    const http = minimalManifest();
    organization(http).url = 'http://artisser.example';
    expect(parsed(http).organization.url).to.equal('http://artisser.example');
  });

  it('accepts leap days and ids of up to 64 characters', () => {
    const manifest = minimalManifest();
    Object.assign(policies(manifest)[0], { id: `a${'-'.repeat(63)}`, updated: '2024-02-29' });
    expect(parsed(manifest).policies[0].updated).to.equal('2024-02-29');
  });
});

describe('parseManifest: messages', () => {
  it('rejects a root that is not an object', () => {
    const root = (data: unknown) => failure(parseManifest(data)).issues.map(formatIssue);
    expect(root([])).to.deep.equal(['expected a JSON object, got array']);
    expect(root(null)).to.deep.equal(['expected a JSON object, got null']);
    expect(root('manifest')).to.deep.equal(['expected a JSON object, got "manifest"']);
    expect(failure(parseManifest([])).issues).to.deep.equal([{ path: '', message: 'expected a JSON object, got array' }]);
  });

  it('names each missing required key', () => {
    expect(failure(parseManifest({})).issues.map(formatIssue)).to.deep.equal([
      'version: missing required key',
      'organization: missing required key',
      'policies: missing required key',
    ]);
  });

  it('reads only version 1', () => {
    expect(issuesAfter((m) => (m.version = 2))).to.deep.equal([
      'version: unsupported manifest version 2; this build reads version 1',
    ]);
    expect(issuesAfter((m) => (m.version = '1'))).to.deep.equal(['version: expected the number 1, got "1"']);
  });

  it('checks the organization', () => {
    expect(issuesAfter((m) => (organization(m).name = 42))).to.deep.equal([
      'organization.name: expected a non-empty string, got 42',
    ]);
    expect(issuesAfter((m) => (organization(m).name = '  '))).to.deep.equal([
      'organization.name: expected a non-empty string, got "  "',
    ]);
    expect(issuesAfter((m) => (organization(m).url = 'artisser.example'))).to.deep.equal([
      'organization.url: expected an absolute http(s) URL, got "artisser.example"',
    ]);
    expect(issuesAfter((m) => (organization(m).url = 'javascript:alert(1)'))).to.deep.equal([
      'organization.url: expected an absolute http(s) URL, got "javascript:alert(1)"',
    ]);
    expect(issuesAfter((m) => (m.organization = ['Artisser']))).to.deep.equal([
      'organization: expected an object, got array',
    ]);
  });

  it('allows a logo in the manifest\'s folder or on https only', () => {
    const message = (logo: string) =>
      `organization.logo: expected a path inside the manifest's folder or an absolute https URL, got ${JSON.stringify(logo)}`;
    for (const logo of ['http://cdn.example/logo.svg', 'javascript:alert(1)', ' javascript:alert(1)', '//cdn.example/logo.svg', 'data:image/svg+xml,<svg/>']) {
      expect(issuesAfter((m) => (organization(m).logo = logo))).to.deep.equal([message(logo)]);
    }
  });

  it('checks the policies list', () => {
    expect(issuesAfter((m) => (m.policies = {}))).to.deep.equal(['policies: expected an array, got object']);
    expect(issuesAfter((m) => (m.policies = []))).to.deep.equal([
      'policies: expected at least one policy, got an empty array',
    ]);
    expect(issuesAfter((m) => (m.policies = ['security']))).to.deep.equal([
      'policies[0]: expected an object, got "security"',
    ]);
  });

  it('checks policy ids: their form, and that they are unique', () => {
    const idMessage = (id: string) =>
      `policies[1].id: expected an id of up to 64 lowercase letters, digits and hyphens, not starting with a hyphen, got ${JSON.stringify(id)}`;
    for (const id of ['Privacy', '-privacy', 'privacy policy', 'privacy_policy', '']) {
      expect(issuesAfter((m) => (policies(m)[1].id = id))).to.deep.equal([idMessage(id)]);
    }
    expect(issuesAfter((m) => (policies(m)[1].id = 'a'.repeat(65)))).to.deep.equal([`${idMessage('a'.repeat(60))}…`]);
    expect(
      issuesAfter((m) => policies(m).push({ id: 'security', title: 'Again', updated: '2026-01-01', source: 'again.md' })),
    ).to.deep.equal(['policies[2].id: duplicate id "security" (also policies[0].id)']);
  });

  it('wants real dates written YYYY-MM-DD', () => {
    expect(issuesAfter((m) => (policies(m)[1].updated = 'June 5'))).to.deep.equal([
      'policies[1].updated: expected a date YYYY-MM-DD, got "June 5"',
    ]);
    expect(issuesAfter((m) => (policies(m)[0].updated = 20260605))).to.deep.equal([
      'policies[0].updated: expected a date YYYY-MM-DD, got 20260605',
    ]);
    expect(issuesAfter((m) => (policies(m)[0].updated = '2026-13-01'))).to.deep.equal([
      'policies[0].updated: expected a date YYYY-MM-DD, got "2026-13-01"',
    ]);
    expect(issuesAfter((m) => (policies(m)[0].updated = '2026-02-30'))).to.deep.equal([
      'policies[0].updated: expected a real calendar date, got "2026-02-30"',
    ]);
    expect(issuesAfter((m) => ((policies(m)[0].changes as Json[])[0].date = '2025-02-29'))).to.deep.equal([
      'policies[0].changes[0].date: expected a real calendar date, got "2025-02-29"',
    ]);
  });

  it('wants exactly one of source or content', () => {
    expect(issuesAfter((m) => (policies(m)[0].content = 'Inline too'))).to.deep.equal([
      'policies[0]: needs exactly one of "source" or "content"',
    ]);
    expect(issuesAfter((m) => delete policies(m)[1].content)).to.deep.equal([
      'policies[1]: needs exactly one of "source" or "content"',
    ]);
  });

  it('wants policy sources in the manifest\'s folder', () => {
    expect(issuesAfter((m) => (policies(m)[0].source = 'https://elsewhere.example/security.md'))).to.deep.equal([
      'policies[0].source: expected a path inside the manifest\'s folder, like "security.md", got "https://elsewhere.example/security.md"',
    ]);
    expect(issuesAfter((m) => (policies(m)[0].source = ''))).to.deep.equal([
      'policies[0].source: expected a path inside the manifest\'s folder, like "security.md", got ""',
    ]);
  });

  it('checks the other policy fields', () => {
    expect(issuesAfter((m) => (policies(m)[0].title = ''))).to.deep.equal([
      'policies[0].title: expected a non-empty string, got ""',
    ]);
    expect(issuesAfter((m) => (policies(m)[0].summary = 5))).to.deep.equal([
      'policies[0].summary: expected a string, got 5',
    ]);
    expect(issuesAfter((m) => (policies(m)[0].changes = { date: '2026-06-05' }))).to.deep.equal([
      'policies[0].changes: expected an array, got object',
    ]);
    expect(issuesAfter((m) => delete (policies(m)[0].changes as Json[])[0].summary)).to.deep.equal([
      'policies[0].changes[0].summary: missing required key',
    ]);
  });

  it('checks compliance items', () => {
    expect(issuesAfter((m) => ((m.compliance as Json[])[0].status = 'done'))).to.deep.equal([
      'compliance[0].status: expected one of "certified", "in-progress", "aligned", "planned", got "done"',
    ]);
    expect(issuesAfter((m) => delete (m.compliance as Json[])[1].name)).to.deep.equal([
      'compliance[1].name: missing required key',
    ]);
    expect(issuesAfter((m) => (m.compliance = { name: 'GDPR' }))).to.deep.equal([
      'compliance: expected an array, got object',
    ]);
  });

  it('checks the disclosure program', () => {
    expect(issuesAfter((m) => (disclosure(m).policy = 'secuirty'))).to.deep.equal([
      'disclosure.policy: no policy with id "secuirty"',
    ]);
    expect(issuesAfter((m) => (disclosure(m).email = 'security'))).to.deep.equal([
      'disclosure.email: expected an e-mail address, got "security"',
    ]);
    expect(issuesAfter((m) => (disclosure(m).acknowledgeBusinessDays = 61))).to.deep.equal([
      'disclosure.acknowledgeBusinessDays: expected a whole number from 0 to 60, got 61',
    ]);
    expect(issuesAfter((m) => (disclosure(m).acknowledgeBusinessDays = 1.5))).to.deep.equal([
      'disclosure.acknowledgeBusinessDays: expected a whole number from 0 to 60, got 1.5',
    ]);
    expect(issuesAfter((m) => (disclosure(m).requireEmail = 'yes'))).to.deep.equal([
      'disclosure.requireEmail: expected true or false, got "yes"',
    ]);
    expect(issuesAfter((m) => (disclosure(m).assets as Json[]).push({ id: 'web', label: 'Again' }))).to.deep.equal([
      'disclosure.assets[2].id: duplicate id "web" (also disclosure.assets[0].id)',
    ]);
    expect(issuesAfter((m) => delete (disclosure(m).assets as Json[])[0].label)).to.deep.equal([
      'disclosure.assets[0].label: missing required key',
    ]);
  });

  it('allows http endpoints only on this machine', () => {
    const message = (endpoint: string) =>
      `disclosure.endpoint: expected an https URL, or a path relative to the manifest, got ${JSON.stringify(endpoint)}`;
    for (const endpoint of ['http://reports.example/api', 'http://localhost.evil.example/', '//reports.example/api', 'mailto:security@artisser.example']) {
      expect(issuesAfter((m) => (disclosure(m).endpoint = endpoint))).to.deep.equal([message(endpoint)]);
    }
  });

  it('checks the encryption key', () => {
    const encryption = (m: Json) => disclosure(m).encryption as Json;
    expect(issuesAfter((m) => (encryption(m).fingerprint = 'ABCD 1234'))).to.deep.equal([
      'disclosure.encryption.fingerprint: expected an OpenPGP fingerprint of 40 or 64 hex digits, got "ABCD 1234"',
    ]);
    expect(issuesAfter((m) => (encryption(m).fingerprint = 'g'.repeat(40)))).to.deep.equal([
      `disclosure.encryption.fingerprint: expected an OpenPGP fingerprint of 40 or 64 hex digits, got "${'g'.repeat(40)}"`,
    ]);
    expect(issuesAfter((m) => (encryption(m).key = 'https://keys.example/security.asc'))).to.deep.equal([
      'disclosure.encryption.key: expected a path inside the manifest\'s folder, like "security.md", got "https://keys.example/security.asc"',
    ]);
  });

  it('checks the banner', () => {
    expect(issuesAfter((m) => (banner(m).policies = ['security', 'terms']))).to.deep.equal([
      'banner.policies[1]: no policy with id "terms"',
    ]);
    expect(issuesAfter((m) => (banner(m).recentDays = -1))).to.deep.equal([
      'banner.recentDays: expected a whole number of 0 or more, got -1',
    ]);
    expect(issuesAfter((m) => (m.banner = []))).to.deep.equal(['banner: expected an object, got array']);
  });

  it('shortens long values it quotes', () => {
    const [issue] = issuesAfter((m) => (policies(m)[0].updated = 'x'.repeat(100)));
    expect(issue).to.equal(`policies[0].updated: expected a date YYYY-MM-DD, got "${'x'.repeat(60)}"…`);
  });
});

describe('parseManifest: trust center sections', () => {
  it('checks compliance dates, and that a report names a document', () => {
    expect(issuesAfter((m) => (compliance(m)[2].audited = 'March 2025'))).to.deep.equal([
      'compliance[2].audited: expected a date YYYY-MM-DD, got "March 2025"',
    ]);
    expect(issuesAfter((m) => (compliance(m)[2].expires = '2027-02-29'))).to.deep.equal([
      'compliance[2].expires: expected a real calendar date, got "2027-02-29"',
    ]);
    expect(issuesAfter((m) => (compliance(m)[2].expires = '2024-12-31'))).to.deep.equal([
      'compliance[2].expires: expected a date on or after "audited" (2025-03-01), got "2024-12-31"',
    ]);
    expect(issuesAfter((m) => (compliance(m)[0].scope = ['platform']))).to.deep.equal(['compliance[0].scope: expected a string, got array']);
    expect(issuesAfter((m) => (compliance(m)[0].report = 'soc-2'))).to.deep.equal(['compliance[0].report: no document with id "soc-2"']);
    expect(
      issuesAfter((m) => {
        delete m.documents;
        delete m.documentAccess;
      }),
    ).to.deep.equal(['compliance[0].report: no document with id "soc2"']);
    expect(issuesAfter((m) => (compliance(m)[0].report = 7))).to.deep.equal(['compliance[0].report: expected a document id, got 7']);
  });

  it('checks subprocessors: a location is a place or a list of places', () => {
    expect(issuesAfter((m) => delete subprocessors(m)[1].purpose)).to.deep.equal(['subprocessors[1].purpose: missing required key']);
    expect(issuesAfter((m) => (subprocessors(m)[1].location = 5))).to.deep.equal([
      'subprocessors[1].location: expected a country or region, or a list of them, got 5',
    ]);
    expect(issuesAfter((m) => (subprocessors(m)[1].location = []))).to.deep.equal([
      'subprocessors[1].location: expected at least one location, got array',
    ]);
    expect(issuesAfter((m) => (subprocessors(m)[0].location = ['Ireland', ' ']))).to.deep.equal([
      'subprocessors[0].location[1]: expected a non-empty string, got " "',
    ]);
    expect(issuesAfter((m) => (subprocessors(m)[0].data = 'Account data'))).to.deep.equal(['subprocessors[0].data: expected an array, got "Account data"']);
    expect(issuesAfter((m) => (subprocessors(m)[0].url = 'aws.amazon.com'))).to.deep.equal([
      'subprocessors[0].url: expected an absolute http(s) URL, got "aws.amazon.com"',
    ]);
    expect(issuesAfter((m) => (m.subprocessorsUpdated = '20 May 2026'))).to.deep.equal([
      'subprocessorsUpdated: expected a date YYYY-MM-DD, got "20 May 2026"',
    ]);
    expect(issuesAfter((m) => (m.subprocessorsNoticeDays = 366))).to.deep.equal([
      'subprocessorsNoticeDays: expected a whole number from 0 to 365, got 366',
    ]);
  });

  it('checks the FAQ: ids as in the page URL, unique, with a question and an answer', () => {
    expect(issuesAfter((m) => (faq(m)[1].id = 'encryption'))).to.deep.equal(['faq[1].id: duplicate id "encryption" (also faq[0].id)']);
    expect(issuesAfter((m) => (faq(m)[0].id = 'Encryption'))).to.deep.equal([
      'faq[0].id: expected an id of up to 64 lowercase letters, digits and hyphens, not starting with a hyphen, got "Encryption"',
    ]);
    expect(issuesAfter((m) => (faq(m)[0].answer = ''))).to.deep.equal(['faq[0].answer: expected a non-empty string, got ""']);
    expect(issuesAfter((m) => delete faq(m)[0].question)).to.deep.equal(['faq[0].question: missing required key']);
  });

  it('checks documents: access, a url for public ones, unique ids, and documentAccess when one is on request', () => {
    expect(issuesAfter((m) => (documents(m)[1].access = 'private'))).to.deep.equal([
      'documents[1].access: expected one of "public", "request", got "private"',
    ]);
    expect(issuesAfter((m) => delete documents(m)[0].url)).to.deep.equal([
      'documents[0].url: missing required key (a "public" document needs a "url")',
    ]);
    expect(issuesAfter((m) => (documents(m)[0].url = 'http://cdn.example/w.pdf'))).to.deep.equal([
      'documents[0].url: expected a path inside the manifest\'s folder or an absolute https URL, got "http://cdn.example/w.pdf"',
    ]);
    expect(issuesAfter((m) => (documents(m)[1].id = 'whitepaper'))).to.deep.equal([
      'compliance[0].report: no document with id "soc2"',
      'documents[1].id: duplicate id "whitepaper" (also documents[0].id)',
    ]);
    expect(issuesAfter((m) => delete m.documentAccess)).to.deep.equal([
      'documentAccess: missing required key (documents[1] has access "request")',
    ]);
    expect(issuesAfter((m) => ((m.documentAccess as Json).email = 'trust'))).to.deep.equal([
      'documentAccess.email: expected an e-mail address, got "trust"',
    ]);
    expect(issuesAfter((m) => ((m.documentAccess as Json).endpoint = 'http://requests.example/api'))).to.deep.equal([
      'documentAccess.endpoint: expected an https URL, or a path relative to the manifest, got "http://requests.example/api"',
    ]);
    // Public documents only: no documentAccess needed.
    const onlyPublic = fullManifest();
    documents(onlyPublic).pop();
    delete onlyPublic.documentAccess;
    delete compliance(onlyPublic)[0].report;
    expect(parseManifest(onlyPublic).ok).to.equal(true);
  });

  it('checks policy history: dates before the policy\'s own, and exactly one of source or content', () => {
    expect(issuesAfter((m) => (history(m)[0].updated = '2026-06-05'))).to.deep.equal([
      'policies[0].history[0].updated: expected a date before the policy\'s "updated" (2026-06-05), got "2026-06-05"',
    ]);
    expect(issuesAfter((m) => (history(m)[1].source = 'old.md'))).to.deep.equal(['policies[0].history[1]: needs exactly one of "source" or "content"']);
    expect(issuesAfter((m) => delete history(m)[0].source)).to.deep.equal(['policies[0].history[0]: needs exactly one of "source" or "content"']);
    expect(issuesAfter((m) => (history(m)[0].source = 'https://elsewhere.example/old.md'))).to.deep.equal([
      'policies[0].history[0].source: expected a path inside the manifest\'s folder, like "security.md", got "https://elsewhere.example/old.md"',
    ]);
    expect(issuesAfter((m) => (policies(m)[0].history = { updated: '2026-01-15' }))).to.deep.equal([
      'policies[0].history: expected an array, got object',
    ]);
  });

  it('keeps policy ids off the addresses of the views the manifest has', () => {
    expect(issuesAfter((m) => (policies(m)[1].id = 'faq'))).to.deep.equal([
      'policies[1].id: "faq" is the address of the trust center\'s FAQ (#faq); choose another id',
    ]);
    expect(issuesAfter((m) => (policies(m)[1].id = 'search'))).to.deep.equal([
      'policies[1].id: "search" is the address of the trust center\'s search (#search); choose another id',
    ]);
    expect(issuesAfter((m) => (policies(m)[1].id = 'updates'))).to.deep.equal([
      'policies[1].id: "updates" is the address of the trust center\'s updates list (#updates); choose another id',
    ]);
    // Without subprocessors there is no #subprocessors view, so a policy may have that address.
    const withoutList = fullManifest();
    delete withoutList.subprocessors;
    policies(withoutList)[1].id = 'subprocessors';
    expect(parseManifest(withoutList).ok).to.equal(true);
  });
});

/** Characters no single-line string may hold, one of each kind. */
const LINE_BREAKING = ['\n', '\r', '\t', '\u0000', '\u001b', '\u007f', '\u0085', '\u009b', '\u2028', '\u2029', '\u202a', '\u202e', '\u2066', '\u2069'];
const code = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Relative files that would leave the manifest's folder, and why the message says they do. */
const OUTSIDE: [value: string, reason: string][] = [
  ['..%2F..%2Fetc%2Fpasswd', ' (a percent-encoded ".", "/", "\\" or NUL)'],
  ['%2e%2e/%2e%2e/etc/passwd', ' (a percent-encoded ".", "/", "\\" or NUL)'],
  ['docs%5C..%5Csecret.md', ' (a percent-encoded ".", "/", "\\" or NUL)'],
  ['security.md%00.png', ' (a percent-encoded ".", "/", "\\" or NUL)'],
  ['../secrets.md', ' (".." leads out of the manifest\'s folder)'],
  ['docs/../../secrets.md', ' (".." leads out of the manifest\'s folder)'],
  ['docs/..', ' (".." leads out of the manifest\'s folder)'],
  ['/etc/passwd', ' (a path from the root, not from the manifest)'],
  ['docs\\security.md', ' (a backslash)'],
  ['.env', ' (a hidden file or folder, ".env")'],
  ['.git/config', ' (a hidden file or folder, ".git")'],
  ['notes/.secret/keys.md', ' (a hidden file or folder, ".secret")'],
  ['//evil.example/x.md', ''],
  ['file:///etc/passwd', ''],
];
/** Relative files inside the folder. */
const INSIDE_VALUES = ['security.md', './security.md', 'docs/v1.2/report.pdf', 'a..b.md', 'my%20policy.md', 'security.md?v=2#top', 'docs/./x.md'];

describe('parseManifest: lengths and characters', () => {
  type Field = [path: string, max: number, set: (m: Json, value: string) => void, fill?: (n: number) => string];
  const url = (n: number) => `https://artisser.example/${'x'.repeat(n - 25)}`;
  /** Every string a reader sees, with its limit; `fill` makes a valid value of n characters. */
  const FIELDS: Field[] = [
    ['organization.name', 200, (m, s) => (organization(m).name = s)],
    ['policies[0].title', 200, (m, s) => (policies(m)[0].title = s)],
    ['policies[0].summary', 500, (m, s) => (policies(m)[0].summary = s)],
    ['policies[0].changes[0].summary', 500, (m, s) => ((policies(m)[0].changes as Json[])[0].summary = s)],
    ['policies[1].content', 1_000_000, (m, s) => (policies(m)[1].content = s)],
    ['policies[0].history[1].content', 1_000_000, (m, s) => (history(m)[1].content = s)],
    ['compliance[0].name', 200, (m, s) => (compliance(m)[0].name = s)],
    ['compliance[0].description', 1000, (m, s) => (compliance(m)[0].description = s)],
    ['compliance[0].scope', 500, (m, s) => (compliance(m)[0].scope = s)],
    ['subprocessors[0].name', 200, (m, s) => (subprocessors(m)[0].name = s)],
    ['subprocessors[0].purpose', 500, (m, s) => (subprocessors(m)[0].purpose = s)],
    ['subprocessors[1].location', 200, (m, s) => (subprocessors(m)[1].location = s)],
    ['subprocessors[0].location[1]', 200, (m, s) => ((subprocessors(m)[0].location as string[])[1] = s)],
    ['subprocessors[0].data[0]', 200, (m, s) => ((subprocessors(m)[0].data as string[])[0] = s)],
    ['faq[0].question', 500, (m, s) => (faq(m)[0].question = s)],
    ['faq[0].answer', 20_000, (m, s) => (faq(m)[0].answer = s)],
    ['documents[0].title', 200, (m, s) => (documents(m)[0].title = s)],
    ['documents[0].description', 1000, (m, s) => (documents(m)[0].description = s)],
    ['disclosure.assets[0].id', 200, (m, s) => ((disclosure(m).assets as Json[])[0].id = s)],
    ['disclosure.assets[0].label', 200, (m, s) => ((disclosure(m).assets as Json[])[0].label = s)],
    ['banner.message', 500, (m, s) => (banner(m).message = s)],
    ['organization.url', 2048, (m, s) => (organization(m).url = s), url],
    ['subprocessors[0].url', 2048, (m, s) => (subprocessors(m)[0].url = s), url],
    ['disclosure.endpoint', 2048, (m, s) => (disclosure(m).endpoint = s), url],
    ['organization.logo', 2048, (m, s) => (organization(m).logo = s), (n) => `${'x'.repeat(n - 4)}.svg`],
    ['policies[0].source', 2048, (m, s) => (policies(m)[0].source = s), (n) => `${'x'.repeat(n - 3)}.md`],
    ['disclosure.email', 254, (m, s) => (disclosure(m).email = s), (n) => `${'x'.repeat(n - 17)}@artisser.example`],
    ['$schema', 2048, (m, s) => (m.$schema = s)],
  ];

  it('accepts every shown string up to its limit and names the field and the count beyond it', () => {
    for (const [path, max, set, fill = (n: number) => 'x'.repeat(n)] of FIELDS) {
      const atLimit = fullManifest();
      set(atLimit, fill(max));
      expect(parseManifest(atLimit).ok, `${path} at ${max}`).to.equal(true);
      expect(issuesAfter((m) => set(m, fill(max + 1))), path).to.deep.equal([`${path}: expected at most ${max} characters, got ${max + 1}`]);
    }
    expect(issuesAfter((m) => (banner(m).message = 'x'.repeat(51_200)))).to.deep.equal([
      'banner.message: expected at most 500 characters, got 51200',
    ]);
  });

  it('counts characters as a reader does: an emoji or a CJK character is one', () => {
    const manifest = fullManifest();
    organization(manifest).name = '🔒'.repeat(200);
    policies(manifest)[0].title = '情報セキュリティ方針'.repeat(20);
    expect(parseManifest(manifest).ok).to.equal(true);
    expect(issuesAfter((m) => (organization(m).name = '🔒'.repeat(201)))).to.deep.equal([
      'organization.name: expected at most 200 characters, got 201',
    ]);
  });

  it('lists at most 1000 policies', () => {
    const many = (n: number) => (m: Json) =>
      (m.policies = Array.from({ length: n }, (_, i) => ({ id: `p${i}`, title: `P${i}`, updated: '2026-01-01', content: 'x' })));
    const manifest = minimalManifest();
    many(1000)(manifest);
    expect(parseManifest(manifest).ok).to.equal(true);
    expect(issuesAfter(many(1001), minimalManifest)).to.deep.equal(['policies: expected at most 1000 policies, got 1001']);
  });

  it('refuses control, line-break and bidi characters in every single-line string, naming the character', () => {
    const singleLine = FIELDS.filter(([path]) => !/content|answer|email/.test(path));
    for (const [path, , set, fill = (n: number) => 'x'.repeat(n)] of singleLine) {
      for (const c of LINE_BREAKING) {
        // The character as the 16th of a valid value, so URLs and paths keep their form.
        const value = fill(30);
        const issues = issuesAfter((m) => set(m, value.slice(0, 15) + c + value.slice(15)));
        expect(issues, `${path} with ${code(c)}`).to.deep.equal([
          `${path}: expected one line without control, line-break or bidi-override characters, got ${code(c)} at character 16`,
        ]);
      }
    }
  });

  it('refuses them in ids, dates and e-mail addresses through their own patterns', () => {
    for (const c of LINE_BREAKING) {
      expect(issuesAfter((m) => (policies(m)[1].id = `privacy${c}`))[0], code(c)).to.match(/^policies\[1\]\.id: expected an id of up to 64/);
      expect(issuesAfter((m) => (policies(m)[1].updated = `2025-11-20${c}`))[0], code(c)).to.match(/^policies\[1\]\.updated: expected a date YYYY-MM-DD/);
      expect(issuesAfter((m) => (disclosure(m).email = `security@artisser.example${c}`)), code(c)).to.have.length(1);
    }
  });

  it('keeps line breaks and tabs in markdown bodies, and refuses other control characters there', () => {
    const manifest = fullManifest();
    policies(manifest)[1].content = '# Privacy\r\n\r\n\tcode\n\n\u202bRTL\u202c and \u2028 stay';
    faq(manifest)[0].answer = 'Yes.\n\n- at rest\n- in transit';
    expect(parseManifest(manifest).ok).to.equal(true);
    for (const c of ['\u0000', '\u0008', '\u000b', '\u000c', '\u001b', '\u007f', '\u0085']) {
      expect(issuesAfter((m) => (policies(m)[1].content = `# Privacy\n\nx${c}`)), code(c)).to.deep.equal([
        `policies[1].content: expected text without control characters other than tab and line breaks, got ${code(c)} at character 13`,
      ]);
      expect(issuesAfter((m) => (faq(m)[0].answer = `${c}Yes`)), code(c)).to.deep.equal([
        `faq[0].answer: expected text without control characters other than tab and line breaks, got ${code(c)} at character 1`,
      ]);
    }
  });

  it('escapes invisible characters in the values and keys it quotes, so a message cannot be reordered or split', () => {
    expect(issuesAfter((m) => (policies(m)[0].updated = 'June\u2028\u202e5\u0085'))).to.deep.equal([
      'policies[0].updated: expected a date YYYY-MM-DD, got "June\\u2028\\u202e5\\u0085"',
    ]);
    expect(issuesAfter((m) => (disclosure(m).policy = 'x\u2066y'))).to.deep.equal(['disclosure.policy: no policy with id "x\\u2066y"']);
    expect(issuesAfter((m) => (policies(m)[0].source = { 'e\u202en': 'security.md' }))).to.deep.equal([
      'policies[0].source["e\\u202en"]: expected a language tag like "en" or "de-CH" as the key, got "e\\u202en"',
    ]);
  });
});

describe('parseManifest: relative files', () => {
  type FileField = [path: string, set: (m: Json, value: string) => void, what: string];
  const INSIDE = 'a path inside the manifest\'s folder, like "security.md"';
  const INSIDE_OR_HTTPS = 'a path inside the manifest\'s folder or an absolute https URL';
  const FILE_FIELDS: FileField[] = [
    ['policies[0].source', (m, s) => (policies(m)[0].source = s), INSIDE],
    ['policies[0].source.de', (m, s) => (policies(m)[0].source = { en: 'security.md', de: s }), INSIDE],
    ['policies[0].history[0].source', (m, s) => (history(m)[0].source = s), INSIDE],
    ['disclosure.encryption.key', (m, s) => ((disclosure(m).encryption as Json).key = s), INSIDE],
    ['organization.logo', (m, s) => (organization(m).logo = s), INSIDE_OR_HTTPS],
    ['documents[0].url', (m, s) => (documents(m)[0].url = s), INSIDE_OR_HTTPS],
  ];

  it('refuses every way out of the manifest\'s folder, in every relative-file field, saying why', () => {
    for (const [path, set, what] of FILE_FIELDS) {
      for (const [value, reason] of OUTSIDE) {
        expect(issuesAfter((m) => set(m, value)), `${path} = ${value}`).to.deep.equal([
          `${path}: expected ${what}, got ${JSON.stringify(value)}${reason}`,
        ]);
      }
      const nul = issuesAfter((m) => set(m, 'security\u0000.md'));
      expect(nul, `${path} with NUL`).to.deep.equal([
        `${path}: expected one line without control, line-break or bidi-override characters, got U+0000 at character 9`,
      ]);
    }
  });

  it('accepts files inside the folder, and absolute https URLs where the field allows them', () => {
    for (const [path, set, what] of FILE_FIELDS) {
      for (const value of INSIDE_VALUES) {
        const manifest = fullManifest();
        set(manifest, value);
        expect(parseManifest(manifest).ok, `${path} = ${value}`).to.equal(true);
      }
      const https = fullManifest();
      set(https, 'https://cdn.artisser.example/docs/a%2Fb.pdf');
      expect(parseManifest(https).ok, `${path} = https`).to.equal(what === INSIDE_OR_HTTPS);
    }
  });

  it('still lets an endpoint be a path from the root: it is an address to post to, not a file', () => {
    const manifest = fullManifest();
    disclosure(manifest).endpoint = '/api/reports';
    expect(parsed(manifest).disclosure?.endpoint).to.equal('/api/reports');
  });
});

describe('parseManifest: several problems', () => {
  it('reports every problem at once, in document order', () => {
    const manifest = {
      version: 1,
      policies: [
        { id: 'security', title: 'Security', updated: 'June 5', source: 'security.md' },
        { id: 'security', title: '', updated: '2026-06-05', source: 'security.md', content: 'x' },
      ],
      organization: { name: 42, url: 'https://artisser.example' },
      compliance: [{ name: 'SOC 2', status: 'done' }],
      disclosure: { policy: 'secuirty', email: 'security@artisser.example' },
    };
    expect(failure(parseManifest(manifest)).issues.map(formatIssue)).to.deep.equal([
      'policies[0].updated: expected a date YYYY-MM-DD, got "June 5"',
      'policies[1]: needs exactly one of "source" or "content"',
      'policies[1].id: duplicate id "security" (also policies[0].id)',
      'policies[1].title: expected a non-empty string, got ""',
      'organization.name: expected a non-empty string, got 42',
      'compliance[0].status: expected one of "certified", "in-progress", "aligned", "planned", got "done"',
      'disclosure.policy: no policy with id "secuirty"',
    ]);
  });

  it('reports one problem per value, the most basic one', () => {
    expect(issuesAfter((m) => (organization(m).url = ''))).to.deep.equal([
      'organization.url: expected an absolute http(s) URL, got ""',
    ]);
  });

  it('reports nothing inside an array given for an object but the array itself', () => {
    expect(issuesAfter((m) => ((m.policies as unknown[])[0] = ['security']))).to.deep.equal([
      'policies[0]: expected an object, got array',
    ]);
  });
});

describe('parseManifest: misspelt keys', () => {
  it('suggests the near-miss for a missing required key', () => {
    expect(
      issuesAfter((m) => {
        const policy = policies(m)[0];
        policy.udpated = policy.updated;
        delete policy.updated;
      }),
    ).to.deep.equal(['policies[0].updated: missing required key (found "udpated" — misspelt?)']);
    expect(
      issuesAfter((m) => {
        m.polices = m.policies;
        delete m.policies;
      }),
    ).to.deep.equal(['policies: missing required key (found "polices" — misspelt?)']);
    expect(
      issuesAfter((m) => {
        organization(m).Name = organization(m).name;
        delete organization(m).name;
      }),
    ).to.deep.equal(['organization.name: missing required key (found "Name" — misspelt?)']);
  });

  it('does not suggest keys that are not near misses', () => {
    expect(
      issuesAfter((m) => {
        organization(m).company = organization(m).name;
        delete organization(m).name;
      }),
    ).to.deep.equal(['organization.name: missing required key']);
  });

  it('warns about unknown keys that look like a misspelt optional key', () => {
    const manifest = fullManifest();
    manifest.complience = manifest.compliance;
    delete manifest.compliance;
    policies(manifest)[0].sumary = policies(manifest)[0].summary;
    delete policies(manifest)[0].summary;
    disclosure(manifest).requireEmial = true;
    const result = parseManifest(manifest);
    expect(result.ok).to.equal(true);
    expect(result.warnings.map(formatIssue)).to.deep.equal([
      'policies[0].sumary: unknown key; did you mean "summary"?',
      'disclosure.requireEmial: unknown key; did you mean "requireEmail"?',
      'complience: unknown key; did you mean "compliance"?',
    ]);
  });

  it('leaves other unknown keys alone', () => {
    const manifest = fullManifest();
    Object.assign(manifest, { 'x-theme': {}, notes: 'internal', compliances: [] });
    expect(parseManifest(manifest).warnings).to.deep.equal([]);
  });

  it('warns even when the manifest is rejected', () => {
    const manifest = fullManifest();
    manifest.bannr = manifest.banner;
    delete manifest.banner;
    manifest.version = 2;
    const result = failure(parseManifest(manifest));
    expect(result.issues.map(formatIssue)).to.deep.equal([
      'version: unsupported manifest version 2; this build reads version 1',
    ]);
    expect(result.warnings.map(formatIssue)).to.deep.equal(['bannr: unknown key; did you mean "banner"?']);
  });
});

describe('formatIssue and ManifestValidationError', () => {
  it('formats an issue with its path, or alone at the root', () => {
    expect(formatIssue({ path: 'organization.name', message: 'missing required key' })).to.equal(
      'organization.name: missing required key',
    );
    expect(formatIssue({ path: '', message: 'expected a JSON object, got array' })).to.equal(
      'expected a JSON object, got array',
    );
  });

  it('summarises the issues in its message', () => {
    const issues = failure(parseManifest({ version: 1 })).issues;
    const error = new ManifestValidationError(issues);
    expect(error).to.be.instanceOf(Error);
    expect(error.name).to.equal('ManifestValidationError');
    expect(error.message).to.equal('organization: missing required key (and 1 more)');
    expect(error.issues).to.equal(issues);
    expect(new ManifestValidationError(issues.slice(0, 1)).message).to.equal('organization: missing required key');
  });
});

describe('manifestJsonSchema', () => {
  const schema = manifestJsonSchema();
  const property = (json: JsonSchema, key: string) => json.properties?.[key] as JsonSchema;

  it('is a draft-07 schema with its id and title first', () => {
    expect(Object.keys(schema).slice(0, 3)).to.deep.equal(['$schema', '$id', 'title']);
    expect(schema.$schema).to.equal('http://json-schema.org/draft-07/schema#');
    expect(schema.$id).to.be.a('string');
    expect(schema.title).to.be.a('string');
  });

  it('describes the manifest', () => {
    expect(schema.type).to.equal('object');
    expect(schema.required).to.include.members(['version', 'organization', 'policies']);
    expect(property(schema, 'version').const).to.equal(1);
    const policies = property(schema, 'policies');
    expect(policies.type).to.equal('array');
    expect(policies.minItems).to.equal(1);
    const policy = policies.items as JsonSchema;
    expect(policy.required).to.deep.equal(['id', 'title', 'updated']);
    expect(policy.oneOf).to.deep.equal([
      { properties: { source: true }, required: ['source'] },
      { properties: { content: true }, required: ['content'] },
    ]);
    expect(property(policy, 'updated').format).to.equal('date');
    const compliance = property(schema, 'compliance').items as JsonSchema;
    expect(property(compliance, 'status').enum).to.deep.equal([...COMPLIANCE_STATUSES]);
    const disclosure = property(schema, 'disclosure');
    expect(property(disclosure, 'email').format).to.equal('email');
    expect(property(disclosure, 'acknowledgeBusinessDays')).to.include({ type: 'integer', minimum: 0, maximum: 60, default: 2 });
    expect(property(property(schema, 'banner'), 'recentDays')).to.include({ default: 30 });
    const history = property(policy, 'history').items as JsonSchema;
    expect(history.required).to.deep.equal(['updated']);
    expect(history.oneOf).to.deep.equal([
      { properties: { source: true }, required: ['source'] },
      { properties: { content: true }, required: ['content'] },
    ]);
    expect(property(compliance, 'expires').format).to.equal('date');
    const subprocessor = property(schema, 'subprocessors').items as JsonSchema;
    expect(subprocessor.required).to.deep.equal(['name', 'purpose', 'location']);
    const location = property(subprocessor, 'location');
    expect((location.anyOf as JsonSchema[]).map((option) => option.type)).to.deep.equal(['string', 'array']);
    expect(property(schema, 'subprocessorsNoticeDays')).to.include({ type: 'integer', minimum: 0, maximum: 365 });
    expect((property(schema, 'faq').items as JsonSchema).required).to.deep.equal(['id', 'question', 'answer']);
    const document = property(schema, 'documents').items as JsonSchema;
    expect(document.required).to.deep.equal(['id', 'title', 'access']);
    expect(property(document, 'access').enum).to.deep.equal(['public', 'request']);
    expect(property(schema, 'documentAccess').required).to.deep.equal(['email']);
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(schema))).to.deep.equal(schema);
  });

  it('describes every key the valibot schema accepts, with help for editors', () => {
    const missing: string[] = [];
    const visit = (valibot: v.GenericSchema, json: JsonSchema | undefined, path: string) => {
      const shape = shapeOf(valibot);
      if (!json) return void missing.push(`${path}: absent`);
      if (shape.kind === 'array') return visit(shape.item, json.items as JsonSchema | undefined, `${path}[]`);
      if (shape.kind !== 'object') return;
      const required = Object.keys(shape.entries).filter((key) => !shape.optional.has(key));
      if (JSON.stringify(json.required ?? []) !== JSON.stringify(required)) missing.push(`${path}: required differs`);
      for (const [key, entry] of Object.entries(shape.entries)) {
        const child = json.properties?.[key] as JsonSchema | undefined;
        const childPath = path ? `${path}.${key}` : key;
        if (child && !child.description) missing.push(`${childPath}: no description`);
        // A choice of forms (a subprocessor's location: a place or a list of places) describes each form too.
        for (const [index, option] of ((child?.anyOf as JsonSchema[] | undefined) ?? []).entries()) {
          const described = option.description ?? (option.items as JsonSchema | undefined)?.description;
          if (!described) missing.push(`${childPath}: form ${index} has no description`);
        }
        visit(entry, child, childPath);
      }
    };
    visit(ManifestSchema, schema, '');
    expect(missing).to.deep.equal([]);
  });

  it('says every length limit and character rule it can, agreeing with the checks', () => {
    const policy = property(schema, 'policies').items as JsonSchema;
    const faqEntry = property(schema, 'faq').items as JsonSchema;
    const organization = property(schema, 'organization');
    expect(property(schema, 'policies').maxItems).to.equal(1000);
    expect(property(organization, 'name').maxLength).to.equal(200);
    expect(property(policy, 'summary').maxLength).to.equal(500);
    expect(property(property(schema, 'banner'), 'message').maxLength).to.equal(500);
    expect(property(faqEntry, 'answer').maxLength).to.equal(20_000);
    expect(property(policy, 'content').maxLength).to.equal(1_000_000);
    expect(property(organization, 'url').maxLength).to.equal(2048);
    const pattern = (json: JsonSchema) => new RegExp(json.pattern as string, 'u');
    for (const single of [property(organization, 'name'), property(policy, 'title'), property(organization, 'url')]) {
      const line = pattern(single);
      expect(line.test('https://artisser.example/Artisser — Sécurité'), single.description).to.equal(true);
      for (const c of LINE_BREAKING) expect(line.test(`https://artisser.example/${c}x`), `${single.description} ${code(c)}`).to.equal(false);
    }
    const content = pattern(property(policy, 'content'));
    expect(content.test('# Policy\r\n\n\tcode\u2028')).to.equal(true);
    expect(['\u0000', '\u001b', '\u0085'].some((c) => content.test(`# Policy\n${c}`))).to.equal(false);
    const source = pattern((property(policy, 'source').anyOf as JsonSchema[])[0]!);
    const logo = pattern(property(organization, 'logo'));
    for (const [value] of OUTSIDE) {
      expect(source.test(value), `source ${value}`).to.equal(false);
      expect(logo.test(value), `logo ${value}`).to.equal(false);
    }
    for (const value of INSIDE_VALUES) expect(source.test(value) && logo.test(value), value).to.equal(true);
    expect(logo.test('https://cdn.artisser.example/a%2Fb.svg')).to.equal(true);
  });

  it('has patterns a JSON Schema validator can compile, agreeing with the manifest rules', () => {
    const policy = property(schema, 'policies').items as JsonSchema;
    const pattern = (json: JsonSchema) => new RegExp(json.pattern as string, 'u');
    const id = pattern(property(policy, 'id'));
    expect(['security', 'a', 'iso-27001'].every((s) => id.test(s))).to.equal(true);
    expect(['Security', '-a', ''].some((s) => id.test(s))).to.equal(false);
    const encryption = property(property(schema, 'disclosure'), 'encryption');
    const fingerprint = pattern(property(encryption, 'fingerprint'));
    expect(fingerprint.test(FINGERPRINT_V4)).to.equal(true);
    expect(fingerprint.test('ABCD 1234')).to.equal(false);
    const logo = pattern(property(property(schema, 'organization'), 'logo'));
    expect(['logo.svg', 'img/logo.svg', 'https://cdn.example/logo.svg'].every((s) => logo.test(s))).to.equal(true);
    expect(['http://cdn.example/logo.svg', 'javascript:x', '//cdn.example/x', '/logo.svg'].some((s) => logo.test(s))).to.equal(false);
  });
});
