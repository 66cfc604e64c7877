import {
  TASK_KIND_LABELS,
  TASK_KINDS,
  type TASK_SORT_FIELDS,
  type TaskKind,
  type TaskKindCount,
} from '@maillage/shared/domain';
import type { Repository, SelectQueryBuilder } from 'typeorm';

import { escapeLike } from '../common/http/paging';
import { type Actor, scopeQuery } from '../common/scope/territory-scope';
import type { ListTasksQuery } from './dto/list-tasks.query';
import type { Task } from './task.entity';

/** High first when ascending. */
export const PRIORITY_RANK = `CASE t.priority WHEN 'high' THEN 0 WHEN 'normal' THEN 1 ELSE 2 END`;

export const TASK_SORTABLE: Record<(typeof TASK_SORT_FIELDS)[number], string> = {
  dueOn: 't.dueOn',
  priority: PRIORITY_RANK,
  status: `CASE t.status WHEN 'open' THEN 0 WHEN 'done' THEN 1 ELSE 2 END`,
  createdAt: 't.createdAt',
  updatedAt: 't.updatedAt',
};

const OVERDUE = `(t.status = 'open' AND t.dueOn < :today)`;

/** The filtered list query of `GET /api/tasks`, scoped to the actor's départements. */
export function taskListQuery(
  repo: Repository<Task>,
  actor: Actor,
  query: ListTasksQuery,
  today: string,
): SelectQueryBuilder<Task> {
  const qb = scopeQuery(repo.createQueryBuilder('t'), actor);
  qb.andWhere(query.archived ? 't.archivedAt IS NOT NULL' : 't.archivedAt IS NULL');
  if (query.status) qb.andWhere('t.status = :status', { status: query.status });
  if (query.owner === 'none') qb.andWhere('t.ownerId IS NULL');
  else if (query.owner) qb.andWhere('t.ownerId = :owner', { owner: query.owner === 'me' ? actor.id : query.owner });
  if (query.dueBefore) qb.andWhere('t.dueOn <= :dueBefore', { dueBefore: query.dueBefore });
  if (query.dueAfter) qb.andWhere('t.dueOn >= :dueAfter', { dueAfter: query.dueAfter });
  if (query.overdue !== undefined) {
    qb.andWhere(query.overdue ? OVERDUE : `NOT COALESCE(${OVERDUE}, false)`, { today });
  }
  if (query.rule === 'manual') qb.andWhere('t.rule IS NULL');
  else if (query.rule) qb.andWhere('t.rule = :rule', { rule: query.rule });
  if (query.subjectType) qb.andWhere('t.subjectType = :subjectType', { subjectType: query.subjectType });
  if (query.subjectId) qb.andWhere('t.subjectId = :subjectId', { subjectId: query.subjectId });
  if (query.visit) qb.andWhere('t.visitId = :visit', { visit: query.visit });
  if (query.q) qb.andWhere('t.title ILIKE :q', { q: `%${escapeLike(query.q)}%` });
  return qb;
}

/** Assigned to the reader, or to nobody in particular (the team: reminders, unassigned tasks). */
export const MINE = `(t.owner_id = :me OR (t.owner_id IS NULL AND t.owner_label IS NULL))`;
/** 0 overdue, 1 due this week, 2 high priority, 3 the rest (`TODO_BUCKETS`; `bucketOf` in TS). */
const BUCKET = `CASE WHEN t.due_on < :today THEN 0 WHEN t.due_on <= :weekEnd THEN 1
  WHEN t.priority = 'high' THEN 2 ELSE 3 END`;

/**
 * The to-do: open live tasks of the actor's départements, the reader's and the team's first,
 * then by bucket, oldest due date first, then priority. Served by `idx_tasks_dep_status_due`.
 */
export function todoQuery(
  repo: Repository<Task>,
  actor: Actor,
  today: string,
  weekEnd: string,
): SelectQueryBuilder<Task> {
  return scopeQuery(repo.createQueryBuilder('t'), actor)
    .andWhere(`t.status = 'open' AND t.archivedAt IS NULL`)
    .setParameters({ me: actor.id, today, weekEnd })
    .orderBy(`CASE WHEN ${MINE} THEN 0 ELSE 1 END`, 'ASC')
    .addOrderBy(BUCKET, 'ASC')
    .addOrderBy('t.dueOn', 'ASC', 'NULLS LAST')
    .addOrderBy(PRIORITY_RANK, 'ASC')
    .addOrderBy('t.createdAt', 'ASC')
    .addOrderBy('t.id', 'ASC');
}

/** Counts of the to-do header, over every open task of the actor's départements. */
export async function todoCounts(
  repo: Repository<Task>,
  actor: Actor,
  today: string,
  weekEnd: string,
): Promise<{ overdue: number; dueThisWeek: number; open: number }> {
  const row = await scopeQuery(repo.createQueryBuilder('t'), actor)
    .select(`count(*) FILTER (WHERE t.due_on < :today)::int`, 'overdue')
    .addSelect(`count(*) FILTER (WHERE t.due_on BETWEEN :today AND :weekEnd)::int`, 'dueThisWeek')
    .addSelect('count(*)::int', 'open')
    .andWhere(`t.status = 'open' AND t.archivedAt IS NULL`)
    .setParameters({ today, weekEnd })
    .getRawOne<{ overdue: number; dueThisWeek: number; open: number }>();
  return row ?? { overdue: 0, dueThisWeek: 0, open: 0 };
}

/** Open live tasks of the actor's départements per kind (the team's own, each reminder rule), every kind listed. */
export async function taskKindCounts(repo: Repository<Task>, actor: Actor, today: string): Promise<TaskKindCount[]> {
  const rows = await scopeQuery(repo.createQueryBuilder('t'), actor)
    .select(`COALESCE(t.rule, 'manual')`, 'kind')
    .addSelect('count(*)::int', 'open')
    .addSelect(`count(*) FILTER (WHERE t.due_on < :today)::int`, 'overdue')
    .andWhere(`t.status = 'open' AND t.archivedAt IS NULL`)
    .setParameters({ today })
    .groupBy(`COALESCE(t.rule, 'manual')`)
    .getRawMany<{ kind: TaskKind; open: number; overdue: number }>();
  return TASK_KINDS.map((kind) => {
    const row = rows.find((r) => r.kind === kind);
    return { kind, label: TASK_KIND_LABELS[kind], open: row?.open ?? 0, overdue: row?.overdue ?? 0 };
  });
}
