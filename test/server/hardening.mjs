// Test-only routes for test/hardening/: a page under a strict Content-Security-Policy, bad networks and
// bad data (cut, stalled, gigantic, switchable), and a second server on another port for cross-origin cases.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { resolve, extname } from 'node:path';

const root = resolve(new URL('../..', import.meta.url).pathname);

/**
 * The policy a strict host sends: nothing inline, nothing from elsewhere, Trusted Types required with
 * only Lit's policy allowed. Applied to /__tc/h/csp/<page>.html only, never to the runner's own pages.
 */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

const types = { '.html': 'text/html; charset=utf-8', '.json': 'application/json', '.md': 'text/markdown; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml' };

async function readRootFile(path) {
  const full = resolve(root, '.' + path);
  if (!full.startsWith(root + '/')) return undefined;
  return readFile(full).catch(() => undefined);
}

/** A valid manifest of about `bytes` bytes: the bulk is an unknown key, which validation accepts. */
function hugeManifest(bytes) {
  const base = {
    version: 1,
    organization: { name: 'Huge Co', url: 'https://huge.example' },
    policies: [{ id: 'terms', title: 'Terms', updated: '2026-01-01', content: '# Terms\n\nShort and kind.\n' }],
  };
  const overhead = JSON.stringify({ ...base, 'x-padding': '' }).length;
  return JSON.stringify({ ...base, 'x-padding': 'x'.repeat(Math.max(0, bytes - overhead)) });
}

/** A valid manifest with `n` policies, each with inline markdown and a change. */
function manyPolicies(n) {
  return JSON.stringify({
    version: 1,
    organization: { name: 'Many Policies Inc.', url: 'https://many.example' },
    policies: Array.from({ length: n }, (_, i) => ({
      id: `policy-${i + 1}`,
      title: `Policy ${i + 1}`,
      updated: '2026-03-01',
      summary: `What policy ${i + 1} covers.`,
      content: `# Policy ${i + 1}\n\n## Scope\n\nText of policy ${i + 1}.\n\n## Details\n\n- one\n- two\n`,
      changes: [{ date: '2026-03-01', summary: `Policy ${i + 1} published.` }],
    })),
  });
}

/**
 * Answers outside Koa: the test runner's cache middleware marks every path with an extension
 * `max-age=31536000` after the fact, which would let the browser reuse an answer a test has switched.
 */
function send(ctx, status, type, body) {
  ctx.respond = false;
  ctx.res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(body) });
  ctx.res.end(body);
}

/** Switchable responses per key: what /__tc/h/switch/<key>/<file> does next. */
const modes = new Map();

/** Koa middleware for /__tc/h/… (web-test-runner.config.mjs). */
export function hardeningRoutes(crossOrigin) {
  return async function hardening(ctx, next) {
    const url = new URL(ctx.url, 'http://localhost');
    if (!url.pathname.startsWith('/__tc/h/')) return next();
    const [route, ...rest] = url.pathname.slice('/__tc/h/'.length).split('/');
    const file = '/' + rest.join('/');

    switch (route) {
      case 'config':
        ctx.type = 'application/json';
        ctx.body = JSON.stringify({ crossOrigin: crossOrigin(), csp: STRICT_CSP });
        return;
      case 'csp': {
        // /__tc/h/csp/<page>.html: test/fixtures/hardening/<page>.html under the strict policy.
        const body = await readRootFile(`/test/fixtures/hardening${file}`);
        if (!body || !file.endsWith('.html')) {
          ctx.status = 404;
          return;
        }
        ctx.set('Content-Security-Policy', STRICT_CSP);
        ctx.set('X-Content-Type-Options', 'nosniff');
        ctx.set('Cache-Control', 'no-store');
        ctx.type = 'text/html; charset=utf-8';
        ctx.body = body; // not passed on: no dev-server injection into this page
        return;
      }
      case 'huge':
        ctx.type = 'application/json';
        ctx.body = hugeManifest(Number(url.searchParams.get('bytes') ?? 10 * 1024 * 1024));
        return;
      case 'many':
        ctx.type = 'application/json';
        ctx.body = manyPolicies(Number(url.searchParams.get('n') ?? 500));
        return;
      case 'html':
        // An HTML error page where JSON was expected (a captive portal or a proxy's 200).
        ctx.type = 'text/html';
        ctx.body = '<!doctype html><html><head><title>Sign in to Wi-Fi</title></head><body><h1>Welcome</h1></body></html>';
        return;
      case 'empty':
        ctx.type = 'application/json';
        ctx.body = '';
        return;
      case 'cut':
      case 'stall': {
        // The connection breaks (cut) or hangs (stall) halfway through the body, after a 200 and its headers.
        const body = await readRootFile(file);
        if (!body) {
          ctx.status = 404;
          return;
        }
        ctx.respond = false;
        const res = ctx.res;
        res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'Content-Length': String(body.length), 'Cache-Control': 'no-store' });
        res.write(body.subarray(0, Math.floor(body.length / 2)));
        if (route === 'cut') setTimeout(() => res.destroy(), 20);
        else setTimeout(() => res.destroy(), 60_000).unref();
        return;
      }
      case 'switch': {
        // /__tc/h/switch/<key>/set?mode=ok|<status>|down|invalid|json|slow : choose; anything else: answer.
        const [key, ...path] = rest;
        if (path[0] === 'set') {
          modes.set(key, url.searchParams.get('mode') ?? 'ok');
          return send(ctx, 200, 'text/plain', 'ok');
        }
        const target = '/' + path.join('/');
        const mode = modes.get(key) ?? 'ok';
        if (mode === 'down') {
          ctx.respond = false;
          ctx.req.socket.destroy();
          return;
        }
        if (mode === 'slow') await new Promise((r) => setTimeout(r, 3000));
        if (/^\d+$/.test(mode)) return send(ctx, Number(mode), 'text/plain', `status ${mode}`);
        if (mode === 'json') return send(ctx, 200, 'application/json', '{"version": 1, "organization": ');
        const body = await readRootFile(target);
        if (!body) return send(ctx, 404, 'text/plain', 'not found');
        const type = types[extname(target)] ?? 'text/plain';
        if (mode === 'invalid' && target.endsWith('.json')) {
          const data = JSON.parse(body.toString());
          data.policies[0].updated = 'June 5';
          return send(ctx, 200, type, JSON.stringify(data));
        }
        return send(ctx, 200, type, body);
      }
      default:
        return next();
    }
  };
}

/**
 * A second origin (127.0.0.1 on its own port) serving the project's files: /plain/<file> without CORS
 * headers (a browser must refuse it to the test page), /cors/<file> with `Access-Control-Allow-Origin: *`.
 * It never keeps the process alive.
 */
export async function startCrossOriginServer() {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const [, kind, ...rest] = url.pathname.split('/');
    const file = '/' + rest.join('/');
    const body = (kind === 'plain' || kind === 'cors') && (await readRootFile(file));
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    const headers = { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' };
    if (kind === 'cors') headers['Access-Control-Allow-Origin'] = '*';
    res.writeHead(200, headers).end(body);
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  server.unref();
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}
