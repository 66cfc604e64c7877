import { HttpClient, type HttpResourceRequest } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  type Colleague,
  type ParticipantKind,
  type SiteVisitDetail,
  type SiteVisitInput,
  VISIT_PURPOSES,
  VISIT_STATUSES,
  type VisitRecordInput,
} from '@maillage/shared/domain';
import {
  type ApiParams,
  choiceParam,
  defineList,
  flagParam,
  oneOfParam,
  type ParamCodec,
  toIsoMonth,
} from '@maillage/web/util';
import type { Observable } from 'rxjs';

/** Body of `POST /api/site-visits/:id/correct`: the record without issues and actions, and why. */
export type VisitCorrectionInput = Omit<VisitRecordInput, 'issues' | 'actions'> & { reason: string };

export const VISITS_URL = '/api/site-visits';
export const OVERDUE_SITES_URL = `${VISITS_URL}/overdue-sites`;
export const COLLEAGUES_URL = '/api/users/colleagues';
export const VISIT_CONFLICT_MESSAGE = 'Cette visite a été modifiée entre-temps : rechargez la fiche.';

export function reportUrl(id: string): string {
  return `${VISITS_URL}/${id}/report.pdf`;
}

export const VISIT_VIEWS = ['calendrier', 'liste'] as const;
export type VisitView = (typeof VISIT_VIEWS)[number];

export function currentMonth(today = new Date()): string {
  return toIsoMonth(today);
}

/** The month shown (`YYYY-MM`): the current one unless the URL says otherwise; not a filter. */
const monthParam: ParamCodec<string> = {
  param: 'mois',
  defaultValue: '',
  counted: false,
  read: (raw) => (raw !== undefined && /^\d{4}-(0[1-9]|1[0-2])$/.test(raw) ? raw : currentMonth()),
  write: (value) => (value && value !== currentMonth() ? value : null),
  api: () => ({}),
};

/** What `/visites` shows; the URL carries it: `?mois=2026-11&vue=liste&statut=planned&objet=follow_up&mes=oui`. */
export const VISIT_LIST = defineList({
  filters: {
    month: monthParam,
    view: choiceParam('vue', VISIT_VIEWS, 'calendrier'),
    status: oneOfParam('statut', VISIT_STATUSES),
    purpose: oneOfParam('objet', VISIT_PURPOSES),
    mine: flagParam('mes'),
  },
  paging: false,
});

/** `GET /api/site-visits` for the visible days (`from`/`to`), with the filters. */
export function visitsRequest(params: ApiParams, from: string, to: string): HttpResourceRequest {
  return { url: VISITS_URL, params: { ...params, from, to, pageSize: 200, sort: 'plannedOn:asc' } };
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

  /** Corrects a recorded visit; the reason is kept, dated, in its notes and its history. */
  correct(id: string, input: VisitCorrectionInput): Observable<SiteVisitDetail> {
    return this.http.post<SiteVisitDetail>(`${VISITS_URL}/${id}/correct`, input);
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
