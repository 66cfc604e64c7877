/**
 * The dates of the screens, in one place. The API speaks `YYYY-MM-DD` for calendar days and ISO
 * instants for moments; the date picker speaks local `Date`s; people read French.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** A calendar day of the date picker as the API writes it: `2026-11-22` (the local day, no time zone shift). */
export function toIsoDate(date: Date): string {
  // Four digits whatever the year, so that a mistyped year 100 reaches the API as `0100-…`, a
  // date it can refuse for what it is rather than a malformed one.
  return `${String(date.getFullYear()).padStart(4, '0')}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `2026-11-22` → a local `Date` at midnight, for the date picker. */
export function fromIsoDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(2000, 0, 1);
  // Not `new Date(y, m - 1, d)`: it reads the years 0–99 as 1900–1999.
  date.setFullYear(y, m - 1, d);
  return date;
}

/** `2026-11` of a local date. */
export function toIsoMonth(date: Date): string {
  return toIsoDate(date).slice(0, 7);
}

/** A calendar day (`2026-11-22`) or an instant (ISO string, `Date`), as a local `Date`. */
function asDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? fromIsoDate(value) : new Date(value);
}

/**
 * How a date reads:
 * - `short`: 22/12/2024 (tables);
 * - `day`: « dimanche 22 décembre », with the year when it is not the current one (« dimanche 22 décembre 2024 »);
 * - `long`: « 22 décembre 2024 »;
 * - `time`: 22/12/2024 14:05.
 */
export type FrenchDateStyle = 'short' | 'day' | 'long' | 'time';

const FORMATS: Readonly<Record<Exclude<FrenchDateStyle, 'day'>, Intl.DateTimeFormatOptions>> = {
  short: { day: '2-digit', month: '2-digit', year: 'numeric' },
  long: { day: 'numeric', month: 'long', year: 'numeric' },
  time: { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' },
};

/** A date in French (`today` decides whether `day` shows the year); '' for nothing. */
export function frenchDate(
  value: string | Date | null | undefined,
  style: FrenchDateStyle = 'short',
  today: Date = new Date(),
): string {
  if (value === null || value === undefined || value === '') return '';
  const date = asDate(value);
  if (Number.isNaN(date.getTime())) return '';
  if (style === 'day') {
    const options: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long' };
    if (date.getFullYear() !== today.getFullYear()) options.year = 'numeric';
    return date.toLocaleDateString('fr-FR', options);
  }
  return date.toLocaleString('fr-FR', FORMATS[style]);
}

/** « du 01/09/2026 au 31/08/2027 », « à partir du … », « jusqu’au … », or `none`. */
export function frenchPeriod(start: string | null, end: string | null, none = '—'): string {
  if (start && end) return `du ${frenchDate(start)} au ${frenchDate(end)}`;
  if (start) return `à partir du ${frenchDate(start)}`;
  if (end) return `jusqu’au ${frenchDate(end)}`;
  return none;
}
