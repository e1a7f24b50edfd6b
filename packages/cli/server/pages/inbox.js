// The team's inbox: reports in the order to work through them (overdue acknowledgements first), their
// details, status changes, notes and document-request decisions. The token lives in this tab's
// sessionStorage and travels only as an Authorization header (see server/inbox.mjs).
import { el, requestJson, time } from './dom.js';

const TOKEN_KEY = 'trust-center-inbox:token';
const NAME_KEY = 'trust-center-inbox:name';
const api = new URL('api/', location.href);
const $ = (id) => document.getElementById(id);
const statusLine = $('status');
let statuses = { report: [], 'document-request': [] };
let current;

const credentials = () => ({ token: sessionStorage.getItem(TOKEN_KEY), name: sessionStorage.getItem(NAME_KEY) ?? '' });

function call(path, options = {}) {
  const { token, name } = credentials();
  return requestJson(new URL(path, api), {
    ...options,
    headers: { Authorization: `Bearer ${token}`, ...(name ? { 'X-Trust-Center-Actor': name } : {}) },
  });
}

function say(text) {
  statusLine.textContent = text;
}

/** Shows one of the three views: sign-in, list or detail. */
function view(name) {
  $('sign-in').hidden = name !== 'sign-in';
  $('list').hidden = name !== 'list';
  $('detail').hidden = name !== 'detail';
  $('who').hidden = name === 'sign-in';
  $('who-name').textContent = credentials().name || 'the team';
}

function failed(error) {
  if (error.status === 401) {
    sessionStorage.removeItem(TOKEN_KEY);
    view('sign-in');
    $('sign-in-error').textContent = 'The token was not accepted. Sign in again.';
    $('sign-in-token').focus();
    return;
  }
  say(`Failed: ${error.message}`);
}

function signals(row) {
  const list = [];
  if (row.antiAbuse.honeypot) list.push(el('span', { class: 'badge spam' }, 'honeypot filled'));
  const seconds = Math.round(row.antiAbuse.elapsedMs / 100) / 10;
  list.push(el('span', { class: `badge${row.suspectedSpam && !row.antiAbuse.honeypot ? ' spam' : ''}` }, `${seconds} s to submit`));
  return list;
}

function dueCell(row) {
  if (!row.acknowledgeDue) return '—';
  if (row.overdue) return [el('span', { class: 'badge overdue' }, 'Overdue'), ' ', time(row.acknowledgeDue)];
  if (row.dueToday) return [el('span', { class: 'badge today' }, 'Due today'), ' ', time(row.acknowledgeDue)];
  return time(row.acknowledgeDue);
}

async function decide(reference, status) {
  try {
    const changed = await call(`submissions/${encodeURIComponent(reference)}/status`, { method: 'POST', body: { status, tellSubmitter: true } });
    say(`${reference} ${status}${changed.queued ? '; the requester will get an e-mail' : ''}.`);
    await showList();
  } catch (error) {
    failed(error);
  }
}

async function showList() {
  let data;
  try {
    data = await call('submissions');
  } catch (error) {
    return failed(error);
  }
  statuses = data.statuses;
  view('list');
  const overdue = data.reports.filter((r) => r.overdue).length;
  const open = data.reports.filter((r) => r.status === 'new').length;
  $('reports-summary').textContent = `${data.reports.length} in all, ${open} not acknowledged yet, ${overdue} overdue (today is ${data.today}).`;
  $('reports').tBodies[0].replaceChildren(
    ...(data.reports.length
      ? data.reports.map((row) =>
          el(
            'tr',
            { class: row.overdue ? 'overdue' : undefined },
            el('td', {}, el('a', { href: `#${row.reference}`, class: 'reference' }, row.reference)),
            el('td', {}, row.encrypted ? el('em', {}, 'Encrypted report') : row.title),
            el('td', {}, row.status),
            el('td', {}, dueCell(row)),
            el('td', {}, time(row.receivedAt)),
            el('td', {}, signals(row)),
          ),
        )
      : [el('tr', {}, el('td', { colspan: 6 }, 'No reports yet.'))]),
  );
  const waiting = data.requests.filter((r) => r.status === 'new').length;
  $('requests-summary').textContent = `${data.requests.length} in all, ${waiting} waiting for a decision.`;
  $('requests').tBodies[0].replaceChildren(
    ...(data.requests.length
      ? data.requests.map((row) =>
          el(
            'tr',
            {},
            el('td', {}, el('a', { href: `#${row.reference}`, class: 'reference' }, row.reference)),
            el('td', {}, row.document.title),
            el('td', {}, `${row.name}, ${row.company}`, el('br'), el('span', { class: 'muted' }, row.email)),
            el('td', {}, row.status),
            el('td', {}, time(row.receivedAt)),
            el('td', {}, signals(row)),
            el(
              'td',
              {},
              row.status === 'new'
                ? el(
                    'div',
                    { class: 'actions' },
                    button(`Approve ${row.reference}`, 'Approve', () => decide(row.reference, 'approved')),
                    button(`Decline ${row.reference}`, 'Decline', () => decide(row.reference, 'declined'), 'secondary'),
                  )
                : '—',
            ),
          ),
        )
      : [el('tr', {}, el('td', { colspan: 7 }, 'No document requests yet.'))]),
  );
  const outbox = data.outbox;
  const notice = $('outbox');
  notice.hidden = !(outbox.pending || outbox.failed);
  notice.textContent = `${outbox.pending} notification(s) waiting to be delivered${outbox.failed ? `, ${outbox.failed} given up` : ''}${outbox.lastError ? `. Last error: ${outbox.lastError}` : ''}.`;
}

