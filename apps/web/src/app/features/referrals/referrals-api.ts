import { HttpClient, type HttpResourceRequest } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CandidateReferralInput,
  CandidateReferralView,
  Priority,
  ReferralCloseInput,
  ReferralFollowUpView,
  ReferralStatus,
} from '@maillage/shared/domain';
import type { Observable } from 'rxjs';

export const REFERRALS_URL = '/api/candidate-referrals';
export const referralUrl = (id: string): string => `${REFERRALS_URL}/${id}`;

/** `open` / `closed` group the statuses; a single status otherwise. */
export type ReferralStatusFilter = ReferralStatus | 'open' | 'closed' | '';

export interface ReferralQuery {
  page: number;
  pageSize: number;
  /** `field:asc|desc`, or empty for the API's order: new first, then high priority, then recent. */
  sort: string;
  q: string;
  status: ReferralStatusFilter;
  priority: Priority | '';
  mine: boolean;
}

export function referralsRequest(query: ReferralQuery): HttpResourceRequest {
  const params: Record<string, string | number> = { page: query.page, pageSize: query.pageSize };
  if (query.sort) params['sort'] = query.sort;
  if (query.q.trim()) params['q'] = query.q.trim();
  if (query.status === 'open') params['open'] = 'true';
  else if (query.status === 'closed') params['open'] = 'false';
  else if (query.status) params['status'] = query.status;
  if (query.priority) params['priority'] = query.priority;
  if (query.mine) params['assignedTo'] = 'me';
  return { url: REFERRALS_URL, params };
}

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
