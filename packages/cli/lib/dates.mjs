// Calendar dates (YYYY-MM-DD) and the instants the CLI writes (security.txt Expires, Atom updated).

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** A YYYY-MM-DD date that exists in the calendar (no 2026-02-30). */
export function isRealDate(text) {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Midnight UTC of a YYYY-MM-DD date. */
export function dateToUtc(text) {
  const [year, month, day] = text.split('-').map(Number);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

/** YYYY-MM-DD of an instant, in UTC. */
export function utcDate(instant) {
  return instant.toISOString().slice(0, 10);
}

/**
 * The latest calendar date anywhere on Earth right now (UTC+14). A policy dated "today" by an author
 * in Kiribati is not in the future, so a date counts as future only if it is after this one.
 */
export function latestDateOnEarth(now = new Date()) {
  return utcDate(new Date(now.getTime() + 14 * 3_600_000));
}

export function addDays(instant, days) {
  return new Date(instant.getTime() + days * DAY_MS);
}

/** The same moment one calendar year later (29 February → 1 March). */
export function addOneYear(instant) {
  const next = new Date(instant.getTime());
  next.setUTCFullYear(next.getUTCFullYear() + 1);
  return next;
}

/** RFC 3339 / ISO 8601 in UTC without milliseconds: 2027-06-04T00:00:00Z. */
export function formatInstant(instant) {
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Midnight UTC at the start of the day `instant` falls in. */
export function startOfUtcDay(instant) {
  return dateToUtc(utcDate(instant));
}
