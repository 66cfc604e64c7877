import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { FieldError } from './field-error';
import { FormFieldBase } from './form-field-base';

/**
 * A text, number or multi-line field of a form, with its label, hint and French error:
 * `<ui-text-field label="Nom" formControlName="name" [maxlength]="200" [required]="true"
 * [errors]="{ required: 'Donnez un nom.' }" />` (`type="number" [min]="0" suffix="€"` for an
 * amount, `[rows]="3"` for a text area, `type="password" [revealable]="true"` for a password with its
 * « Afficher le mot de passe » button). It uses the form's own control, like `ui-select-field`;
 * `required`, `maxlength`, `min` and `max` are the validators Angular puts on such an input.
 */
@Component({
  selector: 'ui-text-field',
  imports: [FieldError, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, ReactiveFormsModule],
  template: `
    <mat-form-field [class]="fieldClass()">
      <mat-label>{{ label() }}</mat-label>
      @if (rows()) {
        <textarea
          matInput
          [formControl]="control"
          [rows]="rows()"
          [maxlength]="maxlength()"
          [required]="isRequired()"
          [placeholder]="placeholder()"
        ></textarea>
      } @else if (type() === 'number') {
        <input
          matInput
          type="number"
          [formControl]="control"
          [min]="min()"
          [max]="max()"
          [attr.step]="step()"
          [attr.inputmode]="inputmode()"
          [required]="isRequired()"
          [placeholder]="placeholder()"
        />
      } @else {
        <input
          matInput
          [type]="revealed() ? 'text' : type()"
          [formControl]="control"
          [maxlength]="maxlength()"
          [required]="isRequired()"
          [attr.autocomplete]="autocomplete()"
          [attr.inputmode]="inputmode()"
          [placeholder]="placeholder()"
        />
      }
      @if (suffix()) {
        <span matTextSuffix>{{ suffix() }}</span>
      }
      @if (revealable()) {
        <button
          mat-icon-button
          matSuffix
          type="button"
          [attr.aria-label]="revealed() ? 'Masquer le mot de passe' : 'Afficher le mot de passe'"
          [attr.aria-pressed]="revealed()"
          (click)="revealed.set(!revealed())"
        >
          <mat-icon aria-hidden="true">{{ revealed() ? 'visibility_off' : 'visibility' }}</mat-icon>
        </button>
      }
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
export class TextField<V = string> extends FormFieldBase<V> {
  /** `text`, `email`, `tel`, `password`, `number`… */
  readonly type = input('text');
  /** Lines of a text area (0: a one-line input). */
  readonly rows = input(0);
  readonly maxlength = input<number | null>(null);
  readonly min = input<number | null>(null);
  readonly max = input<number | null>(null);
  readonly step = input<number | null>(null);
  readonly autocomplete = input<string | null>(null);
  readonly inputmode = input<string | null>(null);
  readonly placeholder = input('');
  /** A text after the value (`€`, `%`). */
  readonly suffix = input('');
  /** A button that shows the value as text and hides it again (a password). */
  readonly revealable = input(false);
  protected readonly revealed = signal(false);
}
