// A lazy chunk's own imports are found only once the chunk has arrived and been parsed: each level of the chunk
// graph is one more round trip before the code runs (trust-center-policy.js → compiled → predicates). This
// plugin rewrites each `import('./chunk.js')` to import the chunks it needs alongside it, as Vite's preload
// helper does, so a lazy step costs one round trip however deep its chunks go.
import { dirname, relative } from 'node:path';
import MagicString from 'magic-string';

/** Every chunk `fileName` imports statically, directly or not. */
function staticClosure(fileName, chunks, seen = new Set()) {
  for (const dep of chunks[fileName]?.imports ?? []) {
    if (seen.has(dep)) continue;
    seen.add(dep);
    staticClosure(dep, chunks, seen);
  }
  return seen;
}

/** `to` as a specifier in `from`'s code, as rollup writes it. */
function specifier(from, to) {
  const path = relative(dirname(from), to);
  return path.startsWith('.') ? path : `./${path}`;
}

export function parallelImports() {
  return {
    name: 'parallel-imports',
    renderChunk(code, chunk, _options, meta) {
      if (chunk.dynamicImports.length === 0) return null;
      const loaded = staticClosure(chunk.fileName, meta.chunks);
      const s = new MagicString(code);
      for (const target of chunk.dynamicImports) {
        // What is already on the page with this chunk needs no request.
        const extra = [...staticClosure(target, meta.chunks)].filter((dep) => dep !== chunk.fileName && !loaded.has(dep));
        if (extra.length === 0) continue;
        for (const quote of ["'", '"']) {
          const call = `import(${quote}${specifier(chunk.fileName, target)}${quote})`;
          const deps = extra.map((dep) => `import(${quote}${specifier(chunk.fileName, dep)}${quote})`).join(',');
          for (let at = code.indexOf(call); at !== -1; at = code.indexOf(call, at + call.length)) {
            s.overwrite(at, at + call.length, `Promise.all([${call},${deps}]).then((m)=>m[0])`);
          }
        }
      }
      return s.hasChanged() ? { code: s.toString(), map: s.generateMap({ hires: true }) } : null;
    },
  };
}
