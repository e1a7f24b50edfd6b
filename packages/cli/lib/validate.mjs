// `trust-center validate`: the manifest against the element's own schema, plus what only a machine with
// the files can check (sources, the OpenPGP key, dates against today, leftovers of the template).

import { lstat, readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { describeCharacter, UNSAFE_CHARACTER } from './characters.mjs';
import { isRealDate, latestDateOnEarth, utcDate } from './dates.mjs';
import { openReference } from './files.mjs';
import { JsonSyntaxError, lineColumn, locatePath, formatPath, offsetInString, scanJson } from './json-positions.mjs';
import { findLeftovers, showLeftover } from './leftovers.mjs';
import { displayPath } from './report.mjs';
import { checkSecurityTxt } from './security-txt.mjs';

const isRecord = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A policy's files: one `source`, or one per language (`{ "en": "security.md", "de": "security.de.md" }`),
 * whose default is English where given, else the first.
 */
export function policySources(source) {
  if (typeof source === 'string') return [{ reference: source, pathKeys: ['source'], isDefault: true }];
  if (!isRecord(source)) return [];
  const keys = Object.keys(source).filter((key) => typeof source[key] === 'string');
  const defaultKey = keys.find((key) => key.toLowerCase().split('-')[0] === 'en') ?? keys[0];
  return keys.map((key) => ({ reference: source[key], pathKeys: ['source', key], isDefault: key === defaultKey }));
}

/** Bytes as UTF-8 text: { text, bom }, or { error } saying why not, in a phrase. */
function decodeText(bytes) {
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    const bom = text.charCodeAt(0) === 0xfeff;
    if (bom) text = text.slice(1);
    return { text, bom };
  } catch {
    return { error: 'not valid UTF-8 text' };
  }
}

/** A file the user named (the manifest, a security.txt) as UTF-8 text; { error } says why not, in a phrase. */
export async function readTextFile(file) {
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    return { error: error.code === 'ENOENT' ? 'no such file' : `cannot read it (${error.code ?? error.message})` };
  }
  if (info.isDirectory()) return { error: 'is a directory, not a file' };
  let bytes;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return { error: error.code === 'EACCES' ? 'not readable (permission denied)' : `cannot read it (${error.code ?? error.message})` };
  }
  return decodeText(bytes);
}

/** A manifest argument: a file, or a folder holding manifest.json. */
export async function resolveManifestPath(arg) {
  const path = resolve(arg ?? 'policies/manifest.json');
  try {
    if ((await stat(path)).isDirectory()) return join(path, 'manifest.json');
  } catch {
    // Reported when it is read.
  }
  return path;
}

// Text that reaches security.txt, the Atom feed, and the pages' <title> and meta tags: one line each.
const ONE_LINE_FIELDS = [
  /^organization\.(?:name|url|logo)$/,
  /^policies\[\d+\]\.(?:id|title|summary)$/,
  /^policies\[\d+\]\.changes\[\d+\]\.summary$/,
  /^compliance\[\d+\]\.(?:name|status)$/,
  /^disclosure\.(?:policy|email|endpoint)$/,
  /^disclosure\.encryption\.(?:key|fingerprint)$/,
];

/** "ABCD 1234 …" */
const groupFingerprint = (fp) => fp.replace(/(.{4})(?=.)/g, '$1 ');

/**
 * Validates a manifest and everything it points at.
 * options: { manifestPath (absolute), dist: { parseManifest }, now?: Date, securityTxt?: path | false }.
 * securityTxt: a path to check; undefined looks for .well-known/security.txt next to the manifest's
 * folder (and inside it); false checks none.
 * Returns { problems, fileOrder, manifest?, data?, text?, sources: Map(policyIndex → { file, text }),
 * languages: Map(policyIndex → Map(language key, or '' for a single file → { file, text })) }.
 * `manifest` is set only when the schema accepted it (errors elsewhere may still exist).
 */
