import { HttpClient, type HttpResourceRequest } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  REMINDER_RULES,
  type ReminderRule,
  type ReminderRunResult,
  TASK_SORT_FIELDS,
  TASK_STATUSES,
  type TaskInput,
  type TaskStatus,
  type TaskSubjectRef,
  type TaskView,
  TODO_BUCKET_LABELS,
  TODO_BUCKETS,
  type TodoBucket,
  type TodoItem,
} from '@maillage/shared/domain';
import { defineList, flagParam, oneOfParam } from '@maillage/web/util';
import type { Observable } from 'rxjs';
import { AREAS } from '../../core/navigation/areas';

export const TASKS_URL = '/api/tasks';
export const TODO_URL = `${TASKS_URL}/todo`;
/** Open tasks per kind (`TaskKindCount[]`). */
export const TASK_KINDS_URL = `${TASKS_URL}/kinds`;
export const TASK_CONFLICT_MESSAGE = 'Cette tâche a été modifiée entre-temps : la liste a été rechargée.';
/** The to-do shows at most this many items (the API's largest page). */
export const TODO_PAGE_SIZE = 100;
/** Items shown per section before "Afficher les N autres". */
export const TODO_SHOWN_PER_BUCKET = 5;

export type TaskAction = 'complete' | 'reopen' | 'cancel';
export const TASK_ACTION_LABELS: Readonly<Record<TaskAction, string>> = {
  complete: 'Marquer comme faite',
  reopen: 'Rouvrir',
  cancel: 'Annuler la tâche',
};
export const TASK_ACTION_DONE: Readonly<Record<TaskAction, string>> = {
  complete: 'Tâche marquée comme faite.',
  reopen: 'Tâche rouverte.',
  cancel: 'Tâche annulée.',
};

/** The actions a status allows. */
export function taskActions(status: TaskStatus): TaskAction[] {
  return status === 'open' ? ['complete', 'cancel'] : ['reopen'];
}

/** One section of the to-do ("En retard", "Cette semaine"…), in the API's order. */
export interface TodoGroup {
  bucket: TodoBucket;
  label: string;
  items: TodoItem[];
}

/** Groups the to-do by bucket, most urgent first; empty buckets are left out; order inside a bucket is kept. */
export function groupTodo(items: readonly TodoItem[]): TodoGroup[] {
  return TODO_BUCKETS.map((bucket) => ({
    bucket,
    label: TODO_BUCKET_LABELS[bucket],
    items: items.filter((item) => item.bucket === bucket),
  })).filter((group) => group.items.length > 0);
}

/** "3 en retard · 5 cette semaine · 12 ouvertes". */
export function todoCountsText(counts: { overdue: number; dueThisWeek: number; open: number }): string {
  const open = counts.open === 1 ? '1 tâche ouverte' : `${counts.open} tâches ouvertes`;
  return `${counts.overdue} en retard · ${counts.dueThisWeek} cette semaine · ${open}`;
}

/** A router link to the record a task concerns (`null` when it is gone or has no page). */
export interface SubjectLink {
  commands: string[];
  queryParams?: Record<string, string>;
}

export function subjectLink(subject: TaskSubjectRef | null): SubjectLink | null {
  if (!subject || subject.label === null) return null;
  const at = (path: string) => `/${path}`;
  switch (subject.type) {
    case 'site':
      return { commands: [at(AREAS.sites.path), subject.id] };
    case 'professional':
      return { commands: [at(AREAS.professionals.path), subject.id] };
    case 'referral':
      return { commands: [at(AREAS.referrals.path), subject.id] };
    case 'site_visit':
      return { commands: [at(AREAS.visits.path), subject.id] };
    case 'access_issue':
      return { commands: [at(AREAS.accessIssues.path), subject.id] };
    case 'measure':
      return { commands: [at(AREAS.measures.path), subject.id] };
    case 'accreditation':
      // The accreditations list has no filter by accreditation: the label names its holder.
      return { commands: [at(AREAS.accreditations.path)] };
    case 'committee_meeting':
      return { commands: [at(AREAS.committees.path), subject.id] };
  }
}

/** `manual`: written by people; a rule: the reminders it raised. */
export type OriginFilter = ReminderRule | 'manual';
export const ORIGIN_FILTERS: readonly OriginFilter[] = ['manual', ...REMINDER_RULES];

/** The filters of `/taches`, in the URL: `?statut=tous&mes=oui&retard=oui&origine=manual&tri=priority:desc`. */
export const TASK_LIST = defineList({
  filters: {
    /** Open tasks unless asked otherwise (`statut=tous`: every status). */
    status: oneOfParam('statut', TASK_STATUSES, { defaultValue: 'open' }),
    mine: flagParam('mes', { api: () => ({ owner: 'me' }) }),
    overdue: flagParam('retard'),
    origin: oneOfParam('origine', ORIGIN_FILTERS, { api: 'rule' }),
  },
  /** No order chosen: open tasks soonest due first, the others latest changed first. */
  sort: { fields: TASK_SORT_FIELDS, default: null },
  paging: { pageSize: 25 },
});

export const DEFAULT_TASK_LIST = TASK_LIST.defaults;

/** `GET /api/tasks` for the filters (the default order depends on the status shown). */
export function tasksRequest(state: typeof DEFAULT_TASK_LIST): HttpResourceRequest {
  const open = state.status === null || state.status === 'open';
  const sort = state.sort ? `${state.sort.field}:${state.sort.direction}` : open ? 'dueOn:asc' : 'updatedAt:desc';
  return { url: TASKS_URL, params: { ...TASK_LIST.apiParams(state), sort } };
}

/** "2 rappels créés (1 agrément arrivant à échéance, 1 terrain non visité)". */
export function reminderRunText(result: ReminderRunResult, labels: Readonly<Record<ReminderRule, string>>): string {
  if (result.skipped) return 'Les rappels sont déjà en cours de calcul sur un autre serveur : rien n’a été fait.';
  if (result.total === 0) return 'Aucun nouveau rappel : tout est à jour.';
  const parts = (Object.keys(result.created) as ReminderRule[])
    .filter((rule) => result.created[rule] > 0)
    .map((rule) => `${labels[rule]} : ${result.created[rule]}`);
  const head = result.total === 1 ? '1 rappel créé' : `${result.total} rappels créés`;
  return `${head} (${parts.join(', ')}).`;
}

@Injectable({ providedIn: 'root' })
export class TasksApi {
  private readonly http = inject(HttpClient);

  create(input: TaskInput): Observable<TaskView> {
    return this.http.post<TaskView>(TASKS_URL, input);
  }

  update(task: { id: string; version: number }, changes: Partial<TaskInput>): Observable<TaskView> {
    return this.http.patch<TaskView>(`${TASKS_URL}/${task.id}`, { ...changes, version: task.version });
  }

  act(task: { id: string; version: number }, action: TaskAction): Observable<TaskView> {
    return this.http.post<TaskView>(`${TASKS_URL}/${task.id}/${action}`, { version: task.version });
  }

  runReminders(): Observable<ReminderRunResult> {
    return this.http.post<ReminderRunResult>(`${TASKS_URL}/reminders/run`, {});
  }
}

/** « 12 ouvertes, dont 3 en retard » for a group of the tasks page. */
export function kindCountText(open: number, overdue: number): string {
  if (open === 0) return 'aucune ouverte';
  const opened = `${open} ouverte${open > 1 ? 's' : ''}`;
  return overdue > 0 ? `${opened}, dont ${overdue} en retard` : opened;
}
