// `trust-center build`: the files it writes, read back the way a crawler or a no-JS browser would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSecurityTxt } from '../../packages/cli/lib/security-txt.mjs';
import { childElements, parseXml, textOf } from '../../packages/cli/lib/xml.mjs';
import { checkHtml } from './html-check.mjs';
import { FIXTURES, ROOT, isoDay, listFiles, run, snapshotCli, tempDir } from './helpers.mjs';

const SITE = 'https://northwind.example';
const GOOD = join(ROOT, FIXTURES, 'good');

const read = (out, file) => readFileSync(join(out, file), 'utf8');

function build(t, args, source = `${FIXTURES}/good`) {
  const out = join(tempDir(t), 'site');
  const result = run(['build', source, '--out', out, ...args]);
  return { out, result };
}

/** The one JSON-LD block of a page, parsed. */
function jsonLd(html) {
  const blocks = checkHtml(html).scripts.filter((s) => s.attributes.type === 'application/ld+json');
  assert.equal(blocks.length, 1);
  assert.ok(!/<\/script/i.test(blocks[0].content), 'no "</script" inside the JSON-LD');
  assert.ok(!blocks[0].content.includes('<'), 'no "<" at all inside the JSON-LD');
  return JSON.parse(blocks[0].content);
}

test('build: the layout, and nothing but it', (t) => {
  const { out, result } = build(t, ['--site', SITE, '--expires-days', '90', '--languages', 'en,de']);
  assert.equal(result.code, 0, result.stdout + result.stderr);
  const files = listFiles(out);
  const assets = 'trust/assets/';
  // The bundle's lazily loaded chunks travel with it, every one of them; so do those of the policy element's own
  // bundle, which the policy pages load, and the one OpenPGP.js both use.
  for (const dir of ['chunks', 'policy-chunks', 'openpgp']) {
    const chunks = readdirSync(join(snapshotCli().dist, dir)).filter((name) => name.endsWith('.js')).map((name) => `${assets}${dir}/${name}`).sort();
    assert.ok(chunks.length > 0, `${dir} is built`);
    assert.deepEqual(files.filter((f) => f.startsWith(`${assets}${dir}/`)), chunks);
  }
  assert.ok(files.some((name) => /^trust\/assets\/policy-chunks\/markdown-.*\.js$/.test(name)), 'the markdown chunk (for a source manifest) is copied');
  assert.ok(!files.some((name) => name.endsWith('.map')), 'no source map: the scripts do not reference one');
  const compiled = files.filter((f) => /^trust\/assets\/policies\/(compiled\/|manifest\.compiled\.)/.test(f));
  assert.equal(compiled.length, 5, compiled.join(', '));
  for (const id of ['cookies', 'privacy', 'security']) assert.ok(compiled.some((f) => new RegExp(`^trust/assets/policies/compiled/${id}\\.[0-9a-f]{12}\\.json$`).test(f)), id);
  assert.ok(compiled.includes('trust/assets/policies/manifest.compiled.json'));
  assert.ok(compiled.some((f) => /^trust\/assets\/policies\/manifest\.compiled\.[0-9a-f]{12}\.json$/.test(f)));
  // Everything but security.txt and the feed under the trust center's path: nothing else at the site's root.
  assert.deepEqual(files.filter((f) => !/^trust\/assets\/(chunks|policy-chunks|openpgp)\//.test(f) && !compiled.includes(f)), [
    '.well-known/security.txt',
    'trust/assets/policies/logo.svg',
    'trust/assets/policies/manifest.json',
    'trust/assets/policies/privacy.md',
    'trust/assets/policies/security.md',
    'trust/assets/policies/test-public-key.TEST-ONLY.asc',
    'trust/assets/trust-center-policy.after-paint.js',
    'trust/assets/trust-center-policy.js',
    'trust/assets/trust-center.after-paint.js',
    'trust/assets/trust-center.js',
    'trust/cookies/index.html',
    'trust/index.html',
    'trust/privacy/index.html',
    'trust/security/index.html',
    'trust/static.css',
    'updates.xml',
  ]);
  assert.deepEqual(result.lines, ['0 errors, 0 warnings', `wrote ${files.length} files to ${out}/`]);
  // Copies are byte for byte.
  for (const name of ['manifest.json', 'security.md', 'test-public-key.TEST-ONLY.asc', 'logo.svg']) {
    assert.ok(readFileSync(join(out, assets, 'policies', name)).equals(readFileSync(join(GOOD, name))), name);
  }
  assert.ok(readFileSync(join(out, assets, 'trust-center.js')).equals(readFileSync(join(snapshotCli().dist, 'trust-center.js'))));
  // The disclosure form reaches the copied OpenPGP.js by the relative path it was built with.
  const disclosure = readdirSync(join(out, assets, 'chunks')).find((name) => /^disclosure-.*\.js$/.test(name));
  assert.match(read(out, `${assets}chunks/${disclosure}`), /import\("\.\.\/openpgp\/openpgp\.js"\)/);
});

