// What the team does with a submission, shared by the inbox page and `trust-center reports`: the list in
// the order to work through it (overdue acknowledgements first), and status changes with their e-mails.
import { localDate } from './business-days.mjs';
import { submitterNotifications } from './notify.mjs';

/** One list row: what triage needs at a glance, never the report's text beyond its title. */
export function summarize(record, today) {
  const body = record.report ?? record.request;
  const overdue = record.kind === 'report' && record.status === 'new' && Boolean(record.acknowledgeDue) && record.acknowledgeDue < today;
  return {
    reference: record.reference,
    kind: record.kind,
    receivedAt: record.receivedAt,
    status: record.status,
    statusChangedAt: record.statusChangedAt,
    ...(record.kind === 'report'
      ? {
          acknowledgeDue: record.acknowledgeDue,
          overdue,
          dueToday: record.status === 'new' && record.acknowledgeDue === today,
          encrypted: record.encrypted,
          title: record.encrypted ? null : body.title,
          severity: record.encrypted ? null : (body.severity ?? null),
          email: record.encrypted ? null : (body.email ?? null),
        }
      : { document: body.document, name: body.name, email: body.email, company: body.company, reason: body.reason }),
    antiAbuse: { honeypot: body.antiAbuse.honeypot, elapsedMs: body.antiAbuse.elapsedMs },
    suspectedSpam: record.triage.suspectedSpam,
    triageReasons: record.triage.reasons,
  };
}

/** Overdue first (the longest overdue on top), then new ones by due date, then the rest, latest change first. */
export function triageOrder(a, b) {
  const rank = (s) => (s.overdue ? 0 : s.status === 'new' ? 1 : 2);
  return (
    rank(a) - rank(b) ||
    (rank(a) < 2 ? String(a.acknowledgeDue ?? a.receivedAt).localeCompare(String(b.acknowledgeDue ?? b.receivedAt)) || a.receivedAt.localeCompare(b.receivedAt) : 0) ||
    b.statusChangedAt.localeCompare(a.statusChangedAt)
  );
}

/** Reports and document requests, summarized and in triage order, with today's date in the team's zone. */
export async function inboxListing(store, { now = Date.now(), timeZone = 'UTC', status } = {}) {
  const today = localDate(now, timeZone);
  const [reports, requests] = await Promise.all([store.list('report', { status }), store.list('document-request', { status })]);
  return {
    today,
    reports: reports.map((r) => summarize(r, today)).sort(triageOrder),
    requests: requests.map((r) => summarize(r, today)).sort(triageOrder),
  };
}

/** The reporter's status page for `reference`, when the receiver knows its public address. */
export async function statusPageUrl(store, notify, basePath, reference) {
  return notify.publicUrl ? `${notify.publicUrl}${basePath}/status/#${reference}/${await store.statusToken(reference)}` : undefined;
}

/**
 * Moves a submission to `status`; with `tellSubmitter`, queues the e-mail to the reporter or requester
 * (when they left an address and e-mail is set up) in the same transaction.
 */
export async function changeStatus(store, reference, status, { actor, note, tellSubmitter = false, notify = {}, basePath = '/api', now = Date.now() }) {
  const statusUrl = tellSubmitter ? await statusPageUrl(store, notify, basePath, reference) : undefined;
  return store.setStatus(reference, status, {
    actor,
    note,
    at: new Date(now).toISOString(),
    notifications: (record) => (tellSubmitter ? submitterNotifications(notify, record, status, { statusUrl }) : []),
  });
}
