import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { of } from 'rxjs';
import { exportHref, ListShell } from './list-shell';

@Component({
  imports: [ListShell],
  template: `
    <ui-list-shell
      heading="Terrains de stage"
      lead="Les terrains."
      [count]="count()"
      [activeFilters]="active()"
      [error]="error()"
      [total]="120"
      [page]="2"
      [pageSize]="25"
      paginatorLabel="Pages de terrains"
      exportUrl="/api/exports/sites"
      (clearFilters)="cleared = cleared + 1"
      (retry)="retried = retried + 1"
    >
      <button uiListActions type="button">Nouveau terrain</button>
      <label uiListFilters>Statut <input /></label>
      <table aria-label="Terrains"></table>
    </ui-list-shell>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly count = signal('120 terrains trouvés.');
  readonly active = signal(2);
  readonly error = signal<unknown>(undefined);
  cleared = 0;
  retried = 0;
}

describe('ListShell', () => {
  let fixture: ComponentFixture<Host>;
  let root: HTMLElement;

  function render(phone: boolean): void {
    TestBed.configureTestingModule({
      imports: [Host],
      providers: [
        provideNoopAnimations(),
        provideRouter([]),
        { provide: BreakpointObserver, useValue: { observe: () => of({ matches: phone, breakpoints: {} }) } },
      ],
    });
    fixture = TestBed.createComponent(Host);
    root = fixture.nativeElement;
    fixture.detectChanges();
  }

  const filters = () => root.querySelector('section.filters') as HTMLElement;
  const toggle = () => root.querySelector('button.filters-toggle') as HTMLButtonElement | null;

  it('frames the list: title, lead, actions, filters, count, table and paginator', () => {
    render(false);
    expect(root.querySelector('h1')?.textContent).toBe('Terrains de stage');
    expect(root.querySelector('.page-actions')?.textContent).toContain('Nouveau terrain');
    expect(root.querySelector('[role="status"]')?.textContent).toContain('120 terrains trouvés.');
    expect(root.querySelector('.table-card table[aria-label="Terrains"]')).not.toBeNull();
    expect(root.querySelector('mat-paginator')?.getAttribute('aria-label')).toBe('Pages de terrains');
  });

  it('shows the filters on a desktop, without a « Filtres » button', () => {
    render(false);
    expect(filters().hidden).toBe(false);
    expect(toggle()).toBeNull();
  });

  it('folds the filters behind one « Filtres » button on a phone, with the number of active filters', () => {
    render(true);
    expect(filters().hidden).toBe(true);
    expect(toggle()?.textContent).toContain('Filtres (2 actifs)');
    expect(toggle()?.getAttribute('aria-expanded')).toBe('false');
    toggle()?.click();
    fixture.detectChanges();
    expect(filters().hidden).toBe(false);
    expect(toggle()?.getAttribute('aria-expanded')).toBe('true');
    expect(toggle()?.getAttribute('aria-controls')).toBe(filters().id);
  });

  it('clears the filters and retries a failed load on demand', () => {
    render(false);
    const clear = [...root.querySelectorAll('button')].find((b) => b.textContent?.includes('Effacer les filtres'));
    clear?.click();
    expect(fixture.componentInstance.cleared).toBe(1);
    fixture.componentInstance.error.set(new Error('réseau'));
    fixture.detectChanges();
    const retry = [...root.querySelectorAll('button')].find((b) => b.textContent?.includes('Réessayer'));
    retry?.click();
    expect(fixture.componentInstance.retried).toBe(1);
  });

  it('offers the list as CSV and XLSX with its filters, without paging', () => {
    render(false);
    const button = root.querySelector('button.export-button') as HTMLButtonElement;
    expect(button.getAttribute('aria-label')).toBe('Exporter la liste des résultats');
    button.click();
    fixture.detectChanges();
    const links = [...document.querySelectorAll('a[mat-menu-item]')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['/api/exports/sites?format=csv', '/api/exports/sites?format=xlsx']);
    expect(exportHref('/api/exports/sites', 'xlsx', { status: 'active', page: 3, pageSize: 25, q: 'é&x' })).toBe(
      '/api/exports/sites?format=xlsx&status=active&q=%C3%A9%26x',
    );
  });
});
