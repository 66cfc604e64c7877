import { DatePipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import {
  type Page,
  PRIORITY_LABELS,
  REMINDER_RULE_LABELS,
  TASK_STATUS_LABELS,
  TASK_STATUSES,
  type TaskView,
} from '@maillage/shared/domain';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../core/auth/auth.store';
import { errorMessages } from '../../core/http/api-error';
import { TaskFormDialog, type TaskFormResult } from './task-form-dialog';
import {
  DEFAULT_TASK_LIST,
  isVersionConflict,
  ORIGIN_FILTERS,
  type OriginFilter,
  reminderRunText,
  subjectLink,
  TASK_ACTION_DONE,
  TASK_ACTION_LABELS,
  TASK_CONFLICT_MESSAGE,
  type TaskAction,
  taskActions,
  type TaskListState,
  TasksApi,
  tasksRequest,
} from './tasks-api';

const ACTION_ICONS: Readonly<Record<TaskAction, string>> = {
  complete: 'task_alt',
  reopen: 'undo',
  cancel: 'block',
};

/** `/taches`: every follow-up, with its filters, the edit dialog and the status actions. */
@Component({
  selector: 'app-tasks-page',
  imports: [
    DatePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatMenuModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSlideToggleModule,
    MatTableModule,
    RouterLink,
  ],
  templateUrl: './tasks-page.html',
  styleUrl: './tasks-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TasksPage {
  private readonly api = inject(TasksApi);
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly statuses = TASK_STATUSES;
  protected readonly statusLabels = TASK_STATUS_LABELS;
  protected readonly origins = ORIGIN_FILTERS;
  protected readonly actionLabels = TASK_ACTION_LABELS;
  protected readonly actionIcons = ACTION_ICONS;
  protected readonly columns = ['title', 'subject', 'owner', 'dueOn', 'priority', 'status', 'actions'];

  protected readonly state = signal<TaskListState>(DEFAULT_TASK_LIST);
  protected readonly tasks = httpResource<Page<TaskView>>(() => tasksRequest(this.state()));
  protected readonly result = linkedSignal<Page<TaskView> | undefined, Page<TaskView> | undefined>({
    source: () => (this.tasks.hasValue() ? this.tasks.value() : undefined),
    computation: (next, previous) => next ?? previous?.value,
  });
  protected readonly loadError = computed(() => {
    const error = this.tasks.error();
    return error ? errorMessages(error).join(' ') : null;
  });
  protected readonly resultText = computed(() => {
    const total = this.result()?.total;
    if (total === undefined) return '';
    if (total === 0) return 'Aucune tâche trouvée.';
    return total === 1 ? '1 tâche trouvée.' : `${total.toLocaleString('fr-FR')} tâches trouvées.`;
  });
  protected readonly canWrite = computed(() => this.auth.hasRole('mission_officer', 'admin'));
  protected readonly notice = signal<string | null>(null);
  protected readonly reminderResult = signal<string | null>(null);
  protected readonly running = signal(false);

  protected originLabel(origin: OriginFilter): string {
    return origin === 'manual' ? 'Saisies à la main' : `Rappel : ${REMINDER_RULE_LABELS[origin]}`;
  }

  protected priorityLabel(task: TaskView): string {
    return PRIORITY_LABELS[task.priority];
  }

  protected statusLabel(task: TaskView): string {
    return TASK_STATUS_LABELS[task.status];
  }

  protected ruleLabel(task: TaskView): string {
    return task.rule ? REMINDER_RULE_LABELS[task.rule] : '';
  }

  protected link(task: TaskView) {
    return subjectLink(task.subject);
  }

  protected ownerText(task: TaskView): string {
    return task.owner?.displayName ?? task.ownerLabel ?? 'L’équipe';
  }

  protected actionsOf(task: TaskView): TaskAction[] {
    return this.canWrite() ? taskActions(task.status) : [];
  }

  protected update(changes: Partial<TaskListState>): void {
    this.state.update((state) => ({ ...state, page: 1, ...changes }));
  }

  protected onPage(event: PageEvent): void {
    this.state.update((state) => ({ ...state, page: event.pageIndex + 1, pageSize: event.pageSize }));
  }

  protected openForm(task: TaskView | null): void {
    this.notice.set(null);
    const ref = this.dialog.open(TaskFormDialog, { data: { task }, width: '560px', autoFocus: 'first-tabbable' });
    ref.afterClosed().subscribe((result: TaskFormResult | undefined) => {
      if (!result) return;
      if (result === 'conflict') this.notice.set(TASK_CONFLICT_MESSAGE);
      else this.snackBar.open(task ? 'Tâche enregistrée.' : 'Tâche créée.', 'Fermer', { duration: 4000 });
      this.tasks.reload();
    });
  }

  protected async act(task: TaskView, action: TaskAction): Promise<void> {
    this.notice.set(null);
    try {
      await firstValueFrom(this.api.act(task, action));
      this.snackBar.open(TASK_ACTION_DONE[action], 'Fermer', { duration: 4000 });
    } catch (error) {
      this.notice.set(isVersionConflict(error) ? TASK_CONFLICT_MESSAGE : errorMessages(error).join(' '));
    }
    this.tasks.reload();
  }

  protected async runReminders(): Promise<void> {
    if (this.running()) return;
    this.running.set(true);
    this.reminderResult.set(null);
    try {
      const result = await firstValueFrom(this.api.runReminders());
      this.reminderResult.set(reminderRunText(result, REMINDER_RULE_LABELS));
      this.tasks.reload();
    } catch (error) {
      this.reminderResult.set(errorMessages(error).join(' '));
    } finally {
      this.running.set(false);
    }
  }
}
