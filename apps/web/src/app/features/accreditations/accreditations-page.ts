import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatChipsModule } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import {
  ACCREDITATION_STATUS_LABELS,
  ACCREDITATION_TYPE_LABELS,
  ACCREDITATION_VALIDITY_LABELS,
  type AccreditationSummary,
  type AccreditationValidity,
  CYCLE_LABELS,
  type Page,
  STAGE_TYPE_LABELS,
  STAGE_TYPES,
  type StageType,
} from '@maillage/shared/domain';
import { LIST_PAGE, Notifications, type RowAction, type TableColumn } from '@maillage/web/ui';
import { lastValue, selectFilters, urlListState } from '@maillage/web/util';
import { AuthStore } from '../../core/auth/auth.store';
import { STAGE_TYPE_SHORT_LABELS } from '../sites';
import { AccreditationActionDialog, type AccreditationActionResult } from './accreditation-action-dialog';
import { validityBadge } from './accreditation-badges';
import { AccreditationDocumentsDialog } from './accreditation-documents-dialog';
import { AccreditationHistoryDialog } from './accreditation-history-dialog';
import {
  ACCREDITATION_ACTION_LABELS,
  ACCREDITATION_CONFLICT_MESSAGE,
  ACCREDITATION_LIST,
  type AccreditationAction,
  ACCREDITATIONS_URL,
  availableActions,
} from './accreditations-api';

const DONE: Readonly<Record<AccreditationAction, string>> = {
  review: 'Demande mise en instruction.',
  grant: 'Agrément accordé.',
  withdraw: 'Agrément retiré.',
  expire: 'Expiration enregistrée.',
};

const ACTION_ICONS: Readonly<Record<AccreditationAction, string>> = {
  review: 'pending_actions',
  grant: 'verified',
  withdraw: 'remove_moderator',
  expire: 'event_busy',
};

/** Accreditations of MSUs and sites: validity, deadlines, and the business actions. */
@Component({
  selector: 'app-accreditations-page',
  imports: [LIST_PAGE, MatChipsModule],
  templateUrl: './accreditations-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccreditationsPage {
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly notifications = inject(Notifications);

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

  /** Business actions the status allows, for those who may write accreditations. */
  protected actionsOf(a: AccreditationSummary): AccreditationAction[] {
    return this.canAct() ? availableActions(a.status) : [];
  }

  /** The row's menu: its documents, its history, then the actions its status allows. */
  protected rowActions(a: AccreditationSummary): RowAction<'history' | 'documents' | AccreditationAction>[] {
    return [
      { key: 'documents', label: 'Documents', icon: 'attach_file' },
      { key: 'history', label: 'Historique', icon: 'history' },
      ...this.actionsOf(a).map((action) => ({
        key: action,
        label: this.actionLabel(a, action),
        icon: ACTION_ICONS[action],
      })),
    ];
  }

  protected onRowAction(a: AccreditationSummary, key: 'history' | 'documents' | AccreditationAction): void {
    if (key === 'documents')
      this.dialog.open(AccreditationDocumentsDialog, { data: a, width: '640px', maxWidth: 'calc(100vw - 32px)' });
    else if (key === 'history') this.openHistory(a);
    else this.open(a, key);
  }

  protected openHistory(accreditation: AccreditationSummary): void {
    this.dialog.open(AccreditationHistoryDialog, { data: accreditation, width: '640px' });
  }

  protected actionLabel(a: AccreditationSummary, action: AccreditationAction): string {
    return action === 'grant' && a.status === 'conditional'
      ? 'Confirmer l’agrément'
      : ACCREDITATION_ACTION_LABELS[action];
  }

  protected holderLink(a: AccreditationSummary): string[] {
    return a.holder.kind === 'site' ? ['/terrains', a.holder.id] : ['/professionnels', a.holder.id];
  }

  protected open(accreditation: AccreditationSummary, action: AccreditationAction): void {
    this.notice.set(null);
    const ref = this.dialog.open(AccreditationActionDialog, {
      data: { accreditation, action },
      width: '520px',
      autoFocus: 'first-tabbable',
    });
    ref.afterClosed().subscribe((result: AccreditationActionResult | undefined) => {
      if (!result) return;
      if (result === 'conflict') this.notice.set(ACCREDITATION_CONFLICT_MESSAGE);
      else this.notifications.done(DONE[action]);
      this.accreditations.reload();
    });
  }
}
