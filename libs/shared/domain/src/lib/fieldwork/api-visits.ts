import type { UserRef } from '../registry/api-people';
import type { SiteKind } from '../registry/sites';
import type { AccessIssueCategory, AccessIssueStatus, Severity } from './access-issues';
import type { TaskStatus } from './tasks';
import type {
  ChecklistAnswer,
  ParticipantKind,
  VisitChecklist,
  VisitChecklistItem,
  VisitPurpose,
  VisitStatus,
} from './visits';

/** Sort fields of `GET /api/site-visits` (`sort=field:asc|desc`; default `plannedOn:asc`). */
export const VISIT_SORT_FIELDS = ['plannedOn', 'visitedOn', 'status', 'createdAt', 'updatedAt'] as const;

/** Sort fields of `GET /api/site-visits/overdue-sites` (default `lastVisitOn:asc`, never visited first). */
export const OVERDUE_SITE_SORT_FIELDS = ['lastVisitOn', 'name', 'commune'] as const;

/** Audit `entityType` of the records a visit writes (`GET /api/audit-events?entityType=`). */
export const VISIT_AUDIT_ENTITY_TYPES = { visit: 'site_visit', accessIssue: 'access_issue', task: 'task' } as const;

/** Someone who took part (or will take part) in a visit. */
export interface VisitParticipantView {
  id: string;
  kind: ParticipantKind;
  /** The account, for the mission officer, a CDOM member or another user of the département. */
  userId: string | null;
  /** The professional of the registry (an MSU of the site). */
  professionalId: string | null;
  /** The name as recorded (a snapshot for accounts and professionals). */
  name: string;
}

/** `GET /api/site-visits` rows (the calendar). */
export interface SiteVisitSummary {
  id: string;
  version: number;
  departementCode: string;
  site: { id: string; name: string; communeName: string };
  purpose: VisitPurpose;
  status: VisitStatus;
  /** The calendar date (and the `from`/`to` filters). */
  plannedOn: string;
  /** `HH:MM` or `null`. */
  plannedTime: string | null;
  visitedOn: string | null;
  nextVisitOn: string | null;
  participants: VisitParticipantView[];
  archivedAt: string | null;
  updatedAt: string;
}

/** An access issue raised by a visit. */
export interface VisitAccessIssueView {
  id: string;
  category: AccessIssueCategory;
  severity: Severity;
  description: string;
  status: AccessIssueStatus;
  raisedOn: string;
}

/** A follow-up action of a visit (a task). */
export interface VisitActionView {
  id: string;
  title: string;
  owner: UserRef | null;
  ownerLabel: string | null;
  dueOn: string | null;
  status: TaskStatus;
}

/** `GET /api/site-visits/:id`. */
export interface SiteVisitDetail extends SiteVisitSummary {
  checklist: VisitChecklist;
  findings: string | null;
  notes: string | null;
  accessIssues: VisitAccessIssueView[];
  actions: VisitActionView[];
  createdAt: string;
  /**
   * True when the reader sees the calendar entry only: the checklist, findings, notes, issues
   * and actions of a visit are shown to the CDOM only when its account took part (ADR 0005).
   */
  recordWithheld?: boolean;
}

/** One participant: exactly one of `userId`, `professionalId` and `name`. */
export interface VisitParticipantInput {
  kind: ParticipantKind;
  userId?: string;
  professionalId?: string;
  name?: string;
}

/** Body of `POST /api/site-visits`; `PATCH` takes any subset but `siteId`, plus `version`. */
export interface SiteVisitInput {
  siteId: string;
  purpose: VisitPurpose;
  plannedOn: string;
  plannedTime?: string | null;
  notes?: string | null;
  participants?: VisitParticipantInput[];
}

export interface VisitIssueInput {
  category: AccessIssueCategory;
  severity: Severity;
  description: string;
}

/** A follow-up action: exactly one of `ownerId` (a user of the département) and `ownerLabel`. */
export interface VisitActionInput {
  title: string;
  ownerId?: string;
  ownerLabel?: string;
  dueOn: string;
}

/** Body of `POST /api/site-visits/:id/record`. */
export interface VisitRecordInput {
  version: number;
  visitedOn: string;
  participants: VisitParticipantInput[];
  checklist: Partial<Record<VisitChecklistItem, { answer: ChecklistAnswer; comment?: string }>>;
  findings: string;
  nextVisitOn?: string | null;
  issues?: VisitIssueInput[];
  actions?: VisitActionInput[];
}

/** `GET /api/site-visits/overdue-sites` rows: active sites not visited within the window. */
export interface OverdueSite {
  siteId: string;
  name: string;
  kind: SiteKind;
  communeCode: string;
  communeName: string;
  /** Date of the last done visit, `null` if never visited. */
  lastVisitOn: string | null;
  /** The next planned visit, if one is planned from today. */
  nextPlannedOn: string | null;
}
