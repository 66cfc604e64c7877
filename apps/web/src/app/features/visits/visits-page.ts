import { DatePipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  type OverdueSite,
  type Page,
  type SiteVisitDetail,
  type SiteVisitSummary,
  VISIT_PURPOSE_LABELS,
  VISIT_PURPOSES,
  VISIT_STATUS_LABELS,
  VISIT_STATUSES,
} from '@maillage/shared/domain';
import { AuthStore } from '../../core/auth/auth.store';
import { errorMessages } from '../../core/http/api-error';
import { monthGrid, monthLabel, shiftMonth } from './calendar-month';
import { type PlanVisitData, PlanVisitDialog } from './plan-visit-dialog';
import { VisitCalendar } from './visit-calendar';
import { VisitStatusBadge } from './visit-status';
import {
  currentMonth,
  OVERDUE_SITES_URL,
  visitListFromParams,
  type VisitListState,
  visitListToParams,
  visitsRequest,
} from './visits-api';

/** `/visites`: the month's visits as a calendar or a list, and the sites waiting for a visit. */
@Component({
  selector: 'app-visits-page',
  imports: [
    DatePipe,
    MatButtonModule,
    MatButtonToggleModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    RouterLink,
    VisitCalendar,
    VisitStatusBadge,
  ],
  templateUrl: './visits-page.html',
  styleUrl: './visits-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VisitsPage {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  // Query parameters of the URL, bound by the router (see VisitListParams).
  readonly mois = input<string>();
  readonly vue = input<string>();
  readonly statut = input<string>();
  readonly objet = input<string>();
  readonly mes = input<string>();

  protected readonly statuses = VISIT_STATUSES;
  protected readonly statusLabels = VISIT_STATUS_LABELS;
  protected readonly purposes = VISIT_PURPOSES;
  protected readonly purposeLabels = VISIT_PURPOSE_LABELS;

  protected readonly state = computed(() =>
    visitListFromParams({
      mois: this.mois(),
      vue: this.vue(),
      statut: this.statut(),
      objet: this.objet(),
      mes: this.mes(),
    }),
  );
  protected readonly monthTitle = computed(() => monthLabel(this.state().month));
  protected readonly isCurrentMonth = computed(() => this.state().month === currentMonth());
  /** The days on screen: whole weeks for the calendar, the month itself for the list. */
  private readonly range = computed(() => {
    const { month, view } = this.state();
    if (view === 'liste') {
      const weeks = monthGrid(month);
      const days = weeks.flat().filter((d) => d.inMonth);
      return { from: days[0].iso, to: days[days.length - 1].iso };
    }
    const weeks = monthGrid(month);
    return { from: weeks[0][0].iso, to: weeks[weeks.length - 1][6].iso };
  });
  protected readonly visits = httpResource<Page<SiteVisitSummary>>(() => {
    const { from, to } = this.range();
    return visitsRequest(this.state(), from, to);
  });
  /** The last result, kept on screen while the next month loads. */
  protected readonly result = linkedSignal<Page<SiteVisitSummary> | undefined, Page<SiteVisitSummary> | undefined>({
    source: () => (this.visits.hasValue() ? this.visits.value() : undefined),
    computation: (next, previous) => next ?? previous?.value,
  });
  protected readonly items = computed(() => this.result()?.items ?? []);
  protected readonly loadError = computed(() => {
    const error = this.visits.error();
    return error ? errorMessages(error).join(' ') : null;
  });
  protected readonly resultText = computed(() => {
    const page = this.result();
    if (!page) return '';
    const n = page.total;
    const what = n === 0 ? 'Aucune visite' : n === 1 ? '1 visite' : `${n} visites`;
    return `${what} en ${this.monthTitle()}${n > page.items.length ? ` (${page.items.length} affichées)` : ''}.`;
  });
  protected readonly overdue = httpResource<Page<OverdueSite>>(() => ({
    url: OVERDUE_SITES_URL,
    params: { pageSize: 10 },
  }));
  protected readonly canEdit = computed(() => this.auth.hasRole('mission_officer', 'admin'));

  protected update(changes: Partial<VisitListState>): void {
    const next: VisitListState = { ...this.state(), ...changes };
    void this.router.navigate([], { relativeTo: this.route, queryParams: visitListToParams(next) });
  }

  protected goMonth(delta: number): void {
    this.update({ month: shiftMonth(this.state().month, delta) });
  }

  protected today(): void {
    this.update({ month: currentMonth() });
  }

  protected plan(data: PlanVisitData = {}): void {
    this.dialog
      .open(PlanVisitDialog, { data, width: '640px', autoFocus: 'first-tabbable' })
      .afterClosed()
      .subscribe((visit: SiteVisitDetail | undefined) => {
        if (!visit) return;
        this.snackBar.open(`Visite planifiée : ${visit.site.name}.`, 'Fermer', { duration: 5000 });
        this.visits.reload();
        this.overdue.reload();
      });
  }

  protected planFor(site: OverdueSite): void {
    this.plan({ site: { id: site.siteId, name: site.name } });
  }
}
