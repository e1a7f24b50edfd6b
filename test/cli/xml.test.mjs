// The strict XML reader the feed is checked with, and the feed itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildAtomFeed } from '../../packages/cli/lib/atom.mjs';
import { childElements, escapeXml, parseXml, textOf } from '../../packages/cli/lib/xml.mjs';

test('parseXml reads well-formed documents into a tree', () => {
  const root = parseXml(
    '<?xml version="1.0" encoding="utf-8"?>\n<!-- c --><a x="1" y=\'&lt;2&gt;\'><b/>t&amp;&#233;&#x41;<![CDATA[<raw>]]><?pi x?><c>d</c></a>\n',
  );
  assert.equal(root.name, 'a');
  assert.deepEqual(root.attributes, { x: '1', y: '<2>' });
  assert.deepEqual(childElements(root).map((e) => e.name), ['b', 'c']);
  assert.equal(textOf(root), 't&éA<raw>d');
});

test('parseXml rejects what is not well-formed, with line:column', () => {
  const cases = [
    ['<a><b></a>', '1:7: </a> closes <b>'],
    ['<a>', '1:1: <a> is never closed'],
    ['<a></a><b/>', '1:8: a second root element'],
    ['text<a/>', '1:1: text before the root element'],
    ['<a/>text', '1:5: text after the root element'],
    ['<a x="1" x="2"/>', '1:10: duplicate attribute x'],
    ['<a x=1/>', '1:6: attribute x must be quoted'],
    ['<a x="<"/>', '1:7: "<" in the value of attribute x'],
    ['<a>&nbsp;</a>', '1:4: undeclared entity &nbsp;'],
    ['<a>AT&T</a>', '1:6: "&" must start an entity reference like &amp;'],
    ['<a>x & y</a>', '1:6: "&" must start an entity reference like &amp;'],
    ['<a>&#0;</a>', '1:4: invalid character reference &#0;'],
    ['<a>\u0001</a>', '1:4: character U+1 is not allowed in XML'],
    ['<a>]]></a>', '1:4: "]]>" in text'],
    ['<a><!-- a -- b --></a>', '1:4: "--" inside a comment'],
    ['<a>\n <b>\n</a>', '3:1: </a> closes <b>'],
    ['', '1:1: no root element'],
    ['<?xml version="1.0" encoding="utf-8"?><?xml version="1.0"?><a/>', '1:39: an XML declaration is only allowed at the very start'],
    [' <?xml version="1.0"?><a/>', '1:2: an XML declaration is only allowed at the very start'],
    ['<?xml version="2"?><a/>', '1:1: malformed XML declaration'],
  ];
  for (const [text, message] of cases) {
    assert.throws(() => parseXml(text), { message }, text);
  }
});

test('escapeXml: markup characters escaped; characters XML cannot hold replaced', () => {
  assert.equal(escapeXml(`<a href="x">&'</a>`), '&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
  assert.equal(escapeXml('a\u0001b\ud800c\uffffd😀'), 'a\ufffdb\ufffdc\ufffdd😀');
  parseXml(`<a t="${escapeXml('"\'<>&\u0000')}">${escapeXml(']]><![CDATA[ </a>')}</a>`);
});

const MANIFEST = {
  organization: { name: 'A & B <Co>', url: 'https://ab.example' },
  policies: [
    {
      id: 'security',
      title: 'Security </title>',
      updated: '2026-03-14',
      changes: [
        { date: '2026-03-14', summary: 'Second change that day ]]>' },
        { date: '2026-03-14', summary: 'First change that day' },
        { date: '2025-01-01', summary: 'First version' },
      ],
    },
    { id: 'privacy', title: 'Privacy', updated: '2026-01-02', changes: [{ date: '2026-01-02', summary: 'New' }] },
    { id: 'terms', title: 'Terms', updated: '2026-05-01' },
  ],
};

const feedOf = (manifest) =>
  buildAtomFeed(manifest, {
    title: 'Updates',
    feedUrl: 'https://site.example/updates.xml',
    pageUrl: 'https://site.example/trust/',
    lang: 'en',
    policyLink: (p) => `https://site.example/trust/#${p.id}`,
  });

test('the Atom feed: RFC 4287 required elements, one entry per change, newest first', () => {
  const feed = parseXml(feedOf(MANIFEST));
  assert.equal(feed.name, 'feed');
  assert.equal(feed.attributes.xmlns, 'http://www.w3.org/2005/Atom');
  const one = (el, name) => {
    const found = childElements(el, name);
    assert.equal(found.length, 1, `exactly one <${name}> in <${el.name}>`);
    return found[0];
  };
  assert.equal(textOf(one(feed, 'id')), 'https://site.example/trust/');
  assert.equal(textOf(one(feed, 'title')), 'Updates');
  // The newest date in the manifest, not the time of the build.
  assert.equal(textOf(one(feed, 'updated')), '2026-05-01T00:00:00Z');
  const self = childElements(feed, 'link').find((l) => l.attributes.rel === 'self');
  assert.equal(self.attributes.href, 'https://site.example/updates.xml');
  assert.equal(textOf(one(one(feed, 'author'), 'name')), 'A & B <Co>');
  const entries = childElements(feed, 'entry');
  assert.equal(entries.length, 4);
  const ids = entries.map((e) => textOf(one(e, 'id')));
  assert.deepEqual(ids, [
    'tag:ab.example,2026-03-14:trust-center/security/2026-03-14',
    'tag:ab.example,2026-03-14:trust-center/security/2026-03-14-2',
    'tag:ab.example,2026-01-02:trust-center/privacy/2026-01-02',
    'tag:ab.example,2025-01-01:trust-center/security/2025-01-01',
  ]);
  for (const entry of entries) {
    assert.match(textOf(one(entry, 'updated')), /^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
    assert.ok(textOf(one(entry, 'title')).length > 0);
    assert.match(one(entry, 'link').attributes.href, /^https:\/\/site\.example\/trust\/#(security|privacy)$/);
    one(entry, 'summary');
  }
  assert.equal(textOf(one(entries[0], 'title')), 'Security </title> updated');
  const summaries = entries.map((e) => textOf(one(e, 'summary')));
  assert.ok(summaries.includes('Second change that day ]]>'));
});

test('feed entry ids stay the same when a newer change is added', () => {
  const before = parseXml(feedOf(MANIFEST));
  const later = structuredClone(MANIFEST);
  later.policies[0].changes.unshift({ date: '2026-03-14', summary: 'Third change that day' });
  later.policies[0].changes.unshift({ date: '2026-04-01', summary: 'April' });
  const after = parseXml(feedOf(later));
  const ids = (feed) => childElements(feed, 'entry').map((e) => textOf(childElements(e, 'id')[0]));
  for (const id of ids(before)) assert.ok(ids(after).includes(id), id);
  assert.equal(ids(after).length, 6);
});