function button(label, text, onClick, kind) {
  const node = el('button', { type: 'button', 'aria-label': label, class: kind }, text);
  node.addEventListener('click', onClick);
  return node;
}

function reportBody(record) {
  const r = record.report;
  if (record.encrypted) {
    return [el('p', {}, 'Encrypted to the key the manifest pins. Decrypt it with that key (e.g. gpg --decrypt):'), el('pre', {}, r.encrypted)];
  }
  const section = (title, text) => [el('h3', {}, title), el('pre', {}, text)];
  return [...section('Description', r.description), ...section('Steps to reproduce', r.steps), ...section('Impact', r.impact)];
}

async function showDetail(reference) {
  let record;
  try {
    record = await call(`submissions/${encodeURIComponent(reference)}`);
  } catch (error) {
    return failed(error);
  }
  current = record;
  view('detail');
  const isReport = record.kind === 'report';
  const body = isReport ? record.report : record.request;
  $('detail-title').textContent = isReport
    ? `${record.reference}: ${record.encrypted ? 'Encrypted report' : body.title}`
    : `${record.reference}: ${body.document.title}`;
  const facts = [
    ['Status', record.status],
    ['Received', time(record.receivedAt)],
    ...(isReport ? [['Acknowledge by', time(record.acknowledgeDue)]] : []),
    ["Sender's reference", record.clientReference],
    ...(isReport && !record.encrypted
      ? [
          ['Asset', body.asset ?? '—'],
          ['URL', body.url ?? '—'],
          ['Severity', body.severity ?? '—'],
          ['Reporter', [body.name, body.email].filter(Boolean).join(' · ') || 'anonymous'],
        ]
      : []),
    ...(!isReport
      ? [
          ['Requested by', `${body.name}, ${body.company}`],
          ['E-mail', body.email],
          ['Reason', body.reason],
        ]
      : []),
    ['Signals', record.triage.reasons.length ? record.triage.reasons.join('; ') : 'none'],
  ];
  $('detail-facts').replaceChildren(...facts.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]));
  $('detail-body').replaceChildren(...(isReport ? reportBody(record) : []));
  $('new-status').replaceChildren(
    ...statuses[record.kind].map((s) => el('option', { value: s, selected: s === record.status }, s)),
  );
  const address = isReport ? (record.encrypted ? null : body.email) : body.email;
  $('tell').disabled = !address;
  $('tell').checked = false;
  $('tell-label').textContent = address
    ? `E-mail the ${isReport ? 'reporter' : 'requester'} (${address}) about this change`
    : 'No e-mail address to write to';
  $('note').value = '';
  $('history').replaceChildren(
    ...record.events.map((e) => el('li', {}, time(e.at), ` ${e.actor}: ${e.action}`, e.detail ? el('pre', {}, e.detail) : undefined)),
  );
  $('notifications').replaceChildren(
    ...(record.notifications.length
      ? record.notifications.map((n) =>
          el(
            'li',
            {},
            `${n.channel} (${n.purpose}): `,
            n.deliveredAt ? ['delivered ', time(n.deliveredAt)] : n.failedAt ? `given up after ${n.attempts} attempts: ${n.lastError}` : `waiting (${n.attempts} attempts${n.lastError ? `, last error: ${n.lastError}` : ''})`,
          ),
        )
      : [el('li', {}, 'none')]),
  );
  $('detail-title').focus();
}

$('status-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!current) return;
  const status = $('new-status').value;
  const note = $('note').value.trim();
  try {
    if (status !== current.status) {
      const changed = await call(`submissions/${encodeURIComponent(current.reference)}/status`, {
        method: 'POST',
        body: { status, note: note || undefined, tellSubmitter: $('tell').checked },
      });
      say(`${current.reference} is now ${status}${changed.queued ? '; an e-mail is on its way' : ''}.`);
    } else if (note) {
      await call(`submissions/${encodeURIComponent(current.reference)}/notes`, { method: 'POST', body: { note } });
      say(`Note added to ${current.reference}.`);
    } else {
      say('Nothing to save: choose another status or write a note.');
      return;
    }
    await showDetail(current.reference);
  } catch (error) {
    failed(error);
  }
});

$('sign-in-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const token = $('sign-in-token').value.trim();
  if (!token) {
    $('sign-in-error').textContent = 'Enter the inbox token.';
    $('sign-in-token').focus();
    return;
  }
  sessionStorage.setItem(TOKEN_KEY, token);
  sessionStorage.setItem(NAME_KEY, $('sign-in-name').value.trim());
  $('sign-in-error').textContent = '';
  $('sign-in-token').value = '';
  await route();
});

$('sign-out').addEventListener('click', () => {
  sessionStorage.removeItem(TOKEN_KEY);
  current = undefined;
  say('Signed out.');
  view('sign-in');
  $('sign-in-token').focus();
});

async function route() {
  if (!credentials().token) return view('sign-in');
  const reference = decodeURIComponent(location.hash.slice(1));
  if (reference) await showDetail(reference);
  else await showList();
}

window.addEventListener('hashchange', () => void route());
void route();
