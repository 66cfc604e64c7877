import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import {
  ACCREDITATION_TYPE_LABELS,
  ACCREDITATION_TYPES,
  type AccreditationDetail,
  type AccreditationInput,
  type AccreditationType,
  type Cycle,
  CYCLE_LABELS,
  CYCLES,
  type Phase,
  PHASE_LABELS,
  PHASES,
  STAGE_TYPE_CYCLE,
  STAGE_TYPE_LABELS,
  STAGE_TYPES,
  type StageType,
} from '@maillage/shared/domain';
import { DIALOG_FORM } from '@maillage/web/ui';
import { formSubmission, textOrNull } from '@maillage/web/util';
import { AccreditationsApi } from './accreditations-api';

/** Who the request is for. */
export interface AccreditationHolder {
  kind: 'professional' | 'site';
  id: string;
  name: string;
}

/** Who grants, by cycle (editable: the office may differ). */
const AUTHORITY: Readonly<Record<Cycle, string>> = {
  '2': 'Doyen de l’UFR de médecine',
  '3': 'Directeur général de l’ARS Île-de-France',
};

/** Files a request of accreditation (`requested`) for a professional or a site. */
@Component({
  selector: 'app-accreditation-request-dialog',
  imports: [DIALOG_FORM],
  template: `
    <form
      uiDialogForm
      heading="Demander un agrément"
      [formGroup]="form"
      [submission]="submission"
      (ngSubmit)="submit()"
      submitLabel="Enregistrer la demande"
    >
      <p uiDialogLead>Pour {{ holder.name }}. La demande sera ensuite mise en instruction puis accordée.</p>
      <ui-select-field
        label="Cycle"
        formControlName="cycle"
        [options]="cycles"
        [labels]="cycleLabels"
        [required]="true"
      />
      <ui-select-field
        label="Type d’agrément"
        formControlName="type"
        [options]="types"
        [labels]="typeLabels"
        [required]="true"
      />
      <ui-select-field
        label="Types de stage"
        formControlName="stageTypes"
        [options]="stageTypes()"
        [labels]="stageTypeLabels"
        [multiple]="true"
        [required]="true"
        [errors]="{ required: 'Choisissez au moins un type de stage.' }"
      />
      @if (cycle() === '3') {
        <ui-select-field
          label="Phases (facultatif)"
          formControlName="phases"
          [options]="phases"
          [labels]="phaseLabels"
          [multiple]="true"
        />
      }
      <ui-text-field
        label="Étudiants accueillis au plus"
        type="number"
        formControlName="maxStudents"
        [min]="1"
        [max]="20"
        [errors]="studentErrors"
      />
      <ui-text-field
        label="Autorité qui agrée"
        formControlName="authority"
        [maxlength]="200"
        [errors]="{ required: 'Saisissez l’autorité qui agrée.' }"
      />
      <ui-text-field label="Référence du dossier" formControlName="reference" [maxlength]="100" />
      <ui-text-field
        label="Note"
        formControlName="notes"
        [rows]="3"
        [maxlength]="4000"
        hint="N’y écrivez aucune donnée de santé."
      />
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccreditationRequestDialog {
  private readonly api = inject(AccreditationsApi);
  private readonly ref = inject<MatDialogRef<AccreditationRequestDialog, AccreditationDetail>>(MatDialogRef);
  protected readonly holder = inject<AccreditationHolder>(MAT_DIALOG_DATA);

  protected readonly cycles = CYCLES;
  protected readonly cycleLabels = CYCLE_LABELS;
  protected readonly types = ACCREDITATION_TYPES;
  protected readonly typeLabels = ACCREDITATION_TYPE_LABELS;
  protected readonly stageTypeLabels = STAGE_TYPE_LABELS;
  protected readonly phases = PHASES;
  protected readonly phaseLabels = PHASE_LABELS;
  protected readonly studentErrors = {
    required: 'Saisissez un nombre d’étudiants.',
    min: 'Un étudiant au moins.',
    max: 'Vingt étudiants au plus.',
  };

  protected readonly form = new FormGroup({
    cycle: new FormControl<Cycle>('3', { nonNullable: true, validators: Validators.required }),
    type: new FormControl<AccreditationType>('principal', { nonNullable: true, validators: Validators.required }),
    stageTypes: new FormControl<StageType[]>([], { nonNullable: true, validators: Validators.required }),
    phases: new FormControl<Phase[]>([], { nonNullable: true }),
    maxStudents: new FormControl<number | null>(1, [Validators.required, Validators.min(1), Validators.max(20)]),
    authority: new FormControl(AUTHORITY['3'], { nonNullable: true, validators: Validators.required }),
    reference: new FormControl('', { nonNullable: true }),
    notes: new FormControl('', { nonNullable: true }),
  });
  protected readonly cycle = toSignal(this.form.controls.cycle.valueChanges, { initialValue: '3' as Cycle });
  /** The stage types of the chosen cycle only (the API refuses the others). */
  protected readonly stageTypes = computed(() => STAGE_TYPES.filter((t) => STAGE_TYPE_CYCLE[t] === this.cycle()));
  protected readonly submission = formSubmission(this.form);

  constructor() {
    this.form.controls.cycle.valueChanges.subscribe((cycle) => {
      this.form.controls.stageTypes.setValue(
        this.form.controls.stageTypes.value.filter((t) => STAGE_TYPE_CYCLE[t] === cycle),
      );
      if (cycle === '2') this.form.controls.phases.setValue([]);
      if (Object.values(AUTHORITY).includes(this.form.controls.authority.value)) {
        this.form.controls.authority.setValue(AUTHORITY[cycle]);
      }
    });
  }

  protected async submit(): Promise<void> {
    const v = this.form.getRawValue();
    const body: AccreditationInput = {
      ...(this.holder.kind === 'site' ? { siteId: this.holder.id } : { professionalId: this.holder.id }),
      cycle: v.cycle,
      type: v.type,
      stageTypes: v.stageTypes,
      phases: v.phases,
      maxStudents: Number(v.maxStudents),
      authority: v.authority.trim(),
      reference: textOrNull(v.reference),
      notes: textOrNull(v.notes),
    };
    await this.submission.submit(() => this.api.create(body), {
      success: 'Demande d’agrément enregistrée.',
      then: (saved) => this.ref.close(saved),
    });
  }
}
