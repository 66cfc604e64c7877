import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import {
  MSU_STAGE_LABELS,
  type MsuStage,
  type ProfessionalDetail,
  professionalDisplayName,
  type ProfessionalSummary,
} from '@maillage/shared/domain';
import { DATE_FIELD, DIALOG_FORM } from '@maillage/web/ui';
import { formSubmission, fromIsoDate, textOrNull, toIsoDate } from '@maillage/web/util';
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
  imports: [DIALOG_FORM, DATE_FIELD, MatIconModule],
  template: `
    <form
      uiDialogForm
      heading="Changer d’étape"
      [formGroup]="form"
      [submission]="submission"
      (ngSubmit)="submit()"
      submitLabel="Déplacer"
    >
      <p uiDialogLead class="move-summary">
        <strong>{{ name }}</strong> : {{ labels[data.professional.msuStage] }}
        <mat-icon aria-hidden="true">arrow_forward</mat-icon>
        <span class="visually-hidden">vers</span>
        <strong>{{ labels[data.toStage] }}</strong>
      </p>
      <ui-date-field
        label="Date du passage"
        formControlName="date"
        [min]="minDate"
        [max]="today"
        hint="jj/mm/aaaa, au plus tôt le début de l’étape actuelle"
        [errors]="dateErrors"
      />
      <ui-text-field
        label="Note (facultative)"
        formControlName="note"
        [rows]="3"
        [maxlength]="2000"
        hint="Par exemple : appel, rencontre, dossier reçu. Aucune information de santé."
      />
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
  protected readonly minDate = fromIsoDate(this.data.professional.msuStageSince);
  protected readonly form = inject(NonNullableFormBuilder).group({
    date: [new Date() as Date | null, Validators.required],
    note: [''],
  });
  protected readonly submission = formSubmission(this.form);
  protected readonly dateErrors = {
    required: 'Saisissez la date, au format jj/mm/aaaa.',
    matDatepickerMax: 'La date ne peut pas être dans le futur.',
    matDatepickerMin: 'La date ne peut pas précéder le début de l’étape actuelle.',
    matDatepickerParse: 'Date invalide : format jj/mm/aaaa attendu.',
  };

  protected async submit(): Promise<void> {
    const { date, note } = this.form.getRawValue();
    await this.submission.submit(
      () => this.api.moveStage(this.data.professional, this.data.toStage, toIsoDate(date as Date), textOrNull(note)),
      // A 409 (changed meanwhile, or a move the pipeline forbids): the page says why and reloads.
      {
        onRefused: (message) => this.ref.close({ kind: 'refused', message }),
        then: (saved) => this.ref.close({ kind: 'moved', professional: saved }),
      },
    );
  }
}
