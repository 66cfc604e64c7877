import { HttpClient, type HttpResourceRequest } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Params } from '@angular/router';
import {
  ACCREDITATION_SORT_FIELDS,
  ACCREDITATION_STATUSES,
  ACCREDITATION_VALIDITIES,
  type AccreditationDetail,
  type AccreditationStatus,
  type AccreditationSummary,
  type AccreditationValidity,
  canChangeAccreditationStatus,
  type Cycle,
  CYCLES,
  PAGE_SIZE_DEFAULT,
  type SortDirection,
  STAGE_TYPES,
  type StageType,
} from '@maillage/shared/domain';
import type { Observable } from 'rxjs';

export const ACCREDITATIONS_URL = '/api/accreditations';
export const ACCREDITATION_CONFLICT_MESSAGE = 'Cet agrément a été modifié entre-temps : rechargez la liste.';
export const PAGE_SIZES = [10, 25, 50, 100] as const;

export type AccreditationSortField = (typeof ACCREDITATION_SORT_FIELDS)[number];

export interface AccreditationListState {
  status: AccreditationStatus | null;
  validity: AccreditationValidity | null;
  cycle: Cycle | null;
  stageType: StageType | null;
  /** Holder filters (from a site's or a professional's page). */
  site: string | null;
  professional: string | null;
  page: number;
  pageSize: number;
  sort: { field: AccreditationSortField; direction: SortDirection };
}

/** Query parameters of `/agrements`: `?validite=expiring_soon&cycle=3&tri=endDate:asc`. */
export interface AccreditationListParams {
  statut?: string;
  validite?: string;
  cycle?: string;
  stage?: string;
  terrain?: string;
  professionnel?: string;
  page?: string;
  parPage?: string;
  tri?: string;
}

/** The soonest end dates first: what needs attention. */
export const DEFAULT_ACCREDITATION_LIST: AccreditationListState = {
  status: null,
  validity: null,
  cycle: null,
  stageType: null,
  site: null,
  professional: null,
  page: 1,
  pageSize: PAGE_SIZE_DEFAULT,
  sort: { field: 'endDate', direction: 'asc' },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | null {
  return value !== undefined && (values as readonly string[]).includes(value) ? (value as T) : null;
}

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : fallback;
}

export function accreditationListFromParams(params: AccreditationListParams): AccreditationListState {
  const [field, direction] = (params.tri ?? '').split(':');
  const sortField = oneOf(ACCREDITATION_SORT_FIELDS, field);
  const pageSize = positive(params.parPage, PAGE_SIZE_DEFAULT);
  return {
    status: oneOf(ACCREDITATION_STATUSES, params.statut),
    validity: oneOf(ACCREDITATION_VALIDITIES, params.validite),
    cycle: oneOf(CYCLES, params.cycle),
    stageType: oneOf(STAGE_TYPES, params.stage),
    site: UUID.test(params.terrain ?? '') ? (params.terrain as string) : null,
    professional: UUID.test(params.professionnel ?? '') ? (params.professionnel as string) : null,
    page: positive(params.page, 1),
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : PAGE_SIZE_DEFAULT,
    sort: sortField
      ? { field: sortField, direction: direction === 'desc' ? 'desc' : 'asc' }
      : DEFAULT_ACCREDITATION_LIST.sort,
  };
}

export function accreditationListToParams(state: AccreditationListState): Params {
  const d = DEFAULT_ACCREDITATION_LIST;
  const sort = `${state.sort.field}:${state.sort.direction}`;
  const params: Record<string, string | null> = {
    statut: state.status,
    validite: state.validity,
    cycle: state.cycle,
    stage: state.stageType,
    terrain: state.site,
    professionnel: state.professional,
    page: state.page !== d.page ? String(state.page) : null,
    parPage: state.pageSize !== d.pageSize ? String(state.pageSize) : null,
    tri: sort !== `${d.sort.field}:${d.sort.direction}` ? sort : null,
  };
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== null));
}

export function accreditationsRequest(state: AccreditationListState): HttpResourceRequest {
  const params: Record<string, string | number> = {
    page: state.page,
    pageSize: state.pageSize,
    sort: `${state.sort.field}:${state.sort.direction}`,
  };
  if (state.status) params['status'] = state.status;
  if (state.validity) params['validity'] = state.validity;
  if (state.cycle) params['cycle'] = state.cycle;
  if (state.stageType) params['stageType'] = state.stageType;
  if (state.site) params['site'] = state.site;
  if (state.professional) params['professional'] = state.professional;
  return { url: ACCREDITATIONS_URL, params };
}

/** The business actions of an accreditation (`POST /api/accreditations/:id/<action>`). */
export type AccreditationAction = 'review' | 'grant' | 'withdraw' | 'expire';

export const ACCREDITATION_ACTION_LABELS: Readonly<Record<AccreditationAction, string>> = {
  review: 'Mettre en instruction',
  grant: 'Accorder l’agrément',
  withdraw: 'Retirer l’agrément',
  expire: 'Constater l’expiration',
};

/** The actions the status allows, in the order of the menu. */
export function availableActions(status: AccreditationStatus): AccreditationAction[] {
  const actions: AccreditationAction[] = [];
  if (canChangeAccreditationStatus(status, 'under_review')) actions.push('review');
  if (canChangeAccreditationStatus(status, 'granted') || canChangeAccreditationStatus(status, 'conditional')) {
    actions.push('grant');
  }
  if (canChangeAccreditationStatus(status, 'withdrawn')) actions.push('withdraw');
  if (canChangeAccreditationStatus(status, 'expired')) actions.push('expire');
  return actions;
}

export interface AccreditationActionBody {
  version: number;
  note?: string;
  /** grant */
  startDate?: string;
  endDate?: string;
  reference?: string;
  /** withdraw */
  date?: string;
}

export { isVersionConflict } from '../../core/http/api-error';

@Injectable({ providedIn: 'root' })
export class AccreditationsApi {
  private readonly http = inject(HttpClient);

  act(
    accreditation: AccreditationSummary,
    action: AccreditationAction,
    body: Omit<AccreditationActionBody, 'version'>,
  ): Observable<AccreditationDetail> {
    return this.http.post<AccreditationDetail>(`${ACCREDITATIONS_URL}/${accreditation.id}/${action}`, {
      ...body,
      version: accreditation.version,
    });
  }
}

/** A date picked in the calendar as the API writes it (`YYYY-MM-DD`, the day the user sees). */
export function toIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function fromIsoDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y, m - 1, d);
}
