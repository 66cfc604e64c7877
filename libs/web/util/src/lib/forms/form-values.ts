import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { isValidRpps } from '@maillage/shared/domain';

/** Trimmed text, or `null` when empty: what the API stores for an optional field left blank. */
export function textOrNull(value: string | null | undefined): string | null {
  const text = (value ?? '').trim();
  return text === '' ? null : text;
}

/** A number field left empty (`null` or `''`) is `null`; anything else its number. */
export function numberOrNull(value: number | string | null | undefined): number | null {
  return value === null || value === undefined || value === '' ? null : Number(value);
}

export function normalizeRpps(value: string | null | undefined): string {
  return (value ?? '').replace(/\s+/g, '');
}

/**
 * RPPS number: 11 digits whose last one is a Luhn check digit (same rule as the API).
 * Spaces are tolerated while typing; an empty value is left to `Validators.required`.
 */
export const rppsValidator: ValidatorFn = (control: AbstractControl<string | null>): ValidationErrors | null => {
  const value = normalizeRpps(control.value);
  if (value === '') return null;
  if (!/^\d{11}$/.test(value)) return { rppsFormat: true };
  return isValidRpps(value) ? null : { rppsChecksum: true };
};

/** At least `length` characters once trimmed (spaces alone do not count); an empty value is left to `required`. */
export function trimmedMinLength(length: number): ValidatorFn {
  return (control: AbstractControl<string | null>): ValidationErrors | null => {
    const actualLength = (control.value ?? '').trim().length;
    return actualLength === 0 || actualLength >= length
      ? null
      : { minlength: { requiredLength: length, actualLength } };
  };
}
