// `npm run bench`: the size of every bundle against its budget, then timings in headless Chromium
// (scripts/bench/timings.mjs). Prints markdown tables, refreshes the README's figures between
// <!-- bench:sizes --> … <!-- /bench:sizes --> and <!-- bench:timings --> … <!-- /bench:timings -->,
// and exits non-zero above a budget — after printing everything.
//   --no-build     measure dist/ as it is
//   --sizes-only   skip the timings
//   --runs N       cold loads per page (default 7)
//   --only NAME    one timing section: navigation, render or banner (the README keeps the last full run's)
//   --no-readme    leave README.md alone
//   --cpu-slowdown N  slow the page's main thread N× (Chromium's CPU throttling), as on a slower device;
//                  its figures are printed, never written to the README
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { missingBrowsers } from './browsers.mjs';

const KB = 1024;
/** Gzipped budgets, in bytes: the ES entry (its lazy chunks apart) and the banner. */
const budgets = {
  'trust-center.js': 30 * KB,
  // A loader only: it imports trust-center.js from beside itself.
  'trust-center.iife.js': 3 * KB,
  'trust-center-banner.js': 9 * KB,
  'trust-center-banner.iife.js': 9 * KB,
};
const notes = {
  'trust-center.js': 'entry: what every page with `<trust-center>` loads',
  'trust-center.iife.js': 'classic script: a loader that imports `trust-center.js` (and so its lazy chunks) from beside itself',
  'trust-center-policy.js': '`<trust-center-policy>` alone, with what a compiled manifest needs (the source path\'s validator and marked are lazy chunks in `policy-chunks/`): what the built policy pages load',
  'trust-center-banner.js': 'the banner alone',
  'trust-center-banner.iife.js': 'the banner alone, classic script',
  'trust-center-disclosure.js': 'the disclosure form alone (its lazy chunks in `disclosure-chunks/`)',
  'openpgp/openpgp.js': 'OpenPGP.js, only when an encrypted report is sent: the one copy the bundles and `trust-center/elements` import',
};
/** What a page showing one policy loads: an entry and its lazy chunks; a compiled manifest needs no validator, no marked. */
const POLICY_PAGES = [
  { name: 'a page showing a policy', entry: 'trust-center.js', dir: 'chunks', lazy: ['validate', 'markdown'] },
  { name: 'a page showing a policy, compiled manifest', entry: 'trust-center.js', dir: 'chunks', lazy: ['compiled', 'render'] },
  // Its entry holds the compiled check and the tree renderer itself (rollup.config.mjs): nothing lazy on this path.
  { name: 'a page showing a policy, compiled manifest, `<trust-center-policy>` alone', entry: 'trust-center-policy.js', dir: 'policy-chunks', lazy: [], budget: 36 * KB },
];

const SECTIONS = ['navigation', 'render', 'banner'];
const usage = `usage: node scripts/bench.mjs [--no-build] [--sizes-only] [--runs N] [--only ${SECTIONS.join('|')}] [--no-readme] [--cpu-slowdown N]`;
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 7;
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;
const slowdownAt = args.indexOf('--cpu-slowdown');
const cpuSlowdown = slowdownAt >= 0 ? Number(args[slowdownAt + 1]) : 1;
// The arguments that are an option's value (an absent option, at -1, has none).
const values = [runsAt, onlyAt, slowdownAt].filter((at) => at >= 0).map((at) => at + 1);
const unknown = args.filter((a, i) => !['--no-build', '--sizes-only', '--no-readme', '--runs', '--only', '--cpu-slowdown'].includes(a) && !values.includes(i));
const badSlowdown = !Number.isFinite(cpuSlowdown) || cpuSlowdown < 1;
if (unknown.length || !Number.isInteger(runs) || runs < 1 || (onlyAt >= 0 && !SECTIONS.includes(only)) || badSlowdown) {
  const problem = unknown.length
    ? `unknown option ${unknown.join(' ')}`
    : onlyAt >= 0 && !SECTIONS.includes(only)
      ? `--only takes one of ${SECTIONS.join(', ')}`
      : badSlowdown
        ? '--cpu-slowdown needs a number ≥ 1'
        : '--runs needs a whole number ≥ 1';
  console.error(`bench: ${problem}\n${usage}`);
  process.exit(2);
}

// Nothing may hang: past this the process exits, and puppeteer kills its Chromium on exit.
const deadline = setTimeout(() => {
  console.error('\nbench: gave up after 15 minutes');
  process.exit(2);
}, 15 * 60_000);
deadline.unref();

if (!args.includes('--no-build')) {
  // rollup's own script in this node, not through npx, so a build over time is one process to end.
  const build = spawnSync(process.execPath, ['node_modules/rollup/dist/bin/rollup', '-c', '--silent'], { stdio: 'inherit', timeout: 5 * 60_000 });
  if (build.status !== 0) {
    console.error(`bench: the build failed${build.error ? `: ${build.error.message}` : ''}`);
    process.exit(build.status || 1);
  }
}

