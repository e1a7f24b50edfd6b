// Each lazy step of the browser bundles costs one round trip (scripts/rollup-parallel-imports.mjs): a lazy
// import requests, in the same step, every chunk the imported chunk needs that the page does not have yet, so
// no chunk is discovered only after another has arrived (trust-center-policy.js → compiled → predicates).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

const ENTRIES = ['dist/trust-center.js', 'dist/trust-center-policy.js', 'dist/trust-center-disclosure.js'];

const code = (file) => readFileSync(file, 'utf8');
const resolveFrom = (file, spec) => normalize(join(dirname(file), spec));

/** The chunks a file imports statically (`from"./x.js"`, `import"./x.js"`). */
function staticImports(file) {
  return [...code(file).matchAll(/(?:from|import)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)].map((m) => resolveFrom(file, m[1]));
}

function closure(file, seen = new Set()) {
  for (const dep of staticImports(file)) {
    if (seen.has(dep)) continue;
    seen.add(dep);
    closure(dep, seen);
  }
  return seen;
}

/** Each lazy step in a file: the chunks one `import()` (or one Promise.all of them) requests together. */
function lazySteps(file) {
  const text = code(file);
  const steps = [];
  for (const m of text.matchAll(/Promise\.all\(\[((?:import\(["'][^"']+["']\),?)+)\]\)/g)) {
    steps.push([...m[1].matchAll(/import\(["']([^"']+)["']\)/g)].map((i) => resolveFrom(file, i[1])));
  }
  const grouped = new Set(steps.flat());
  for (const m of text.matchAll(/import\(["'](\.{1,2}\/[^"']+\.js)["']\)/g)) {
    const target = resolveFrom(file, m[1]);
    if (!grouped.has(target)) steps.push([target]);
  }
  return steps;
}

test('no lazy step of the browser bundles waits for a chunk it finds only after another has arrived', () => {
  let checked = 0;
  for (const entry of ENTRIES) {
    const onPage = new Set([entry, ...closure(entry)]);
    const files = [entry, ...onPage];
    const seenFiles = new Set();
    while (files.length) {
      const file = files.pop();
      if (seenFiles.has(file)) continue;
      seenFiles.add(file);
      const have = new Set([file, ...closure(file), ...onPage]);
      for (const step of lazySteps(file)) {
        const requested = new Set(step);
        const needed = step.flatMap((chunk) => [...closure(chunk)]).filter((dep) => !have.has(dep) && !requested.has(dep));
        assert.deepEqual(needed, [], `${file}: import(${step[0]}) finds ${needed.join(', ')} only after it has arrived`);
        checked++;
        files.push(...step);
      }
    }
  }
  assert.ok(checked >= 10, `lazy imports checked: ${checked}`);
});
