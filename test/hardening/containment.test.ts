// Strings from the manifest and the policies stay inside the component, in every view and every engine:
// one unbreakable run, invisible characters (U+2800 has no break opportunity, U+200B is zero-width) and,
// in markdown, a right-to-left override. No box inside reaches past the component's, and a link on the
// host page beside it (a two-column layout, as in the review's finding) gets the click at every point.
import { expect, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import '../../src/disclosure/define.js';
import type { TrustCenterElement } from '../../src/elements/trust-center.js';
import { hashChanged, resetHash } from '../helpers.js';

const WIDTH = 480;
const ASIDE = 200;

/** Single-line manifest strings, within the manifest's length limits (names up to 200 characters). */
const KINDS: [string, string][] = [
  ['one unbreakable run', 'M'.repeat(190)],
  ['U+2800 (blank, unbreakable)', `x${'\u2800'.repeat(189)}`],
  ['U+200B (zero-width) then a run', `${'\u200B'.repeat(95)}${'W'.repeat(95)}`],
];
/** Markdown may hold what single-line strings may not: a right-to-left override before a long run. */
const RTL = `\u202E${'M'.repeat(400)}`;

function manifestOf(s: string): string {
  const md = (extra: string) =>
    [`# ${s}`, `## ${extra}`, `${s} findme ${extra}`, `| ${s} | ${extra} |\n| --- | --- |\n| ${extra} | ${s} |`, `- ${s}\n- ${extra}`, `> ${extra}`, `[${s}](https://link.example/${'x'.repeat(300)})`].join('\n\n');
  const manifest = {
    version: 1,
    organization: { name: s, url: 'https://hostile.example' },
    policies: [
      {
        id: 'terms',
        title: s,
        updated: '2026-03-01',
        summary: s,
        content: md(RTL),
        changes: [{ date: '2026-03-01', summary: s }],
        history: [{ updated: '2026-01-01', content: `# Old\n\n${s} ${RTL} old` }],
      },
      { id: 'privacy', title: `${s.slice(0, 100)} 2`, updated: '2026-02-01', summary: s, content: '# Privacy\n\nShort.' },
    ],
    compliance: [{ name: s, status: 'certified', scope: s, description: s, audited: '2026-01-01', report: 'report' }],
    subprocessors: [{ name: s, purpose: s, location: [s], data: [s], url: 'https://sub.example' }],
    faq: [{ id: 'q', question: s, answer: md(RTL) }],
    documents: [
      { id: 'public', title: s, access: 'public', url: 'https://hostile.example/doc.pdf', description: s },
      { id: 'report', title: s, access: 'request', description: s },
    ],
    documentAccess: { email: 'docs@hostile.example' },
    disclosure: { policy: 'terms', email: 'security@hostile.example', assets: [{ id: 'app', label: s }] },
  };
  return URL.createObjectURL(new Blob([JSON.stringify(manifest)], { type: 'application/json' }));
}

/**
 * Every element in a shadow tree and the shadow trees inside it, but not inside a scroll container (its own
 * region), nor the forms' trap field for bots (off-screen by design, and clipped).
 */
function elementsIn(root: ShadowRoot): Element[] {
  const found: Element[] = [];
  const walk = (parent: ParentNode) => {
    for (const el of parent.children) {
      if (el.classList.contains('hp')) continue;
      found.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
      const { overflowX } = getComputedStyle(el);
      if (overflowX !== 'auto' && overflowX !== 'scroll') walk(el);
    }
  };
  walk(root);
  return found;
}

/** The elements whose box reaches past the host's, with how far. */
function escapes(host: HTMLElement): string[] {
  const outer = host.getBoundingClientRect();
  const out: string[] = [];
  for (const el of elementsIn(host.shadowRoot!)) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    const past = Math.max(outer.left - box.left, box.right - outer.right, outer.top - box.top, box.bottom - outer.bottom);
    if (past > 1) out.push(`<${el.localName} class="${el.getAttribute('class') ?? ''}" part="${el.getAttribute('part') ?? ''}"> ${Math.round(past)}px`);
  }
  return out;
}

/** The points down the host's visible height at the centre of the column beside it that it takes clicks at. */
function clicksTaken(host: HTMLElement, aside: HTMLElement): string[] {
  const box = host.getBoundingClientRect();
  const x = aside.getBoundingClientRect().left + ASIDE / 2;
  const taken: string[] = [];
  for (let y = Math.max(0, box.top) + 2; y < Math.min(innerHeight, box.bottom); y += 12) {
    const hit = document.elementFromPoint(x, y);
    if (!hit || !aside.contains(hit)) taken.push(`${Math.round(y)}: <${hit?.localName}>`);
  }
  return taken;
}

