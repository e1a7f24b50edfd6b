// Timings for `npm run bench`, in headless Chromium driven by puppeteer-core (the copy that
// @web/test-runner-chrome depends on): navigation → policy text painted beside zero-md and static HTML,
// render cost by policy size, and the banner on a host page. One server on 127.0.0.1 serves the project,
// the pages in bench/ and generated files. Every wait is bounded, and the browser and the server are
// closed however the run ends.
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { serve } from '../serve.mjs';
import { browserPaths } from '../browsers.mjs';
import { COMPILE_HINT } from '../rollup-compile-hints.mjs';
import { minifyCssLiterals } from '../rollup-minify-css.mjs';

const require = createRequire(import.meta.url);
const puppeteer = createRequire(require.resolve('@web/test-runner-chrome'))('puppeteer-core');
const esbuild = require('esbuild');

// Headless Chromium 156 opens its omnibox popup pages (two WebUI renderers running Lit) with every new
// browser context, i.e. with every cold load here, and they compete with the page for the 2 CPUs; Puppeteer 25
// turns them off by default (puppeteer/puppeteer#15278).
const CHROME_ARGS = ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup'];
/** A task this long blocks input noticeably (the Long Tasks API's threshold). */
const LONG_TASK_MS = 50;
const SIZES_KB = [10, 100, 1000];
/** The worst case found for marked's inline lexer: one paragraph of `_a_a_a…` (the lexer rescans the rest at every `_`). */
const WORST_CASE = 'underscores-100';
/** Policies up to this size are typical: they must render with no long task. */
const TYPICAL_KB = 100;
/** Issue 11's render targets (insert → whole text painted, longest task), reported for the compiled path. */
const RENDER_TARGETS = { 100: { ms: 250, task: 50 }, 1000: { ms: 1500, task: 100 } };
/** At most this many runs of the 1 MB case, which takes seconds each. */
const MAX_RUNS_1MB = 3;
const PAGE_TIMEOUT_MS = 60_000;
const POLICY = 'policies/security.md';

/** About `kb` KB of realistic markdown: real policies and every construct, repeated, cut at a block. */
function markdownOfSize(kb) {
  const sources = [POLICY, 'test/fixtures/northwind/privacy.md', 'test/fixtures/northwind/security.md', 'test/fixtures/constructs/constructs.md'];
  const blocks = sources.flatMap((s) => readFileSync(s, 'utf8').split(/\n{2,}/));
  const out = [];
  let size = 0;
  for (let copy = 0; size < kb * 1024; copy++) {
    for (const block of blocks) {
      // Copies of a heading get distinct text, as in a long real document.
      const text = copy && /^#{1,6} /.test(block) ? `${block} (part ${copy + 1})` : block;
      out.push(text);
      size += Buffer.byteLength(text) + 2;
      if (size >= kb * 1024) break;
    }
  }
  return out.join('\n\n') + '\n';
}

/** 100 KB of `_a` in one paragraph, between two headings (the element's table of contents shows when it is done). */
function worstCaseMarkdown() {
  return `# Emphasis delimiters\n\n${'_a'.repeat(50 * 1024)}\n\n## After the run\n\nThe end.\n`;
}

/** A manifest with a short policy (to warm up) and the one to measure. */
const benchManifest = (doc, title) =>
  JSON.stringify({
    version: 1,
    organization: { name: 'Bench Co', url: 'https://bench.example' },
    policies: [
      { id: 'warm', title: 'Warm-up', updated: '2026-01-01', content: '# Warm-up\n\nA short policy.\n' },
      { id: 'big', title, updated: '2026-01-01', source: `policy-${doc}.md` },
    ],
  });

const isoDaysAgo = (days) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** Files served under /bench/gen/: the policies by size, their manifests, and the banner's manifest. */
function generatedFiles() {
  const files = {};
  for (const kb of SIZES_KB) {
    files[`policy-${kb}.md`] = ['text/markdown; charset=utf-8', markdownOfSize(kb)];
    files[`manifest-${kb}.json`] = ['application/json', benchManifest(kb, `${kb} KB policy`)];
  }
  files[`policy-${WORST_CASE}.md`] = ['text/markdown; charset=utf-8', worstCaseMarkdown()];
  files[`manifest-${WORST_CASE}.json`] = ['application/json', benchManifest(WORST_CASE, 'Emphasis delimiters')];
  // Updated two days ago: a first-time visitor sees the banner.
  files['banner.json'] = [
    'application/json',
    JSON.stringify({
      version: 1,
      organization: { name: 'Acme', url: 'https://acme.example' },
      policies: [
        { id: 'privacy', title: 'Privacy Policy', updated: isoDaysAgo(2), source: 'privacy.md', changes: [{ date: isoDaysAgo(2), summary: 'We now name every subprocessor.' }] },
      ],
    }),
  ];
  return files;
}

