// `trust-center reports …`: the triage inbox on the command line, on the receiver's database (the same
// --db / TRUST_CENTER_DB), usable while the receiver runs. Status changes with --email queue the e-mail
// to the reporter in the outbox; the running receiver delivers it.
import { mkdir } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { UsageError } from './commands.mjs';
import { databaseOption, describeDatabase } from './receive.mjs';

const EXIT_OK = 0;
const EXIT_PROBLEMS = 1;

/** The subcommands that set one status. */
const STATUS_COMMANDS = { ack: 'acknowledged', resolve: 'resolved', approve: 'approved', decline: 'declined' };

function actor(values) {
  if (values.actor) return `cli:${values.actor}`;
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}

const pad = (text, width) => String(text).padEnd(width);

function listLines(listing) {
  const lines = [];
  const reports = listing.reports;
  lines.push(`Vulnerability reports: ${reports.length} (${reports.filter((r) => r.status === 'new').length} not acknowledged, ${reports.filter((r) => r.overdue).length} overdue; today ${listing.today})`);
  for (const r of reports) {
    const due = r.overdue ? `OVERDUE ${r.acknowledgeDue}` : r.status === 'new' ? `due ${r.acknowledgeDue}` : '';
    const signals = [r.antiAbuse.honeypot ? 'honeypot' : '', r.suspectedSpam && !r.antiAbuse.honeypot ? `fast (${Math.round(r.antiAbuse.elapsedMs / 1000)} s)` : ''].filter(Boolean).join(', ');
    lines.push(`  ${pad(r.reference, 22)} ${pad(r.status, 12)} ${pad(due, 19)} ${r.encrypted ? '[encrypted]' : r.title}${signals ? `  [suspected spam: ${signals}]` : ''}`);
  }
  const requests = listing.requests;
  lines.push(`Document requests: ${requests.length} (${requests.filter((r) => r.status === 'new').length} waiting for a decision)`);
  for (const r of requests) {
    lines.push(`  ${pad(r.reference, 22)} ${pad(r.status, 12)} ${r.document.title}: ${r.name}, ${r.company} <${r.email}>${r.suspectedSpam ? '  [suspected spam]' : ''}`);
  }
  return lines;
}

function showLines(record) {
  const body = record.report ?? record.request;
  const lines = [`${record.reference}  ${record.kind}  ${record.status}`, `received ${record.receivedAt} (sender's reference ${record.clientReference})`];
  if (record.kind === 'report') lines.push(`acknowledge by ${record.acknowledgeDue}`);
  if (record.triage.reasons.length) lines.push(`suspected spam: ${record.triage.reasons.join('; ')}`);
  lines.push('');
  if (record.kind === 'report' && record.encrypted) lines.push(body.encrypted.trimEnd());
  else if (record.kind === 'report') {
    lines.push(`Title: ${body.title}`, `Asset: ${body.asset ?? '—'}`, `URL: ${body.url ?? '—'}`, `Severity: ${body.severity ?? '—'}`);
    lines.push(`Reporter: ${[body.name, body.email].filter(Boolean).join(' · ') || 'anonymous'}`, '', 'Description:', body.description, '', 'Steps to reproduce:', body.steps, '', 'Impact:', body.impact);
  } else {
    lines.push(`Document: ${body.document.title} (${body.document.id})`, `Requested by: ${body.name}, ${body.company} <${body.email}>`, '', 'Reason:', body.reason);
  }
  lines.push('', 'History:');
  for (const e of record.events) lines.push(`  ${e.at}  ${e.actor}  ${e.action}${e.detail ? `: ${e.detail}` : ''}`);
  if (record.notifications.length) {
    lines.push('Notifications:');
    for (const n of record.notifications) {
      lines.push(`  ${n.channel} ${n.purpose}: ${n.deliveredAt ? `delivered ${n.deliveredAt}` : n.failedAt ? `given up (${n.lastError})` : `waiting, ${n.attempts} attempts${n.lastError ? ` (${n.lastError})` : ''}`}`);
    }
  }
  return lines;
}

