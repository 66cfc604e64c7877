import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  MEASURE_SORT_FIELDS,
  MEASURE_STATUSES,
  MEASURE_TYPES,
  type MeasureDetail,
  type MeasureInput,
  PAGE_SIZE_DEFAULT,
} from '@maillage/shared/domain';
import { defineList, oneOfParam, textParam } from '@maillage/web/util';
import type { Observable } from 'rxjs';

export const MEASURES_URL = '/api/support-measures';
export const MEASURE_CONFLICT_MESSAGE = 'Cette mesure a été modifiée entre-temps : rechargez la fiche.';

/** The list, kept in the URL: `/mesures?type=housing_aid&statut=active&tri=budgetPlanned:desc`. */
export const MEASURE_LIST = defineList({
  filters: {
    q: textParam('q'),
    type: oneOfParam('type', MEASURE_TYPES),
    status: oneOfParam('statut', MEASURE_STATUSES),
  },
  sort: { fields: MEASURE_SORT_FIELDS, default: { field: 'name', direction: 'asc' } },
  paging: { pageSize: PAGE_SIZE_DEFAULT, pageSizes: [PAGE_SIZE_DEFAULT] },
});

@Injectable({ providedIn: 'root' })
export class MeasuresApi {
  private readonly http = inject(HttpClient);

  create(input: MeasureInput): Observable<MeasureDetail> {
    return this.http.post<MeasureDetail>(MEASURES_URL, input);
  }

  update(id: string, version: number, changes: Partial<MeasureInput>): Observable<MeasureDetail> {
    return this.http.patch<MeasureDetail>(`${MEASURES_URL}/${id}`, { ...changes, version });
  }
}
