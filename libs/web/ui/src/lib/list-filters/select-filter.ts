import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { optionLabel, type OptionLabels, type SelectFilterField } from '@maillage/web/util';

/**
 * One choice among fixed options, with an « all » option first (`null`), for a page whose state is
 * not a `UrlListState` (those use `ui-select-filters`). `<ui-select-filter label="Statut" allLabel="Tous les statuts" [options]="statuses"
 * [labels]="statusLabels" [value]="list.state().status" (valueChange)="list.update({ status: $event })" />`
 */
@Component({
  selector: 'ui-select-filter',
  imports: [MatFormFieldModule, MatSelectModule],
  template: `
    <mat-form-field [class]="fieldClass()">
      <mat-label>{{ label() }}</mat-label>
      <mat-select [value]="value()" (valueChange)="valueChange.emit($event)">
        <mat-option [value]="null">{{ allLabel() }}</mat-option>
        @for (option of options(); track option) {
          <mat-option [value]="option">{{ nameOf(option) }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
  `,
  // The form field is the filter row's item: the list shell lays it out like the page's own fields.
  styles: ':host { display: contents; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SelectFilter<V> {
  readonly label = input.required<string>();
  /** The first option, which clears the filter (« Tous les statuts »). */
  readonly allLabel = input.required<string>();
  readonly options = input.required<readonly V[]>();
  readonly labels = input<OptionLabels<V> | null>(null);
  readonly value = input<V | null>(null);
  /** A class for the form field (`filter-wide`). */
  readonly fieldClass = input('');
  readonly valueChange = output<V | null>();

  protected nameOf(option: V): string {
    return optionLabel(this.labels(), option);
  }
}

/** What the filters need of a page's list state (`UrlListState` fits). */
export interface FilterableList {
  state(): object;
  update(changes: Readonly<Record<string, unknown>>): unknown;
}

/**
 * The select filters of a list page, described once in its code (`selectFilters(...)`) and bound
 * to its URL state: `<ui-select-filters [list]="list" [filters]="filters" />`.
 */
@Component({
  selector: 'ui-select-filters',
  imports: [SelectFilter],
  template: `
    @for (field of filters(); track field.key) {
      <ui-select-filter
        [label]="field.label"
        [allLabel]="field.allLabel"
        [options]="field.options"
        [labels]="field.nameOf"
        [fieldClass]="field.fieldClass"
        [value]="valueOf(field)"
        (valueChange)="change(field, $event)"
      />
    }
  `,
  styles: ':host { display: contents; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SelectFilters {
  readonly list = input.required<FilterableList>();
  readonly filters = input.required<readonly SelectFilterField[]>();

  protected valueOf(field: SelectFilterField): unknown {
    return (this.list().state() as Readonly<Record<string, unknown>>)[field.key] ?? null;
  }

  protected change(field: SelectFilterField, value: unknown): void {
    void this.list().update({ [field.key]: value });
  }
}
