// Argument handling and dispatch. Only Node built-ins and local modules are imported up front, so
// "run npm run build first" can be said before anything from node_modules or dist/ is loaded.

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ELEMENT_DIST } from './element-package.mjs';
import { BUILD_HELP, COMPILE_HELP, MAIN_HELP, RECEIVE_HELP, REPORTS_HELP, VALIDATE_HELP } from './help.mjs';

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

const DIST_NODE = ELEMENT_DIST && new URL('node/', ELEMENT_DIST);

class UsageError extends Error {}

const COMMANDS = {
  validate: {
    help: VALIDATE_HELP,
    options: {
      strict: { type: 'boolean' },
      'security-txt': { type: 'string' },
      'no-security-txt': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    maxPositionals: 1,
  },
  build: {
    help: BUILD_HELP,
    options: {
      out: { type: 'string', short: 'o' },
      site: { type: 'string' },
      page: { type: 'string' },
      'assets-dir': { type: 'string' },
      expires: { type: 'string' },
      'expires-days': { type: 'string' },
      languages: { type: 'string' },
      strict: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    maxPositionals: 1,
  },
  compile: {
    help: COMPILE_HELP,
    options: {
      out: { type: 'string', short: 'o' },
      strict: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    maxPositionals: 1,
  },
  receive: {
    help: RECEIVE_HELP,
    options: {
      manifest: { type: 'string', short: 'm' },
      port: { type: 'string', short: 'p' },
      host: { type: 'string' },
      db: { type: 'string' },
      'trust-proxy': { type: 'string' },
      'rate-limit': { type: 'string' },
      'allow-origin': { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
    maxPositionals: 0,
  },
  reports: {
    help: REPORTS_HELP,
    options: {
      db: { type: 'string' },
      status: { type: 'string' },
      note: { type: 'string' },
      email: { type: 'boolean' },
      actor: { type: 'string' },
      out: { type: 'string', short: 'o' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    maxPositionals: 3,
  },
};

function version() {
  try {
    return JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

/** The Node modules of the build (same schema and markdown pipeline as the elements), or undefined. */
async function loadDist(modules) {
  for (const name of modules) {
    if (!existsSync(fileURLToPath(new URL(`${name}.js`, DIST_NODE)))) return undefined;
  }
  const loaded = {};
  for (const name of modules) loaded[name] = await import(pathToFileURL(fileURLToPath(new URL(`${name}.js`, DIST_NODE))).href);
  return loaded;
}

/**
 * Runs the command line `argv` (without node and the script). Returns the exit code.
 * io: { stdout, stderr } with write(); defaults to the process's.
 */
export async function main(argv, io = { stdout: process.stdout, stderr: process.stderr }) {
  const out = (text) => io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  const err = (text) => io.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
  const [commandName, ...rest] = argv;

  if (commandName === undefined || commandName === '-h' || commandName === '--help') {
    out(MAIN_HELP);
    return commandName === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (commandName === '-v' || commandName === '--version') {
    out(version());
    return EXIT_OK;
  }
  if (commandName === 'help') {
    const topic = rest[0];
    if (topic === undefined) out(MAIN_HELP);
    else if (COMMANDS[topic]) out(COMMANDS[topic].help);
    else {
      err(`trust-center: no command "${topic}" (commands: ${Object.keys(COMMANDS).join(', ')})`);
      return EXIT_USAGE;
    }
    return EXIT_OK;
  }
  const command = COMMANDS[commandName];
  if (!command) {
    err(`trust-center: unknown command "${commandName}"; run "trust-center --help" for usage`);
    return EXIT_USAGE;
  }

  let args;
  try {
    args = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    if (args.positionals.length > command.maxPositionals) {
      throw new UsageError(`unexpected argument "${args.positionals[command.maxPositionals]}"`);
    }
  } catch (error) {
    err(`trust-center ${commandName}: ${error.message.split('\n')[0]}`);
    err(`Run "trust-center ${commandName} --help" for usage.`);
    return EXIT_USAGE;
  }
  if (args.values.help) {
    out(command.help);
    return EXIT_OK;
  }

  // `reports` works on the database alone; the others check manifests with the build's schema.
  const withRenderer = ['manifest', 'markdown', 'compiled'];
  const modules = { build: withRenderer, compile: withRenderer, reports: [] }[commandName] ?? ['manifest'];
  if (modules.length > 0 && !DIST_NODE) {
    err('trust-center: the trust-center package is not installed (the command runs its schema and renderer): npm i trust-center');
    return EXIT_USAGE;
  }
  const dist = await loadDist(modules);
  if (!dist) {
    // Only a clone of the repository lacks it: the npm package ships dist/node.
    err('trust-center: dist/node is missing: in a clone of the trust-center repository run npm run build first; an installed package ships it (reinstall trust-center)');
    return EXIT_USAGE;
  }

  try {
    if (commandName === 'validate') {
      const { runValidate } = await import('./commands.mjs');
      return await runValidate(args, dist, { out, err });
    }
    if (commandName === 'receive') {
      const { runReceive } = await import('./receive.mjs');
      return await runReceive(args, dist, { out, err });
    }
    if (commandName === 'reports') {
      const { runReports } = await import('./reports.mjs');
      return await runReports(args, { out, err });
    }
    const { runBuild } = await import('./commands.mjs');
    return await runBuild(args, dist, { out, err }, commandName);
  } catch (error) {
    if (error instanceof UsageError || error?.name === 'UsageError') {
      err(`trust-center ${commandName}: ${error.message}`);
      err(`Run "trust-center ${commandName} --help" for usage.`);
      return EXIT_USAGE;
    }
    // The file system said no (a read-only --out, a file where a folder goes): one line, not a stack trace.
    if (typeof error?.code === 'string' && typeof error.syscall === 'string') {
      err(`trust-center ${commandName}: cannot ${error.syscall}${error.path ? ` ${error.path}` : ''}: ${error.code}`);
      return EXIT_PROBLEMS;
    }
    throw error;
  }
}
