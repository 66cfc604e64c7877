import { HttpClient, type HttpResourceRequest } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Params } from '@angular/router';
import {
  ACCESS_ISSUE_CATEGORIES,
  ACCESS_ISSUE_SOURCES,
  ACCESS_ISSUE_STATUSES,
  type AccessIssueCategory,
  type AccessIssueDetail,
  type AccessIssueInput,
  type AccessIssueSource,
  type AccessIssueStatus,
  type CloseAccessIssueInput,
  PAGE_SIZE_DEFAULT,
  SEVERITIES,
  type Severity,
} from '@maillage/shared/domain';
import type { Observable } from 'rxjs';

export const ACCESS_ISSUES_URL = '/api/access-issues';
export const ACCESS_ISSUES_PATH = '/difficultes-acces';
export const ISSUE_CONFLICT_MESSAGE = 'Cette difficulté a été modifiée entre-temps : rechargez la fiche.';
export const PAGE_SIZES = [10, 25, 50, 100] as const;

/** Filters, page and order of the list; the URL carries them, in French. */
export interface IssueListState {
  site: string | null;
  category: AccessIssueCategory | null;
  /** Minimum severity. */
  severity: Severity | null;
  status: AccessIssueStatus | null;
  source: AccessIssueSource | null;
  /** `true`: open or in progress; `false`: closed. */
  open: boolean | null;
  page: number;
  pageSize: number;
}

/** `/difficultes-acces?categorie=housing&statut=open&ouvertes=oui&terrain=…&gravite=3&source=cdom`. */
export interface IssueListParams {
  terrain?: string;
  categorie?: string;
  gravite?: string;
  statut?: string;
  source?: string;
  ouvertes?: string;
  page?: string;
  parPage?: string;
}

export const DEFAULT_ISSUE_LIST: IssueListState = {
  site: null,
  category: null,
  severity: null,
  status: null,
  source: null,
  open: null,
  page: 1,
  pageSize: PAGE_SIZE_DEFAULT,
};

function oneOf<T extends string | number>(values: readonly T[], value: T | undefined): T | null {
  return value !== undefined && values.includes(value) ? value : null;
}

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : fallback;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the URL; anything unknown falls back to the default (a link never breaks the page). */
export function issueListFromParams(params: IssueListParams): IssueListState {
  const pageSize = positive(params.parPage, PAGE_SIZE_DEFAULT);
  return {
    site: UUID.test(params.terrain ?? '') ? (params.terrain as string) : null,
    category: oneOf(ACCESS_ISSUE_CATEGORIES, params.categorie as AccessIssueCategory),
    severity: oneOf<number>(SEVERITIES, params.gravite ? Number(params.gravite) : undefined) as Severity | null,
    status: oneOf(ACCESS_ISSUE_STATUSES, params.statut as AccessIssueStatus),
    source: oneOf(ACCESS_ISSUE_SOURCES, params.source as AccessIssueSource),
    open: params.ouvertes === 'oui' ? true : params.ouvertes === 'non' ? false : null,
    page: positive(params.page, 1),
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : PAGE_SIZE_DEFAULT,
  };
}

/** The URL of a state: defaults are left out. */
export function issueListToParams(state: Partial<IssueListState>): Params {
  const s = { ...DEFAULT_ISSUE_LIST, ...state };
  const params: Record<string, string | null> = {
    terrain: s.site,
    categorie: s.category,
    gravite: s.severity === null ? null : String(s.severity),
    statut: s.status,
    source: s.source,
    ouvertes: s.open === null ? null : s.open ? 'oui' : 'non',
    page: s.page !== 1 ? String(s.page) : null,
    parPage: s.pageSize !== PAGE_SIZE_DEFAULT ? String(s.pageSize) : null,
  };
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== null));
}

/** `GET /api/access-issues` for a state (most severe first, then newest). */
export function issuesRequest(state: IssueListState): HttpResourceRequest {
  const params: Record<string, string | number | boolean> = {
    page: state.page,
    pageSize: state.pageSize,
    sort: 'raisedOn:desc',
  };
  if (state.site) params['site'] = state.site;
  if (state.category) params['category'] = state.category;
  if (state.severity) params['severity'] = state.severity;
  if (state.status) params['status'] = state.status;
  if (state.source) params['source'] = state.source;
  if (state.open !== null) params['open'] = state.open;
  return { url: ACCESS_ISSUES_URL, params };
}

export type IssueTransition = 'start' | 'reopen';
export type IssueClosing = 'resolve' | 'wont-fix';

/** The writes of the access-issue screens; lists and pages read through `httpResource`. */
@Injectable({ providedIn: 'root' })
export class AccessIssuesApi {
  private readonly http = inject(HttpClient);

  create(input: AccessIssueInput): Observable<AccessIssueDetail> {
    return this.http.post<AccessIssueDetail>(ACCESS_ISSUES_URL, input);
  }

  transition(issue: { id: string; version: number }, action: IssueTransition): Observable<AccessIssueDetail> {
    return this.http.post<AccessIssueDetail>(`${ACCESS_ISSUES_URL}/${issue.id}/${action}`, { version: issue.version });
  }

  close(id: string, action: IssueClosing, body: CloseAccessIssueInput): Observable<AccessIssueDetail> {
    return this.http.post<AccessIssueDetail>(`${ACCESS_ISSUES_URL}/${id}/${action}`, body);
  }
}
