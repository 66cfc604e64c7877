import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  PAGE_SIZE_DEFAULT,
  SITE_KINDS,
  SITE_SORT_FIELDS,
  SITE_STATUSES,
  type SiteInput,
  type SiteRecord,
  STAGE_TYPES,
  ZONAGES,
} from '@maillage/shared/domain';
import { defineList, flagParam, oneOfParam, patternParam, textParam, yesNoParam } from '@maillage/web/util';
import type { Observable } from 'rxjs';

export const SITES_URL = '/api/sites';
export const SITE_CONFLICT_MESSAGE = 'Ce terrain a été modifié entre-temps : rechargez la fiche.';

/**
 * What the list shows, kept in the URL in French: `/terrains?commune=77288&statut=active&tri=name:desc`
 * (`difficultes=oui|non`: with or without an access issue still open).
 */
export const SITE_LIST = defineList({
  filters: {
    q: textParam('q'),
    /** INSEE code. */
    commune: patternParam('commune', /^(?:\d{5}|2[AB]\d{3})$/),
    /** SIREN of the EPCI. */
    epci: patternParam('epci', /^\d{9}$/),
    kind: oneOfParam('type', SITE_KINDS),
    status: oneOfParam('statut', SITE_STATUSES),
    stageType: oneOfParam('stage', STAGE_TYPES),
    zonage: oneOfParam('zonage', ZONAGES),
    openAccessIssues: yesNoParam('difficultes', { api: 'hasOpenAccessIssues' }),
    archived: flagParam('archives'),
  },
  sort: { fields: SITE_SORT_FIELDS, default: { field: 'name', direction: 'asc' } },
  paging: { pageSize: PAGE_SIZE_DEFAULT },
});

/** The writes of the site screens; lists and pages read through `httpResource`. */
@Injectable({ providedIn: 'root' })
export class SitesApi {
  private readonly http = inject(HttpClient);

  get(id: string): Observable<SiteRecord> {
    return this.http.get<SiteRecord>(`${SITES_URL}/${id}`);
  }

  create(site: SiteInput): Observable<SiteRecord> {
    return this.http.post<SiteRecord>(SITES_URL, site);
  }

  /** A partial edit from the version read; a stale version answers 409. */
  update(id: string, version: number, changes: Partial<SiteInput>): Observable<SiteRecord> {
    return this.http.patch<SiteRecord>(`${SITES_URL}/${id}`, { ...changes, version });
  }

  archive(site: { id: string; version: number }): Observable<void> {
    return this.http.delete<void>(`${SITES_URL}/${site.id}`, { body: { version: site.version } });
  }

  restore(site: { id: string; version: number }): Observable<SiteRecord> {
    return this.http.post<SiteRecord>(`${SITES_URL}/${site.id}/restore`, { version: site.version });
  }
}
