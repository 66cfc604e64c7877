import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import {
  type SemesterDemandInput,
  type SemesterPlan,
  STAGE_TYPE_LABELS,
  type StageType,
} from '@maillage/shared/domain';
import { firstValueFrom } from 'rxjs';
import { errorMessages } from '../../core/http/api-error';
import { isVersionConflict } from '../tasks/tasks-api';
import { demandDrafts, SEMESTERS_URL } from './semester-format';

/** The saved plan, or `conflict` when someone saved this semester meanwhile (409). */
export type SemesterDemandsResult = SemesterPlan | 'conflict';

const PLACES = [Validators.min(0), Validators.max(10_000), Validators.pattern(/^\d+$/)];

/** Places requested (faculty, ARS) and filled, per stage type, for one semester. */
@Component({
  selector: 'app-semester-demands-dialog',
  imports: [MatButtonModule, MatDialogModule, MatFormFieldModule, MatIconModule, MatInputModule, ReactiveFormsModule],
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
    .form-errors {
      display: flex;
      gap: 8px;
      color: var(--mat-sys-error);
    }
  `,
})
export class SemesterDemandsDialog {
  private readonly http = inject(HttpClient);
  private readonly ref = inject<MatDialogRef<SemesterDemandsDialog, SemesterDemandsResult>>(MatDialogRef);
  protected readonly plan = inject<SemesterPlan>(MAT_DIALOG_DATA);
  protected readonly labels = STAGE_TYPE_LABELS;

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
  protected readonly pending = signal(false);
  protected readonly errors = signal<string[]>([]);

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    if (this.rows.invalid) {
      this.rows.markAllAsTouched();
      return;
    }
    const demands: SemesterDemandInput[] = this.rows.getRawValue().map((r) => ({
      stageType: r.stageType,
      placesRequested: Number(r.requested ?? 0),
      placesFilled: r.filled === null || (r.filled as unknown) === '' ? null : Number(r.filled),
    }));
    this.pending.set(true);
    this.errors.set([]);
    try {
      const saved = await firstValueFrom(
        this.http.put<SemesterPlan>(`${SEMESTERS_URL}/${this.plan.semester}/demands`, {
          demands,
          version: this.plan.version,
        }),
      );
      this.ref.close(saved);
    } catch (error) {
      if (isVersionConflict(error)) {
        this.ref.close('conflict');
        return;
      }
      this.errors.set(errorMessages(error));
    } finally {
      this.pending.set(false);
    }
  }
}
