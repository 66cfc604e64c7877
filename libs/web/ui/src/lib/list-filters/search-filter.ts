import { ChangeDetectionStrategy, Component, input, type WritableSignal } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';

/**
 * The search box of a list page, typing into the list state's `search` signal (which reaches the
 * URL once typing pauses): `<ui-search-filter label="Rechercher un terrain" [search]="list.search" />`.
 */
@Component({
  selector: 'ui-search-filter',
  imports: [MatFormFieldModule, MatIconModule, MatInputModule],
  template: `
    <mat-form-field class="filter-search">
      <mat-label>{{ label() }}</mat-label>
      <mat-icon matPrefix aria-hidden="true">search</mat-icon>
      <input
        #box
        matInput
        type="search"
        [value]="search()()"
        (input)="search().set(box.value)"
        [placeholder]="placeholder()"
        autocomplete="off"
      />
    </mat-form-field>
  `,
  styles: ':host { display: contents; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SearchFilter {
  readonly label = input.required<string>();
  readonly placeholder = input('');
  /** What is typed (`UrlListState.search`). */
  readonly search = input.required<WritableSignal<string>>();
}
