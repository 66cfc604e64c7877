import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  contentChild,
  Directive,
  inject,
  input,
  output,
  TemplateRef,
} from '@angular/core';
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
 * The matches of a `ui-chip-picker` and how an option is drawn, typed by them:
 * `<ng-template [uiPickerOptions]="siteOptions()" let-site>{{ site.name }}</ng-template>`.
 */
@Directive({ selector: 'ng-template[uiPickerOptions]' })
export class PickerOptions<T> {
  readonly uiPickerOptions = input.required<readonly T[]>();
  readonly template = inject<TemplateRef<{ $implicit: T }>>(TemplateRef);

  static ngTemplateContextGuard<T>(_options: PickerOptions<T>, _context: unknown): _context is { $implicit: T } {
    return true;
  }
}

/**
 * Several records chosen by searching (the sites of a measure, the measures that resolved an issue):
 * the chosen ones as removable chips, a search box and the matches to pick from. The page keeps the
 * search (`search`, which drives its request), the chosen items (`chosen`) and the matches, given
 * with the template that draws one (`PickerOptions`); the picker tells it what is `picked` (then
 * empties the box) and `removed`.
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
        [placeholder]="searchPlaceholder()"
        autocomplete="off"
      />
      <mat-autocomplete #auto="matAutocomplete" [displayWith]="displayNothing" (optionSelected)="pick($event)">
        @for (option of matches().uiPickerOptions(); track option.id) {
          <mat-option [value]="option">
            <ng-container *ngTemplateOutlet="matches().template; context: { $implicit: option }" />
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
  /** The search box's placeholder (not `placeholder`: the host would carry it too). */
  readonly searchPlaceholder = input('');
  readonly hint = input('');
  /** An option saying that nothing matches, when the matches are empty. */
  readonly emptyLabel = input('');
  readonly chosen = input.required<readonly PickedItem[]>();
  /** The search box's control: the page reads what is typed from it. */
  readonly search = input.required<FormControl<string | T>>();

  readonly picked = output<T>();
  readonly removed = output<string>();

  protected readonly matches = contentChild.required<PickerOptions<T>>(PickerOptions);
  /** The box empties once an option is picked: the choice shows as a chip. */
  protected readonly displayNothing = () => '';

  protected pick(event: MatAutocompleteSelectedEvent): void {
    this.picked.emit(event.option.value as T);
    this.search().setValue('');
  }
}
