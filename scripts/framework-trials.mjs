// `npm run trials`: try the README's framework recipes in fresh apps (Astro, Nuxt, SvelteKit, Vite + Lit, Next), each one
// built for production from the packed package. Needs the npm registry and minutes, so it is not part of `npm test`.
//   npm run trials                 every framework
//   npm run trials -- astro next   only those (ids: astro, nuxt, sveltekit, vite-lit, next)
//   npm run trials -- --keep       keep the temporary apps (their paths are printed) to look into a failure
// Env: TRIALS_MINUTES (default 6) bounds each app's install + build + check.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const args = process.argv.slice(2);
const keep = args.includes('--keep');
const wanted = args.filter((arg) => !arg.startsWith('--'));
const minutes = Number(process.env.TRIALS_MINUTES || 6);

// Fresh apps: no telemetry prompts, no interactive questions.
const env = {
  ...process.env,
  CI: '1',
  ASTRO_TELEMETRY_DISABLED: '1',
  NUXT_TELEMETRY_DISABLED: '1',
  NEXT_TELEMETRY_DISABLED: '1',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
};

// ---------------------------------------------------------------------------------------------------------------------------
// The recipes, read from the README so that a trial tries what the README says, not a copy of it.

/** The text of the README's `### title` under `## parent`, up to the next heading of either level. */
function readmeSection(parent, title) {
  const start = readme.indexOf(`\n## ${parent}`);
  if (start < 0) throw new Error(`README has no "## ${parent}" section`);
  const from = readme.indexOf(`\n### ${title}\n`, start);
  if (from < 0) throw new Error(`README has no "### ${title}" under "## ${parent}"`);
  const rest = readme.slice(from + 1);
  const end = rest.slice(4).search(/\n##+ /);
  return end < 0 ? rest : rest.slice(0, end + 4);
}

/** The fenced code blocks of a piece of the README, as { lang, code }. */
function codeBlocks(text) {
  return [...text.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map(([, lang, code]) => ({ lang, code }));
}

/** A block's file name: the path in a `// path…` or `<!-- path -->` comment on its first two lines. */
function blockPath(code) {
  for (const line of code.split('\n').slice(0, 2)) {
    const match = /^(?:\/\/|<!--)\s*([\w.@/+[\]-]+\.(?:tsx?|jsx?|mjs|vue|astro|svelte))\b/.exec(line.trim());
    if (match) return match[1];
  }
  return undefined;
}

/** The README's recipe for a framework: each code block that names its file, as { path: code }. */
function recipeFiles(title) {
  const files = {};
  for (const { code } of codeBlocks(readmeSection('Use with', title))) {
    const path = blockPath(code);
    if (path) files[path] = code;
  }
  if (!Object.keys(files).length) throw new Error(`README's "### ${title}" recipe has no code block that names its file`);
  return files;
}

const pick = (text, pattern, what) => {
  const match = pattern.exec(text);
  if (!match) throw new Error(`README: cannot find ${what}`);
  return match[1];
};

// ---------------------------------------------------------------------------------------------------------------------------
// The apps: the few files a create-* tool would write, by hand, plus the README's recipe. Each framework's current major is
// pinned; `check` names the HTML that proves the server side rendered the tag (undefined where nothing renders on a server).

const fallback = /<trust-center[^>]*>\s*(?:<!--[^>]*-->\s*)*<a href="\/policies\/"[^>]*>Our policies<\/a>/;

const trials = [
  {
    id: 'astro',
    policies: 'public/policies', // where the README puts them
    name: 'Astro',
    deps: { astro: '^7' },
    node: 22, // Astro 7 needs Node 22.23.4 or later
    versions: ['astro', 'vite'],
    files: () => ({
      'astro.config.mjs': `import { defineConfig } from 'astro/config';\n\nexport default defineConfig({});\n`,
      'tsconfig.json': JSON.stringify({ extends: 'astro/tsconfigs/strict', include: ['.astro/types.d.ts', '**/*'], exclude: ['dist'] }),
      ...recipeFiles('Astro'),
    }),
    build: ['astro', 'build'],
    html: { file: 'dist/trust/index.html', has: fallback },
    client: 'dist',
  },
  {
    id: 'nuxt',
    policies: 'public/policies', // where the README puts them
    name: 'Nuxt',
    deps: { nuxt: '^4' },
    // Nuxt 4.6.4's nuxt build fails on Vite 8.4 with or without trust-center ([INVALID_EXTERNAL_ID] unctx): hold Vite at 8.3.
    overrides: { vite: '~8.3' },
    node: 22, // Nuxt 4.6 needs Node 22.22.3 or later
    versions: ['nuxt', 'vue', 'vite'],
    files: () => {
      const tag = pick(readmeSection('Use with', 'Nuxt'), /Then `(<trust-center[^`]*>)`/, 'the Nuxt page\'s tag');
      return {
        ...recipeFiles('Nuxt'),
        // The layout `npm create nuxt` writes: Nuxt 4's source folder is app/.
        'app/app.vue': '<template>\n  <NuxtPage />\n</template>\n',
        'app/pages/index.vue': '<template>\n  <NuxtLink to="/trust">Trust</NuxtLink>\n</template>\n',
        'app/pages/trust.vue': `<template>\n  ${tag}\n</template>\n`,
      };
    },
    build: ['nuxt', 'build'],
    // `nuxt build` renders on request, so the trial starts the built server and asks it for the page.
    serve: { command: ['node', '.output/server/index.mjs'], path: '/trust' },
    html: { has: /<trust-center src="\/policies\/manifest.json" theme="auto">/, not: /Failed to resolve component/ },
    client: '.output/public',
  },
  {
    id: 'sveltekit',
    policies: 'static/policies', // where the README puts them
    name: 'SvelteKit',
    node: 22, // SvelteKit 3 needs Node 22.17 or later
    deps: { '@sveltejs/kit': '^3', '@sveltejs/adapter-static': '^4', '@sveltejs/vite-plugin-svelte': '^7', svelte: '^5', vite: '^8' },
    versions: ['@sveltejs/kit', 'svelte', '@sveltejs/vite-plugin-svelte', '@sveltejs/adapter-static', 'vite'],
    files: () => ({
      // SvelteKit 3 takes its configuration in the Vite plugin (svelte.config.js is refused); Svelte 5 strips TypeScript itself.
      'vite.config.js': [
        `import adapter from '@sveltejs/adapter-static';`,
        `import { sveltekit } from '@sveltejs/kit/vite';`,
        `import { defineConfig } from 'vite';`,
        ``,
        `export default defineConfig({ plugins: [sveltekit({ adapter: adapter() })] });`,
        ``,
      ].join('\n'),
      'src/app.html': [
        '<!doctype html>',
        '<html lang="en">',
        '  <head>',
        '    <meta charset="utf-8" />',
        '    <meta name="viewport" content="width=device-width, initial-scale=1" />',
        '    %sveltekit.head%',
        '  </head>',
        '  <body>',
        '    <div style="display: contents">%sveltekit.body%</div>',
        '  </body>',
        '</html>',
        '',
      ].join('\n'),
      // Prerendered, so the build itself renders the page on the server (what adapter-static apps do).
      'src/routes/+layout.ts': 'export const prerender = true;\n',
      'src/routes/+page.svelte': '<a href="/trust">Trust</a>\n',
      ...recipeFiles('SvelteKit'),
    }),
    build: ['vite', 'build'],
    html: { file: 'build/trust.html', has: fallback },
    client: 'build',
  },
  {
    id: 'vite-lit',
    policies: 'public/policies', // where the README puts them
    name: 'Vite + Lit',
    deps: { vite: '^8', lit: '^3', '@lit/context': '^1', '@lit/task': '^1' },
    versions: ['vite', 'lit', '@lit/reactive-element', '@lit/context', '@lit/task'],
    files: () => {
      const ecosystem = readme.slice(readme.indexOf('\n## Ecosystem'));
      const recipe = pick(ecosystem, /With `trust-center\/elements`, the app registers the tags itself:\n\n```js\n([\s\S]*?)```/, 'the trust-center/elements recipe');
      return {
        'index.html': [
          '<!doctype html>',
          '<html lang="en">',
          '  <head>',
          '    <meta charset="utf-8" />',
          '    <script type="module" src="/src/my-app.js"></script>',
          '  </head>',
          '  <body>',
          '    <my-app></my-app>',
          '  </body>',
          '</html>',
          '',
        ].join('\n'),
        'src/trust-center.js': recipe,
        // The app's own Lit element renders the trust center, so the app and the package share one Lit.
        'src/my-app.js': [
          `import { LitElement, html } from 'lit';`,
          `import './trust-center.js';`,
          ``,
          `customElements.define('my-app', class extends LitElement {`,
          `  render() {`,
          '    return html`<acme-trust-center src="/policies/manifest.json" theme="auto"></acme-trust-center>`;',
          `  }`,
          `});`,
          ``,
        ].join('\n'),
      };
    },
    build: ['vite', 'build'],
    client: 'dist',
    oneLit: true,
  },
  {
    id: 'next',
    policies: 'public/policies', // where the README puts them
    name: 'Next (app router)',
    deps: { next: '^16', react: '^19', 'react-dom': '^19', typescript: '^5', '@types/react': '^19', '@types/react-dom': '^19', '@types/node': '^20' },
    versions: ['next', 'react', 'react-dom', 'typescript'],
    files: () => ({
      // What create-next-app writes, strict TypeScript included.
      'tsconfig.json': JSON.stringify(
        {
          compilerOptions: {
            target: 'ES2017', lib: ['dom', 'dom.iterable', 'esnext'], allowJs: true, skipLibCheck: true, strict: true, noEmit: true,
            esModuleInterop: true, module: 'esnext', moduleResolution: 'bundler', resolveJsonModule: true, isolatedModules: true,
            jsx: 'react-jsx', incremental: true, plugins: [{ name: 'next' }], paths: { '@/*': ['./*'] },
          },
          include: ['next-env.d.ts', '**/*.ts', '**/*.tsx', '.next/types/**/*.ts'],
          exclude: ['node_modules'],
        },
        null,
        2,
      ),
      'next.config.ts': `import type { NextConfig } from 'next';\n\nconst nextConfig: NextConfig = {};\n\nexport default nextConfig;\n`,
      'app/layout.tsx': [
        `export default function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {`,
        `  return (`,
        `    <html lang="en">`,
        `      <body>{children}</body>`,
        `    </html>`,
        `  );`,
        `}`,
        ``,
      ].join('\n'),
      'app/page.tsx': `export default function Home() {\n  return <a href="/trust">Trust</a>;\n}\n`,
      ...recipeFiles('Next (app router)'),
    }),
    build: ['next', 'build'],
    html: { file: '.next/server/app/trust.html', has: fallback },
    client: '.next/static',
  },
];

// ---------------------------------------------------------------------------------------------------------------------------
// Running things with a deadline: each child in its own process group, so a timeout ends its workers too.

const children = new Set();
function run(command, commandArgs, { cwd, log, deadline, extraEnv = {} }) {
  let started;
  const done = new Promise((resolve) => {
    const left = deadline - Date.now();
    if (left <= 0) return resolve({ code: null, timedOut: true });
    writeFileSync(log, `\n$ ${command} ${commandArgs.join(' ')}\n`, { flag: 'a' });
    const child = spawn(command, commandArgs, { cwd, env: { ...env, ...extraEnv }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    started = child;
    children.add(child);
    let output = '';
    const append = (chunk) => {
      output += chunk;
      writeFileSync(log, chunk, { flag: 'a' });
    };
    child.stdout.on('data', append);
    child.stderr.on('data', append);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      kill(child);
    }, left);
    child.on('close', (code) => {
      clearTimeout(timer);
      children.delete(child);
      resolve({ code, timedOut, output });
    });
    child.on('error', (error) => append(`${error.message}\n`));
  });
  return Object.assign(done, { child: started });
}

function kill(child) {
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children) kill(child);
    cleanUp();
    process.exit(130);
  });
}

const temporary = [];
function cleanUp() {
  if (keep) return;
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Starts the built server, fetches one page, stops the server: the page's HTML and the server's output. */
async function serveAndFetch(trial, dir, log, deadline, extraEnv) {
  const port = await freePort();
  const [command, ...commandArgs] = trial.serve.command;
  const server = run(command, commandArgs, { cwd: dir, log, deadline, extraEnv: { ...extraEnv, PORT: String(port), HOST: '127.0.0.1', NITRO_PORT: String(port) } });
  const url = `http://127.0.0.1:${port}${trial.serve.path}`;
  let html;
  const until = Math.min(deadline, Date.now() + 30_000);
  while (Date.now() < until && html === undefined) {
    try {
      const response = await fetch(url);
      html = `${response.status === 200 ? '' : `HTTP ${response.status}\n`}${await response.text()}`;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
  if (server.child) kill(server.child);
  const { output } = await server;
  if (html === undefined) throw new Error(`the built server did not answer ${url} within 30 s`);
  return `${html}\n${output ?? ''}`;
}

function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const installedVersion = (dir, name) => {
  try {
    return JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return '?';
  }
};

/** PATH with a Node of `major` first, for a framework that needs a newer Node than this one: the registry's node-<os>-<cpu>. */
const nodes = new Map();
async function pathWithNode(major, base, log) {
  if (!major || Number(process.versions.node.split('.')[0]) >= major) return undefined;
  if (!nodes.has(major)) {
    const name = `node-${process.platform}-${process.arch}`;
    const dir = join(base, `node${major}`);
    mkdirSync(dir, { recursive: true });
    const install = await run('npm', ['install', '--no-save', '--prefix', dir, `${name}@${major}`], { cwd: dir, log, deadline: Date.now() + 5 * 60_000 });
    const bin = join(dir, 'node_modules', name, 'bin');
    nodes.set(major, install.code === 0 && existsSync(join(bin, 'node')) ? `${bin}:${process.env.PATH}` : null);
  }
  const path = nodes.get(major);
  if (!path) throw new Error(`could not install Node ${major} (${`node-${process.platform}-${process.arch}`}) from the npm registry`);
  return path;
}

const tail = (text, lines = 30) => text.split('\n').slice(-lines).join('\n');

// ---------------------------------------------------------------------------------------------------------------------------

async function tryFramework(trial, tarball, base) {
  const dir = join(base, trial.id);
  const log = join(base, `${trial.id}.log`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(log, '');
  const deadline = Date.now() + minutes * 60_000;
  const started = Date.now();
  const result = { trial, versions: '', ok: false, why: '', log };
  const fail = (why) => Object.assign(result, { why, seconds: Math.round((Date.now() - started) / 1000) });
  try {
    const files = trial.files();
    const pkg = { name: `trial-${trial.id}`, private: true, type: 'module', dependencies: { 'trust-center': `file:${tarball}`, ...trial.deps }, overrides: trial.overrides };
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
    // The sample policies and a stand-in for their static pages: SvelteKit's prerender follows the src and the fallback link.
    cpSync(join(root, 'policies'), join(dir, trial.policies), { recursive: true });
    writeFileSync(join(dir, trial.policies, 'index.html'), '<!doctype html>\n<title>Our policies</title>\n<a href="security.md">Security</a>\n');
    for (const [path, code] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), code);
    }
    const PATH = await pathWithNode(trial.node, base, log);
    const extraEnv = PATH ? { PATH } : {};
    const node = await run('node', ['--version'], { cwd: dir, log, deadline, extraEnv });
    const install = await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, log, deadline, extraEnv });
    result.versions = `Node ${node.output.trim().replace(/^v/, '')}, ` + trial.versions.map((name) => `${name} ${installedVersion(dir, name)}`).join(', ');
    if (install.code !== 0) return fail(install.timedOut ? `npm install took over ${minutes} min` : `npm install exited ${install.code}`);
    const [bin, ...binArgs] = trial.build;
    const build = await run(join(dir, 'node_modules', '.bin', bin), binArgs, { cwd: dir, log, deadline, extraEnv });
    if (build.code !== 0) return fail(build.timedOut ? `${trial.build.join(' ')} took over ${minutes} min` : `${trial.build.join(' ')} exited ${build.code}`);
    const checks = [];
    if (trial.html) {
      const html = trial.serve ? await serveAndFetch(trial, dir, log, deadline, extraEnv) : existsSync(join(dir, trial.html.file)) ? readFileSync(join(dir, trial.html.file), 'utf8') : undefined;
      const where = trial.serve ? `${trial.serve.path} from the built server` : trial.html.file;
      if (html === undefined) return fail(`${where} was not written`);
      if (!trial.html.has.test(html)) return fail(`${where} has no server-rendered <trust-center> with its fallback link`);
      if (trial.html.not?.test(html)) return fail(`${where}: ${trial.html.not.exec(html)[0]}`);
      checks.push(`<trust-center> in ${where}`);
    }
    // The browser's code carries the element: the import was neither dropped nor left unresolved.
    const scripts = walk(join(dir, trial.client)).filter((file) => /\.(m?js|html)$/.test(file)).map((file) => readFileSync(file, 'utf8'));
    if (!scripts.some((text) => text.includes('trust-center-load'))) return fail(`no script under ${trial.client} carries the element`);
    checks.push('element in the client bundle');
    if (trial.oneLit) {
      const copies = scripts.reduce((count, text) => count + (text.match(/litHtmlVersions/g) ?? []).length, 0);
      if (copies !== 1) return fail(`the client bundle has ${copies} copies of lit-html, not 1`);
      checks.push('one Lit');
    }
    Object.assign(result, { ok: true, why: checks.join(', ') });
    return fail(result.why);
  } catch (error) {
    return fail(error.message);
  }
}

async function main() {
  const chosen = wanted.length ? trials.filter((trial) => wanted.includes(trial.id)) : trials;
  const unknown = wanted.filter((id) => !trials.some((trial) => trial.id === id));
  if (unknown.length) {
    console.error(`unknown framework ${unknown.join(', ')}: choose from ${trials.map((trial) => trial.id).join(', ')}`);
    process.exit(2);
  }
  const base = mkdtempSync(join(tmpdir(), 'trust-center-trials-'));
  temporary.push(base);
  console.log(`trials in ${base}${keep ? ' (kept)' : ''}, Node ${process.versions.node}, npm pack of ${root}`);
  const pack = await run('npm', ['pack', '--pack-destination', base, '--silent'], { cwd: root, log: join(base, 'pack.log'), deadline: Date.now() + 10 * 60_000 });
  const tarball = pack.code === 0 && readdirSync(base).find((name) => name.endsWith('.tgz'));
  if (!tarball) {
    console.error(`npm pack failed:\n${tail(readFileSync(join(base, 'pack.log'), 'utf8'))}`);
    cleanUp();
    process.exit(1);
  }
  console.log(`packed ${tarball}`);
  const results = [];
  for (const trial of chosen) {
    const result = await tryFramework(trial, join(base, tarball), base);
    results.push(result);
    console.log(`${result.ok ? 'pass' : 'FAIL'}  ${trial.name.padEnd(18)} ${result.versions || '(not installed)'}  [${result.seconds} s] ${result.why}`);
    if (!result.ok) console.log(tail(readFileSync(result.log, 'utf8')).replace(/^/gm, '      | '));
  }
  const failed = results.filter((result) => !result.ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  cleanUp();
  process.exit(failed ? 1 : 0);
}

await main();
