import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { AREAS, type AreaKey } from '../../core/navigation/areas';

/** The page of an area whose screens are not built yet. */
@Component({
  selector: 'app-coming-soon-page',
  imports: [MatButtonModule, MatIconModule, RouterLink],
  template: `
    <section class="soon" aria-labelledby="soon-title">
      <div class="soon-icon" aria-hidden="true">
        <mat-icon>{{ current().icon }}</mat-icon>
      </div>
      <h1 id="soon-title" class="soon-title">{{ current().label }}</h1>
      <p class="soon-summary">{{ current().summary }}</p>
      <p class="soon-status">
        <mat-icon aria-hidden="true">schedule</mat-icon>
        <span>Cette rubrique est en préparation : elle sera bientôt disponible.</span>
      </p>
      <a mat-stroked-button routerLink="/">
        <mat-icon aria-hidden="true">arrow_back</mat-icon>
        Retour à l’accueil
      </a>
    </section>
  `,
  styleUrl: './coming-soon-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComingSoonPage {
  /** Route data `area`, bound by the router. */
  readonly area = input.required<AreaKey>();
  protected readonly current = computed(() => AREAS[this.area()]);
}
