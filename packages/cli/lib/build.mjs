// `trust-center build`: security.txt, the Atom feed, and static pages rendered by the element's own
// markdown pipeline (dist/node/markdown.js → Lit templates → HTML with @lit-labs/ssr).

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, realpath, unlink, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAtomFeed, feedEntries } from './atom.mjs';
import { UNSAFE_CHARACTERS } from './characters.mjs';
import { addDays, addOneYear, dateToUtc, isRealDate, startOfUtcDay } from './dates.mjs';
import { html, jsonForScript, raw } from './html.mjs';
import { displayPath } from './report.mjs';
import { buildSecurityTxt, checkSecurityTxt } from './security-txt.mjs';
import { STATIC_CSS } from './static-css.mjs';
import { formatPath } from './json-positions.mjs';
import { decodeRelativePath, openReference, readInside, removeInside, writeInside, writeProblem } from './files.mjs';
import { policySources } from './validate.mjs';
import { parseXml } from './xml.mjs';
import { UsageError } from './commands.mjs';
import { ELEMENT_DIST } from './element-package.mjs';

const DIST = ELEMENT_DIST;
/** Where earlier versions kept the record, inside --out (and so deployed): read once, then removed. */
const OLD_RECORD = '.trust-center-build.json';
/** The folders the build copies into the assets folder. */
const ASSET_FOLDERS = ['policies', 'chunks', 'policy-chunks', 'openpgp'];
const LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'];
const SEGMENT = /^[A-Za-z0-9_~-][A-Za-z0-9._~-]*$/;
const POLICY_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

const LABELS = {
  trustCenter: (org) => `${org} trust center`,
  policies: 'Policies',
  compliance: 'Compliance',
  lastUpdated: 'Last updated',
  onThisPage: 'On this page',
  changeHistory: 'Change history',
  recentUpdates: 'Recent updates',
  subscribe: 'Subscribe to updates (Atom feed)',
  report: 'Report a vulnerability',
  back: (org) => `${org} trust center`,
  status: { certified: 'Certified', 'in-progress': 'In progress', aligned: 'Aligned', planned: 'Planned' },
};

// ---------------------------------------------------------------------------------------------
// Options

/** Checks and normalises the build options; throws UsageError. */
export function buildOptions(values, now) {
  if (!values.out) throw new UsageError('--out DIR is required (the folder to write the site to)');
  if (!values.site) throw new UsageError('--site URL is required (where the site will be served, e.g. https://artisser.example)');
  let site;
  try {
    site = new URL(values.site);
  } catch {
    throw new UsageError(`--site: not a URL: ${JSON.stringify(values.site)}`);
  }
  const localPreview = site.protocol === 'http:' && LOCAL_HOSTS.includes(site.hostname);
  if (site.protocol !== 'https:' && !localPreview) {
    throw new UsageError(`--site must be an https:// URL (http only for localhost, 127.0.0.1 or [::1]), got ${JSON.stringify(values.site)}`);
  }
  if (site.username || site.password || site.search || site.hash) {
    throw new UsageError('--site must not have a user, query or fragment');
  }
  if (!site.pathname.endsWith('/')) site.pathname += '/';

  const pageText = values.page ?? '/trust';
  const pageSegments = pageText.split('/').filter((s) => s !== '');
  if (!pageText.startsWith('/') || pageSegments.some((s) => !SEGMENT.test(s) || s === '.well-known')) {
    throw new UsageError(`--page must be a path like /trust (letters, digits, "-", "_", "." and "~"), got ${JSON.stringify(pageText)}`);
  }

  // The element's scripts, their chunks and the copied policies: one folder, under the pages unless told otherwise.
  const assetsText = values['assets-dir'] ?? `${pageSegments.map((s) => `${s}/`).join('')}assets`;
  const assetsSegments = assetsText.split('/').filter((s) => s !== '' && s !== '.');
  if (assetsText.split('/').some((s) => s === '..') || assetsSegments.some((s) => !SEGMENT.test(s) || s === '.well-known')) {
    throw new UsageError(`--assets-dir must be a folder path like trust/assets or / (letters, digits, "-", "_", "." and "~"), got ${JSON.stringify(assetsText)}`);
  }

  const yearFromNow = addOneYear(now);
  let expires;
  if (values.expires !== undefined && values['expires-days'] !== undefined) {
    throw new UsageError('give --expires or --expires-days, not both');
  }
  if (values.expires !== undefined) {
    if (!isRealDate(values.expires)) throw new UsageError(`--expires: expected a date YYYY-MM-DD, got ${JSON.stringify(values.expires)}`);
    expires = dateToUtc(values.expires);
    if (expires.getTime() <= now.getTime()) throw new UsageError(`--expires ${values.expires} is not in the future`);
    if (expires.getTime() > yearFromNow.getTime()) {
      throw new UsageError(`--expires ${values.expires} is more than a year away; RFC 9116 asks for less than a year`);
    }
  } else if (values['expires-days'] !== undefined) {
    const days = Number(values['expires-days']);
    if (!/^\d+$/.test(values['expires-days']) || days < 1 || days > 365) {
      throw new UsageError(`--expires-days: expected a whole number of days from 1 to 365, got ${JSON.stringify(values['expires-days'])}`);
    }
    expires = addDays(startOfUtcDay(now), days);
    if (expires.getTime() > yearFromNow.getTime()) throw new UsageError(`--expires-days ${days} is more than a year away`);
  } else {
    // A year minus a day, at midnight UTC: the same value all day, so rebuilding does not churn.
    expires = startOfUtcDay(addDays(yearFromNow, -1));
  }

  const languageList = (values.languages ?? 'en').split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (languageList.length === 0) throw new UsageError('--languages: expected language tags like en,de');
  let languages;
  try {
    languages = languageList.map((tag) => {
      if (!/^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/.test(tag)) throw new Error(tag);
      return Intl.getCanonicalLocales(tag)[0];
    });
  } catch (error) {
    throw new UsageError(`--languages: not a language tag: ${JSON.stringify(error.message)}`);
  }

  return { out: resolve(values.out), site, localPreview, pageSegments, assetsSegments, expires, languages, now };
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** href from a page in folder `fromDir` (a URL ending in "/") to `to` on the same site. */
export function relativeHref(fromDir, to) {
  const from = fromDir.pathname.split('/').slice(1, -1);
  const target = to.pathname.split('/').slice(1);
  let k = 0;
  while (k < from.length && k < target.length - 1 && from[k] === target[k]) k++;
  const rel = '../'.repeat(from.length - k) + target.slice(k).join('/');
  return (rel === '' ? './' : rel) + to.search + to.hash;
}

function formatDate(isoDate, lang) {
  const date = new Date(`${isoDate}T00:00:00Z`);
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  } catch {
    return new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  }
}

