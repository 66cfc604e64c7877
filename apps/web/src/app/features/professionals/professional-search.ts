import { httpResource, type HttpResourceRef } from '@angular/common/http';
import { computed, type Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { AbstractControl } from '@angular/forms';
import type { Page, ProfessionalSummary } from '@maillage/shared/domain';
import { debounceTime, distinctUntilChanged, filter, map } from 'rxjs';
import { PROFESSIONALS_URL } from './professionals-api';

export interface ProfessionalSearch {
  /** The registry's answer for what is typed (none under 2 characters). */
  readonly matches: HttpResourceRef<Page<ProfessionalSummary> | undefined>;
  /** The professionals to offer in the picker's list: 10 at most. */
  readonly options: Signal<readonly ProfessionalSummary[]>;
}

/**
 * Professionals of the registry matching what is typed in a picker's box (by name or RPPS, from
 * 2 characters, 250 ms after the last key); picking one in the list starts no search. Called
 * where `inject` works (a field initializer of a component).
 */
export function professionalSearch(control: AbstractControl<ProfessionalSummary | string | null>): ProfessionalSearch {
  const typed = toSignal(
    control.valueChanges.pipe(
      filter((v): v is string => typeof v === 'string'),
      map((v) => v.trim()),
      debounceTime(250),
      distinctUntilChanged(),
    ),
    { initialValue: '' },
  );
  const matches = httpResource<Page<ProfessionalSummary>>(() =>
    typed().length >= 2 ? { url: PROFESSIONALS_URL, params: { q: typed(), page: 1, pageSize: 10 } } : undefined,
  );
  const options = computed(() => (matches.hasValue() ? matches.value().items : []));
  return { matches, options };
}
