import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { DialogHeader } from '../dialog/dialog-chrome';

export interface ConfirmOptions {
  title: string;
  message: string;
  /** The confirming button (« Archiver », « Annuler la réunion »). */
  confirm: string;
  /** The button that keeps things as they are. */
  cancel?: string;
}

/** "Are you sure?" in French: closes with `true` when confirmed. Open it through `Notifications.confirm`. */
@Component({
  selector: 'ui-confirm-dialog',
  imports: [DialogHeader, MatButtonModule, MatDialogModule],
  template: `
    <ui-dialog-header [heading]="data.title" />
    <mat-dialog-content>
      <p>{{ data.message }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ data.cancel ?? 'Annuler' }}</button>
      <button mat-flat-button type="button" [mat-dialog-close]="true">{{ data.confirm }}</button>
    </mat-dialog-actions>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmDialog {
  protected readonly data = inject<ConfirmOptions>(MAT_DIALOG_DATA);
}
