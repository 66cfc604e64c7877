import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import {
  type CandidateReferralView,
  professionalDisplayName,
  REFERRAL_CLOSE_OUTCOMES,
  type ReferralCloseOutcome,
} from '@maillage/shared/domain';
import { firstValueFrom } from 'rxjs';
import { errorMessages, httpStatus } from '../../core/http/api-error';
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
  imports: [
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatRadioModule,
    ReactiveFormsModule,
  ],
  template: `
    <h2 mat-dialog-title>Clore le signalement</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content class="dialog-form">
        <p class="lead">{{ name }}</p>
        @if (errors().length > 0) {
          <div class="form-errors" role="alert">
            <mat-icon aria-hidden="true">error</mat-icon>
            <ul>
              @for (message of errors(); track $index) {
                <li>{{ message }}</li>
              }
            </ul>
          </div>
        }
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
          <p class="error" role="alert">Choisissez l’issue du signalement.</p>
        }
        <mat-form-field>
          <mat-label>Note de clôture</mat-label>
          <textarea matInput formControlName="note" rows="4" maxlength="2000" required></textarea>
          <mat-hint>Le CDOM la lira avec l’issue. Aucune information de santé.</mat-hint>
          @if (form.controls.note.invalid) {
            <mat-error>Écrivez une note de clôture (2 caractères au moins).</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Annuler</button>
        <button mat-flat-button type="submit" [disabled]="pending()">
          {{ pending() ? 'Clôture…' : outcome() === 'converted' ? 'Clore et faire entrer dans le parcours' : 'Clore' }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styleUrl: './referral-dialogs.scss',
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
    note: ['', [Validators.required, Validators.minLength(2), Validators.maxLength(2000)]],
  });
  protected readonly outcome = toSignal(this.form.controls.outcome.valueChanges, { initialValue: null });
  protected readonly pending = signal(false);
  protected readonly errors = signal<string[]>([]);

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    const { outcome, note } = this.form.getRawValue();
    if (this.form.invalid || outcome === null || note.trim().length < 2) {
      this.form.markAllAsTouched();
      return;
    }
    this.pending.set(true);
    this.errors.set([]);
    try {
      const closed = await firstValueFrom(this.api.close(this.referral, { outcome, note: note.trim() }));
      this.ref.close({ kind: 'closed', referral: closed });
    } catch (error) {
      if (httpStatus(error) === 409) {
        this.ref.close({ kind: 'refused', message: errorMessages(error).join(' ') });
        return;
      }
      this.errors.set(errorMessages(error));
    } finally {
      this.pending.set(false);
    }
  }
}
