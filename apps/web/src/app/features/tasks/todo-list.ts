import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import {
  PRIORITY_LABELS,
  REMINDER_RULE_LABELS,
  type TodoBucket,
  type TodoItem,
  type TodoList,
} from '@maillage/shared/domain';
import { FrenchDatePipe, LoadError } from '@maillage/web/ui';
import { actionSubmission } from '@maillage/web/util';
import { AREAS } from '../../core/navigation/areas';
import {
  groupTodo,
  subjectLink,
  TASK_CONFLICT_MESSAGE,
  TasksApi,
  TODO_PAGE_SIZE,
  TODO_SHOWN_PER_BUCKET,
  TODO_URL,
  todoCountsText,
  type TodoGroup,
} from './tasks-api';

/** The mission officer's to-do on the home page: open tasks, most urgent first. */
@Component({
  selector: 'app-todo-list',
  imports: [FrenchDatePipe, LoadError, MatButtonModule, MatIconModule, MatProgressBarModule, RouterLink],
  templateUrl: './todo-list.html',
  styleUrl: './todo-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TodoListCard {
  private readonly api = inject(TasksApi);

  protected readonly todo = httpResource<TodoList>(() => ({ url: TODO_URL, params: { pageSize: TODO_PAGE_SIZE } }));
  protected readonly list = computed(() => (this.todo.hasValue() ? this.todo.value() : undefined));
  protected readonly groups = computed(() => groupTodo(this.list()?.items ?? []));
  protected readonly countsText = computed(() => {
    const list = this.list();
    return list ? todoCountsText(list.counts) : '';
  });
  protected readonly more = computed(() => {
    const list = this.list();
    return list && list.total > list.items.length ? list.total - list.items.length : 0;
  });
  protected readonly ruleLabels = REMINDER_RULE_LABELS;
  protected readonly priorityLabels = PRIORITY_LABELS;
  protected readonly tasksPath = `/${AREAS.tasks.path}`;
  /** Each section shows its first items; the rest on demand. */
  protected readonly shown = TODO_SHOWN_PER_BUCKET;
  protected readonly expanded = signal<ReadonlySet<TodoBucket>>(new Set());
  protected readonly busy = signal<string | null>(null);
  /** « Fait »: pending, 409, messages. */
  protected readonly action = actionSubmission({ conflictMessage: TASK_CONFLICT_MESSAGE });
  protected readonly notice = computed(() => this.action.conflict() ?? this.action.messages()[0]?.text ?? null);

  protected visible(group: TodoGroup): TodoItem[] {
    return this.expanded().has(group.bucket) ? group.items : group.items.slice(0, this.shown);
  }

  protected toggle(bucket: TodoBucket): void {
    this.expanded.update((current) => {
      const next = new Set(current);
      if (!next.delete(bucket)) next.add(bucket);
      return next;
    });
  }

  protected link(item: TodoItem) {
    return subjectLink(item.subject);
  }

  protected async complete(item: TodoItem): Promise<void> {
    if (this.busy()) return;
    this.busy.set(item.id);
    await this.action.run(() => this.api.act(item, 'complete'), { success: `« ${item.title} » est faite.` });
    this.busy.set(null);
    this.todo.reload();
  }
}
