// `npm run screenshots`: build, publish policies/ as `npm start` does, serve the demo hosts on a free
// 127.0.0.1 port, and take a full-page screenshot of every view of the trust center (light and dark, at 1280,
// 390 and 320 px), the update banner on phones, and each host page, in headless Chromium, into screenshots/.
//
//   node scripts/screenshots.mjs [--no-build] [--only 'trust-overview-*,docs'] [--out screenshots]
//
// Chromium comes from CHROME_PATH (default /usr/bin/chromium); it is driven with puppeteer-core.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { serveDemo } from './start.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    only: { type: 'string' },
    out: { type: 'string', default: join(root, 'screenshots') },
  },
});

/** Window sizes: a laptop, a current phone and the narrowest phone WCAG's reflow criterion asks for. */
const WIDTHS = {
  1280: { width: 1280, height: 900 },
  390: { width: 390, height: 844, isMobile: true, hasTouch: true },
  320: { width: 320, height: 640, isMobile: true, hasTouch: true },
};

/** Every view of the product site's trust page, and what must have rendered (inside the view's own element too). */
const VIEWS = [
  ['overview', '', ['trust-center', '[part~="overview"]']],
  ['security', '#security', ['trust-center', '[part~="content"] h2']],
  ['subprocessors', '#subprocessors', ['trust-center', 'trust-center-subprocessors', '[part~="row"]']],
  ['faq', '#faq/encryption', ['trust-center', 'trust-center-faq', '[part~="answer"]']],
  ['documents', '#documents', ['trust-center', 'trust-center-documents', '[part~="document"]']],
  ['updates', '#updates/security', ['trust-center', 'trust-center-updates', '[part~="diff-text"]']],
  ['search', '#search/encryption', ['trust-center', 'trust-center-search', '[part~="result"]']],
  ['disclosure', '#disclosure', ['trust-center', 'trust-center-disclosure', 'form']],
];

