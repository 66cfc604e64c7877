import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { Sort } from '@angular/material/sort';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import type { ListSort } from '@maillage/web/util';
import { of } from 'rxjs';
import { ListShell } from '../list-shell/list-shell';
import { DataTable, type TableColumn } from './data-table';

interface Row {
  id: string;
  name: string;
}

/** A list state as `UrlListState` offers it, reduced to what the shell and the table read. */
class FakeList {
  readonly definition = { pageSizes: [25], paged: false, hasDefaultSort: false };
  readonly sort = signal<ListSort | null>(null);
  state() {
    return { page: 1, pageSize: 25, sort: this.sort() };
  }
  activeFilterCount(): number {
    return 0;
  }
  clear(): void {
    // Nothing to clear.
  }
  onPage(): void {
    // One page.
  }
  onSort(event: Sort): void {
    this.sort.set(event.direction ? { field: event.active, direction: event.direction } : null);
  }
}

const page = (names: string[]) => ({ items: names.map((name, i) => ({ id: String(i), name })), total: names.length });

@Component({
  imports: [DataTable, ListShell],
  template: `
    <ui-list-shell heading="Terrains" [list]="list" [resource]="resource">
      <ui-data-table label="Terrains" [columns]="columns" />
      <ui-data-table label="Autres" [columns]="columns" [rows]="others" />
    </ui-list-shell>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly list = new FakeList();
  readonly value = signal(page(['Melun', 'Meaux']));
  readonly resource = {
    isLoading: () => false,
    error: () => undefined,
    reload: () => true,
    hasValue: () => true,
    value: () => this.value(),
  };
  readonly others: Row[] = [{ id: 'x', name: 'Provins' }];
  readonly columns: TableColumn<Row>[] = [{ key: 'name', header: 'Nom', text: (r) => r.name, sortable: true }];
}

describe('DataTable in a list shell', () => {
  let fixture: ComponentFixture<Host>;
  let root: HTMLElement;
  const cells = (label: string) =>
    [...root.querySelectorAll(`table[aria-label="${label}"] td`)].map((td) => td.textContent?.trim());

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [Host],
      providers: [
        provideNoopAnimations(),
        provideRouter([]),
        { provide: BreakpointObserver, useValue: { observe: () => of({ matches: false, breakpoints: {} }) } },
      ],
    });
    fixture = TestBed.createComponent(Host);
    root = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
  });

  it('shows the shell’s data without a resource of its own, and its own rows when given', () => {
    expect(cells('Terrains')).toEqual(['Melun', 'Meaux']);
    expect(cells('Autres')).toEqual(['Provins']);
    fixture.componentInstance.value.set(page(['Nemours']));
    fixture.detectChanges();
    expect(cells('Terrains')).toEqual(['Nemours']);
  });

  it('sorts the shell’s list when a header is clicked', () => {
    const header = root.querySelector(
      'table[aria-label="Terrains"] th [role="button"], table[aria-label="Terrains"] th',
    );
    (header as HTMLElement).click();
    fixture.detectChanges();
    expect(fixture.componentInstance.list.sort()).toEqual({ field: 'name', direction: 'asc' });
  });
});