export async function validateManifest({ manifestPath, dist, now = new Date(), securityTxt }) {
  const problems = [];
  const fileOrder = [manifestPath];
  const sources = new Map();
  const languages = new Map();
  const result = { problems, fileOrder, sources, languages };

  const read = await readTextFile(manifestPath);
  if (read.error) {
    result.fatal = `cannot read ${displayPath(manifestPath)}: ${read.error}`;
    return result;
  }
  const { text } = read;
  result.text = text;
  result.bom = read.bom;
  const at = (offset) => lineColumn(text, offset);
  const inManifest = (offset, path, severity, message) => problems.push({ file: manifestPath, ...at(offset), path, severity, message });

  let scanned;
  try {
    scanned = scanJson(text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    inManifest(error.offset, '', 'error', `invalid JSON: ${error.message}`);
    return result;
  }
  const { nodes, duplicateKeys } = scanned;
  // What the element gets from response.json(); the scanner only locates things in it.
  let data;
  try {
    data = JSON.parse(text);
  } catch (error) {
    inManifest(0, '', 'error', `invalid JSON: ${error.message}`);
    return result;
  }
  result.data = data;
  const locate = (path, preferKey = false) => locatePath(nodes, path, { preferKey }).offset;

  for (const dup of duplicateKeys) {
    inManifest(dup.keyStart, dup.path, 'warning', 'duplicate key; only the last one counts');
  }

  // 1. The schema: the same definition the element validates with.
  const parsed = dist.parseManifest(data);
  for (const issue of parsed.ok ? [] : parsed.issues) inManifest(locate(issue.path), issue.path, 'error', issue.message);
  for (const warning of parsed.warnings) inManifest(locate(warning.path, true), warning.path, 'warning', warning.message);
  if (parsed.ok) result.manifest = parsed.manifest;

  // 2. Dates: not in the future, changes newest first, none after `updated`.
  const today = latestDateOnEarth(now);
  const policies = isRecord(data) && Array.isArray(data.policies) ? data.policies : [];
  const futureCheck = (value, path) => {
    if (typeof value === 'string' && isRealDate(value) && value > today) {
      inManifest(locate(path), path, 'error', `${value} is in the future (today is ${utcDate(now)} UTC)`);
    }
  };
  policies.forEach((policy, index) => {
    if (!isRecord(policy)) return;
    const base = formatPath(['policies', index]);
    futureCheck(policy.updated, `${base}.updated`);
    if (!Array.isArray(policy.changes)) return;
    const dated = policy.changes
      .map((change, j) => ({ j, date: isRecord(change) ? change.date : undefined }))
      .filter((c) => typeof c.date === 'string' && isRealDate(c.date));
    for (const c of dated) futureCheck(c.date, `${base}.changes[${c.j}].date`);
    const outOfOrder = dated.findIndex((c, k) => k > 0 && c.date > dated[k - 1].date);
    if (outOfOrder > 0) {
      const c = dated[outOfOrder];
      const prev = dated[outOfOrder - 1];
      inManifest(
        locate(`${base}.changes[${c.j}].date`),
        `${base}.changes[${c.j}].date`,
        'error',
        `changes must be listed newest first: ${c.date} is newer than changes[${prev.j}].date ${prev.date}`,
      );
    }
    if (typeof policy.updated === 'string' && isRealDate(policy.updated) && dated.length > 0) {
      const newest = dated.reduce((a, b) => (b.date > a.date ? b : a));
      if (newest.date > policy.updated) {
        inManifest(
          locate(`${base}.updated`),
          `${base}.updated`,
          'error',
          `${policy.updated} is older than the newest change (changes[${newest.j}].date ${newest.date}); set "updated" to ${newest.date}`,
        );
      }
    }
  });

  // 3. Leftover template text in the manifest's own strings (e.g. inline `content`).
  for (const [path, node] of nodes) {
    if (node.kind !== 'string' || path === '$schema') continue;
    const value = JSON.parse(text.slice(node.start, node.end));
    for (const leftover of findLeftovers(value)) {
      inManifest(offsetInString(text, node.start, leftover.index), path, 'warning', `leftover template text ${showLeftover(leftover.match)}`);
    }
  }

  // 3b. No line breaks, controls or bidi overrides where a field reaches security.txt, the feed or a title.
  for (const [path, node] of nodes) {
    if (node.kind !== 'string' || !ONE_LINE_FIELDS.some((field) => field.test(path))) continue;
    // The schema may refuse the same characters; one error a field is enough.
    if (problems.some((p) => p.path === path && p.severity === 'error')) continue;
    const unsafe = UNSAFE_CHARACTER.exec(JSON.parse(text.slice(node.start, node.end)));
    if (unsafe) {
      inManifest(
        offsetInString(text, node.start, unsafe.index),
        path,
        'error',
        `contains ${describeCharacter(unsafe[0])}: line breaks, control characters and bidi overrides are refused here, as this text reaches security.txt, the Atom feed and page titles`,
      );
    }
  }

  // 4. Files the manifest names: only inside the manifest's real folder, no dotfiles, published types only.
  /** The file a reference names, opened and checked: { file, bytes }, or undefined after reporting why not. */
  const openReferenced = async (reference, path, options) => {
    const opened = await openReference(manifestPath, reference, options);
    // The schema may have refused the same path already; one error a field is enough.
    const reported = problems.some((p) => p.path === path && p.severity === 'error');
    if (opened.problem && !reported) inManifest(locate(path), path, 'error', opened.problem);
    return opened.problem || opened.remote ? undefined : opened;
  };
  const readReferenced = async (reference, path) => {
    const opened = await openReferenced(reference, path);
    if (!opened) return undefined;
    const content = decodeText(opened.bytes);
    if (content.error) {
      inManifest(locate(path), path, 'error', `cannot read ${JSON.stringify(reference)}: ${content.error} (${displayPath(opened.file)})`);
      return undefined;
    }
    return { file: opened.file, text: content.text };
  };
  for (const [index, policy] of policies.entries()) {
    if (!isRecord(policy)) continue;
    for (const { reference, pathKeys, isDefault } of policySources(policy.source)) {
    const path = formatPath(['policies', index, ...pathKeys]);
    const source = await readReferenced(reference, path);
    if (!source) continue;
    // The default language's text is the one the static build renders; build compiles them all.
    if (isDefault) sources.set(index, source);
    if (!languages.has(index)) languages.set(index, new Map());
    languages.get(index).set(pathKeys[1] ?? '', source);
    fileOrder.push(source.file);
    if (source.text.trim() === '') {
      problems.push({ file: source.file, line: 1, column: 1, path: formatPath(['policies', index]), severity: 'warning', message: 'the policy is empty' });
    }
    for (const leftover of findLeftovers(source.text)) {
      problems.push({
        file: source.file,
        ...lineColumn(source.text, leftover.index),
        path: formatPath(['policies', index]),
        severity: 'warning',
        message: `leftover template text ${showLeftover(leftover.match)}`,
      });
    }
    }
  }
  // Earlier policy versions (compared in the updates view) are read like sources; public documents may be
  // binary, so they only have to exist.
  for (const [index, policy] of policies.entries()) {
    if (!isRecord(policy) || !Array.isArray(policy.history)) continue;
    for (const [j, version] of policy.history.entries()) {
      if (!isRecord(version) || typeof version.source !== 'string') continue;
      const source = await readReferenced(version.source, formatPath(['policies', index, 'history', j, 'source']));
      if (source) fileOrder.push(source.file);
    }
  }
  const documents = isRecord(data) && Array.isArray(data.documents) ? data.documents : [];
  for (const [index, document] of documents.entries()) {
    if (!isRecord(document) || document.access !== 'public' || typeof document.url !== 'string') continue;
    await openReferenced(document.url, formatPath(['documents', index, 'url']), { remote: true, read: false });
  }
  const organization = isRecord(data) ? data.organization : undefined;
  if (isRecord(organization) && typeof organization.logo === 'string') {
    await openReferenced(organization.logo, 'organization.logo', { remote: true, read: false });
  }
  const compliance = isRecord(data) && Array.isArray(data.compliance) ? data.compliance : [];
  for (const [index, item] of compliance.entries()) {
    if (isRecord(item) && typeof item.icon === 'string') await openReferenced(item.icon, formatPath(['compliance', index, 'icon']), { remote: true, read: false });
  }
  const disclosure = isRecord(data) ? data.disclosure : undefined;
  const encryption = isRecord(disclosure) ? disclosure.encryption : undefined;
  if (isRecord(encryption) && typeof encryption.key === 'string') {
    const keyFile = await readReferenced(encryption.key, 'disclosure.encryption.key');
    if (keyFile) await checkKey(keyFile, encryption, { now, locate, inManifest });
  }

  // 5. A security.txt, given or found.
  const securityFile = await findSecurityTxt(manifestPath, securityTxt);
  if (securityFile) {
    const content = await readTextFile(securityFile);
    fileOrder.push(securityFile);
    if (content.error) {
      if (securityTxt) problems.push({ file: securityFile, line: 1, column: 1, path: 'security.txt', severity: 'error', message: `cannot read it: ${content.error}` });
    } else {
      const checked = checkSecurityTxt((content.bom ? '\ufeff' : '') + content.text, { now });
      for (const p of checked.problems) {
        problems.push({ file: securityFile, line: p.line, column: p.column, path: p.field || 'security.txt', severity: p.severity, message: p.message });
      }
      const email = isRecord(disclosure) && typeof disclosure.email === 'string' ? disclosure.email : undefined;
      const contacts = checked.fields.filter((f) => f.name === 'Contact');
      if (email && contacts.length > 0 && !contacts.some((c) => c.value.toLowerCase() === `mailto:${email.toLowerCase()}`)) {
        problems.push({
          file: securityFile,
          line: contacts[0].line,
          column: 1,
          path: 'Contact',
          severity: 'warning',
          message: `no "Contact: mailto:${email}", the manifest's disclosure e-mail`,
        });
      }
    }
  }
  result.securityTxt = securityFile;
  return result;
}

async function findSecurityTxt(manifestPath, option) {
  if (option === false) return undefined;
  if (typeof option === 'string') return resolve(option);
  const folder = dirname(manifestPath);
  for (const candidate of [join(folder, '.well-known', 'security.txt'), join(folder, '..', '.well-known', 'security.txt')]) {
    // Found, not named: a link planted there would print lines of another file (a secret) as problems.
    const [file, wellKnown] = await Promise.all([lstat(candidate).catch(() => undefined), lstat(dirname(candidate)).catch(() => undefined)]);
    if (file?.isFile() && wellKnown?.isDirectory()) return candidate;
  }
  return undefined;
}

async function checkKey({ file, text }, encryption, { now, locate, inManifest }) {
  const keyPath = 'disclosure.encryption.key';
  const openpgp = await import('openpgp');
  let key;
  try {
    key = await openpgp.readKey({ armoredKey: text });
  } catch (error) {
    inManifest(locate(keyPath), keyPath, 'error', `${JSON.stringify(encryption.key)} is not an armored OpenPGP public key: ${String(error.message ?? error).replace(/\s+/g, ' ')}`);
    return;
  }
  if (key.isPrivate()) {
    inManifest(locate(keyPath), keyPath, 'error', `${JSON.stringify(encryption.key)} holds a PRIVATE key; publish only the public key (and treat this one as leaked)`);
    return;
  }
  const actual = key.getFingerprint().toUpperCase();
  if (typeof encryption.fingerprint === 'string') {
    const pinned = encryption.fingerprint.replace(/[^0-9a-f]/gi, '').toUpperCase();
    if (/^(?:[0-9A-F]{40}|[0-9A-F]{64})$/.test(pinned) && pinned !== actual) {
      inManifest(
        locate('disclosure.encryption.fingerprint'),
        'disclosure.encryption.fingerprint',
        'error',
        `does not match the key in ${JSON.stringify(encryption.key)}, whose fingerprint is ${groupFingerprint(actual)}`,
      );
    }
  }
  if (await key.isRevoked(undefined, undefined, now)) {
    inManifest(locate(keyPath), keyPath, 'error', `the key in ${JSON.stringify(encryption.key)} is revoked`);
    return;
  }
  const expires = await key.getExpirationTime();
  if (expires instanceof Date && expires.getTime() <= now.getTime()) {
    inManifest(locate(keyPath), keyPath, 'error', `the key in ${JSON.stringify(encryption.key)} expired on ${expires.toISOString().slice(0, 10)}`);
    return;
  }
  try {
    await key.getEncryptionKey(undefined, now);
  } catch {
    inManifest(locate(keyPath), keyPath, 'error', `the key in ${JSON.stringify(encryption.key)} has no usable encryption subkey`);
  }
}
