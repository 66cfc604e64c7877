import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';

/**
 * A card of the snapshot's figures: its title, then its table (projected) in a region that scrolls
 * sideways on a phone and takes the keyboard's focus: `<app-figures-card heading="Chiffres clés"
 * label="Évolution des chiffres clés"><table class="figures" …>…</table></app-figures-card>`.
 */
@Component({
  selector: 'app-figures-card',
  imports: [MatCardModule],
  template: `
    <mat-card appearance="outlined">
      <mat-card-header
        ><h3 mat-card-title>{{ heading() }}</h3></mat-card-header
      >
      <mat-card-content>
        <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="label()">
          <ng-content />
        </div>
      </mat-card-content>
    </mat-card>
  `,
  // The card fills the page's grid cell (the row's height, as the cards did) and may be narrower
  // than its table, which then scrolls inside it on a phone.
  styles: ':host { display: grid; grid-template-columns: minmax(0, 1fr); }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FiguresCard {
  readonly heading = input.required<string>();
  /** What the region and its table are called for screen readers. */
  readonly label = input.required<string>();
}
