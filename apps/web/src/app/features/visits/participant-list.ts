import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatListModule } from '@angular/material/list';
import type { ParticipantCandidate } from './record-form';

/** The participants a visit form may tick (accounts, MSU of the site), their keys in `control`. */
@Component({
  selector: 'app-participant-list',
  imports: [MatListModule, ReactiveFormsModule],
  template: `
    <mat-selection-list [formControl]="control()" [attr.aria-label]="label()">
      @for (c of candidates(); track c.key) {
        <mat-list-option [value]="c.key" togglePosition="before">
          <span matListItemTitle>{{ c.label }}</span>
          <span matListItemLine>{{ c.detail }}</span>
        </mat-list-option>
      }
    </mat-selection-list>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ParticipantList {
  /** The list's accessible name. */
  readonly label = input.required<string>();
  readonly control = input.required<FormControl<string[]>>();
  readonly candidates = input.required<readonly ParticipantCandidate[]>();
}
