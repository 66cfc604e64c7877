import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { FieldError } from './field-error';
import { FormFieldBase } from './form-field-base';

/**
 * A date field of a form with its calendar, its « jj/mm/aaaa » hint and French error:
 * `<ui-date-field label="Début" formControlName="startDate" [min]="today" [required]="true" />`.
 * It uses the form's own control, like `ui-select-field`; the calendar's own validators (a date
 * that does not parse, before `min`, after `max`) say their French messages at the field.
 */
@Component({
  selector: 'ui-date-field',
  // The standalone pieces, never `MatDatepickerModule` (see `DATE_FIELD`).
  imports: [
    FieldError,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatFormFieldModule,
    MatInputModule,
    ReactiveFormsModule,
  ],
  template: `
    <mat-form-field [class]="fieldClass()">
      <mat-label>{{ label() }}</mat-label>
      <input
        matInput
        [matDatepicker]="picker"
        [formControl]="control"
        [min]="min()"
        [max]="max()"
        [required]="isRequired()"
      />
      <mat-hint>{{ hint() || 'jj/mm/aaaa' }}</mat-hint>
      <mat-datepicker-toggle matIconSuffix [for]="picker" />
      <mat-datepicker #picker />
      <mat-error [uiFieldError]="errors()" />
    </mat-form-field>
  `,
  styles: ':host { display: contents; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DateField<D> extends FormFieldBase<D> {
  readonly min = input<D | null>(null);
  readonly max = input<D | null>(null);
}
