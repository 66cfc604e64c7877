import { DatePipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { ACCESS_ISSUE_CATEGORY_LABELS, type AccessIssueSummary, type Page } from '@maillage/shared/domain';
import { StatusBadge } from '@maillage/web/ui';
import { AuthStore } from '../../core/auth/auth.store';
import { ACCESS_ISSUES_PATH, ACCESS_ISSUES_URL, ISSUE_LIST } from './access-issues-api';
import { issueStatusBadge, SeverityBadge } from './issue-badges';

const SHOWN = 5;

/** A site's open access issues (the most recent), a link to all of them, and the report button. */
@Component({
  selector: 'app-site-issues-card',
  imports: [DatePipe, MatButtonModule, MatCardModule, MatIconModule, RouterLink, SeverityBadge, StatusBadge],
  template: `
    <mat-card appearance="outlined">
      <mat-card-header><h2 mat-card-title>Difficultés d’accès ouvertes</h2></mat-card-header>
      <mat-card-content>
        @if (issues.hasValue() && issues.value().items.length > 0) {
          <p class="muted">{{ countText() }}</p>
          <ul class="issues" aria-label="Difficultés ouvertes du terrain">
            @for (i of issues.value().items; track i.id) {
              <li>
                <a [routerLink]="[path, i.id]">{{ categoryLabels[i.category] }}</a>
                <app-severity-badge [severity]="i.severity" />
                <ui-status-badge [badge]="statusBadge(i.status)" />
                <span class="muted">depuis le {{ i.raisedOn | date: 'dd/MM/yyyy' }}</span>
              </li>
            }
          </ul>
        } @else if (issues.hasValue()) {
          <p class="muted">Aucune difficulté ouverte sur ce terrain.</p>
        } @else if (issues.error()) {
          <p class="muted" role="alert">Les difficultés n’ont pas pu être chargées.</p>
        }
      </mat-card-content>
      <mat-card-actions>
        <a mat-button [routerLink]="path" [queryParams]="listQuery()">
          <mat-icon aria-hidden="true">list</mat-icon>
          Toutes les difficultés du terrain
        </a>
        @if (canReport() && !archived()) {
          <a mat-button [routerLink]="[path, 'nouvelle']" [queryParams]="{ terrain: siteId() }">
            <mat-icon aria-hidden="true">add_alert</mat-icon>
            Signaler une difficulté
          </a>
        }
      </mat-card-actions>
    </mat-card>
  `,
  styles: `
    :host {
      display: block;
    }
    mat-card {
      height: 100%;
    }
    .issues {
      margin: 0;
      padding: 0;
      list-style: none;
      li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 4px 8px;
        padding: 6px 0;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
      }
      a {
        font-weight: 500;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SiteIssuesCard {
  private readonly auth = inject(AuthStore);
  readonly siteId = input.required<string>();
  readonly archived = input(false);

  protected readonly path = ACCESS_ISSUES_PATH;
  protected readonly categoryLabels = ACCESS_ISSUE_CATEGORY_LABELS;
  protected readonly issues = httpResource<Page<AccessIssueSummary>>(() => ({
    url: ACCESS_ISSUES_URL,
    params: { site: this.siteId(), open: true, pageSize: SHOWN, sort: 'severity:desc' },
  }));
  protected readonly listQuery = computed(() => ISSUE_LIST.paramsOf({ site: this.siteId() }));
  protected readonly statusBadge = issueStatusBadge;
  protected readonly countText = computed(() => {
    const total = this.issues.hasValue() ? this.issues.value().total : 0;
    const head = total === 1 ? '1 difficulté ouverte' : `${total} difficultés ouvertes`;
    return total > SHOWN ? `${head}, dont les ${SHOWN} plus graves :` : `${head}.`;
  });
  protected readonly canReport = computed(() => this.auth.can('accessIssues.propose'));
}
