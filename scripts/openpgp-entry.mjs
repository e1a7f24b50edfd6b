// Entry of dist/openpgp/openpgp.js: OpenPGP.js's lightweight build as a standalone ES module with a fixed
// name, for the classic-script bundle (trust-center.iife.js), which cannot split chunks and so imports it
// at run time on the first encrypted send (src/disclosure/openpgp-loader.iife.ts). The ES bundle does
// not need it: rollup splits its `import('openpgp/lightweight')` into a chunk of its own.
export * from 'openpgp/lightweight';
