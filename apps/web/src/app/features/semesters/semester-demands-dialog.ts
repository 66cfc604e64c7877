import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormArray, FormControl, FormGroup, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import {
  type SemesterDemandInput,
  type SemesterPlan,
  STAGE_TYPE_LABELS,
  type StageType,
} from '@maillage/shared/domain';
import { DIALOG_FORM } from '@maillage/web/ui';
import { formSubmission, numberOrNull } from '@maillage/web/util';
import { demandDrafts, SEMESTERS_URL } from './semester-format';

/** The saved plan, or `conflict` when someone saved this semester meanwhile (409). */
export type SemesterDemandsResult = SemesterPlan | 'conflict';

const PLACES = [Validators.min(0), Validators.max(10_000), Validators.pattern(/^\d+$/)];
const PLACES_ERROR = 'Nombre entier, 0 ou plus.';

/** Places requested (faculty, ARS) and filled, per stage type, for one semester. */
@Component({
  selector: 'app-semester-demands-dialog',
  imports: [DIALOG_FORM],
  templateUrl: './semester-demands-dialog.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .demand-table {
      border-collapse: collapse;
      width: 100%;
    }
    th {
      text-align: start;
      font: var(--mat-sys-label-large);
      padding: 4px 8px;
    }
    td {
      padding: 0 8px;
      vertical-align: top;
    }
    mat-form-field {
      width: 140px;
    }
  `,
})
export class SemesterDemandsDialog {
  private readonly http = inject(HttpClient);
  private readonly ref = inject<MatDialogRef<SemesterDemandsDialog, SemesterDemandsResult>>(MatDialogRef);
  protected readonly plan = inject<SemesterPlan>(MAT_DIALOG_DATA);
  protected readonly labels = STAGE_TYPE_LABELS;
  /** The two figures of a row, each a number field. */
  protected readonly columns = [
    { key: 'requested', label: 'Demandées' },
    { key: 'filled', label: 'Pourvues' },
  ] as const;
  protected readonly placesErrors = {
    required: PLACES_ERROR,
    min: PLACES_ERROR,
    max: PLACES_ERROR,
    pattern: PLACES_ERROR,
  };

  protected readonly rows = new FormArray(
    demandDrafts(this.plan).map(
      (d) =>
        new FormGroup({
          stageType: new FormControl<StageType>(d.stageType, { nonNullable: true }),
          requested: new FormControl<number | null>(d.placesRequested, [Validators.required, ...PLACES]),
          filled: new FormControl<number | null>(d.placesFilled, PLACES),
        }),
    ),
  );
  /** The whole form: `[formGroup]` on the `<form>` is what makes « Enregistrer » submit it (not reload the page). */
  protected readonly form = new FormGroup({ rows: this.rows });
  protected readonly submission = formSubmission(this.form, {
    fields: { 'demands.*.placesRequested': 'rows.*.requested', 'demands.*.placesFilled': 'rows.*.filled' },
    labels: {
      'rows.*.requested': (i) => `Places demandées, ${this.stageLabel(i)}`,
      'rows.*.filled': (i) => `Places pourvues, ${this.stageLabel(i)}`,
    },
  });

  protected async submit(): Promise<void> {
    const demands: SemesterDemandInput[] = this.rows.getRawValue().map((r) => ({
      stageType: r.stageType,
      placesRequested: Number(r.requested ?? 0),
      placesFilled: numberOrNull(r.filled),
    }));
    await this.submission.submit(
      () =>
        this.http.put<SemesterPlan>(`${SEMESTERS_URL}/${this.plan.semester}/demands`, {
          demands,
          version: this.plan.version,
        }),
      { onConflict: () => this.ref.close('conflict'), then: (saved) => this.ref.close(saved) },
    );
  }

  private stageLabel(index: number): string {
    const row = this.rows.at(index);
    return row ? STAGE_TYPE_LABELS[row.controls.stageType.value] : `ligne ${index + 1}`;
  }
}
