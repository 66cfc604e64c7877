import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { type CommuneSummary, type EpciSummary, type Page, PAGE_SIZE_MAX } from '@maillage/shared/domain';
import { firstValueFrom } from 'rxjs';

/**
 * The EPCIs of a département, for the EPCI filter. The API has no EPCI list yet: they are
 * gathered from the département's communes (a few pages of 200), once per session.
 */
@Injectable({ providedIn: 'root' })
export class EpciOptions {
  private readonly http = inject(HttpClient);
  private readonly cache = new Map<string, Promise<EpciSummary[]>>();

  list(departementCode: string): Promise<EpciSummary[]> {
    let found = this.cache.get(departementCode);
    if (!found) {
      found = this.load(departementCode);
      // A failed load is not kept: the next visit tries again.
      found.catch(() => this.cache.delete(departementCode));
      this.cache.set(departementCode, found);
    }
    return found;
  }

  private async load(departement: string): Promise<EpciSummary[]> {
    const bySiren = new Map<string, EpciSummary>();
    for (let page = 1; page <= 50; page++) {
      const params = { departement, page, pageSize: PAGE_SIZE_MAX };
      const result = await firstValueFrom(this.http.get<Page<CommuneSummary>>('/api/communes', { params }));
      for (const commune of result.items) if (commune.epci) bySiren.set(commune.epci.siren, commune.epci);
      if (page * PAGE_SIZE_MAX >= result.total) break;
    }
    return [...bySiren.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  }
}
