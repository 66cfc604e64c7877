/** Dates as the app handles them: ISO calendar days (`YYYY-MM-DD`), in France. */

/** Built once: constructing an `Intl.DateTimeFormat` costs far more than formatting with it. */
const PARIS_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The last minute asked for and its day: France changes day on a minute boundary. */
let lastMinute = NaN;
let lastDay = '';

/** Today's date (`YYYY-MM-DD`) in France (Paris time), whatever the server's time zone. */
export function todayInFrance(now: Date = new Date()): string {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== lastMinute) {
    lastDay = PARIS_DAY.format(now);
    lastMinute = minute;
  }
  return lastDay;
}

/** ISO date plus whole years (29 February falls back to 28 February). */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

/** ISO date plus whole months, clamped to the end of shorter months. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}
