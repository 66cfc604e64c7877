import { HttpClient } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  HostListener,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatIconModule } from '@angular/material/icon';
import { Router } from '@angular/router';
import { SEARCH_QUERY_MIN, type SearchHit, type SearchResponse } from '@maillage/shared/domain';
import { catchError, debounceTime, distinctUntilChanged, map, of, switchMap } from 'rxjs';

export const SEARCH_URL = '/api/search';

/** Whether a key press happens while typing somewhere (then `/` is a character, not the shortcut). */
function typingIn(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (/^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName) || element.isContentEditable);
}

/**
 * The header's one search box (shortcut `/`): professionals, sites, communes, referrals, visits
 * and meetings the role may read, grouped by kind; arrows move through the results, Entrée opens one.
 */
@Component({
  selector: 'app-search-box',
  imports: [ReactiveFormsModule, MatAutocompleteModule, MatIconModule],
  template: `
    <div class="search-box" role="search">
      <mat-icon aria-hidden="true" class="search-icon">search</mat-icon>
      <input
        #input
        type="search"
        class="search-input"
        [formControl]="query"
        [matAutocomplete]="auto"
        aria-label="Rechercher (raccourci : /)"
        placeholder="Rechercher…"
        autocomplete="off"
        spellcheck="false"
      />
      <kbd class="shortcut" aria-hidden="true">/</kbd>
    </div>
    <mat-autocomplete
      #auto="matAutocomplete"
      class="search-panel"
      [autoActiveFirstOption]="true"
      (optionSelected)="go($event)"
      [displayWith]="keepText"
    >
      @for (group of result()?.groups ?? []; track group.kind) {
        <mat-optgroup [label]="group.label">
          @for (hit of group.hits; track hit.id) {
            <mat-option [value]="hit">
              <span class="hit-title">{{ hit.title }}</span>
              @if (hit.subtitle) {
                <span class="hit-subtitle"> · {{ hit.subtitle }}</span>
              }
            </mat-option>
          }
          @if (group.more && group.listLink) {
            <mat-option
              [value]="{ id: group.kind + '-more', title: '', subtitle: null, link: group.listLink, score: 0 }"
            >
              <span class="hit-more">Voir tous les résultats : {{ group.label.toLowerCase() }}</span>
            </mat-option>
          }
        </mat-optgroup>
      }
      @if (result(); as r) {
        @if (r.groups.length === 0) {
          <mat-option disabled>Aucun résultat pour « {{ r.q }} ».</mat-option>
        }
      }
    </mat-autocomplete>
  `,
  styleUrl: './search-box.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SearchBox {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly input = viewChild.required<ElementRef<HTMLInputElement>>('input');

  protected readonly query = new FormControl<string | SearchHit>('', { nonNullable: true });
  protected readonly result = signal<SearchResponse | null>(null);

  constructor() {
    this.query.valueChanges
      .pipe(
        map((value) => (typeof value === 'string' ? value.trim() : null)),
        debounceTime(200),
        distinctUntilChanged(),
        switchMap((q) =>
          q === null || q.length < SEARCH_QUERY_MIN
            ? of(null)
            : this.http.get<SearchResponse>(SEARCH_URL, { params: { q } }).pipe(catchError(() => of(null))),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((response) => this.result.set(response));
  }

  /** The field keeps what was typed when an option is highlighted or chosen. */
  protected readonly keepText = (value: string | SearchHit | null): string =>
    typeof value === 'string' ? value : (value?.title ?? '');

  @HostListener('document:keydown', ['$event'])
  protected onKey(event: KeyboardEvent): void {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target)) return;
    event.preventDefault();
    this.input().nativeElement.focus();
  }

  protected go(event: MatAutocompleteSelectedEvent): void {
    const hit = event.option.value as SearchHit;
    this.query.setValue('', { emitEvent: false });
    this.result.set(null);
    this.input().nativeElement.blur();
    void this.router.navigateByUrl(hit.link);
  }
}
