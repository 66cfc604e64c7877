import { HttpClient, type HttpResourceRequest } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  InstallationIntentInput,
  InstallationIntentView,
  IntentHorizon,
  IntentStatus,
} from '@maillage/shared/domain';
import type { Observable } from 'rxjs';

export const INTENTS_URL = '/api/installation-intents';
export const intentUrl = (id: string): string => `${INTENTS_URL}/${id}`;

export interface IntentQuery {
  page: number;
  pageSize: number;
  /** `field:asc|desc`; empty for the API's order (most recent first). */
  sort: string;
  q: string;
  status: IntentStatus | '';
  horizon: IntentHorizon | '';
  /** INSEE code of a target commune. */
  commune: string;
}

export function intentsRequest(query: IntentQuery): HttpResourceRequest {
  const params: Record<string, string | number> = { page: query.page, pageSize: query.pageSize };
  if (query.sort) params['sort'] = query.sort;
  if (query.q.trim()) params['q'] = query.q.trim();
  if (query.status) params['status'] = query.status;
  if (query.horizon) params['horizon'] = query.horizon;
  if (query.commune) params['commune'] = query.commune;
  return { url: INTENTS_URL, params };
}

/** `PATCH` body: the form's fields and the version read. */
export type IntentPatch = Partial<InstallationIntentInput> & { version: number };

@Injectable({ providedIn: 'root' })
export class IntentsApi {
  private readonly http = inject(HttpClient);

  create(input: InstallationIntentInput): Observable<InstallationIntentView> {
    return this.http.post<InstallationIntentView>(INTENTS_URL, input);
  }

  update(id: string, patch: IntentPatch): Observable<InstallationIntentView> {
    return this.http.patch<InstallationIntentView>(intentUrl(id), patch);
  }
}
