import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';

/**
 * « Accès refusé »: what the user tried to open, that their role does not allow it, and the way
 * home. Shown by the forbidden page (route guards) and when the API answers 403 to a load.
 */
@Component({
  selector: 'ui-access-denied',
  imports: [MatButtonModule, MatIconModule, RouterLink],
  template: `
    <section class="denied" [attr.role]="headingLevel() === 1 ? null : 'alert'" aria-labelledby="access-denied-title">
      <mat-icon class="denied-icon" aria-hidden="true">lock</mat-icon>
      <div>
        @if (headingLevel() === 1) {
          <h1 id="access-denied-title" class="denied-title">Accès refusé</h1>
        } @else {
          <h2 id="access-denied-title" class="denied-title">Accès refusé</h2>
        }
        @if (asked()) {
          <p>{{ asked() }}</p>
        }
        <p>{{ reason() }}</p>
        <a mat-flat-button routerLink="/">
          <mat-icon aria-hidden="true">home</mat-icon>
          Retour à l’accueil
        </a>
      </div>
    </section>
  `,
  styles: `
    .denied {
      display: flex;
      gap: 16px;
      align-items: flex-start;
      max-width: 72ch;
      padding: 20px 24px;
      margin-bottom: 16px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .denied-icon {
      width: 40px;
      height: 40px;
      font-size: 40px;
    }
    .denied-title {
      margin: 0 0 8px;
      font: var(--mat-sys-headline-small);
    }
    p {
      margin: 0 0 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccessDenied {
  /** 1 on the forbidden page (its title), 2 inside a page whose data was refused. */
  readonly headingLevel = input<1 | 2>(2);
  /** « la page Utilisateurs ». */
  readonly what = input<string | null>(null);
  /** The address asked for (`/utilisateurs`). */
  readonly path = input<string | null>(null);
  /** « Membre de comité ». */
  readonly roleLabel = input<string | null>(null);

  protected readonly asked = computed(() => {
    const what = this.what();
    const path = this.path();
    if (!what && !path) return '';
    return `Vous avez demandé ${what ?? 'cette page'}${path ? ` (${path})` : ''}.`;
  });
  protected readonly reason = computed(() => {
    const role = this.roleLabel();
    return (
      `Votre rôle${role ? ` (${role})` : ''} ne permet pas de l’ouvrir. ` +
      'Si vous en avez besoin, adressez-vous à l’administrateur de votre département.'
    );
  });
}
