import { DatePipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  ACCREDITATION_STATUS_LABELS,
  ACCREDITATION_STATUSES,
  ACCREDITATION_TYPE_LABELS,
  ACCREDITATION_VALIDITIES,
  ACCREDITATION_VALIDITY_LABELS,
  type AccreditationSummary,
  type AccreditationValidity,
  CYCLE_LABELS,
  CYCLES,
  type Page,
  STAGE_TYPE_LABELS,
  STAGE_TYPES,
  type StageType,
} from '@maillage/shared/domain';
import { AuthStore } from '../../core/auth/auth.store';
import { errorMessages } from '../../core/http/api-error';
import { STAGE_TYPE_SHORT_LABELS } from '../sites/site-labels';
import { AccreditationActionDialog, type AccreditationActionResult } from './accreditation-action-dialog';
import { AccreditationHistoryDialog } from './accreditation-history-dialog';
import {
  ACCREDITATION_ACTION_LABELS,
  ACCREDITATION_CONFLICT_MESSAGE,
  type AccreditationAction,
  accreditationListFromParams,
  type AccreditationListState,
  accreditationListToParams,
  type AccreditationSortField,
  accreditationsRequest,
  availableActions,
  DEFAULT_ACCREDITATION_LIST,
  PAGE_SIZES,
} from './accreditations-api';
import { ValidityBadge } from './validity-badge';

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
  imports: [
    DatePipe,
    MatButtonModule,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    MatMenuModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSortModule,
    MatTableModule,
    RouterLink,
    ValidityBadge,
  ],
  templateUrl: './accreditations-page.html',
  styleUrl: './accreditations-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccreditationsPage {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  // Query parameters of the URL, bound by the router (see AccreditationListParams).
  readonly statut = input<string>();
  readonly validite = input<string>();
  readonly cycle = input<string>();
  readonly stage = input<string>();
  readonly terrain = input<string>();
  readonly professionnel = input<string>();
  readonly page = input<string>();
  readonly parPage = input<string>();
  readonly tri = input<string>();

  protected readonly statuses = ACCREDITATION_STATUSES;
  protected readonly statusLabels = ACCREDITATION_STATUS_LABELS;
  protected readonly validities = ACCREDITATION_VALIDITIES;
  protected readonly validityLabels = ACCREDITATION_VALIDITY_LABELS;
  protected readonly cycles = CYCLES;
  protected readonly cycleLabels = CYCLE_LABELS;
  protected readonly stageTypes = STAGE_TYPES;
  protected readonly stageTypeLabels = STAGE_TYPE_LABELS;
  protected readonly actionLabels = ACCREDITATION_ACTION_LABELS;
  protected readonly actionIcons = ACTION_ICONS;
  protected readonly pageSizes = [...PAGE_SIZES];
  /** The two quick filters: what needs the mission officer's attention. */
  protected readonly quickFilters: readonly AccreditationValidity[] = ['expiring_soon', 'expired'];

  protected readonly state = computed(() =>
    accreditationListFromParams({
      statut: this.statut(),
      validite: this.validite(),
      cycle: this.cycle(),
      stage: this.stage(),
      terrain: this.terrain(),
      professionnel: this.professionnel(),
      page: this.page(),
      parPage: this.parPage(),
      tri: this.tri(),
    }),
  );
  protected readonly accreditations = httpResource<Page<AccreditationSummary>>(() =>
    accreditationsRequest(this.state()),
  );
  protected readonly result = linkedSignal<
    Page<AccreditationSummary> | undefined,
    Page<AccreditationSummary> | undefined
  >({
    source: () => (this.accreditations.hasValue() ? this.accreditations.value() : undefined),
    computation: (next, previous) => next ?? previous?.value,
  });
  protected readonly loadError = computed(() => {
    const error = this.accreditations.error();
    return error ? errorMessages(error).join(' ') : null;
  });
  protected readonly resultText = computed(() => {
    const total = this.result()?.total;
    if (total === undefined) return '';
    if (total === 0) return 'Aucun agrément trouvé.';
    return total === 1 ? '1 agrément trouvé.' : `${total.toLocaleString('fr-FR')} agréments trouvés.`;
  });
  /** The holder named by the filter, from the rows (all rows then share it). */
  protected readonly holderName = computed(() => {
    const { site, professional } = this.state();
    if (!site && !professional) return null;
    return this.result()?.items[0]?.holder.name ?? (site ? 'un terrain' : 'un professionnel');
  });
  protected readonly hasFilters = computed(() => {
    const { page: _page, pageSize: _size, sort: _sort, ...filters } = this.state();
    return Object.values(filters).some((v) => v !== null);
  });
  protected readonly canAct = computed(() => this.auth.hasRole('mission_officer', 'admin'));
  protected readonly columns = [
    'holder',
    'accreditation',
    'stageTypes',
    'status',
    'validity',
    'startDate',
    'endDate',
    'actions',
  ];
  protected readonly notice = signal<string | null>(null);

  protected update(changes: Partial<AccreditationListState>): void {
    const next: AccreditationListState = { ...this.state(), page: 1, ...changes };
    void this.router.navigate([], { relativeTo: this.route, queryParams: accreditationListToParams(next) });
  }

  protected clearFilters(): void {
    const { pageSize, sort } = this.state();
    this.update({ ...DEFAULT_ACCREDITATION_LIST, pageSize, sort });
  }

  protected onQuickFilter(value: AccreditationValidity | null | undefined): void {
    this.update({ validity: value ?? null });
  }

  protected onSort(sort: Sort): void {
    this.update({
      sort: sort.direction
        ? { field: sort.active as AccreditationSortField, direction: sort.direction }
        : DEFAULT_ACCREDITATION_LIST.sort,
    });
  }

  protected onPage(event: PageEvent): void {
    this.update({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }

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

  protected statusLabel(a: AccreditationSummary): string {
    return ACCREDITATION_STATUS_LABELS[a.status];
  }

  /** Business actions the status allows, for the mission officer and the admin only. */
  protected actionsOf(a: AccreditationSummary): AccreditationAction[] {
    return this.canAct() ? availableActions(a.status) : [];
  }

  protected openHistory(accreditation: AccreditationSummary): void {
    this.dialog.open(AccreditationHistoryDialog, { data: accreditation, width: '640px' });
  }

  protected actionLabel(a: AccreditationSummary, action: AccreditationAction): string {
    return action === 'grant' && a.status === 'conditional' ? 'Confirmer l’agrément' : this.actionLabels[action];
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
      else this.snackBar.open(DONE[action], 'Fermer', { duration: 5000 });
      this.accreditations.reload();
    });
  }
}
