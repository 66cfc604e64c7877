import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { type ControlValueAccessor, type FormControl, NgControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { optionLabel, type OptionLabels } from '@maillage/web/util';
import { FieldError, type FieldMessages } from './field-error';

/**
 * A form's choice among fixed values (a status, a type…), with its label, options and French
 * error: `<ui-select-field label="Statut" formControlName="status" [options]="statuses" [labels]="statusLabels" />`.
 * It uses the form's own control (`formControlName` / `[formControl]`): validators, the API's
 * messages placed at the field and the field's label for them work as for any field.
 */
@Component({
  selector: 'ui-select-field',
  imports: [FieldError, MatFormFieldModule, MatSelectModule, ReactiveFormsModule],
  template: `
    <mat-form-field [class]="fieldClass()">
      <mat-label>{{ label() }}</mat-label>
      <mat-select [formControl]="control" [required]="required()" [multiple]="multiple()">
        @if (emptyLabel() !== null) {
          <mat-option [value]="null">{{ emptyLabel() }}</mat-option>
        }
        @for (option of options(); track option) {
          <mat-option [value]="option">{{ nameOf(option) }}</mat-option>
        }
      </mat-select>
      @if (hint()) {
        <mat-hint>{{ hint() }}</mat-hint>
      }
      <mat-error [uiFieldError]="errors()" />
    </mat-form-field>
  `,
  // The form field is the item of the form's row or column, like the form's other fields.
  styles: ':host { display: contents; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SelectField<V> implements ControlValueAccessor {
  private readonly ngControl = inject(NgControl, { self: true });

  readonly label = input.required<string>();
  readonly options = input.required<readonly V[]>();
  readonly labels = input<OptionLabels<V> | null>(null);
  /** An option for « none » (`null`) first, with this text. */
  readonly emptyLabel = input<string | null>(null);
  readonly required = input(false);
  readonly multiple = input(false);
  readonly hint = input('');
  /** The messages of the field's validators (see `uiFieldError`). */
  readonly errors = input<FieldMessages>('');
  readonly fieldClass = input('');

  constructor() {
    // The inner select works on the form's control itself; this component passes nothing through.
    this.ngControl.valueAccessor = this;
  }

  protected get control(): FormControl<V | null> {
    return this.ngControl.control as FormControl<V | null>;
  }

  protected nameOf(option: V): string {
    return optionLabel(this.labels(), option);
  }

  writeValue(): void {
    // The inner select reads the control.
  }

  registerOnChange(): void {
    // The inner select writes the control.
  }

  registerOnTouched(): void {
    // The inner select marks the control touched.
  }
}
