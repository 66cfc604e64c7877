import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, contentChild, input, output, TemplateRef } from '@angular/core';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';

/** An item chosen in a `ui-chip-picker`: its id and the text of its chip. */
export interface PickedItem {
  readonly id: string;
  readonly label: string;
}

/**
 * Several records chosen by searching (the sites of a measure, the measures that resolved an issue):
 * the chosen ones as removable chips, a search box and the matches to pick from. The page keeps the
 * search (`search`, which drives its request), the matches (`options`) and the chosen items
 * (`chosen`); the picker tells it what is `picked` (then empties the box) and `removed`. An option
 * is drawn by the template given inside: `<ng-template let-site>{{ site.name }}</ng-template>`.
 */
@Component({
  selector: 'ui-chip-picker',
  imports: [
    MatAutocompleteModule,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    NgTemplateOutlet,
    ReactiveFormsModule,
  ],
  template: `
    <mat-form-field>
      <mat-label>{{ label() }}</mat-label>
      <mat-chip-grid #chips [attr.aria-label]="chipsLabel()">
        @for (item of chosen(); track item.id) {
          <mat-chip-row (removed)="removed.emit(item.id)">
            {{ item.label }}
            <button matChipRemove type="button" [attr.aria-label]="'Retirer ' + item.label">
              <mat-icon aria-hidden="true">cancel</mat-icon>
            </button>
          </mat-chip-row>
        }
      </mat-chip-grid>
      <input
        [formControl]="search()"
        [matChipInputFor]="chips"
        [matAutocomplete]="auto"
        [placeholder]="placeholder()"
        autocomplete="off"
      />
      <mat-autocomplete #auto="matAutocomplete" [displayWith]="displayNothing" (optionSelected)="pick($event)">
        @for (option of options(); track option.id) {
          <mat-option [value]="option">
            <ng-container *ngTemplateOutlet="optionTemplate(); context: { $implicit: option }" />
          </mat-option>
        } @empty {
          @if (emptyLabel()) {
            <mat-option disabled>{{ emptyLabel() }}</mat-option>
          }
        }
      </mat-autocomplete>
      @if (hint()) {
        <mat-hint>{{ hint() }}</mat-hint>
      }
    </mat-form-field>
  `,
  // The form field is the item of the form's row or column, like the form's other fields.
  styles: ':host { display: contents; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChipPicker<T extends { readonly id: string }> {
  readonly label = input.required<string>();
  /** The accessible name of the chosen chips (« Terrains choisis »). */
  readonly chipsLabel = input.required<string>();
  readonly placeholder = input('');
  readonly hint = input('');
  /** An option saying that nothing matches, when the matches are empty. */
  readonly emptyLabel = input('');
  readonly chosen = input.required<readonly PickedItem[]>();
  readonly options = input.required<readonly T[]>();
  /** The search box's control: the page reads what is typed from it. */
  readonly search = input.required<FormControl<string | T>>();

  readonly picked = output<T>();
  readonly removed = output<string>();

  protected readonly optionTemplate = contentChild.required<TemplateRef<{ $implicit: T }>>(TemplateRef);
  /** The box empties once an option is picked: the choice shows as a chip. */
  protected readonly displayNothing = () => '';

  protected pick(event: MatAutocompleteSelectedEvent): void {
    this.picked.emit(event.option.value as T);
    this.search().setValue('');
  }
}
