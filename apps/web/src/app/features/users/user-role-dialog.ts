import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatSelectModule } from '@angular/material/select';
import { type Role, ROLE_LABELS, ROLES, type UserAccount } from '@maillage/shared/domain';
import { DIALOG_FORM } from '@maillage/web/ui';
import { formSubmission } from '@maillage/web/util';
import { UsersApi } from './users-api';

/** `conflict`: someone changed the account meanwhile (409); the page says so and reloads. */
export type UserRoleDialogResult = 'saved' | 'conflict';

/** Changes the role of an account (its permissions follow the one permission map). */
@Component({
  selector: 'app-user-role-dialog',
  imports: [DIALOG_FORM, MatSelectModule],
  template: `
    <!-- [formGroup] is what makes « Enregistrer » submit the form instead of reloading the page. -->
    <form
      uiDialogForm
      heading="Changer le rôle"
      [formGroup]="form"
      [submission]="submission"
      (ngSubmit)="submit()"
      [disabled]="unchanged()"
    >
      <p uiDialogLead class="dialog-lead">
        {{ user.displayName }} ({{ user.email }}) — rôle actuel : {{ roleLabels[user.role] }}
      </p>
      <ui-select-field
        label="Nouveau rôle"
        formControlName="role"
        [options]="roles"
        [labels]="roleLabels"
        [required]="true"
      />
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserRoleDialog {
  private readonly api = inject(UsersApi);
  private readonly ref = inject<MatDialogRef<UserRoleDialog, UserRoleDialogResult>>(MatDialogRef);
  protected readonly user = inject<UserAccount>(MAT_DIALOG_DATA);

  protected readonly roles = ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly role = new FormControl<Role>(this.user.role, {
    nonNullable: true,
    validators: Validators.required,
  });
  protected readonly form = new FormGroup({ role: this.role });
  private readonly selected = toSignal(this.role.valueChanges, { initialValue: this.role.value });
  protected readonly unchanged = computed(() => this.selected() === this.user.role);
  protected readonly submission = formSubmission(this.form);

  protected async submit(): Promise<void> {
    if (this.role.value === this.user.role) return;
    await this.submission.submit(() => this.api.changeRole(this.user, this.role.value), {
      onConflict: () => this.ref.close('conflict'),
      then: () => this.ref.close('saved'),
    });
  }
}
