import { computed, signal } from '@angular/core';

/**
 * The rows chosen in a list for a bulk action: some ids, or every record matching the list's
 * filters (`allMatching`, sent to the API as the filters themselves). `bulkTarget()` is the
 * selection part of the API body.
 */
export class RowSelection {
  private readonly chosen = signal<ReadonlySet<string>>(new Set());
  /** Every record matching the filters, beyond the page shown. */
  readonly allMatching = signal(false);
  readonly ids = computed(() => [...this.chosen()]);

  has(id: string): boolean {
    return this.allMatching() || this.chosen().has(id);
  }

  toggle(id: string, on: boolean): void {
    this.allMatching.set(false);
    const next = new Set(this.chosen());
    if (on) next.add(id);
    else next.delete(id);
    this.chosen.set(next);
  }

  /** The page's header checkbox: all of its rows, or none. */
  togglePage(ids: readonly string[], on: boolean): void {
    this.allMatching.set(false);
    const next = new Set(this.chosen());
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    this.chosen.set(next);
  }

  pageState(ids: readonly string[]): 'all' | 'some' | 'none' {
    if (ids.length === 0) return 'none';
    const count = ids.filter((id) => this.has(id)).length;
    return count === ids.length ? 'all' : count > 0 ? 'some' : 'none';
  }

  /** How many records the action will touch (`total`: the records matching the filters). */
  count(total: number): number {
    return this.allMatching() ? total : this.chosen().size;
  }

  clear(): void {
    this.allMatching.set(false);
    this.chosen.set(new Set());
  }

  /** `{ ids }` or `{ filters }` of a bulk request. */
  bulkTarget(filters: Record<string, unknown>): { ids: string[] } | { filters: Record<string, unknown> } {
    return this.allMatching() ? { filters } : { ids: this.ids() };
  }
}
