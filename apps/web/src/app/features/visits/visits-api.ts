import { HttpClient, type HttpResourceRequest } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Params } from '@angular/router';
import {
  type Colleague,
  type ParticipantKind,
  type SiteVisitDetail,
  type SiteVisitInput,
  VISIT_PURPOSES,
  VISIT_STATUSES,
  type VisitPurpose,
  type VisitRecordInput,
  type VisitStatus,
} from '@maillage/shared/domain';
import type { Observable } from 'rxjs';

export const VISITS_URL = '/api/site-visits';
export const OVERDUE_SITES_URL = `${VISITS_URL}/overdue-sites`;
export const COLLEAGUES_URL = '/api/users/colleagues';
export const VISIT_CONFLICT_MESSAGE = 'Cette visite a été modifiée entre-temps : rechargez la fiche.';

export { isVersionConflict } from '../sites/sites-api';

/** `YYYY-MM-DD` of a local date (no time zone shift). */
export function toIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function fromIsoDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y, m - 1, d);
}

export function reportUrl(id: string): string {
  return `${VISITS_URL}/${id}/report.pdf`;
}

export type VisitView = 'calendrier' | 'liste';

/** What `/visites` shows; the URL carries it: `?mois=2026-11&vue=liste&statut=planned&objet=follow_up&mes=oui`. */
export interface VisitListState {
  /** `YYYY-MM`. */
  month: string;
  view: VisitView;
  status: VisitStatus | null;
  purpose: VisitPurpose | null;
  mine: boolean;
}

export interface VisitListParams {
  mois?: string;
  vue?: string;
  statut?: string;
  objet?: string;
  mes?: string;
}

function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | null {
  return value !== undefined && (values as readonly string[]).includes(value) ? (value as T) : null;
}

export function currentMonth(today = new Date()): string {
  return toIsoDate(today).slice(0, 7);
}

export function visitListFromParams(params: VisitListParams, today = new Date()): VisitListState {
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(params.mois ?? '') ? (params.mois as string) : currentMonth(today);
  return {
    month,
    view: params.vue === 'liste' ? 'liste' : 'calendrier',
    status: oneOf(VISIT_STATUSES, params.statut),
    purpose: oneOf(VISIT_PURPOSES, params.objet),
    mine: params.mes === 'oui',
  };
}

export function visitListToParams(state: VisitListState, today = new Date()): Params {
  const params: Record<string, string | null> = {
    mois: state.month !== currentMonth(today) ? state.month : null,
    vue: state.view === 'liste' ? 'liste' : null,
    statut: state.status,
    objet: state.purpose,
    mes: state.mine ? 'oui' : null,
  };
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== null));
}

/** `GET /api/site-visits` for the visible days (`from`/`to`), with the filters. */
export function visitsRequest(state: VisitListState, from: string, to: string): HttpResourceRequest {
  const params: Record<string, string | number | boolean> = { from, to, pageSize: 200, sort: 'plannedOn:asc' };
  if (state.status) params['status'] = state.status;
  if (state.purpose) params['purpose'] = state.purpose;
  if (state.mine) params['mine'] = true;
  return { url: VISITS_URL, params };
}

export function participantKindOf(colleague: Colleague): ParticipantKind {
  return colleague.role === 'cdom' ? 'cdom' : colleague.role === 'mission_officer' ? 'mission_officer' : 'other';
}

/** The writes of the visit screens; pages read through `httpResource`. */
@Injectable({ providedIn: 'root' })
export class VisitsApi {
  private readonly http = inject(HttpClient);

  plan(input: SiteVisitInput): Observable<SiteVisitDetail> {
    return this.http.post<SiteVisitDetail>(VISITS_URL, input);
  }

  record(id: string, input: VisitRecordInput): Observable<SiteVisitDetail> {
    return this.http.post<SiteVisitDetail>(`${VISITS_URL}/${id}/record`, input);
  }

  cancel(visit: { id: string; version: number }, reason?: string): Observable<SiteVisitDetail> {
    return this.http.post<SiteVisitDetail>(`${VISITS_URL}/${visit.id}/cancel`, {
      version: visit.version,
      ...(reason ? { reason } : {}),
    });
  }

  /** Mission officers and CDOM members of the département (mission officer and admin only). */
  colleagues(): Observable<Colleague[]> {
    return this.http.get<Colleague[]>(COLLEAGUES_URL, { params: { role: 'mission_officer,cdom' } });
  }
}
