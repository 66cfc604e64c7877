import { DecimalPipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, linkedSignal, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { type PageEvent, MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import {
  type CommuneSummary,
  type Page,
  type Zonage,
  PAGE_SIZE_DEFAULT,
  ZONAGE_LABELS,
  ZONAGE_SHORT_LABELS,
} from '@maillage/shared/domain';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';
import { errorMessages } from '../../core/http/api-error';
import { communesRequest } from './communes-request';

/** Communes of the territory: search, population, EPCI and ARS zonage. */
@Component({
  selector: 'app-territory-page',
  imports: [
    DecimalPipe,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatTableModule,
  ],
  templateUrl: './territory-page.html',
  styleUrl: './territory-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TerritoryPage {
  protected readonly columns = ['code', 'name', 'epci', 'population', 'zonage', 'hasContour'];

  protected readonly search = signal('');
  private readonly q = toSignal(
    toObservable(this.search).pipe(
      map((text) => text.trim()),
      debounceTime(300),
      distinctUntilChanged(),
    ),
    { initialValue: '' },
  );
  protected readonly pageSize = signal(PAGE_SIZE_DEFAULT);
  protected readonly pageIndex = linkedSignal({
    source: () => [this.q(), this.pageSize()],
    computation: () => 0,
  });

  protected readonly communes = httpResource<Page<CommuneSummary>>(() =>
    communesRequest({ q: this.q(), page: this.pageIndex() + 1, pageSize: this.pageSize() }),
  );
  protected readonly page = linkedSignal<Page<CommuneSummary> | undefined, Page<CommuneSummary> | undefined>({
    source: () => (this.communes.hasValue() ? this.communes.value() : undefined),
    computation: (next, previous) => next ?? previous?.value,
  });
  protected readonly loadError = computed(() => {
    const error = this.communes.error();
    return error ? errorMessages(error).join(' ') : null;
  });
  /** Announced to screen readers once a search has answered. */
  protected readonly resultText = computed(() => {
    const page = this.page();
    if (!page) return '';
    if (page.total === 0) return 'Aucune commune trouvée.';
    return page.total === 1 ? '1 commune trouvée.' : `${page.total.toLocaleString('fr-FR')} communes trouvées.`;
  });

  protected zonageShortLabel(zonage: Zonage): string {
    return ZONAGE_SHORT_LABELS[zonage];
  }

  protected zonageLabel(zonage: Zonage): string {
    return ZONAGE_LABELS[zonage];
  }

  protected onPage(event: PageEvent): void {
    this.pageSize.set(event.pageSize);
    this.pageIndex.set(event.pageIndex);
  }
}