test('build --assets-dir: the scripts, chunks and policies go where it says, the pages point there, and / is the old layout', (t) => {
  const { out, result } = build(t, ['--site', SITE, '--assets-dir', 'static/tc']);
  assert.equal(result.code, 0, result.stdout + result.stderr);
  const files = listFiles(out);
  assert.deepEqual(files.filter((f) => !/^(static\/tc|trust)\//.test(f)), ['.well-known/security.txt', 'updates.xml']);
  assert.ok(files.includes('static/tc/trust-center.js') && files.includes('static/tc/policies/manifest.json'));
  const overview = read(out, 'trust/index.html');
  assert.match(overview, /<script type="module" src="\.\.\/static\/tc\/trust-center\.after-paint\.js"/);
  assert.match(read(out, '.well-known/security.txt'), /^Encryption: https:\/\/northwind\.example\/static\/tc\/policies\/test-public-key\.TEST-ONLY\.asc$/m);

  const root = build(t, ['--site', SITE, '--assets-dir', '/']);
  assert.equal(root.result.code, 0, root.result.stdout + root.result.stderr);
  const rootFiles = listFiles(root.out);
  for (const file of ['trust-center.js', 'trust-center.after-paint.js', 'trust-center-policy.js', 'policies/manifest.json']) assert.ok(rootFiles.includes(file), file);
  assert.ok(rootFiles.some((f) => f.startsWith('chunks/')) && rootFiles.some((f) => f.startsWith('openpgp/')));
});

test('build --assets-dir: a path out of the site or a policy page in the way is refused, naming the option or the policy', (t) => {
  for (const bad of ['../up', 'a/../../b', 'trust/.well-known', 'with space']) {
    const { result } = build(t, ['--site', SITE, '--assets-dir', bad]);
    assert.equal(result.code, 2, bad);
    assert.match(result.stderr, /--assets-dir must be a folder path like trust\/assets or \//, bad);
  }
  const { out, result } = build(t, ['--site', SITE, '--assets-dir', 'trust/security']);
  assert.equal(result.code, 1, result.stdout + result.stderr);
  assert.match(result.stdout, /policies\[\d\]\.id {2}the policy page folder trust\/security\/ would clash with the assets folder \(--assets-dir trust\/security\)/);
  assert.ok(!existsSync(out), 'nothing written');
});

test('build: the record of what was written stays out of the site, and still lets the next build remove what it no longer writes', (t) => {
  const cache = tempDir(t);
  const out = join(tempDir(t), 'site');
  const env = { TRUST_CENTER_CACHE_DIR: cache };
  // What an earlier version left: its record inside the site, naming a file this build does not write.
  mkdirSync(join(out, 'chunks'), { recursive: true });
  writeFileSync(join(out, 'chunks/old-AAAAAAAA.js'), 'old');
  writeFileSync(join(out, 'mine.txt'), 'not the build\'s');
  writeFileSync(join(out, '.trust-center-build.json'), JSON.stringify({ files: ['chunks/old-AAAAAAAA.js'] }));
  const first = run(['build', `${FIXTURES}/good`, '--out', out, '--site', SITE], { env });
  assert.equal(first.code, 0, first.stdout + first.stderr);
  assert.ok(!existsSync(join(out, 'chunks/old-AAAAAAAA.js')), 'the old build\'s file is removed');
  assert.ok(!existsSync(join(out, '.trust-center-build.json')), 'the old record is removed from the site');
  assert.equal(read(out, 'mine.txt'), 'not the build\'s');
  assert.ok(!listFiles(out).some((f) => /trust-center-build/.test(f)), 'no record in the site');
  const [record] = readdirSync(join(cache, 'builds'));
  assert.ok(JSON.parse(readFileSync(join(cache, 'builds', record), 'utf8')).files.includes('trust/index.html'));
  // The next build, with the assets elsewhere, removes the previous assets from the site.
  const second = run(['build', `${FIXTURES}/good`, '--out', out, '--site', SITE, '--assets-dir', 'tc'], { env });
  assert.equal(second.code, 0, second.stdout + second.stderr);
  assert.ok(!existsSync(join(out, 'trust/assets')), 'the previous assets folder is gone');
  assert.ok(existsSync(join(out, 'tc/trust-center.js')));
});

test('build: security.txt has every field and passes the strict RFC 9116 reading', (t) => {
  const { out, result } = build(t, ['--site', SITE, '--expires-days', '90', '--languages', 'en,de']);
  assert.equal(result.code, 0, result.stdout);
  const text = read(out, '.well-known/security.txt');
  assert.equal(
    text,
    [
      `# Security contact of Northwind Robotics, from its trust center (${SITE}/trust/).`,
      `Contact: ${SITE}/trust/#disclosure`,
      'Contact: mailto:security@northwind.example',
      `Expires: ${isoDay(90)}T00:00:00Z`,
      `Encryption: ${SITE}/trust/assets/policies/test-public-key.TEST-ONLY.asc`,
      `Policy: ${SITE}/trust/security/`,
      'Preferred-Languages: en, de',
      `Canonical: ${SITE}/.well-known/security.txt`,
      '',
    ].join('\n'),
  );
  assert.deepEqual(checkSecurityTxt(text, { url: `${SITE}/.well-known/security.txt` }).problems, []);
  // And `validate` of the copied manifest accepts it.
  const validated = run(['validate', join(out, 'trust/assets/policies'), '--security-txt', join(out, '.well-known/security.txt')]);
  assert.deepEqual(validated.lines, ['0 errors, 0 warnings']);
});

test('build: Expires defaults to a year minus a day; --expires beyond a year is refused', (t) => {
  const { out, result } = build(t, ['--site', SITE]);
  assert.equal(result.code, 0);
  const expires = /^Expires: (.*)$/m.exec(read(out, '.well-known/security.txt'))[1];
  const next = new Date();
  next.setUTCFullYear(next.getUTCFullYear() + 1);
  const expected = new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth(), next.getUTCDate() - 1));
  assert.equal(expires, expected.toISOString().replace('.000Z', 'Z'));

  const ok = build(t, ['--site', SITE, '--expires', isoDay(200)]);
  assert.equal(ok.result.code, 0);
  assert.match(read(ok.out, '.well-known/security.txt'), new RegExp(`^Expires: ${isoDay(200)}T00:00:00Z$`, 'm'));

  for (const [args, message] of [
    [['--expires', isoDay(400)], /is more than a year away/],
    [['--expires', isoDay(-1)], /is not in the future/],
    [['--expires', '2027-02-30'], /expected a date YYYY-MM-DD/],
    [['--expires-days', '366'], /from 1 to 365/],
    [['--expires-days', '0'], /from 1 to 365/],
    [['--expires', isoDay(10), '--expires-days', '10'], /not both/],
  ]) {
    const refused = build(t, ['--site', SITE, ...args]);
    assert.equal(refused.result.code, 2, args.join(' '));
    assert.match(refused.result.stderr, message);
    assert.ok(!existsSync(refused.out), 'nothing written');
  }
});

test('build: usage errors exit 2 and write nothing', (t) => {
  const cases = [
    [['--site', SITE], /--out DIR is required/],
    [['--out', 'x'], /--site URL is required/],
    [['--out', 'x', '--site', 'http://northwind.example'], /--site must be an https:\/\/ URL/],
    [['--out', 'x', '--site', 'not a url'], /--site: not a URL/],
    [['--out', 'x', '--site', SITE, '--page', 'trust'], /--page must be a path like \/trust/],
    [['--out', 'x', '--site', SITE, '--page', '/a/../b'], /--page must be a path/],
    [['--out', 'x', '--site', SITE, '--languages', 'en,not a tag'], /--languages: not a language tag/],
    [['--out', 'x', '--site', SITE, '--bogus'], /Unknown option '--bogus'/],
  ];
  const dir = tempDir(t);
  for (const [args, message] of cases) {
    const result = run(['build', `${FIXTURES}/good`, ...args], { cwd: dir });
    assert.equal(result.code, 2, args.join(' '));
    assert.match(result.stderr, message);
    assert.deepEqual(readdirSync(dir), []);
  }
});

test('build: a manifest with errors writes nothing and exits 1', (t) => {
  const { out, result } = build(t, ['--site', SITE], `${FIXTURES}/broken/wrong-date.json`);
  assert.equal(result.code, 1);
  assert.match(result.stdout, /policies\[0\]\.updated {2}expected a date YYYY-MM-DD, got "June 5"/);
  assert.match(result.stderr, /nothing written/);
  assert.ok(!existsSync(out));
});

test('build: the Atom feed is well-formed XML with the required elements', (t) => {
  const { out } = build(t, ['--site', SITE]);
  const feed = parseXml(read(out, 'updates.xml'));
  assert.equal(feed.name, 'feed');
  assert.equal(feed.attributes.xmlns, 'http://www.w3.org/2005/Atom');
  const text = (el, name) => textOf(childElements(el, name)[0]);
  assert.equal(text(feed, 'id'), `${SITE}/trust/`);
  assert.equal(text(feed, 'title'), 'Northwind Robotics: trust center updates');
  assert.equal(text(feed, 'updated'), '2026-03-14T00:00:00Z');
  assert.equal(childElements(feed, 'link').find((l) => l.attributes.rel === 'self').attributes.href, `${SITE}/updates.xml`);
  const entries = childElements(feed, 'entry');
  assert.deepEqual(
    entries.map((e) => [text(e, 'id'), text(e, 'updated'), childElements(e, 'link')[0].attributes.href, text(e, 'summary')]),
    [
      ['tag:northwind.example,2026-03-14:trust-center/security/2026-03-14', '2026-03-14T00:00:00Z', `${SITE}/trust/#security`, 'Named our OpenPGP key.'],
      ['tag:northwind.example,2026-03-14:trust-center/security/2026-03-14-2', '2026-03-14T00:00:00Z', `${SITE}/trust/#security`, 'Added the disclosure program.'],
      ['tag:northwind.example,2025-11-20:trust-center/privacy/2025-11-20', '2025-11-20T00:00:00Z', `${SITE}/trust/#privacy`, 'First version.'],
      ['tag:northwind.example,2025-11-20:trust-center/security/2025-11-20', '2025-11-20T00:00:00Z', `${SITE}/trust/#security`, 'First version.'],
    ],
  );
  for (const entry of entries) assert.ok(text(entry, 'title').endsWith(' updated'));
});

test('build: a policy page reads without JavaScript: text, headings, TOC, JSON-LD, feed link, canonical', (t) => {
  const { out } = build(t, ['--site', SITE]);
  const html = read(out, 'trust/security/index.html');
  assert.ok(html.startsWith('<!doctype html>\n<html lang="en">\n'));
  const { scripts, elements } = checkHtml(html);
  const head = (name, attr, value) => elements.filter((e) => e.name === name && e.parents.includes('head') && e.attributes[attr] === value);
  assert.match(html, /<title>Security · Northwind Robotics trust center<\/title>/);
  assert.equal(head('meta', 'name', 'description')[0].attributes.content, 'How Northwind Robotics protects customer data.');
  assert.equal(head('link', 'rel', 'canonical')[0].attributes.href, `${SITE}/trust/security/`);
  const feedLink = head('link', 'rel', 'alternate')[0];
  assert.equal(feedLink.attributes.type, 'application/atom+xml');
  assert.equal(feedLink.attributes.href, `${SITE}/updates.xml`);
  assert.equal(head('link', 'rel', 'stylesheet')[0].attributes.href, '../static.css');
  // Exactly two scripts: the JSON-LD and the element bundle. No inline script, no inline style.
  // The policy element's own bundle: a policy page needs neither the overview nor the other views.
  assert.deepEqual(scripts.map((s) => s.attributes), [{ type: 'application/ld+json' }, { type: 'module', src: '../assets/trust-center-policy.after-paint.js' }]);
  // That module imports the element's bundle beside it once the page has painted its text.
  const loader = read(out, 'trust/assets/trust-center-policy.after-paint.js');
  assert.match(loader, /requestAnimationFrame\(\(\) => setTimeout\(load\)\)/);
  assert.match(loader, /import\("\.\/trust-center-policy\.js"\)/);
  assert.match(read(out, 'trust/assets/trust-center.after-paint.js'), /import\("\.\/trust-center\.js"\)/);
  assert.ok(!/<style|\sstyle=/i.test(html), 'no inline styles (strict CSP)');
  const ld = jsonLd(html);
  const org = ld['@graph'].find((n) => n['@type'] === 'Organization');
  assert.equal(ld['@context'], 'https://schema.org');
  assert.deepEqual(org, {
    '@type': 'Organization',
    '@id': 'https://northwind.example/#organization',
    name: 'Northwind Robotics',
    url: 'https://northwind.example/',
    logo: `${SITE}/trust/assets/policies/logo.svg`,
  });
  assert.equal(ld['@graph'].find((n) => n['@type'] === 'WebPage').dateModified, '2026-03-14');

  // The element, with the static article as its light-DOM child.
  const element = elements.find((e) => e.name === 'trust-center-policy');
  assert.match(element.attributes.src, /^\.\.\/assets\/policies\/manifest\.compiled\.[0-9a-f]{12}\.json$/);
  assert.equal(element.attributes.policy, 'security');
  // Nothing is preloaded: the text is in the HTML, and preloads of the element's files held up its first paint.
  assert.deepEqual(head('link', 'rel', 'preload').concat(head('link', 'rel', 'modulepreload')), []);
  // Without Lit's hydration markers: the element replaces the article, it does not hydrate it.
  assert.doesNotMatch(html, /lit-part|lit-node|<\?>/);
  const article = elements.find((e) => e.name === 'article');
  assert.deepEqual(article.parents.slice(-1), ['trust-center-policy']);
  assert.equal(article.attributes.class, 'tc-static');
  const inArticle = elements.filter((e) => e.parents.includes('article'));
  // Title, date, headings with their ids (from the element's markdown pipeline), text, TOC.
  assert.match(html, /<h1 id="tc-title">Security<\/h1>/);
  assert.match(html, /Last updated <time datetime="2026-03-14">March 14, 2026<\/time>/);
  assert.deepEqual(
    inArticle.filter((e) => /^h[1-6]$/.test(e.name)).map((e) => `${e.name}#${e.attributes.id}`),
    ['h1#tc-title', 'h2#encryption', 'h3#key-management', 'h2#access-control', 'h2#reporting-a-vulnerability', 'h2#tc-changes-title', 'h2#tc-disclosure-title'],
  );
  const plain = html.replace(/<!--.*?-->/g, '');
  assert.ok(plain.includes('All traffic uses TLS 1.2 or higher. Data at rest is encrypted with AES-256.'));
  assert.ok(plain.includes('<td>Support</td><td>Customer records, read only</td>'));
  const toc = inArticle.filter((e) => e.name === 'a' && e.parents.includes('nav')).map((e) => e.attributes.href);
  assert.deepEqual(toc, ['#encryption', '#key-management', '#access-control', '#reporting-a-vulnerability']);
  // In-document links work without JS; the element's routes become the static pages.
  const links = inArticle.filter((e) => e.name === 'a' && e.parents.includes('div') && !e.parents.includes('nav')).map((e) => e.attributes.href);
  assert.deepEqual(links, [
    'mailto:security@northwind.example',
    '#disclosure',
    '#key-management',
    `${SITE}/trust/privacy/#what-we-collect`,
  ]);
  // The disclosure box (this is the disclosure policy) and the change history, newest first.
  assert.ok(elements.some((e) => e.attributes.id === 'disclosure' && e.parents.includes('article')));
  assert.match(plain, /fingerprint <code class="tc-fingerprint">96DF F9AA F34B 9534 92DF 02DE 5ABD ABC5 EBBC CC1E<\/code>/);
  assert.match(plain, /href="\.\.\/assets\/policies\/test-public-key\.TEST-ONLY\.asc"/);
  assert.ok(plain.indexOf('Named our OpenPGP key.') < plain.indexOf('First version.'));
});

test('build: inline content and the index page', (t) => {
  const { out } = build(t, ['--site', SITE]);
  const cookies = read(out, 'trust/cookies/index.html');
  checkHtml(cookies);
  const plain = cookies.replace(/<!--.*?-->/g, '');
  assert.match(plain, /We set one cookie, <code>session<\/code>, to keep you signed in\./);
  assert.match(plain, new RegExp(`<a href="${SITE}/trust/privacy/">privacy policy</a>`));
  // No summary: the description is the start of the text.
  assert.match(cookies, /<meta name="description" content="We set one cookie, session, to keep you signed in\. See our privacy policy\.">/);

  const index = read(out, 'trust/index.html');
  const { elements } = checkHtml(index);
  const tc = elements.find((e) => e.name === 'trust-center');
  assert.match(tc.attributes.src, /^assets\/policies\/manifest\.compiled\.[0-9a-f]{12}\.json$/);
  const staticDiv = elements.find((e) => e.attributes.class === 'tc-static');
  assert.deepEqual(staticDiv.parents.slice(-1), ['trust-center']);
  assert.match(index, /<link rel="canonical" href="https:\/\/northwind\.example\/trust\/">/);
  assert.match(index, /<link rel="alternate" type="application\/atom\+xml" title="Northwind Robotics: trust center updates" href="https:\/\/northwind\.example\/updates\.xml">/);
  assert.equal(jsonLd(index)['@graph'][0].name, 'Northwind Robotics');
  // Cards carry the policy ids (the element's #<policy-id> links land on them) and link to the pages.
  const cards = elements.filter((e) => e.attributes.class === 'tc-card');
  assert.deepEqual(cards.map((c) => c.attributes.id), ['security', 'privacy', 'cookies']);
  const hrefs = elements.filter((e) => e.name === 'a' && e.parents.includes('trust-center')).map((e) => e.attributes.href);
  for (const href of ['security/', 'privacy/', 'cookies/', 'mailto:security@northwind.example', 'assets/policies/test-public-key.TEST-ONLY.asc']) {
    assert.ok(hrefs.includes(href), href);
  }
  assert.match(index, /<span class="tc-compliance-name">ISO 27001<\/span> <span class="tc-badge tc-badge-certified">Certified<\/span>/);
  assert.match(index, /We acknowledge reports within 3 business days\./);
  assert.match(index, /<a href="\.\.\/updates\.xml" type="application\/atom\+xml">/);
  assert.ok(!/<style|\sstyle=/i.test(index));
  assert.match(read(out, 'trust/static.css'), /\.tc-static h1/);
});

test('build: hostile manifest strings come out escaped everywhere', (t) => {
  const { out, result } = build(t, ['--site', 'https://hostile.example'], `${FIXTURES}/hostile`);
  assert.equal(result.code, 0, result.stdout + result.stderr);
  const name = '</script><script>alert(1)</script> & "Co" <!--';
  for (const file of ['trust/index.html', 'trust/security/index.html']) {
    const html = read(out, file);
    const { scripts, elements } = checkHtml(html);
    // Only the two scripts the build writes, whatever the manifest says.
    assert.equal(scripts.length, 2, file);
    assert.ok(!elements.some((e) => e.name === 'img' && 'onerror' in e.attributes), file);
    assert.ok(!elements.some((e) => e.name === 'svg'), file);
    assert.ok(!elements.some((e) => Object.keys(e.attributes).some((a) => a.startsWith('on'))), file);
    assert.ok(!html.includes('<script>alert'), file);
    assert.ok(html.includes('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot; &lt;!--'), file);
    // The JSON-LD still says exactly what the manifest says.
    assert.equal(jsonLd(html)['@graph'][0].name, name, file);
  }
  const policy = read(out, 'trust/security/index.html');
  assert.match(policy, /<h1 id="tc-title">&lt;img src=x onerror=alert\(3\)&gt;<\/h1>/);
  // The compiled manifest carries the strings as JSON data, read back exactly.
  const compiled = JSON.parse(read(out, 'trust/assets/policies/manifest.compiled.json'));
  assert.equal(compiled.manifest.organization.name, name);
  assert.ok(!policy.includes('href="javascript:'));
  // The feed parses and carries the strings as text.
  const feed = parseXml(read(out, 'updates.xml'));
  assert.equal(textOf(childElements(childElements(feed, 'author')[0], 'name')[0]), name);
  const entry = childElements(feed, 'entry')[0];
  assert.equal(textOf(childElements(entry, 'title')[0]), '<img src=x onerror=alert(3)> updated');
  assert.equal(textOf(childElements(entry, 'summary')[0]), ']]></summary></entry><script>alert(5)</script>');
});

test('build: a rebuild removes the pages it no longer makes, and nothing else', (t) => {
  const dir = tempDir(t);
  const source = join(dir, 'policies');
  cpSync(GOOD, source, { recursive: true });
  const out = join(dir, 'site');
  assert.equal(run(['build', source, '--out', out, '--site', SITE]).code, 0);
  writeFileSync(join(out, 'keep-me.txt'), 'not the build\'s');
  const manifest = JSON.parse(readFileSync(join(source, 'manifest.json'), 'utf8'));
  manifest.policies = manifest.policies.filter((p) => p.id !== 'cookies');
  writeFileSync(join(source, 'manifest.json'), JSON.stringify(manifest, null, 2));
  assert.equal(run(['build', source, '--out', out, '--site', SITE]).code, 0);
  assert.ok(!existsSync(join(out, 'trust', 'cookies')), 'the stale page and its folder are gone');
  assert.ok(existsSync(join(out, 'trust', 'privacy', 'index.html')));
  assert.ok(existsSync(join(out, 'keep-me.txt')));
});

test('build: images and files the markdown links to inside the policies folder are copied', (t) => {
  const dir = tempDir(t);
  const source = join(dir, 'policies');
  cpSync(GOOD, source, { recursive: true });
  mkdirSync(join(source, 'img'));
  writeFileSync(join(source, 'img', 'arch.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(source, 'report v1.pdf'), 'pdf');
  writeFileSync(join(source, 'draft-not-linked.md'), 'not published');
  const privacy = join(source, 'privacy.md');
  writeFileSync(privacy, `${readFileSync(privacy, 'utf8')}\n![Diagram](img/arch.svg), [the report](report%20v1.pdf), ![gone](missing.png)\n`);
  const out = join(dir, 'site');
  const result = run(['build', source, '--out', out, '--site', SITE]);
  assert.equal(result.code, 0);
  assert.deepEqual(result.lines.slice(1, 3), [
    `${privacy}:11:66  policies[1]  warning: links to "missing.png", which is not in the policies folder (${join(source, 'missing.png')})`,
    '0 errors, 1 warning',
  ]);
  assert.equal(read(out, 'trust/assets/policies/img/arch.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  assert.equal(read(out, 'trust/assets/policies/report v1.pdf'), 'pdf');
  assert.ok(!existsSync(join(out, 'trust/assets/policies', 'draft-not-linked.md')));
  const image = /<img [^>]*>/.exec(read(out, 'trust/privacy/index.html'))?.[0] ?? '';
  assert.match(image, / src="https:\/\/northwind\.example\/trust\/assets\/policies\/img\/arch\.svg"/);
  assert.match(image, / alt="Diagram"/);
});

test('build: the sample policies/ for a local preview (npm run build:site)', (t) => {
  const out = join(tempDir(t), 'site');
  const result = run(['build', 'policies', '--out', out, '--site', 'http://127.0.0.1:8000']);
  assert.equal(result.code, 0, result.stdout + result.stderr);
  assert.deepEqual(result.lines, [
    '0 errors, 0 warnings',
    'note: local preview: security.txt has 3 http:// URLs, which RFC 9116 forbids; build with an https --site to publish it',
    `wrote ${listFiles(out).length} files to ${out}/`,
  ]);
  const html = read(out, 'trust/security/index.html');
  checkHtml(html);
  assert.ok(html.includes('<h2 id="5-vulnerability-disclosure--responsible-disclosure">'));
  assert.ok(html.includes('We do not pursue legal action against researchers who act in good faith'));
  // --strict: a leftover template note stops the build.
  const copy = tempDir(t);
  cpSync('policies', copy, { recursive: true });
  writeFileSync(join(copy, 'security.md'), `> This is a placeholder template.\n\n${read(copy, 'security.md')}`);
  const strict = run(['build', copy, '--out', join(tempDir(t), 'strict'), '--site', SITE, '--strict']);
  assert.equal(strict.code, 1);
  rmSync(out, { recursive: true, force: true });
});

test('compile: only the policies folder, with the compiled manifest and every policy in every language', (t) => {
  const out = join(tempDir(t), 'site');
  const result = run(['compile', 'policies', '--out', out]);
  assert.equal(result.code, 0, result.stdout + result.stderr);
  const files = listFiles(out);
  assert.ok(files.every((f) => f.startsWith('policies/')), files.join(', '));
  const text = read(out, 'policies/manifest.compiled.json');
  const hashed = files.filter((f) => /^policies\/manifest\.compiled\.[0-9a-f]{12}\.json$/.test(f));
  assert.equal(hashed.length, 1);
  assert.equal(read(out, hashed[0]), text, 'the hashed copy is the same file');
  const compiled = JSON.parse(text);
  assert.equal(compiled.format, 'trust-center-compiled');
  assert.equal(compiled.formatVersion, 1);
  // The manifest inside is the validated source manifest (with the validator's defaults filled in).
  const source = JSON.parse(readFileSync(join(ROOT, 'policies/manifest.json'), 'utf8'));
  assert.deepEqual(compiled.manifest.policies, source.policies);
  assert.deepEqual(compiled.manifest.organization, source.organization);
  // The policy given in two languages has a compiled text for each, named by its content.
  assert.deepEqual(Object.keys(compiled.trees.security).sort(), ['de', 'en']);
  for (const file of [compiled.trees.security.en, compiled.trees.security.de]) {
    assert.match(file, /^compiled\/security\.(en|de)\.[0-9a-f]{12}\.json$/);
    const tree = JSON.parse(read(out, `policies/${file}`));
    assert.equal(tree.formatVersion, 1);
    assert.ok(Array.isArray(tree.blocks) && tree.blocks.length > 10);
  }
  const de = read(out, `policies/${compiled.trees.security.de}`);
  assert.ok(de.includes('Sicherheit'), 'the German text is compiled from security.de.md');
  // A second compile of the same sources writes the same names (hosts cache them for good).
  const again = join(tempDir(t), 'again');
  assert.equal(run(['compile', 'policies', '--out', again]).code, 0);
  assert.deepEqual(listFiles(again), files);
});

test("compile: a short policy's default text travels in the compiled manifest, a long one and other languages stay files", (t) => {
  const out = join(tempDir(t), 'site');
  assert.equal(run(['compile', 'policies', '--out', out]).code, 0);
  const compiled = JSON.parse(read(out, 'policies/manifest.compiled.json'));
  // The English text (what a reader with no preference gets) is inline, the same object as its file; German is not.
  assert.deepEqual(Object.keys(compiled.inline), [compiled.trees.security.en]);
  assert.deepEqual(compiled.inline[compiled.trees.security.en], JSON.parse(read(out, `policies/${compiled.trees.security.en}`)));
  // Over the inline budget (24 KB of compiled text in all), a policy's text is only a file.
  const long = join(tempDir(t), 'long');
  mkdirSync(long);
  const paragraph = `${'All access to production systems is logged and reviewed. '.repeat(20)}\n\n`;
  writeFileSync(join(long, 'short.md'), '# Short\n\nA short policy.\n');
  writeFileSync(join(long, 'long.md'), `# Long\n\n${paragraph.repeat(30)}`);
  writeFileSync(
    join(long, 'manifest.json'),
    JSON.stringify({
      version: 1,
      organization: { name: 'Long Co', url: 'https://long.example' },
      policies: [
        { id: 'long', title: 'Long', updated: '2026-01-01', source: 'long.md' },
        { id: 'short', title: 'Short', updated: '2026-01-01', source: 'short.md' },
      ],
    }),
  );
  const longOut = join(tempDir(t), 'long-out');
  const result = run(['compile', long, '--out', longOut]);
  assert.equal(result.code, 0, result.stdout + result.stderr);
  const longCompiled = JSON.parse(read(longOut, 'policies/manifest.compiled.json'));
  assert.ok(read(longOut, `policies/${longCompiled.trees.long}`).length > 24 * 1024, 'the long text is over the budget');
  assert.deepEqual(Object.keys(longCompiled.inline), [longCompiled.trees.short]);
});

test('compile: a manifest with errors writes nothing and says why', (t) => {
  const out = join(tempDir(t), 'site');
  const result = run(['compile', `${FIXTURES}/broken/missing-name.json`, '--out', out]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /trust-center compile: nothing written; fix the problems above first/);
  assert.ok(!existsSync(out));
});

test('build: the pages link the organization’s logo as their icon (a file of the site), and no icon without a logo', (t) => {
  const { out, result } = build(t, ['--site', SITE]);
  assert.equal(result.code, 0, result.stdout + result.stderr);
  for (const page of ['trust/index.html', 'trust/security/index.html']) {
    const icons = [...read(out, page).matchAll(/<link rel="icon" href="([^"]+)">/g)].map((m) => m[1]);
    assert.equal(icons.length, 1, `${page}: one icon link`);
    const file = new URL(icons[0], `${SITE}/${page}`).pathname.slice(1);
    assert.equal(file, 'trust/assets/policies/logo.svg', page);
    assert.ok(existsSync(join(out, file)), `${page}: ${icons[0]} is a file of the site`);
  }
  // Without a logo there is nothing to link: the browser's own /favicon.ico request is the host site's.
  const copy = tempDir(t);
  cpSync(GOOD, copy, { recursive: true });
  const manifest = JSON.parse(read(copy, 'manifest.json'));
  delete manifest.organization.logo;
  writeFileSync(join(copy, 'manifest.json'), JSON.stringify(manifest));
  const bare = join(tempDir(t), 'bare');
  assert.equal(run(['build', copy, '--out', bare, '--site', SITE]).code, 0);
  assert.ok(!read(bare, 'trust/index.html').includes('rel="icon"'));
});
