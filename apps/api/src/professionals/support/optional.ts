import { ValidateIf } from 'class-validator';

/**
 * May be left out, but not sent as `null` (the column is NOT NULL): unlike `@IsOptional()`,
 * a `null` still goes through the other rules of the field and fails them.
 */
export function IsOptionalNotNull() {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}
