import { HttpClient, httpResource, type HttpResourceRequest } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  ChangeDetectorRef,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  model,
  output,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { type ControlValueAccessor, FormControl, NgControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import type { ErrorStateMatcher } from '@angular/material/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import type { CommuneSummary, Page } from '@maillage/shared/domain';
import { FieldError } from '@maillage/web/ui';
import { debounceTime, distinctUntilChanged, filter, map } from 'rxjs';

export const COMMUNES_URL = '/api/communes';
/** Characters typed before the picker asks the API. */
export const COMMUNE_MIN_CHARS = 2;
const SUGGESTIONS = 10;

/** `GET /api/communes?q=&page=1&pageSize=10`, or nothing while the text is too short. */
export function communeSuggestionsRequest(text: string): HttpResourceRequest | undefined {
  const q = text.trim();
  if (q.length < COMMUNE_MIN_CHARS) return undefined;
  return { url: COMMUNES_URL, params: { q, page: 1, pageSize: SUGGESTIONS } };
}

/**
 * Picks a commune of the user's territory by name, INSEE code or postal code. Its value is the
 * INSEE code (`null` while no commune is chosen), so it works as a form control
 * (`formControlName="communeCode"`) or with a signal (`[(value)]="commune"`);
 * `communeChange` gives the whole commune (postal codes, EPCI, zonage) when one is picked.
 */
@Component({
  selector: 'app-commune-picker',
  imports: [
    MatAutocompleteModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    ReactiveFormsModule,
    FieldError,
  ],
  templateUrl: './commune-picker.html',
  styleUrl: './commune-picker.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CommunePicker implements ControlValueAccessor {
  private readonly http = inject(HttpClient);
  private readonly destroyRef = inject(DestroyRef);
  private readonly cdr = inject(ChangeDetectorRef);
  /** The form control bound to the picker, if any (the picker is then its value accessor). */
  protected readonly ngControl = inject(NgControl, { optional: true, self: true });

  readonly label = input('Commune');
  readonly hint = input<string | null>(null);
  readonly required = input(false);
  /** INSEE code of the chosen commune. */
  readonly value = model<string | null>(null);
  readonly communeChange = output<CommuneSummary | null>();

  /** What the box holds: the text being typed, or the chosen commune. */
  protected readonly text = new FormControl<string | CommuneSummary | null>(null);
  private readonly typed = toSignal(
    this.text.valueChanges.pipe(
      filter((v): v is string => typeof v === 'string'),
      map((v) => v.trim()),
      debounceTime(250),
      distinctUntilChanged(),
    ),
    { initialValue: '' },
  );
  protected readonly suggestions = httpResource<Page<CommuneSummary>>(() => communeSuggestionsRequest(this.typed()));
  protected readonly options = computed(() => (this.suggestions.hasValue() ? this.suggestions.value().items : []));
  protected readonly noMatch = computed(
    () => this.suggestions.hasValue() && this.suggestions.value().items.length === 0 && !this.suggestions.isLoading(),
  );
  protected readonly errorState: ErrorStateMatcher = {
    isErrorState: () => {
      const control = this.ngControl?.control;
      return !!control && control.invalid && control.touched;
    },
  };

  private selected: CommuneSummary | null = null;
  private onChange: (code: string | null) => void = () => undefined;
  private onTouched: () => void = () => undefined;

  constructor() {
    if (this.ngControl) this.ngControl.valueAccessor = this;
    // Typing after a choice undoes it: the box no longer names a commune.
    this.text.valueChanges.pipe(takeUntilDestroyed()).subscribe((v) => {
      if (typeof v === 'string' && this.selected) this.choose(null);
    });
    // A code set from outside (URL, form) is shown by its name.
    effect(() => {
      const code = this.value();
      untracked(() => this.show(code));
    });
  }

  protected readonly display = (v: string | CommuneSummary | null): string =>
    v === null ? '' : typeof v === 'string' ? v : v.name;

  protected onSelected(event: MatAutocompleteSelectedEvent): void {
    this.choose(event.option.value as CommuneSummary);
  }

  protected clear(): void {
    this.text.setValue(null, { emitEvent: false });
    this.choose(null);
  }

  protected onBlur(): void {
    this.onTouched();
  }

  writeValue(code: string | null): void {
    this.value.set(code || null);
  }

  registerOnChange(fn: (code: string | null) => void): void {
    this.onChange = fn;
  }

  registerOnTouched(fn: () => void): void {
    this.onTouched = fn;
  }

  setDisabledState(disabled: boolean): void {
    if (disabled) this.text.disable({ emitEvent: false });
    else this.text.enable({ emitEvent: false });
  }

  private choose(commune: CommuneSummary | null): void {
    this.selected = commune;
    const code = commune?.code ?? null;
    if (code !== this.value()) {
      this.value.set(code);
      this.onChange(code);
    }
    this.communeChange.emit(commune);
  }

  private show(code: string | null): void {
    if (code === (this.selected?.code ?? null)) return;
    if (code === null) {
      this.selected = null;
      // Keep what the user is typing; only a shown commune is cleared.
      if (typeof this.text.value !== 'string') this.text.setValue(null, { emitEvent: false });
      return;
    }
    this.http
      .get<CommuneSummary>(`${COMMUNES_URL}/${encodeURIComponent(code)}`)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (commune) => {
          if (this.value() !== commune.code) return;
          this.selected = commune;
          this.text.setValue(commune, { emitEvent: false });
          this.cdr.markForCheck();
        },
        // Unknown or out of the territory: show the code, so the user sees what is filtered.
        error: () => {
          this.text.setValue(code, { emitEvent: false });
          this.cdr.markForCheck();
        },
      });
  }
}
