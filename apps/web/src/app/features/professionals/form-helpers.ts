import { HttpErrorResponse } from '@angular/common/http';
import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { isValidRpps } from '@maillage/shared/domain';

/** A calendar day of the date picker as the API writes it: `2026-11-22` (local day, no time zone shift). */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `2026-11-22` → a local `Date` at midnight, for the date picker. */
export function dateFromIso(value: string): Date {
  const [y, m, d] = value.split('-').map(Number);
  return new Date(y, m - 1, d);
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

export function normalizeRpps(value: string | null | undefined): string {
  return (value ?? '').replace(/\s+/g, '');
}

/** The domain code of an API error (`VERSION_CONFLICT`, `DUPLICATE`, `INVALID_STATE`…), if any. */
export function apiErrorCode(error: unknown): string | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const body: unknown = error.error;
  if (typeof body === 'object' && body !== null && 'code' in body && typeof body.code === 'string') return body.code;
  return null;
}

export { isVersionConflict } from '../../core/http/api-error';

/** Trimmed text, or `null` when empty: what the API stores for an optional field left blank. */
export function textOrNull(value: string | null | undefined): string | null {
  const text = (value ?? '').trim();
  return text === '' ? null : text;
}
