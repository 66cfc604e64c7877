import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import {
  type CandidateReferralInput,
  CIVILITIES,
  type Civility,
  CIVILITY_LABELS,
  MSU_STAGE_LABELS,
  type Page,
  PRIORITIES,
  type Priority,
  PRIORITY_LABELS,
  professionalDisplayName,
  type ProfessionalSummary,
} from '@maillage/shared/domain';
import { debounceTime, distinctUntilChanged, filter, firstValueFrom, map } from 'rxjs';
import { errorMessages } from '../../core/http/api-error';
import { CommunePicker } from '../../shared/commune-picker/commune-picker';
import { normalizeRpps, rppsValidator, textOrNull } from '../professionals/form-helpers';
import { SPECIALTY_SUGGESTIONS } from '../professionals/professional-filters';
import { PROFESSIONALS_URL } from '../professionals/professionals-api';
import { ReferralsApi } from './referrals-api';

export type CandidateMode = 'new' | 'existing';

/** `/signalements/nouveau`: the CDOM flags a professional as a potential MSU. */
@Component({
  selector: 'app-referral-form-page',
  imports: [
    CommunePicker,
    MatAutocompleteModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    ReactiveFormsModule,
    RouterLink,
  ],
  templateUrl: './referral-form-page.html',
  styleUrl: './referral-form-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReferralFormPage {
  private readonly api = inject(ReferralsApi);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly civilities = CIVILITIES;
  protected readonly civilityLabels = CIVILITY_LABELS;
  protected readonly priorities = PRIORITIES;
  protected readonly priorityLabels = PRIORITY_LABELS;
  protected readonly stageLabels = MSU_STAGE_LABELS;
  protected readonly specialties = SPECIALTY_SUGGESTIONS;
  protected readonly displayName = professionalDisplayName;

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly mode = new FormControl<CandidateMode>('new', { nonNullable: true });
  protected readonly form = this.fb.group({
    professional: new FormControl<ProfessionalSummary | string | null>({ value: null, disabled: true }, (control) =>
      typeof control.value === 'object' && control.value !== null ? null : { pick: true },
    ),
    identity: this.fb.group({
      civility: ['DR' as Civility | null],
      firstName: ['', [Validators.required, Validators.maxLength(100)]],
      lastName: ['', [Validators.required, Validators.maxLength(100)]],
      rpps: ['', rppsValidator],
      specialty: ['Médecine générale', Validators.maxLength(120)],
    }),
    communeCode: [null as string | null],
    reason: ['', [Validators.required, Validators.minLength(10), Validators.maxLength(2000)]],
    priority: ['normal' as Priority, Validators.required],
  });
  protected readonly currentMode = toSignal(this.mode.valueChanges, { initialValue: this.mode.value });

  /** Professionals of the registry matching what is typed in the search box. */
  private readonly typed = toSignal(
    this.form.controls.professional.valueChanges.pipe(
      filter((v): v is string => typeof v === 'string'),
      map((v) => v.trim()),
      debounceTime(250),
      distinctUntilChanged(),
    ),
    { initialValue: '' },
  );
  protected readonly matches = httpResource<Page<ProfessionalSummary>>(() =>
    this.typed().length >= 2
      ? { url: PROFESSIONALS_URL, params: { q: this.typed(), page: 1, pageSize: 10 } }
      : undefined,
  );
  protected readonly options = computed(() => (this.matches.hasValue() ? this.matches.value().items : []));
  private readonly specialtyText = toSignal(this.form.controls.identity.controls.specialty.valueChanges, {
    initialValue: this.form.controls.identity.controls.specialty.value,
  });
  protected readonly specialtyOptions = computed(() => {
    const text = (this.specialtyText() ?? '').trim().toLowerCase();
    return this.specialties.filter((s) => s.toLowerCase().includes(text));
  });
  private readonly professionalValue = toSignal(this.form.controls.professional.valueChanges, { initialValue: null });
  /** The professional picked in the list (not merely typed). */
  protected readonly chosen = computed(() => {
    const value = this.professionalValue();
    return typeof value === 'object' ? value : null;
  });
  protected readonly pending = signal(false);
  protected readonly errors = signal<string[]>([]);

  constructor() {
    // Only the part of the form that matches the choice is validated and sent.
    this.mode.valueChanges.subscribe((mode) => {
      const { professional, identity } = this.form.controls;
      if (mode === 'existing') {
        identity.disable();
        professional.enable();
      } else {
        professional.disable();
        identity.enable();
      }
    });
  }

  protected readonly showProfessional = (v: ProfessionalSummary | string | null): string =>
    v === null ? '' : typeof v === 'string' ? v : professionalDisplayName(v);

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.pending.set(true);
    this.errors.set([]);
    try {
      await firstValueFrom(this.api.create(this.input()));
      this.snackBar.open('Signalement envoyé : vous en suivrez la suite dans cette liste.', 'Fermer', {
        duration: 6000,
      });
      await this.router.navigateByUrl('/signalements');
    } catch (error) {
      this.errors.set(errorMessages(error));
    } finally {
      this.pending.set(false);
    }
  }

  private input(): CandidateReferralInput {
    const v = this.form.getRawValue();
    const common = { communeCode: v.communeCode, reason: v.reason.trim(), priority: v.priority };
    const chosen = this.chosen();
    if (this.mode.value === 'existing' && chosen) return { professionalId: chosen.id, ...common };
    return {
      civility: v.identity.civility,
      firstName: v.identity.firstName.trim(),
      lastName: v.identity.lastName.trim(),
      rpps: normalizeRpps(v.identity.rpps) || null,
      specialty: textOrNull(v.identity.specialty),
      ...common,
    };
  }
}
