import { applyDecorators } from '@nestjs/common';
import { IsDateString, Matches, ValidateBy } from 'class-validator';

const FRENCH_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in France (YYYY-MM-DD): the day the users live in, whatever the server's time zone. */
export function todayInFrance(now: Date = new Date()): string {
  return FRENCH_DATE.format(now);
}

/** A calendar date `YYYY-MM-DD`, with the field named in the message. */
export function IsIsoDate(field: string) {
  const message = `${field} : date attendue au format AAAA-MM-JJ.`;
  return applyDecorators(IsDateString({ strict: true }, { message }), Matches(/^\d{4}-\d{2}-\d{2}$/, { message }));
}

/** Clocks of clients and server differ a little. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** A date (`YYYY-MM-DD`) not after today in France, or an instant not after now. */
export function NotInFuture(field: string) {
  return ValidateBy({
    name: 'notInFuture',
    validator: {
      validate: (value: unknown) =>
        typeof value !== 'string' ||
        (value.length === 10 ? value <= todayInFrance() : !(Date.parse(value) > Date.now() + CLOCK_SKEW_MS)),
      defaultMessage: () => `${field} : la date ne peut pas être dans le futur.`,
    },
  });
}
