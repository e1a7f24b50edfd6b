// The README's snippets for plain HTML, React 19 (strict TSX) and Vue 3 kept as fixtures, type-checked with
// `tsc --strict` and `vue-tsc` against the shipped declarations (dist/types/, resolved through `exports`).
// Each fixture also holds `@ts-expect-error` lines (a wrong theme, a wrong detail field): they fail the check
// if a tag, attribute or event detail were typed as `any`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../cli/helpers.mjs';

const FIXTURES = join(ROOT, 'test/package/fixtures/types');

function check(tool, project) {
  const result = spawnSync(join(ROOT, 'node_modules/.bin', tool), ['-p', join(FIXTURES, project)], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(result.status, 0, `${tool} -p ${project}:\n${result.stdout}${result.stderr}`);
}

test('plain TypeScript and React 19 TSX type-check under strict with the shipped declarations', () => {
  check('tsc', 'tsconfig.json');
});

test('a Vue 3 single-file component type-checks with vue-tsc', () => {
  check('vue-tsc', 'tsconfig.vue.json');
});
