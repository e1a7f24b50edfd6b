// Test-only routes for the dev server: slow, failing and counted responses.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

const root = resolve(new URL('../..', import.meta.url).pathname);
const hits = new Map();
const referers = new Map();
/** Files a test wrote with PUT /__tc/mem/<key>/<file> (generated compiled manifests and their trees). */
const memory = new Map();

/** Koa middleware used by web-test-runner.config.mjs. */
export async function testRoutes(ctx, next) {
  // A manifest's sources may not leave its folder, so a fixture reaches these routes as <its folder>/__tc/….
  const mounted = ctx.url.indexOf('/__tc/');
  if (mounted > 0) ctx.url = ctx.url.slice(mounted);
  const url = new URL(ctx.url, 'http://localhost');
  // A page with the cookie tc-slow-module=<path> gets that module a second late (a language chunk on a slow network).
  const slow = /(?:^|;\s*)tc-slow-module=([^;]+)/.exec(ctx.get('cookie'))?.[1];
  if (slow && url.pathname === decodeURIComponent(slow)) await new Promise((done) => setTimeout(done, 1000));
  if (!url.pathname.startsWith('/__tc/')) return next();
  const [, , route, arg, ...rest] = url.pathname.split('/');
  const filePath = '/' + rest.join('/');
  if (route === 'hits') {
    // /__tc/hits/<key>[/<file>]: how many times /__tc/count/<key>/... (that file) was requested
    ctx.body = JSON.stringify({ count: hits.get(rest.length ? `${arg}${filePath}` : arg) ?? 0 });
    ctx.type = 'application/json';
    return;
  }
  if (route === 'referers') {
    // /__tc/referers/<key>: the Referer of each request to /__tc/seen/<key>/... ('' for none), in order
    ctx.body = JSON.stringify(referers.get(arg) ?? []);
    ctx.type = 'application/json';
    return;
  }
  if (route === 'mem') {
    // /__tc/mem/<key>/<file>: PUT stores the body, GET serves it back as JSON
    const key = `${arg}${filePath}`;
    if (ctx.method === 'PUT') {
      const chunks = [];
      for await (const chunk of ctx.req) chunks.push(chunk);
      memory.set(key, Buffer.concat(chunks).toString('utf8'));
      ctx.status = 204;
      return;
    }
    if (!memory.has(key)) {
      ctx.status = 404;
      return;
    }
    ctx.body = memory.get(key);
    ctx.type = 'application/json';
    return;
  }
  if (route === 'seen') {
    referers.set(arg, [...(referers.get(arg) ?? []), ctx.get('Referer')]);
    return serveFile(ctx, filePath);
  }
  if (route === 'count') {
    hits.set(arg, (hits.get(arg) ?? 0) + 1);
    hits.set(`${arg}${filePath}`, (hits.get(`${arg}${filePath}`) ?? 0) + 1);
    return serveFile(ctx, filePath);
  }
  if (route === 'flaky') {
    // /__tc/flaky/<key>/<file>: 503 the first time, the file afterwards (Retry tests)
    const seen = hits.get(`flaky:${arg}`) ?? 0;
    hits.set(`flaky:${arg}`, seen + 1);
    if (seen === 0) {
      ctx.status = 503;
      ctx.body = 'try again';
      return;
    }
    return serveFile(ctx, filePath);
  }
  if (route === 'status') {
    ctx.status = Number(arg);
    ctx.body = `status ${arg}`;
    return;
  }
  if (route === 'delay') {
    await new Promise((r) => setTimeout(r, Number(arg)));
    return serveFile(ctx, filePath);
  }
  return next();
}

async function serveFile(ctx, filePath) {
  const full = resolve(root, '.' + filePath);
  if (!full.startsWith(root)) {
    ctx.status = 403;
    return;
  }
  try {
    ctx.body = await readFile(full, 'utf8');
    ctx.type = filePath.endsWith('.json') ? 'application/json' : filePath.endsWith('.svg') ? 'image/svg+xml' : 'text/plain';
  } catch {
    ctx.status = 404;
  }
}
