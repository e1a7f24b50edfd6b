// The reporter's status page: the reference and status key come from the link on the receipt
// (#<reference>/<key>, a fragment, so they never reach a server log or a Referer) or are typed in.
import { el, requestJson, time } from './dom.js';

const STEPS = {
  report: [
    ['new', 'Received'],
    ['acknowledged', 'Acknowledged'],
    ['resolved', 'Resolved'],
  ],
  'document-request': [
    ['new', 'Received'],
    ['approved', 'Approved'],
  ],
};
const WORDS = {
  new: 'Received: the team has not acknowledged it yet.',
  acknowledged: 'Acknowledged: the team is looking into it.',
  resolved: 'Resolved.',
  closed: 'Closed without action.',
  approved: 'Approved: the team will send you the document.',
  declined: 'Declined.',
};

const form = document.getElementById('lookup');
const error = document.getElementById('error');
const result = document.getElementById('result');
const api = new URL('api/', location.href);

async function show(reference, key) {
  error.textContent = '';
  try {
    const status = await requestJson(new URL(encodeURIComponent(reference), api), { headers: { Authorization: `Bearer ${key}` } });
    const steps = STEPS[status.kind] ?? STEPS.report;
    const reached = steps.findIndex(([name]) => name === status.status);
    document.getElementById('result-title').textContent = `${status.reference}: ${WORDS[status.status] ?? status.status}`;
    document.getElementById('steps').replaceChildren(
      ...steps.map(([name, label], index) =>
        el('li', { class: index < reached ? 'done' : undefined, 'aria-current': index === reached ? 'step' : undefined }, label),
      ),
    );
    document.getElementById('facts').replaceChildren(
      el('dt', {}, 'Received'),
      el('dd', {}, time(status.receivedAt)),
      ...(status.kind === 'report'
        ? [
            el('dt', {}, 'Acknowledgement promised by'),
            el('dd', {}, time(status.acknowledgeDue)),
            el('dt', {}, 'Acknowledged'),
            el('dd', {}, status.acknowledgedAt ? time(status.acknowledgedAt) : 'not yet'),
            el('dt', {}, 'Resolved'),
            el('dd', {}, status.resolvedAt ? time(status.resolvedAt) : 'not yet'),
          ]
        : []),
    );
    result.hidden = false;
    document.getElementById('result-title').focus();
  } catch (failure) {
    result.hidden = true;
    error.textContent = failure.status === 404 ? 'No report matches this reference and status key. Check both against your receipt.' : failure.message;
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const reference = form.elements.reference.value.trim();
  const key = form.elements.key.value.trim();
  if (!reference || !key) {
    error.textContent = 'Enter both the reference and the status key.';
    return;
  }
  void show(reference, key);
});

const [reference, key] = decodeURIComponent(location.hash.slice(1)).split('/');
if (reference && key) {
  form.elements.reference.value = reference;
  form.elements.key.value = key;
  void show(reference, key);
}
