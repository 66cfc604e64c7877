import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatCardModule } from '@angular/material/card';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { Router } from '@angular/router';
import {
  type CandidateReferralInput,
  type Civility,
  MSU_STAGE_LABELS,
  PRIORITIES,
  type Priority,
  PRIORITY_LABELS,
  professionalDisplayName,
  type ProfessionalSummary,
} from '@maillage/shared/domain';
import { FORM_PAGE } from '@maillage/web/ui';
import { formSubmission, normalizeRpps, rppsValidator, textOrNull } from '@maillage/web/util';
import { CommunePicker } from '../../shared/commune-picker/commune-picker';
import { PersonFields } from '../../shared/person-fields/person-fields';
import { professionalSearch, SpecialtyField } from '../professionals';
import { ReferralsApi } from './referrals-api';

export type CandidateMode = 'new' | 'existing';

/** `/signalements/nouveau`: the CDOM flags a professional as a potential MSU. */
@Component({
  selector: 'app-referral-form-page',
  imports: [
    PersonFields,
    SpecialtyField,
    FORM_PAGE,
    CommunePicker,
    MatAutocompleteModule,
    MatCardModule,
    MatRadioModule,
    MatSelectModule,
  ],
  templateUrl: './referral-form-page.html',
  styleUrl: './referral-form-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReferralFormPage {
  private readonly api = inject(ReferralsApi);
  private readonly router = inject(Router);

  protected readonly priorities = PRIORITIES;
  protected readonly priorityLabels = PRIORITY_LABELS;
  protected readonly stageLabels = MSU_STAGE_LABELS;
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
  protected readonly search = professionalSearch(this.form.controls.professional);
  private readonly professionalValue = toSignal(this.form.controls.professional.valueChanges, { initialValue: null });
  /** The professional picked in the list (not merely typed). */
  protected readonly chosen = computed(() => {
    const value = this.professionalValue();
    return typeof value === 'object' ? value : null;
  });
  protected readonly submission = formSubmission(this.form, {
    fields: {
      professionalId: 'professional',
      firstName: 'identity.firstName',
      lastName: 'identity.lastName',
      rpps: 'identity.rpps',
      specialty: 'identity.specialty',
      civility: 'identity.civility',
    },
  });

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
    await this.submission.submit(() => this.api.create(this.input()), {
      success: 'Signalement envoyé : vous en suivrez la suite dans cette liste.',
      then: () => this.router.navigateByUrl('/signalements'),
    });
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
