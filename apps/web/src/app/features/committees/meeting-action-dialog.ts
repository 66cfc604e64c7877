import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatRadioModule } from '@angular/material/radio';
import type { CommitteeMeetingDetail, MeetingActionInput } from '@maillage/shared/domain';
import { DATE_FIELD, DIALOG_FORM } from '@maillage/web/ui';
import { formSubmission, toIsoDate } from '@maillage/web/util';
import { AuthStore } from '../../core/auth/auth.store';
import { CommitteesApi } from './committees-api';

export interface MeetingActionDialogData {
  meetingId: string;
  meetingTitle: string;
}

type OwnerChoice = 'me' | 'team' | 'label';

/** Adds an action item decided in a meeting: it becomes a task about the meeting. */
@Component({
  selector: 'app-meeting-action-dialog',
  imports: [DIALOG_FORM, DATE_FIELD, MatRadioModule],
  template: `
    <form
      uiDialogForm
      heading="Ajouter une action"
      [formGroup]="form"
      [submission]="submission"
      (ngSubmit)="submit()"
      submitLabel="Ajouter l’action"
      contentClass="dialog-form dialog-form--wide"
    >
      <p uiDialogLead class="dialog-lead">
        L’action devient une tâche liée à « {{ data.meetingTitle }} » : elle apparaît dans les tâches et leur suivi.
      </p>
      <ui-text-field
        label="Action"
        formControlName="title"
        [maxlength]="200"
        [required]="true"
        [errors]="{ required: titleError, minlength: titleError }"
      />
      <fieldset class="plain-fieldset">
        <legend>Responsable</legend>
        <mat-radio-group class="radio-row" formControlName="owner" aria-label="Responsable">
          <mat-radio-button value="me">Moi</mat-radio-button>
          <mat-radio-button value="team">L’équipe</mat-radio-button>
          <mat-radio-button value="label">Une autre personne ou structure</mat-radio-button>
        </mat-radio-group>
      </fieldset>
      @if (form.controls.owner.value === 'label') {
        <ui-text-field
          label="Responsable"
          formControlName="ownerLabel"
          [maxlength]="200"
          hint="Par exemple : CDOM, faculté de médecine, mairie de Provins."
          [errors]="{ required: ownerError, minlength: ownerError }"
        />
      }
      <ui-date-field
        label="Échéance"
        formControlName="dueOn"
        [errors]="{ required: dueError, matDatepickerParse: dueError }"
      />
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MeetingActionDialog {
  private readonly api = inject(CommitteesApi);
  private readonly auth = inject(AuthStore);
  private readonly ref = inject<MatDialogRef<MeetingActionDialog, CommitteeMeetingDetail>>(MatDialogRef);
  protected readonly data = inject<MeetingActionDialogData>(MAT_DIALOG_DATA);

  protected readonly form = new FormGroup({
    title: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.minLength(2), Validators.maxLength(200)],
    }),
    owner: new FormControl<OwnerChoice>('me', { nonNullable: true }),
    ownerLabel: new FormControl('', { nonNullable: true, validators: Validators.maxLength(200) }),
    dueOn: new FormControl<Date | null>(null, Validators.required),
  });
  /** The API names the fields of its `items` (`items.0.dueOn : …`): each lands at its field here. */
  protected readonly submission = formSubmission(this.form, {
    fields: { 'items.*.title': 'title', 'items.*.ownerLabel': 'ownerLabel', 'items.*.dueOn': 'dueOn' },
  });
  protected readonly titleError = 'Décrivez l’action (2 caractères au moins).';
  protected readonly ownerError = 'Saisissez le responsable (2 caractères au moins).';
  protected readonly dueError = 'Saisissez une échéance (jj/mm/aaaa).';

  protected async submit(): Promise<void> {
    const v = this.form.getRawValue();
    if (v.title.trim().length < 2) this.form.controls.title.setErrors({ required: true });
    if (v.owner === 'label' && v.ownerLabel.trim().length < 2)
      this.form.controls.ownerLabel.setErrors({ required: true });
    await this.submission.submit(
      () => {
        const item: MeetingActionInput = {
          title: v.title.trim(),
          ownerId: v.owner === 'me' ? (this.auth.user()?.id ?? null) : null,
          ownerLabel: v.owner === 'label' ? v.ownerLabel.trim() : null,
          dueOn: toIsoDate(v.dueOn as Date),
        };
        return this.api.addActions(this.data.meetingId, [item]);
      },
      { then: (saved) => this.ref.close(saved) },
    );
  }
}
