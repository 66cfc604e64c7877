import type { Provider } from '@angular/core';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, type MatFormFieldDefaultOptions } from '@angular/material/form-field';
import { provideFrenchDates } from './french-date-adapter';

/** Outlined fields whose hint and error space appears only when there is something to say. */
export const FORM_FIELD_DEFAULTS: MatFormFieldDefaultOptions = { appearance: 'outline', subscriptSizing: 'dynamic' };

/**
 * Material's settings for the app's screens: French dates and outlined form fields. The lazy
 * routes provide them (the signed-in shell, the login page), not the root: the root would put the
 * form field and the date adapter in the JavaScript of the very first page (docs/benchmarks.md).
 */
export function provideMaterialDefaults(): Provider[] {
  return [...provideFrenchDates(), { provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: FORM_FIELD_DEFAULTS }];
}
