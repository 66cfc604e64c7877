import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';

/** The title of a dialog (it names the dialog for screen readers). */
@Component({
  selector: 'ui-dialog-header',
  imports: [MatDialogModule],
  template: `<h2 mat-dialog-title>{{ heading() }}</h2>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DialogHeader {
  readonly heading = input.required<string>();
}

/**
 * The buttons of a form dialog: « Annuler » closes it, the submit button says « Enregistrement… »
 * while pending and cannot be pressed twice. Put it inside the dialog's `<form>`.
 */
@Component({
  selector: 'ui-dialog-footer',
  imports: [MatButtonModule, MatDialogModule, MatIconModule],
  template: `
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ cancelLabel() }}</button>
      <button mat-flat-button type="submit" [disabled]="pending() || disabled()">
        @if (submitIcon()) {
          <mat-icon aria-hidden="true">{{ submitIcon() }}</mat-icon>
        }
        {{ pending() ? pendingLabel() : submitLabel() }}
      </button>
    </mat-dialog-actions>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DialogFooter {
  readonly submitLabel = input('Enregistrer');
  readonly pendingLabel = input('Enregistrement…');
  readonly cancelLabel = input('Annuler');
  readonly submitIcon = input<string | null>(null);
  readonly pending = input(false);
  /** Nothing to submit yet (the value did not change). */
  readonly disabled = input(false);
}
