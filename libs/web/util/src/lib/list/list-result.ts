import { linkedSignal, type Signal } from '@angular/core';

/** What `httpResource` gives: a value once loaded. */
interface ValueSource<T> {
  hasValue(): boolean;
  value(): T | undefined;
}

/** The last value received, kept on screen while the next one loads (no blank table between pages). */
export function lastValue<T>(resource: ValueSource<T>): Signal<T | undefined> {
  return linkedSignal<T | undefined, T | undefined>({
    source: () => (resource.hasValue() ? resource.value() : undefined),
    computation: (next, previous) => next ?? previous?.value,
  });
}

/** The three ways a count reads: « Aucun terrain trouvé. », « 1 terrain trouvé. », « {n} terrains trouvés. ». */
export interface CountWords {
  none: string;
  one: string;
  /** `{n}` stands for the number, with French digit grouping. */
  many: string;
}

const NUMBERS = new Intl.NumberFormat('fr-FR');

/** The result count of a list ('' while nothing is known). */
export function countText(total: number | undefined | null, words: CountWords): string {
  if (total === undefined || total === null) return '';
  if (total === 0) return words.none;
  if (total === 1) return words.one;
  return words.many.replace('{n}', NUMBERS.format(total));
}
