// Where the receiver keeps submissions, their triage history and the notification outbox: SQLite by
// default (one file, WAL), or PostgreSQL for a company that runs one. Both go through one small SQL
// adapter, so the store below is written once.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Statuses a report moves through; `new` until someone acknowledges it. */
export const REPORT_STATUSES = ['new', 'acknowledged', 'triaged', 'resolved', 'duplicate', 'spam'];
export const REQUEST_STATUSES = ['new', 'approved', 'declined'];
export const KINDS = { reports: 'report', 'document-requests': 'document-request' };

/** Thrown when an Idempotency-Key already names a different submission. */
export class IdempotencyConflict extends Error {
  name = 'IdempotencyConflict';
}

/** Thrown for a reference no submission has, or an action that does not apply to it. */
export class StoreError extends Error {
  name = 'StoreError';
}

// Each migration is a list of statements; `{{id}}` is the dialect's auto-increment key.
const MIGRATIONS = [
  [
    `CREATE TABLE submissions (
      reference TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('report', 'document-request')),
      received_at TEXT NOT NULL,
      client_reference TEXT NOT NULL,
      idempotency_key TEXT,
      fingerprint TEXT NOT NULL,
      encrypted INTEGER NOT NULL DEFAULT 0,
      suspected_spam INTEGER NOT NULL DEFAULT 0,
      triage_reasons TEXT NOT NULL,
      acknowledge_due TEXT,
      status TEXT NOT NULL,
      status_changed_at TEXT NOT NULL,
      body TEXT NOT NULL,
      UNIQUE (kind, idempotency_key)
    )`,
    `CREATE INDEX submissions_kind_status ON submissions (kind, status, acknowledge_due)`,
    `CREATE TABLE events (
      id {{id}},
      reference TEXT NOT NULL REFERENCES submissions (reference),
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      detail TEXT
    )`,
    `CREATE INDEX events_reference ON events (reference)`,
    `CREATE TABLE outbox (
      id {{id}},
      reference TEXT NOT NULL REFERENCES submissions (reference),
      channel TEXT NOT NULL,
      purpose TEXT NOT NULL,
      payload TEXT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      next_attempt_at TEXT NOT NULL,
      locked_until TEXT,
      last_error TEXT,
      delivered_at TEXT,
      failed_at TEXT
    )`,
    `CREATE INDEX outbox_due ON outbox (delivered_at, failed_at, next_attempt_at)`,
    `CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
  ],
];

/**
 * Transactions queued per SQLite file in this process. better-sqlite3 waits for a lock synchronously, so
 * a second connection here that waited for a first one's lock would block the very thread the first
 * needs to finish: connections in one process take turns instead (other processes wait on busy_timeout).
 */
const sqliteQueues = new Map();

/** SQLite through better-sqlite3: synchronous, so transactions are queued one at a time in this process. */
async function sqliteAdapter(file) {
  const { default: Database } = await import('better-sqlite3');
  if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // FULL: a commit is on disk before the 2xx is sent (NORMAL could lose the last ones on power loss).
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Another process (the CLI, a backup) may hold the write lock for a moment.
  db.pragma('busy_timeout = 10000');
  const statements = new Map();
  const prepare = (sql) => {
    let statement = statements.get(sql);
    if (!statement) {
      // PostgreSQL's $1 becomes a named parameter: better-sqlite3 binds those from an object.
      statement = db.prepare(sql.replace(/\$(\d+)/g, '@p$1'));
      statements.set(sql, statement);
    }
    return statement;
  };
  const query = async (sql, params = []) => {
    const statement = prepare(sql);
    const values = Object.fromEntries(params.map((v, i) => [`p${i + 1}`, typeof v === 'boolean' ? Number(v) : v]));
    const args = params.length ? [values] : [];
    return statement.reader ? statement.all(...args) : (statement.run(...args), []);
  };
  const queueKey = file === ':memory:' ? Symbol('memory') : resolve(file);
  return {
    dialect: 'sqlite',
    id: 'INTEGER PRIMARY KEY AUTOINCREMENT',
    query,
    exec: async (sql) => db.exec(sql),
    transaction(fn) {
      const run = (sqliteQueues.get(queueKey) ?? Promise.resolve()).then(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn(query);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      });
      const settled = run.catch(() => {});
      sqliteQueues.set(queueKey, settled);
      // Forget the queue once idle, so closed databases leave nothing behind.
      void settled.then(() => sqliteQueues.get(queueKey) === settled && sqliteQueues.delete(queueKey));
      return run;
    },
    /** An online, consistent copy of the database (SQLite's backup API), safe while the receiver runs. */
    backup: (target) => db.backup(target),
    close: async () => {
      await sqliteQueues.get(queueKey);
      db.close();
    },
  };
}

async function postgresAdapter(url) {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client that loses its server must not crash the receiver; the next query reconnects.
  pool.on('error', (error) => console.error('receiver: PostgreSQL:', error.message));
  const query = async (sql, params = [], client = pool) => (await client.query(sql, params)).rows;
  return {
    dialect: 'postgres',
    id: 'SERIAL PRIMARY KEY',
    query,
    exec: (sql) => pool.query(sql),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn((sql, params) => query(sql, params, client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    backup: undefined,
    close: () => pool.end(),
  };
}

/** Whether `db` names a PostgreSQL database rather than a SQLite file. */
export const isPostgresUrl = (db) => /^postgres(ql)?:\/\//i.test(String(db));

const isUniqueViolation = (error) => error?.code === '23505' || error?.code === 'SQLITE_CONSTRAINT_UNIQUE' || error?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';

const parseJson = (text, fallback) => {
  try {
    return JSON.parse(text);
  } catch {
    return fallback;
  }
};

/** A submissions row as the record the receiver's callers see (the shape the JSON files had). */
function toRecord(row) {
  const kind = row.kind;
  return {
    reference: row.reference,
    kind,
    receivedAt: row.received_at,
    clientReference: row.client_reference,
    idempotencyKey: row.idempotency_key ?? null,
    fingerprint: row.fingerprint,
    ...(kind === 'report' ? { encrypted: Boolean(Number(row.encrypted)) } : {}),
    triage: { suspectedSpam: Boolean(Number(row.suspected_spam)), reasons: parseJson(row.triage_reasons, []) },
    status: row.status,
    statusChangedAt: row.status_changed_at,
    ...(kind === 'report' ? { acknowledgeDue: row.acknowledge_due } : {}),
    [kind === 'report' ? 'report' : 'request']: parseJson(row.body, null),
  };
}

function toOutboxRow(row) {
  return {
    id: Number(row.id),
    reference: row.reference,
    channel: row.channel,
    purpose: row.purpose,
    payload: parseJson(row.payload, {}),
    attempts: Number(row.attempts),
    createdAt: row.created_at,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error ?? null,
    deliveredAt: row.delivered_at ?? null,
    failedAt: row.failed_at ?? null,
  };
}

/**
 * Opens (and migrates) the store.
 *
 * @param {string} db - A SQLite file path (`:memory:` for tests) or a `postgres://…` URL.
 * @returns {Promise<Store>}
 */
export async function openStore(db) {
  if (!db) throw new TypeError('openStore needs a SQLite file or a postgres:// URL');
  const adapter = isPostgresUrl(db) ? await postgresAdapter(db) : await sqliteAdapter(db);
  try {
    await migrate(adapter);
  } catch (error) {
    await adapter.close().catch(() => {});
    throw error;
  }
  return createStore(adapter);
}

/** Applies the migrations this database has not had yet, each in its own transaction. */
async function migrate(adapter) {
  await adapter.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  // Two receivers starting at once on one PostgreSQL: the advisory lock lets one migrate at a time.
  await adapter.transaction(async (q) => {
    if (adapter.dialect === 'postgres') await q('SELECT pg_advisory_xact_lock(715517)');
    const done = new Set((await q('SELECT version FROM schema_migrations')).map((r) => Number(r.version)));
    for (const [index, statements] of MIGRATIONS.entries()) {
      const version = index + 1;
      if (done.has(version)) continue;
      for (const sql of statements) await q(sql.replaceAll('{{id}}', adapter.id));
      await q('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [version, new Date().toISOString()]);
    }
    const secret = await q(`SELECT value FROM settings WHERE key = 'status-secret'`);
    if (!secret.length) await q(`INSERT INTO settings (key, value) VALUES ('status-secret', $1)`, [randomBytes(32).toString('base64url')]);
  });
}

export const SCHEMA_VERSION = MIGRATIONS.length;

/** @typedef {ReturnType<typeof createStore>} Store */
function createStore(adapter) {
  const tx = (fn) => adapter.transaction(fn);
  let statusSecret;

  async function secret() {
    statusSecret ??= (await adapter.query(`SELECT value FROM settings WHERE key = 'status-secret'`))[0].value;
    return statusSecret;
  }

  async function event(q, reference, at, actor, action, detail) {
    await q('INSERT INTO events (reference, at, actor, action, detail) VALUES ($1, $2, $3, $4, $5)', [reference, at, actor, action, detail ?? null]);
  }

  async function enqueue(q, reference, at, notifications) {
    for (const n of notifications) {
      await q('INSERT INTO outbox (reference, channel, purpose, payload, created_at, next_attempt_at) VALUES ($1, $2, $3, $4, $5, $5)', [
        reference,
        n.channel,
        n.purpose,
        JSON.stringify(n.payload),
        at,
      ]);
    }
  }

  async function getRow(q, reference) {
    return (await q('SELECT * FROM submissions WHERE reference = $1', [reference]))[0];
  }

  return {
    dialect: adapter.dialect,

    /**
     * Stores one submission and its notifications in one transaction. With a key already used: the first
     * reference (`replayed: true`) if the fingerprint matches, else IdempotencyConflict. `makeReference`
     * is called again if a reference is taken; `notifications(reference)` gives the outbox entries.
     */
    async submit({ kind, body, key, fingerprint, receivedAt, encrypted, triage, acknowledgeDue, makeReference, notifications }) {
      for (let attempt = 0; ; attempt++) {
        const reference = makeReference();
        try {
          return await tx(async (q) => {
            if (key !== undefined) {
              const known = (await q('SELECT reference, fingerprint FROM submissions WHERE kind = $1 AND idempotency_key = $2', [kind, key]))[0];
              if (known) {
                if (known.fingerprint !== fingerprint) throw new IdempotencyConflict(key);
                return { reference: known.reference, replayed: true };
              }
            }
            await q(
              `INSERT INTO submissions (reference, kind, received_at, client_reference, idempotency_key, fingerprint, encrypted,
                suspected_spam, triage_reasons, acknowledge_due, status, status_changed_at, body)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'new', $3, $11)`,
              [
                reference,
                kind,
                receivedAt,
                body.reference,
                key ?? null,
                fingerprint,
                encrypted ? 1 : 0,
                triage.suspectedSpam ? 1 : 0,
                JSON.stringify(triage.reasons),
                acknowledgeDue ?? null,
                JSON.stringify(body),
              ],
            );
            await event(q, reference, receivedAt, 'receiver', 'received', null);
            await enqueue(q, reference, receivedAt, notifications(reference));
            return { reference, replayed: false };
          });
        } catch (error) {
          // A concurrent duplicate (another receiver on one PostgreSQL) won the race, and the next try answers
          // it as a replay; or, astronomically rarely, the random reference was taken.
          if (isUniqueViolation(error) && attempt < 3) continue;
          throw error;
        }
      }
    },

    /** Every submission of a kind (`report`, `document-request`), oldest first; `status` filters. */
    async list(kind, { status } = {}) {
      const rows = status
        ? await adapter.query('SELECT * FROM submissions WHERE kind = $1 AND status = $2 ORDER BY received_at, reference', [kind, status])
        : await adapter.query('SELECT * FROM submissions WHERE kind = $1 ORDER BY received_at, reference', [kind]);
      return rows.map(toRecord);
    },

    /** One submission with its history and notifications, or undefined. */
    async get(reference) {
      const row = (await adapter.query('SELECT * FROM submissions WHERE reference = $1', [reference]))[0];
      if (!row) return undefined;
      const events = await adapter.query('SELECT at, actor, action, detail FROM events WHERE reference = $1 ORDER BY id', [reference]);
      const outbox = await adapter.query('SELECT * FROM outbox WHERE reference = $1 ORDER BY id', [reference]);
      return { ...toRecord(row), events: events.map((e) => ({ at: e.at, actor: e.actor, action: e.action, detail: e.detail ?? null })), notifications: outbox.map(toOutboxRow) };
    },

    /**
     * Moves a submission to `status`, with an event and any notifications (`notifications(record)` gives
     * them, from the record as it was), in one transaction.
     */
    async setStatus(reference, status, { actor, at, note, notifications = () => [] }) {
      return tx(async (q) => {
        const row = await getRow(q, reference);
        if (!row) throw new StoreError(`no submission ${reference}`);
        const allowed = row.kind === 'report' ? REPORT_STATUSES : REQUEST_STATUSES;
        if (!allowed.includes(status)) throw new StoreError(`a ${row.kind} cannot be "${status}" (one of: ${allowed.join(', ')})`);
        await q('UPDATE submissions SET status = $1, status_changed_at = $2 WHERE reference = $3', [status, at, reference]);
        await event(q, reference, at, actor, `status:${status}`, note || null);
        const record = toRecord(row);
        const queued = notifications(record);
        await enqueue(q, reference, at, queued);
        return { ...record, status, statusChangedAt: at, queued: queued.length };
      });
    },

    async addNote(reference, { actor, at, note }) {
      return tx(async (q) => {
        if (!(await getRow(q, reference))) throw new StoreError(`no submission ${reference}`);
        await event(q, reference, at, actor, 'note', note);
      });
    },

    /** The token that lets a reporter read the status of `reference`: an HMAC, so nothing per report is stored. */
    async statusToken(reference) {
      return createHmac('sha256', await secret()).update(`status:${reference}`).digest('base64url');
    },

    /** The record if `token` is the status token of `reference`; undefined otherwise (no oracle). */
    async byStatusToken(reference, token) {
      const expected = Buffer.from(await this.statusToken(reference));
      const given = Buffer.from(String(token));
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      return this.get(reference);
    },

    // --- The outbox -------------------------------------------------------------------------

    /** Claims up to `limit` due notifications for `leaseMs` (so a second receiver does not send them too). */
    async claimDue(now, { limit = 20, leaseMs = 60_000 } = {}) {
      const at = new Date(now).toISOString();
      const until = new Date(now + leaseMs).toISOString();
      return tx(async (q) => {
        const rows = await q(
          `SELECT * FROM outbox WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $1
             AND (locked_until IS NULL OR locked_until <= $1) ORDER BY next_attempt_at, id LIMIT $2`,
          [at, limit],
        );
        for (const row of rows) await q('UPDATE outbox SET locked_until = $1 WHERE id = $2', [until, row.id]);
        return rows.map(toOutboxRow);
      });
    },

    async delivered(id, at) {
      await tx((q) => q('UPDATE outbox SET delivered_at = $1, attempts = attempts + 1, locked_until = NULL, last_error = NULL WHERE id = $2', [at, id]));
    },

    /** Records a failed attempt: another at `nextAt`, or none (`nextAt` undefined: given up). */
    async attemptFailed(id, { at, error, nextAt }) {
      await tx((q) =>
        nextAt
          ? q('UPDATE outbox SET attempts = attempts + 1, locked_until = NULL, last_error = $1, next_attempt_at = $2 WHERE id = $3', [error, nextAt, id])
          : q('UPDATE outbox SET attempts = attempts + 1, locked_until = NULL, last_error = $1, failed_at = $2 WHERE id = $3', [error, at, id]),
      );
    },

    /** Counts for the health endpoint and the inbox: waiting, given up, and the oldest waiting one. */
    async outboxSummary() {
      const rows = await adapter.query(
        `SELECT
           SUM(CASE WHEN delivered_at IS NULL AND failed_at IS NULL THEN 1 ELSE 0 END) AS pending,
           SUM(CASE WHEN failed_at IS NOT NULL THEN 1 ELSE 0 END) AS failed,
           MIN(CASE WHEN delivered_at IS NULL AND failed_at IS NULL THEN created_at END) AS oldest
         FROM outbox`,
      );
      const last = await adapter.query(
        'SELECT last_error FROM outbox WHERE delivered_at IS NULL AND last_error IS NOT NULL ORDER BY id DESC LIMIT 1',
      );
      return { pending: Number(rows[0]?.pending ?? 0), failed: Number(rows[0]?.failed ?? 0), oldestPending: rows[0]?.oldest ?? null, lastError: last[0]?.last_error ?? null };
    },

    async outbox() {
      return (await adapter.query('SELECT * FROM outbox ORDER BY id')).map(toOutboxRow);
    },

    /** Whether the database answers (health). */
    async ping() {
      await adapter.query('SELECT 1 AS ok');
    },

    /** SQLite only: a consistent copy at `target` while the receiver runs. */
    async backup(target) {
      if (!adapter.backup) throw new StoreError('backup is for SQLite; back PostgreSQL up with pg_dump');
      await adapter.backup(target);
    },

    close: () => adapter.close(),
  };
}
