import type { UserRef } from '../registry/api-people';
import type { Priority } from '../registry/referrals';
import type { StageType } from '../registry/stage-types';
import type { SemesterCode } from './semesters';
import type { ReminderRule, TaskKind, TaskStatus, TaskSubject } from './tasks';

/** Audit entity types of this part of the API. */
export const FIELDWORK_AUDIT_ENTITY_TYPES = { task: 'task', semesterDemand: 'semester_demand' } as const;

export const TASK_SORT_FIELDS = ['dueOn', 'priority', 'status', 'createdAt', 'updatedAt'] as const;

/** The record a task concerns, named in French ("MSP des Capucins", "Dr Claire Martin"…). */
export interface TaskSubjectRef {
  type: TaskSubject;
  id: string;
  /** `null` when the record is gone or out of reach. */
  label: string | null;
}

export interface TaskView {
  id: string;
  version: number;
  departementCode: string;
  title: string;
  description: string | null;
  /** A user of the app, or `null` (see `ownerLabel`; neither: the whole team). */
  owner: UserRef | null;
  ownerLabel: string | null;
  dueOn: string | null;
  status: TaskStatus;
  priority: Priority;
  /** Open and due before today. */
  overdue: boolean;
  completedAt: string | null;
  subject: TaskSubjectRef | null;
  /** The visit this task is a follow-up action of. */
  visitId: string | null;
  /** The reminder rule that raised it; `null` for a task written by a person. */
  rule: ReminderRule | null;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface TaskInput {
  title: string;
  description?: string | null;
  ownerId?: string | null;
  ownerLabel?: string | null;
  dueOn?: string | null;
  priority?: Priority;
  subjectType?: TaskSubject | null;
  subjectId?: string | null;
  /** National administrators only, for a task without a subject. */
  departementCode?: string;
}

/** Where a to-do item stands, most urgent first. */
export const TODO_BUCKETS = ['overdue', 'this_week', 'high_priority', 'later'] as const;
export type TodoBucket = (typeof TODO_BUCKETS)[number];
export const TODO_BUCKET_LABELS: Readonly<Record<TodoBucket, string>> = {
  overdue: 'En retard',
  this_week: 'Cette semaine',
  high_priority: 'Priorité haute',
  later: 'Plus tard',
};

export interface TodoItem extends TaskView {
  bucket: TodoBucket;
  /** Owned by the reader, or by nobody in particular (the team). */
  mine: boolean;
}

export interface TodoCounts {
  overdue: number;
  dueThisWeek: number;
  open: number;
}

/** `GET /api/tasks/kinds`: open tasks per kind (written by the team, or each reminder rule). */
export interface TaskKindCount {
  kind: TaskKind;
  label: string;
  open: number;
  overdue: number;
}

export interface TodoList {
  items: TodoItem[];
  total: number;
  page: number;
  pageSize: number;
  /** Today and the last day (Sunday) of the current week, as used for the buckets. */
  today: string;
  weekEnd: string;
  counts: TodoCounts;
}

export interface ReminderRunResult {
  today: string;
  /** Another instance held the lock: nothing was done. */
  skipped: boolean;
  created: Record<ReminderRule, number>;
  total: number;
}

/** Places of one stage type (or of a group) in a semester. */
export interface SemesterFigures {
  /** Capacities of active sites with an accreditation in force on the first day. */
  offered: number;
  /** Entered by the mission officer (faculty, ARS); 0 when nothing was entered. */
  requested: number;
  /** Known after the interns' choice; `null` while unknown. */
  filled: number | null;
  /** `offered - requested`: negative when places are missing. */
  gap: number;
}

export interface SemesterStageFigures extends SemesterFigures {
  stageType: StageType;
  source: string | null;
}

export interface SemesterPlan {
  semester: SemesterCode;
  label: string;
  start: string;
  end: string;
  /** Grows with every change of this semester's demand figures (0 before the first). */
  version: number;
  /** Every stage type but DJ_MG. */
  stageTypes: SemesterStageFigures[];
  /** Sum of `stageTypes`. */
  totals: SemesterFigures;
  /** Docteurs juniors, on their own; `null` before their first semester. */
  docteurJunior: SemesterStageFigures | null;
}

export interface SemesterDemandInput {
  stageType: StageType;
  placesRequested: number;
  placesFilled?: number | null;
  source?: string | null;
}
