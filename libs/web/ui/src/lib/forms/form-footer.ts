import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import type { FormSubmission } from '@maillage/web/util';
import type { RecordResource } from '../record-head/record-head';
import { FormErrors } from './form-errors';

/**
 * The end of a form page, inside its `<form>`: the submission's messages, then « Annuler » (back to
 * `cancelLink`) and the submit button, which says « Enregistrement… » while pending and cannot be
 * pressed twice: `<ui-form-footer [submission]="submission" [cancelLink]="backLink()" [resource]="existing" />`.
 * The form page's twin of `ui-dialog-footer`.
 */
@Component({
  selector: 'ui-form-footer',
  imports: [FormErrors, MatButtonModule, MatIconModule, RouterLink],
  template: `
    <ui-form-errors [submission]="submission()" [reloadLabel]="reloadLabel()" [resource]="resource()" />
    <div class="form-actions">
      <a mat-button [routerLink]="cancelLink()">Annuler</a>
      <button mat-flat-button type="submit" [disabled]="submission().pending() || disabled()">
        @if (submitIcon()) {
          <mat-icon aria-hidden="true">{{ submitIcon() }}</mat-icon>
        }
        {{ submission().pending() ? pendingLabel() : submitLabel() }}
      </button>
    </div>
  `,
  // Its messages and buttons are items of the form, like the form's fields.
  styles: ':host { display: contents; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FormFooter {
  readonly submission = input.required<FormSubmission>();
  /** Where « Annuler » goes back to (`routerLink`). */
  readonly cancelLink = input.required<string | readonly (string | number)[]>();
  readonly submitLabel = input('Enregistrer');
  readonly pendingLabel = input('Enregistrement…');
  readonly submitIcon = input<string | null>(null);
  /** Nothing can be submitted (the form is read-only). */
  readonly disabled = input(false);
  /** The record the form edits: « Recharger » of the 409 notice reads it again. */
  readonly resource = input<RecordResource | null>(null);
  readonly reloadLabel = input('Recharger');
}
