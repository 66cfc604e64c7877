import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import {
  MEASURE_STATUS_LABELS,
  MEASURE_TYPE_LABELS,
  type MeasurePage,
  type MeasureSummary,
} from '@maillage/shared/domain';
import { LIST_PAGE, type TableColumn } from '@maillage/web/ui';
import { euros, lastValue, selectFilters, urlListState } from '@maillage/web/util';
import { AuthStore } from '../../core/auth/auth.store';
import { measureStatusBadge } from './measure-badges';
import { MEASURE_LIST, MEASURES_URL } from './measures-api';

/** The support measures, by type and status, with their planned and committed budgets. */
@Component({
  selector: 'app-measures-page',
  imports: [LIST_PAGE],
  templateUrl: './measures-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MeasuresPage {
  private readonly auth = inject(AuthStore);

  protected readonly statusBadge = measureStatusBadge;
  protected readonly euros = euros;
  protected readonly columns: TableColumn<MeasureSummary>[] = [
    { key: 'name', header: 'Mesure', sortable: true },
    { key: 'type', header: 'Type', sortable: true, text: (m) => MEASURE_TYPE_LABELS[m.type] },
    { key: 'status', header: 'Statut', sortable: true },
    { key: 'startDate', header: 'Période', sortable: true },
    {
      key: 'budgetPlanned',
      header: 'Prévu',
      sortable: true,
      numeric: true,
      nowrap: true,
      text: (m) => euros(m.budgetPlanned),
    },
    {
      key: 'budgetCommitted',
      header: 'Engagé',
      sortable: true,
      numeric: true,
      nowrap: true,
      text: (m) => euros(m.budgetCommitted),
    },
    { key: 'links', header: 'Terrains · difficultés', text: (m) => `${m.siteCount} · ${m.issueCount}` },
  ];

  protected readonly list = urlListState(MEASURE_LIST, { search: 'q' });
  protected readonly filters = selectFilters(MEASURE_LIST, {
    type: { label: 'Type de mesure', all: 'Tous les types', labels: MEASURE_TYPE_LABELS },
    status: { label: 'Statut', all: 'Tous les statuts', labels: MEASURE_STATUS_LABELS },
  });
  protected readonly countWords = {
    none: 'Aucune mesure trouvée.',
    one: '1 mesure trouvée.',
    many: '{n} mesures trouvées.',
  };
  protected readonly measures = httpResource<MeasurePage>(() => this.list.request(MEASURES_URL));
  protected readonly result = lastValue(this.measures);
  protected readonly committedShare = computed(() => {
    const t = this.result()?.totals;
    if (!t || t.budgetPlanned === 0) return null;
    return Math.round((t.budgetCommitted / t.budgetPlanned) * 100);
  });
  protected readonly canEdit = computed(() => this.auth.can('measures.write'));
}
