import { DatePipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  ACCESS_ISSUE_CATEGORIES,
  ACCESS_ISSUE_CATEGORY_LABELS,
  ACCESS_ISSUE_SOURCE_LABELS,
  ACCESS_ISSUE_SOURCES,
  ACCESS_ISSUE_STATUS_LABELS,
  ACCESS_ISSUE_STATUSES,
  type AccessIssueBoard,
  type AccessIssueSummary,
  type Page,
  SEVERITIES,
  SEVERITY_LABELS,
  type SiteSummary,
} from '@maillage/shared/domain';
import { AuthStore } from '../../core/auth/auth.store';
import { errorMessages } from '../../core/http/api-error';
import {
  ACCESS_ISSUES_URL,
  DEFAULT_ISSUE_LIST,
  issueListFromParams,
  type IssueListState,
  issueListToParams,
  issuesRequest,
  PAGE_SIZES,
} from './access-issues-api';
import { IssueStatusBadge, SeverityBadge } from './issue-badges';
import { IssueBoard } from './issue-board';

/** Access issues: the board by category and status, then the filtered list (filters in the URL). */
@Component({
  selector: 'app-access-issues-page',
  imports: [
    DatePipe,
    IssueBoard,
    IssueStatusBadge,
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    RouterLink,
    SeverityBadge,
  ],
  templateUrl: './access-issues-page.html',
  styleUrl: './access-issues-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccessIssuesPage {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly auth = inject(AuthStore);

  readonly terrain = input<string>();
  readonly categorie = input<string>();
  readonly gravite = input<string>();
  readonly statut = input<string>();
  readonly source = input<string>();
  readonly ouvertes = input<string>();
  readonly page = input<string>();
  readonly parPage = input<string>();

  protected readonly categories = ACCESS_ISSUE_CATEGORIES;
  protected readonly categoryLabels = ACCESS_ISSUE_CATEGORY_LABELS;
  protected readonly statuses = ACCESS_ISSUE_STATUSES;
  protected readonly statusLabels = ACCESS_ISSUE_STATUS_LABELS;
  protected readonly sources = ACCESS_ISSUE_SOURCES;
  protected readonly sourceLabels = ACCESS_ISSUE_SOURCE_LABELS;
  protected readonly severities = SEVERITIES;
  protected readonly severityLabels = SEVERITY_LABELS;
  protected readonly pageSizes = [...PAGE_SIZES];
  protected readonly columns = ['site', 'category', 'severity', 'status', 'source', 'raisedOn'];

  protected readonly state = computed(() =>
    issueListFromParams({
      terrain: this.terrain(),
      categorie: this.categorie(),
      gravite: this.gravite(),
      statut: this.statut(),
      source: this.source(),
      ouvertes: this.ouvertes(),
      page: this.page(),
      parPage: this.parPage(),
    }),
  );
  protected readonly board = httpResource<AccessIssueBoard>(() => {
    const site = this.state().site;
    const params: Record<string, string> = site ? { site } : {};
    return { url: `${ACCESS_ISSUES_URL}/board`, params };
  });
  protected readonly issues = httpResource<Page<AccessIssueSummary>>(() => issuesRequest(this.state()));
  protected readonly result = linkedSignal<Page<AccessIssueSummary> | undefined, Page<AccessIssueSummary> | undefined>({
    source: () => (this.issues.hasValue() ? this.issues.value() : undefined),
    computation: (next, previous) => next ?? previous?.value,
  });
  /** The site filtered on, for its name. */
  protected readonly site = httpResource<SiteSummary>(() => {
    const site = this.state().site;
    return site ? `/api/sites/${site}` : undefined;
  });
  protected readonly loadError = computed(() => {
    const error = this.issues.error() ?? this.board.error();
    return error ? errorMessages(error).join(' ') : null;
  });
  protected readonly resultText = computed(() => {
    const total = this.result()?.total;
    if (total === undefined) return '';
    if (total === 0) return 'Aucune difficulté trouvée.';
    return total === 1 ? '1 difficulté trouvée.' : `${total.toLocaleString('fr-FR')} difficultés trouvées.`;
  });
  protected readonly hasFilters = computed(() => {
    const { page: _p, pageSize: _s, ...filters } = this.state();
    return Object.values(filters).some((v) => v !== null);
  });
  protected readonly canReport = computed(() => this.auth.hasRole('mission_officer', 'admin', 'cdom'));
  protected readonly isCdom = computed(() => this.auth.hasRole('cdom'));

  protected categoryLabel(issue: AccessIssueSummary): string {
    return ACCESS_ISSUE_CATEGORY_LABELS[issue.category];
  }

  protected sourceLabel(issue: AccessIssueSummary): string {
    return ACCESS_ISSUE_SOURCE_LABELS[issue.source];
  }

  protected update(changes: Partial<IssueListState>): void {
    const next: IssueListState = { ...this.state(), page: 1, ...changes };
    void this.router.navigate([], { relativeTo: this.route, queryParams: issueListToParams(next) });
  }

  protected clearFilters(): void {
    this.update({ ...DEFAULT_ISSUE_LIST, pageSize: this.state().pageSize });
  }

  protected onPage(event: PageEvent): void {
    this.update({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }
}
