import { HttpClient, type HttpResourceRequest } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  MsuStage,
  MsuStageMoveInput,
  ProfessionalDetail,
  ProfessionalInput,
  TrainingSessionInput,
  TrainingSessionView,
} from '@maillage/shared/domain';
import type { Observable } from 'rxjs';
import { filtersToApiParams, type ProfessionalFilters } from './professional-filters';

export const PROFESSIONALS_URL = '/api/professionals';
export const PIPELINE_URL = `${PROFESSIONALS_URL}/pipeline`;
export const ACCREDITATIONS_URL = '/api/accreditations';

/** Cards per kanban column. */
export const PIPELINE_LIMIT = 50;

export interface ProfessionalsQuery {
  filters: ProfessionalFilters;
  page: number;
  pageSize: number;
  /** `field:asc|desc`, e.g. `lastName:asc`. */
  sort: string;
}

export function professionalsRequest(query: ProfessionalsQuery): HttpResourceRequest {
  return {
    url: PROFESSIONALS_URL,
    params: { page: query.page, pageSize: query.pageSize, sort: query.sort, ...filtersToApiParams(query.filters) },
  };
}

export function pipelineRequest(filters: ProfessionalFilters): HttpResourceRequest {
  return { url: PIPELINE_URL, params: { limit: PIPELINE_LIMIT, ...filtersToApiParams(filters) } };
}

export const professionalUrl = (id: string): string => `${PROFESSIONALS_URL}/${id}`;

/** `PATCH` body: the fields of the form and the version read. */
export type ProfessionalPatch = Partial<Omit<ProfessionalInput, 'msuStage' | 'msuStageSince'>> & { version: number };

/** The writes on professionals; lists and details are `httpResource`s of the pages. */
@Injectable({ providedIn: 'root' })
export class ProfessionalsApi {
  private readonly http = inject(HttpClient);

  create(input: ProfessionalInput): Observable<ProfessionalDetail> {
    return this.http.post<ProfessionalDetail>(PROFESSIONALS_URL, input);
  }

  update(id: string, patch: ProfessionalPatch): Observable<ProfessionalDetail> {
    return this.http.patch<ProfessionalDetail>(professionalUrl(id), patch);
  }

  /** Moves the professional in the MSU pipeline, from the version the screen shows. */
  moveStage(
    professional: { id: string; version: number },
    toStage: MsuStage,
    date: string,
    note: string | null,
  ): Observable<ProfessionalDetail> {
    const body: MsuStageMoveInput = { version: professional.version, toStage, date, note };
    return this.http.post<ProfessionalDetail>(`${professionalUrl(professional.id)}/stage`, body);
  }

  archive(professional: { id: string; version: number }): Observable<void> {
    return this.http.delete<void>(professionalUrl(professional.id), {
      headers: { 'If-Match': `"${professional.version}"` },
    });
  }

  restore(professional: { id: string; version: number }): Observable<ProfessionalDetail> {
    return this.http.post<ProfessionalDetail>(`${professionalUrl(professional.id)}/restore`, {
      version: professional.version,
    });
  }

  addTrainingSession(id: string, session: TrainingSessionInput): Observable<TrainingSessionView> {
    return this.http.post<TrainingSessionView>(`${professionalUrl(id)}/training-sessions`, session);
  }
}
