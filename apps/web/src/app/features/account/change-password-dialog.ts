import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { type AbstractControl, FormControl, FormGroup, type ValidationErrors, Validators } from '@angular/forms';
import { MatDialogRef } from '@angular/material/dialog';
import { PASSWORD_MIN_LENGTH } from '@maillage/shared/domain';
import { DIALOG_FORM } from '@maillage/web/ui';
import { formSubmission } from '@maillage/web/util';

export const CHANGE_PASSWORD_URL = '/api/auth/password';

/** The confirmation repeats the new password. */
function sameAsNew(control: AbstractControl): ValidationErrors | null {
  const group = control.parent;
  if (!group) return null;
  return control.value === group.get('newPassword')?.value ? null : { mismatch: true };
}

/**
 * « Changer mon mot de passe » (user menu): the current password, the new one twice. The API
 * checks the current one, the strength of the new one, and ends the user's other sessions.
 */
@Component({
  selector: 'app-change-password-dialog',
  imports: [DIALOG_FORM],
  template: `
    <form
      uiDialogForm
      heading="Changer mon mot de passe"
      [formGroup]="form"
      [submission]="submission"
      (ngSubmit)="submit()"
      submitLabel="Changer le mot de passe"
    >
      <p uiDialogLead>Vos autres sessions (autres navigateurs, autres appareils) seront fermées.</p>
      <ui-text-field
        label="Mot de passe actuel"
        type="password"
        formControlName="currentPassword"
        autocomplete="current-password"
        [errors]="{ required: 'Saisissez votre mot de passe actuel.' }"
      />
      <mat-form-field>
        <mat-label>Nouveau mot de passe</mat-label>
        <input matInput type="password" formControlName="newPassword" autocomplete="new-password" required />
        <mat-hint>{{ minLength }} caractères au moins ; une phrase de plusieurs mots convient bien.</mat-hint>
        <mat-error [uiFieldError]="newErrors" />
      </mat-form-field>
      <ui-text-field
        label="Confirmer le nouveau mot de passe"
        type="password"
        formControlName="confirmation"
        autocomplete="new-password"
        [errors]="{
          required: 'Saisissez à nouveau le nouveau mot de passe.',
          mismatch: 'Les deux saisies diffèrent.',
        }"
      />
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChangePasswordDialog {
  private readonly http = inject(HttpClient);
  private readonly ref = inject<MatDialogRef<ChangePasswordDialog, boolean>>(MatDialogRef);

  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly newErrors = {
    required: 'Saisissez le nouveau mot de passe.',
    minlength: `${PASSWORD_MIN_LENGTH} caractères au moins.`,
  };
  protected readonly form = new FormGroup({
    currentPassword: new FormControl('', { nonNullable: true, validators: Validators.required }),
    newPassword: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH)],
    }),
    confirmation: new FormControl('', { nonNullable: true, validators: [Validators.required, sameAsNew] }),
  });
  protected readonly submission = formSubmission(this.form);

  constructor() {
    // The confirmation is checked again when the new password changes.
    this.form.controls.newPassword.valueChanges.subscribe(() =>
      this.form.controls.confirmation.updateValueAndValidity({ emitEvent: false }),
    );
  }

  protected async submit(): Promise<void> {
    const { currentPassword, newPassword } = this.form.getRawValue();
    await this.submission.submit(() => this.http.post<void>(CHANGE_PASSWORD_URL, { currentPassword, newPassword }), {
      success: 'Mot de passe changé : vos autres sessions sont fermées.',
      then: () => this.ref.close(true),
    });
  }
}
