import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { type AbstractControl, FormControl, FormGroup, type ValidationErrors, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import {
  ACCREDITATION_STATUS_LABELS,
  type AccreditationDetail,
  type AccreditationSummary,
  CYCLE_LABELS,
  dayAfter,
  defaultEndDate,
} from '@maillage/shared/domain';
import { DATE_FIELD, DIALOG_FORM } from '@maillage/web/ui';
import { formSubmission, fromIsoDate, textOrNull, toIsoDate } from '@maillage/web/util';
import {
  ACCREDITATION_ACTION_LABELS,
  type AccreditationAction,
  type AccreditationActionBody,
  AccreditationsApi,
} from './accreditations-api';

export interface AccreditationActionData {
  accreditation: AccreditationSummary;
  action: AccreditationAction;
}

/** The updated accreditation, or `conflict` when someone changed it meanwhile (409). */
export type AccreditationActionResult = AccreditationDetail | 'conflict';

/** On the end date itself, so that its message sits at its field: the end follows the start. */
function endAfterStart(endDate: AbstractControl): ValidationErrors | null {
  const start = endDate.parent?.get('startDate')?.value as Date | null;
  const end = endDate.value as Date | null;
  return start && end && end <= start ? { endBeforeStart: true } : null;
}

/** One business action on an accreditation, with its dates and an optional note. */
@Component({
  selector: 'app-accreditation-action-dialog',
  imports: [DIALOG_FORM, DatePipe, DATE_FIELD],
  templateUrl: './accreditation-action-dialog.html',
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
  protected readonly startError = 'Saisissez une date de début valide (jj/mm/aaaa).';
  protected readonly endError = 'Saisissez une date valide, postérieure au début.';
  protected readonly endBeforeStartError = 'La date de fin doit suivre la date de début.';
  protected readonly withdrawalError = 'Saisissez une date valide, pas avant le début de l’agrément.';

  private readonly today = new Date(new Date().setHours(0, 0, 0, 0));
  protected readonly form = new FormGroup({
    startDate: new FormControl<Date | null>(this.a.startDate ? fromIsoDate(this.a.startDate) : this.today, {
      validators: this.action === 'grant' ? Validators.required : [],
    }),
    endDate: new FormControl<Date | null>(null, { validators: this.action === 'grant' ? endAfterStart : [] }),
    reference: new FormControl('', { nonNullable: true, validators: Validators.maxLength(100) }),
    date: new FormControl<Date | null>(this.today, {
      validators: this.action === 'withdraw' ? Validators.required : [],
    }),
    note: new FormControl('', { nonNullable: true, validators: Validators.maxLength(2000) }),
    decision: new FormControl<'granted' | 'requested'>('granted', { nonNullable: true }),
  });

  /** A renewal starts the day after the renewed accreditation ends: validity without a gap. */
  protected readonly renewalStart = this.a.endDate ? fromIsoDate(dayAfter(this.a.endDate)) : null;
  protected readonly decisions = ['granted', 'requested'] as const;
  protected readonly decisionLabels = {
    granted: 'Renouvellement accordé (décision reçue)',
    requested: 'Demande de renouvellement déposée',
  };
  private readonly start = toSignal(this.form.controls.startDate.valueChanges, {
    initialValue: this.action === 'renew' ? this.renewalStart : this.form.controls.startDate.value,
  });
  /** What the API will choose when no end date is given (5 years for a first accreditation). */
  protected readonly defaultEnd = computed(() => {
    const start = this.start();
    const from = this.action === 'renew' ? this.renewalStart : start;
    return from ? fromIsoDate(defaultEndDate(toIsoDate(from), this.a.cycle, false)) : null;
  });
  /** A withdrawal cannot precede the start of the accreditation (the API checks it too). */
  protected readonly minWithdrawal = this.a.startDate ? fromIsoDate(this.a.startDate) : null;

  protected readonly submission = formSubmission(this.form);

  constructor() {
    // A new start date may make the end date valid, or not.
    this.form.controls.startDate.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.form.controls.endDate.updateValueAndValidity());
  }

  protected async submit(): Promise<void> {
    await this.submission.submit(() => this.api.act(this.a, this.action, this.body()), {
      onConflict: () => this.ref.close('conflict'),
      then: (saved) => this.ref.close(saved),
    });
  }

  private body(): Omit<AccreditationActionBody, 'version'> {
    const v = this.form.getRawValue();
    const body: Omit<AccreditationActionBody, 'version'> = {};
    const note = textOrNull(v.note);
    if (note) body.note = note;
    if (this.action === 'grant') {
      if (v.startDate) body.startDate = toIsoDate(v.startDate);
      if (v.endDate) body.endDate = toIsoDate(v.endDate);
      const reference = textOrNull(v.reference);
      if (reference) body.reference = reference;
    }
    if (this.action === 'renew') {
      body.status = v.decision;
      if (v.endDate) body.endDate = toIsoDate(v.endDate);
      const reference = textOrNull(v.reference);
      if (reference) body.reference = reference;
    }
    if (this.action === 'withdraw' && v.date) body.date = toIsoDate(v.date);
    return body;
  }
}
