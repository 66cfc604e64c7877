import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatChipsModule } from '@angular/material/chips';
import {
  ACCREDITATION_STATUS_LABELS,
  ACCREDITATION_TYPE_LABELS,
  ACCREDITATION_VALIDITY_LABELS,
  type AccreditationSummary,
  type AccreditationValidity,
  CYCLE_LABELS,
  dayAfter,
  type Page,
  STAGE_TYPE_LABELS,
  STAGE_TYPES,
  type StageType,
} from '@maillage/shared/domain';
import { LIST_PAGE, type RowAction, type TableColumn } from '@maillage/web/ui';
import { lastValue, listSelection, selectFilters, urlListState } from '@maillage/web/util';
import { AuthStore } from '../../core/auth/auth.store';
import { BulkActions } from '../../shared/bulk/bulk-actions';
import { STAGE_TYPE_SHORT_LABELS } from '../sites';
import { validityBadge } from './accreditation-badges';
import { AccreditationDialogs, type AccreditationRowKey } from './accreditation-dialogs';
import { ACCREDITATION_CONFLICT_MESSAGE, ACCREDITATION_LIST, ACCREDITATIONS_URL } from './accreditations-api';

/** Accreditations of MSUs and sites: validity, deadlines, and the business actions. */
@Component({
  selector: 'app-accreditations-page',
  imports: [LIST_PAGE, BulkActions, MatChipsModule],
  providers: [AccreditationDialogs],
  templateUrl: './accreditations-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccreditationsPage {
  private readonly auth = inject(AuthStore);
  private readonly dialogs = inject(AccreditationDialogs);

  protected readonly validityLabels = ACCREDITATION_VALIDITY_LABELS;
  protected readonly stageTypes = STAGE_TYPES;
  protected readonly validityBadge = validityBadge;
  /** The two quick filters: what needs the mission officer's attention. */
  protected readonly quickFilters: readonly AccreditationValidity[] = ['expiring_soon', 'expired'];
  protected readonly countWords = {
    none: 'Aucun agrément trouvé.',
    one: '1 agrément trouvé.',
    many: '{n} agréments trouvés.',
  };
  protected readonly columns: TableColumn<AccreditationSummary>[] = [
    { key: 'holder', header: 'Titulaire' },
    { key: 'accreditation', header: 'Agrément' },
    { key: 'stageTypes', header: 'Types de stage' },
    { key: 'status', header: 'Statut', sortable: true, text: (a) => ACCREDITATION_STATUS_LABELS[a.status] },
    { key: 'validity', header: 'Validité' },
    { key: 'startDate', header: 'Début', sortable: true },
    { key: 'endDate', header: 'Fin', sortable: true },
    { key: 'actions', header: 'Actions', hiddenHeader: true },
  ];

  protected readonly list = urlListState(ACCREDITATION_LIST, { search: 'q' });
  protected readonly filters = selectFilters(ACCREDITATION_LIST, {
    validity: { label: 'Validité', all: 'Toutes', labels: ACCREDITATION_VALIDITY_LABELS },
    status: { label: 'Statut', all: 'Tous les statuts', labels: ACCREDITATION_STATUS_LABELS },
    cycle: { label: 'Cycle', all: 'Tous les cycles', labels: CYCLE_LABELS },
    stageType: { label: 'Type de stage', all: 'Tous les types de stage', labels: STAGE_TYPE_LABELS },
  });
  protected readonly accreditations = httpResource<Page<AccreditationSummary>>(() =>
    this.list.request(ACCREDITATIONS_URL),
  );
  protected readonly result = lastValue(this.accreditations);
  /** Rows chosen for a bulk action or an export (started again when the filters change). */
  protected readonly selection = listSelection(() => this.list.apiParams());
  protected readonly bulkWords = { item: 'agrément', items: 'agréments' };
  protected readonly rowName = (a: AccreditationSummary) => `l’agrément de ${a.holder.name}`;
  /** The holder named by the filter, from the rows (all rows then share it). */
  protected readonly holderName = computed(() => {
    const { site, professional } = this.list.state();
    if (!site && !professional) return null;
    return this.result()?.items[0]?.holder.name ?? (site ? 'un terrain' : 'un professionnel');
  });
  protected readonly canAct = computed(() => this.auth.can('accreditations.write'));
  protected readonly notice = signal<string | null>(null);

  protected stageText(types: readonly StageType[]): string {
    return types.map((t) => STAGE_TYPE_SHORT_LABELS[t]).join(', ');
  }

  protected stageTitle(types: readonly StageType[]): string {
    return types.map((t) => STAGE_TYPE_LABELS[t]).join(', ');
  }

  protected typeLabel(a: AccreditationSummary): string {
    return ACCREDITATION_TYPE_LABELS[a.type];
  }

  protected cycleLabel(a: AccreditationSummary): string {
    return CYCLE_LABELS[a.cycle];
  }

  /** The row's menu: its history, then the actions its status allows (renewal included). */
  protected rowActions(a: AccreditationSummary): RowAction<AccreditationRowKey>[] {
    return this.dialogs.rowActions(a, this.canAct());
  }

  protected async onRowAction(a: AccreditationSummary, key: AccreditationRowKey): Promise<void> {
    this.notice.set(null);
    const result = await this.dialogs.open(a, key);
    if (result === 'conflict') this.notice.set(ACCREDITATION_CONFLICT_MESSAGE);
    if (result) this.accreditations.reload();
  }

  /** A request for the holder the list is filtered on (from a site's or a professional's page). */
  protected async request(): Promise<void> {
    const { site, professional } = this.list.state();
    const id = site ?? professional;
    const name = this.holderName();
    if (!id || !name) return;
    const saved = await this.dialogs.request({ kind: site ? 'site' : 'professional', id, name });
    if (saved) this.accreditations.reload();
  }

  protected holderLink(a: AccreditationSummary): string[] {
    return a.holder.kind === 'site' ? ['/terrains', a.holder.id] : ['/professionnels', a.holder.id];
  }

  /** A renewal continues the accreditation the day after it ends (the holder's page shows the chain). */
  protected renewalStart(a: AccreditationSummary): string | null {
    return a.endDate ? dayAfter(a.endDate) : null;
  }
}
