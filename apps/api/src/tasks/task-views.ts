import type { TaskView, UserRef } from '@maillage/shared/domain';
import type { EntityManager } from 'typeorm';

import type { Snapshot } from '../common/persistence/scoped-records';
import { userRefsOf } from '../users/user-refs';
import { subjectLabels } from './task-subjects';
import type { Task } from './task.entity';

export const TASK_LABEL = 'Tâche';

export function isOverdue(t: Pick<Task, 'status' | 'dueOn'>, today: string): boolean {
  return t.status === 'open' && t.dueOn !== null && t.dueOn < today;
}

export function toTaskView(
  t: Task,
  owners: Map<string, UserRef>,
  labels: Map<string, string>,
  today: string,
): TaskView {
  return {
    id: t.id,
    version: t.version,
    departementCode: t.departementCode,
    title: t.title,
    description: t.description,
    owner: t.ownerId ? (owners.get(t.ownerId) ?? null) : null,
    ownerLabel: t.ownerLabel,
    dueOn: t.dueOn,
    status: t.status,
    priority: t.priority,
    overdue: isOverdue(t, today),
    completedAt: t.completedAt?.toISOString() ?? null,
    subject:
      t.subjectType && t.subjectId
        ? { type: t.subjectType, id: t.subjectId, label: labels.get(`${t.subjectType}:${t.subjectId}`) ?? null }
        : null,
    visitId: t.visitId,
    rule: t.rule,
    archivedAt: t.archivedAt?.toISOString() ?? null,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

/** Views of a page of tasks: owners and subject labels in batched queries (one per kind). */
export async function taskViews(manager: EntityManager, tasks: readonly Task[], today: string): Promise<TaskView[]> {
  const owners = await userRefsOf(
    manager,
    tasks.map((t) => t.ownerId),
  );
  const labels = await subjectLabels(manager, tasks);
  return tasks.map((t) => toTaskView(t, owners, labels, today));
}

/** What the history shows of a task. */
export function taskSnapshot(t: Task): Snapshot {
  return {
    title: t.title,
    description: t.description,
    ownerId: t.ownerId,
    ownerLabel: t.ownerLabel,
    dueOn: t.dueOn,
    status: t.status,
    priority: t.priority,
    completedAt: t.completedAt,
    subjectType: t.subjectType,
    subjectId: t.subjectId,
    visitId: t.visitId,
    archivedAt: t.archivedAt,
  };
}
