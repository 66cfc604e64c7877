import { Directive, inject, input } from '@angular/core';
import { type ControlValueAccessor, type FormControl, NgControl, Validators } from '@angular/forms';
import type { FieldMessages } from './field-error';

/**
 * What the kit's fields (`ui-text-field`, `ui-date-field`, `ui-select-field`) share: the form's own
 * control (`formControlName` / `[formControl]` on the field) is bound to the inner input as is, so
 * its validators, the API's messages placed at the field and the field's label work as for any
 * field; and the inputs every field has (label, required, hint, messages, class).
 */
@Directive()
export abstract class FormFieldBase<V> implements ControlValueAccessor {
  private readonly ngControl = inject(NgControl, { self: true });

  readonly label = input.required<string>();
  readonly required = input(false);
  readonly hint = input('');
  /** The messages of the field's validators (see `uiFieldError`). */
  readonly errors = input<FieldMessages>('');
  readonly fieldClass = input('');

  constructor() {
    // The inner input works on the form's control itself; this component passes nothing through.
    this.ngControl.valueAccessor = this;
  }

  protected get control(): FormControl<V | null> {
    return this.ngControl.control as FormControl<V | null>;
  }

  /** Marked required (the label's asterisk): by `required`, or by the control's own `Validators.required`. */
  protected isRequired(): boolean {
    return this.required() || this.control.hasValidator(Validators.required);
  }

  writeValue(): void {
    // The inner input reads the control.
  }

  registerOnChange(): void {
    // The inner input writes the control.
  }

  registerOnTouched(): void {
    // The inner input marks the control touched.
  }
}
