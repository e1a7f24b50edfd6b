// Entry of dist/openpgp/openpgp.js: OpenPGP.js's lightweight build as a standalone ES module with a fixed
// name, the one copy in the package: the bundles in dist/ and dist/lib (`trust-center/elements`) import it by
// relative path (see sharedOpenPgp in rollup.config.mjs), so app bundlers need no `browser` condition either.
export * from 'openpgp/lightweight';
