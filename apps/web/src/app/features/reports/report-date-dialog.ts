import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { fromIsoDate, toIsoDate } from '../accreditations/accreditations-api';

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
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content class="dialog-form">
        <div class="explain">
          <mat-icon aria-hidden="true">{{ data.icon }}</mat-icon>
          <p>{{ data.message }}</p>
        </div>
        <mat-form-field>
          <mat-label>{{ data.dateLabel }}</mat-label>
          <input matInput [matDatepicker]="picker" formControlName="date" [min]="min" required />
          <mat-hint>jj/mm/aaaa</mat-hint>
          <mat-datepicker-toggle matIconSuffix [for]="picker" />
          <mat-datepicker #picker />
          @if (date.hasError('matDatepickerMin')) {
            <mat-error>La date ne peut précéder celle de la présentation.</mat-error>
          } @else {
            <mat-error>Saisissez une date valide (jj/mm/aaaa).</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Annuler</button>
        <button mat-flat-button type="submit">{{ data.confirm }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .dialog-form {
      display: grid;
      gap: 8px;
      min-width: min(480px, 80vw);
    }
    .explain {
      display: flex;
      gap: 12px;
      align-items: flex-start;
      padding: 12px 16px;
      margin-bottom: 8px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);

      p {
        margin: 0;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportDateDialog {
  protected readonly data = inject<ReportDateDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<ReportDateDialog, string>);

  protected readonly min = this.data.min ? fromIsoDate(this.data.min) : null;
  protected readonly date = new FormControl<Date | null>(fromIsoDate(this.data.initial), Validators.required);
  protected readonly form = new FormGroup({ date: this.date });

  protected submit(): void {
    this.date.markAsTouched();
    const value = this.date.value;
    if (this.date.valid && value) this.ref.close(toIsoDate(value));
  }
}
