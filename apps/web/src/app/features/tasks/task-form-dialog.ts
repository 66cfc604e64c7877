import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { PRIORITIES, PRIORITY_LABELS, type Priority, type TaskInput, type TaskView } from '@maillage/shared/domain';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../core/auth/auth.store';
import { errorMessages } from '../../core/http/api-error';
import { fromIsoDate, toIsoDate } from '../accreditations/accreditations-api';
import { isVersionConflict, TasksApi } from './tasks-api';

export type OwnerChoice = 'me' | 'team' | 'label';

/** The saved task, or `conflict` when someone changed it meanwhile (409). */
export type TaskFormResult = TaskView | 'conflict';

/** Creates a task, or edits one (`data.task`). */
@Component({
  selector: 'app-task-form-dialog',
  imports: [
    MatButtonModule,
    MatDatepickerModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    ReactiveFormsModule,
  ],
  templateUrl: './task-form-dialog.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .dialog-form {
      display: grid;
      gap: 8px;
      min-width: min(480px, 80vw);
    }
    .owner-group {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      margin-bottom: 8px;
    }
    .owner-legend {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
      padding: 0;
    }
    fieldset {
      border: 0;
      margin: 0;
      padding: 0;
    }
    .form-errors {
      display: flex;
      gap: 8px;
      color: var(--mat-sys-error);
    }
  `,
})
export class TaskFormDialog {
  private readonly api = inject(TasksApi);
  private readonly auth = inject(AuthStore);
  private readonly ref = inject<MatDialogRef<TaskFormDialog, TaskFormResult>>(MatDialogRef);
  protected readonly task = inject<{ task: TaskView | null } | null>(MAT_DIALOG_DATA, { optional: true })?.task ?? null;

  protected readonly priorities = PRIORITIES;
  protected readonly priorityLabels = PRIORITY_LABELS;
  protected readonly title = this.task ? 'Modifier la tâche' : 'Nouvelle tâche';

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

  protected readonly pending = signal(false);
  protected readonly errors = signal<string[]>([]);

  private initialOwner(): OwnerChoice {
    if (!this.task) return 'me';
    if (this.task.ownerLabel) return 'label';
    if (this.task.owner) return 'me';
    return 'team';
  }

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    const v = this.form.getRawValue();
    if (v.owner === 'label' && v.ownerLabel.trim().length < 2) {
      this.form.controls.ownerLabel.setErrors({ required: true });
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const input: TaskInput = {
      title: v.title.trim(),
      description: v.description.trim() || null,
      ownerId: v.owner === 'me' ? (this.task?.owner?.id ?? this.me) : null,
      ownerLabel: v.owner === 'label' ? v.ownerLabel.trim() : null,
      dueOn: v.dueOn ? toIsoDate(v.dueOn) : null,
      priority: v.priority,
    };
    this.pending.set(true);
    this.errors.set([]);
    try {
      const saved = await firstValueFrom(this.task ? this.api.update(this.task, input) : this.api.create(input));
      this.ref.close(saved);
    } catch (error) {
      if (isVersionConflict(error)) {
        this.ref.close('conflict');
        return;
      }
      this.errors.set(errorMessages(error));
    } finally {
      this.pending.set(false);
    }
  }
}
