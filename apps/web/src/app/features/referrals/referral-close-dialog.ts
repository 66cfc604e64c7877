import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatRadioModule } from '@angular/material/radio';
import {
  type CandidateReferralView,
  professionalDisplayName,
  REFERRAL_CLOSE_OUTCOMES,
  type ReferralCloseOutcome,
} from '@maillage/shared/domain';
import { DIALOG_FORM } from '@maillage/web/ui';
import { formSubmission, trimmedMinLength } from '@maillage/web/util';
import { ReferralsApi } from './referrals-api';

/** `closed`: the API closed it. `refused`: 409 (changed meanwhile, or already closed); the page reloads. */
export type ReferralCloseResult =
  | { kind: 'closed'; referral: CandidateReferralView }
  | { kind: 'refused'; message: string };

export const OUTCOME_CHOICES: Readonly<Record<ReferralCloseOutcome, { label: string; hint: string }>> = {
  converted: {
    label: 'Converti',
    hint: 'Le professionnel entre dans le parcours MSU, à l’étape « Contacté » (sa fiche est créée si besoin).',
  },
  declined: { label: 'A décliné', hint: 'Le professionnel ne souhaite pas devenir maître de stage.' },
  not_eligible: { label: 'Non éligible', hint: 'Les conditions pour devenir MSU ne sont pas réunies.' },
};

/** Closes a referral with its outcome and a note the CDOM will read. */
@Component({
  selector: 'app-referral-close-dialog',
  imports: [DIALOG_FORM, MatRadioModule],
  template: `
    <form
      uiDialogForm
      heading="Clore le signalement"
      [formGroup]="form"
      [submission]="submission"
      (ngSubmit)="submit()"
      [submitLabel]="outcome() === 'converted' ? 'Clore et faire entrer dans le parcours' : 'Clore'"
      pendingLabel="Clôture…"
    >
      <p uiDialogLead class="lead">{{ name }}</p>
      <p class="label" id="issue">Issue</p>
      <mat-radio-group class="outcomes" formControlName="outcome" aria-labelledby="issue">
        @for (outcome of outcomes; track outcome) {
          <mat-radio-button [value]="outcome" [attr.aria-describedby]="'issue-' + outcome">
            {{ choices[outcome].label }}
          </mat-radio-button>
          <span class="hint" [id]="'issue-' + outcome">{{ choices[outcome].hint }}</span>
        }
      </mat-radio-group>
      @if (form.controls.outcome.touched && form.controls.outcome.invalid) {
        <p class="field-error" role="alert">Choisissez l’issue du signalement.</p>
      }
      <ui-text-field
        label="Note de clôture"
        formControlName="note"
        [rows]="4"
        [maxlength]="2000"
        hint="Le CDOM la lira avec l’issue. Aucune information de santé."
        errors="Écrivez une note de clôture (2 caractères au moins)."
      />
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReferralCloseDialog {
  private readonly api = inject(ReferralsApi);
  private readonly ref = inject<MatDialogRef<ReferralCloseDialog, ReferralCloseResult>>(MatDialogRef);
  private readonly referral = inject<CandidateReferralView>(MAT_DIALOG_DATA);

  protected readonly name = professionalDisplayName(this.referral);
  protected readonly outcomes = REFERRAL_CLOSE_OUTCOMES;
  protected readonly choices = OUTCOME_CHOICES;
  protected readonly form = inject(NonNullableFormBuilder).group({
    outcome: [null as ReferralCloseOutcome | null, Validators.required],
    note: ['', [Validators.required, trimmedMinLength(2), Validators.maxLength(2000)]],
  });
  protected readonly outcome = toSignal(this.form.controls.outcome.valueChanges, { initialValue: null });
  protected readonly submission = formSubmission(this.form, { invalidMessage: null });

  protected async submit(): Promise<void> {
    const { outcome, note } = this.form.getRawValue();
    await this.submission.submit(
      () => this.api.close(this.referral, { outcome: outcome as ReferralCloseOutcome, note: note.trim() }),
      // 409 (changed meanwhile, or already closed): the page says why and reloads.
      {
        onRefused: (message) => this.ref.close({ kind: 'refused', message }),
        then: (saved) => this.ref.close({ kind: 'closed', referral: saved }),
      },
    );
  }
}
