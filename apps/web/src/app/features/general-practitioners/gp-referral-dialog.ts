import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { type GeneralPractitionerRow, PRIORITIES, type Priority, PRIORITY_LABELS } from '@maillage/shared/domain';
import { DIALOG_FORM } from '@maillage/web/ui';
import { formSubmission, trimmedMinLength } from '@maillage/web/util';
import { GeneralPractitionersApi, gpName } from './gp-api';

/** The reason proposed for a GP of the directory (the CDOM completes or rewrites it). */
export function suggestedReason(row: GeneralPractitionerRow): string {
  const place = [row.structureName, row.commune.name].filter(Boolean).join(', ');
  return `Médecin généraliste de l’annuaire RPPS, non maître de stage${place ? ` (${place})` : ''}.`;
}

/** One GP of the directory becomes a CDOM referral: the identity comes from the directory, the reason from the CDOM. */
@Component({
  selector: 'app-gp-referral-dialog',
  imports: [DIALOG_FORM],
  template: `
    <form
      uiDialogForm
      heading="Signaler au CDOM"
      submitLabel="Créer le signalement"
      pendingLabel="Envoi…"
      [formGroup]="form"
      [submission]="submission"
      (ngSubmit)="submit()"
    >
      <p uiDialogLead>{{ name }} — RPPS {{ row.rpps ?? 'inconnu' }}</p>
      <ui-text-field
        label="Motif du signalement"
        formControlName="reason"
        [rows]="4"
        [maxlength]="2000"
        hint="Pourquoi ce médecin pourrait devenir maître de stage. Aucune information de santé."
        errors="Écrivez le motif (10 caractères au moins)."
      />
      <ui-select-field label="Priorité" formControlName="priority" [options]="priorities" [labels]="priorityLabels" />
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GpReferralDialog {
  private readonly api = inject(GeneralPractitionersApi);
  private readonly ref = inject<MatDialogRef<GpReferralDialog, { id: string }>>(MatDialogRef);
  protected readonly row = inject<GeneralPractitionerRow>(MAT_DIALOG_DATA);

  protected readonly name = gpName(this.row);
  protected readonly priorities = PRIORITIES;
  protected readonly priorityLabels = PRIORITY_LABELS;
  protected readonly form = inject(NonNullableFormBuilder).group({
    reason: [suggestedReason(this.row), [Validators.required, trimmedMinLength(10), Validators.maxLength(2000)]],
    priority: ['normal' as Priority, Validators.required],
  });
  protected readonly submission = formSubmission(this.form, { invalidMessage: null });

  protected async submit(): Promise<void> {
    const { reason, priority } = this.form.getRawValue();
    await this.submission.submit(() => this.api.refer(this.row, { reason: reason.trim(), priority }), {
      success: 'Signalement créé.',
      then: (saved) => this.ref.close(saved),
    });
  }
}
