import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeFr from '@angular/common/locales/fr';
import { LOCALE_ID } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import type { AnnualReportSummary, Role } from '@maillage/shared/domain';
import { provideSignedIn } from '../../core/auth/testing';
import { REPORTS_URL } from './reports-api';
import { ReportsPage } from './reports-page';
import { buildSummary } from './testing';

registerLocaleData(localeFr);

const REPORTS = [
  buildSummary({ id: 'r-2026', year: 2026, title: 'Rapport d’activité 2026', status: 'draft' }),
  buildSummary({
    id: 'r-2025',
    year: 2025,
    status: 'approved',
    presentedOn: '2026-03-10',
    approvedOn: '2026-03-12',
  }),
  buildSummary({
    id: 'r-2024',
    year: 2024,
    title: 'Rapport d’activité 2024',
    status: 'approved',
    approvedOn: '2025-03-14',
  }),
];

describe('ReportsPage', () => {
  let fixture: ComponentFixture<ReportsPage>;
  let http: HttpTestingController;
  let root: HTMLElement;

  async function render(role: Role, reports: AnnualReportSummary[] = REPORTS): Promise<void> {
    TestBed.configureTestingModule({
      imports: [ReportsPage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideNoopAnimations(),
        { provide: LOCALE_ID, useValue: 'fr' },
        provideSignedIn(role),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ReportsPage);
    root = fixture.nativeElement;
    fixture.detectChanges();
    http.expectOne(REPORTS_URL).flush(reports);
    await fixture.whenStable();
    fixture.detectChanges();
  }
  afterEach(() => http.verify());

  const text = (el: Element | null = root) => (el?.textContent ?? '').replace(/[\s\u202f\u00a0]+/g, ' ');

  it('puts the latest approved report first, with its downloads', async () => {
    await render('committee');
    const latest = root.querySelector('.latest');
    expect(text(latest)).toContain('Dernier bilan approuvé');
    expect(text(latest)).toContain('Rapport d’activité 2025');
    expect(text(latest)).toContain('approuvé le 12 mars 2026');
    const pdf = [...(latest?.querySelectorAll('a') ?? [])].find((a) => a.textContent?.includes('Télécharger le PDF'));
    expect(pdf?.getAttribute('href')).toBe(`${REPORTS_URL}/r-2025/export.pdf`);
  });

  it('lists every year with its status and date', async () => {
    await render('committee');
    const cards = [...root.querySelectorAll('.year-card')].map((card) => ({
      year: text(card.querySelector('.year')),
      status: text(card.querySelector('ui-status-badge')).trim(),
      dates: text(card.querySelector('.dates')).trim(),
      href: card.getAttribute('href'),
    }));
    expect(cards).toEqual([
      { year: '2026', status: 'edit_noteBrouillon', dates: 'Modifié le 01/02/2026', href: '/r-2026' },
      { year: '2025', status: 'verifiedApprouvé', dates: 'Approuvé le 12/03/2026', href: '/r-2025' },
      { year: '2024', status: 'verifiedApprouvé', dates: 'Approuvé le 14/03/2025', href: '/r-2024' },
    ]);
    expect(text()).not.toContain('Nouveau bilan');
  });

  it('lets the mission officer open a new draft; without an approved report there is no highlight', async () => {
    await render('mission_officer', [REPORTS[0]]);
    expect(text()).toContain('Nouveau bilan');
    expect(root.querySelector('.latest')).toBeNull();
  });
});
