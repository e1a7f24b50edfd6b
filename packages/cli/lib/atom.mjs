// The updates feed: Atom (RFC 4287), one entry per policy change.

import { escapeXml } from './xml.mjs';

/** A tag: URI (RFC 4151) authority: the host of a URL, if it is a DNS name. */
function tagAuthority(url) {
  try {
    const host = new URL(url).hostname;
    return /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/i.test(host) ? host : undefined;
  } catch {
    return undefined;
  }
}

const instant = (date) => `${date}T00:00:00Z`;

/**
 * The entries, newest first: one per `changes[]` item of each policy.
 * Entry ids are tag: URIs minted from the organization's host (stable wherever the site is deployed)
 * and the change's date, so adding a change never renames the entries before it:
 *   tag:artisser.example,2026-06-05:trust-center/security/2026-06-05
 * A second change to the same policy on the same date gets "-2", a third "-3" (counted oldest first).
 * Without a usable host the id is the entry's link plus "/<date>", e.g. https://site/trust/#security/2026-06-05.
 */
export function feedEntries(manifest, { policyLink, idAuthority }) {
  const entries = [];
  for (const policy of manifest.policies) {
    const changes = policy.changes ?? [];
    const seen = new Map();
    // Oldest first, so the numbering of same-day changes does not shift when newer ones are added.
    const oldestFirst = changes.map((change, index) => ({ change, index })).sort((a, b) => a.change.date.localeCompare(b.change.date) || b.index - a.index);
    for (const { change } of oldestFirst) {
      const n = (seen.get(change.date) ?? 0) + 1;
      seen.set(change.date, n);
      const key = n === 1 ? change.date : `${change.date}-${n}`;
      const link = policyLink(policy);
      entries.push({
        id: idAuthority ? `tag:${idAuthority},${change.date}:trust-center/${policy.id}/${key}` : `${link}/${key}`,
        title: `${policy.title} updated`,
        updated: instant(change.date),
        link,
        summary: change.summary,
        policyId: policy.id,
      });
    }
  }
  return entries.sort((a, b) => b.updated.localeCompare(a.updated) || a.id.localeCompare(b.id));
}

/**
 * The feed document. options: { title, feedUrl, pageUrl, organization, logoUrl?, lang, policyLink(policy) → URL }.
 * The feed's `updated` is the newest of all `updated` and change dates (not the build time, so
 * rebuilding the same manifest writes the same feed).
 */
export function buildAtomFeed(manifest, options) {
  const idAuthority = tagAuthority(manifest.organization.url ?? '') ?? tagAuthority(options.pageUrl);
  const entries = feedEntries(manifest, { policyLink: options.policyLink, idAuthority });
  const dates = manifest.policies.flatMap((p) => [p.updated, ...(p.changes ?? []).map((c) => c.date)]);
  const newest = dates.sort().at(-1);
  const org = manifest.organization;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(options.lang)}">`,
    `  <id>${escapeXml(options.pageUrl)}</id>`,
    `  <title type="text">${escapeXml(options.title)}</title>`,
    `  <subtitle type="text">${escapeXml(`Changes to the policies of ${org.name}`)}</subtitle>`,
    `  <updated>${instant(newest)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(options.feedUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(options.pageUrl)}"/>`,
    '  <author>',
    `    <name>${escapeXml(org.name)}</name>`,
    ...(org.url ? [`    <uri>${escapeXml(new URL(org.url).href)}</uri>`] : []),
    '  </author>',
    ...(options.logoUrl ? [`  <logo>${escapeXml(options.logoUrl)}</logo>`] : []),
    '  <generator>trust-center</generator>',
  ];
  for (const entry of entries) {
    lines.push(
      '  <entry>',
      `    <id>${escapeXml(entry.id)}</id>`,
      `    <title type="text">${escapeXml(entry.title)}</title>`,
      `    <updated>${entry.updated}</updated>`,
      `    <published>${entry.updated}</published>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(entry.link)}"/>`,
      `    <summary type="text">${escapeXml(entry.summary)}</summary>`,
      '  </entry>',
    );
  }
  lines.push('</feed>');
  return lines.join('\n') + '\n';
}
