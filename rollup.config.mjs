import { rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

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
  terser({ ecma: 2021, module: true, format: { comments: false } }),
];

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
    input: 'src/trust-center.ts',
    output: { file: 'dist/trust-center.js', format: 'es', sourcemap: true },
    plugins: browserPlugins(),
  },
  {
    input: 'src/trust-center.ts',
    output: { file: 'dist/trust-center.iife.js', format: 'iife', name: 'TrustCenter', sourcemap: true },
    plugins: browserPlugins(),
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
