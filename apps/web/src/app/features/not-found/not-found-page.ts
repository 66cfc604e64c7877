import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'app-not-found-page',
  imports: [MatButtonModule, MatIconModule, RouterLink],
  template: `
    <section class="not-found" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page introuvable</h1>
      <p>L’adresse demandée n’existe pas ou n’est plus disponible.</p>
      <a mat-flat-button routerLink="/">
        <mat-icon aria-hidden="true">home</mat-icon>
        Retour à l’accueil
      </a>
    </section>
  `,
  styles: `
    .not-found {
      max-width: 560px;
      margin: 48px auto;
      text-align: center;
    }
    h1 {
      font: var(--mat-sys-headline-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFoundPage {}
