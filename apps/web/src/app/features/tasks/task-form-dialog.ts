import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { PRIORITIES, PRIORITY_LABELS, type Priority, type TaskInput, type TaskView } from '@maillage/shared/domain';
import { DATE_FIELD, DIALOG_FORM } from '@maillage/web/ui';
import { formSubmission, fromIsoDate, textOrNull, toIsoDate } from '@maillage/web/util';
import { AuthStore } from '../../core/auth/auth.store';
import { TasksApi } from './tasks-api';

export type OwnerChoice = 'me' | 'team' | 'label';

/** The saved task, or `conflict` when someone changed it meanwhile (409). */
export type TaskFormResult = TaskView | 'conflict';

/** Creates a task, or edits one (`data.task`). */
@Component({
  selector: 'app-task-form-dialog',
  imports: [DIALOG_FORM, DATE_FIELD, MatRadioModule, MatSelectModule],
  templateUrl: './task-form-dialog.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TaskFormDialog {
  private readonly api = inject(TasksApi);
  private readonly auth = inject(AuthStore);
  private readonly ref = inject<MatDialogRef<TaskFormDialog, TaskFormResult>>(MatDialogRef);
  protected readonly task = inject<{ task: TaskView | null } | null>(MAT_DIALOG_DATA, { optional: true })?.task ?? null;

  protected readonly priorities = PRIORITIES;
  protected readonly priorityLabels = PRIORITY_LABELS;
  protected readonly title = this.task ? 'Modifier la tâche' : 'Nouvelle tâche';
  protected readonly titleError = 'Saisissez un titre (2 caractères au moins).';
  protected readonly ownerError = 'Saisissez le nom du responsable (2 caractères au moins).';

  private readonly me = this.auth.user()?.id ?? null;
  /** "Moi", or the user the task already belongs to. */
  protected readonly meLabel = this.task?.owner && this.task.owner.id !== this.me ? this.task.owner.displayName : 'Moi';
  protected readonly form = new FormGroup({
    title: new FormControl(this.task?.title ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.minLength(2), Validators.maxLength(200)],
    }),
    description: new FormControl(this.task?.description ?? '', {
      nonNullable: true,
      validators: Validators.maxLength(4000),
    }),
    owner: new FormControl<OwnerChoice>(this.initialOwner(), { nonNullable: true }),
    ownerLabel: new FormControl(this.task?.ownerLabel ?? '', {
      nonNullable: true,
      validators: Validators.maxLength(200),
    }),
    dueOn: new FormControl<Date | null>(this.task?.dueOn ? fromIsoDate(this.task.dueOn) : null),
    priority: new FormControl<Priority>(this.task?.priority ?? 'normal', { nonNullable: true }),
  });

  protected readonly submission = formSubmission(this.form, { fields: { ownerId: 'owner' } });

  private initialOwner(): OwnerChoice {
    if (!this.task) return 'me';
    if (this.task.ownerLabel) return 'label';
    if (this.task.owner) return 'me';
    return 'team';
  }

  protected async submit(): Promise<void> {
    const v = this.form.getRawValue();
    if (v.owner === 'label' && v.ownerLabel.trim().length < 2) {
      this.form.controls.ownerLabel.setErrors({ required: true });
    }
    const input: TaskInput = {
      title: v.title.trim(),
      description: textOrNull(v.description),
      ownerId: v.owner === 'me' ? (this.task?.owner?.id ?? this.me) : null,
      ownerLabel: v.owner === 'label' ? v.ownerLabel.trim() : null,
      dueOn: v.dueOn ? toIsoDate(v.dueOn) : null,
      priority: v.priority,
    };
    await this.submission.submit(() => (this.task ? this.api.update(this.task, input) : this.api.create(input)), {
      onConflict: () => this.ref.close('conflict'),
      then: (saved) => this.ref.close(saved),
    });
  }
}
