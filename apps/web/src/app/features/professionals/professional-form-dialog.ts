import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogRef, type MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import {
  CYCLE_LABELS,
  CYCLES,
  PRACTICE_MODE_LABELS,
  PRACTICE_MODES,
  type Civility,
  type Cycle,
  type PracticeMode,
  type ProfessionalDetail,
  type ProfessionalInput,
} from '@maillage/shared/domain';
import { DATE_FIELD, DIALOG_FORM } from '@maillage/web/ui';
import { formSubmission, fromIsoDate, normalizeRpps, rppsValidator, textOrNull, toIsoDate } from '@maillage/web/util';
import type { Observable } from 'rxjs';
import { PersonFields } from '../../shared/person-fields/person-fields';
import { ProfessionalsApi } from './professionals-api';
import { SpecialtyField } from './specialty-field';

export interface ProfessionalFormDialogData {
  /** `null` to add a professional to the registry. */
  professional: ProfessionalDetail | null;
}

/** The saved professional, or `conflict` when someone saved it meanwhile (409): the page reloads. */
export type ProfessionalFormDialogResult = ProfessionalDetail | 'conflict';

const THIS_YEAR = new Date().getFullYear();

/** Adds or edits a professional (identity, RPPS, exercise, contact, initial MSU training). */
@Component({
  selector: 'app-professional-form-dialog',
  imports: [
    PersonFields,
    SpecialtyField,
    DIALOG_FORM,
    MatButtonModule,
    MatCheckboxModule,
    DATE_FIELD,
    MatIconModule,
    MatSelectModule,
  ],
  templateUrl: './professional-form-dialog.html',
  styleUrl: './professional-dialogs.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProfessionalFormDialog {
  private readonly api = inject(ProfessionalsApi);
  private readonly ref = inject<MatDialogRef<ProfessionalFormDialog, ProfessionalFormDialogResult>>(MatDialogRef);
  private readonly current = inject<ProfessionalFormDialogData>(MAT_DIALOG_DATA).professional;

  protected readonly editing = this.current !== null;
  protected readonly modes = PRACTICE_MODES;
  protected readonly modeLabels = PRACTICE_MODE_LABELS;
  protected readonly cycles = CYCLES;
  protected readonly cycleLabels = CYCLE_LABELS;
  protected readonly thisYear = THIS_YEAR;
  protected readonly today = new Date();

  protected readonly form = inject(NonNullableFormBuilder).group({
    civility: [(this.current?.civility ?? 'DR') as Civility | null],
    firstName: [this.current?.firstName ?? '', [Validators.required, Validators.maxLength(100)]],
    lastName: [this.current?.lastName ?? '', [Validators.required, Validators.maxLength(100)]],
    rpps: [this.current?.rpps ?? '', rppsValidator],
    profession: [
      this.current?.profession ?? 'Médecin',
      [Validators.required, Validators.minLength(2), Validators.maxLength(80)],
    ],
    specialty: [this.current?.specialty ?? 'Médecine générale', Validators.maxLength(120)],
    practiceMode: [(this.current?.practiceMode ?? null) as PracticeMode | null],
    email: [this.current?.email ?? '', [Validators.email, Validators.maxLength(254)]],
    phone: [this.current?.phone ?? '', Validators.pattern(/^\+?[0-9 ().-]{6,30}$/)],
    firstInstallationYear: [
      (this.current?.firstInstallationYear ?? null) as number | null,
      [Validators.min(1950), Validators.max(THIS_YEAR)],
    ],
    contactConsent: [this.current?.contactConsent ?? false],
    initialTrainingDate: [
      (this.current?.initialTrainingDate ? fromIsoDate(this.current.initialTrainingDate) : null) as Date | null,
    ],
    initialTrainingCycle: [(this.current?.initialTrainingCycle ?? null) as Cycle | null],
    notes: [this.current?.notes ?? '', Validators.maxLength(4000)],
  });
  protected readonly submission = formSubmission(this.form);

  protected async submit(): Promise<void> {
    const input = this.input();
    const current = this.current;
    // A duplicate RPPS (409) or invalid input (400): the API says which, the form stays open.
    await this.submission.submit(
      () => (current ? this.api.update(current.id, { ...input, version: current.version }) : this.api.create(input)),
      { onConflict: () => this.ref.close('conflict'), then: (saved) => this.ref.close(saved) },
    );
  }

  private input(): ProfessionalInput {
    const v = this.form.getRawValue();
    return {
      civility: v.civility,
      firstName: v.firstName.trim(),
      lastName: v.lastName.trim(),
      rpps: normalizeRpps(v.rpps) || null,
      profession: v.profession.trim(),
      specialty: textOrNull(v.specialty),
      practiceMode: v.practiceMode,
      email: textOrNull(v.email),
      phone: textOrNull(v.phone),
      firstInstallationYear: v.firstInstallationYear ?? null,
      contactConsent: v.contactConsent,
      initialTrainingDate: v.initialTrainingDate ? toIsoDate(v.initialTrainingDate) : null,
      initialTrainingCycle: v.initialTrainingCycle,
      notes: textOrNull(v.notes),
    };
  }
}

/** Opens the form to add (`null`) or edit a professional; emits its result once closed (`undefined`: cancelled). */
export function openProfessionalForm(
  dialog: MatDialog,
  professional: ProfessionalDetail | null,
): Observable<ProfessionalFormDialogResult | undefined> {
  return dialog
    .open<ProfessionalFormDialog, ProfessionalFormDialogData, ProfessionalFormDialogResult>(ProfessionalFormDialog, {
      data: { professional },
      width: '720px',
      maxWidth: 'calc(100vw - 32px)',
      autoFocus: 'first-tabbable',
    })
    .afterClosed();
}
