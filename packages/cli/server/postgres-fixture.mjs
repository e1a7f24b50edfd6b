// Tests only: a throwaway PostgreSQL server (initdb on a temporary folder, a free port, trust auth on
// 127.0.0.1), started when the binaries are on this machine. As root it runs as the "postgres" user,
// since PostgreSQL refuses to run as root. TC_REQUIRE_POSTGRES=1 (CI) turns "not installed" into a failure.
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The folder with initdb and postgres: $PG_BIN, Debian's newest /usr/lib/postgresql/N/bin, or PATH. */
export function postgresBinaries(env = process.env) {
  const candidates = [];
  if (env.PG_BIN) candidates.push(env.PG_BIN);
  if (existsSync('/usr/lib/postgresql')) {
    const versions = readdirSync('/usr/lib/postgresql').filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => `/usr/lib/postgresql/${v}/bin`));
  }
  for (const dir of candidates) if (existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres'))) return dir;
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  const found = which.status === 0 ? which.stdout.trim() : '';
  return found ? found.replace(/\/initdb$/, '') : undefined;
}

/** Why the PostgreSQL tests cannot run here, or undefined when they can. */
export function postgresUnavailable() {
  if (process.env.TC_POSTGRES_URL) return undefined;
  if (!postgresBinaries()) return 'PostgreSQL is not installed (apt-get install -y postgresql, or set PG_BIN or TC_POSTGRES_URL)';
  if (process.getuid?.() === 0 && spawnSync('id', ['-u', 'postgres']).status !== 0) return 'running as root without a "postgres" user to run the server as';
  return undefined;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A function making a fresh database per test on the server at `url`; resolves its URL. */
async function databaseMaker(url) {
  const { default: pg } = await import('pg');
  let count = 0;
  return async (prefix = 'tc') => {
    const name = `${prefix}_${process.pid}_${Date.now()}_${count++}`;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`CREATE DATABASE ${name}`);
    await client.end();
    return url.replace(/\/[^/]*$/, `/${name}`);
  };
}

/** Starts a server; resolves { url, database(), stop }. With TC_POSTGRES_URL set, uses that server instead. */
export async function startPostgres() {
  if (process.env.TC_POSTGRES_URL) return { url: process.env.TC_POSTGRES_URL, database: await databaseMaker(process.env.TC_POSTGRES_URL), stop: async () => {} };
  const bin = postgresBinaries();
  const dir = mkdtempSync(join(tmpdir(), 'tc-postgres-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const run = (cmd, args) => (asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args]);
  if (asRoot) {
    const id = (flag) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
    chownSync(dir, id('-u'), id('-g'));
  }
  const [initCmd, initArgs] = run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  const init = spawnSync(initCmd, initArgs, { encoding: 'utf8' });
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
  }
  const port = await freePort();
  const [cmd, args] = run(join(bin, 'postgres'), ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=60']);
  const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let log = '';
  child.stderr.on('data', (chunk) => (log += chunk));
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const { default: pg } = await import('pg');
  for (let attempt = 0; ; attempt++) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      break;
    } catch (error) {
      await client.end().catch(() => {});
      if (child.exitCode !== null || attempt > 100) {
        process.kill(-child.pid, 'SIGKILL');
        rmSync(dir, { recursive: true, force: true });
        throw new Error(`PostgreSQL did not start: ${error.message}\n${log}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    url,
    database: await databaseMaker(url),
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      // SIGINT: PostgreSQL's fast shutdown (to the whole group, runuser included).
      process.kill(-child.pid, 'SIGINT');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
