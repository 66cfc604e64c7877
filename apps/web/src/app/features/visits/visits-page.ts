import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import {
  type OverdueSite,
  type Page,
  type SiteVisitDetail,
  type SiteVisitSummary,
  VISIT_PURPOSE_LABELS,
  VISIT_STATUS_LABELS,
} from '@maillage/shared/domain';
import { LIST_PAGE, Notifications } from '@maillage/web/ui';
import { lastValue, selectFilters, urlListState } from '@maillage/web/util';
import { AuthStore } from '../../core/auth/auth.store';
import { monthGrid, monthLabel, shiftMonth } from './calendar-month';
import { type PlanVisitData, PlanVisitDialog } from './plan-visit-dialog';
import { VisitCalendar } from './visit-calendar';
import { visitStatusBadge } from './visit-status';
import { currentMonth, OVERDUE_SITES_URL, VISIT_LIST, visitsRequest } from './visits-api';

/** `/visites`: the month's visits as a calendar or a list, and the sites waiting for a visit. */
@Component({
  selector: 'app-visits-page',
  imports: [LIST_PAGE, MatButtonToggleModule, MatCheckboxModule, VisitCalendar],
  templateUrl: './visits-page.html',
  styleUrl: './visits-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VisitsPage {
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly notifications = inject(Notifications);

  protected readonly purposeLabels = VISIT_PURPOSE_LABELS;
  protected readonly statusBadge = visitStatusBadge;

  protected readonly list = urlListState(VISIT_LIST);
  protected readonly filters = selectFilters(VISIT_LIST, {
    status: { label: 'Statut', all: 'Tous les statuts', labels: VISIT_STATUS_LABELS },
    purpose: { label: 'Objet', all: 'Tous les objets', labels: VISIT_PURPOSE_LABELS },
  });
  protected readonly state = this.list.state;
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
    return visitsRequest(this.list.apiParams(), from, to);
  });
  /** The last result, kept on screen while the next month loads. */
  protected readonly result = lastValue(this.visits);
  protected readonly items = computed(() => this.result()?.items ?? []);
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
  protected readonly canEdit = computed(() => this.auth.can('visits.write'));

  protected goMonth(delta: number): void {
    this.list.update({ month: shiftMonth(this.state().month, delta) });
  }

  protected today(): void {
    this.list.update({ month: currentMonth() });
  }

  protected plan(data: PlanVisitData = {}): void {
    this.dialog
      .open(PlanVisitDialog, { data, width: '640px', autoFocus: 'first-tabbable' })
      .afterClosed()
      .subscribe((visit: SiteVisitDetail | undefined) => {
        if (!visit) return;
        this.notifications.done(`Visite planifiée : ${visit.site.name}.`);
        this.visits.reload();
        this.overdue.reload();
      });
  }

  protected planFor(site: OverdueSite): void {
    this.plan({ site: { id: site.siteId, name: site.name } });
  }
}
