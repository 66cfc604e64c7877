import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';

/** One entry of a row's menu. */
export interface RowAction<K extends string = string> {
  key: K;
  label: string;
  /** Material icon ligature. */
  icon: string;
  disabled?: boolean;
}

/**
 * The « ⋮ » menu of a table row: `<ui-row-menu [label]="'Actions pour ' + user.email"
 * [actions]="actionsOf(user)" (chosen)="run(user, $event)" />`. The button is named for screen
 * readers; the entries come from the page, in order.
 */
@Component({
  selector: 'ui-row-menu',
  imports: [MatButtonModule, MatIconModule, MatMenuModule],
  template: `
    <button
      mat-icon-button
      type="button"
      [matMenuTriggerFor]="menu"
      [disabled]="disabled()"
      [attr.aria-label]="label()"
    >
      <mat-icon aria-hidden="true">more_vert</mat-icon>
    </button>
    <mat-menu #menu="matMenu" xPosition="before">
      <ng-template matMenuContent>
        @for (action of actions(); track action.key) {
          <button mat-menu-item type="button" [disabled]="action.disabled" (click)="chosen.emit(action.key)">
            <mat-icon aria-hidden="true">{{ action.icon }}</mat-icon>
            <span>{{ action.label }}</span>
          </button>
        }
      </ng-template>
    </mat-menu>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RowMenu<K extends string = string> {
  /** « Actions pour l’agrément de … ». */
  readonly label = input.required<string>();
  readonly actions = input.required<readonly RowAction<K>[]>();
  /** While the row's last action is pending. */
  readonly disabled = input(false);
  readonly chosen = output<K>();
}
