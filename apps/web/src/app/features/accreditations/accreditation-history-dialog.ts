import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { AUDIT_ENTITY_TYPES, type AccreditationSummary } from '@maillage/shared/domain';
import { HistoryTimeline } from '../../shared/history-timeline/history-timeline';

/** The history of one accreditation: requests, decisions, withdrawals, edits. */
@Component({
  selector: 'app-accreditation-history-dialog',
  imports: [HistoryTimeline, MatButtonModule, MatDialogModule],
  template: `
    <h2 mat-dialog-title>Historique de l’agrément</h2>
    <mat-dialog-content>
      <p class="holder">{{ a.holder.name }}</p>
      <app-history-timeline [entityType]="entityType" [entityId]="a.id" [revision]="a.version" />
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Fermer</button>
    </mat-dialog-actions>
  `,
  styles: `
    .holder {
      margin-top: 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccreditationHistoryDialog {
  protected readonly a = inject<AccreditationSummary>(MAT_DIALOG_DATA);
  protected readonly entityType = AUDIT_ENTITY_TYPES.accreditation;
}
