import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import {
  type Page,
  PRIORITY_LABELS,
  REMINDER_RULE_LABELS,
  type ReminderRule,
  TASK_STATUS_LABELS,
  type TaskKind,
  type TaskKindCount,
  type TaskStatus,
  type TaskView,
} from '@maillage/shared/domain';
import { LIST_PAGE, Notifications, type RowAction, type TableColumn } from '@maillage/web/ui';
import { actionSubmission, lastValue, listSelection, selectFilters, urlListState } from '@maillage/web/util';
import { AuthStore } from '../../core/auth/auth.store';
import { BulkActions } from '../../shared/bulk/bulk-actions';
import { TaskFormDialog, type TaskFormResult } from './task-form-dialog';
import {
  kindCountText,
  type OriginFilter,
  reminderRunText,
  subjectLink,
  TASK_ACTION_DONE,
  TASK_ACTION_LABELS,
  TASK_CONFLICT_MESSAGE,
  TASK_KINDS_URL,
  TASK_LIST,
  type TaskAction,
  taskActions,
  TasksApi,
  tasksRequest,
} from './tasks-api';

const ACTION_ICONS: Readonly<Record<TaskAction, string>> = {
  complete: 'task_alt',
  reopen: 'undo',
  cancel: 'block',
};

const originLabel = (origin: OriginFilter): string =>
  origin === 'manual' ? 'Saisies à la main' : `Rappel : ${REMINDER_RULE_LABELS[origin]}`;

/** `/taches`: every follow-up, with its filters (kept in the URL), the edit dialog and the status actions. */
@Component({
  selector: 'app-tasks-page',
  imports: [LIST_PAGE, BulkActions, MatSlideToggleModule],
  templateUrl: './tasks-page.html',
  styleUrl: './tasks-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TasksPage {
  private readonly api = inject(TasksApi);
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly notifications = inject(Notifications);

  protected readonly countWords = {
    none: 'Aucune tâche trouvée.',
    one: '1 tâche trouvée.',
    many: '{n} tâches trouvées.',
  };
  protected readonly columns: TableColumn<TaskView>[] = [
    { key: 'title', header: 'Tâche' },
    { key: 'subject', header: 'Concerne' },
    { key: 'owner', header: 'Responsable', text: (t) => t.owner?.displayName ?? t.ownerLabel ?? 'L’équipe' },
    { key: 'dueOn', header: 'Échéance', sortable: true },
    { key: 'priority', header: 'Priorité', sortable: true, nowrap: true, text: (t) => PRIORITY_LABELS[t.priority] },
    { key: 'status', header: 'Statut', sortable: true, nowrap: true },
    { key: 'actions', header: 'Actions', hiddenHeader: true },
  ];

  protected readonly list = urlListState(TASK_LIST, { search: 'q' });
  protected readonly filters = selectFilters(TASK_LIST, {
    status: { label: 'Statut', all: 'Tous les statuts', labels: TASK_STATUS_LABELS },
    origin: { label: 'Origine', all: 'Toutes les origines', labels: originLabel, class: 'filter-wide' },
  });
  protected readonly tasks = httpResource<Page<TaskView>>(() => tasksRequest(this.list.state()));
  /** Open tasks grouped by kind: the team's own, then each reminder rule; a group filters the list. */
  protected readonly kinds = httpResource<TaskKindCount[]>(() => TASK_KINDS_URL);
  /** Rows chosen for a bulk action or an export (started again when the filters change). */
  protected readonly selection = listSelection(() => this.list.apiParams());
  protected readonly page = lastValue(this.tasks);
  protected readonly bulkWords = { item: 'tâche', items: 'tâches', feminine: true };
  protected readonly rowName = (task: TaskView) => `la tâche ${task.title}`;
  protected readonly kindText = kindCountText;
  protected readonly canWrite = computed(() => this.auth.can('tasks.write'));
  /** The status actions of a row: pending, 409, messages. */
  protected readonly action = actionSubmission({ conflictMessage: TASK_CONFLICT_MESSAGE });
  protected readonly notice = computed(() => this.action.conflict() ?? this.action.messages()[0]?.text ?? null);
  protected readonly reminderResult = signal<string | null>(null);
  protected readonly running = signal(false);

  /** Shows the open tasks of one kind (or every kind again when it is already the one shown). */
  protected showKind(kind: TaskKind): void {
    this.list.update(this.list.state().origin === kind ? { origin: null } : { origin: kind, status: 'open' });
  }

  protected ruleLabel(rule: ReminderRule): string {
    return REMINDER_RULE_LABELS[rule];
  }

  protected statusLabel(status: TaskStatus): string {
    return TASK_STATUS_LABELS[status];
  }

  protected link(task: TaskView) {
    return subjectLink(task.subject);
  }

  protected actionsOf(task: TaskView): TaskAction[] {
    return this.canWrite() ? taskActions(task.status) : [];
  }

  /** The row's menu: edit, then the moves its status allows. */
  protected rowActions(task: TaskView): RowAction<'edit' | TaskAction>[] {
    return [
      { key: 'edit', label: 'Modifier', icon: 'edit' },
      ...this.actionsOf(task).map((action) => ({
        key: action,
        label: TASK_ACTION_LABELS[action],
        icon: ACTION_ICONS[action],
      })),
    ];
  }

  protected onRowAction(task: TaskView, key: 'edit' | TaskAction): void {
    if (key === 'edit') this.openForm(task);
    else void this.act(task, key);
  }

  protected openForm(task: TaskView | null): void {
    this.action.clear();
    const ref = this.dialog.open(TaskFormDialog, { data: { task }, width: '560px', autoFocus: 'first-tabbable' });
    ref.afterClosed().subscribe((result: TaskFormResult | undefined) => {
      if (!result) return;
      if (result === 'conflict') this.action.conflict.set(TASK_CONFLICT_MESSAGE);
      else this.notifications.done(task ? 'Tâche enregistrée.' : 'Tâche créée.');
      this.tasks.reload();
      this.kinds.reload();
    });
  }

  /** After a bulk action: the list and the counts by kind. */
  protected reload(): void {
    this.tasks.reload();
    this.kinds.reload();
  }

  protected async act(task: TaskView, action: TaskAction): Promise<void> {
    await this.action.run(() => this.api.act(task, action), { success: TASK_ACTION_DONE[action] });
    this.tasks.reload();
    this.kinds.reload();
  }

  protected async runReminders(): Promise<void> {
    if (this.running()) return;
    this.running.set(true);
    this.reminderResult.set(null);
    const run = await this.action.run(() => this.api.runReminders());
    this.running.set(false);
    if (run.ok) {
      this.reminderResult.set(reminderRunText(run.value, REMINDER_RULE_LABELS));
      this.tasks.reload();
      this.kinds.reload();
    }
  }
}