async function go(hash: string): Promise<void> {
  if (location.hash === hash) return;
  const changed = hashChanged();
  location.hash = hash;
  await changed;
}

/** Waits for `selector` inside the host, looking into the lazily loaded view's (or form's) shadow root too. */
async function shown(host: HTMLElement, selector: string, inner?: string): Promise<void> {
  await waitUntil(
    () => {
      const root = host.shadowRoot!;
      if (!inner) return root.querySelector(selector);
      return root.querySelector(inner)?.shadowRoot?.querySelector(selector);
    },
    `${inner ?? ''} ${selector} never appeared`,
    { timeout: 10000 },
  );
  // A long policy goes on the page in parts, and views settle after their first render.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
}

const VIEWS: [string, string, string?][] = [
  ['#overview', '[part~="compliance-item"]'],
  ['#terms', '[part~="content"] table'],
  ['#subprocessors', '[part~="row"]', 'trust-center-subprocessors'],
  ['#faq/q', 'details[open] [part~="answer"] table', 'trust-center-faq'],
  ['#documents/report', 'form', 'trust-center-documents'],
  ['#updates/terms', '[part~="diff-text"]', 'trust-center-updates'],
  ['#search/findme', '[part~="result"]', 'trust-center-search'],
  ['#disclosure', 'form', 'trust-center-disclosure'],
];

describe('manifest and policy strings stay inside the component', function () {
  this.timeout(120000);
  let layout: HTMLDivElement;
  let aside: HTMLElement;

  beforeEach(() => {
    resetHash();
    // The host page's own link sits in the column after the component but comes first in the document, so
    // anything of the component that reached over it would be painted, and clicked, on top of it.
    layout = document.body.appendChild(document.createElement('div'));
    layout.style.cssText = `display: grid; grid-template-columns: ${WIDTH}px ${ASIDE}px; align-items: stretch; font: 16px/1.5 sans-serif;`;
    aside = layout.appendChild(document.createElement('aside'));
    aside.style.cssText = 'grid-column: 2; grid-row: 1; background: #eee;';
    const logout = aside.appendChild(document.createElement('a'));
    logout.href = '#logout';
    logout.textContent = 'Log out';
  });
  afterEach(() => {
    layout.remove();
    resetHash();
  });

  /** A <trust-center> in the layout's first column. */
  function addTrustCenter(src: string): TrustCenterElement {
    const el = document.createElement('trust-center') as TrustCenterElement;
    el.setAttribute('lang', 'en');
    el.style.cssText = 'grid-column: 1; grid-row: 1;';
    el.setAttribute('src', src);
    return layout.appendChild(el);
  }

  for (const [kind, value] of KINDS) {
    it(`in every view, with ${kind} in every string`, async () => {
      const src = manifestOf(value);
      try {
        const el = addTrustCenter(src);
        const problems: string[] = [];
        for (const [hash, selector, inner] of VIEWS) {
          await go(hash);
          await shown(el, selector, inner);
          problems.push(...escapes(el).map((e) => `${hash}: box past the component: ${e}`));
          problems.push(...clicksTaken(el, aside).map((p) => `${hash}: the component takes the click beside it at y ${p}`));
        }
        // The first few, so the failure message stays readable (and quick to compute).
        expect(problems.slice(0, 12), `${problems.length} problems`).to.deep.equal([]);
      } finally {
        URL.revokeObjectURL(src);
      }
    });
  }

  it('the organization name leaves the host page link beside it clickable (the finding)', async () => {
    const src = manifestOf(`x${'\u2800'.repeat(189)}`);
    try {
      const el = addTrustCenter(src);
      await shown(el, '[part~="overview"]');
      const name = el.shadowRoot!.querySelector<HTMLElement>('[part~="org-name"]')!;
      const logout = aside.querySelector('a')!;
      // The link level with the organization's name.
      logout.style.cssText = `display: inline-block; margin-top: ${name.getBoundingClientRect().top - aside.getBoundingClientRect().top}px`;
      const box = logout.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      expect(hit === logout, `the click at its centre goes to <${hit?.localName}>`).to.equal(true);
    } finally {
      URL.revokeObjectURL(src);
    }
  });
});
