import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  ACCESS_ISSUE_CATEGORIES,
  ACCESS_ISSUE_SORT_FIELDS,
  ACCESS_ISSUE_SOURCES,
  ACCESS_ISSUE_STATUSES,
  type AccessIssueDetail,
  type AccessIssueInput,
  type CloseAccessIssueInput,
  PAGE_SIZE_DEFAULT,
  SEVERITIES,
} from '@maillage/shared/domain';
import { defineList, idParam, oneOfParam, textParam, yesNoParam } from '@maillage/web/util';
import type { Observable } from 'rxjs';

export const ACCESS_ISSUES_URL = '/api/access-issues';
export const ACCESS_ISSUES_PATH = '/difficultes-acces';
export const ISSUE_CONFLICT_MESSAGE = 'Cette difficulté a été modifiée entre-temps : rechargez la fiche.';
/** Filters, page and order of the list, in the URL: `/difficultes-acces?categorie=housing&ouvertes=oui&terrain=…`. */
export const ISSUE_LIST = defineList({
  filters: {
    q: textParam('q'),
    site: idParam('terrain'),
    category: oneOfParam('categorie', ACCESS_ISSUE_CATEGORIES),
    /** Minimum severity. */
    severity: oneOfParam('gravite', SEVERITIES),
    status: oneOfParam('statut', ACCESS_ISSUE_STATUSES),
    source: oneOfParam('source', ACCESS_ISSUE_SOURCES),
    /** `true`: open or in progress; `false`: closed. */
    open: yesNoParam('ouvertes'),
  },
  /** The most recent first. */
  sort: { fields: ACCESS_ISSUE_SORT_FIELDS, default: { field: 'raisedOn', direction: 'desc' } },
  paging: { pageSize: PAGE_SIZE_DEFAULT },
});

export type IssueTransition = 'start' | 'reopen';
export type IssueClosing = 'resolve' | 'wont-fix';

/** The writes of the access-issue screens; lists and pages read through `httpResource`. */
@Injectable({ providedIn: 'root' })
export class AccessIssuesApi {
  private readonly http = inject(HttpClient);

  create(input: AccessIssueInput): Observable<AccessIssueDetail> {
    return this.http.post<AccessIssueDetail>(ACCESS_ISSUES_URL, input);
  }

  transition(issue: { id: string; version: number }, action: IssueTransition): Observable<AccessIssueDetail> {
    return this.http.post<AccessIssueDetail>(`${ACCESS_ISSUES_URL}/${issue.id}/${action}`, { version: issue.version });
  }

  close(id: string, action: IssueClosing, body: CloseAccessIssueInput): Observable<AccessIssueDetail> {
    return this.http.post<AccessIssueDetail>(`${ACCESS_ISSUES_URL}/${id}/${action}`, body);
  }
}
