import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import type { AnnualReportDetail } from '@maillage/shared/domain';
import { firstValueFrom } from 'rxjs';
import { errorMessages } from '../../core/http/api-error';
import { ReportsApi } from './reports-api';

/** Opens a draft report for a year (one per year: the API answers 409 for a second one). */
@Component({
  selector: 'app-create-report-dialog',
  imports: [MatButtonModule, MatDialogModule, MatFormFieldModule, MatIconModule, MatInputModule, ReactiveFormsModule],
  template: `
    <h2 mat-dialog-title>Nouveau bilan annuel</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content class="dialog-form">
        <p>
          Le brouillon reprend les chiffres de l’année, calculés à partir des données ; vous rédigerez ensuite ses
          sections.
        </p>
        @if (errors().length > 0) {
          <div class="form-errors" role="alert">
            @for (message of errors(); track $index) {
              <p>{{ message }}</p>
            }
          </div>
        }
        <mat-form-field>
          <mat-label>Année</mat-label>
          <input matInput type="number" formControlName="year" min="2020" max="2100" required />
          <mat-error>Saisissez une année entre 2020 et 2100.</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Annuler</button>
        <button mat-flat-button type="submit" [disabled]="pending()">Créer le brouillon</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .dialog-form {
      display: grid;
      gap: 8px;
      min-width: min(420px, 80vw);
    }
    .form-errors {
      color: var(--mat-sys-error);
    }
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
  protected readonly pending = signal(false);
  protected readonly errors = signal<string[]>([]);

  protected async submit(): Promise<void> {
    this.year.markAsTouched();
    if (this.year.invalid || this.pending()) return;
    this.pending.set(true);
    this.errors.set([]);
    try {
      this.ref.close(await firstValueFrom(this.api.create({ year: this.year.value })));
    } catch (error) {
      this.errors.set(errorMessages(error));
    } finally {
      this.pending.set(false);
    }
  }
}
