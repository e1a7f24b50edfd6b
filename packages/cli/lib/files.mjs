// The files the CLI reads from the manifest's folder and writes into --out. A manifest and its markdown
// may come from anyone who can open a pull request, so: only files inside the manifest's real folder,
// never a dotfile or dot-folder, only the published types; and never a write or removal through a link.

import { constants } from 'node:fs';
import { lstat, mkdir, open, realpath, rename, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, extname, isAbsolute, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeCharacter, UNSAFE_CHARACTER } from './characters.mjs';
import { displayPath } from './report.mjs';

/** What the build copies: policies and text, PDFs, images, OpenPGP keys. Never HTML, scripts, JSON or configuration. */
export const PUBLISHED_TYPES = ['.md', '.markdown', '.txt', '.pdf', '.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.svg', '.asc', '.pgp', '.gpg'];

const MAX_REFERENCE = 1024;
// NAME_MAX on Linux and macOS: a longer name cannot be a file there.
const MAX_NAME_BYTES = 255;
const OUTSIDE = "a file outside the manifest's folder; the build publishes only files inside it";

/** Why a file of this name is not published, or undefined. */
function typeProblem(name) {
  const type = extname(name).toLowerCase();
  if (PUBLISHED_TYPES.includes(type)) return undefined;
  return `is not a file type the build publishes (${type || 'no extension'}; it publishes ${PUBLISHED_TYPES.join(', ')})`;
}

/**
 * A path below the manifest's folder, given "/"-separated and percent-encoded as in a URL: its decoded
 * segments ({ rel, segments }), or { error } (a phrase after the quoted path), with `type: true` when the
 * only fault is the file type.
 */
export function decodeRelativePath(encoded) {
  if (encoded === '' || encoded.endsWith('/')) return { error: 'names a folder, not a file' };
  const segments = [];
  for (const part of encoded.split('/')) {
    if (part === '') return { error: 'has an empty folder name ("//")' };
    let name;
    try {
      name = decodeURIComponent(part);
    } catch {
      return { error: 'has an invalid percent-encoding' };
    }
    if (/[/\\]/.test(name)) return { error: `percent-encodes a "/" or "\\" (${JSON.stringify(/%2f|%5c/i.exec(part)[0])}); write folders with a plain "/"` };
    const unsafe = UNSAFE_CHARACTER.exec(name);
    if (unsafe) return { error: `encodes ${describeCharacter(unsafe[0])} in a file name` };
    if (name.startsWith('.')) return { error: `names a dotfile or dot-folder (${JSON.stringify(name)}); they are never published` };
    if (Buffer.byteLength(name) > MAX_NAME_BYTES) return { error: `has a file or folder name longer than ${MAX_NAME_BYTES} bytes` };
    segments.push(name);
  }
  const type = typeProblem(segments.at(-1));
  if (type) return { error: type, type: true };
  return { rel: segments.join('/'), segments };
}

/**
 * The file a manifest reference (a URL relative to the manifest) names inside the manifest's folder:
 * { rel, segments, file }; { remote: true } for an https URL where `remote` allows one; or { error }, a
 * phrase to follow the quoted reference. Every string gets one of the three: none throws.
 */
