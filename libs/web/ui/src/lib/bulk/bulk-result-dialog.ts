import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import type { BulkResult } from '@maillage/shared/domain';

export interface BulkResultData {
  /** « Changement d’étape ». */
  title: string;
  result: BulkResult;
}

/** What a bulk action did: the records done, and those refused, each with its reason. */
@Component({
  selector: 'ui-bulk-result-dialog',
  imports: [MatButtonModule, MatDialogModule, MatIconModule],
  template: `
    <h2 mat-dialog-title>{{ data.title }} : résultat</h2>
    <mat-dialog-content>
      <p role="status">
        {{ done.length }} fait{{ done.length > 1 ? 's' : '' }} sur {{ data.result.selected }} ·
        {{ refused.length }} refusé{{ refused.length > 1 ? 's' : '' }}.
      </p>
      @if (refused.length > 0) {
        <h3 class="subheading">Refusés</h3>
        <ul class="plain-list" aria-label="Refusés">
          @for (item of refused; track item.id) {
            <li>
              <mat-icon class="inline-icon" aria-hidden="true">block</mat-icon>
              <!-- One flex item beside the icon: a long reason wraps under itself, not under the icon. -->
              <span class="refusal"
                ><strong>{{ item.label ?? 'Enregistrement non visible' }}</strong> : {{ item.reason }}</span
              >
            </li>
          }
        </ul>
      }
      @if (done.length > 0) {
        <h3 class="subheading">Faits</h3>
        <ul class="plain-list" aria-label="Faits">
          @for (item of done; track item.id) {
            <li><mat-icon class="inline-icon" aria-hidden="true">check</mat-icon>{{ item.label ?? item.id }}</li>
          }
        </ul>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-flat-button type="button" mat-dialog-close cdkFocusInitial>Fermer</button>
    </mat-dialog-actions>
  `,
  styles: `
    .refusal {
      flex: 1 1 0;
      min-width: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BulkResultDialog {
  protected readonly data = inject<BulkResultData>(MAT_DIALOG_DATA);
  protected readonly done = this.data.result.done;
  protected readonly refused = this.data.result.refused;
}
