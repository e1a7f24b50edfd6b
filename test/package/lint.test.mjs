// publint and arethetypeswrong on the packed package (`npm run lint:package`): every export resolves, with types, in
// node10, node16 and bundler resolution. attw skips two rules on purpose: the package is ESM only (a CommonJS
// require gets a dynamic import), and cli/receiver are Node programs in plain JavaScript without declarations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { ROOT } from '../cli/helpers.mjs';

test('publint and arethetypeswrong find nothing wrong with the package', () => {
  const result = spawnSync('npm', ['run', '--silent', 'lint:package'], { cwd: ROOT, encoding: 'utf8', timeout: 240_000 });
  assert.equal(result.status, 0, `${result.stdout}${result.stderr}`);
  assert.match(result.stdout, /No problems found/);
});
