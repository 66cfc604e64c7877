import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import {
  ACCESS_ISSUE_CATEGORY_LABELS,
  ACCESS_ISSUE_SOURCE_LABELS,
  ACCESS_ISSUE_STATUS_LABELS,
  type AccessIssueBoard,
  type AccessIssueCategory,
  type AccessIssueSummary,
  type Page,
  type SiteSummary,
} from '@maillage/shared/domain';
import { LIST_PAGE, LoadError, type TableColumn } from '@maillage/web/ui';
import { selectFilters, urlListState } from '@maillage/web/util';
import { AuthStore } from '../../core/auth/auth.store';
import { SITES_URL } from '../sites';
import { ACCESS_ISSUES_URL, ISSUE_LIST } from './access-issues-api';
import { issueStatusBadge, SeverityBadge, severityName } from './issue-badges';
import { IssueBoard } from './issue-board';

/** Access issues: the board by category and status, then the filtered list (filters in the URL). */
@Component({
  selector: 'app-access-issues-page',
  imports: [LIST_PAGE, IssueBoard, LoadError, MatProgressBarModule, SeverityBadge],
  templateUrl: './access-issues-page.html',
  styleUrl: './access-issues-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccessIssuesPage {
  private readonly auth = inject(AuthStore);

  protected readonly statusBadge = issueStatusBadge;
  protected readonly categoryLabel = (category: AccessIssueCategory) => ACCESS_ISSUE_CATEGORY_LABELS[category];
  protected readonly countWords = {
    none: 'Aucune difficulté trouvée.',
    one: '1 difficulté trouvée.',
    many: '{n} difficultés trouvées.',
  };
  protected readonly columns: TableColumn<AccessIssueSummary>[] = [
    { key: 'issue', header: 'Difficulté' },
    { key: 'commune', header: 'Commune', text: (issue) => issue.site.communeName },
    { key: 'severity', header: 'Gravité', sortable: true },
    { key: 'status', header: 'Statut', sortable: true },
    { key: 'source', header: 'Source', nowrap: true, text: (issue) => ACCESS_ISSUE_SOURCE_LABELS[issue.source] },
    { key: 'raisedOn', header: 'Relevée le', sortable: true, nowrap: true },
  ];

  protected readonly list = urlListState(ISSUE_LIST, { search: 'q' });
  protected readonly filters = selectFilters(ISSUE_LIST, {
    category: { label: 'Catégorie', all: 'Toutes les catégories', labels: ACCESS_ISSUE_CATEGORY_LABELS },
    severity: { label: 'Gravité minimale', all: 'Toutes les gravités', labels: severityName },
    status: { label: 'Statut', all: 'Tous les statuts', labels: ACCESS_ISSUE_STATUS_LABELS },
    source: { label: 'Source', all: 'Toutes les sources', labels: ACCESS_ISSUE_SOURCE_LABELS },
    open: { label: 'Ouvertes ou closes', all: 'Toutes', labels: { true: 'Non résolues', false: 'Closes' } },
  });
  protected readonly board = httpResource<AccessIssueBoard>(() => {
    const site = this.list.state().site;
    const params: Record<string, string> = site ? { site } : {};
    return { url: `${ACCESS_ISSUES_URL}/board`, params };
  });
  protected readonly issues = httpResource<Page<AccessIssueSummary>>(() => this.list.request(ACCESS_ISSUES_URL));
  /** The site filtered on, for its name. */
  protected readonly site = httpResource<SiteSummary>(() => {
    const site = this.list.state().site;
    return site ? `${SITES_URL}/${site}` : undefined;
  });
  protected readonly canReport = computed(() => this.auth.can('accessIssues.propose'));
  /** The CDOM proposes; the mission officer reports and handles. */
  protected readonly proposes = computed(() => !this.auth.can('accessIssues.handle'));
}
