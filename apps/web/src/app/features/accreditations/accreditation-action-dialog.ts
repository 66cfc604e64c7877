import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import {
  ACCREDITATION_STATUS_LABELS,
  type AccreditationDetail,
  type AccreditationSummary,
  CYCLE_LABELS,
  defaultEndDate,
} from '@maillage/shared/domain';
import { firstValueFrom } from 'rxjs';
import { errorMessages } from '../../core/http/api-error';
import {
  ACCREDITATION_ACTION_LABELS,
  type AccreditationAction,
  type AccreditationActionBody,
  AccreditationsApi,
  fromIsoDate,
  isVersionConflict,
  toIsoDate,
} from './accreditations-api';

export interface AccreditationActionData {
  accreditation: AccreditationSummary;
  action: AccreditationAction;
}

/** The updated accreditation, or `conflict` when someone changed it meanwhile (409). */
export type AccreditationActionResult = AccreditationDetail | 'conflict';

function endAfterStart(group: AbstractControl): ValidationErrors | null {
  const start = group.get('startDate')?.value as Date | null;
  const end = group.get('endDate')?.value as Date | null;
  return start && end && end <= start ? { endBeforeStart: true } : null;
}

/** One business action on an accreditation, with its dates and an optional note. */
@Component({
  selector: 'app-accreditation-action-dialog',
  imports: [
    DatePipe,
    MatButtonModule,
    MatDatepickerModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    ReactiveFormsModule,
  ],
  templateUrl: './accreditation-action-dialog.html',
  styleUrl: './accreditation-action-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccreditationActionDialog {
  private readonly api = inject(AccreditationsApi);
  private readonly ref = inject<MatDialogRef<AccreditationActionDialog, AccreditationActionResult>>(MatDialogRef);
  protected readonly data = inject<AccreditationActionData>(MAT_DIALOG_DATA);

  protected readonly a = this.data.accreditation;
  protected readonly action = this.data.action;
  protected readonly title =
    this.action === 'grant' && this.a.status === 'conditional'
      ? 'Confirmer l’agrément'
      : ACCREDITATION_ACTION_LABELS[this.action];
  protected readonly statusLabel = ACCREDITATION_STATUS_LABELS[this.a.status];
  protected readonly cycleLabel = CYCLE_LABELS[this.a.cycle];

  private readonly today = new Date(new Date().setHours(0, 0, 0, 0));
  protected readonly form = new FormGroup(
    {
      startDate: new FormControl<Date | null>(this.a.startDate ? fromIsoDate(this.a.startDate) : this.today, {
        validators: this.action === 'grant' ? Validators.required : [],
      }),
      endDate: new FormControl<Date | null>(null),
      reference: new FormControl('', { nonNullable: true, validators: Validators.maxLength(100) }),
      date: new FormControl<Date | null>(this.today, {
        validators: this.action === 'withdraw' ? Validators.required : [],
      }),
      note: new FormControl('', { nonNullable: true, validators: Validators.maxLength(2000) }),
    },
    { validators: this.action === 'grant' ? endAfterStart : [] },
  );

  private readonly start = toSignal(this.form.controls.startDate.valueChanges, {
    initialValue: this.form.controls.startDate.value,
  });
  /** What the API will choose when no end date is given (5 years for a first accreditation). */
  protected readonly defaultEnd = computed(() => {
    const start = this.start();
    return start ? fromIsoDate(defaultEndDate(toIsoDate(start), this.a.cycle, false)) : null;
  });
  /** A withdrawal cannot precede the start of the accreditation (the API checks it too). */
  protected readonly minWithdrawal = this.a.startDate ? fromIsoDate(this.a.startDate) : null;

  protected readonly pending = signal(false);
  protected readonly errors = signal<string[]>([]);

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.pending.set(true);
    this.errors.set([]);
    try {
      const updated = await firstValueFrom(this.api.act(this.a, this.action, this.body()));
      this.ref.close(updated);
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

  private body(): Omit<AccreditationActionBody, 'version'> {
    const v = this.form.getRawValue();
    const body: Omit<AccreditationActionBody, 'version'> = {};
    if (v.note.trim()) body.note = v.note.trim();
    if (this.action === 'grant') {
      if (v.startDate) body.startDate = toIsoDate(v.startDate);
      if (v.endDate) body.endDate = toIsoDate(v.endDate);
      if (v.reference.trim()) body.reference = v.reference.trim();
    }
    if (this.action === 'withdraw' && v.date) body.date = toIsoDate(v.date);
    return body;
  }
}
