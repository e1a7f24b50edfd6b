// A small static file server for the demo, the screenshots and the benchmark. It answers only to the
// local names it listens on, and serves only files of known types inside the folders it is given:
// no dotfiles or dot-folders, nothing reached through an encoded separator or a symlink out.
import { createServer } from 'node:http';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.asc': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/atom+xml; charset=utf-8',
};

/** Why a request gets no file: its status and a one-line reason. */
class Refused extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

const inside = (path, folder) => path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);

/** Whether a Host header names this server: a page that reached it under any other name came through DNS rebinding. */
function isOwnHost(header, names, port) {
  const match = /^(\[[^\]]+\]|[^:[\]]+)(?::(\d+))?$/.exec(String(header ?? '').toLowerCase());
  return Boolean(match) && names.has(match[1]) && Number(match[2] ?? 80) === port;
}

/**
 * Serves `root`; `mounts` maps a path prefix to another folder, and `routes` a path
 * prefix to a handler (req, res) that takes the request before the files do.
 * Resolves once listening.
 */
export async function serve({ root, port = 8000, host = '127.0.0.1', index = '/demo/', routes = {}, mounts = {}, headers = {} }) {
  const names = new Set(['localhost', '127.0.0.1', '[::1]', host.includes(':') ? `[${host}]` : host.toLowerCase()]);

  /** The real path of the file a URL path names, or a Refused saying why there is none. */
  async function locate(pathname) {
    // Decoded, %2F and %5C would be separators the URL parser never saw, so its ".." handling would miss them.
    if (/%(2f|5c)/i.test(pathname)) throw new Refused(400, 'Bad Request: encoded "/" or "\\" in the path');
    let decoded;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      throw new Refused(400, 'Bad Request: malformed percent-encoding');
    }
    if (/[\0\\]/.test(decoded)) throw new Refused(400, 'Bad Request: NUL or "\\" in the path');
    let base = resolve(root);
    let rest = decoded;
    for (const [prefix, target] of Object.entries(mounts)) {
      // A prefix ending in "/" mounts a folder; any other names one file.
      if (prefix.endsWith('/') ? decoded.startsWith(prefix) : decoded === prefix) {
        base = resolve(target);
        rest = prefix.endsWith('/') ? decoded.slice(prefix.length) : '';
        break;
      }
    }
    const segments = rest.split('/').filter(Boolean);
    // Dotfiles and dot-folders (.env, .git, .receiver-data) are never served; this also refuses any "..".
    if (segments.some((segment) => segment.startsWith('.'))) throw new Refused(404, 'Not found');
    const folder = await realpath(base);
    let file = await realpath(join(base, ...segments));
    if ((await stat(file)).isDirectory()) file = await realpath(join(file, 'index.html'));
    if (!inside(file, folder)) throw new Refused(403, 'Forbidden: outside the served folder');
    if (!(extname(file) in types)) throw new Refused(404, 'Not found');
    return file;
  }

  const server = createServer(async (req, res) => {
    try {
      if (!isOwnHost(req.headers.host, names, server.address().port)) throw new Refused(403, 'Forbidden: unknown Host');
      const url = new URL(req.url ?? '/', 'http://localhost');
      for (const [prefix, handler] of Object.entries(routes)) {
        if (url.pathname.startsWith(prefix)) return await handler(req, res, url);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { 'Content-Type': 'text/plain', Allow: 'GET, HEAD' }).end('Method not allowed');
        return;
      }
      if (url.pathname === '/') {
        res.writeHead(302, { Location: index });
        return res.end();
      }
      const file = await locate(url.pathname);
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': types[extname(file)],
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        ...headers,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (error) {
      if (error instanceof Refused) {
        res.writeHead(error.status, { 'Content-Type': 'text/plain' }).end(error.message);
      } else if (['ENOENT', 'ENOTDIR', 'EISDIR', 'ENAMETOOLONG', 'ELOOP'].includes(error?.code)) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      } else {
        res.writeHead(500, { 'Content-Type': 'text/plain' }).end('Server error');
      }
    }
  });
  for (let attempt = 0; ; attempt++) {
    try {
      await new Promise((ok, fail) => {
        server.once('error', fail);
        server.listen(port + attempt, host, ok);
      });
      break;
    } catch (error) {
      if (error.code !== 'EADDRINUSE' || attempt > 20) throw error;
    }
  }
  const address = server.address();
  return { server, url: `http://${host}:${address.port}` };
}
