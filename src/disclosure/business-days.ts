// Business-day arithmetic for the acknowledgement commitment, on the reporter's calendar (local time).

/** Saturday or Sunday. */
export function isWeekend(date: Date): boolean {
  const day = date.getDay();
  return day === 0 || day === 6;
}

/**
 * The day `days` business days after `start`, skipping Saturdays and Sundays: a Friday plus 2 is the
 * Tuesday after, and so is a Saturday plus 2 (Monday is the first business day after it). Returns
 * local noon of that day, so formatting it in any time-zone-naive way names the right date.
 */
export function addBusinessDays(start: Date, days: number): Date {
  const date = new Date(start.getFullYear(), start.getMonth(), start.getDate(), 12);
  let left = Math.max(0, Math.floor(days));
  while (left > 0) {
    date.setDate(date.getDate() + 1);
    if (!isWeekend(date)) left--;
  }
  return date;
}

/** YYYY-MM-DD of a local date, for `<time datetime>`. */
export function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function formatter(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(lang, options);
  } catch {
    // An invalid lang tag must not break the receipt.
    return new Intl.DateTimeFormat('en', options);
  }
}

/** "Tuesday, December 1, 2026" in the reader's language. */
export function formatDay(date: Date, lang: string): string {
  return formatter(lang, { dateStyle: 'full' }).format(date);
}

/** "November 27, 2026 at 4:30 PM" in the reader's language. */
export function formatDateTime(date: Date, lang: string): string {
  return formatter(lang, { dateStyle: 'long', timeStyle: 'short' }).format(date);
}
