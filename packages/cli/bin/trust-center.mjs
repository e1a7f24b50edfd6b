#!/usr/bin/env node
// The `trust-center` command of @trust-center/cli. Its code ships in the trust-center package (cli/, server/,
// dist/node/, which the site installs for the element anyway, an optional peer here); this package brings the
// Node-only libraries it needs (server rendering, OpenPGP.js, SQLite, PostgreSQL, SMTP).
try {
  await import('trust-center/cli');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !/'trust-center'/.test(error.message)) throw error;
  console.error('trust-center: the trust-center package is not installed: npm i trust-center');
  process.exitCode = 2;
}