export function resolveReference(manifestPath, reference, { remote = false } = {}) {
  if (typeof reference !== 'string') return { error: 'is not a string' };
  if (reference.trim() === '') return { error: 'is empty' };
  if (reference.length > MAX_REFERENCE) return { error: `is too long (${reference.length} characters; at most ${MAX_REFERENCE})` };
  const unsafe = UNSAFE_CHARACTER.exec(reference);
  if (unsafe) return { error: `contains ${describeCharacter(unsafe[0])}, which no file name may hold` };
  // Browsers read "\" as "/", file systems do not: the two would name different files.
  if (reference.includes('\\')) return { error: 'contains a backslash ("\\"); use "/" between folders' };
  const scheme = /^\s*([A-Za-z][A-Za-z0-9+.-]*):/.exec(reference);
  if (scheme) {
    if (remote && scheme[1].toLowerCase() === 'https' && URL.canParse(reference)) return { remote: true };
    return { error: `is not a path relative to the manifest (it names a scheme, "${scheme[1].toLowerCase()}:")` };
  }
  if (/^\s*\/\//.test(reference)) return { error: "names another host; give a path relative to the manifest's folder" };
  if (/^\s*\//.test(reference)) return { error: "is an absolute path; give a path relative to the manifest's folder" };
  const base = pathToFileURL(manifestPath);
  let url;
  try {
    url = new URL(reference, base);
  } catch {
    return { error: 'is not a valid relative URL' };
  }
  if (url.protocol !== 'file:' || url.host !== base.host) return { error: 'is not a path relative to the manifest' };
  const folder = base.pathname.slice(0, base.pathname.lastIndexOf('/') + 1);
  if (!url.pathname.startsWith(folder)) return { error: `is outside the manifest's folder; the build publishes only files inside it` };
  const decoded = decodeRelativePath(url.pathname.slice(folder.length));
  if (decoded.error) return decoded;
  return { ...decoded, file: join(dirname(manifestPath), ...decoded.segments) };
}

function openProblem(error) {
  switch (error.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'not readable (permission denied)';
    case 'ENOTDIR':
      return 'a folder on its path is a file';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    default:
      return `cannot read it (${error.code ?? error.message})`;
  }
}

const isInside = (rel) => rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);

/** "is a symbolic link to" or 'goes through a symbolic link ("notes") to': the first link on the way. */
async function linkOnTheWay(folder, segments) {
  for (let k = 0; k < segments.length; k++) {
    const info = await lstat(join(folder, ...segments.slice(0, k + 1))).catch(() => undefined);
    if (!info?.isSymbolicLink()) continue;
    return k === segments.length - 1 ? 'is a symbolic link to' : `goes through a symbolic link (${JSON.stringify(segments.slice(0, k + 1).join('/'))}) to`;
  }
  return undefined;
}

/**
 * Reads a file below `folder` (the manifest's folder) given by its decoded segments, checking the file it
 * actually opened: open, then the real path (inside the real folder, no dotfile, a published type), then
 * that the real path still leads to the opened file, so a link swapped in between is caught.
 * Returns { bytes, real } ({ real } with read: false), or { unreadable } (why it cannot be read: "no such
 * file") or { refused } (a phrase to follow the quoted reference: "is a symbolic link to …").
 */
export async function readInside(folder, segments, { read = true } = {}) {
  const path = join(folder, ...segments);
  let handle;
  try {
    // O_NONBLOCK: a FIFO planted in the folder must not hang the build (it is refused below).
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { unreadable: openProblem(error) };
  }
  try {
    const opened = await handle.stat();
    const realFolder = await realpath(folder);
    const real = await realpath(path);
    const rel = relative(realFolder, real);
    if (rel !== segments.join(sep)) {
      const via = (await linkOnTheWay(folder, segments)) ?? 'leads to';
      if (!isInside(rel)) return { refused: `${via} ${OUTSIDE}` };
      const parts = rel.split(sep);
      const shown = JSON.stringify(parts.join('/'));
      if (parts.some((part) => part.startsWith('.'))) return { refused: `${via} ${shown}, a dotfile or dot-folder; they are never published` };
      const type = typeProblem(parts.at(-1));
      if (type) return { refused: `${via} ${shown}, which ${type}` };
    }
    const now = await stat(real);
    if (now.dev !== opened.dev || now.ino !== opened.ino) return { refused: 'changed while it was being read; run the command again' };
    if (opened.isDirectory()) return { unreadable: 'is a directory, not a file' };
    if (!opened.isFile()) return { unreadable: 'is not a regular file' };
    return read ? { bytes: await handle.readFile(), real } : { real };
  } catch (error) {
    return { unreadable: openProblem(error) };
  } finally {
    await handle.close();
  }
}

/**
 * A file the manifest names, resolved and opened as above: { rel, segments, file, bytes, real } (no bytes
 * with read: false), { remote: true }, or { problem }: the whole message, naming the reference.
 */
export async function openReference(manifestPath, reference, { remote = false, read = true } = {}) {
  const found = resolveReference(manifestPath, reference, { remote });
  if (found.remote) return found;
  const opened = found.error ? { refused: found.error } : await readInside(dirname(manifestPath), found.segments, { read });
  if (opened.refused) return { problem: `${JSON.stringify(reference)} ${opened.refused}` };
  if (opened.unreadable) return { problem: `cannot read ${JSON.stringify(reference)}: ${opened.unreadable} (${displayPath(found.file)})` };
  return { ...found, ...opened };
}

// ---------------------------------------------------------------------------------------------
// --out: what the build writes and removes, never through a symbolic link.

const LINK_IN_OUT = 'is a symbolic link; the build does not write through links (remove it, or build into an empty folder)';

/** Whether a "/"-separated path could leave the folder it is joined to (or names nothing). */
const leavesFolder = (segments) => segments.some((s) => s === '' || s === '.' || s === '..' || /[\\\0]/.test(s));

/**
 * Why `rel` ("/"-separated, from the build) cannot be written below `root` without following a link:
 * { file, message } for the first link or misplaced file on its way, or undefined.
 */
export async function writeProblem(root, rel) {
  const segments = rel.split('/');
  for (let k = 0; k < segments.length; k++) {
    const path = join(root, ...segments.slice(0, k + 1));
    const info = await lstat(path).catch(() => undefined);
    if (!info) return undefined;
    if (info.isSymbolicLink()) return { file: path, message: LINK_IN_OUT };
    const last = k === segments.length - 1;
    if (!last && !info.isDirectory()) return { file: path, message: 'is a file where the build needs a folder' };
    if (last && info.isDirectory()) return { file: path, message: 'is a folder where the build writes a file' };
  }
  return undefined;
}

/**
 * Writes `content` to `rel` below `root`: folders made one by one (an existing one must be a real folder),
 * the file written beside its target and renamed over it, so a link at the target is replaced, not followed.
 */
export async function writeInside(root, rel, content) {
  const segments = rel.split('/');
  if (leavesFolder(segments)) throw new Error(`internal error: ${JSON.stringify(rel)} is not a path inside --out`);
  let dir = root;
  for (const name of segments.slice(0, -1)) {
    dir = join(dir, name);
    try {
      await mkdir(dir);
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const info = await lstat(dir);
      if (!info.isDirectory()) throw new Error(`${dir} ${info.isSymbolicLink() ? LINK_IN_OUT : 'is not a folder'}`);
    }
  }
  const target = join(dir, segments.at(-1));
  const temporary = join(dir, `.${segments.at(-1)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  await writeFile(temporary, content, { flag: 'wx' });
  try {
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => {});
    throw error;
  }
}

/**
 * Removes a file an earlier build wrote (`rel`, from its record, so untrusted), and the folders it leaves
 * empty; nothing reached through a link, nothing outside `root`, no folder that still holds anything.
 */
export async function removeInside(root, rel) {
  const segments = rel.split('/');
  if (leavesFolder(segments)) return;
  for (let k = 0; k < segments.length; k++) {
    const info = await lstat(join(root, ...segments.slice(0, k + 1))).catch(() => undefined);
    if (!info || info.isSymbolicLink()) return;
    if (k < segments.length - 1 ? !info.isDirectory() : !info.isFile()) return;
  }
  await unlink(join(root, ...segments));
  for (let k = segments.length - 1; k > 0; k--) {
    try {
      await rmdir(join(root, ...segments.slice(0, k)));
    } catch {
      break;
    }
  }
}
