import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { type Role, ROLE_LABELS, ROLES, type UserAccount } from '@maillage/shared/domain';
import { firstValueFrom } from 'rxjs';
import { errorMessages, httpStatus } from '../../core/http/api-error';
import { UsersApi } from './users-api';

/** `conflict`: someone changed the account meanwhile (409); the page says so and reloads. */
export type UserRoleDialogResult = 'saved' | 'conflict';

@Component({
  selector: 'app-user-role-dialog',
  imports: [MatButtonModule, MatDialogModule, MatFormFieldModule, MatIconModule, MatSelectModule, ReactiveFormsModule],
  template: `
    <h2 mat-dialog-title>Changer le rôle</h2>
    <form (ngSubmit)="submit()" novalidate>
      <mat-dialog-content class="dialog-form">
        <p class="current">{{ user.displayName }} ({{ user.email }}) — rôle actuel : {{ roleLabels[user.role] }}</p>
        @if (errors().length > 0) {
          <div class="form-errors" role="alert">
            <mat-icon aria-hidden="true">error</mat-icon>
            <ul>
              @for (message of errors(); track $index) {
                <li>{{ message }}</li>
              }
            </ul>
          </div>
        }
        <mat-form-field>
          <mat-label>Nouveau rôle</mat-label>
          <mat-select [formControl]="role" required>
            @for (r of roles; track r) {
              <mat-option [value]="r">{{ roleLabels[r] }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Annuler</button>
        <button mat-flat-button type="submit" [disabled]="pending() || unchanged()">Enregistrer</button>
      </mat-dialog-actions>
    </form>
  `,
  styleUrl: './user-dialog.scss',
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
  private readonly selected = toSignal(this.role.valueChanges, { initialValue: this.role.value });
  protected readonly unchanged = computed(() => this.selected() === this.user.role);
  protected readonly pending = signal(false);
  protected readonly errors = signal<string[]>([]);

  protected async submit(): Promise<void> {
    if (this.pending() || this.role.value === this.user.role) return;
    this.pending.set(true);
    this.errors.set([]);
    try {
      await firstValueFrom(this.api.changeRole(this.user, this.role.value));
      this.ref.close('saved');
    } catch (error) {
      if (httpStatus(error) === 409) {
        this.ref.close('conflict');
        return;
      }
      this.errors.set(errorMessages(error));
    } finally {
      this.pending.set(false);
    }
  }
}
