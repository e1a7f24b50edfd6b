// node --test server/: the demo's static server (scripts/serve.mjs) and `npm start`'s setup (scripts/start.mjs).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { report, send } from './fixtures.mjs';
import { serve } from '../../../scripts/serve.mjs';
import { serveDemo } from '../../../scripts/start.mjs';

const SECRET = 'DEPLOY_TOKEN=do-not-publish';

/** Writes `files` (path → text) under `dir`. */
async function writeTree(dir, files) {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}

const get = (base, path, headers = {}) => send(base, path, { method: 'GET', headers });

describe('scripts/serve.mjs', () => {
  let parent;
  let server;
  let url;
  before(async () => {
    parent = await mkdtemp(join(tmpdir(), 'tc-serve-test-'));
    await writeTree(parent, {
      'root/demo/index.html': '<h1>demo</h1>',
      'root/page.html': '<p>page</p>',
      'root/notes.pem': SECRET,
      'root/.env': SECRET,
      'root/.git/config': SECRET,
      'root/.receiver-data/reports/VR-20261127-ABCDEFGH.json': SECRET,
      'root/demo/.hidden.html': SECRET,
      // Siblings whose names start with the served folder's name.
      'root-sibling/secret.txt': SECRET,
      'site/policies/manifest.json': '{"ok":true}',
      'site-private/secret.txt': SECRET,
      'outside/secret.txt': SECRET,
    });
    await symlink(join(parent, 'root/demo/index.html'), join(parent, 'root/inside-link.html'));
    await symlink(join(parent, 'outside/secret.txt'), join(parent, 'root/leak.txt'));
    await symlink(join(parent, 'outside'), join(parent, 'root/linked'));
    await symlink(join(parent, 'outside/secret.txt'), join(parent, 'site/policies/leak.txt'));
    ({ server, url } = await serve({
      root: join(parent, 'root'),
      port: 0,
      mounts: { '/policies/': join(parent, 'site/policies') },
      routes: { '/api/': (req, res) => res.writeHead(200).end('api') },
    }));
  });
  after(async () => {
    server.close();
    await rm(parent, { recursive: true, force: true });
  });

  /** Asserts that `path` answers `status` and that nothing secret comes back. */
  async function refused(path, status, headers) {
    const response = await get(url, path, headers);
    assert.equal(response.status, status, path);
    assert.ok(!response.text.includes(SECRET), `${path} leaked the secret`);
  }

  test('serves files, folders by index.html, a symlink that stays inside, and mounts', async () => {
    assert.equal((await get(url, '/page.html')).text, '<p>page</p>');
    assert.equal((await get(url, '/demo/')).text, '<h1>demo</h1>');
    assert.equal((await get(url, '/inside-link.html')).text, '<h1>demo</h1>');
    assert.equal((await get(url, '/policies/manifest.json')).text, '{"ok":true}');
    assert.equal((await get(url, '/api/reports')).text, 'api');
    assert.equal((await get(url, '/page.html', { Host: `localhost:${server.address().port}` })).status, 200);
    assert.equal((await get(url, '/page.html', { Host: `[::1]:${server.address().port}` })).status, 200);
  });

  test('a sibling folder through an encoded separator is refused with 400', async () => {
    await refused('/..%2froot-sibling/secret.txt', 400);
    await refused('/..%2Froot-sibling%2Fsecret.txt', 400);
    await refused('/policies/..%2f..%2fsite-private/secret.txt', 400);
    await refused('/..%5croot-sibling%5csecret.txt', 400);
    // Dots the URL parser resolves stay inside: the sibling is not under the root.
    await refused('/%2e%2e/root-sibling/secret.txt', 404);
  });

  test('dotfiles and dot-folders are never served: .env, .git, stored reports', async () => {
    await refused('/.env', 404);
    await refused('/.git/config', 404);
    await refused('/.receiver-data/reports/VR-20261127-ABCDEFGH.json', 404);
    await refused('/demo/.hidden.html', 404);
  });

  test('symlinks out of the served folders are refused', async () => {
    await refused('/leak.txt', 403);
    await refused('/linked/secret.txt', 403);
    await refused('/policies/leak.txt', 403);
  });

  test('only known file types are served', async () => {
    await refused('/notes.pem', 404);
  });

  test('a foreign Host (DNS rebinding) is refused, for files and routes alike', async () => {
    const port = server.address().port;
    await refused('/page.html', 403, { Host: `attacker.example:${port}` });
    await refused('/api/reports', 403, { Host: `attacker.example:${port}` });
    await refused('/page.html', 403, { Host: `127.0.0.1:${port + 1}` });
    await refused('/page.html', 403, { Host: 'localhost.attacker.example' });
  });

  test('malformed percent-encoding is a 400, not a server error', async () => {
    await refused('/%E0%A4%A', 400);
    await refused('/page%00.html', 400);
  });
});

describe('npm start (scripts/start.mjs)', () => {
  test('the receiver stores reports outside the served folders: a stored report cannot be fetched', async () => {
    const root = await mkdtemp(join(tmpdir(), 'tc-start-test-'));
    const { server, url, dataDir } = await serveDemo({ root, site: join(root, 'site'), port: 0 });
    try {
      const created = await send(url, '/api/reports', { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(report()) });
      assert.equal(created.status, 201);
      const fetched = await get(url, `/.receiver-data/reports/${created.json.reference}.json`);
      assert.equal(fetched.status, 404);
      assert.ok(!fetched.text.includes(created.json.reference));
      assert.ok(relative(root, dataDir).startsWith('..'), `reports are kept in ${dataDir}, inside the served ${root}`);
    } finally {
      server.close();
      await rm(root, { recursive: true, force: true });
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
