import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { loadFailure } from '@maillage/web/util';
import { AccessDenied } from '../access-denied/access-denied';

/**
 * What a screen says when its data did not load: « Accès refusé » for a 403 (the role may not
 * read it), the screen's own sentence for a 404, otherwise the message with « Réessayer ».
 * Nothing at all while there is no error.
 */
@Component({
  selector: 'ui-load-error',
  imports: [AccessDenied, MatButtonModule, MatIconModule],
  template: `
    @if (failure(); as f) {
      @if (f.kind === 'forbidden') {
        <ui-access-denied [what]="what()" />
      } @else {
        <div class="notice" role="alert">
          <mat-icon aria-hidden="true">{{ f.kind === 'not-found' ? 'search_off' : 'error' }}</mat-icon>
          <span>{{ f.message }}</span>
          @if (f.kind === 'other') {
            <button mat-button type="button" (click)="retry.emit()">Réessayer</button>
          }
        </div>
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoadError {
  readonly error = input<unknown>(undefined);
  /** The sentence of a 404 (« Ce terrain est introuvable… »). */
  readonly notFound = input<string | undefined>(undefined);
  /** What the user tried to open, for « Accès refusé » (« les terrains de stage »). */
  readonly what = input<string | null>(null);
  readonly retry = output<void>();

  protected readonly failure = computed(() => loadFailure(this.error(), this.notFound()));
}
