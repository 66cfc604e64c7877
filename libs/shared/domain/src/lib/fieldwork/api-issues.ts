import type { Page } from '../paging';
import type { SiteRecord } from '../registry/api-sites';
import type { AccessIssueCategory, AccessIssueSource, AccessIssueStatus, Severity } from './access-issues';
import type { AllowanceEligibility } from './allowances';
import type { MeasureStatus, MeasureType } from './measures';

/** What the API answers about access issues, support measures and allowance eligibility. */

/** Sort fields of `GET /api/access-issues` and `GET /api/support-measures` (`sort=field:asc|desc`). */
export const ACCESS_ISSUE_SORT_FIELDS = [
  'raisedOn',
  'severity',
  'status',
  'category',
  'closedOn',
  'updatedAt',
  'createdAt',
] as const;
export const MEASURE_SORT_FIELDS = [
  'name',
  'type',
  'status',
  'startDate',
  'endDate',
  'budgetPlanned',
  'budgetCommitted',
  'updatedAt',
  'createdAt',
] as const;

/** Audit `entityType` of the field-work records (`GET /api/audit-events?entityType=`). */
export const ISSUE_AUDIT_ENTITY_TYPES = { accessIssue: 'access_issue', measure: 'support_measure' } as const;

/** The allowances an intern placed at a site may claim (`allowances` of `GET /api/sites/:id`). */
export interface SiteAllowances {
  transport: AllowanceEligibility;
  housing: AllowanceEligibility;
}

/** `GET /api/sites/:id` (and the answers of the site writes): the record with its allowances. */
export interface SiteRecordWithAllowances extends SiteRecord {
  allowances: SiteAllowances;
}

/** The site an issue or a measure concerns. */
export interface SiteRef {
  id: string;
  name: string;
  communeName: string;
}

/** A measure as shown beside an issue. */
export interface MeasureRef {
  id: string;
  name: string;
  type: MeasureType;
  status: MeasureStatus;
}

/** An issue as shown beside a measure. */
export interface AccessIssueRef {
  id: string;
  siteId: string;
  siteName: string;
  category: AccessIssueCategory;
  severity: Severity;
  status: AccessIssueStatus;
}

/** A row of `GET /api/access-issues`. */
export interface AccessIssueSummary {
  id: string;
  version: number;
  departementCode: string;
  site: SiteRef;
  category: AccessIssueCategory;
  severity: Severity;
  description: string;
  source: AccessIssueSource;
  status: AccessIssueStatus;
  raisedOn: string;
  closedOn: string | null;
  resolution: string | null;
  visitId: string | null;
  reportedById: string | null;
  archivedAt: string | null;
  updatedAt: string;
}

/** `GET /api/access-issues/:id`: with the (live) measures acting on it. */
export interface AccessIssueDetail extends AccessIssueSummary {
  measures: MeasureRef[];
  createdAt: string;
}

/** Body of `POST /api/access-issues` (`PATCH`: any subset plus `version`). */
export interface AccessIssueInput {
  siteId: string;
  category: AccessIssueCategory;
  severity: Severity;
  /** What stops interns; never any patient health information. */
  description: string;
  /** Required from the mission officer; always `cdom` for the CDOM. */
  source?: AccessIssueSource;
  raisedOn: string;
}

/** Body of `POST /api/access-issues/:id/resolve` and `/wont-fix`. */
export interface CloseAccessIssueInput {
  version: number;
  closedOn: string;
  resolution: string;
  /** Measures that solved it (resolve only): linked in the same transaction. */
  measureIds?: string[];
}

/** One category of the board: issues per status, and the highest severity among the open ones. */
export interface AccessIssueBoardRow {
  category: AccessIssueCategory;
  counts: Record<AccessIssueStatus, number>;
  /** open + in_progress. */
  open: number;
  maxOpenSeverity: Severity | null;
}

/** `GET /api/access-issues/board`: every category (zeros included) and the totals per status. */
export interface AccessIssueBoard {
  rows: AccessIssueBoardRow[];
  totals: Record<AccessIssueStatus, number>;
}

/** An outcome indicator of a measure ("places de logement", target 6, value 4). */
export interface MeasureIndicator {
  name: string;
  target: number | null;
  value: number | null;
  /** e.g. "places", "internes", "%". */
  unit?: string;
}

/** A row of `GET /api/support-measures`. */
export interface MeasureSummary {
  id: string;
  version: number;
  departementCode: string;
  type: MeasureType;
  name: string;
  status: MeasureStatus;
  budgetPlanned: number;
  budgetCommitted: number;
  startDate: string | null;
  endDate: string | null;
  siteCount: number;
  issueCount: number;
  archivedAt: string | null;
  updatedAt: string;
}

/** `GET /api/support-measures/:id`. */
export interface MeasureDetail extends MeasureSummary {
  description: string | null;
  indicators: MeasureIndicator[];
  sites: SiteRef[];
  issues: AccessIssueRef[];
  createdAt: string;
}

/** Planned and committed budgets (euros) of a set of measures. */
export interface BudgetTotals {
  count: number;
  budgetPlanned: number;
  budgetCommitted: number;
}

/** `GET /api/support-measures`: the page, and the budgets of every measure matching the filters. */
export interface MeasurePage extends Page<MeasureSummary> {
  totals: BudgetTotals;
}

/** `GET /api/support-measures/summary`: budgets per type of measure (live measures). */
export interface MeasureBudgetSummary {
  byType: (BudgetTotals & { type: MeasureType })[];
  totals: BudgetTotals;
}

/** Body of `POST /api/support-measures` (`PATCH`: any subset plus `version`). */
export interface MeasureInput {
  type: MeasureType;
  name: string;
  description?: string | null;
  budgetPlanned?: number;
  /** At most `budgetPlanned`: revise the plan before committing more. */
  budgetCommitted?: number;
  startDate?: string | null;
  endDate?: string | null;
  status?: MeasureStatus;
  /** Replace all the indicators when given (`unit` may be null: none). */
  indicators?: (Omit<MeasureIndicator, 'unit'> & { unit?: string | null })[];
  /** Replace the links when given (live records of the measure's département). */
  siteIds?: string[];
  issueIds?: string[];
  /** Only for a national administrator. */
  departementCode?: string;
}
