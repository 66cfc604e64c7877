import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, resource } from '@angular/core';
import { MatCheckboxModule } from '@angular/material/checkbox';
import {
  type Page,
  SITE_KIND_LABELS,
  SITE_STATUS_LABELS,
  type SiteSummary,
  STAGE_TYPE_LABELS,
  ZONAGE_LABELS,
} from '@maillage/shared/domain';
import { LIST_PAGE, type TableColumn } from '@maillage/web/ui';
import { lastValue, listSelection, selectFilters, urlListState } from '@maillage/web/util';
import { AuthStore } from '../../core/auth/auth.store';
import { BulkActions } from '../../shared/bulk/bulk-actions';
import { CommunePicker } from '../../shared/commune-picker/commune-picker';
import { EpciOptions } from '../../shared/territory/epci-options';
import { siteStatusBadge, zonageBadge } from './site-badges';
import { capacitySummary } from './site-labels';
import { SITE_LIST, SITES_URL } from './sites-api';

const ACCESS_ISSUE_FILTER = { true: 'Avec une difficulté ouverte', false: 'Sans difficulté ouverte' };

/** The training sites: search, filters, sort and paging done by the API, all kept in the URL. */
@Component({
  selector: 'app-sites-page',
  imports: [LIST_PAGE, BulkActions, CommunePicker, MatCheckboxModule],
  templateUrl: './sites-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SitesPage {
  private readonly auth = inject(AuthStore);
  private readonly epciOptions = inject(EpciOptions);

  protected readonly statusBadge = siteStatusBadge;
  protected readonly zonageBadge = zonageBadge;
  protected readonly countWords = {
    none: 'Aucun terrain trouvé.',
    one: '1 terrain trouvé.',
    many: '{n} terrains trouvés.',
  };
  protected readonly columns: TableColumn<SiteSummary>[] = [
    { key: 'name', header: 'Terrain', sortable: true },
    { key: 'commune', header: 'Commune', sortable: true },
    { key: 'zonage', header: 'Zonage' },
    { key: 'status', header: 'Statut', sortable: true },
    { key: 'capacities', header: 'Capacités par semestre', text: (site) => capacitySummary(site.capacities) },
    { key: 'supervisors', header: 'MSU', numeric: true, text: (site) => site.supervisorCount },
    { key: 'updatedAt', header: 'Modifié le', sortable: true },
  ];

  protected readonly list = urlListState(SITE_LIST, { search: 'q' });
  protected readonly sites = httpResource<Page<SiteSummary>>(() => this.list.request(SITES_URL));
  protected readonly canCreate = computed(() => this.auth.can('sites.write'));
  /** Rows chosen for a bulk action or an export (started again when the filters change). */
  protected readonly selection = listSelection(() => this.list.apiParams());
  protected readonly page = lastValue(this.sites);
  protected readonly bulkWords = { item: 'terrain', items: 'terrains' };
  protected readonly rowName = (site: SiteSummary) => site.name;

  /** EPCIs of the user's département (none for a national account: the filter then stays empty). */
  protected readonly epcis = resource({
    params: () => this.auth.user()?.departementCode ?? undefined,
    loader: ({ params }) => this.epciOptions.list(params),
  });

  protected readonly filters = computed(() => {
    const epcis = this.epcis.value() ?? [];
    const names = Object.fromEntries(epcis.map((epci) => [epci.siren, epci.name]));
    return selectFilters(SITE_LIST, {
      epci: { label: 'EPCI', all: 'Tous les EPCI', labels: names, options: epcis.map((epci) => epci.siren) },
      kind: { label: 'Type de structure', all: 'Tous les types', labels: SITE_KIND_LABELS },
      status: { label: 'Statut', all: 'Tous les statuts', labels: SITE_STATUS_LABELS },
      stageType: { label: 'Type de stage', all: 'Tous les types de stage', labels: STAGE_TYPE_LABELS },
      zonage: { label: 'Zonage ARS', all: 'Tous les zonages', labels: ZONAGE_LABELS },
      openAccessIssues: { label: 'Difficultés d’accès', all: 'Tous les terrains', labels: ACCESS_ISSUE_FILTER },
    });
  });

  protected kindLabel(site: SiteSummary): string {
    return SITE_KIND_LABELS[site.kind];
  }
}
