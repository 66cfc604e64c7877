import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { ProfessionalSiteLink, ProfessionalSiteLinkInput, SiteRole } from '@maillage/shared/domain';
import type { Observable } from 'rxjs';

export const SITE_LINKS_URL = '/api/professional-site-links';

/** The writes on professional ↔ site links; lists are `httpResource`s of the cards. */
@Injectable({ providedIn: 'root' })
export class SiteLinksApi {
  private readonly http = inject(HttpClient);

  create(input: ProfessionalSiteLinkInput): Observable<ProfessionalSiteLink> {
    return this.http.post<ProfessionalSiteLink>(SITE_LINKS_URL, input);
  }

  update(
    link: ProfessionalSiteLink,
    patch: { role: SiteRole; startDate: string | null },
  ): Observable<ProfessionalSiteLink> {
    return this.http.patch<ProfessionalSiteLink>(`${SITE_LINKS_URL}/${link.id}`, { ...patch, version: link.version });
  }

  end(link: ProfessionalSiteLink, endDate: string): Observable<ProfessionalSiteLink> {
    return this.http.post<ProfessionalSiteLink>(`${SITE_LINKS_URL}/${link.id}/end`, { endDate, version: link.version });
  }
}
