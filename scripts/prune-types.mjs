// `node scripts/prune-types.mjs` (the end of `npm run types`): tsc writes a declaration for every source file,
// but a consumer's TypeScript only ever reads those reachable from the package's typed entry points (`types`,
// each export's `types`, `typesVersions`). This keeps those and deletes the rest from dist/types/, so the
// package does not ship declarations nothing can import (internal views, controllers, the CLI's node modules).
// Reachable means through a relative specifier in a declaration, as TypeScript reads them (ts.preProcessFile).
import { existsSync, readFileSync, readdirSync, rmSync, rmdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TYPES_DIR = 'dist/types';

/** The declaration files package.json points TypeScript at, relative to the root. */
export function typeEntries(pkg) {
  const entries = new Set();
  const add = (path) => typeof path === 'string' && path.endsWith('.d.ts') && entries.add(path.replace(/^\.\//, ''));
  add(pkg.types);
  for (const target of Object.values(pkg.exports ?? {})) if (typeof target === 'object') add(target.types);
  for (const paths of Object.values(pkg.typesVersions?.['*'] ?? {})) paths.forEach(add);
  return [...entries];
}

/** The relative files one declaration file refers to, as paths relative to the root: TypeScript's own reading of its imports, `import()` types and `/// <reference path>`s. */
function references(file) {
  const info = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
  return [...info.importedFiles, ...info.referencedFiles]
    .map((ref) => ref.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => {
      const target = join(dirname(file), name).replace(/\.js$/, '.d.ts');
      return target.endsWith('.d.ts') ? target : `${target}.d.ts`;
    });
}

/** Every declaration file reachable from `entries`. */
export function reachable(entries) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file) || !existsSync(join(root, file))) return;
    seen.add(file);
    references(file).forEach(visit);
  };
  entries.forEach(visit);
  return seen;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const entries = typeEntries(pkg);
  const missing = entries.filter((file) => !existsSync(join(root, file)));
  if (missing.length) {
    console.error(`prune-types: package.json points at declarations tsc did not write: ${missing.join(', ')}`);
    process.exit(1);
  }
  const keep = reachable(entries);
  let removed = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(path);
        if (readdirSync(join(root, path)).length === 0) rmdirSync(join(root, path));
      } else if (!keep.has(path)) {
        rmSync(join(root, path));
        removed++;
      }
    }
  };
  walk(TYPES_DIR);
  console.error(`prune-types: kept ${keep.size} declaration files reachable from ${entries.length} entry points, removed ${removed}`);
}
