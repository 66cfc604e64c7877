import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import type { CommitteeMeetingDetail, MeetingActionInput } from '@maillage/shared/domain';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../core/auth/auth.store';
import { errorMessages } from '../../core/http/api-error';
import { toIsoDate } from '../accreditations/accreditations-api';
import { CommitteesApi } from './committees-api';

export interface MeetingActionDialogData {
  meetingId: string;
  meetingTitle: string;
}

type OwnerChoice = 'me' | 'team' | 'label';

/** Adds an action item decided in a meeting: it becomes a task about the meeting. */
@Component({
  selector: 'app-meeting-action-dialog',
  imports: [
    MatButtonModule,
    MatDatepickerModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatRadioModule,
    ReactiveFormsModule,
  ],
  template: `
    <h2 mat-dialog-title>Ajouter une action</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content class="dialog-form">
        <p class="lead">
          L’action devient une tâche liée à « {{ data.meetingTitle }} » : elle apparaît dans les tâches et leur suivi.
        </p>
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
          <mat-label>Action</mat-label>
          <input matInput formControlName="title" maxlength="200" required autocomplete="off" />
          <mat-error>Décrivez l’action (2 caractères au moins).</mat-error>
        </mat-form-field>
        <fieldset>
          <legend class="owner-legend">Responsable</legend>
          <mat-radio-group class="owner-group" formControlName="owner" aria-label="Responsable">
            <mat-radio-button value="me">Moi</mat-radio-button>
            <mat-radio-button value="team">L’équipe</mat-radio-button>
            <mat-radio-button value="label">Une autre personne ou structure</mat-radio-button>
          </mat-radio-group>
        </fieldset>
        @if (form.controls.owner.value === 'label') {
          <mat-form-field>
            <mat-label>Responsable</mat-label>
            <input matInput formControlName="ownerLabel" maxlength="200" autocomplete="off" />
            <mat-hint>Par exemple : CDOM, faculté de médecine, mairie de Provins.</mat-hint>
            <mat-error>Saisissez le responsable (2 caractères au moins).</mat-error>
          </mat-form-field>
        }
        <mat-form-field>
          <mat-label>Échéance</mat-label>
          <input matInput [matDatepicker]="duePicker" formControlName="dueOn" required />
          <mat-hint>jj/mm/aaaa</mat-hint>
          <mat-datepicker-toggle matIconSuffix [for]="duePicker" />
          <mat-datepicker #duePicker />
          <mat-error>Saisissez une échéance (jj/mm/aaaa).</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Annuler</button>
        <button mat-flat-button type="submit" [disabled]="pending()">
          {{ pending() ? 'Enregistrement…' : 'Ajouter l’action' }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .dialog-form {
      display: grid;
      gap: 8px;
      min-width: min(480px, 80vw);
    }
    .lead {
      margin: 0 0 8px;
      color: var(--mat-sys-on-surface-variant);
    }
    .owner-group {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      margin-bottom: 8px;
    }
    .owner-legend {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
      padding: 0;
    }
    fieldset {
      border: 0;
      margin: 0;
      padding: 0;
    }
    .form-errors {
      display: flex;
      gap: 8px;
      color: var(--mat-sys-error);

      ul {
        margin: 0;
        padding-inline-start: 16px;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MeetingActionDialog {
  private readonly api = inject(CommitteesApi);
  private readonly auth = inject(AuthStore);
  private readonly ref = inject<MatDialogRef<MeetingActionDialog, CommitteeMeetingDetail>>(MatDialogRef);
  protected readonly data = inject<MeetingActionDialogData>(MAT_DIALOG_DATA);

  protected readonly form = new FormGroup({
    title: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.minLength(2), Validators.maxLength(200)],
    }),
    owner: new FormControl<OwnerChoice>('me', { nonNullable: true }),
    ownerLabel: new FormControl('', { nonNullable: true, validators: Validators.maxLength(200) }),
    dueOn: new FormControl<Date | null>(null, Validators.required),
  });
  protected readonly pending = signal(false);
  protected readonly errors = signal<string[]>([]);

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    const v = this.form.getRawValue();
    if (v.title.trim().length < 2) this.form.controls.title.setErrors({ required: true });
    if (v.owner === 'label' && v.ownerLabel.trim().length < 2)
      this.form.controls.ownerLabel.setErrors({ required: true });
    if (this.form.invalid || !v.dueOn) {
      this.form.markAllAsTouched();
      return;
    }
    const item: MeetingActionInput = {
      title: v.title.trim(),
      ownerId: v.owner === 'me' ? (this.auth.user()?.id ?? null) : null,
      ownerLabel: v.owner === 'label' ? v.ownerLabel.trim() : null,
      dueOn: toIsoDate(v.dueOn),
    };
    this.pending.set(true);
    this.errors.set([]);
    try {
      this.ref.close(await firstValueFrom(this.api.addActions(this.data.meetingId, [item])));
    } catch (error) {
      this.errors.set(errorMessages(error));
    } finally {
      this.pending.set(false);
    }
  }
}
