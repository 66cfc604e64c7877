import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import type { AnnualReportDetail } from '@maillage/shared/domain';
import { DIALOG_FORM } from '@maillage/web/ui';
import { formSubmission } from '@maillage/web/util';
import { ReportsApi } from './reports-api';

/** Opens a draft report for a year (one per year: the API answers 409 for a second one). */
@Component({
  selector: 'app-create-report-dialog',
  imports: [DIALOG_FORM],
  template: `
    <form
      uiDialogForm
      contentClass="dialog-form dialog-form--wide"
      heading="Nouveau bilan annuel"
      [formGroup]="form"
      [submission]="submission"
      (ngSubmit)="submit()"
      submitLabel="Créer le brouillon"
    >
      <p uiDialogLead>
        Le brouillon reprend les chiffres de l’année, calculés à partir des données ; vous rédigerez ensuite ses
        sections.
      </p>
      <ui-text-field
        label="Année"
        type="number"
        formControlName="year"
        [min]="2020"
        [max]="2100"
        [required]="true"
        [errors]="{ required: yearError, min: yearError, max: yearError }"
      />
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CreateReportDialog {
  private readonly api = inject(ReportsApi);
  private readonly ref = inject(MatDialogRef<CreateReportDialog, AnnualReportDetail>);
  private readonly data = inject<{ year: number }>(MAT_DIALOG_DATA);

  protected readonly year = new FormControl(this.data.year, {
    nonNullable: true,
    validators: [Validators.required, Validators.min(2020), Validators.max(2100)],
  });
  protected readonly form = new FormGroup({ year: this.year });
  protected readonly submission = formSubmission(this.form);
  protected readonly yearError = 'Saisissez une année entre 2020 et 2100.';

  protected async submit(): Promise<void> {
    await this.submission.submit(() => this.api.create({ year: this.year.value }), {
      then: (saved) => this.ref.close(saved),
    });
  }
}
