// `trust-center receive`: the report receiver as a service, configured from the manifest (see README
// "Receiver"). It validates the manifest like `validate`, opens the database, and stops gracefully on
// SIGTERM or SIGINT.
import { resolve } from 'node:path';
import { printProblems, UsageError } from './commands.mjs';
import { resolveManifestPath, validateManifest } from './validate.mjs';

const EXIT_OK = 0;
const EXIT_PROBLEMS = 1;
const EXIT_USAGE = 2;

/** The database: --db, else TRUST_CENTER_DB, else a file beside the working directory. */
export function databaseOption(values, env = process.env) {
  const db = values.db ?? env.TRUST_CENTER_DB ?? 'trust-center-reports.sqlite';
  return /^postgres(ql)?:\/\//i.test(db) ? db : resolve(db);
}

/** Where a database is shown: a PostgreSQL URL without its password. */
export function describeDatabase(db) {
  if (!/^postgres(ql)?:\/\//i.test(db)) return `SQLite ${db}`;
  const url = new URL(db);
  if (url.password) url.password = '***';
  return `PostgreSQL ${url.href}`;
}

/**
 * What to do when the database's library is missing or does not load, in one line: better-sqlite3 is a native
 * module (optional peer of trust-center, a dependency of @trust-center/cli) whose install can fail on its own.
 */
export function databaseLibraryProblem(wrapped, db) {
  // The receiver says "cannot open the database: …" with the library's own error as the cause.
  const error = wrapped?.cause ?? wrapped;
  const library = /^postgres(ql)?:\/\//i.test(db) ? 'pg' : 'better-sqlite3';
  const missing = error?.code === 'ERR_MODULE_NOT_FOUND' && /Cannot find (?:package|module) '([^']+)'/.exec(error.message)?.[1];
  if (missing === 'better-sqlite3') {
    return 'a SQLite database needs the package better-sqlite3, which is not installed: npm i better-sqlite3 (or npm i -D @trust-center/cli, which brings it), or use --db postgres://… with pg';
  }
  if (missing === 'pg') return 'a PostgreSQL database needs the package pg, which is not installed: npm i pg (or npm i -D @trust-center/cli, which brings it)';
  // Installed for another Node.js version or platform, or its build failed: the binary is there but does not load.
  if (library === 'better-sqlite3' && /better_sqlite3\.node|bindings file|NODE_MODULE_VERSION/.test(error?.message ?? '')) {
    return `better-sqlite3 is installed but its native module does not load (${error.message.split('\n')[0]}): npm rebuild better-sqlite3`;
  }
  return undefined;
}

function wholeNumber(value, name, min, max) {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < min || number > max) throw new UsageError(`--${name}: expected a whole number from ${min} to ${max}, got "${value}"`);
  return number;
}

export async function runReceive(args, dist, io, { env = process.env, signals = process } = {}) {
  const values = args.values;
  if (!values.manifest) throw new UsageError('--manifest is required (the manifest the form reads, e.g. policies/manifest.json)');
  const port = wholeNumber(values.port ?? env.PORT, 'port', 0, 65535) ?? 8787;
  const trustProxy = wholeNumber(values['trust-proxy'], 'trust-proxy', 0, 10) ?? 0;
  const rateLimit = wholeNumber(values['rate-limit'], 'rate-limit', 1, 1_000_000);
  for (const origin of values['allow-origin'] ?? []) {
    if (origin !== new URL(origin, 'http://invalid.invalid').origin || !/^https?:\/\//.test(origin)) {
      throw new UsageError(`--allow-origin: expected an origin like https://artisser.example, got "${origin}"`);
    }
  }
  const manifestPath = await resolveManifestPath(values.manifest);
  const result = await validateManifest({ manifestPath, dist: dist.manifest, securityTxt: false });
  if (result.fatal) {
    io.err(`trust-center receive: ${result.fatal}`);
    return EXIT_USAGE;
  }
  if (result.problems.some((p) => p.severity === 'error') || !result.manifest) {
    printProblems(result.problems, result.fileOrder, io, false);
    io.err('trust-center receive: not started; fix the manifest first');
    return EXIT_PROBLEMS;
  }
  const manifest = result.manifest;
  if (!manifest.disclosure && !manifest.documentAccess) {
    io.err('trust-center receive: the manifest has neither "disclosure" nor "documentAccess": nothing would be sent here');
    return EXIT_PROBLEMS;
  }
  const { receiverSettingsFromManifest, startReceiver } = await import('../server/server.mjs');
  const { settings, warnings } = receiverSettingsFromManifest(manifest);
  for (const warning of warnings) io.err(`trust-center receive: warning: ${warning}`);
  const db = databaseOption(values, env);
  let running;
  try {
    running = await startReceiver({
      ...settings,
      allowedOrigins: [...settings.allowedOrigins, ...(values['allow-origin'] ?? [])],
      port,
      host: values.host ?? env.HOST ?? '127.0.0.1',
      db,
      trustProxy: trustProxy || false,
      ...(rateLimit ? { rateLimit: { max: rateLimit } } : {}),
      manifest,
      env,
    });
  } catch (error) {
    io.err(`trust-center receive: ${databaseLibraryProblem(error, db) ?? error.message.split('\n')[0]}`);
    return EXIT_USAGE;
  }
  const { url, notify } = running;
  // The handlers before the first line: whoever reads "listening" may stop it at once, and a signal with no
  // handler yet would kill it mid-request.
  const exited = new Promise((resolveExit) => {
    const onSignal = async (signal) => {
      for (const name of ['SIGTERM', 'SIGINT']) signals.off(name, onSignal);
      io.out(`trust-center receive: ${signal}: finishing requests under way, then stopping`);
      await running.stop();
      io.out('trust-center receive: stopped');
      resolveExit(EXIT_OK);
    };
    for (const name of ['SIGTERM', 'SIGINT']) signals.on(name, onSignal);
  });
  io.out(`trust-center receive: listening on ${url}${settings.basePath}/reports and ${settings.basePath}/document-requests`);
  io.out(`  database: ${describeDatabase(db)}`);
  io.out(`  acknowledge within ${settings.acknowledgeBusinessDays} business days (${running.timeZone})${settings.requireEncryption ? '; encrypted reports only' : ''}`);
  io.out(`  notifications: ${[notify.email && `e-mail to ${notify.email.reportsTo}`, notify.webhook && `webhook ${new URL(notify.webhook.url).host}`].filter(Boolean).join(', ') || 'none (set TRUST_CENTER_SMTP_HOST or TRUST_CENTER_WEBHOOK_URL)'}`);
  io.out(`  inbox: ${env.TRUST_CENTER_INBOX_TOKEN ? `${url}${settings.basePath}/inbox/` : 'off (set TRUST_CENTER_INBOX_TOKEN)'}; health: ${url}${settings.basePath}/health`);

  return exited;
}
