import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatDialogModule } from '@angular/material/dialog';
import type { FormSubmission } from '@maillage/web/util';
import { FormErrors } from '../forms/form-errors';
import { DialogFooter } from './dialog-chrome';

/**
 * The frame of a form dialog, put on the dialog's `<form>` itself (its fields keep their
 * `[formGroup]`): the title, the scrolling content with the submission's summary at its top, then
 * « Annuler » and the submit button (pending, not pressed twice).
 *
 * ```html
 * <form uiDialogForm heading="Créer un compte" submitLabel="Créer le compte"
 *       [formGroup]="form" [submission]="submission" (ngSubmit)="submit()">
 *   <p uiDialogLead>…</p>  <!-- optional: above the messages -->
 *   <mat-form-field>…</mat-form-field>
 * </form>
 * ```
 */
@Component({
  // On the `<form>` itself, so that the fields it projects find the form's `[formGroup]`.
  // eslint-disable-next-line @angular-eslint/component-selector
  selector: 'form[uiDialogForm]',
  imports: [DialogFooter, FormErrors, MatDialogModule],
  template: `
    <h2 mat-dialog-title>{{ heading() }}</h2>
    <mat-dialog-content [class]="contentClass()">
      <ng-content select="[uiDialogLead]" />
      @if (submission(); as s) {
        <ui-form-errors [submission]="s" (reload)="reload.emit()" />
      }
      <ng-content />
    </mat-dialog-content>
    <ui-dialog-footer
      [submitLabel]="submitLabel()"
      [pendingLabel]="pendingLabel()"
      [submitIcon]="submitIcon()"
      [pending]="submission()?.pending() ?? false"
      [disabled]="disabled()"
    />
  `,
  host: { novalidate: '' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DialogForm {
  readonly heading = input.required<string>();
  /** The form's submission (`formSubmission`): its messages, its pending state. */
  readonly submission = input<FormSubmission | null>(null);
  readonly submitLabel = input('Enregistrer');
  readonly pendingLabel = input('Enregistrement…');
  readonly submitIcon = input<string | null>(null);
  /** Nothing to submit yet (the value did not change). */
  readonly disabled = input(false);
  /** `dialog-form` lays the fields out in a column; `dialog-form dialog-form--wide` for wider ones. */
  readonly contentClass = input('dialog-form');
  /** « Recharger » of the 409 notice. */
  readonly reload = output<void>();
}
