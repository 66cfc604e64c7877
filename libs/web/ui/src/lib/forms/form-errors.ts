import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  output,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import type { FormSubmission } from '@maillage/web/util';
import { type RecordResource, reloadRecord } from '../record-head/record-head';

/**
 * The summary of a form's submission: the 409 « modifié entre-temps » with its reload action,
 * or the messages of the API (those that concern a field name it by its label; the field shows
 * its own too). Put it just above the form's buttons. The focus moves to it when it appears, so a
 * screen reader hears it.
 */
@Component({
  selector: 'ui-form-errors',
  imports: [MatButtonModule, MatIconModule],
  template: `
    @if (submission().conflict(); as conflict) {
      <div class="notice" role="alert">
        <mat-icon aria-hidden="true">sync_problem</mat-icon>
        <span>{{ conflict }}</span>
        <button mat-button type="button" (click)="onReload()">{{ reloadLabel() }}</button>
      </div>
    } @else if (hasMessages()) {
      <mat-icon aria-hidden="true">error</mat-icon>
      <ul>
        @for (message of submission().messages(); track $index) {
          <li>
            @if (message.label) {
              <strong>{{ message.label }}</strong> : {{ message.text }}
            } @else {
              {{ message.text }}
            }
          </li>
        }
      </ul>
    }
  `,
  styles: `
    :host {
      display: block;
      outline: none;
    }
    .notice {
      margin: 0;
    }
  `,
  host: {
    '[class.form-errors]': 'hasMessages() && !submission().conflict()',
    '[attr.role]': "hasMessages() && !submission().conflict() ? 'alert' : null",
    tabindex: '-1',
  },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FormErrors {
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly submission = input.required<FormSubmission>();
  readonly reloadLabel = input('Recharger');
  /** The record the form edits: « Recharger » reads it again (and clears these messages). */
  readonly resource = input<RecordResource | null>(null);
  readonly reload = output<void>();

  protected readonly hasMessages = computed(() => this.submission().messages().length > 0);

  protected onReload(): void {
    reloadRecord(this.resource(), this.submission());
    this.reload.emit();
  }

  constructor() {
    effect(() => {
      if (this.hasMessages() || this.submission().conflict() !== null) {
        afterNextRender(() => this.host.nativeElement.focus({ preventScroll: false }), { injector: this.injector });
      }
    });
  }
}
