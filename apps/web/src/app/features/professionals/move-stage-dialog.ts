import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import {
  MSU_STAGE_LABELS,
  type MsuStage,
  type ProfessionalDetail,
  professionalDisplayName,
  type ProfessionalSummary,
} from '@maillage/shared/domain';
import { firstValueFrom } from 'rxjs';
import { errorMessages, httpStatus } from '../../core/http/api-error';
import { dateFromIso, isoDate } from './form-helpers';
import { ProfessionalsApi } from './professionals-api';

export interface MoveStageDialogData {
  professional: ProfessionalSummary;
  toStage: MsuStage;
}

/**
 * `moved`: the API accepted the move. `refused`: it answered 409 (stale version or a move the
 * pipeline forbids); `message` says why, the caller shows it and reloads.
 */
export type MoveStageDialogResult =
  | { kind: 'moved'; professional: ProfessionalDetail }
  | { kind: 'refused'; message: string };

/** Asks the date and a note of a pipeline move, then records it. */
@Component({
  selector: 'app-move-stage-dialog',
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
    <h2 mat-dialog-title>Changer d’étape</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content class="dialog-form">
        <p class="move-summary">
          <strong>{{ name }}</strong> : {{ labels[data.professional.msuStage] }}
          <mat-icon aria-hidden="true">arrow_forward</mat-icon>
          <span class="visually-hidden">vers</span>
          <strong>{{ labels[data.toStage] }}</strong>
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
          <mat-label>Date du passage</mat-label>
          <input matInput [matDatepicker]="picker" formControlName="date" [min]="minDate" [max]="today" required />
          <mat-datepicker-toggle matIconSuffix [for]="picker" />
          <mat-datepicker #picker />
          <mat-hint>jj/mm/aaaa, au plus tôt le début de l’étape actuelle</mat-hint>
          @if (form.controls.date.hasError('required')) {
            <mat-error>Saisissez la date, au format jj/mm/aaaa.</mat-error>
          } @else if (form.controls.date.hasError('matDatepickerMax')) {
            <mat-error>La date ne peut pas être dans le futur.</mat-error>
          } @else if (form.controls.date.hasError('matDatepickerMin')) {
            <mat-error>La date ne peut pas précéder le début de l’étape actuelle.</mat-error>
          } @else if (form.controls.date.hasError('matDatepickerParse')) {
            <mat-error>Date invalide : format jj/mm/aaaa attendu.</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>Note (facultative)</mat-label>
          <textarea matInput formControlName="note" rows="3" maxlength="2000"></textarea>
          <mat-hint>Par exemple : appel, rencontre, dossier reçu. Aucune information de santé.</mat-hint>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Annuler</button>
        <button mat-flat-button type="submit" [disabled]="pending()">
          {{ pending() ? 'Enregistrement…' : 'Déplacer' }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styleUrl: './professional-dialogs.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MoveStageDialog {
  private readonly api = inject(ProfessionalsApi);
  private readonly ref = inject<MatDialogRef<MoveStageDialog, MoveStageDialogResult>>(MatDialogRef);
  protected readonly data = inject<MoveStageDialogData>(MAT_DIALOG_DATA);

  protected readonly labels = MSU_STAGE_LABELS;
  protected readonly name = professionalDisplayName(this.data.professional);
  protected readonly today = new Date();
  protected readonly minDate = dateFromIso(this.data.professional.msuStageSince);
  protected readonly form = inject(NonNullableFormBuilder).group({
    date: [new Date() as Date | null, Validators.required],
    note: [''],
  });
  protected readonly pending = signal(false);
  protected readonly errors = signal<string[]>([]);

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    const { date, note } = this.form.getRawValue();
    if (this.form.invalid || !date) {
      this.form.markAllAsTouched();
      return;
    }
    this.pending.set(true);
    this.errors.set([]);
    try {
      const moved = await firstValueFrom(
        this.api.moveStage(this.data.professional, this.data.toStage, isoDate(date), note.trim() || null),
      );
      this.ref.close({ kind: 'moved', professional: moved });
    } catch (error) {
      if (httpStatus(error) === 409) {
        this.ref.close({ kind: 'refused', message: errorMessages(error).join(' ') });
        return;
      }
      this.errors.set(errorMessages(error));
    } finally {
      this.pending.set(false);
    }
  }
}
