import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatCheckboxModule } from '@angular/material/checkbox';
import {
  type CandidateReferralView,
  type Page,
  PRIORITY_LABELS,
  professionalDisplayName,
  REFERRAL_STATUS_LABELS,
} from '@maillage/shared/domain';
import { LIST_PAGE, type TableColumn } from '@maillage/web/ui';
import { lastValue, listSelection, selectFilters, urlListState } from '@maillage/web/util';
import { AuthStore } from '../../core/auth/auth.store';
import { BulkActions } from '../../shared/bulk/bulk-actions';
import { CommuneNames } from '../../shared/territory/commune-names';
import { priorityBadge, referralShortStatusBadge } from './referral-badges';
import { REFERRAL_LIST, REFERRALS_URL } from './referrals-api';

const COLUMNS: Readonly<Record<string, TableColumn<CandidateReferralView>>> = {
  candidate: { key: 'candidate', header: 'Candidat' },
  commune: { key: 'commune', header: 'Commune' },
  priority: { key: 'priority', header: 'Priorité', sortable: true },
  status: { key: 'status', header: 'Statut', sortable: true },
  createdAt: { key: 'createdAt', header: 'Signalé le', sortable: true },
  assignedTo: { key: 'assignedTo', header: 'Suivi par', text: (r) => r.assignedTo?.displayName ?? 'Personne' },
  lastFollowUpAt: { key: 'lastFollowUpAt', header: 'Dernier suivi', sortable: true },
  outcome: { key: 'outcome', header: 'Suite donnée' },
};

/** `/signalements`: the CDOM's referrals; the CDOM sees the outcome, the mission officer works them. */
@Component({
  selector: 'app-referrals-page',
  imports: [LIST_PAGE, BulkActions, MatCheckboxModule],
  templateUrl: './referrals-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReferralsPage {
  private readonly auth = inject(AuthStore);
  protected readonly communes = inject(CommuneNames);

  /** « En cours » and « Clos » first, then each status. */
  protected readonly displayName = professionalDisplayName;
  protected readonly statusBadge = referralShortStatusBadge;
  protected readonly priorityBadge = priorityBadge;
  protected readonly countWords = {
    none: 'Aucun signalement trouvé.',
    one: '1 signalement.',
    many: '{n} signalements.',
  };
  protected readonly newRow = (r: CandidateReferralView) => (r.status === 'new' ? 'row--new' : null);

  /** Those who handle referrals work them; the CDOM follows its own. */
  protected readonly handler = computed(() => this.auth.can('referrals.handle'));
  protected readonly canRefer = computed(() => this.auth.can('referrals.create'));
  protected readonly lead = computed(() =>
    this.handler()
      ? 'Les professionnels que le CDOM propose comme futurs maîtres de stage : les nouveaux d’abord.'
      : 'Les candidats MSU signalés par le CDOM et la suite qui leur a été donnée.',
  );
  protected readonly columns = computed(() =>
    (this.handler()
      ? ['candidate', 'commune', 'priority', 'status', 'createdAt', 'assignedTo', 'lastFollowUpAt']
      : ['candidate', 'commune', 'priority', 'status', 'createdAt', 'outcome']
    ).map((key) => COLUMNS[key]),
  );

  protected readonly list = urlListState(REFERRAL_LIST, { search: 'q' });
  protected readonly filters = selectFilters(REFERRAL_LIST, {
    status: {
      label: 'Statut',
      all: 'Tous les statuts',
      labels: { open: 'En cours (non clos)', closed: 'Clos', ...REFERRAL_STATUS_LABELS },
    },
    priority: { label: 'Priorité', all: 'Toutes', labels: PRIORITY_LABELS },
  });
  protected readonly referrals = httpResource<Page<CandidateReferralView>>(() => this.list.request(REFERRALS_URL));
  /** Rows chosen for a bulk action or an export (started again when the filters change). */
  protected readonly selection = listSelection(() => this.list.apiParams());
  protected readonly page = lastValue(this.referrals);
  protected readonly bulkWords = { item: 'signalement', items: 'signalements' };
  protected readonly rowName = (r: CandidateReferralView) => `le signalement de ${professionalDisplayName(r)}`;
}