/** Every shot: a page, a window size, a colour scheme, and what must have rendered before it is taken. */
const shots = [
  { name: 'index', path: '/demo/', viewport: WIDTHS[1280] },
  { name: 'product-home', path: '/demo/product/', viewport: WIDTHS[1280], ready: [['trust-center-banner', '[part~="banner"]']] },
  // The banner as a phone shows it: the first screen only, at the bottom (narrow-position) and at the top.
  { name: 'banner-phone-bottom', path: '/demo/product/', viewport: WIDTHS[390], screen: true, ready: [['trust-center-banner', '[part~="banner"]']] },
  {
    name: 'banner-phone-top',
    path: '/demo/product/',
    viewport: WIDTHS[390],
    screen: true,
    before: () => document.querySelector('trust-center-banner').removeAttribute('narrow-position'),
    ready: [['trust-center-banner', '[part~="banner"].top']],
  },
  {
    name: 'banner-phone-dark',
    path: '/demo/product/',
    viewport: WIDTHS[390],
    scheme: 'dark',
    screen: true,
    ready: [['trust-center-banner', '[part~="banner"]']],
  },
  ...VIEWS.flatMap(([view, hash, ready]) =>
    ['light', 'dark'].flatMap((scheme) =>
      Object.entries(WIDTHS).map(([width, viewport]) => ({
        name: `trust-${view}-${scheme}-${width}`,
        path: `/demo/product/trust/${hash}`,
        viewport,
        scheme,
        // The banner has shots of its own; a fixed bar would sit across a full-page shot.
        before: () => document.querySelector('trust-center-banner')?.remove(),
        ready: [ready],
      })),
    ),
  ),
  { name: 'portal', path: '/demo/portal/', viewport: WIDTHS[1280], ready: [['trust-center-disclosure', 'form']] },
  { name: 'portal-390', path: '/demo/portal/', viewport: WIDTHS[390], ready: [['trust-center-disclosure', 'form']] },
  { name: 'docs', path: '/demo/docs/', viewport: WIDTHS[1280], ready: [['trust-center-policy', '[part~="content"] :is(h2, h3)']] },
  { name: 'docs-390', path: '/demo/docs/', viewport: WIDTHS[390], ready: [['trust-center-policy', '[part~="content"] :is(h2, h3)']] },
  { name: 'docs-de', path: '/demo/docs/de/', viewport: WIDTHS[1280], ready: [['trust-center-policy', '[part~="content"] :is(h2, h3)']] },
  { name: 'docs-print', path: '/demo/docs/', viewport: WIDTHS[1280], media: 'print', ready: [['trust-center-policy', '[part~="content"] :is(h2, h3)']] },
  { name: 'static-trust', path: '/trust/', viewport: WIDTHS[1280], javaScript: false },
];
/** --only: names, each may end in * (a prefix). */
const patterns = values.only?.split(',').map((s) => s.trim()).filter(Boolean);
const matches = (name) => !patterns || patterns.some((p) => (p.endsWith('*') ? name.startsWith(p.slice(0, -1)) : name === p));
const selected = shots.filter((s) => matches(s.name));
if (patterns && selected.length === 0) {
  console.error(`--only: no shot matches; the shots are ${shots.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
const run = (cmd, args) => {
  const result = spawnSync(cmd, args, { stdio: 'inherit', cwd: root });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

/** puppeteer-core: a direct dependency if there is one, else the copy @web/test-runner-puppeteer brings. */
async function loadPuppeteer() {
  try {
    return (await import('puppeteer-core')).default;
  } catch {
    const require = createRequire(join(root, 'package.json'));
    const viaPuppeteer = createRequire(require.resolve('puppeteer'));
    return (await import(pathToFileURL(viaPuppeteer.resolve('puppeteer-core')).href)).default;
  }
}

if (!values['no-build']) run('npx', ['rollup', '-c', '--silent']);

const site = mkdtempSync(join(tmpdir(), 'tc-screenshots-site-'));
// The same server as `npm start` (scripts/start.mjs), on a private copy of the published site.
const { server, url, dataDir } = await serveDemo({ root, site, port: 0 });
run('node', ['packages/cli/bin/trust-center.mjs', 'build', 'policies', '--out', site, '--site', url]);
console.log(`Serving the demo at ${url}/demo/`);

const puppeteer = await loadPuppeteer();
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--headless=new',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    // Chromium 156 opens two omnibox popup renderers with every browser context (off in Puppeteer 25).
    '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
    '--font-render-hinting=none',
  ],
});

/** Resolves once every [host selector, shadow selector] pair has rendered and nothing is loading. */
function rendered(ready) {
  const find = (selector) => {
    // Searches the document and every open shadow root, depth first.
    const roots = [document];
    while (roots.length) {
      const node = roots.shift();
      const found = node.querySelector(selector);
      if (found) return found;
      for (const el of node.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
    }
    return null;
  };
  // [host, inner] or [host, view element, inside the view]: rendered, and nothing still loading.
  return ready.every(([host, inner, innermost]) => {
    const el = find(host);
    const found = el?.shadowRoot?.querySelector(inner);
    if (!found || el.shadowRoot.querySelector('[part~="loading"]')) return false;
    return !innermost || found.shadowRoot?.querySelector(innermost);
  });
}

const failures = [];
mkdirSync(values.out, { recursive: true });
try {
  for (const shot of selected) {
    // A fresh profile per shot: no seen versions, no drafts, so the banner shows as a first visit.
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()} ${response.url()}`);
    });
    try {
      await page.setViewport(shot.viewport);
      if (shot.javaScript === false) await page.setJavaScriptEnabled(false);
      if (shot.media) await page.emulateMediaType(shot.media);
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: shot.scheme ?? 'light' }]);
      await page.goto(`${url}${shot.path}`, { waitUntil: 'networkidle0', timeout: 30_000 });
      if (shot.before) await page.evaluate(shot.before);
      if (shot.ready) await page.waitForFunction(rendered, { timeout: 15_000, polling: 100 }, shot.ready);
      // Fonts and the banner's slide-in settle; then back to the top, so sticky headers sit where they
      // belong in a full-page shot (a deep link scrolled the page).
      await page.evaluate(() => document.fonts.ready);
      await new Promise((resolve) => setTimeout(resolve, 600));
      await page.evaluate(() => window.scrollTo(0, 0));
      await new Promise((resolve) => setTimeout(resolve, 100));
      const file = join(values.out, `${shot.name}.png`);
      await page.screenshot({ path: file, fullPage: !shot.screen, captureBeyondViewport: !shot.screen });
      console.log(`${shot.name.padEnd(26)} ${file}${problems.length ? `\n  ${problems.join('\n  ')}` : ''}`);
    } catch (error) {
      failures.push(shot.name);
      console.error(`${shot.name}: ${error.message}${problems.length ? `\n  ${problems.join('\n  ')}` : ''}`);
    } finally {
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
  rmSync(site, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
}
if (failures.length) {
  console.error(`\n${failures.length} screenshot(s) failed: ${failures.join(', ')}`);
  process.exit(1);
}
process.exit(0);
