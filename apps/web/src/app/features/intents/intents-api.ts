import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  INSEE_COMMUNE_CODE,
  type InstallationIntentInput,
  type InstallationIntentView,
  INTENT_HORIZONS,
  INTENT_SORT_FIELDS,
  INTENT_STATUSES,
  PAGE_SIZE_DEFAULT,
} from '@maillage/shared/domain';
import { defineList, oneOfParam, patternParam, textParam } from '@maillage/web/util';
import type { Observable } from 'rxjs';

export const INTENTS_URL = '/api/installation-intents';
export const intentUrl = (id: string): string => `${INTENTS_URL}/${id}`;

/** The list, kept in the URL: `/intentions-installation?q=dupont&statut=settled&horizon=less_than_1_year&commune=77288`. */
export const INTENT_LIST = defineList({
  filters: {
    q: textParam('q'),
    status: oneOfParam('statut', INTENT_STATUSES),
    horizon: oneOfParam('horizon', INTENT_HORIZONS),
    /** INSEE code of a target commune. */
    commune: patternParam('commune', INSEE_COMMUNE_CODE),
  },
  /** The most recent first. */
  sort: { fields: INTENT_SORT_FIELDS, default: { field: 'createdAt', direction: 'desc' } },
  paging: { pageSize: PAGE_SIZE_DEFAULT },
});

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
