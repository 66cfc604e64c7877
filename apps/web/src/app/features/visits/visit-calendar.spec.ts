import { registerLocaleData } from '@angular/common';
import localeFr from '@angular/common/locales/fr';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { SiteVisitSummary } from '@maillage/shared/domain';
import { VisitCalendar } from './visit-calendar';

registerLocaleData(localeFr);

function visit(overrides: Partial<SiteVisitSummary> = {}): SiteVisitSummary {
  return {
    id: 'v-1',
    version: 1,
    departementCode: '77',
    site: { id: 's-1', name: 'MSP des Deux Rivières', communeName: 'Melun' },
    purpose: 'follow_up',
    status: 'planned',
    plannedOn: '2026-11-10',
    plannedTime: '14:30',
    visitedOn: null,
    nextVisitOn: null,
    participants: [],
    archivedAt: null,
    updatedAt: '2026-11-01T09:00:00.000Z',
    ...overrides,
  };
}

describe('VisitCalendar', () => {
  let fixture: ComponentFixture<VisitCalendar>;
  let root: HTMLElement;
  let months: string[];

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [VisitCalendar], providers: [provideRouter([])] });
    fixture = TestBed.createComponent(VisitCalendar);
    fixture.componentRef.setInput('month', '2026-11');
    fixture.componentRef.setInput('visits', [
      visit(),
      visit({ id: 'v-2', status: 'done', plannedOn: '2026-11-03', plannedTime: null, purpose: 'accreditation' }),
    ]);
    months = [];
    fixture.componentInstance.monthChange.subscribe((m) => months.push(m));
    root = fixture.nativeElement;
    document.body.appendChild(root);
    await fixture.whenStable();
  });

  afterEach(() => root.remove());

  const cell = (iso: string) => root.querySelector<HTMLElement>(`td[data-iso="${iso}"]`) as HTMLElement;
  const press = (target: HTMLElement, key: string) =>
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));

  it('shows the weeks of the month, Monday first, with each visit as a link that says its status', () => {
    expect(root.querySelectorAll('tbody tr')).toHaveLength(6);
    expect(root.querySelector('th')?.getAttribute('abbr')).toBe('lundi');
    const links = [...root.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['/visites/v-2', '/visites/v-1']);
    expect(cell('2026-11-10').textContent).toContain('14:30');
    expect(cell('2026-11-10').textContent).toContain('Suivi · Planifiée');
    expect(cell('2026-11-03').textContent).toContain('Agrément · Réalisée');
    expect(cell('2026-11-10').getAttribute('aria-label')).toBe('mardi 10 novembre 2026, 1 visite');
    expect(cell('2026-10-26').classList).toContain('outside');
  });

  it('moves the focus with the arrows and asks for the next month past its end', async () => {
    const start = cell('2026-11-10');
    start.focus();
    press(start, 'ArrowRight');
    expect(document.activeElement).toBe(cell('2026-11-11'));
    press(cell('2026-11-11'), 'ArrowDown');
    expect(document.activeElement).toBe(cell('2026-11-18'));
    press(cell('2026-11-18'), 'Home');
    expect(document.activeElement).toBe(cell('2026-11-16'));
    await fixture.whenStable();
    expect(cell('2026-11-16').getAttribute('tabindex')).toBe('0');
    expect(cell('2026-11-10').getAttribute('tabindex')).toBe('-1');

    press(cell('2026-11-30'), 'ArrowRight');
    expect(months).toEqual(['2026-12']);
    fixture.componentRef.setInput('month', '2026-12');
    await fixture.whenStable();
    expect(document.activeElement?.getAttribute('data-iso')).toBe('2026-12-01');
  });
});
