import type { NotificationPreferences } from '@maillage/shared/domain';

/** The calendar day, ISO weekday and hour of an instant in Paris (what users mean by "Monday at 8"). */
export interface ParisMoment {
  date: string;
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  hour: number;
}

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
  weekday: 'short',
});
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function parisMoment(now: Date): ParisMoment {
  const parts = Object.fromEntries(PARTS.formatToParts(now).map((p) => [p.type, p.value]));
  return {
    date: `${parts['year']}-${parts['month']}-${parts['day']}`,
    weekday: WEEKDAYS.indexOf(parts['weekday'] as string) + 1,
    hour: Number(parts['hour']),
  };
}

/**
 * The digest of the current ISO week is due once its chosen day and hour have come: a run
 * later in the week (the server was down on Monday) still sends it; the next week's waits.
 */
export function isDigestDue(
  moment: ParisMoment,
  prefs: Pick<NotificationPreferences, 'digestWeekday' | 'digestHour'>,
): boolean {
  return (
    moment.weekday > prefs.digestWeekday || (moment.weekday === prefs.digestWeekday && moment.hour >= prefs.digestHour)
  );
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
