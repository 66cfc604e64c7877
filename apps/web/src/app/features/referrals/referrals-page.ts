import { DatePipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import {
  type CandidateReferralView,
  type Page,
  PAGE_SIZE_DEFAULT,
  PRIORITIES,
  type Priority,
  PRIORITY_LABELS,
  professionalDisplayName,
  REFERRAL_STATUS_LABELS,
  REFERRAL_STATUSES,
} from '@maillage/shared/domain';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';
import { AuthStore } from '../../core/auth/auth.store';
import { errorMessages } from '../../core/http/api-error';
import { CommuneNames } from './commune-names';
import { ReferralPriorityBadge, ReferralStatusBadge } from './referral-badges';
import { type ReferralQuery, referralsRequest, type ReferralStatusFilter } from './referrals-api';

/** `/signalements`: the CDOM's referrals; the CDOM sees the outcome, the mission officer works them. */
@Component({
  selector: 'app-referrals-page',
  imports: [
    DatePipe,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSortModule,
    MatTableModule,
    ReferralPriorityBadge,
    ReferralStatusBadge,
    RouterLink,
  ],
  templateUrl: './referrals-page.html',
  styleUrl: './referrals-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReferralsPage {
  private readonly auth = inject(AuthStore);
  protected readonly communes = inject(CommuneNames);

  protected readonly statuses = REFERRAL_STATUSES;
  protected readonly statusLabels = REFERRAL_STATUS_LABELS;
  protected readonly priorities = PRIORITIES;
  protected readonly priorityLabels = PRIORITY_LABELS;
  protected readonly displayName = professionalDisplayName;

  /** The mission officer (or an administrator) works the referrals; the CDOM follows its own. */
  protected readonly handler = computed(() => this.auth.hasRole('mission_officer', 'admin'));
  protected readonly canRefer = computed(() => this.auth.hasRole('cdom', 'mission_officer', 'admin'));
  protected readonly columns = computed(() =>
    this.handler()
      ? ['candidate', 'commune', 'priority', 'status', 'createdAt', 'assignedTo', 'lastFollowUpAt']
      : ['candidate', 'commune', 'priority', 'status', 'createdAt', 'outcome'],
  );

  protected readonly search = signal('');
  private readonly q = toSignal(
    toObservable(this.search).pipe(
      map((text) => text.trim()),
      debounceTime(300),
      distinctUntilChanged(),
    ),
    { initialValue: '' },
  );
  protected readonly status = signal<ReferralStatusFilter>('');
  protected readonly priority = signal<Priority | ''>('');
  protected readonly mine = signal(false);
  /** No order chosen: the API's own, new referrals first. */
  protected readonly sort = signal<Sort>({ active: '', direction: '' });
  protected readonly pageSize = signal(PAGE_SIZE_DEFAULT);
  protected readonly pageIndex = linkedSignal({
    source: () => [this.q(), this.status(), this.priority(), this.mine(), this.sort(), this.pageSize()],
    computation: () => 0,
  });

  private readonly query = computed<ReferralQuery>(() => {
    const sort = this.sort();
    return {
      page: this.pageIndex() + 1,
      pageSize: this.pageSize(),
      sort: sort.active && sort.direction ? `${sort.active}:${sort.direction}` : '',
      q: this.q(),
      status: this.status(),
      priority: this.priority(),
      mine: this.mine(),
    };
  });
  protected readonly referrals = httpResource<Page<CandidateReferralView>>(() => referralsRequest(this.query()));
  protected readonly page = linkedSignal<
    Page<CandidateReferralView> | undefined,
    Page<CandidateReferralView> | undefined
  >({
    source: () => (this.referrals.hasValue() ? this.referrals.value() : undefined),
    computation: (next, previous) => next ?? previous?.value,
  });
  protected readonly loadError = computed(() => {
    const error = this.referrals.error();
    return error ? errorMessages(error).join(' ') : null;
  });
  protected readonly resultText = computed(() => {
    const total = this.page()?.total;
    if (total === undefined) return '';
    if (total === 0) return 'Aucun signalement trouvé.';
    return total === 1 ? '1 signalement.' : `${total.toLocaleString('fr-FR')} signalements.`;
  });

  protected onPage(event: PageEvent): void {
    this.pageSize.set(event.pageSize);
    this.pageIndex.set(event.pageIndex);
  }
}
