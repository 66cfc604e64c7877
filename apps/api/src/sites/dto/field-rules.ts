import { applyDecorators } from '@nestjs/common';
import { IsDateString, Matches, ValidateIf } from 'class-validator';

/** Trims strings (other values are left for the validators to refuse). */
export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** The field may be left out, but not set to `null` (unlike `@IsOptional()`). */
export function Omittable() {
  return ValidateIf((_: object, value: unknown) => value !== undefined);
}

/** A calendar date `YYYY-MM-DD` that exists (no time, no French format). */
export function IsIsoDate(field: string) {
  const message = `${field} : date attendue au format AAAA-MM-JJ.`;
  return applyDecorators(IsDateString({ strict: true }, { message }), Matches(/^\d{4}-\d{2}-\d{2}$/, { message }));
}
