import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatSelectModule } from '@angular/material/select';
import {
  DEPARTEMENT_CODE,
  mayBeNational,
  PASSWORD_MIN_LENGTH,
  type Role,
  ROLE_LABELS,
  ROLES,
  type UserAccount,
} from '@maillage/shared/domain';
import { DIALOG_FORM } from '@maillage/web/ui';
import { formSubmission } from '@maillage/web/util';
import { type NewUser, UsersApi } from './users-api';

export const CONFLICT_MESSAGE = 'Ce compte a été modifié entre-temps : rechargez la page.';

export interface UserCreateDialogData {
  /** The administrator's own département, proposed for the new account. */
  departementCode: string | null;
}

@Component({
  selector: 'app-user-create-dialog',
  imports: [DIALOG_FORM, MatCheckboxModule, MatSelectModule],
  templateUrl: './user-create-dialog.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserCreateDialog {
  private readonly api = inject(UsersApi);
  private readonly ref = inject<MatDialogRef<UserCreateDialog, UserAccount>>(MatDialogRef);
  private readonly data = inject<UserCreateDialogData>(MAT_DIALOG_DATA);

  protected readonly roles = ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly passwordHint = `Au moins ${PASSWORD_MIN_LENGTH} caractères ; à transmettre à la personne par un canal sûr.`;
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    displayName: ['', [Validators.required, Validators.maxLength(120)]],
    role: ['mission_officer' as Role, Validators.required],
    national: [false],
    departementCode: [this.data.departementCode ?? '', [Validators.required, Validators.pattern(DEPARTEMENT_CODE)]],
    password: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH)]],
  });
  private readonly role = toSignal(this.form.controls.role.valueChanges, {
    initialValue: this.form.controls.role.value,
  });
  private readonly nationalChecked = toSignal(this.form.controls.national.valueChanges, { initialValue: false });
  protected readonly canBeNational = computed(() => mayBeNational(this.role()));
  protected readonly national = computed(() => this.canBeNational() && this.nationalChecked());
  protected readonly submission = formSubmission(this.form);
  protected readonly messages = {
    displayName: { required: 'Saisissez le nom de la personne.' },
    email: { required: 'Saisissez l’adresse e-mail.', email: 'Cette adresse e-mail n’est pas valide.' },
    departementCode: {
      required: 'Saisissez le code du département.',
      pattern: 'Code attendu : 2 chiffres (2A, 2B ou 971 à 976 outre-mer).',
    },
    password: {
      required: 'Saisissez un mot de passe initial.',
      minlength: `Le mot de passe doit compter au moins ${PASSWORD_MIN_LENGTH} caractères.`,
    },
  };

  constructor() {
    this.form.controls.role.valueChanges.subscribe(() => this.syncDepartement());
    this.form.controls.national.valueChanges.subscribe(() => this.syncDepartement());
  }

  protected async submit(): Promise<void> {
    const value = this.form.getRawValue();
    const user: NewUser = {
      email: value.email.trim(),
      displayName: value.displayName.trim(),
      role: value.role,
      departementCode: this.national() ? null : value.departementCode.trim().toUpperCase(),
      password: value.password,
    };
    await this.submission.submit(() => this.api.create(user), { then: (saved) => this.ref.close(saved) });
  }

  /** A national account has no département: the field is off while "national" is ticked. */
  private syncDepartement(): void {
    const control = this.form.controls.departementCode;
    const national = mayBeNational(this.form.controls.role.value) && this.form.controls.national.value;
    if (national && control.enabled) control.disable();
    if (!national && control.disabled) control.enable();
  }
}