/** The policy as a plain page: the same text and page style, no script but the marker. */
async function staticPolicyPage() {
  const { marked } = await import('marked');
  const body = marked.parse(readFileSync(POLICY, 'utf8'), { gfm: true });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Policy as static HTML</title>
<link rel="stylesheet" href="/bench/page.css"><script type="module" src="/bench/marker.js"></script><script type="module" src="/bench/policy-static.js"></script></head>
<body><article><h1>Security</h1>${body}</article></body></html>`;
}

/**
 * The sample built by `trust-center build` into `dir`, and its security page as the bench serves it: from
 * /bench/built/ (a base URL), with the marker and bench/policy-built.js, which time it, first in its head. Also
 * the same page without the element's loader, timed like static HTML: what the page itself costs (its header,
 * table of contents, style sheet, icon and JSON-LD), apart from the element that takes it over.
 */
function buildSite(dir) {
  const built = spawnSync(process.execPath, ['packages/cli/bin/trust-center.mjs', 'build', 'policies', '--out', dir, '--site', 'http://127.0.0.1'], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`trust-center build failed: ${built.stderr}`);
  const page = readFileSync(join(dir, 'trust/security/index.html'), 'utf8');
  // The base first, for every URL the page holds; the timing scripts after the page's own head, as on the static
  // HTML page (its style sheet, then the scripts), so they do not queue ahead of its style sheet.
  const served = (timingScript, html) =>
    html.replace('<head>', '<head><base href="/bench/built/trust/security/">').replace('</head>', `<script type="module" src="/bench/marker.js"></script><script type="module" src="${timingScript}"></script></head>`);
  const loader = /<script type="module" src="[^"]*\.after-paint\.js"><\/script>\n?/;
  // Otherwise the row would time the element's page twice under two names.
  if (!loader.test(page)) throw new Error('the built security page has no after-paint loader: bench/timings.mjs must be updated');
  return { page: served('/bench/policy-built.js', page), withoutScript: served('/bench/policy-static.js', page.replace(loader, '')) };
}

/**
 * bench/policy-tc-compiled.html with the least Lit element (scripts/bench/lit-floor-entry.ts, built by buildProbes)
 * in place of the element's bundle: the same manifest, preload and timing script, so the two rows differ by the
 * element's own machinery alone.
 */
function litFloorPage() {
  const page = readFileSync('bench/policy-tc-compiled.html', 'utf8');
  const floor = page.replace('src="/dist/trust-center-policy.js"', 'src="/bench/.probe/lit-floor.js"');
  if (floor === page) throw new Error('bench/policy-tc-compiled.html no longer loads /dist/trust-center-policy.js: bench/timings.mjs must be updated');
  return floor;
}

/**
 * The generated policies compiled by `trust-center compile`, as the render table's compiled rows load them:
 * /bench/gen-compiled/<doc>/policies/manifest.compiled.json.
 */
function compileGenerated(dir, generated, docs) {
  for (const doc of docs) {
    const source = join(dir, 'source', doc);
    mkdirSync(source, { recursive: true });
    writeFileSync(join(source, 'manifest.json'), generated[`manifest-${doc}.json`][1]);
    writeFileSync(join(source, `policy-${doc}.md`), generated[`policy-${doc}.md`][1]);
    const compiled = spawnSync(process.execPath, ['packages/cli/bin/trust-center.mjs', 'compile', source, '--out', join(dir, doc)], { encoding: 'utf8' });
    if (compiled.status !== 0) throw new Error(`trust-center compile failed for ${doc}: ${compiled.stderr}`);
  }
}

/**
 * Builds the scripts the pages import: the markdown pipeline alone, marked minified as zero-md's CDN serves it,
 * and the least Lit element that shows the compiled policy, made like the shipped bundles (its styles minified,
 * the compile hint on top) so that it is their floor, not a slower cousin.
 */
async function buildProbes(dir) {
  const common = { bundle: true, format: 'esm', minify: true, platform: 'browser', conditions: ['production'], logLevel: 'error' };
  await esbuild.build({ ...common, entryPoints: ['scripts/bench/probe-entry.ts'], outfile: join(dir, 'probe.js') });
  const cssLiterals = minifyCssLiterals();
  const minifiedStyles = {
    name: 'minify-css-literals',
    setup(build) {
      build.onLoad({ filter: /\/src\/.*\.ts$/ }, async ({ path }) => {
        const code = readFileSync(path, 'utf8');
        return { contents: cssLiterals.transform(code, path)?.code ?? code, loader: 'ts' };
      });
    },
  };
  await esbuild.build({ ...common, entryPoints: ['scripts/bench/lit-floor-entry.ts'], outfile: join(dir, 'lit-floor.js'), plugins: [minifiedStyles], banner: { js: COMPILE_HINT } });
  await esbuild.build({ ...common, stdin: { contents: "export * from 'marked';", resolveDir: '.' }, outfile: join(dir, 'marked.js') });
}

/** Settles as `promise` does, or rejects with message() after `ms`; the timer never outlives it. */
async function within(ms, promise, message) {
  const timer = new AbortController();
  try {
    return await Promise.race([promise, sleep(ms, undefined, { signal: timer.signal }).then(() => Promise.reject(new Error(message())))]);
  } finally {
    timer.abort();
  }
}

/**
 * The longest task on the page's main thread in a Chromium trace (ms), over the whole load and from the
 * first contentful paint on: what the Long Tasks API leaves out below 50 ms.
 */
function longestTasks(trace) {
  const events = JSON.parse(Buffer.from(trace).toString()).traceEvents;
  const mainThreads = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const onMain = events.filter((e) => mainThreads.has(`${e.pid}:${e.tid}`));
  const tasks = onMain.filter((e) => e.ph === 'X' && e.name === 'RunTask');
  const painted = Math.max(...onMain.filter((e) => e.name === 'firstContentfulPaint').map((e) => e.ts));
  const longest = (xs) => xs.reduce((max, e) => Math.max(max, e.dur / 1000), 0);
  return { longestTraced: longest(tasks), longestAfterPaint: longest(tasks.filter((e) => e.ts >= painted)) };
}

/**
 * Runs fn({ load, version }) with the server and the browser up, and closes both afterwards whatever
 * happens. load(path) is one cold load of a bench page (its own browser context, so an empty HTTP cache)
 * and resolves with the figures its window.__bench resolves with, plus its main-thread time; with
 * { trace: true } also its longest tasks from a Chromium trace.
 */
async function withBrowser(fn, { cpuSlowdown = 1 } = {}) {
  const probeDir = mkdtempSync(join(tmpdir(), 'tc-bench-'));
  const removeProbes = () => rmSync(probeDir, { recursive: true, force: true });
  // Ctrl-C and the overall deadline end the process without unwinding: the folder goes on exit too.
  process.once('exit', removeProbes);
  let server;
  let browser;
  try {
    await buildProbes(probeDir);
    const builtPages = buildSite(join(probeDir, 'site'));
    const generated = generatedFiles();
    compileGenerated(join(probeDir, 'compiled'), generated, [...SIZES_KB.map(String), WORST_CASE]);
    const staticPage = await staticPolicyPage();
    const floorPage = litFloorPage();
    const send = (res, type, body) => res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-cache' }).end(body);
    let origin;
    ({ server, url: origin } = await serve({
      root: '.',
      port: 0,
      index: '/bench/',
      mounts: { '/bench/.probe/': probeDir, '/bench/built/': join(probeDir, 'site'), '/bench/gen-compiled/': join(probeDir, 'compiled') },
      routes: {
        '/bench/gen/': (req, res, url) => {
          const file = generated[url.pathname.slice('/bench/gen/'.length)];
          if (!file) return res.writeHead(404).end();
          send(res, ...file);
        },
        '/bench/policy-static.html': (req, res) => send(res, 'text/html; charset=utf-8', staticPage),
        '/bench/policy-built.html': (req, res) => send(res, 'text/html; charset=utf-8', builtPages.page),
        '/bench/policy-built-without-script.html': (req, res) => send(res, 'text/html; charset=utf-8', builtPages.withoutScript),
        '/bench/policy-lit-floor.html': (req, res) => send(res, 'text/html; charset=utf-8', floorPage),
      },
    }));
    browser = await puppeteer.launch({
      executablePath: browserPaths().chromium,
      headless: true,
      // A copy: Puppeteer takes --disable-features out of the array it is given (to merge it with its own).
      args: [...CHROME_ARGS],
      timeout: 30_000,
      protocolTimeout: PAGE_TIMEOUT_MS + 10_000,
    });
    const load = async (path, { trace = false } = {}) => {
      const context = await browser.createBrowserContext();
      try {
        const page = await context.newPage();
        if (trace) await page.tracing.start({ categories: ['disabled-by-default-devtools.timeline', 'loading'] });
        await page.setViewport({ width: 1280, height: 900 });
        // A slower device's main thread (Chromium slows only the page's main thread, not its background compilers).
        if (cpuSlowdown > 1) await page.emulateCPUThrottling(cpuSlowdown);
        const errors = [];
        page.on('pageerror', (error) => errors.push(error.message));
        page.on('requestfailed', (request) => errors.push(`${request.url()}: ${request.failure()?.errorText}`));
        page.on('response', (response) => {
          if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) errors.push(`${response.url()}: HTTP ${response.status()}`);
        });
        await page.goto(`${origin}${path}`, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
        const result = await within(PAGE_TIMEOUT_MS, page.evaluate(() => window.__bench), () => `${path} never finished within ${PAGE_TIMEOUT_MS / 1000} s${errors.length ? `: ${errors.join('; ')}` : ''}`);
        if (errors.length) throw new Error(`${path}: ${errors.join('; ')}`);
        // Main-thread work of the whole load, long tasks or not (Chromium's own counters).
        const { ScriptDuration, RecalcStyleDuration, LayoutDuration } = await page.metrics();
        const figures = { ...result, mainThread: 1000 * (ScriptDuration + RecalcStyleDuration + LayoutDuration) };
        return trace ? { ...figures, ...longestTasks(await page.tracing.stop()) } : figures;
      } finally {
        await context.close().catch(() => undefined);
      }
    };
    return await fn({ load, version: await browser.version() });
  } finally {
    if (browser) {
      // A browser that does not close in time is killed: no Chromium outlives the benchmark.
      await within(10_000, browser.close(), () => 'Chromium did not close').catch(() => browser.process()?.kill('SIGKILL'));
    }
    if (server) {
      server.closeAllConnections();
      server.close();
    }
    process.off('exit', removeProbes);
    removeProbes();
  }
}

/** The middle value, the upper one of an even count: always a measured value (a long task or none, never half of one). */
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const medianOf = (results, key) => median(results.map((r) => r[key]));
const ms = (x) => `${Math.round(x)} ms`;
const longest = (x) => (x ? ms(x) : `none ≥ ${LONG_TASK_MS} ms`);
const sizeName = (kb) => (kb >= 1000 ? `${kb / 1000} MB` : `${kb} KB`);
const table = (header, rows) => [`| ${header.join(' | ')} |`, `|${' --- |'.repeat(header.length)}`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

/** Navigation → policy text painted: the element, zero-md and static HTML, interleaved so drift hits all alike. */
async function navigation(load, runs) {
  const pages = [
    ['`<trust-center-policy>` (dist/trust-center.js)', '/bench/policy-tc.html'],
    ['zero-md 3.1.8 (local files, see below)', '/bench/policy-zero-md.html'],
    ['static HTML of the same text', '/bench/policy-static.html'],
    ['`<trust-center-policy>`, compiled manifest (dist/trust-center-policy.js)', '/bench/policy-tc-compiled.html'],
    ['the page `trust-center build` writes (prerendered article, then `<trust-center-policy>`)', '/bench/policy-built.html'],
    ['the same page without its script (never taken over)', '/bench/policy-built-without-script.html'],
    ['floor: the least Lit element showing the compiled policy (same renderer, templates and styles; bench only)', '/bench/policy-lit-floor.html'],
  ];
  const results = pages.map(() => []);
  for (const [, path] of pages) await load(path); // warms the server and the disk cache, not measured
  for (let run = 0; run < runs; run++) {
    for (const [i, [, path]] of pages.entries()) results[i].push(await load(path));
  }
  const headings = results.map((xs) => xs[0].headings);
  if (new Set(headings).size !== 1) throw new Error(`the pages show different text: ${headings.join(', ')} section headings`);
  const base = medianOf(results[2], 'painted');
  const kb = (readFileSync(POLICY).length / 1024).toFixed(1);
  // The targets of issue 11, as ratios in this one run: the compiled path against static HTML and zero-md,
  // the source-manifest path against its figure before the compiled manifest (2.70× static HTML).
  const ratio = (i, j) => medianOf(results[i], 'painted') / medianOf(results[j], 'painted');
  const failures = [
    ...(ratio(3, 2) > 1.3 ? [`compiled manifest: ${ratio(3, 2).toFixed(2)}× static HTML (target ≤ 1.3×)`] : []),
    ...(ratio(3, 1) > 1.0 ? [`compiled manifest: ${ratio(3, 1).toFixed(2)}× zero-md (target ≤ 1.0×)`] : []),
    ...(ratio(0, 2) > 2.7 ? [`source manifest: ${ratio(0, 2).toFixed(2)}× static HTML (before: 2.70×; it must not get slower)`] : []),
    ...(ratio(4, 2) > 1.1 ? [`prerendered page: ${ratio(4, 2).toFixed(2)}× static HTML (target ≤ 1.1×)`] : []),
    ...(medianOf(results[4], 'shift') > 0.01 ? [`prerendered page: layout shift ${medianOf(results[4], 'shift').toFixed(3)} (target ≤ 0.01)`] : []),
  ];
  // Not a target: how much of the prerendered page's time is the element's (its loader and takeover) rather than the page's own.
  const verdict = `The page \`trust-center build\` writes: ${ratio(4, 5).toFixed(2)}× the same page without its script (${ms(medianOf(results[4], 'painted'))} against ${ms(medianOf(results[5], 'painted'))}), which is ${ratio(5, 2).toFixed(2)}× static HTML.`;
  // Not a target either: how far the element is from the floor of any Lit element that renders this text, and that floor from static HTML.
  const floor = `The compiled manifest's element: ${ratio(3, 6).toFixed(2)}× the least Lit element showing the same compiled policy (${ms(medianOf(results[3], 'painted'))} against ${ms(medianOf(results[6], 'painted'))}), which is ${ratio(6, 2).toFixed(2)}× static HTML.`;
  return {
    failures,
    verdict: `${verdict}\n\n${floor}`,
    title: `Navigation → the policy text painted: the Artisser security policy (${kb} KB of markdown, policies/manifest.json), median of ${runs} cold load${runs === 1 ? '' : 's'} each`,
    table: table(
      ['page', 'text painted', 'fastest – slowest', 'vs static HTML', 'script + style + layout', 'layout shift'],
      pages.map(([name], i) => {
        const painted = results[i].map((r) => r.painted);
        const shift = results[i][0].shift === undefined ? '—' : medianOf(results[i], 'shift').toFixed(3);
        return [name, ms(median(painted)), `${ms(Math.min(...painted))} – ${ms(Math.max(...painted))}`, `${(median(painted) / base).toFixed(2)}×`, ms(medianOf(results[i], 'mainThread')), shift];
      }),
    ),
  };
}