const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
const measure = (file) => {
  const body = readFileSync(`dist/${file}`);
  return {
    min: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
const jsIn = (dir) => (existsSync(`dist/${dir}`) ? readdirSync(`dist/${dir}`).filter((f) => f.endsWith('.js')).sort().map((f) => `${dir}/${f}`) : []);
/** The files a module imports statically (rollup writes `from"./x.js"` / `import"./x.js"`), recursively, itself included. */
const withStaticImports = (file, seen = new Set()) => {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const [, spec] of readFileSync(`dist/${file}`, 'utf8').matchAll(/(?:from|import)\s*"(\.{1,2}\/[^"]+)"/g)) {
    withStaticImports(new URL(spec, `file:///${file}`).pathname.slice(1), seen);
  }
  return seen;
};

const failures = [];
const rows = [];
const bundles = readdirSync('dist').filter((f) => f.endsWith('.js')).sort();
// OpenPGP.js (dist/openpgp/, with its own pre-minified lazy modules) last: loaded only when an encrypted report is sent.
const files = [...bundles, ...jsIn('chunks'), ...jsIn('policy-chunks'), ...jsIn('openpgp')];
for (const file of files) {
  const size = measure(file);
  const budget = budgets[file];
  const over = budget !== undefined && size.gzip > budget;
  if (over) failures.push(`${file}: ${kb(size.gzip)} gzipped, budget ${kb(budget)}`);
  const note =
    notes[file] ??
    (file.startsWith('openpgp/') ? 'lazy module of OpenPGP.js' : file.startsWith('chunks/') ? 'lazy chunk of `trust-center.js`' : file.startsWith('policy-chunks/') ? 'lazy chunk of `trust-center-policy.js`' : '');
  rows.push(`| \`${file}\` | ${kb(size.min)} | ${kb(size.gzip)} | ${kb(size.brotli)} | ${budget ? kb(budget) : '—'} | ${budget === undefined ? '' : over ? '**over**' : 'ok'} | ${note} |`);
}
for (const { name, entry, dir, lazy, budget } of POLICY_PAGES) {
  if (!bundles.includes(entry)) continue;
  const found = jsIn(dir);
  const loaded = new Set();
  for (const file of [entry, ...lazy.map((chunk) => found.find((c) => c.startsWith(`${dir}/${chunk}-`))).filter(Boolean)]) withStaticImports(file, loaded);
  const total = [...loaded].map(measure).reduce((sum, s) => ({ min: sum.min + s.min, gzip: sum.gzip + s.gzip, brotli: sum.brotli + s.brotli }));
  const names = [...loaded].map((f) => (f.startsWith(`${dir}/`) ? `${f.slice(dir.length + 1).replace(/-[\w-]{8}\.js$/, '')} chunk` : `\`${f}\``));
  const over = budget !== undefined && total.gzip > budget;
  if (over) failures.push(`${name}: ${kb(total.gzip)} gzipped, budget ${kb(budget)}`);
  rows.push(`| ${name} | ${kb(total.min)} | ${kb(total.gzip)} | ${kb(total.brotli)} | ${budget ? kb(budget) : '—'} | ${budget === undefined ? '' : over ? '**over**' : 'ok'} | what it loads: ${names.join(' + ')} |`);
}
const sizes = ['| bundle | minified | gzip -9 | brotli 11 | gzip budget | | what |', '| --- | --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
console.log(sizes);

let timings;
if (!args.includes('--sizes-only')) {
  console.log('');
  const missing = missingBrowsers(['chromium']);
  if (missing.length) {
    console.error(missing.join('\n'));
    failures.push('timings: no Chromium');
  } else {
    try {
      // The sample's compiled manifest, which bench/policy-tc-compiled.html loads.
      const compile = spawnSync(process.execPath, ['packages/cli/bin/trust-center.mjs', 'compile', 'policies', '--out', 'bench/compiled-sample'], { stdio: 'inherit' });
      if (compile.status !== 0) throw new Error('trust-center compile failed');
      const { measureTimings } = await import('./bench/timings.mjs');
      timings = await measureTimings({ runs, only, cpuSlowdown });
      failures.push(...timings.failures);
    } catch (error) {
      console.error(`\nbench: the timings failed: ${error.stack ?? error}`);
      failures.push('timings: the measurement failed');
    }
  }
}

// Keep the README's figures in step with the last run.
if (!args.includes('--no-readme')) {
  const before = readFileSync('README.md', 'utf8');
  let readme = before;
  const replaceBetween = (name, body) => {
    const start = `<!-- bench:${name} -->`;
    const end = `<!-- /bench:${name} -->`;
    if (!readme.includes(start) || !readme.includes(end)) return console.error(`bench: README.md has no ${start} … ${end}: its ${name} are not updated`);
    readme = readme.replace(new RegExp(`${start}[\\s\\S]*?${end}`), () => `${start}\n${body}\n${end}`);
  };
  replaceBetween('sizes', sizes);
  // Partial figures would read as complete ones: the README keeps the last full run's.
  if (timings?.complete) replaceBetween('timings', timings.markdown);
  if (readme !== before) writeFileSync('README.md', readme);
}

if (failures.length) {
  console.error(`\nbench: ${failures.length} over budget or failed:\n${failures.map((f) => `  ${f}`).join('\n')}`);
  process.exit(1);
}
console.error('\nbench: every budget met');
process.exit(0);
