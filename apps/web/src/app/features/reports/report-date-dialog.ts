import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, Validators } from '@angular/forms';
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
}

/** Confirms a step of the report's life (present, approve) and asks its date; closes with the ISO date. */
@Component({
  selector: 'app-report-date-dialog',
  imports: [DIALOG_FORM, DATE_FIELD, MatIconModule],
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
      <mat-form-field>
        <mat-label>{{ data.dateLabel }}</mat-label>
        <input matInput [matDatepicker]="picker" formControlName="date" [min]="min" required />
        <mat-hint>jj/mm/aaaa</mat-hint>
        <mat-datepicker-toggle matIconSuffix [for]="picker" />
        <mat-datepicker #picker />
        <mat-error [uiFieldError]="dateErrors" />
      </mat-form-field>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportDateDialog {
  protected readonly data = inject<ReportDateDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<ReportDateDialog, string>);

  protected readonly min = this.data.min ? fromIsoDate(this.data.min) : null;
  protected readonly date = new FormControl<Date | null>(fromIsoDate(this.data.initial), Validators.required);
  protected readonly form = new FormGroup({ date: this.date });
  protected readonly dateErrors = {
    required: 'Saisissez une date valide (jj/mm/aaaa).',
    matDatepickerParse: 'Saisissez une date valide (jj/mm/aaaa).',
    matDatepickerMin: 'La date ne peut précéder celle de la présentation.',
  };

  protected submit(): void {
    this.date.markAsTouched();
    const value = this.date.value;
    if (this.date.valid && value) this.ref.close(toIsoDate(value));
  }
}
