import { type AfterViewChecked, Directive, inject, input } from '@angular/core';
import type { AbstractControl, ValidationErrors } from '@angular/forms';
import { MatFormField } from '@angular/material/form-field';
import { setControlLabel } from '@maillage/web/util';

/** The message of each validator, when the field gives none of its own. */
function defaultMessage(key: string, error: unknown): string {
  const detail = (error ?? {}) as Record<string, unknown>;
  switch (key) {
    case 'required':
      return 'Ce champ est obligatoire.';
    case 'minlength':
      return `${String(detail['requiredLength'])} caractères au moins.`;
    case 'maxlength':
      return `${String(detail['requiredLength'])} caractères au plus.`;
    case 'min':
      return `${String(detail['min'])} au moins.`;
    case 'max':
      return `${String(detail['max'])} au plus.`;
    case 'email':
      return 'Adresse e-mail non valide.';
    case 'matDatepickerParse':
      return 'Date non valide : jj/mm/aaaa.';
    case 'matDatepickerMin':
      return 'Date trop ancienne.';
    case 'matDatepickerMax':
      return 'Date trop lointaine.';
    default:
      return 'Valeur non valide.';
  }
}

/** The messages of a field: one per validator, or one sentence for any of them. */
export type FieldMessages = Readonly<Record<string, string>> | string;

/** The text of a field's error: the API's message first, then the first failing validator. */
export function fieldErrorText(errors: ValidationErrors | null, messages: FieldMessages): string {
  if (!errors) return '';
  if (typeof errors['server'] === 'string') return errors['server'];
  const key = Object.keys(errors)[0];
  if (key === undefined) return '';
  if (typeof messages === 'string') return messages || defaultMessage(key, errors[key]);
  return messages[key] ?? defaultMessage(key, errors[key]);
}

/**
 * The error of a form field, in French: `<mat-error [uiFieldError]="{ required: 'Saisissez le nom.' }" />`
 * (or one sentence for any failing validator: `uiFieldError="Une année entre 1950 et 2026."`).
 * It shows the API's message placed on the control by `FormSubmission` (« Nom : … »), else the
 * message of the first failing validator (the field's own, or a French default). It registers the
 * field's label, so that the API's messages name the field by it, never by a property path.
 * `control`: for a field whose control is not the form field's own (a custom picker).
 */
@Directive({
  selector: 'mat-error[uiFieldError]',
  host: { '[textContent]': 'text()' },
})
export class FieldError implements AfterViewChecked {
  private readonly formField = inject(MatFormField, { optional: true });
  private registered: AbstractControl | null = null;

  readonly uiFieldError = input<FieldMessages>('');
  readonly control = input<AbstractControl | null | undefined>(undefined);

  /** After the form field's view: its label is projected by then (it is not on the first content check). */
  ngAfterViewChecked(): void {
    const control = this.target();
    if (!control || control === this.registered) return;
    const label = this.label();
    if (label) {
      setControlLabel(control, label);
      this.registered = control;
    }
  }

  protected text(): string {
    return fieldErrorText(this.target()?.errors ?? null, this.uiFieldError());
  }

  private target(): AbstractControl | null {
    return this.control() ?? this.formField?._control?.ngControl?.control ?? null;
  }

  /** The visible label of the field (« Nom du terrain »). */
  private label(): string {
    // The form field, not the error: an error is out of the page until it is shown.
    const field = this.formField?._elementRef.nativeElement as HTMLElement | undefined;
    return field?.querySelector('mat-label')?.textContent?.trim() ?? '';
  }
}
