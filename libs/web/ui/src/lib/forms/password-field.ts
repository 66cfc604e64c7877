import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { FieldError } from './field-error';
import { FormFieldBase } from './form-field-base';

/**
 * A password field with its « Afficher / Masquer le mot de passe » button, its label, hint and
 * French error: `<ui-password-field label="Mot de passe" formControlName="password"
 * autocomplete="current-password" [errors]="{ required: 'Saisissez votre mot de passe.' }" />`.
 * It uses the form's own control, like `ui-text-field`.
 */
@Component({
  selector: 'ui-password-field',
  imports: [FieldError, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, ReactiveFormsModule],
  template: `
    <mat-form-field [class]="fieldClass()">
      <mat-label>{{ label() }}</mat-label>
      <input
        matInput
        [type]="visible() ? 'text' : 'password'"
        [formControl]="control"
        [attr.autocomplete]="autocomplete()"
        [required]="isRequired()"
      />
      <button
        mat-icon-button
        matSuffix
        type="button"
        [attr.aria-label]="visible() ? 'Masquer le mot de passe' : 'Afficher le mot de passe'"
        [attr.aria-pressed]="visible()"
        (click)="visible.set(!visible())"
      >
        <mat-icon aria-hidden="true">{{ visible() ? 'visibility_off' : 'visibility' }}</mat-icon>
      </button>
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
export class PasswordField extends FormFieldBase<string> {
  /** `current-password` to sign in, `new-password` to choose one. */
  readonly autocomplete = input.required<'current-password' | 'new-password'>();
  /** Whether the password is shown as text. */
  protected readonly visible = signal(false);
}
