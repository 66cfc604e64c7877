import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatChipsModule } from '@angular/material/chips';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import {
  type CommuneSummary,
  type InstallationIntentInput,
  type InstallationIntentView,
  INTENT_HORIZON_LABELS,
  INTENT_HORIZONS,
  INTENT_STATUS_LABELS,
  INTENT_STATUSES,
  type IntentHorizon,
  type IntentStatus,
  professionalDisplayName,
  type ProfessionalSummary,
} from '@maillage/shared/domain';
import { DATE_FIELD, DIALOG_FORM } from '@maillage/web/ui';
import { formSubmission, fromIsoDate, textOrNull, toIsoDate } from '@maillage/web/util';
import { map } from 'rxjs';
import { CommunePicker } from '../../shared/commune-picker/commune-picker';
import { CommuneNames } from '../../shared/territory/commune-names';
import { PROFESSIONALS_URL, professionalSearch, SpecialtyField } from '../professionals';
import { identityPayload, INITIALS_PATTERN, initialsFor } from './intent-identity';
import { IntentsApi } from './intents-api';

export interface IntentFormDialogData {
  /** `null` to report a new intent. */
  intent: InstallationIntentView | null;
}

/** The saved intent, or `conflict` when someone saved it meanwhile (409): the list reloads. */
export type IntentFormDialogResult = InstallationIntentView | 'conflict';

const MAX_COMMUNES = 30;