/** Render cost by policy size, for the element and step by step; fails if a typical policy (or the worst case) has a long task. */
async function renderBySize(load, runs) {
  const steps = { lex: 'marked lexer', template: 'tokens → elements', commit: 'insert (Lit)', layout: 'style + layout', paint: 'paint' };
  const docs = [
    ...SIZES_KB.map((kb) => ({ doc: String(kb), name: sizeName(kb), typical: kb <= TYPICAL_KB, runs: kb <= TYPICAL_KB ? runs : Math.min(runs, MAX_RUNS_1MB) })),
    { doc: WORST_CASE, name: '100 KB of `_a_a…` in one paragraph (worst case)', typical: true, runs },
  ];
  const element = Object.fromEntries(docs.map(({ doc }) => [doc, []]));
  const compiled = Object.fromEntries(docs.map(({ doc }) => [doc, []]));
  const breakdown = Object.fromEntries(docs.map(({ doc }) => [doc, []]));
  // The sizes interleaved, like the pages above, so a busy spell on the machine hits all of them alike.
  for (let run = 0; run < runs; run++) {
    for (const { doc } of docs.filter((d) => run < d.runs)) {
      element[doc].push(await load(`/bench/render.html?doc=${doc}`));
      compiled[doc].push(await load(`/bench/render.html?doc=${doc}&compiled`));
      breakdown[doc].push(await load(`/bench/breakdown.html?doc=${doc}`));
    }
  }
  const rows = [];
  const over = [];
  const targets = [];
  for (const { doc, name, typical } of docs) {
    if (element[doc][0].headings !== breakdown[doc][0].headings) throw new Error(`${name}: the element shows ${element[doc][0].headings} sections, the steps ${breakdown[doc][0].headings}`);
    if (compiled[doc][0].headings !== element[doc][0].headings) throw new Error(`${name}: the compiled policy shows ${compiled[doc][0].headings} sections, the markdown ${element[doc][0].headings}`);
    const step = (key) => medianOf(breakdown[doc], key);
    const longestTask = medianOf(element[doc], 'longest');
    rows.push([
      name,
      ms(medianOf(element[doc], 'total')),
      longest(longestTask),
      ms(medianOf(element[doc], 'blocking')),
      ms(medianOf(compiled[doc], 'total')),
      longest(medianOf(compiled[doc], 'longest')),
      ...Object.keys(steps).map((key) => ms(step(key))),
    ]);
    const target = RENDER_TARGETS[doc];
    if (target) {
      const [total, task] = [medianOf(compiled[doc], 'total'), medianOf(compiled[doc], 'longest')];
      targets.push(`${name}, compiled: ${ms(total)} (target ${ms(target.ms)}: ${total <= target.ms ? 'met' : 'missed'}), longest task ${longest(task)} (target none over ${ms(target.task)}: ${task <= target.task ? 'met' : 'missed'})`);
    }
    if (typical && longestTask > LONG_TASK_MS) {
      const slowest = Object.keys(steps).sort((a, b) => step(b) - step(a))[0];
      const total = Object.keys(steps).reduce((sum, key) => sum + step(key), 0);
      over.push({ name, longestTask, slowest: `${steps[slowest]} (${ms(step(slowest))} of the steps' ${ms(total)})` });
    }
  }
  const verdict = over.length
    ? `**No**: a typical policy (≤ ${TYPICAL_KB} KB, the worst case included) does not render without a task over ${LONG_TASK_MS} ms — ${over.map((o) => `${o.name}: longest task ${ms(o.longestTask)}, slowest step ${o.slowest}`).join('; ')}.`
    : `**Yes**: a typical policy (≤ ${TYPICAL_KB} KB, the worst case included) renders with no task over ${LONG_TASK_MS} ms.`;
  return {
    title: `Render cost by policy size: a \`<trust-center-policy>\` inserted once its chunks and manifest are loaded (a source manifest, then the same policy compiled by \`trust-center compile\`), median of ${runs} runs (1 MB: ${Math.min(runs, MAX_RUNS_1MB)}); the steps of the markdown path measured apart on bench/breakdown.html`,
    table: table(['markdown', 'insert → painted', 'longest task', 'total blocking time', 'compiled: insert → painted', 'compiled: longest task', ...Object.values(steps)], rows),
    verdict: `${verdict}\n\nIssue 11's render targets, on the compiled path: ${targets.join('; ')}.`,
    failures: over.map((o) => `${o.name}: longest task ${ms(o.longestTask)} (budget: none over ${LONG_TASK_MS} ms); slowest step ${o.slowest}`),
  };
}

