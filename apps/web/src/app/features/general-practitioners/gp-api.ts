import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  type CandidateReferralInput,
  type GeneralPractitionerRow,
  PAGE_SIZE_DEFAULT,
  type ProfessionalInput,
  RPPS_PRACTICE_MODE_LABELS,
  RPPS_SECTOR_LABELS,
} from '@maillage/shared/domain';
import { defineList, oneOfParam, patternParam } from '@maillage/web/util';
import type { Observable } from 'rxjs';

export const GP_URL = '/api/rpps/general-practitioners';
const REFERRALS_URL = '/api/candidate-referrals';
const PROFESSIONALS_URL = '/api/professionals';

export const PRACTICE_MODES = Object.keys(RPPS_PRACTICE_MODE_LABELS);
export const SECTORS = Object.keys(RPPS_SECTOR_LABELS);
export const REGISTRY_STATES = ['none', 'pipeline'] as const;
export const REGISTRY_STATE_LABELS = {
  none: 'Pas encore dans le registre',
  pipeline: 'Déjà dans le parcours MSU',
} as const;

/** `/generalistes-non-msu?commune=77288&mode=L&secteur=SA07`: the filters in the URL. */
export const GP_LIST = defineList({
  filters: {
    commune: patternParam('commune', /^(?:\d{5}|2[AB]\d{3})$/),
    epci: patternParam('epci', /^\d{9}$/),
    practiceMode: oneOfParam('mode', PRACTICE_MODES),
    sector: oneOfParam('secteur', SECTORS),
    registry: oneOfParam('registre', REGISTRY_STATES),
  },
  paging: { pageSize: PAGE_SIZE_DEFAULT },
});

/** `/api/rpps/general-practitioners/<rpps>/supervision-income.pdf`: the one-page estimate to hand over. */
export function supervisionIncomePdfUrl(rpps: string): string {
  return `${GP_URL}/${encodeURIComponent(rpps)}/supervision-income.pdf`;
}

/** « Dr Claire MARTIN ». */
export function gpName(row: Pick<GeneralPractitionerRow, 'civility' | 'firstName' | 'lastName'>): string {
  return [row.civility === 'DR' ? 'Dr' : row.civility, row.firstName, row.lastName].filter(Boolean).join(' ');
}

/** The writes a row leads to: a CDOM referral, or a professional in the MSU pipeline. */
@Injectable({ providedIn: 'root' })
export class GeneralPractitionersApi {
  private readonly http = inject(HttpClient);

  refer(
    row: GeneralPractitionerRow,
    changes: Pick<CandidateReferralInput, 'reason' | 'priority'>,
  ): Observable<{ id: string }> {
    return this.http.post<{ id: string }>(REFERRALS_URL, { ...row.referralDraft, ...changes });
  }

  addToPipeline(row: GeneralPractitionerRow): Observable<{ id: string }> {
    const draft: ProfessionalInput = row.professionalDraft;
    return this.http.post<{ id: string }>(PROFESSIONALS_URL, draft);
  }
}
