import { DecimalPipe } from '@angular/common';
import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import type { SitePosition as Position } from '@maillage/shared/domain';
import { FormErrors } from '@maillage/web/ui';
import { actionSubmission } from '@maillage/web/util';
import { SITES_URL } from './sites-api';

/**
 * Where a site is: its own coordinates, or « position approximative » (the centre of its commune,
 * where the map draws it); editors may place it at its address through the national address service (BAN).
 */
@Component({
  selector: 'app-site-position',
  imports: [DecimalPipe, FormErrors, MatButtonModule, MatIconModule],
  template: `
    @let s = site();
    @if (s.latitude !== null && s.longitude !== null) {
      <span>{{ s.latitude | number: '1.0-6' }}, {{ s.longitude | number: '1.0-6' }}</span>
    } @else {
      <span class="approximate">
        <mat-icon class="inline-icon" aria-hidden="true">location_searching</mat-icon>
        Position approximative : le centre de la commune.
      </span>
    }
    @if (result(); as r) {
      <p class="muted" role="status">
        @if (r.approximate) {
          {{ r.reason ?? 'Adresse introuvable : le terrain reste au centre de sa commune.' }}
        } @else {
          Adresse trouvée : {{ r.label }}.
        }
      </p>
    }
    <ui-form-errors [submission]="action" />
    @if (canEdit()) {
      <button mat-button type="button" [disabled]="action.pending()" (click)="geocode()">
        <mat-icon aria-hidden="true">my_location</mat-icon>
        Géolocaliser l’adresse
      </button>
    }
  `,
  styles: ':host { display: grid; gap: 4px; justify-items: start; } p { margin: 0; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SitePositionField {
  private readonly http = inject(HttpClient);

  readonly site = input.required<{ id: string; version: number; latitude: number | null; longitude: number | null }>();
  readonly canEdit = input(false);
  readonly placed = output<Position>();

  protected readonly result = signal<Position | null>(null);
  protected readonly action = actionSubmission();

  protected async geocode(): Promise<void> {
    const { id, version } = this.site();
    await this.action.run(() => this.http.post<Position>(`${SITES_URL}/${id}/geocode`, { version }), {
      success: (p) => (p.approximate ? 'Position approximative conservée.' : 'Terrain placé à son adresse.'),
      then: (p) => {
        this.result.set(p);
        this.placed.emit(p);
      },
    });
  }
}
