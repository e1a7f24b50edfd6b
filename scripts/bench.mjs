// `npm run bench`: sizes of every bundle against its budget (more figures join as they are measured).
// Prints a markdown table, refreshes the README's figures, and exits non-zero above a budget.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const KB = 1024;
/** Gzipped budgets, in bytes. */
const budgets = {
  'trust-center.js': 30 * KB,
  'trust-center.iife.js': 30 * KB,
  'trust-center-banner.js': 9 * KB,
  'trust-center-banner.iife.js': 9 * KB,
};

if (!process.argv.includes('--no-build')) {
  const build = spawnSync('npx', ['rollup', '-c', '--silent'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
const rows = [];
let failures = 0;
const chunks = readdirSync('dist/chunks').filter((f) => f.endsWith('.js')).map((f) => `chunks/${f}`);
for (const file of [...readdirSync('dist').filter((f) => f.endsWith('.js')).sort(), ...chunks.sort()]) {
  const body = readFileSync(`dist/${file}`);
  const gzip = gzipSync(body, { level: 9 }).length;
  const brotli = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const budget = budgets[file];
  const over = budget !== undefined && gzip > budget;
  if (over) failures++;
  rows.push(`| \`${file}\` | ${kb(body.length)} | ${kb(gzip)} | ${kb(brotli)} | ${budget ? kb(budget) : '—'} | ${budget === undefined ? '' : over ? '**over**' : 'ok'} |`);
}

const table = [
  '| bundle | minified | gzip -9 | brotli 11 | gzip budget | |',
  '| --- | --- | --- | --- | --- | --- |',
  ...rows,
].join('\n');
console.log(table);

// Keep the README's figures in step with the last run.
const readme = readFileSync('README.md', 'utf8');
const start = '<!-- bench:sizes -->';
const end = '<!-- /bench:sizes -->';
if (readme.includes(start) && readme.includes(end)) {
  const updated = readme.replace(new RegExp(`${start}[\\s\\S]*?${end}`), `${start}\n${table}\n${end}`);
  if (updated !== readme) writeFileSync('README.md', updated);
}

if (failures) {
  console.error(`\n${failures} bundle(s) over budget`);
  process.exit(1);
}