/** Reports or edits an installation intent; without consent, only initials (GDPR). */
@Component({
  selector: 'app-intent-form-dialog',
  imports: [
    DIALOG_FORM,
    CommunePicker,
    SpecialtyField,
    MatAutocompleteModule,
    MatButtonModule,
    MatCheckboxModule,
    MatChipsModule,
    DATE_FIELD,
    MatIconModule,
    MatSelectModule,
  ],
  templateUrl: './intent-form-dialog.html',
  styleUrl: './intent-form-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IntentFormDialog {
  private readonly api = inject(IntentsApi);
  private readonly ref = inject<MatDialogRef<IntentFormDialog, IntentFormDialogResult>>(MatDialogRef);
  private readonly current = inject<IntentFormDialogData>(MAT_DIALOG_DATA).intent;
  protected readonly communes = inject(CommuneNames);

  protected readonly editing = this.current !== null;
  protected readonly horizons = INTENT_HORIZONS;
  protected readonly horizonLabels = INTENT_HORIZON_LABELS;
  protected readonly statuses = INTENT_STATUSES;
  protected readonly statusLabels = INTENT_STATUS_LABELS;
  protected readonly today = new Date();
  protected readonly maxCommunes = MAX_COMMUNES;
  protected readonly displayName = professionalDisplayName;

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    consent: [this.current?.consent ?? false],
    firstName: [this.current?.firstName ?? '', [Validators.required, Validators.maxLength(100)]],
    lastName: [this.current?.lastName ?? '', [Validators.required, Validators.maxLength(100)]],
    initials: [this.current?.initials ?? '', [Validators.required, Validators.pattern(INITIALS_PATTERN)]],
    specialty: [
      this.current?.specialty ?? 'Médecine générale',
      [Validators.required, Validators.minLength(2), Validators.maxLength(120)],
    ],
    faculty: [this.current?.faculty ?? '', Validators.maxLength(120)],
    horizon: [(this.current?.horizon ?? null) as IntentHorizon | null, Validators.required],
    status: [(this.current?.status ?? 'intention') as IntentStatus],
    settledOn: [
      (this.current?.settledOn ? fromIsoDate(this.current.settledOn) : null) as Date | null,
      Validators.required,
    ],
    supportOffered: [this.current?.supportOffered ?? '', Validators.maxLength(2000)],
    notes: [this.current?.notes ?? '', Validators.maxLength(2000)],
  });
  /** The professional of the registry, once settled: picked by name (a typed text is not a choice). */
  protected readonly professional = new FormControl<ProfessionalSummary | string | null>(null);
  /** The commune being picked, added to the list once chosen. */
  protected readonly communeToAdd = new FormControl<string | null>(null);
  protected readonly targetCommunes = signal<string[]>([...(this.current?.targetCommuneCodes ?? [])]);

  protected readonly consent = toSignal(this.form.controls.consent.valueChanges, {
    initialValue: this.form.controls.consent.value,
  });
  protected readonly status = toSignal(this.form.controls.status.valueChanges, {
    initialValue: this.form.controls.status.value,
  });
  private readonly names = toSignal(
    this.form.valueChanges.pipe(map((v) => initialsFor(v.firstName ?? '', v.lastName ?? ''))),
    { initialValue: initialsFor(this.form.controls.firstName.value, this.form.controls.lastName.value) },
  );
  /** With consent, the initials the API will compute. */
  protected readonly initialsPreview = computed(() => this.names());

  protected readonly search = professionalSearch(this.professional);
  /** The professional linked before the edit (shown until another is chosen). */
  protected readonly linked = httpResource<ProfessionalSummary>(() =>
    this.current?.professionalId ? `${PROFESSIONALS_URL}/${this.current.professionalId}` : undefined,
  );
  protected readonly submission = formSubmission(this.form, { fields: { professionalId: 'settledOn' } });
  /** Whether the professional box was touched: an edit keeps the link unless it was. */
  private professionalChanged = false;

  constructor() {
    this.syncIdentity(this.form.controls.consent.value);
    this.syncSettlement(this.form.controls.status.value);
    this.form.controls.consent.valueChanges.pipe(takeUntilDestroyed()).subscribe((consent) => this.onConsent(consent));
    this.form.controls.status.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe((status) => this.syncSettlement(status));
    this.professional.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => (this.professionalChanged = true));
  }

  protected readonly showProfessional = (v: ProfessionalSummary | string | null): string =>
    v === null ? '' : typeof v === 'string' ? v : professionalDisplayName(v);

  protected addCommune(commune: CommuneSummary | null): void {
    if (!commune) return;
    const codes = this.targetCommunes();
    if (!codes.includes(commune.code) && codes.length < MAX_COMMUNES) this.targetCommunes.set([...codes, commune.code]);
    this.communeToAdd.setValue(null);
  }

  protected removeCommune(code: string): void {
    this.targetCommunes.set(this.targetCommunes().filter((c) => c !== code));
  }

  protected async submit(): Promise<void> {
    const input = this.input();
    const current = this.current;
    await this.submission.submit(
      () => (current ? this.api.update(current.id, { ...input, version: current.version }) : this.api.create(input)),
      { onConflict: () => this.ref.close('conflict'), then: (saved) => this.ref.close(saved) },
    );
  }

  /**
   * Consent withdrawn: the names leave the form (their initials stay); given: the names are asked.
   */
  private onConsent(consent: boolean): void {
    const { firstName, lastName, initials } = this.form.controls;
    if (!consent) {
      const computed = initialsFor(firstName.value, lastName.value);
      if (computed) initials.setValue(computed);
      firstName.setValue('');
      lastName.setValue('');
    }
    this.syncIdentity(consent);
  }

  private syncIdentity(consent: boolean): void {
    const { firstName, lastName, initials } = this.form.controls;
    if (consent) {
      firstName.enable({ emitEvent: false });
      lastName.enable({ emitEvent: false });
      initials.disable({ emitEvent: false });
    } else {
      firstName.disable({ emitEvent: false });
      lastName.disable({ emitEvent: false });
      initials.enable({ emitEvent: false });
    }
  }

  /** The date of settlement and the link to the registry belong to the "settled" status only. */
  private syncSettlement(status: IntentStatus): void {
    const settledOn = this.form.controls.settledOn;
    if (status === 'settled') settledOn.enable({ emitEvent: false });
    else settledOn.disable({ emitEvent: false });
  }

  private professionalId(): string | null {
    const value = this.professional.value;
    if (typeof value === 'object' && value !== null) return value.id;
    if (!this.professionalChanged) return this.current?.professionalId ?? null;
    return null;
  }

  private input(): InstallationIntentInput {
    const v = this.form.getRawValue();
    const settled = v.status === 'settled';
    return {
      ...identityPayload(v),
      specialty: v.specialty.trim(),
      faculty: textOrNull(v.faculty),
      targetCommuneCodes: this.targetCommunes(),
      horizon: v.horizon ?? '1_2_years',
      status: v.status,
      settledOn: settled && v.settledOn ? toIsoDate(v.settledOn) : null,
      professionalId: settled ? this.professionalId() : null,
      supportOffered: textOrNull(v.supportOffered),
      notes: textOrNull(v.notes),
    };
  }
}
