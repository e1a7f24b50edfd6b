import { rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { minifyCssLiterals } from './scripts/rollup-minify-css.mjs';

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

const browserPlugins = () => [
  nodeResolve({ browser: true, exportConditions: ['production'] }),
  ts(),
  minifyCssLiterals(),
  terser({ ecma: 2021, module: true, format: { comments: false } }),
];

/** The classic script cannot split chunks: it imports OpenPGP.js from dist/openpgp/ at run time instead. */
const iifeOpenPgpLoader = () => ({
  name: 'iife-openpgp-loader',
  async resolveId(source, importer, options) {
    if (!source.includes('openpgp-loader')) return null;
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    return resolved?.id === resolve('src/disclosure/openpgp-loader.ts') ? resolve('src/disclosure/openpgp-loader.iife.ts') : resolved;
  },
});

/** Writes dist/manifest.schema.json from the same valibot definition the element validates with. */
const jsonSchemaFile = () => ({
  name: 'manifest-json-schema',
  async writeBundle(options) {
    const mod = await import(`${pathToFileURL(resolve(options.dir, 'json-schema.js')).href}?t=${Date.now()}`);
    await mkdir('dist', { recursive: true });
    await writeFile('dist/manifest.schema.json', JSON.stringify(mod.manifestJsonSchema(), null, 2) + '\n');
  },
});

// Every build starts from an empty dist/, so no stale chunk is shipped.
rmSync('dist', { recursive: true, force: true });

export default [
  {
    // The full bundle; the manifest validator, the markdown renderer and the less used views are lazily
    // loaded chunks beside it.
    input: { 'trust-center': 'src/trust-center.ts' },
    // Lets shared code (Lit) live in the entry itself rather than a chunk behind a facade.
    preserveEntrySignatures: 'allow-extension',
    output: { dir: 'dist', format: 'es', sourcemap: true, chunkFileNames: 'chunks/[name]-[hash].js' },
    plugins: browserPlugins(),
  },
  {
    // The disclosure form alone, for a "Report a vulnerability" page. A build of its own: sharing chunks with
    // the full bundle would make one entry load the other.
    input: { 'trust-center-disclosure': 'src/trust-center-disclosure.ts' },
    preserveEntrySignatures: 'allow-extension',
    // Its lazy chunks (OpenPGP.js, the validator) apart from the full bundle's.
    output: { dir: 'dist', format: 'es', sourcemap: true, chunkFileNames: 'disclosure-chunks/[name]-[hash].js' },
    plugins: browserPlugins(),
  },
  {
    input: 'src/trust-center.ts',
    // A classic script cannot import chunks, so it carries everything in one file.
    output: { file: 'dist/trust-center.iife.js', format: 'iife', name: 'TrustCenter', sourcemap: true, inlineDynamicImports: true },
    plugins: [iifeOpenPgpLoader(), ...browserPlugins()],
  },
  {
    input: 'src/trust-center-banner.ts',
    output: { file: 'dist/trust-center-banner.js', format: 'es', sourcemap: true },
    plugins: browserPlugins(),
  },
  {
    input: 'src/trust-center-banner.ts',
    output: { file: 'dist/trust-center-banner.iife.js', format: 'iife', name: 'TrustCenterBanner', sourcemap: true },
    plugins: browserPlugins(),
  },
  {
    // OpenPGP.js's lightweight build at a fixed URL, for the classic script's run-time import.
    input: { openpgp: 'scripts/openpgp-entry.mjs' },
    output: { dir: 'dist/openpgp', format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js', sourcemap: true },
    plugins: [nodeResolve({ browser: true, exportConditions: ['production'] }), terser({ ecma: 2021, module: true, format: { comments: false } })],
  },
  {
    // The element classes without registration, for apps with their own bundler: dependencies stay imports.
    input: { index: 'src/index.ts' },
    external: (id) => /^[@a-z]/.test(id),
    output: { dir: 'dist/lib', format: 'es', sourcemap: true, chunkFileNames: 'chunks/[name]-[hash].js' },
    plugins: [ts('dist/lib')],
  },
  {
    // Node-side modules for the CLI: the same schema and markdown pipeline as the elements.
    input: {
      'json-schema': 'src/manifest/json-schema.ts',
      manifest: 'src/manifest/index.ts',
      markdown: 'src/markdown/markdown.ts',
    },
    // Dependencies stay imports, so the CLI shares one lit with @lit-labs/ssr.
    external: (id) => /^[@a-z]/.test(id),
    output: { dir: 'dist/node', format: 'es', sourcemap: false },
    plugins: [ts('dist/node'), jsonSchemaFile()],
  },
];
