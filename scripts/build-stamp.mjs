// `node scripts/build-stamp.mjs write` (the end of `npm run build`) records a hash of everything the build
// reads; `node scripts/build-stamp.mjs prepack` (npm's prepack) runs `npm run build` only when that hash
// changed or an output is missing, so `npm pack`/`npm publish` right after a build do not rebuild.
// Contents, not mtimes: a git checkout or a copy changes mtimes without changing what the build makes.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The record of the last build: outside dist/ (which Rollup empties) and outside the package's files. */
export const stampFile = (dir = root) => join(dir, 'node_modules/.cache/trust-center/build-stamp.json');

/** What the build reads: the sources, its configuration and scripts, and the locked dependency versions. */
export const INPUTS = [
  'src',
  'rollup.config.mjs',
  'tsconfig.json',
  'custom-elements-manifest.config.mjs',
  'scripts/server-safe-lit.mjs',
  'scripts/rollup-minify-css.mjs',
  'scripts/rollup-parallel-imports.mjs',
  'scripts/rollup-compile-hints.mjs',
  'scripts/openpgp-entry.mjs',
  'scripts/third-party-notices.mjs',
  'scripts/prune-types.mjs',
  'scripts/compact-json.mjs',
  'licenses',
  'package.json',
  'package-lock.json',
];

/** What the build writes; one missing means the last build did not finish. */
export const OUTPUTS = [
  'dist/trust-center.js',
  'dist/trust-center.iife.js',
  'dist/trust-center-banner.js',
  'dist/trust-center-disclosure.js',
  'dist/lib/index.js',
  'dist/node/manifest.js',
  'dist/manifest.schema.json',
  'dist/THIRD-PARTY-NOTICES.txt',
  'dist/types/trust-center.d.ts',
  'custom-elements.json',
  'vscode.html-custom-data.json',
  'web-types.json',
];

/** The files under `path` (or `path` itself), relative to the root; none if it does not exist. */
function files(dir, path) {
  const absolute = join(dir, path);
  if (!existsSync(absolute)) return [];
  if (!statSync(absolute).isDirectory()) return [path];
  return readdirSync(absolute, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath ?? entry.path, entry.name)));
}

/** A hash over the inputs' paths and contents, in a stable order. */
export function inputsHash(dir = root) {
  const hash = createHash('sha256');
  for (const path of INPUTS.flatMap((input) => files(dir, input)).sort()) {
    hash.update(`${path}\0`).update(readFileSync(join(dir, path))).update('\0');
  }
  return hash.digest('hex');
}

export function writeStamp(dir = root) {
  mkdirSync(dirname(stampFile(dir)), { recursive: true });
  writeFileSync(stampFile(dir), JSON.stringify({ inputs: inputsHash(dir), builtAt: new Date().toISOString() }) + '\n');
}

/** Why a build is needed, or undefined when dist/ and the metadata match the inputs. */
export function staleReason(dir = root) {
  const missing = OUTPUTS.find((path) => !existsSync(join(dir, path)));
  if (missing) return `${missing} is missing`;
  if (!existsSync(stampFile(dir))) return 'no record of the last build';
  const { inputs } = JSON.parse(readFileSync(stampFile(dir), 'utf8'));
  return inputs === inputsHash(dir) ? undefined : 'the sources or the build configuration changed since the last build';
}

/**
 * Runs `npm run build` (through `build`) only when staleReason says so, telling `log` which; returns
 * the build's exit status, 0 when none was needed. `npm pack` and `npm start` share it.
 */
export function buildUnlessFresh({ dir = root, log, build = () => spawnSync('npm', ['run', 'build'], { cwd: dir, stdio: [0, 2, 2] }).status ?? 1 }) {
  const reason = staleReason(dir);
  if (reason === undefined) {
    log('dist/ is up to date with the sources, not rebuilding');
    return 0;
  }
  log(`${reason}: npm run build`);
  return build();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const command = process.argv[2];
  if (command === 'write') {
    writeStamp();
  } else if (command === 'prepack') {
    // stderr: `npm pack --json` prints its JSON on stdout, after what prepack wrote there.
    process.exitCode = buildUnlessFresh({ log: (line) => console.error(`prepack: ${line}`) });
  } else {
    console.error('usage: node scripts/build-stamp.mjs write|prepack');
    process.exitCode = 2;
  }
}
