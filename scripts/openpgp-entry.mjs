// Entry of dist/openpgp/openpgp.js: OpenPGP.js's lightweight build as a standalone ES module with a fixed
// name, which dist/lib (`trust-center/elements`) imports by relative path so app bundlers need no `browser`
// condition to resolve it. The bundles in dist/ do not use it: rollup splits their `import('openpgp/lightweight')`
// into a chunk of their own.
export * from 'openpgp/lightweight';
