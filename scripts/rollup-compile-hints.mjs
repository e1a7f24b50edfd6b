// V8 (Chrome 136 and later) compiles every function of a file that starts with this comment while it streams
// the file in, on a background thread, instead of on the main thread at each function's first call. Our
// bundles and chunks run nearly all their code as they load (define, first render), so that is where a
// page spends its time; OpenPGP.js, of which a report uses a small part, does not get it. Other engines
// read a comment.
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

export function compileHints() {
  return {
    name: 'compile-hints',
    // Once the code is final (a minifier would drop the comment): one line added on top, so the source
    // map only needs one more empty line, in the chunk's map and in the .map file Rollup writes from it.
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        file.code = `${COMPILE_HINT}\n${file.code}`;
        if (file.map) file.map.mappings = `;${file.map.mappings}`;
        const mapFile = bundle[`${file.fileName}.map`];
        if (mapFile?.type === 'asset') {
          const map = JSON.parse(String(mapFile.source));
          map.mappings = `;${map.mappings}`;
          mapFile.source = JSON.stringify(map);
        }
      }
    },
  };
}
