import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { type BulkResult, MSU_STAGE_LABELS, MSU_STAGES, type MsuStage } from '@maillage/shared/domain';
import { DIALOG_FORM } from '@maillage/web/ui';
import { formSubmission, textOrNull } from '@maillage/web/util';
import { PROFESSIONALS_URL } from './professionals-api';

export interface BulkStageDialogData {
  count: number;
  target: { ids: string[] } | { filters: Record<string, unknown> };
}

/** One confirmation for a bulk move: the stage the selected professionals go to, then one request. */
@Component({
  selector: 'app-bulk-stage-dialog',
  imports: [DIALOG_FORM],
  template: `
    <form
      uiDialogForm
      heading="Changer d’étape du parcours MSU"
      [formGroup]="form"
      [submission]="submission"
      (ngSubmit)="submit()"
      [submitLabel]="'Déplacer ' + data.count + ' professionnel' + (data.count > 1 ? 's' : '')"
    >
      <p uiDialogLead>
        Les {{ data.count }} professionnels sélectionnés passent à l’étape choisie, en une seule opération. Ceux pour
        qui ce passage n’est pas permis sont refusés, avec la raison.
      </p>
      <ui-select-field
        label="Nouvelle étape"
        formControlName="toStage"
        [options]="stages"
        [labels]="labels"
        [required]="true"
        [errors]="{ required: 'Choisissez l’étape où passent les professionnels sélectionnés.' }"
      />
      <ui-text-field label="Note (facultative)" formControlName="note" [rows]="2" [maxlength]="2000" />
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BulkStageDialog {
  protected readonly data = inject<BulkStageDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<BulkStageDialog, BulkResult>>(MatDialogRef);
  private readonly http = inject(HttpClient);
  protected readonly stages = MSU_STAGES;
  protected readonly labels = MSU_STAGE_LABELS;
  protected readonly form = inject(NonNullableFormBuilder).group({
    toStage: ['' as MsuStage | '', Validators.required],
    note: [''],
  });
  // The API names the fields under `stage` (`stage.note : …`): they are the form's own fields.
  protected readonly submission = formSubmission(this.form, {
    fields: { 'stage.toStage': 'toStage', 'stage.note': 'note' },
    labels: { toStage: 'Nouvelle étape', note: 'Note' },
  });

  protected async submit(): Promise<void> {
    const { toStage, note } = this.form.getRawValue();
    const body = {
      ...this.data.target,
      action: 'move_stage',
      stage: { toStage, ...(textOrNull(note) ? { note: note.trim() } : {}) },
    };
    await this.submission.submit(() => this.http.post<BulkResult>(`${PROFESSIONALS_URL}/bulk`, body), {
      then: (result) => this.ref.close(result),
    });
  }
}
