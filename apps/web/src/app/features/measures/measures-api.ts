import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { MeasureDetail, MeasureInput } from '@maillage/shared/domain';
import type { Observable } from 'rxjs';

export const MEASURES_URL = '/api/support-measures';
export const MEASURE_CONFLICT_MESSAGE = 'Cette mesure a été modifiée entre-temps : rechargez la fiche.';

const EUROS = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

/** « 12 500 € » (French grouping and symbol after the amount). */
export function euros(amount: number): string {
  return EUROS.format(amount);
}

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
