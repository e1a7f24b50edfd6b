// A small static file server for the demo, the screenshots and the benchmark.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

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
  '.asc': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/atom+xml; charset=utf-8',
};

/**
 * Serves `root`; `mounts` maps a path prefix to another folder, and `routes` a path
 * prefix to a handler (req, res) that takes the request before the files do.
 * Resolves once listening.
 */
export async function serve({ root, port = 8000, host = '127.0.0.1', index = '/demo/', routes = {}, mounts = {}, headers = {} }) {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      for (const [prefix, handler] of Object.entries(routes)) {
        if (url.pathname.startsWith(prefix)) return await handler(req, res, url);
      }
      let pathname = decodeURIComponent(url.pathname);
      if (pathname === '/') {
        res.writeHead(302, { Location: index });
        return res.end();
      }
      let base = resolve(root);
      let file = normalize(join(base, pathname));
      for (const [prefix, target] of Object.entries(mounts)) {
        // A prefix ending in "/" mounts a folder; any other names one file.
        if (prefix.endsWith('/') ? pathname.startsWith(prefix) : pathname === prefix) {
          base = resolve(target);
          file = prefix.endsWith('/') ? normalize(join(base, pathname.slice(prefix.length))) : base;
          break;
        }
      }
      if (!file.startsWith(base)) {
        res.writeHead(403).end('Forbidden');
        return;
      }
      const info = await stat(file).catch(() => undefined);
      if (info?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': types[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        ...headers,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (error) {
      if (error?.code === 'ENOENT' || error?.code === 'EISDIR') {
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
