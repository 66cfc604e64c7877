import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  type CandidateReferralInput,
  type CandidateReferralView,
  PAGE_SIZE_DEFAULT,
  PRIORITIES,
  REFERRAL_SORT_FIELDS,
  REFERRAL_STATUSES,
  type ReferralCloseInput,
  type ReferralFollowUpView,
} from '@maillage/shared/domain';
import { type ApiParams, defineList, flagParam, oneOfParam, textParam } from '@maillage/web/util';
import type { Observable } from 'rxjs';

export const REFERRALS_URL = '/api/candidate-referrals';
export const referralUrl = (id: string): string => `${REFERRALS_URL}/${id}`;

/** The status filter: `open` / `closed` group the statuses; a single status otherwise. */
export const REFERRAL_STATUS_FILTERS = ['open', 'closed', ...REFERRAL_STATUSES] as const;
export type ReferralStatusFilter = (typeof REFERRAL_STATUS_FILTERS)[number];

/**
 * The list, kept in the URL: `/signalements?q=martin&statut=open&priorite=high&mes=oui&tri=priority:desc`.
 * Without an order, the API's own: new first, then high priority, then recent.
 */
export const REFERRAL_LIST = defineList({
  filters: {
    q: textParam('q'),
    status: oneOfParam('statut', REFERRAL_STATUS_FILTERS, {
      api: (value): ApiParams =>
        value === 'open' ? { open: 'true' } : value === 'closed' ? { open: 'false' } : { status: value },
    }),
    priority: oneOfParam('priorite', PRIORITIES),
    mine: flagParam('mes', { api: () => ({ assignedTo: 'me' }) }),
  },
  sort: { fields: REFERRAL_SORT_FIELDS, default: null },
  paging: { pageSize: PAGE_SIZE_DEFAULT },
});

/** The writes on referrals; lists and details are `httpResource`s of the pages. */
@Injectable({ providedIn: 'root' })
export class ReferralsApi {
  private readonly http = inject(HttpClient);

  create(input: CandidateReferralInput): Observable<CandidateReferralView> {
    return this.http.post<CandidateReferralView>(REFERRALS_URL, input);
  }

  assign(referral: { id: string; version: number }, userId: string): Observable<CandidateReferralView> {
    return this.http.post<CandidateReferralView>(`${referralUrl(referral.id)}/assign`, {
      version: referral.version,
      userId,
    });
  }

  followUp(id: string, note: string): Observable<ReferralFollowUpView> {
    return this.http.post<ReferralFollowUpView>(`${referralUrl(id)}/follow-ups`, { note });
  }

  close(
    referral: { id: string; version: number },
    input: Omit<ReferralCloseInput, 'version'>,
  ): Observable<CandidateReferralView> {
    const body: ReferralCloseInput = { version: referral.version, ...input };
    return this.http.post<CandidateReferralView>(`${referralUrl(referral.id)}/close`, body);
  }
}
