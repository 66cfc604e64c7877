import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { MatDialogRef } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import type { OfferSnapshotDetail } from '@maillage/shared/domain';
import { DIALOG_FORM } from '@maillage/web/ui';
import { formSubmission, textOrNull } from '@maillage/web/util';
import { defaultSnapshotTitle, OfferSnapshotsApi } from './offer-snapshots-api';

/** "Arrêter l’état de l’offre": explains that today's figures get frozen, then takes the snapshot. */
@Component({
  selector: 'app-take-snapshot-dialog',
  imports: [DIALOG_FORM, MatIconModule],
  template: `
    <form
      uiDialogForm
      contentClass="dialog-form dialog-form--wide"
      heading="Arrêter l’état de l’offre"
      [formGroup]="form"
      [submission]="submission"
      (ngSubmit)="submit()"
      submitLabel="Arrêter les chiffres du jour"
      pendingLabel="Calcul en cours…"
      submitIcon="lock"
    >
      <div uiDialogLead class="dialog-explain">
        <mat-icon aria-hidden="true">lock_clock</mat-icon>
        <p>
          Les chiffres du jour — terrains, MSU, places par type de stage et par semestre, écarts par zone, terrains sous
          surveillance — vont être calculés puis <strong>figés</strong>. Ce relevé ne changera plus, même si les données
          évoluent ensuite ; il pourra être comparé aux relevés suivants.
        </p>
      </div>
      <ui-text-field
        label="Intitulé"
        formControlName="title"
        [maxlength]="200"
        [required]="true"
        [errors]="{ required: titleError, minlength: titleError }"
      />
      <ui-text-field
        label="Note"
        formControlName="note"
        [rows]="3"
        [maxlength]="4000"
        hint="Par exemple : le comité auquel ce relevé est destiné."
      />
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TakeSnapshotDialog {
  private readonly api = inject(OfferSnapshotsApi);
  private readonly ref = inject<MatDialogRef<TakeSnapshotDialog, OfferSnapshotDetail>>(MatDialogRef);

  protected readonly form = new FormGroup({
    title: new FormControl(defaultSnapshotTitle(new Date()), {
      nonNullable: true,
      validators: [Validators.required, Validators.minLength(2), Validators.maxLength(200)],
    }),
    note: new FormControl('', { nonNullable: true, validators: Validators.maxLength(4000) }),
  });
  protected readonly submission = formSubmission(this.form);
  protected readonly titleError = 'Saisissez un intitulé (2 caractères au moins).';

  protected async submit(): Promise<void> {
    const v = this.form.getRawValue();
    if (v.title.trim().length < 2) this.form.controls.title.setErrors({ required: true });
    await this.submission.submit(() => this.api.take({ title: v.title.trim(), note: textOrNull(v.note) }), {
      then: (saved) => this.ref.close(saved),
    });
  }
}
