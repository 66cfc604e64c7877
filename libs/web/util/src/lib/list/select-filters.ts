import type { ListDefinition } from './list-params';

/** How a select names its options: a table by value (`String(value)`), or a function. */
export type OptionLabels<V> = Readonly<Partial<Record<string, string>>> | ((value: V) => string);

/** The label of `value`: from the table or the function, else the value itself. */
export function optionLabel<V>(labels: OptionLabels<V> | null | undefined, value: V): string {
  if (typeof labels === 'function') return labels(value);
  return labels?.[String(value)] ?? String(value);
}

/** One select filter of a list page, ready to draw (`ui-select-filters`). */
export interface SelectFilterField {
  /** The key of the list state it sets. */
  readonly key: string;
  readonly label: string;
  /** The first option, `null`: no filter (« Tous les statuts »). */
  readonly allLabel: string;
  readonly options: readonly unknown[];
  readonly nameOf: (value: unknown) => string;
  /** A class for the form field (`filter-wide`). */
  readonly fieldClass: string;
}

/** How a page describes one select filter; its options are the codec's unless given. */
export interface SelectFilterInput<V> {
  label: string;
  all: string;
  labels?: OptionLabels<V>;
  options?: readonly V[];
  class?: string;
}

/**
 * The select filters of a list page, in the order given, each bound to a key of the list's state:
 * `selectFilters(SITE_LIST, { status: { label: 'Statut', all: 'Tous les statuts', labels: SITE_STATUS_LABELS } })`.
 * The options come from the filter's codec (`oneOfParam` values, yes/no) unless the page gives them.
 */
export function selectFilters<F, S extends string>(
  definition: ListDefinition<F, S>,
  fields: { [K in keyof F]?: SelectFilterInput<NonNullable<F[K]>> },
): SelectFilterField[] {
  return (Object.keys(fields) as (keyof F & string)[]).map((key) => {
    const field = fields[key] as SelectFilterInput<NonNullable<F[typeof key]>>;
    const options = field.options ?? definition.optionsOf(key);
    if (!options) throw new Error(`The filter "${key}" has no options: give them.`);
    return {
      key,
      label: field.label,
      allLabel: field.all,
      options,
      nameOf: (value: unknown) => optionLabel(field.labels, value as NonNullable<F[typeof key]>),
      fieldClass: field.class ?? '',
    };
  });
}
