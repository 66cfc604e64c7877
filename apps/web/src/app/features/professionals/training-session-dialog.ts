import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import type { TrainingSessionView } from '@maillage/shared/domain';
import { DATE_FIELD, DIALOG_FORM } from '@maillage/web/ui';
import { formSubmission, toIsoDate } from '@maillage/web/util';
import { ProfessionalsApi } from './professionals-api';

export interface TrainingSessionDialogData {
  professionalId: string;
  professionalName: string;
}

/** Records a continuing-training session (date, hours, title). */
@Component({
  selector: 'app-training-session-dialog',
  imports: [DIALOG_FORM, DATE_FIELD],
  template: `
    <form
      uiDialogForm
      heading="Ajouter une session de formation"
      [formGroup]="form"
      [submission]="submission"
      (ngSubmit)="submit()"
      submitLabel="Ajouter"
    >
      <p uiDialogLead class="dialog-lead">Formation continue de MSU de {{ data.professionalName }}</p>
      <ui-text-field
        label="Intitulé"
        formControlName="title"
        [maxlength]="200"
        [errors]="{ required: titleError, minlength: titleError }"
      />
      <div class="form-grid">
        <ui-date-field label="Date" formControlName="date" [max]="today" [errors]="dateErrors" />
        <ui-text-field
          label="Durée (heures)"
          type="number"
          formControlName="hours"
          [min]="0.5"
          [max]="100"
          [step]="0.5"
          hint="De 0,5 à 100 h"
          [errors]="hoursErrors"
        />
      </div>
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
  protected readonly submission = formSubmission(this.form);
  protected readonly titleError = 'Saisissez l’intitulé (2 caractères au moins).';
  protected readonly dateErrors = {
    required: 'Date requise, pas dans le futur.',
    matDatepickerParse: 'Date requise, pas dans le futur.',
    matDatepickerMax: 'Date requise, pas dans le futur.',
  };
  private readonly hoursError = 'Une durée de 0,5 à 100 heures (une décimale au plus).';
  protected readonly hoursErrors = {
    required: this.hoursError,
    min: this.hoursError,
    max: this.hoursError,
    pattern: this.hoursError,
  };

  protected async submit(): Promise<void> {
    const { title, date, hours } = this.form.getRawValue();
    await this.submission.submit(
      () =>
        this.api.addTrainingSession(this.data.professionalId, {
          title: title.trim(),
          date: toIsoDate(date as Date),
          hours: hours as number,
        }),
      { then: (saved) => this.ref.close(saved) },
    );
  }
}
