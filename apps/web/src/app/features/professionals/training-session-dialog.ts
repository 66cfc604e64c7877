import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import type { TrainingSessionView } from '@maillage/shared/domain';
import { firstValueFrom } from 'rxjs';
import { errorMessages } from '../../core/http/api-error';
import { isoDate } from './form-helpers';
import { ProfessionalsApi } from './professionals-api';

export interface TrainingSessionDialogData {
  professionalId: string;
  professionalName: string;
}

/** Records a continuing-training session (date, hours, title). */
@Component({
  selector: 'app-training-session-dialog',
  imports: [
    MatButtonModule,
    MatDatepickerModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    ReactiveFormsModule,
  ],
  template: `
    <h2 mat-dialog-title>Ajouter une session de formation</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content class="dialog-form">
        <p class="move-summary">Formation continue de MSU de {{ data.professionalName }}</p>
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
          <mat-label>Intitulé</mat-label>
          <input matInput formControlName="title" autocomplete="off" required maxlength="200" />
          @if (form.controls.title.invalid) {
            <mat-error>Saisissez l’intitulé (2 caractères au moins).</mat-error>
          }
        </mat-form-field>
        <div class="form-grid">
          <mat-form-field>
            <mat-label>Date</mat-label>
            <input matInput [matDatepicker]="picker" formControlName="date" [max]="today" required />
            <mat-datepicker-toggle matIconSuffix [for]="picker" />
            <mat-datepicker #picker />
            <mat-hint>jj/mm/aaaa</mat-hint>
            @if (form.controls.date.invalid) {
              <mat-error>Date requise, pas dans le futur.</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>Durée (heures)</mat-label>
            <input matInput type="number" formControlName="hours" min="0.5" max="100" step="0.5" required />
            <mat-hint>De 0,5 à 100 h</mat-hint>
            @if (form.controls.hours.invalid) {
              <mat-error>Une durée de 0,5 à 100 heures (une décimale au plus).</mat-error>
            }
          </mat-form-field>
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Annuler</button>
        <button mat-flat-button type="submit" [disabled]="pending()">
          {{ pending() ? 'Enregistrement…' : 'Ajouter' }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styleUrl: './professional-dialogs.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TrainingSessionDialog {
  private readonly api = inject(ProfessionalsApi);
  private readonly ref = inject<MatDialogRef<TrainingSessionDialog, TrainingSessionView>>(MatDialogRef);
  protected readonly data = inject<TrainingSessionDialogData>(MAT_DIALOG_DATA);

  protected readonly today = new Date();
  protected readonly form = inject(NonNullableFormBuilder).group({
    title: ['', [Validators.required, Validators.minLength(2), Validators.maxLength(200)]],
    date: [new Date() as Date | null, Validators.required],
    hours: [
      7 as number | null,
      [Validators.required, Validators.min(0.5), Validators.max(100), Validators.pattern(/^\d+(\.\d)?$/)],
    ],
  });
  protected readonly pending = signal(false);
  protected readonly errors = signal<string[]>([]);

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    const { title, date, hours } = this.form.getRawValue();
    if (this.form.invalid || !date || hours === null) {
      this.form.markAllAsTouched();
      return;
    }
    this.pending.set(true);
    this.errors.set([]);
    try {
      const session = await firstValueFrom(
        this.api.addTrainingSession(this.data.professionalId, { title: title.trim(), date: isoDate(date), hours }),
      );
      this.ref.close(session);
    } catch (error) {
      this.errors.set(errorMessages(error));
    } finally {
      this.pending.set(false);
    }
  }
}
