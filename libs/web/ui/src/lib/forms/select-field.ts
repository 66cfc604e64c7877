import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { optionLabel, type OptionLabels } from '@maillage/web/util';
import { FieldError } from './field-error';
import { FormFieldBase } from './form-field-base';

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
export class SelectField<V> extends FormFieldBase<V> {
  readonly options = input.required<readonly V[]>();
  readonly labels = input<OptionLabels<V> | null>(null);
  /** An option for « none » (`null`) first, with this text. */
  readonly emptyLabel = input<string | null>(null);
  readonly multiple = input(false);

  protected nameOf(option: V): string {
    return optionLabel(this.labels(), option);
  }
}
