import { rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { dirname, relative, resolve } from 'node:path';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { minifyCssLiterals } from './scripts/rollup-minify-css.mjs';
import { compileHints } from './scripts/rollup-compile-hints.mjs';
import { parallelImports } from './scripts/rollup-parallel-imports.mjs';
import serverSafeLit from './scripts/server-safe-lit.mjs';

const ts = (outDir = 'dist') =>
  typescript({
    tsconfig: './tsconfig.json',
    declaration: false,
    declarationMap: false,
    outDir,
    rootDir: 'src',
    sourceMap: true,
    noEmitOnError: true,
  });

// Keeps licence notices (`@license`, `@preserve`, `/*! … */`), as the MIT, BSD and LGPL licences of what is bundled ask.
const minify = () => terser({ ecma: 2021, module: true, format: { comments: 'some' } });

// dist/lib and dist/node are minified too (they were most of the package's size), but for a consumer's bundler and
// debugger: class and function names stay (stack traces, `constructor.name`), and so do `/*#__PURE__*/`
// annotations, which let an app's bundler drop what it does not import from `trust-center/elements`.
const minifyLibrary = () =>
  terser({ ecma: 2021, module: true, keep_classnames: true, keep_fnames: true, format: { comments: 'some', preserve_annotations: true } });

const browserPlugins = () => [
  sharedOpenPgp(),
  serverSafeLit(),
  nodeResolve({ browser: true, exportConditions: ['production'] }),
  ts(),
  minifyCssLiterals(),
  parallelImports(),
  minify(),
  // After minifying, which would drop it: the comment must open the file.
  compileHints(),
];

/** Writes dist/manifest.schema.json from the same valibot definition the element validates with (unindented: editors parse it). */
const jsonSchemaFile = () => ({
  name: 'manifest-json-schema',
  async writeBundle(options) {
    const mod = await import(`${pathToFileURL(resolve(options.dir, 'json-schema.js')).href}?t=${Date.now()}`);
    await mkdir('dist', { recursive: true });
    await writeFile('dist/manifest.schema.json', JSON.stringify(mod.manifestJsonSchema()) + '\n');
  },
});

// Maps are written for scripts/third-party-notices.mjs and local debugging, but not referenced from the files and not
// packed (package.json `files`): 5 MB a consumer never loads, and a `sourceMappingURL` to an unshipped map is a warning.
const sourcemap = 'hidden';

const LIT_FAMILY = /^(?:lit|lit-html|lit-element|@lit\/[^/]+)(?:\/|$)/;

/**
 * Every build imports OpenPGP.js from the package's one copy, dist/openpgp/ (built below), by relative path: the
 * package ships it once (not a copy per bundle), and dist/lib needs no `openpgp/lightweight`, whose only export
 * condition is `browser`, which server passes of app bundlers (Next, Nuxt) could not resolve. The import stays
 * dynamic, so OpenPGP.js is still fetched only when an encrypted report is sent.
 */
const sharedOpenPgp = () => {
  const placeholder = 'trust-center:shared-openpgp';
  return {
    name: 'shared-openpgp',
    resolveId: (source) => (source === 'openpgp/lightweight' ? { id: placeholder, external: true } : null),
    renderChunk(code, chunk, options) {
      if (!code.includes(placeholder)) return null;
      const from = dirname(resolve(options.dir ?? dirname(options.file), chunk.fileName));
      const path = relative(from, resolve('dist/openpgp/openpgp.js'));
      // The same line, one string longer or shorter: the source map stays right (map: null keeps it).
      return { code: code.replaceAll(placeholder, path.startsWith('.') ? path : `./${path}`), map: null };
    },
  };
};

// Every build starts from an empty dist/, so no stale chunk is shipped.
rmSync('dist', { recursive: true, force: true });

export default [
  {
    // The full bundle; the manifest validator, the markdown renderer and the less used views are lazily
    // loaded chunks beside it.
    input: { 'trust-center': 'src/trust-center.ts' },
    // Lets shared code (Lit) live in the entry itself rather than a chunk behind a facade.
    preserveEntrySignatures: 'allow-extension',
    output: { dir: 'dist', format: 'es', sourcemap, chunkFileNames: 'chunks/[name]-[hash].js' },
    plugins: browserPlugins(),
  },
  {
    // The disclosure form alone, for a "Report a vulnerability" page. A build of its own: sharing chunks with
    // the full bundle would make one entry load the other.
    input: { 'trust-center-disclosure': 'src/trust-center-disclosure.ts' },
    preserveEntrySignatures: 'allow-extension',
    // Its lazy chunks (the validator, the messages) apart from the full bundle's; OpenPGP.js is the shared dist/openpgp/.
    output: { dir: 'dist', format: 'es', sourcemap, chunkFileNames: 'disclosure-chunks/[name]-[hash].js' },
    plugins: browserPlugins(),
  },
  {
    // <trust-center-policy> alone, for pages that show one policy. A build of its own, like the disclosure
    // form's: sharing chunks with the full bundle would make either entry wait for a chunk of the other's.
    input: { 'trust-center-policy': 'src/trust-center-policy.ts' },
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir: 'dist',
      format: 'es',
      sourcemap,
      chunkFileNames: 'policy-chunks/[name]-[hash].js',
      // What a compiled manifest needs (its check and the tree renderer) in the entry itself, not in chunks
      // requested once the entry has run: one round trip less before the policy's first paint. The source
      // path's validator and marked stay lazy.
      manualChunks: (id) => (/[\\/]src[\\/](trust-center-policy|manifest[\\/]compiled|markdown[\\/]render)\.ts$/.test(id) ? 'trust-center-policy' : undefined),
    },
    plugins: browserPlugins(),
  },
  {
    // The classic script: a loader that imports trust-center.js (and so its chunks) from beside itself.
    input: 'src/trust-center-loader.ts',
    output: { file: 'dist/trust-center.iife.js', format: 'iife', sourcemap },
    plugins: browserPlugins(),
  },
  {
    input: 'src/trust-center-banner.ts',
    output: { file: 'dist/trust-center-banner.js', format: 'es', sourcemap },
    plugins: browserPlugins(),
  },
  {
    input: 'src/trust-center-banner.ts',
    output: { file: 'dist/trust-center-banner.iife.js', format: 'iife', name: 'TrustCenterBanner', sourcemap },
    plugins: browserPlugins(),
  },
  {
    // OpenPGP.js's lightweight build at a fixed URL, the one copy every bundle and dist/lib import (see sharedOpenPgp).
    input: { openpgp: 'scripts/openpgp-entry.mjs' },
    output: { dir: 'dist/openpgp', format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js', sourcemap },
    plugins: [nodeResolve({ browser: true, exportConditions: ['production'] }), parallelImports(), minify()],
  },
  {
    // The element classes without registration, for apps with their own bundler (`trust-center/elements`,
    // `trust-center/elements/disclosure`). Lit stays an import (a peer dependency, so an app ships one copy);
    // marked, valibot and TypeScript's helpers are inside. The disclosure form, the views, the validator and
    // the markdown renderer are lazy chunks, as in the full bundle.
    input: { index: 'src/index.ts', disclosure: 'src/disclosure/index.ts' },
    external: (id) => LIT_FAMILY.test(id),
    output: { dir: 'dist/lib', format: 'es', sourcemap, chunkFileNames: 'chunks/[name]-[hash].js' },
    plugins: [sharedOpenPgp(), nodeResolve({ browser: true, exportConditions: ['production'] }), ts('dist/lib'), minifyCssLiterals(), minifyLibrary()],
  },
  {
    // Node-side modules for the CLI: the same schema and markdown pipeline as the elements.
    input: {
      'json-schema': 'src/manifest/json-schema.ts',
      manifest: 'src/manifest/index.ts',
      markdown: 'src/markdown/markdown.ts',
      compiled: 'src/node/compiled.ts',
    },
    // Lit and marked stay imports (the CLI's dependencies), so the CLI shares one lit with @lit-labs/ssr;
    // valibot is inside, so trust-center/manifest needs no package at run time. The maps feed the notices.
    external: (id) => /^(?:lit|lit-html|lit-element|@lit\/[^/]+|@lit-labs\/[^/]+|marked)(?:\/|$)/.test(id),
    output: { dir: 'dist/node', format: 'es', sourcemap },
    plugins: [nodeResolve({ exportConditions: ['node'] }), ts('dist/node'), minifyCssLiterals(), minifyLibrary(), jsonSchemaFile()],
  },
];
