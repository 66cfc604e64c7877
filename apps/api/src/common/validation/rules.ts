import { isValidRpps, todayInFrance } from '@maillage/shared/domain';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsDateString,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateBy,
  ValidateIf,
} from 'class-validator';

import { emptyToNull, toBoolean, toList, trim } from './transforms';

/**
 * One decorator per rule, reused by every DTO. Messages do not repeat the field: the validation
 * pipe puts its path in front (« name : 2 caractères au moins. », « actions.0.dueOn : … »).
 *
 * Presence of a field: `required` (the default), `optional` (may be left out or `null`: the
 * column is nullable), `omittable` (may be left out, but not sent as `null`: the column is NOT NULL).
 */
export type Presence = 'required' | 'optional' | 'omittable';

/** The field may be left out, but not set to `null` (unlike `@IsOptional()`). */
export function Omittable() {
  return ValidateIf((_: object, value: unknown) => value !== undefined);
}

function presence(of: Presence): PropertyDecorator[] {
  if (of === 'optional') return [IsOptional()];
  return of === 'omittable' ? [Omittable()] : [];
}

/** The years a date of the mission may fall in: a typo such as 0100 or 20266 is refused, not stored. */
export const DATE_YEARS = { min: 1900, max: 2199 } as const;

/** A calendar date `YYYY-MM-DD` that exists (no time, no French format), in `DATE_YEARS`. */
export function IsIsoDate(of: Presence = 'required') {
  const message = 'date attendue au format AAAA-MM-JJ.';
  return applyDecorators(
    IsDateString({ strict: true }, { message }),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message }),
    ValidateBy({
      name: 'plausibleYear',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string') return true;
          const year = Number(value.slice(0, 4));
          return !/^\d{4}-/.test(value) || (year >= DATE_YEARS.min && year <= DATE_YEARS.max);
        },
        defaultMessage: () => `année hors de la plage admise (${DATE_YEARS.min} à ${DATE_YEARS.max}).`,
      },
    }),
    ...presence(of),
  );
}

/** The id (uuid) of a record: a filter of a query string, or a reference in a body. */
export function IsId(of: Presence = 'required') {
  return applyDecorators(IsUUID('all', { message: 'identifiant (uuid) attendu.' }), ...presence(of));
}

/** Clocks of clients and server differ a little. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** A date (`YYYY-MM-DD`) not after today in France, or an instant not after now. */
export function NotInFuture() {
  return ValidateBy({
    name: 'notInFuture',
    validator: {
      validate: (value: unknown) =>
        typeof value !== 'string' ||
        (value.length === 10 ? value <= todayInFrance() : !(Date.parse(value) > Date.now() + CLOCK_SKEW_MS)),
      defaultMessage: () => 'la date ne peut pas être dans le futur.',
    },
  });
}

/** An RPPS number: 11 digits with a valid check digit (`isValidRpps`). */
export function IsRpps() {
  return ValidateBy({
    name: 'isRpps',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isValidRpps(value),
      defaultMessage: () => 'numéro RPPS invalide (11 chiffres, clé de contrôle comprise).',
    },
  });
}

export interface OneOfOptions {
  presence?: Presence;
  /** A list (`?status=a,b` in a query string, or an array in a body). */
  each?: boolean;
  /** Documented as nullable. */
  nullable?: boolean;
  /** Documented default. */
  default?: string;
  /** Instead of « valeurs possibles a, b, c. » */
  message?: string;
  /** For the OpenAPI document. */
  description?: string;
}

/** One of the values of a list of the shared lib (an enum in the OpenAPI document). */
export function OneOf(values: readonly (string | number)[], options: OneOfOptions = {}) {
  const { presence: of = 'required', each = false } = options;
  const message = options.message ?? `valeurs possibles ${values.join(', ')}.`;
  return applyDecorators(
    ApiProperty({
      enum: values,
      isArray: each || undefined,
      required: of === 'required',
      nullable: options.nullable,
      default: options.default,
      description: options.description,
    }),
    ...presence(of),
    ...(each ? [Transform(toList)] : []),
    IsIn(values, { each, message }),
  );
}

export interface TextOptions {
  /** Characters at most. */
  max: number;
  /** Characters at least, after trimming. */
  min?: number;
  /** `blank` is `optional` where a blank text clears the field (it becomes `null`). */
  presence?: Presence | 'blank';
  /** When it is not a text: default « texte attendu. » */
  notText?: string;
  /** When it is shorter than `min`: default « N caractères au moins. » */
  tooShort?: string;
  /** Kept as typed (long free text): not trimmed. */
  untrimmed?: boolean;
}

/** A text, trimmed, between `min` and `max` characters. */
export function Text(options: TextOptions) {
  const { max, min, presence: of = 'required', untrimmed = false } = options;
  const transform = of === 'blank' ? [Transform(emptyToNull)] : untrimmed ? [] : [Transform(trim)];
  return applyDecorators(
    ...(min === undefined ? [] : [MinLength(min, { message: options.tooShort ?? `${min} caractères au moins.` })]),
    MaxLength(max, { message: `${max} caractères au plus.` }),
    IsString({ message: options.notText ?? 'texte attendu.' }),
    ...presence(of === 'blank' ? 'optional' : of),
    ...transform,
  );
}

/** `true` or `false` in a query string (a filter that may be left out). */
export function QueryFlag() {
  return applyDecorators(IsBoolean({ message: 'true ou false.' }), Transform(toBoolean), IsOptional());
}

/**
 * At most `max` when the value is a number; a missing or non-numeric value is left to the
 * property's other rules, so that it gets one message, not two.
 */
export function NumberAtMost(max: number, message: string) {
  return ValidateBy({
    name: 'numberAtMost',
    constraints: [max],
    validator: {
      validate: (value: unknown) => typeof value !== 'number' || value <= max,
      defaultMessage: () => message,
    },
  });
}

/**
 * A finite number with at most `places` decimals. (class-validator's `maxDecimalPlaces` throws on
 * numbers it writes with an exponent, such as 5e-324, which answered 500.)
 */
export function IsDecimal(places: number, message: string) {
  const scale = 10 ** places;
  return ValidateBy({
    name: 'isDecimal',
    constraints: [places],
    validator: {
      validate: (value: unknown) =>
        typeof value === 'number' &&
        Number.isFinite(value * scale) &&
        Math.abs(Math.round(value * scale) - value * scale) < 1e-6,
      defaultMessage: () => message,
    },
  });
}
