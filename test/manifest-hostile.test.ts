// A manifest written to escape: paths out of its folder, invisible characters, oversized text. The elements
// show every problem in place of the content, readably, and request nothing the manifest points at.
import { html, fixture, expect, fixtureCleanup } from '@open-wc/testing';
import '../src/define.js';
import { clearSharedFetches } from '../src/loading/shared-fetch.js';
import { $, $$, text, waitFor } from './helpers.js';

const FOLDER = new URL('/hostile/trust/', location.href).href;
const MANIFEST = `${FOLDER}manifest.json`;

function hostileManifest() {
  return {
    version: 1,
    organization: { name: 'Artisser\u2028Contact: mailto:evil@attacker.example', url: 'https://artisser.example', logo: '../../logo.svg' },
    policies: [
      { id: 'security', title: 'Security', updated: '2026-06-05', source: '..%2F..%2Fetc%2Fpasswd' },
      { id: 'privacy', title: 'Privacy \u202egnp.exe', updated: '2026-06-05', source: { en: 'privacy.md', de: '/etc/passwd' } },
      { id: 'cookies', title: 'Cookies', updated: '2026-06-05', source: '.env' },
    ],
    banner: { message: 'x'.repeat(51_200) },
  };
}

const ISSUES = [
  'organization.name: expected one line without control, line-break or bidi-override characters, got U+2028 at character 9',
  'organization.logo: expected a path inside the manifest\'s folder or an absolute https URL, got "../../logo.svg" (".." leads out of the manifest\'s folder)',
  'policies[0].source: expected a path inside the manifest\'s folder, like "security.md", got "..%2F..%2Fetc%2Fpasswd" (a percent-encoded ".", "/", "\\" or NUL)',
  'policies[1].title: expected one line without control, line-break or bidi-override characters, got U+202E at character 9',
  'policies[1].source.de: expected a path inside the manifest\'s folder, like "security.md", got "/etc/passwd" (a path from the root, not from the manifest)',
  'policies[2].source: expected a path inside the manifest\'s folder, like "security.md", got ".env" (a hidden file or folder, ".env")',
  'banner.message: expected at most 500 characters, got 51200',
];

describe('a hostile manifest', () => {
  let requested: string[];
  const realFetch = window.fetch;

  beforeEach(() => {
    requested = [];
    clearSharedFetches();
    performance.clearResourceTimings();
    // The manifest is answered here; everything else is recorded and passed on.
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      requested.push(url);
      return url === MANIFEST
        ? Promise.resolve(new Response(JSON.stringify(hostileManifest()), { headers: { 'Content-Type': 'application/json' } }))
        : realFetch(input, init);
    };
  });

  afterEach(() => {
    window.fetch = realFetch;
    fixtureCleanup();
  });

  /** Nothing but the manifest was fetched, and nothing outside its folder was loaded in any other way. */
  function expectNothingElseRequested(): void {
    expect(requested).to.deep.equal([MANIFEST]);
    const outside = performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => /passwd|logo\.svg|\.env|%2F/i.test(name));
    expect(outside).to.deep.equal([]);
  }

  for (const [name, template] of [
    ['<trust-center>', () => html`<trust-center src=${MANIFEST} policy="security" lang="en"></trust-center>`],
    ['<trust-center-policy>', () => html`<trust-center-policy src=${MANIFEST} policy="security" lang="en"></trust-center-policy>`],
  ] as const) {
    it(`${name} lists every problem by path in place of its content and requests nothing outside the manifest's folder`, async () => {
      const el = await fixture<HTMLElement>(template());
      const error = await waitFor(el, '[part~="error"]');
      expect(error.getAttribute('role')).to.equal('alert');
      expect(text($(el, '.error-detail'))).to.contain(`is not a valid trust-center manifest: ${ISSUES[0]} (and 6 more)`);
      expect($$(el, '.error-issues li').map((li) => text(li))).to.deep.equal(ISSUES);
      // The invisible characters reach the page escaped, never as themselves.
      expect(shadowText(el)).to.not.match(/[\u2028\u202e]/);
      expect($(el, '[part~="content"], [part~="overview"]')).to.equal(null);
      await expect(el).to.be.accessible();
      expectNothingElseRequested();
    });
  }
});

function shadowText(el: Element): string {
  return el.shadowRoot?.textContent ?? '';
}
