import { DatePipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { VISIT_PURPOSE_LABELS, type Page, type SiteVisitDetail, type SiteVisitSummary } from '@maillage/shared/domain';
import { StatusBadge } from '@maillage/web/ui';
import { AuthStore } from '../../core/auth/auth.store';
import { PlanVisitDialog, type PlanVisitData } from './plan-visit-dialog';
import { visitStatusBadge } from './visit-status';
import { VISITS_URL } from './visits-api';

/** The visits of one site (latest first), on the site's page, with "Planifier une visite". */
@Component({
  selector: 'app-site-visits-card',
  imports: [DatePipe, MatButtonModule, MatCardModule, MatIconModule, RouterLink, StatusBadge],
  template: `
    <mat-card appearance="outlined">
      <mat-card-header><h2 mat-card-title>Visites du terrain</h2></mat-card-header>
      <mat-card-content>
        @if (visits.error()) {
          <p class="muted" role="alert">Les visites n’ont pas pu être chargées.</p>
        } @else if (items().length > 0) {
          <ul class="plain-list" aria-label="Visites du terrain">
            @for (v of items(); track v.id) {
              <li>
                <a [routerLink]="['/visites', v.id]">{{ v.visitedOn ?? v.plannedOn | date: 'dd/MM/yyyy' }}</a>
                <span class="muted">{{ purposeLabels[v.purpose] }}</span>
                <ui-status-badge [badge]="statusBadge(v.status)" />
              </li>
            }
          </ul>
          @if (total() > items().length) {
            <p class="muted">{{ total() }} visites au total.</p>
          }
        } @else if (visits.hasValue()) {
          <p class="muted">Aucune visite enregistrée pour ce terrain.</p>
        }
      </mat-card-content>
      @if (canEdit() && !archived()) {
        <mat-card-actions>
          <button mat-button type="button" (click)="plan()">
            <mat-icon aria-hidden="true">event</mat-icon>
            Planifier une visite
          </button>
        </mat-card-actions>
      }
    </mat-card>
  `,
  styles: `
    :host {
      display: block;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SiteVisitsCard {
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);

  readonly siteId = input.required<string>();
  readonly siteName = input.required<string>();
  readonly archived = input(false);

  protected readonly purposeLabels = VISIT_PURPOSE_LABELS;
  protected readonly visits = httpResource<Page<SiteVisitSummary>>(() => ({
    url: VISITS_URL,
    params: { site: this.siteId(), pageSize: 5, sort: 'plannedOn:desc' },
  }));
  protected readonly items = computed(() => (this.visits.hasValue() ? this.visits.value().items : []));
  protected readonly total = computed(() => (this.visits.hasValue() ? this.visits.value().total : 0));
  protected readonly canEdit = computed(() => this.auth.can('visits.write'));
  protected readonly statusBadge = visitStatusBadge;

  protected plan(): void {
    const data: PlanVisitData = { site: { id: this.siteId(), name: this.siteName() } };
    this.dialog
      .open(PlanVisitDialog, { data, width: '640px', autoFocus: 'first-tabbable' })
      .afterClosed()
      .subscribe((visit: SiteVisitDetail | undefined) => {
        if (!visit) return;
        this.visits.reload();
        const ref = this.snackBar.open('Visite planifiée.', 'Voir la visite', { duration: 8000 });
        ref.onAction().subscribe(() => void this.router.navigate(['/visites', visit.id]));
      });
  }
}
