import type { Page, TaskKindCount, TaskView, TodoBucket, TodoItem, TodoList } from '@maillage/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Clock } from '../common/clock/clock';
import { paginate } from '../common/http/paging';
import { findScoped } from '../common/persistence/scoped-records';
import type { Actor } from '../common/scope/territory-scope';
import type { ListTasksQuery, TodoQuery } from './dto/list-tasks.query';
import { TASK_SORTABLE, taskKindCounts, taskListQuery, todoCounts, todoQuery } from './task-query';
import { TASK_LABEL, taskViews } from './task-views';
import { Task } from './task.entity';

/** Reads of tasks: lists, one task, and the mission officer's to-do. */
@Injectable()
export class TasksQueryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, query: ListTasksQuery): Promise<Page<TaskView>> {
    const today = this.clock.today();
    const qb = taskListQuery(this.db.getRepository(Task), actor, query, today);
    const page = await paginate(qb, query, TASK_SORTABLE, 'dueOn:asc', (t) => t);
    return { ...page, items: await taskViews(this.db.manager, page.items, today) };
  }

  async get(actor: Actor, id: string): Promise<TaskView> {
    const task = await findScoped(this.db.manager, actor, Task, id, TASK_LABEL);
    const [view] = await taskViews(this.db.manager, [task], this.clock.today());
    return view;
  }

  /** Open tasks per kind, for the groups of the tasks page. */
  kinds(actor: Actor): Promise<TaskKindCount[]> {
    return taskKindCounts(this.db.getRepository(Task), actor, this.clock.today());
  }

  /** Open tasks of the actor's départements, most urgent first (see `todoQuery`), with the header counts. */
  async todo(actor: Actor, query: TodoQuery): Promise<TodoList> {
    const today = this.clock.today();
    const weekEnd = endOfWeek(today);
    const repo = this.db.getRepository(Task);
    const [rows, total] = await todoQuery(repo, actor, today, weekEnd)
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    const views = await taskViews(this.db.manager, rows, today);
    const items: TodoItem[] = views.map((view, i) => ({
      ...view,
      bucket: bucketOf(rows[i], today, weekEnd),
      mine: rows[i].ownerId === actor.id || (rows[i].ownerId === null && rows[i].ownerLabel === null),
    }));
    const counts = await todoCounts(repo, actor, today, weekEnd);
    return { items, total, page: query.page, pageSize: query.pageSize, today, weekEnd, counts };
  }
}

/** Sunday of the (Monday-first) week of `date`. */
export function endOfWeek(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + ((7 - d.getUTCDay()) % 7));
  return d.toISOString().slice(0, 10);
}

/** The same buckets as `BUCKET` in SQL. */
export function bucketOf(t: Pick<Task, 'dueOn' | 'priority'>, today: string, weekEnd: string): TodoBucket {
  if (t.dueOn !== null && t.dueOn < today) return 'overdue';
  if (t.dueOn !== null && t.dueOn <= weekEnd) return 'this_week';
  return t.priority === 'high' ? 'high_priority' : 'later';
}
