import { HttpClient, type HttpResourceRequest } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Params } from '@angular/router';
import {
  PAGE_SIZE_DEFAULT,
  SITE_KINDS,
  SITE_SORT_FIELDS,
  SITE_STATUSES,
  type SiteInput,
  type SiteKind,
  type SiteRecord,
  type SiteStatus,
  type SortDirection,
  STAGE_TYPES,
  type StageType,
  type Zonage,
  ZONAGES,
} from '@maillage/shared/domain';
import type { Observable } from 'rxjs';

export const SITES_URL = '/api/sites';
export const SITE_CONFLICT_MESSAGE = 'Ce terrain a été modifié entre-temps : rechargez la fiche.';

export type SiteSortField = (typeof SITE_SORT_FIELDS)[number];
export const PAGE_SIZES = [10, 25, 50, 100] as const;

/** What the list shows: filters, order and page. The URL carries it, in French. */
export interface SiteListState {
  q: string;
  /** INSEE code. */
  commune: string | null;
  /** SIREN of the EPCI. */
  epci: string | null;
  kind: SiteKind | null;
  status: SiteStatus | null;
  stageType: StageType | null;
  zonage: Zonage | null;
  /** Sites with (`true`) or without (`false`) an access issue still open. */
  openAccessIssues: boolean | null;
  archived: boolean;
  page: number;
  pageSize: number;
  sort: { field: SiteSortField; direction: SortDirection };
}

/** Query parameters of `/terrains` (shareable links): `?commune=77288&statut=active&tri=name:desc`. */
export interface SiteListParams {
  q?: string;
  commune?: string;
  epci?: string;
  type?: string;
  statut?: string;
  stage?: string;
  zonage?: string;
  /** `oui` / `non`: with or without open access issues. */
  difficultes?: string;
  archives?: string;
  page?: string;
  parPage?: string;
  tri?: string;
}

export const DEFAULT_SITE_LIST: SiteListState = {
  q: '',
  commune: null,
  epci: null,
  kind: null,
  status: null,
  stageType: null,
  zonage: null,
  openAccessIssues: null,
  archived: false,
  page: 1,
  pageSize: PAGE_SIZE_DEFAULT,
  sort: { field: 'name', direction: 'asc' },
};

function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | null {
  return value !== undefined && (values as readonly string[]).includes(value) ? (value as T) : null;
}

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : fallback;
}

/** Reads the URL; anything unknown or malformed falls back to the default (a link never breaks the page). */
export function siteListFromParams(params: SiteListParams): SiteListState {
  const [field, direction] = (params.tri ?? '').split(':');
  const sortField = oneOf(SITE_SORT_FIELDS, field);
  const pageSize = positive(params.parPage, PAGE_SIZE_DEFAULT);
  return {
    q: (params.q ?? '').trim(),
    commune: /^(?:\d{5}|2[AB]\d{3})$/.test(params.commune ?? '') ? (params.commune as string) : null,
    epci: /^\d{9}$/.test(params.epci ?? '') ? (params.epci as string) : null,
    kind: oneOf(SITE_KINDS, params.type),
    status: oneOf(SITE_STATUSES, params.statut),
    stageType: oneOf(STAGE_TYPES, params.stage),
    zonage: oneOf(ZONAGES, params.zonage),
    openAccessIssues: params.difficultes === 'oui' ? true : params.difficultes === 'non' ? false : null,
    archived: params.archives === 'oui',
    page: positive(params.page, 1),
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : PAGE_SIZE_DEFAULT,
    sort: sortField ? { field: sortField, direction: direction === 'desc' ? 'desc' : 'asc' } : DEFAULT_SITE_LIST.sort,
  };
}

/** The URL of a state: defaults are left out, so that `/terrains` is the plain list. */
export function siteListToParams(state: SiteListState): Params {
  const d = DEFAULT_SITE_LIST;
  const sort = `${state.sort.field}:${state.sort.direction}`;
  const params: Record<string, string | null> = {
    q: state.q.trim() || null,
    commune: state.commune,
    epci: state.epci,
    type: state.kind,
    statut: state.status,
    stage: state.stageType,
    zonage: state.zonage,
    difficultes: state.openAccessIssues === null ? null : state.openAccessIssues ? 'oui' : 'non',
    archives: state.archived ? 'oui' : null,
    page: state.page !== d.page ? String(state.page) : null,
    parPage: state.pageSize !== d.pageSize ? String(state.pageSize) : null,
    tri: sort !== `${d.sort.field}:${d.sort.direction}` ? sort : null,
  };
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== null));
}

/** `GET /api/sites` for a state: empty filters are left out. */
export function sitesRequest(state: SiteListState): HttpResourceRequest {
  const params: Record<string, string | number | boolean> = {
    page: state.page,
    pageSize: state.pageSize,
    sort: `${state.sort.field}:${state.sort.direction}`,
  };
  if (state.q) params['q'] = state.q;
  if (state.commune) params['commune'] = state.commune;
  if (state.epci) params['epci'] = state.epci;
  if (state.kind) params['kind'] = state.kind;
  if (state.status) params['status'] = state.status;
  if (state.stageType) params['stageType'] = state.stageType;
  if (state.zonage) params['zonage'] = state.zonage;
  if (state.openAccessIssues !== null) params['hasOpenAccessIssues'] = state.openAccessIssues;
  if (state.archived) params['archived'] = true;
  return { url: SITES_URL, params };
}

export { isVersionConflict } from '../../core/http/api-error';

/** The writes of the site screens; lists and pages read through `httpResource`. */
@Injectable({ providedIn: 'root' })
export class SitesApi {
  private readonly http = inject(HttpClient);

  get(id: string): Observable<SiteRecord> {
    return this.http.get<SiteRecord>(`${SITES_URL}/${id}`);
  }

  create(site: SiteInput): Observable<SiteRecord> {
    return this.http.post<SiteRecord>(SITES_URL, site);
  }

  /** A partial edit from the version read; a stale version answers 409. */
  update(id: string, version: number, changes: Partial<SiteInput>): Observable<SiteRecord> {
    return this.http.patch<SiteRecord>(`${SITES_URL}/${id}`, { ...changes, version });
  }

  archive(site: { id: string; version: number }): Observable<void> {
    return this.http.delete<void>(`${SITES_URL}/${site.id}`, { body: { version: site.version } });
  }

  restore(site: { id: string; version: number }): Observable<SiteRecord> {
    return this.http.post<SiteRecord>(`${SITES_URL}/${site.id}/restore`, { version: site.version });
  }
}