export async function runReports(args, io, { env = process.env, now = () => Date.now() } = {}) {
  const [sub, reference, extra] = args.positionals;
  const values = args.values;
  if (!sub) throw new UsageError('which one? list, show, ack, resolve, status, note, approve, decline, export, backup or migrate');
  const db = databaseOption(values, env);
  const { openStore, SCHEMA_VERSION } = await import('../server/store.mjs');
  const needsReference = !['list', 'export', 'backup', 'migrate'].includes(sub);
  const known = ['list', 'show', 'note', 'status', 'export', 'backup', 'migrate', ...Object.keys(STATUS_COMMANDS)];
  if (!known.includes(sub)) throw new UsageError(`unknown subcommand "${sub}" (one of: ${known.join(', ')})`);
  if (needsReference && !reference) throw new UsageError(`${sub} needs a reference, e.g. trust-center reports ${sub} VR-20261127-7F3K9Q2M`);
  if (sub === 'backup' && !reference) throw new UsageError('backup needs a target file, e.g. trust-center reports backup backups/reports-$(date +%F).sqlite');
  if ((sub === 'status' || sub === 'note') && !extra) throw new UsageError(sub === 'status' ? 'status needs the new status: status REF triaged' : 'note needs the text: note REF "Confirmed on staging"');

  let store;
  try {
    store = await openStore(db);
  } catch (error) {
    // A missing driver (better-sqlite3, pg) is an installation matter, which trust-center.mjs words.
    if (error?.code === 'ERR_MODULE_NOT_FOUND') throw error;
    io.err(`trust-center reports: cannot open ${describeDatabase(db)}: ${error.message}`);
    return EXIT_PROBLEMS;
  }
  try {
    const { inboxListing, changeStatus } = await import('../server/triage.mjs');
    const timeZone = env.TRUST_CENTER_TIME_ZONE ?? 'UTC';
    if (sub === 'migrate') {
      io.out(`${describeDatabase(db)}: schema version ${SCHEMA_VERSION}, up to date`);
      return EXIT_OK;
    }
    if (sub === 'list') {
      const listing = await inboxListing(store, { now: now(), timeZone, status: values.status });
      if (values.json) io.out(JSON.stringify(listing, null, 2));
      else for (const line of listLines(listing)) io.out(line);
      return EXIT_OK;
    }
    if (sub === 'export') {
      return await exportJson(store, values, io);
    }
    if (sub === 'backup') {
      const target = resolve(reference);
      await store.backup(target);
      io.out(`backed up ${describeDatabase(db)} to ${target}`);
      return EXIT_OK;
    }
    const record = await store.get(reference);
    if (!record) {
      io.err(`trust-center reports: no submission ${reference} in ${describeDatabase(db)}`);
      return EXIT_PROBLEMS;
    }
    if (sub === 'show') {
      if (values.json) io.out(JSON.stringify(record, null, 2));
      else for (const line of showLines(record)) io.out(line);
      return EXIT_OK;
    }
    if (sub === 'note') {
      await store.addNote(reference, { actor: actor(values), at: new Date(now()).toISOString(), note: extra });
      io.out(`${reference}: note added`);
      return EXIT_OK;
    }
    const status = sub === 'status' ? extra : STATUS_COMMANDS[sub];
    let notify = {};
    if (values.email) {
      const { notificationConfig } = await import('../server/notify.mjs');
      notify = notificationConfig(env);
      if (!notify.email) throw new UsageError('--email needs the receiver\'s e-mail settings in the environment (TRUST_CENTER_SMTP_HOST, TRUST_CENTER_MAIL_FROM, …)');
    }
    const changed = await changeStatus(store, reference, status, { actor: actor(values), note: values.note, tellSubmitter: Boolean(values.email), notify, now: now() });
    const told = values.email ? (changed.queued ? '; e-mail queued (the running receiver sends it)' : '; no e-mail: they left no address') : '';
    io.out(`${reference}: ${record.status} → ${status}${told}`);
    return EXIT_OK;
  } catch (error) {
    if (error?.name === 'StoreError') {
      io.err(`trust-center reports: ${error.message}`);
      return EXIT_PROBLEMS;
    }
    throw error;
  } finally {
    await store.close();
  }
}

/** The JSON-file format of the first receiver: one file per submission, written durably. */
async function exportJson(store, values, io) {
  if (!values.out) throw new UsageError('export needs --out DIR');
  const { writeFileDurably } = await import('../server/receiver.mjs');
  const out = resolve(values.out);
  let count = 0;
  for (const [kind, folder] of [['report', 'reports'], ['document-request', 'document-requests']]) {
    await mkdir(join(out, folder), { recursive: true, mode: 0o700 });
    for (const record of await store.list(kind)) {
      const full = await store.get(record.reference);
      await writeFileDurably(join(out, folder, `${record.reference}.json`), `${JSON.stringify(full, null, 2)}\n`);
      count++;
    }
  }
  io.out(`exported ${count} submissions to ${out}`);
  return EXIT_OK;
}