/** The banner: when it has decided and shows, and what it costs the host page, beside the page without it. */
async function banner(load, runs) {
  const pages = { with: '/bench/banner.html', without: '/bench/host.html' };
  const timed = { with: [], without: [] };
  const traced = { with: [], without: [] };
  // Tracing slows a page a little: the traced loads give the longest task only, the others the times.
  for (let run = 0; run < runs; run++) {
    for (const key of ['with', 'without']) {
      timed[key].push(await load(pages[key]));
      traced[key].push(await load(pages[key], { trace: true }));
    }
  }
  const row = (name, key, shown) => {
    const longTasks = timed[key].filter((r) => r.longest > 0).length;
    return [
      name,
      ms(medianOf(timed[key], 'painted')),
      shown,
      ms(medianOf(traced[key], 'longestTraced')),
      ms(medianOf(traced[key], 'longestAfterPaint')),
      `${longTasks} of ${runs}`,
      ms(medianOf(timed[key], 'mainThread')),
      medianOf(timed[key], 'shift').toFixed(3),
    ];
  };
  return {
    title: `The banner on a host page: navigation → decided and shown, and its cost to the page, median of ${runs} cold load${runs === 1 ? '' : 's'} each`,
    table: table(
      ['host page', 'host content painted', 'banner shown', 'longest task', 'longest task once the content is painted', `runs with a task ≥ ${LONG_TASK_MS} ms`, 'script + style + layout', 'layout shift'],
      [
        row('without the banner', 'without', '—'),
        row('with `<trust-center-banner position="top">` (dist/trust-center-banner.js)', 'with', ms(medianOf(timed.with, 'banner'))),
      ],
    ),
  };
}

