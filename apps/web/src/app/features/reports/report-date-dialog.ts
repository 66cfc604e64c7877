import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { DATE_FIELD, DIALOG_FORM } from '@maillage/web/ui';
import { fromIsoDate, toIsoDate } from '@maillage/web/util';

export interface ReportDateDialogData {
  title: string;
  /** What the step does, in French (e.g. the figures get frozen). */
  message: string;
  dateLabel: string;
  confirm: string;
  icon: string;
  /** The date proposed (ISO), and the earliest allowed one. */
  initial: string;
  min?: string | null;
  /**
   * What the report lacks (empty sections, a year not over): listed, and the step needs the explicit
   * confirmation box ticked. Empty or absent: no confirmation asked.
   */
  gaps?: readonly string[];
}

/** The dialog's answer: the date (ISO) and whether the gaps were explicitly accepted. */
export interface ReportDateResult {
  date: string;
  confirmed: boolean;
}

/** Confirms a step of the report's life (present, approve) and asks its date; closes with a `ReportDateResult`. */
@Component({
  selector: 'app-report-date-dialog',
  imports: [DIALOG_FORM, DATE_FIELD, MatCheckboxModule, MatIconModule],
  template: `
    <form
      uiDialogForm
      contentClass="dialog-form dialog-form--wide"
      [heading]="data.title"
      [formGroup]="form"
      (ngSubmit)="submit()"
      [submitLabel]="data.confirm"
    >
      <div class="dialog-explain">
        <mat-icon aria-hidden="true">{{ data.icon }}</mat-icon>
        <p>{{ data.message }}</p>
      </div>
      <ui-date-field
        [label]="data.dateLabel"
        formControlName="date"
        [min]="min"
        [required]="true"
        [errors]="dateErrors"
      />
      @if (gaps.length > 0) {
        <div class="notice notice--warning" role="note">
          <mat-icon aria-hidden="true">warning</mat-icon>
          <div>
            <p>Ce bilan est incomplet :</p>
            <ul>
              @for (gap of gaps; track gap) {
                <li>{{ gap }}.</li>
              }
            </ul>
          </div>
        </div>
        <mat-checkbox formControlName="confirmed">
          Je confirme vouloir approuver ce bilan malgré ces manques (la confirmation est inscrite à l’historique).
        </mat-checkbox>
        @if (confirmed.touched && confirmed.invalid) {
          <p class="field-error" role="alert">Cochez la confirmation pour approuver un bilan incomplet.</p>
        }
      }
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportDateDialog {
  protected readonly data = inject<ReportDateDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<ReportDateDialog, ReportDateResult>);
  protected readonly gaps = this.data.gaps ?? [];

  protected readonly min = this.data.min ? fromIsoDate(this.data.min) : null;
  protected readonly date = new FormControl<Date | null>(fromIsoDate(this.data.initial), Validators.required);
  protected readonly confirmed = new FormControl(false, {
    nonNullable: true,
    validators: this.gaps.length > 0 ? Validators.requiredTrue : [],
  });
  protected readonly form = new FormGroup({ date: this.date, confirmed: this.confirmed });
  protected readonly dateErrors = {
    required: 'Saisissez une date valide (jj/mm/aaaa).',
    matDatepickerParse: 'Saisissez une date valide (jj/mm/aaaa).',
    matDatepickerMin: 'La date ne peut précéder celle de la présentation.',
  };

  protected submit(): void {
    this.form.markAllAsTouched();
    const value = this.date.value;
    if (this.form.valid && value) {
      this.ref.close({ date: toIsoDate(value), confirmed: this.gaps.length > 0 && this.confirmed.value });
    }
  }
}
