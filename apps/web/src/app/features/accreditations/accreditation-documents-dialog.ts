import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import type { AccreditationSummary } from '@maillage/shared/domain';
import { DocumentsCard } from '../../shared/documents/documents-card';

/** The documents of one accreditation (signed decision, convention…), from its row in the list. */
@Component({
  selector: 'app-accreditation-documents-dialog',
  imports: [DocumentsCard, MatButtonModule, MatDialogModule],
  template: `
    <h2 mat-dialog-title>Documents de l’agrément de {{ data.holder.name }}</h2>
    <mat-dialog-content>
      <app-documents-card recordType="accreditation" [recordId]="data.id" [plain]="true" />
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Fermer</button>
    </mat-dialog-actions>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccreditationDocumentsDialog {
  protected readonly data = inject<AccreditationSummary>(MAT_DIALOG_DATA);
}
