import { DatePipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { type OfferSnapshotSummary, type Page, PAGE_SIZE_MAX, type SnapshotComparison } from '@maillage/shared/domain';
import { errorMessages } from '@maillage/web/util';
import { comparisonSections, formatCount, formatDifference, OFFER_SNAPSHOTS_URL } from './offer-snapshots-api';

/** Two snapshots side by side (`?a=<older>&b=<newer>`), each figure with its change, coloured. */
@Component({
  selector: 'app-snapshot-compare-page',
  imports: [
    DatePipe,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSlideToggleModule,
    RouterLink,
  ],
  templateUrl: './snapshot-compare-page.html',
  styleUrl: './snapshot-compare-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SnapshotComparePage {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  /** Query parameters: the reference snapshot and the one compared to it. */
  readonly a = input<string>();
  readonly b = input<string>();

  protected readonly count = formatCount;
  protected readonly signed = formatDifference;
  protected readonly changedOnly = signal(false);

  protected readonly list = httpResource<Page<OfferSnapshotSummary>>(() => ({
    url: OFFER_SNAPSHOTS_URL,
    params: { page: 1, pageSize: PAGE_SIZE_MAX, sort: 'takenOn:desc' },
  }));
  protected readonly options = computed(() => (this.list.hasValue() ? this.list.value().items : []));

  protected readonly comparison = httpResource<SnapshotComparison>(() => {
    const a = this.a();
    const b = this.b();
    return a && b && a !== b ? { url: `${OFFER_SNAPSHOTS_URL}/compare`, params: { a, b } } : undefined;
  });
  protected readonly result = computed(() => (this.comparison.hasValue() ? this.comparison.value() : undefined));
  protected readonly sections = computed(() => {
    const r = this.result();
    return r ? comparisonSections(r.rows, this.changedOnly()) : [];
  });
  protected readonly loadError = computed(() => {
    const error = this.comparison.error() ?? this.list.error();
    return error ? errorMessages(error).join(' ') : null;
  });
  protected readonly same = computed(() => !!this.a() && this.a() === this.b());

  constructor() {
    // Opened without a choice: compare the two latest snapshots (the link then says which).
    effect(() => {
      const items = this.options();
      if (this.a() || this.b() || items.length < 2) return;
      void this.router.navigate([], {
        relativeTo: this.route,
        queryParams: { a: items[1].id, b: items[0].id },
        replaceUrl: true,
      });
    });
  }

  protected pick(side: 'a' | 'b', id: string): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { [side]: id },
      queryParamsHandling: 'merge',
    });
  }

  protected swap(): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: { a: this.b(), b: this.a() } });
  }

  protected optionLabel(s: OfferSnapshotSummary): string {
    const [y, m, d] = s.takenOn.split('-');
    return `${d}/${m}/${y} — ${s.title}`;
  }
}
