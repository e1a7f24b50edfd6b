// What the inbox and the status page share: elements built from text only (no HTML parsing, so nothing a
// report says can run), dates, and JSON requests that say what failed.

/** An element with attributes (false/undefined ones left out) and children (strings become text). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === undefined || value === null) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...children.flat().filter((c) => c !== undefined && c !== null && c !== false));
  return node;
}

/** "5 Dec 2026, 09:30" in the browser's language; a date alone for YYYY-MM-DD. */
export function formatWhen(text) {
  if (!text) return '—';
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const date = new Date(dateOnly ? `${text}T12:00:00Z` : text);
  return new Intl.DateTimeFormat(undefined, dateOnly ? { dateStyle: 'medium', timeZone: 'UTC' } : { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A <time> for an ISO date or date-time. */
export const time = (text) => (text ? el('time', { datetime: text }, formatWhen(text)) : '—');

/** fetch() for JSON: resolves with the data, or throws an Error whose message is the server's. */
export async function requestJson(url, { method = 'GET', headers = {}, body } = {}) {
  const response = await fetch(url, {
    method,
    headers: { Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
    credentials: 'omit',
    cache: 'no-store',
    redirect: 'error',
  });
  let data;
  try {
    data = await response.json();
  } catch {
    data = undefined;
  }
  if (!response.ok) {
    const error = new Error(data?.error ?? `The receiver answered ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return data;
}