/** At most `max` characters, cut at a word, for meta descriptions. */
function excerpt(text, max = 160) {
  // Markdown text may hold controls and bidi overrides; a meta description is one plain line.
  const flat = text.replace(UNSAFE_CHARACTERS, ' ').replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

const time = (date, lang) => html`<time datetime="${date}">${formatDate(date, lang)}</time>`;

function groupFingerprint(fp) {
  return fp.replace(/(.{4})(?=.)/g, '$1 ');
}

// ---------------------------------------------------------------------------------------------
// Pages

/**
 * The module a prerendered page loads its element with: after the page's first paint, which neither the
 * element's script nor preloads of its files may hold up (npm run bench: in Chromium both delayed the first
 * contentful paint of the text that is already in the HTML); a tab that paints no frame loads it after 1 s.
 */
const afterPaintLoader = (entry) => `// Written by trust-center build: the page's text is in its HTML; its element takes it over after the first paint.
let started = false;
const load = () => started || ((started = true), import(${JSON.stringify(`./${entry}`)}));
requestAnimationFrame(() => setTimeout(load));
setTimeout(load, 1000);
`;

/** A page of the site at `url`, loading `bundle`'s element after its first paint. */
function pageShell(ctx, url, { bundle, title, description, jsonLd, header, body }) {
  const [lang, canonical, feedUrl, feedTitle] = [ctx.lang, url.href, ctx.feedUrl.href, ctx.feedTitle];
  const [cssHref, scriptHref, footer] = [relativeHref(url, ctx.cssUrl), relativeHref(url, ctx.bundles[bundle].loader), siteFooter(ctx, url)];
  // The organization's logo is the pages' icon: without a link a browser asks the site for /favicon.ico, which a
  // trust center deployed under a path rarely has. No logo, no link: then /favicon.ico is the host site's own.
  const logo = ctx.logoUrl && new URL(ctx.logoUrl);
  const icon = logo ? (logo.origin === url.origin ? relativeHref(url, logo) : logo.href) : undefined;
  return `<!doctype html>\n${html`<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<meta name="description" content="${description}">
<link rel="canonical" href="${canonical}">
<link rel="alternate" type="application/atom+xml" title="${feedTitle}" href="${feedUrl}">
<link rel="stylesheet" href="${cssHref}">
${icon ? html`<link rel="icon" href="${icon}">
` : ''}<meta property="og:type" content="website">
<meta property="og:title" content="${title}">
<meta property="og:description" content="${description}">
<meta property="og:url" content="${canonical}">
<script type="application/ld+json">${raw(jsonForScript(jsonLd))}</script>
<script type="module" src="${scriptHref}"></script>
</head>
<body>
${header}<main class="tc-main">
${body}
</main>
${footer}</body>
</html>
`}`;
}

function tocHtml(headings) {
  if (headings.length < 2) return '';
  const top = Math.min(...headings.map((h) => h.depth));
  const entries = headings.filter((h) => h.depth <= top + 1 && h.id !== '');
  return html`<nav class="tc-toc" aria-label="${LABELS.onThisPage}">
<p class="tc-toc-title" aria-hidden="true">${LABELS.onThisPage}</p>
<ol>
${entries.map((h) => html`<li${h.depth > top ? raw(' class="tc-toc-sub"') : ''}><a href="#${h.id}">${h.text}</a></li>\n`)}</ol>
</nav>
`;
}

function changesHtml(policy, lang) {
  const changes = [...(policy.changes ?? [])].sort((a, b) => b.date.localeCompare(a.date));
  if (changes.length === 0) return '';
  return html`<section class="tc-changes" aria-labelledby="tc-changes-title">
<h2 id="tc-changes-title">${LABELS.changeHistory}</h2>
<ul>
${changes.map((c) => html`<li>${time(c.date, lang)}: ${c.summary}</li>\n`)}</ul>
</section>
`;
}

function disclosureHtml(ctx, fromDir) {
  const d = ctx.manifest.disclosure;
  if (!d) return '';
  const policy = ctx.manifest.policies.find((p) => p.id === d.policy);
  const key = d.encryption
    ? html`<p>Encrypt your report to our OpenPGP key: <a href="${relativeHref(fromDir, new URL(d.encryption.key, ctx.manifestUrl))}">${basename(d.encryption.key)}</a>, fingerprint <code class="tc-fingerprint">${groupFingerprint(d.encryption.fingerprint)}</code>.</p>\n`
    : '';
  const terms = policy && relativeHref(fromDir, ctx.policyPageUrl(policy.id)) !== './'
    ? html` Please read the <a href="${relativeHref(fromDir, ctx.policyPageUrl(policy.id))}">${policy.title}</a> policy first.`
    : '';
  return html`<section class="tc-disclosure" id="disclosure" aria-labelledby="tc-disclosure-title">
<h2 id="tc-disclosure-title">${LABELS.report}</h2>
<p>E-mail <a href="mailto:${d.email}">${d.email}</a>. We acknowledge reports within ${d.acknowledgeBusinessDays} business ${d.acknowledgeBusinessDays === 1 ? 'day' : 'days'}.${terms}</p>
${key}</section>
`;
}

function jsonLd(ctx, page) {
  const org = ctx.manifest.organization;
  const organization = { '@type': 'Organization', '@id': ctx.organizationId, name: org.name };
  if (org.url) organization.url = new URL(org.url).href;
  if (ctx.logoUrl) organization.logo = ctx.logoUrl;
  const webPage = {
    '@type': 'WebPage',
    '@id': page.url,
    url: page.url,
    name: page.title,
    description: page.description,
    inLanguage: ctx.lang,
    publisher: { '@id': ctx.organizationId },
  };
  if (page.dateModified) webPage.dateModified = page.dateModified;
  return { '@context': 'https://schema.org', '@graph': [organization, webPage] };
}

function siteFooter(ctx, fromDir) {
  return html`<footer class="tc-site-footer">
<p><a href="${relativeHref(fromDir, ctx.feedUrl)}" type="application/atom+xml">${LABELS.subscribe}</a></p>
</footer>
`;
}

function policyPage(ctx, policy, rendered) {
  const url = ctx.policyPageUrl(policy.id);
  const orgName = ctx.manifest.organization.name;
  const title = `${policy.title} · ${LABELS.trustCenter(orgName)}`;
  const description = excerpt(policy.summary?.trim() || ctx.dist.markdown.markdownToText(rendered.markdown) || policy.title);
  const isDisclosurePolicy = ctx.manifest.disclosure?.policy === policy.id;
  const body = html`<trust-center-policy src="${relativeHref(url, ctx.compiledUrl)}" policy="${policy.id}">
<article class="tc-static" aria-labelledby="tc-title">
<header class="tc-policy-header">
<h1 id="tc-title">${policy.title}</h1>
<p class="tc-updated">${LABELS.lastUpdated} ${time(policy.updated, ctx.lang)}</p>
</header>
<div class="tc-policy-layout">
${tocHtml(rendered.headings)}<div class="tc-content">
${raw(rendered.html)}
</div>
</div>
${changesHtml(policy, ctx.lang)}${isDisclosurePolicy ? disclosureHtml(ctx, url) : ''}</article>
</trust-center-policy>`;
  const header = html`<header class="tc-site-header">
<p><a href="${relativeHref(url, ctx.pageUrl)}">${LABELS.back(orgName)}</a></p>
</header>
`;
  return pageShell(ctx, url, {
    bundle: 'policy',
    title,
    description,
    jsonLd: jsonLd(ctx, { url: url.href, title, description, dateModified: policy.updated }),
    header,
    body,
  });
}

function indexPage(ctx) {
  const url = ctx.pageUrl;
  const { manifest } = ctx;
  const orgName = manifest.organization.name;
  const title = LABELS.trustCenter(orgName);
  const description = excerpt(
    `${orgName}: ${manifest.policies.map((p) => p.title).join(', ')}` +
      (manifest.compliance?.length ? `; compliance: ${manifest.compliance.map((c) => c.name).join(', ')}` : '') +
      (manifest.disclosure ? '; how to report a vulnerability.' : '.'),
  );
  const cards = manifest.policies.map(
    (p) => html`<li class="tc-card" id="${p.id}">
<h3><a href="${relativeHref(url, ctx.policyPageUrl(p.id))}">${p.title}</a></h3>
${p.summary ? html`<p>${p.summary}</p>\n` : ''}<p class="tc-updated">${LABELS.lastUpdated} ${time(p.updated, ctx.lang)}</p>
</li>
`,
  );
  const compliance = manifest.compliance?.length
    ? html`<section class="tc-compliance" aria-labelledby="tc-compliance-title">
<h2 id="tc-compliance-title">${LABELS.compliance}</h2>
<ul>
${manifest.compliance.map(
  (c) => html`<li><span class="tc-compliance-name">${c.name}</span> <span class="tc-badge tc-badge-${c.status}">${LABELS.status[c.status] ?? c.status}</span>${c.description ? html`<p>${c.description}</p>` : ''}</li>\n`,
)}</ul>
</section>
`
    : '';
  const recent = ctx.entries.slice(0, 5);
  const updates = recent.length
    ? html`<section class="tc-updates" aria-labelledby="tc-updates-title">
<h2 id="tc-updates-title">${LABELS.recentUpdates}</h2>
<ul>
${recent.map((e) => {
  const policy = manifest.policies.find((p) => p.id === e.policyId);
  return html`<li>${time(e.updated.slice(0, 10), ctx.lang)}: <a href="${relativeHref(url, ctx.policyPageUrl(e.policyId))}">${policy.title}</a>: ${e.summary}</li>\n`;
})}</ul>
</section>
`
    : '';
  const body = html`<trust-center src="${relativeHref(url, ctx.compiledUrl)}">
<div class="tc-static">
<h1>${title}</h1>
<section class="tc-policies" aria-labelledby="tc-policies-title">
<h2 id="tc-policies-title">${LABELS.policies}</h2>
<ul class="tc-cards">
${cards}</ul>
</section>
${compliance}${disclosureHtml(ctx, url)}${updates}</div>
</trust-center>`;
  return pageShell(ctx, url, { bundle: 'full', title, description, jsonLd: jsonLd(ctx, { url: url.href, title, description }), header: '', body });
}

// ---------------------------------------------------------------------------------------------
// Markdown → HTML, through the element's pipeline

async function renderPolicy(ctx, policy, index) {
  const markdown = policy.source !== undefined ? ctx.validation.sources.get(index).text : policy.content;
  const file = policySources(policy.source).find((s) => s.isDefault)?.reference;
  const baseUrl = file !== undefined ? new URL(file, ctx.manifestUrl).href : ctx.manifestUrl.href;
  const { renderMarkdown } = ctx.dist.markdown;
  const options = { baseUrl, pageOrigin: ctx.site.origin };
  // First pass for the heading ids, so in-document anchors can be told from trust-center routes.
  const headingIds = new Set(renderMarkdown(markdown, options).headings.map((h) => h.id));
  const isDisclosurePolicy = ctx.manifest.disclosure?.policy === policy.id;
  const anchorHref = (id) => {
    if (headingIds.has(id)) return `#${id}`;
    // The element's routes (#overview, #disclosure, #<policy>, #<policy>/<heading>) as static pages.
    if (id === 'overview') return ctx.pageUrl.href;
    if (id === 'disclosure') return isDisclosurePolicy ? '#disclosure' : `${ctx.pageUrl.href}#disclosure`;
    const slash = id.indexOf('/');
    const target = slash < 0 ? id : id.slice(0, slash);
    const heading = slash < 0 ? '' : id.slice(slash + 1);
    if (ctx.policyIds.has(target)) {
      const url = ctx.policyPageUrl(target);
      if (target === policy.id) return heading ? `#${heading}` : url.href;
      return heading ? `${url.href}#${encodeURIComponent(heading)}` : url.href;
    }
    return `#${id}`;
  };
  const rendered = renderMarkdown(markdown, { ...options, anchorHref });
  const htmlText = await ctx.ssr.collectResult(ctx.ssr.render(rendered.template));
  // Lit's hydration markers (a third of the page's bytes) go: the element replaces the article, never hydrates
  // it. Text and attribute values come escaped, so no content can look like a marker.
  return { html: htmlText.replace(/<!--\/?lit-part[^>]*-->|<!--lit-node \d+-->|<\?>/g, ''), headings: rendered.headings, markdown };
}

// ---------------------------------------------------------------------------------------------
// The compiled manifest

function contentHash(text) {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/**
 * Bytes of compiled text the compiled manifest carries itself: a page showing a short policy then needs no
 * request after the manifest's, while a trust center with many or long policies does not make its overview
 * wait for texts it does not show (24 KB of JSON is about 7 KB gzipped).
 */
const INLINE_BUDGET = 24 * 1024;

/**
 * The compiled manifest (the validated manifest and where each policy's tree is) and the trees, every
 * policy in every language, named by their content so hosts can cache them for good. Returns { files:
 * Map(path relative to policies/ → text), hashedName, trees, issues }.
 */
function compileManifest(manifest, validation, manifestName, dist) {
  const { markdownTree } = dist.markdown;
  const { COMPILED_FORMAT, COMPILED_FORMAT_VERSION, checkCompiledManifest, pickLocalizedSource } = dist.compiled;
  const files = new Map();
  const trees = {};
  const inline = {};
  let inlined = 0;
  manifest.policies.forEach((policy, index) => {
    const texts = policy.content !== undefined ? new Map([['', { text: policy.content }]]) : validation.languages.get(index);
    const paths = {};
    const compiledTexts = {};
    for (const [lang, { text }] of texts) {
      const tree = markdownTree(text);
      compiledTexts[lang] = { formatVersion: COMPILED_FORMAT_VERSION, blocks: tree };
      const json = JSON.stringify(compiledTexts[lang]);
      const name = [policy.id, lang.replace(/[^A-Za-z0-9-]/g, '_'), contentHash(json)].filter((part) => part !== '').join('.');
      paths[lang] = `compiled/${name}.json`;
      files.set(paths[lang], json);
    }
    trees[policy.id] = typeof policy.source === 'object' ? paths : paths[''];
    // The text a reader without a language preference gets, carried in the manifest while it is small.
    const shownLang = typeof policy.source === 'object' ? pickLocalizedSource(policy.source, '').lang : '';
    const size = Buffer.byteLength(files.get(paths[shownLang]));
    if (inlined + size <= INLINE_BUDGET) {
      inline[paths[shownLang]] = compiledTexts[shownLang];
      inlined += size;
    }
  });
  const compiled = {
    format: COMPILED_FORMAT,
    formatVersion: COMPILED_FORMAT_VERSION,
    generator: 'trust-center build',
    manifest,
    trees,
    ...(inlined > 0 ? { inline } : {}),
  };
  const text = JSON.stringify(compiled);
  // The element's own check, here: a build never writes a compiled manifest the element would refuse.
  const checked = checkCompiledManifest(JSON.parse(text));
  const stem = manifestName.replace(/\.json$/i, '');
  const hashedName = `${stem}.compiled.${contentHash(text)}.json`;
  files.set(`${stem}.compiled.json`, text);
  files.set(hashedName, text);
  return { files, hashedName, trees, issues: checked.ok ? [] : checked.issues };
}

// ---------------------------------------------------------------------------------------------
// Writing

const ATTRIBUTE_ENTITIES = { amp: '&', quot: '"', '#39': "'", lt: '<', gt: '>' };

/** An attribute value as Lit SSR escapes it, read back. */
function decodeAttribute(value) {
  return value.replace(/&(amp|quot|#39|lt|gt);/g, (_, name) => ATTRIBUTE_ENTITIES[name]);
}

/** Paths (relative to the policies folder, percent-encoded) of the images and links in rendered HTML that point into it. */
function linkedFiles(renderedHtml, policiesUrl) {
  const found = new Set();
  for (const m of renderedHtml.matchAll(/\s(?:src|href)="([^"]*)"/g)) {
    const value = decodeAttribute(m[1]);
    let url;
    try {
      url = new URL(value);
    } catch {
      continue;
    }
    if (url.origin !== policiesUrl.origin || !url.pathname.startsWith(policiesUrl.pathname)) continue;
    const rel = url.pathname.slice(policiesUrl.pathname.length);
    if (rel !== '' && !rel.endsWith('/')) found.add(rel);
  }
  return found;
}

function decodedForDisplay(encoded) {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}

/** Line and column of the first occurrence of `needle` in `text` (1:1 if absent). */
function positionOf(text, needle) {
  const index = text.indexOf(needle);
  if (index < 0) return { line: 1, column: 1 };
  const before = text.slice(0, index);
  return { line: before.split('\n').length, column: index - before.lastIndexOf('\n') };
}

/**
 * The record of what a build wrote to `out` (so the next one removes what it no longer writes), kept outside the
 * site so it is never deployed: $TRUST_CENTER_CACHE_DIR, else node_modules/.cache/trust-center/ of the nearest
 * folder up from the working directory that has node_modules (where build tools keep caches), else ~/.cache/.
 */
export function recordFile(out, env = process.env, cwd = process.cwd()) {
  let cache = env.TRUST_CENTER_CACHE_DIR;
  for (let dir = resolve(cwd); cache === undefined; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules'))) cache = join(dir, 'node_modules', '.cache', 'trust-center');
    else if (dirname(dir) === dir) cache = join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'trust-center');
  }
  return join(cache, 'builds', `${createHash('sha256').update(resolve(out)).digest('hex').slice(0, 32)}.json`);
}

async function previousFiles(out, record) {
  for (const file of [record, join(out, OLD_RECORD)]) {
    try {
      const parsed = JSON.parse(await readFile(file, 'utf8'));
      if (Array.isArray(parsed.files)) return parsed.files.filter((f) => typeof f === 'string');
    } catch {
      // No record there (a first build), or not one of ours: nothing to remove.
    }
  }
  return [];
}

/**
 * Builds the site. options: from buildOptions, plus { manifestPath, validation (from validateManifest,
 * with a valid manifest), dist: { manifest, markdown } }.
 * Returns { files (relative paths written), problems, notes, outDisplay, aborted? }.
 */
export async function buildSite(options) {
  const { out, site, localPreview, pageSegments, expires, languages, now, manifestPath, validation, dist } = options;
  // `compile` writes DIR/policies/ as before: it has no site around it.
  const assetsSegments = options.compileOnly ? [] : (options.assetsSegments ?? []);
  // options.strict: warnings found here stop the build too.
  const manifest = validation.manifest;
  const problems = [];
  const notes = [];
  const manifestDir = dirname(manifestPath);
  const manifestName = basename(manifestPath);

  // Where everything goes, as paths relative to `out` (always "/"-separated) and as site URLs.
  const siteUrl = new URL(site.href);
  const pageUrl = new URL(pageSegments.map((s) => `${s}/`).join(''), siteUrl);
  const pageDir = pageSegments.join('/');
  const inPageDir = (name) => (pageDir === '' ? name : `${pageDir}/${name}`);
  const assetsDir = assetsSegments.join('/');
  const inAssets = (name) => (assetsDir === '' ? name : `${assetsDir}/${name}`);
  const assetsUrl = new URL(assetsSegments.map((s) => `${s}/`).join(''), siteUrl);
  const manifestUrl = new URL(`policies/${encodeURIComponent(manifestName)}`, assetsUrl);
  const outDisplay = displayPath(out) + '/';
  const org = manifest.organization;
  const inManifest = (path, message) => problems.push({ file: manifestPath, line: 1, column: 1, path, severity: 'error', message });
  const aborted = () => ({ files: [], problems, notes, outDisplay, aborted: true });

  // The schema checks these too; whatever it lets through, the build must not crash on them, nor write
  // outside --out because of them.
  if (org.url !== undefined && !URL.canParse(org.url)) inManifest('organization.url', `expected an absolute URL, got ${JSON.stringify(org.url)}`);
  manifest.policies.forEach((p, i) => {
    if (!POLICY_ID.test(p.id)) inManifest(`policies[${i}].id`, `expected an id of lowercase letters, digits and hyphens, got ${JSON.stringify(p.id)}`);
    if (p.source !== undefined && !validation.sources.has(i)) inManifest(`policies[${i}].source`, 'the policy file could not be read');
  });
  if (problems.length > 0) return aborted();

  const ctx = {
    manifest,
    validation,
    dist,
    site: siteUrl,
    pageUrl,
    manifestUrl,
    feedUrl: new URL('updates.xml', siteUrl),
    cssUrl: new URL('static.css', pageUrl),
    policyPageUrl: (id) => new URL(`${id}/`, pageUrl),
    policyIds: new Set(manifest.policies.map((p) => p.id)),
    lang: languages[0],
    feedTitle: `${manifest.organization.name}: trust center updates`,
  };
  ctx.organizationId = `${org.url ? new URL(org.url).href : siteUrl.href}#organization`;
  ctx.logoUrl = org.logo ? new URL(org.logo, manifestUrl).href : undefined;
  ctx.ssr = {
    render: (await import('@lit-labs/ssr')).render,
    collectResult: (await import('@lit-labs/ssr/lib/render-result.js')).collectResult,
  };

  /** relative path → { from: a file of the package's dist/ } | { content: string or bytes, real?: the file it was read from } */
  const files = new Map();
  const add = (rel, entry) => {
    if (files.has(rel)) {
      problems.push({ file: join(out, rel), line: 1, column: 1, path: '(build)', severity: 'error', message: `two outputs would be written to ${rel}` });
    }
    files.set(rel, entry);
  };

  // 1. The manifest and the files it names, copied unchanged into policies/. The manifest is written as it
  // was validated, and every other file as read here, from inside the manifest's real folder.
  add(inAssets(`policies/${manifestName}`), { content: (validation.bom ? '\ufeff' : '') + validation.text, real: await realpath(manifestPath) });
  const references = [];
  manifest.policies.forEach((p, i) =>
    policySources(p.source).forEach(({ reference, pathKeys }) => references.push({ ref: reference, path: formatPath(['policies', i, ...pathKeys]) })),
  );
  if (org.logo) references.push({ ref: org.logo, path: 'organization.logo', remote: true });
  (manifest.compliance ?? []).forEach((c, i) => c.icon && references.push({ ref: c.icon, path: `compliance[${i}].icon`, remote: true }));
  // The compiled manifest and its trees, beside the manifest (relative URLs in it resolve the same).
  ctx.compiled = compileManifest(manifest, validation, manifestName, dist);
  for (const issue of ctx.compiled.issues) {
    problems.push({ file: manifestPath, line: 1, column: 1, path: issue.path, severity: 'error', message: `internal error: the compiled manifest fails the element's check: ${issue.message}` });
  }
  for (const [rel, text] of ctx.compiled.files) add(inAssets(`policies/${rel}`), { content: text });
  ctx.compiledUrl = new URL(`policies/${ctx.compiled.hashedName}`, assetsUrl);
  if (manifest.disclosure?.encryption) references.push({ ref: manifest.disclosure.encryption.key, path: 'disclosure.encryption.key' });
  // Earlier versions (the updates view compares them) and public documents (downloaded) travel too.
  manifest.policies.forEach((p, i) =>
    (p.history ?? []).forEach((h, j) => h.source !== undefined && references.push({ ref: h.source, path: `policies[${i}].history[${j}].source` })),
  );
  (manifest.documents ?? []).forEach((d, i) => {
    if (d.access === 'public' && d.url) references.push({ ref: d.url, path: `documents[${i}].url`, remote: true });
  });
  for (const { ref, path, remote } of references) {
    const opened = await openReference(manifestPath, ref, { remote });
    if (opened.problem) inManifest(path, opened.problem);
    else if (!opened.remote && !files.has(inAssets(`policies/${opened.rel}`))) add(inAssets(`policies/${opened.rel}`), { content: opened.bytes, real: opened.real });
  }
  // Pages would link to what was refused: stop here.
  if (problems.some((p) => p.severity === 'error')) return aborted();
  // A policy's page folder must not be the assets folder or one of its folders (both take names from the same place).
  const assetFolders = new Set([assetsDir, ...ASSET_FOLDERS.map(inAssets)]);
  manifest.policies.forEach((p, i) => {
    if (!options.compileOnly && assetFolders.has(inPageDir(p.id))) {
      const message = `the policy page folder ${inPageDir(p.id)}/ would clash with the assets folder (--assets-dir ${assetsDir || '/'}): rename the policy or give another --assets-dir`;
      problems.push({ file: manifestPath, line: 1, column: 1, path: `policies[${i}].id`, severity: 'error', message });
    }
  });

  // 2. The element bundles, with the chunks they load lazily: the full one for the overview, the policy
  // element alone (and its own chunks) for the policy pages.
  ctx.bundles = {};
  // OpenPGP.js, which the disclosure form fetches from ../openpgp/ when a report is sent, is one copy for both.
  const jsIn = async (dir) => (await readdir(fileURLToPath(new URL(`${dir}/`, DIST))).catch(() => [])).filter((name) => name.endsWith('.js'));
  if (!options.compileOnly) for (const name of await jsIn('openpgp')) add(inAssets(`openpgp/${name}`), { from: fileURLToPath(new URL(`openpgp/${name}`, DIST)) });
  for (const [bundle, entry, chunks] of [['full', 'trust-center.js', 'chunks'], ['policy', 'trust-center-policy.js', 'policy-chunks']]) {
    const chunksDir = fileURLToPath(new URL(`${chunks}/`, DIST));
    const chunkNames = await jsIn(chunks);
    const loader = entry.replace(/\.js$/, '.after-paint.js');
    if (!options.compileOnly) {
      add(inAssets(entry), { from: fileURLToPath(new URL(entry, DIST)) });
      for (const name of chunkNames) add(inAssets(`${chunks}/${name}`), { from: join(chunksDir, name) });
      add(inAssets(loader), { content: afterPaintLoader(entry) });
    }
    ctx.bundles[bundle] = { loader: new URL(loader, assetsUrl) };
  }

  // 3. Pages; images and files the markdown links to inside the policies folder are copied too.
  ctx.entries = feedEntries(manifest, { policyLink: (p) => `${pageUrl.href}#${p.id}`, idAuthority: undefined });
  const policiesUrl = new URL('policies/', assetsUrl);
  for (const [index, policy] of manifest.policies.entries()) {
    const rendered = await renderPolicy(ctx, policy, index);
    if (!options.compileOnly) add(inPageDir(`${policy.id}/index.html`), { content: policyPage(ctx, policy, rendered) });
    const source = validation.sources.get(index);
    for (const encoded of linkedFiles(rendered.html, policiesUrl)) {
      const shown = decodedForDisplay(encoded);
      const linkProblem = (severity, message) => {
        const name = encoded.split('/').pop();
        const at = source ? positionOf(source.text, source.text.includes(name) ? name : decodedForDisplay(name)) : { line: 1, column: 1 };
        problems.push({ file: source ? source.file : manifestPath, ...at, path: `policies[${index}]`, severity, message: `links to ${JSON.stringify(shown)}, which ${message}` });
      };
      const decoded = decodeRelativePath(encoded);
      if (decoded.error) {
        // A file type the build does not copy is a broken link; a dotfile or a path trick is an attempt.
        if (decoded.type) linkProblem('warning', `${decoded.error}; not copied`);
        else linkProblem('error', decoded.error);
        continue;
      }
      if (files.has(inAssets(`policies/${decoded.rel}`))) continue;
      const opened = await readInside(manifestDir, decoded.segments);
      if (opened.refused) linkProblem('error', opened.refused);
      else if (opened.unreadable === 'no such file') linkProblem('warning', `is not in the policies folder (${displayPath(join(manifestDir, ...decoded.segments))})`);
      else if (opened.unreadable) linkProblem('warning', `cannot be read: ${opened.unreadable} (${displayPath(join(manifestDir, ...decoded.segments))})`);
      else add(inAssets(`policies/${decoded.rel}`), { content: opened.bytes, real: opened.real });
    }
  }
  // The site around it: `trust-center compile` writes only the policies and their compiled form.
  if (!options.compileOnly) {
    add(inPageDir('index.html'), { content: indexPage(ctx) });
    add(inPageDir('static.css'), { content: STATIC_CSS });

    // 4. The feed; read back with a strict XML reader before it is written.
    const feed = buildAtomFeed(manifest, {
      title: ctx.feedTitle,
      feedUrl: ctx.feedUrl.href,
      pageUrl: pageUrl.href,
      lang: ctx.lang,
      logoUrl: ctx.logoUrl,
      policyLink: (p) => `${pageUrl.href}#${p.id}`,
    });
    try {
      parseXml(feed);
    } catch (error) {
      problems.push({ file: join(out, 'updates.xml'), line: error.line ?? 1, column: error.column ?? 1, path: '(build)', severity: 'error', message: `internal error: the feed is not well-formed XML: ${error.message}` });
    }
    add('updates.xml', { content: feed });

    // 5. security.txt, checked with the same strict reader as `validate --security-txt`.
    // RFC 9116 readers look at the origin's root, whatever path the rest of the site has.
    const securityTxtUrl = new URL('/.well-known/security.txt', siteUrl);
    const disclosure = manifest.disclosure;
    if (!disclosure) {
      problems.push({ file: manifestPath, line: 1, column: 1, path: 'disclosure', severity: 'warning', message: 'no disclosure section: .well-known/security.txt not written (RFC 9116 requires a Contact)' });
    } else {
      const policy = manifest.policies.find((p) => p.id === disclosure.policy);
      const text = buildSecurityTxt({
        comment: `Security contact of ${org.name}, from its trust center (${pageUrl.href}).`,
        contact: [`${pageUrl.href}#disclosure`, `mailto:${disclosure.email}`],
        expires,
        encryption: disclosure.encryption ? new URL(disclosure.encryption.key, manifestUrl).href : undefined,
        policy: policy ? ctx.policyPageUrl(policy.id).href : undefined,
        preferredLanguages: languages,
        canonical: [securityTxtUrl.href],
      });
      const file = join(out, '.well-known', 'security.txt');
      let httpOnPurpose = 0;
      for (const p of checkSecurityTxt(text, { now, url: securityTxtUrl.href }).problems) {
        // A local preview has http URLs on purpose: one note for them, not a warning per field.
        if (localPreview && p.message.startsWith('must be an https:// URI')) {
          httpOnPurpose++;
          continue;
        }
        problems.push({ file, line: p.line, column: p.column, path: p.field || 'security.txt', severity: p.severity, message: p.message });
      }
      if (httpOnPurpose > 0) {
        notes.push(`note: local preview: security.txt has ${httpOnPurpose} http:// URLs, which RFC 9116 forbids; build with an https --site to publish it`);
      }
      if (siteUrl.pathname !== '/') {
        notes.push(`note: --site has a path (${siteUrl.pathname}): publish .well-known/security.txt at ${securityTxtUrl.href}, where RFC 9116 readers look for it (its Canonical says so)`);
      }
      add('.well-known/security.txt', { content: text });
    }
  }

  const stop = () => problems.some((p) => p.severity === 'error') || (options.strict && problems.length > 0);
  if (stop()) return aborted();

  // 6. Before anything is written: no file may be written through a link in --out, or over a folder, and
  // the package's own files are read, so a missing one stops the build here.
  const landsOnItsSource = async (rel, entry) => entry?.real !== undefined && (await realpath(join(out, ...rel.split('/'))).catch(() => undefined)) === entry.real;
  const blocked = new Set();
  for (const rel of files.keys()) {
    const problem = await writeProblem(out, rel);
    // --out holding the manifest's folder: a copy that lands on the very file it was read from is left as it is.
    if (!problem || blocked.has(problem.file) || (await landsOnItsSource(rel, files.get(rel)))) continue;
    blocked.add(problem.file);
    problems.push({ file: problem.file, line: 1, column: 1, path: '--out', severity: 'error', message: problem.message });
  }
  for (const [rel, entry] of files) {
    if (entry.from === undefined) continue;
    try {
      entry.content = await readFile(entry.from);
    } catch (error) {
      if (entry.optional && error.code === 'ENOENT') files.delete(rel);
      else problems.push({ file: entry.from, line: 1, column: 1, path: '(build)', severity: 'error', message: error.code === 'ENOENT' ? 'missing: in a clone of the repository run npm run build first, else reinstall trust-center' : `cannot read it (${error.code ?? error.message})` });
    }
  }
  if (stop()) return aborted();

  // 7. Write, then remove what an earlier build wrote and this one did not.
  await mkdir(out, { recursive: true });
  const written = [];
  for (const [rel, entry] of files) {
    if (!(await landsOnItsSource(rel, entry))) await writeInside(out, rel, entry.content);
    written.push(rel);
  }
  const record = options.recordFile ?? recordFile(out);
  for (const rel of await previousFiles(out, record)) {
    if (!files.has(rel)) await removeInside(out, rel);
  }
  await mkdir(dirname(record), { recursive: true });
  await writeFile(record, JSON.stringify({ generator: 'trust-center build', out, files: written }, null, 2) + '\n');
  // An earlier version's record inside --out would be deployed: its work is done above.
  if (!files.has(OLD_RECORD)) await unlink(join(out, OLD_RECORD)).catch(() => {});
  return { files: written, problems, notes, outDisplay };
}
