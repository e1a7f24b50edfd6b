// `node scripts/third-party-notices.mjs`: writes dist/THIRD-PARTY-NOTICES.txt, the licences of every package
// bundled into a file of dist/, found through the source maps Rollup wrote (each lists the modules that put
// code into its file), with each package's own licence files from node_modules. OpenPGP.js (LGPL-3.0) gets
// what its licence asks of a work that uses it: where it is, how to replace it, where its source is, and the
// texts of the LGPL and the GPL it builds on. Run after every Rollup build (npm run build, npm test).
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const NOTICES_FILE = 'dist/THIRD-PARTY-NOTICES.txt';
const LICENCE_FILE = /^(?:licen[cs]e|copying|notice|copyrightnotice)(?:[.-].*)?$/i;

/** Every file under dist/ with a source map, and the npm packages each one carries: Map<package dir, Set<dist file>>. */
export function bundledPackages(dist = join(root, 'dist')) {
  const packages = new Map();
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.js.map')) {
        const map = JSON.parse(readFileSync(path, 'utf8'));
        for (const source of map.sources ?? []) {
          const absolute = resolve(dirname(path), map.sourceRoot ?? '', source);
          const at = absolute.lastIndexOf('/node_modules/');
          if (at < 0) continue;
          const [first, second] = absolute.slice(at + '/node_modules/'.length).split('/');
          const dir = absolute.slice(0, at) + '/node_modules/' + (first.startsWith('@') ? `${first}/${second}` : first);
          if (!packages.has(dir)) packages.set(dir, new Set());
          packages.get(dir).add(relative(dist, path.slice(0, -'.map'.length)));
        }
      }
    }
  };
  walk(dist);
  return packages;
}

/** A package's name, version, licence and the text of each of its licence files. */
export function packageInfo(dir) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const files = readdirSync(dir).filter((name) => LICENCE_FILE.test(name)).sort();
  if (files.length === 0) throw new Error(`${pkg.name}: no licence file in ${relative(root, dir)}`);
  const repository = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  return {
    name: pkg.name,
    version: pkg.version,
    license: pkg.license ?? 'see below',
    home: pkg.homepage ?? repository?.replace(/^git\+/, '').replace(/\.git$/, ''),
    texts: files.map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8').trim() })),
  };
}

/** The `/*! … *\/` notices of the packages OpenPGP.js bundles inside its own build (noble-curves and the like). */
function openPgpInnerNotices(dir) {
  const notices = new Set();
  const lightweight = join(dir, 'dist/lightweight');
  for (const file of readdirSync(lightweight).filter((name) => name.endsWith('.min.mjs'))) {
    for (const [comment] of readFileSync(join(lightweight, file), 'utf8').matchAll(/\/\*![\s\S]*?\*\//g)) {
      if (!/OpenPGP\.js/.test(comment)) notices.add(comment);
    }
  }
  return [...notices].sort();
}

const rule = '-'.repeat(78);

function openPgpSection(info, dir, files) {
  const gpl = readFileSync(join(root, 'licenses/GPL-3.0.txt'), 'utf8').trim();
  return [
    `OpenPGP.js is free software under the GNU Lesser General Public License, version 3 or later. trust-center`,
    `uses it as a separate, replaceable module: it is not compiled into the elements, but loaded at run time,`,
    `only when an encrypted report is sent, from these files:`,
    ``,
    ...[...files].sort().map((file) => `  dist/${file}`),
    ``,
    `These are OpenPGP.js ${info.version}'s "lightweight" build (dist/lightweight/ of the npm package openpgp@${info.version}),`,
    `unmodified apart from minification and file names. Its source (the Corresponding Source) is at`,
    `  https://github.com/openpgpjs/openpgpjs/tree/v${info.version}`,
    `and in the npm package openpgp@${info.version} (https://www.npmjs.com/package/openpgp/v/${info.version}).`,
    ``,
    `To use a modified OpenPGP.js, build its lightweight module and put it in place of the files above: every`,
    `bundle and the classes in dist/lib import dist/openpgp/openpgp.js (the one copy in the package), and use`,
    `only its public API (readKey, createMessage, encrypt). Nothing else in trust-center depends on its internals.`,
    ``,
    `Packages that OpenPGP.js bundles inside its own build, with the notices it ships:`,
    ...openPgpInnerNotices(dir).map((notice) => `  ${notice}`),
    ``,
    ...info.texts.flatMap(({ file, text }) => [`${info.name}/${file}:`, ``, text, ``]),
    `The GNU Lesser General Public License supplements the GNU General Public License, version 3:`,
    ``,
    gpl,
  ].join('\n');
}

export function noticesText(packages = bundledPackages()) {
  const own = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const sections = [...packages]
    .map(([dir, files]) => ({ dir, files, info: packageInfo(dir) }))
    .sort((a, b) => a.info.name.localeCompare(b.info.name));
  // Packages with one licence text (four of Lit's, valibot's two): written once, the others point to it.
  const firstWithText = new Map();
  const licenceTexts = (info) => {
    const text = info.texts.map(({ text }) => text).join('\n\n');
    const first = firstWithText.get(text);
    if (first) return `The same licence text as ${first} above.`;
    firstWithText.set(text, `${info.name} ${info.version}`);
    return text;
  };
  return [
    `Third-party software in ${own.name} ${own.version}`,
    ``,
    `The files in dist/ contain the following packages, under these licences. trust-center itself is under`,
    `the MIT licence (LICENSE in the package). This file is generated by scripts/third-party-notices.mjs.`,
    ``,
    ...sections.map(({ info }) => `  ${info.name} ${info.version}  ${info.license}`),
    ...sections.flatMap(({ dir, files, info }) => [
      ``,
      rule,
      `${info.name} ${info.version}  (${info.license})${info.home ? `  ${info.home}` : ''}`,
      `in: ${[...files].sort().slice(0, 6).join(', ')}${files.size > 6 ? `, and ${files.size - 6} more` : ''}`,
      rule,
      ``,
      info.name === 'openpgp' ? openPgpSection(info, dir, files) : licenceTexts(info),
    ]),
    ``,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!existsSync(join(root, 'dist'))) {
    console.error('third-party-notices: no dist/ (run rollup first)');
    process.exit(2);
  }
  const packages = bundledPackages();
  writeFileSync(join(root, NOTICES_FILE), noticesText(packages));
  console.log(`${NOTICES_FILE}: ${packages.size} packages`);
}
