import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import type { RowSelection } from '@maillage/web/util';

/**
 * Above a list with selected rows: how many, « Sélectionner les N résultats » (every record of the
 * filters), « Désélectionner », and the page's allowed actions (projected buttons).
 */
@Component({
  selector: 'ui-bulk-bar',
  imports: [MatButtonModule, MatIconModule],
  template: `
    @if (count() > 0) {
      <section class="bulk-bar" [attr.aria-label]="'Action groupée sur les ' + items()">
        <p class="bulk-count" role="status" aria-live="polite">
          {{ count() }} {{ count() > 1 ? items() : item() }} sélectionné{{ feminine() ? 'e' : ''
          }}{{ count() > 1 ? 's' : '' }}{{ selection().allMatching() ? ' (tous les résultats des filtres)' : '' }}
        </p>
        @if (!selection().allMatching() && total() > count()) {
          <button mat-button type="button" (click)="selection().allMatching.set(true)">
            Sélectionner les {{ total() }} résultats
          </button>
        }
        <button mat-button type="button" (click)="selection().clear()">Désélectionner</button>
        <span class="bulk-actions"><ng-content /></span>
      </section>
    }
  `,
  styles: `
    .bulk-bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      padding: 8px 12px;
      margin-bottom: 8px;
      border-radius: 12px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .bulk-count {
      margin: 0;
      font-weight: 500;
    }
    .bulk-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-inline-start: auto;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BulkBar {
  readonly selection = input.required<RowSelection>();
  /** Records matching the filters. */
  readonly total = input(0);
  /** « professionnel » / « professionnels ». */
  readonly item = input.required<string>();
  readonly items = input.required<string>();
  /** « tâches sélectionnées ». */
  readonly feminine = input(false);
  protected readonly count = computed(() => this.selection().count(this.total()));
}
