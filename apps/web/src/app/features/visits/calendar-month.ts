import { toIsoDate } from '@maillage/web/util';

export interface CalendarDay {
  /** `YYYY-MM-DD`. */
  iso: string;
  day: number;
  inMonth: boolean;
  isToday: boolean;
}

/** French weeks start on Monday. */
export const WEEKDAY_LABELS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'] as const;

/**
 * The weeks (Monday to Sunday) that cover a month (`YYYY-MM`): 4 to 6 rows of 7 days, the days
 * of the neighbouring months included to fill the first and last weeks.
 */
export function monthGrid(month: string, today = new Date()): CalendarDay[][] {
  const [year, m] = month.split('-').map(Number);
  const first = new Date(year, m - 1, 1);
  const offset = (first.getDay() + 6) % 7;
  const start = new Date(year, m - 1, 1 - offset);
  const last = new Date(year, m, 0);
  const todayIso = toIsoDate(today);
  const weeks: CalendarDay[][] = [];
  const cursor = new Date(start);
  while (cursor <= last || weeks.length === 0 || weeks[weeks.length - 1].length < 7) {
    if (weeks.length === 0 || weeks[weeks.length - 1].length === 7) weeks.push([]);
    const iso = toIsoDate(cursor);
    weeks[weeks.length - 1].push({
      iso,
      day: cursor.getDate(),
      inMonth: cursor.getMonth() === m - 1,
      isToday: iso === todayIso,
    });
    cursor.setDate(cursor.getDate() + 1);
  }
  return weeks;
}

/** The month `delta` months away (`2026-12` + 1 → `2027-01`). */
export function shiftMonth(month: string, delta: number): string {
  const [year, m] = month.split('-').map(Number);
  return toIsoDate(new Date(year, m - 1 + delta, 1)).slice(0, 7);
}

/** `novembre 2026`. */
export function monthLabel(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric' }).format(new Date(year, m - 1, 1));
}

/** The date `days` days from `iso`. */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return toIsoDate(new Date(y, m - 1, d + days));
}

/** `mardi 3 novembre 2026`. */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(y, m - 1, d),
  );
}