/**
 * Measures everything and logs each table as it is ready; a section that fails is reported and the others
 * still run. Resolves with { markdown } for the README and { failures }, one line per budget exceeded or
 * section failed.
 */
export async function measureTimings({ runs = 7, only, cpuSlowdown = 1, log = console.log, logError = console.error } = {}) {
  const measures = { navigation, render: renderBySize, banner };
  const load1 = loadavg()[0].toFixed(1);
  return withBrowser(async ({ load, version }) => {
    const sections = [];
    const failures = [];
    for (const measure of only ? [measures[only]] : Object.values(measures)) {
      try {
        const section = await measure(load, runs);
        sections.push(section);
        failures.push(...(section.failures ?? []));
        log(`${section.title}\n\n${section.table}\n${section.verdict ? `\n${section.verdict}\n` : ''}`);
      } catch (error) {
        logError(`bench: ${measure.name} failed: ${error.stack ?? error}\n`);
        failures.push(`${measure.name}: the measurement failed (${error.message})`);
      }
    }
    const notes = [
      `Measured with ${version} (${CHROME_ARGS.join(' ')}) on ${cpus().length} CPUs (load average ${load1} at the start, ${loadavg()[0].toFixed(1)} at the end); each load in a fresh browser context (empty cache) from a server on 127.0.0.1, ${cpuSlowdown > 1 ? `the page's main thread slowed ${cpuSlowdown}× (Chromium's CPU throttling), no network throttling` : 'no throttling'}. Absolute times depend on the machine and what else runs on it: compare the ratios.`,
      'zero-md: its CDN imports are replaced by local files (bench/zero-md-local.js) — its minified build and marked 18 minified; its marked plugins (base-url, gfm-heading-id, alert, highlight) are not installed and are no-ops, and its CDN stylesheets are left out, so it does a little less work than in production.',
      `"Painted" is the frame after the text entered the DOM, or the first contentful paint for text that came with the HTML. Long tasks are those of ${LONG_TASK_MS} ms or more (Chromium's Long Tasks API); total blocking time sums their time over ${LONG_TASK_MS} ms. Script + style + layout is Chromium's count of that main-thread work over the whole load. The banner table's longest tasks are the longest on the page's main thread in a Chromium trace (separate, traced loads), over the whole load (the host page's own HTML parsing included) and from its first contentful paint on. "Insert → painted" includes fetching the policy from 127.0.0.1 and ends when the whole text is painted: the element lexes a long policy in slices and puts it on the page a part per frame, so that work is spread over many tasks. The steps add up the same work done in one pass (renderMarkdown, then one commit), warmed up like the element, into a shadow root with the element's styles; style + layout is forced right after the commit; paint is the wait for the next frame.`,
    ];
    log(notes.join('\n\n'));
    return {
      markdown: [...sections.flatMap((s) => [`${s.title}:`, '', s.table, '', ...(s.verdict ? [s.verdict, ''] : [])]), notes.join('\n\n')].join('\n'),
      failures,
      // A slowed run is not the README's figures (those are at full speed).
      complete: sections.length === 3 && cpuSlowdown === 1,
    };
  }, { cpuSlowdown });
}
