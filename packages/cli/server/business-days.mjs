// The acknowledgement promise on the company's calendar: the date a report is due, counted in business
// days (Saturdays and Sundays skipped) from the day it arrived in the team's time zone, as the form counts.

const DAY_MS = 86_400_000;

/** YYYY-MM-DD of `instant` (ms or Date) in `timeZone` (an IANA name; default UTC). */
export function localDate(instant, timeZone = 'UTC') {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(instant));
  const part = (type) => parts.find((p) => p.type === type).value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Whether `timeZone` is one Intl knows; a typo would otherwise shift every due date silently. */
export function isTimeZone(timeZone) {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The date `days` business days after the date `day` (YYYY-MM-DD): Friday + 2 is Tuesday, Saturday + 2 too. */
export function addBusinessDays(day, days) {
  let time = Date.parse(`${day}T12:00:00Z`);
  let left = Math.max(0, Math.floor(days));
  while (left > 0) {
    time += DAY_MS;
    const weekday = new Date(time).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return new Date(time).toISOString().slice(0, 10);
}

/** The acknowledgement due date of a report received at `instant`. */
export function acknowledgeDue(instant, businessDays, timeZone) {
  return addBusinessDays(localDate(instant, timeZone), businessDays);
}
