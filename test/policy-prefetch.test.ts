// The policy a page is about to show starts loading as soon as the manifest's text arrives, alongside the
// manifest's check rather than after it (issue 11: no serial waits that are not needed); the element then
// uses that one request. Other views load no policy, and an unchecked manifest never sends it elsewhere.
import { html, fixture, expect, fixtureCleanup } from '@open-wc/testing';
import '../src/define.js';
import { clearSharedFetches } from '../src/loading/shared-fetch.js';
import { nextEvent, resetHash, waitFor } from './helpers.js';

const SOURCE = '/policies/manifest.json';
const COMPILED = '/.test-site/trust/assets/policies/manifest.compiled.json';

/** Orders events: performance.now() is coarse in some engines (WebKit: 1 ms), and two events can share a value. */
let tick = 0;

/** Every fetch the page makes while `run` goes on, with when it started (its place in the order of events). */
async function recordingFetches<T>(run: () => Promise<T>): Promise<{ result: T; fetches: Array<{ path: string; at: number }> }> {
  const original = window.fetch;
  const fetches: Array<{ path: string; at: number }> = [];
  window.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    fetches.push({ path: url.origin === location.origin ? url.pathname : url.href, at: ++tick });
    return original(input, init);
  };
  try {
    return { result: await run(), fetches };
  } finally {
    window.fetch = original;
  }
}

/** An element made from `template`, and when its manifest was checked and loaded (its trust-center-load event). */
async function loadedAt(template: ReturnType<typeof html>): Promise<{ el: HTMLElement; loadAt: number }> {
  let loadAt = 0;
  const loaded = new Promise<void>((resolve) =>
    document.addEventListener(
      'trust-center-load',
      () => {
        loadAt = ++tick;
        resolve();
      },
      { once: true },
    ),
  );
  const el = await fixture<HTMLElement>(template);
  await loaded;
  return { el, loadAt };
}

describe('the shown policy loads alongside the manifest check', () => {
  afterEach(() => {
    fixtureCleanup();
    resetHash();
    clearSharedFetches();
  });

  it('<trust-center-policy> on a compiled manifest requests the tree in the reader\'s language before the check is done, once', async () => {
    const { result, fetches } = await recordingFetches(async () => {
      const { el, loadAt } = await loadedAt(html`<trust-center-policy src=${COMPILED} policy="security" lang="de"></trust-center-policy>`);
      await waitFor(el, '[part~="content"] h2', 10000);
      return loadAt;
    });
    const trees = fetches.filter((f) => f.path.includes('/compiled/security.'));
    expect(trees.map((f) => f.path.replace(/\.[0-9a-f]+\.json$/, '.json'))).to.deep.equal(['/.test-site/trust/assets/policies/compiled/security.de.json']);
    expect(trees[0]!.at, 'the tree was requested before the manifest was checked').to.be.below(result);
  });

  it('<trust-center-policy> on a compiled manifest that carries the English text requests no tree at all', async () => {
    const { fetches } = await recordingFetches(async () => {
      const { el } = await loadedAt(html`<trust-center-policy src=${COMPILED} policy="security" lang="en"></trust-center-policy>`);
      await waitFor(el, '[part~="content"] h2', 10000);
    });
    expect(fetches.map((f) => f.path).filter((p) => p.includes('/compiled/')), 'no request after the manifest').to.deep.equal([]);
  });

  it('<trust-center> deep-linked into a policy of a source manifest requests its markdown before the check is done, once', async () => {
    history.replaceState(null, '', '#security/3-infrastructure');
    const { result, fetches } = await recordingFetches(async () => {
      const { el, loadAt } = await loadedAt(html`<trust-center src=${SOURCE} lang="en"></trust-center>`);
      await waitFor(el, '[part~="content"] h2', 10000);
      return loadAt;
    });
    const markdown = fetches.filter((f) => f.path === '/policies/security.md');
    expect(markdown, 'one request for the policy').to.have.length(1);
    expect(markdown[0]!.at, 'the markdown was requested before the manifest was checked').to.be.below(result);
  });

  it('<trust-center> on another view requests no policy', async () => {
    history.replaceState(null, '', '#faq');
    const { fetches } = await recordingFetches(async () => {
      const { el } = await loadedAt(html`<trust-center src=${SOURCE} lang="en"></trust-center>`);
      await waitFor(el, '[part~="nav"]', 10000);
    });
    expect(fetches.map((f) => f.path).filter((p) => p.endsWith('.md'))).to.deep.equal([]);
  });

  for (const [where, source] of [
    ['on another origin', 'http://127.0.0.1:1/security.md'],
    ['outside the manifest\'s folder', '../../secret.md'],
    ['named with escapes', '..%2F..%2Fsecret.md'],
  ]) {
    it(`never requests a policy file ${where} for a manifest the check then refuses`, async () => {
      const manifest = {
        version: 1,
        organization: { name: 'Elsewhere Ltd', url: 'https://elsewhere.example' },
        policies: [{ id: 'security', title: 'Security', updated: '2026-06-05', source }],
      };
      const src = await put(manifest);
      const { fetches } = await recordingFetches(async () => {
        const failed = nextEvent(document, 'trust-center-error');
        const el = await fixture<HTMLElement>(html`<trust-center-policy src=${src} policy="security"></trust-center-policy>`);
        await failed;
        await waitFor(el, '[part~="error"]');
      });
      expect(fetches.map((f) => f.path)).to.deep.equal([src]);
    });
  }
});

let run = 0;
/** A manifest served from a folder of the test server (test/server/middleware.mjs, /__tc/mem/). */
async function put(manifest: unknown): Promise<string> {
  const url = `/__tc/mem/prefetch${++run}-${Math.random().toString(36).slice(2, 8)}/a/manifest.json`;
  await fetch(url, { method: 'PUT', body: JSON.stringify(manifest) });
  return url;
}
