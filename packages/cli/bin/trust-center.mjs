#!/usr/bin/env node
// trust-center: validate a trust center's manifest and build its static site. See --help.
import { main } from '../lib/main.mjs';

/** The Node-only libraries @trust-center/cli depends on. */
const CLI_PACKAGES = ['@lit-labs/ssr', 'lit', 'marked', 'openpgp', 'better-sqlite3', 'pg', 'nodemailer'];

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // A library missing (an install that left out a dependency, or a clone without npm ci): one line, no stack.
  const missing = error?.code === 'ERR_MODULE_NOT_FOUND' && /Cannot find package '([^']+)'/.exec(error.message)?.[1];
  if (!missing || !CLI_PACKAGES.includes(missing)) throw error;
  console.error(`trust-center: this command needs the package ${missing}, which comes with the command line: npm i -D @trust-center/cli`);
  process.exitCode = 2;
}
