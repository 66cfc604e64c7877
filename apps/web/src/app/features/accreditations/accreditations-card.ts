import { DatePipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import {
  ACCREDITATION_STATUS_LABELS,
  ACCREDITATION_TYPE_LABELS,
  type AccreditationSummary,
  CYCLE_LABELS,
  type Page,
} from '@maillage/shared/domain';
import { RowMenu, StatusBadge } from '@maillage/web/ui';
import { AuthStore } from '../../core/auth/auth.store';
import { validityBadge } from './accreditation-badges';
import { AccreditationDialogs, type AccreditationRowKey } from './accreditation-dialogs';
import type { AccreditationHolder } from './accreditation-request-dialog';
import { ACCREDITATION_CONFLICT_MESSAGE, ACCREDITATIONS_URL } from './accreditations-api';

/**
 * The accreditations of one holder (a professional or a site) on its page, latest first, with
 * the whole lifecycle: request, instruction, grant, renewal (the chain is shown), withdrawal,
 * expiry, history.
 */
@Component({
  selector: 'app-accreditations-card',
  imports: [MatButtonModule, MatCardModule, MatIconModule, RouterLink, RowMenu, StatusBadge],
  providers: [AccreditationDialogs],
  template: `
    <mat-card appearance="outlined">
      <mat-card-header><h2 mat-card-title>Agréments</h2></mat-card-header>
      <mat-card-content>
        @if (notice(); as text) {
          <p class="state-note" role="alert">{{ text }}</p>
        }
        @if (accreditations.error()) {
          <p class="muted" role="alert">Les agréments n’ont pas pu être chargés.</p>
        } @else {
          <ul class="plain-list" aria-label="Agréments">
            @for (a of items(); track a.id) {
              <li class="accreditation">
                <span class="line">
                  <ui-status-badge [badge]="validityBadge(a.validity)" />
                  <span class="what">{{ typeLabels[a.type] }}, {{ cycleLabels[a.cycle] }}</span>
                  <ui-row-menu
                    [label]="
                      'Actions pour l’agrément ' + typeLabels[a.type] + ' ' + cycleLabels[a.cycle] + ' ' + dates(a)
                    "
                    [actions]="rowActions(a)"
                    (chosen)="onAction(a, $event)"
                  />
                </span>
                <span class="muted">{{ statusLabels[a.status] }} · {{ dates(a) }}</span>
                @if (a.renewsId) {
                  <span class="chain"
                    ><mat-icon class="inline-icon" aria-hidden="true">autorenew</mat-icon>Renouvelle
                    {{ describe(a.renewsId) }}</span
                  >
                }
                @if (a.renewedById) {
                  <span class="chain"
                    ><mat-icon class="inline-icon" aria-hidden="true">redo</mat-icon>Renouvelé par
                    {{ describe(a.renewedById) }}</span
                  >
                }
              </li>
            } @empty {
              <li class="muted">{{ accreditations.isLoading() ? 'Chargement…' : 'Aucun agrément enregistré.' }}</li>
            }
          </ul>
        }
      </mat-card-content>
      <mat-card-actions>
        @if (canAct() && !archived()) {
          <button mat-button type="button" (click)="request()">
            <mat-icon aria-hidden="true">add</mat-icon>Demander un agrément
          </button>
        }
        <a mat-button routerLink="/agrements" [queryParams]="listQuery()">
          <mat-icon aria-hidden="true">verified</mat-icon>Voir dans les agréments
        </a>
      </mat-card-actions>
    </mat-card>
  `,
  styles: `
    :host {
      display: block;
    }
    .accreditation {
      display: grid;
      gap: 2px;
    }
    .line {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    .what {
      flex: 1 1 auto;
    }
    .chain {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      font-size: 0.875rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccreditationsCard {
  private readonly auth = inject(AuthStore);
  private readonly dialogs = inject(AccreditationDialogs);
  private readonly date = new DatePipe('fr-FR');

  readonly holder = input.required<AccreditationHolder>();
  readonly archived = input(false);
  /** After a request or an action: the page may show figures that follow the accreditations. */
  readonly changed = output<void>();

  protected readonly typeLabels = ACCREDITATION_TYPE_LABELS;
  protected readonly cycleLabels = CYCLE_LABELS;
  protected readonly statusLabels = ACCREDITATION_STATUS_LABELS;
  protected readonly validityBadge = validityBadge;
  protected readonly notice = signal<string | null>(null);

  protected readonly listQuery = computed(() =>
    this.holder().kind === 'site' ? { terrain: this.holder().id } : { professionnel: this.holder().id },
  );
  protected readonly accreditations = httpResource<Page<AccreditationSummary>>(() => ({
    url: ACCREDITATIONS_URL,
    params: {
      [this.holder().kind]: this.holder().id,
      pageSize: 50,
      sort: 'startDate:desc',
    },
  }));
  protected readonly items = computed(() => (this.accreditations.hasValue() ? this.accreditations.value().items : []));
  protected readonly canAct = computed(() => this.auth.can('accreditations.write'));

  protected rowActions(a: AccreditationSummary) {
    return this.dialogs.rowActions(a, this.canAct() && !this.archived());
  }

  protected dates(a: AccreditationSummary): string {
    const start = a.startDate ? this.date.transform(a.startDate, 'dd/MM/yyyy') : null;
    const end = a.endDate ? this.date.transform(a.endDate, 'dd/MM/yyyy') : null;
    if (start && end) return `du ${start} au ${end}`;
    if (start) return `depuis le ${start}`;
    return 'dates à venir';
  }

  /** The other end of a renewal chain, as its dates say it. */
  protected describe(id: string): string {
    const other = this.items().find((a) => a.id === id);
    return other ? `l’agrément ${this.dates(other)}` : 'un agrément archivé';
  }

  protected async onAction(a: AccreditationSummary, key: AccreditationRowKey): Promise<void> {
    this.notice.set(null);
    const result = await this.dialogs.open(a, key);
    if (result === 'conflict') this.notice.set(ACCREDITATION_CONFLICT_MESSAGE);
    if (result) this.reload();
  }

  private reload(): void {
    this.accreditations.reload();
    this.changed.emit();
  }

  protected async request(): Promise<void> {
    if (await this.dialogs.request(this.holder())) this.reload();
  }
}
