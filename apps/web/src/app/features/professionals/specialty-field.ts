import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { FieldError, FormFieldBase } from '@maillage/web/ui';
import { specialtySuggestions } from './professional-filters';

/**
 * A professional's specialty, typed freely or picked among the suggestions that contain what is
 * typed: `<app-specialty-field formControlName="specialty" />` (the professional form, a referral,
 * an installation intent). It uses the form's own control, like the kit's fields.
 */
@Component({
  selector: 'app-specialty-field',
  imports: [FieldError, MatAutocompleteModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule],
  template: `
    <mat-form-field [class]="fieldClass()">
      <mat-label>{{ label() }}</mat-label>
      <input
        matInput
        [formControl]="control"
        [matAutocomplete]="specialtyList"
        autocomplete="off"
        [required]="isRequired()"
      />
      <mat-autocomplete #specialtyList="matAutocomplete">
        @for (option of suggestions(control.value); track option) {
          <mat-option [value]="option">{{ option }}</mat-option>
        }
      </mat-autocomplete>
      <mat-error [uiFieldError]="errors()" />
    </mat-form-field>
  `,
  // The form field is the item of the form's grid, like the form's other fields.
  styles: ':host { display: contents; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SpecialtyField extends FormFieldBase<string> {
  protected readonly suggestions = specialtySuggestions;
}
