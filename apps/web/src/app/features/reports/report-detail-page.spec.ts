import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeFr from '@angular/common/locales/fr';
import { ChangeDetectionStrategy, Component, input, LOCALE_ID } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import type { AnnualReportDetail, Role } from '@maillage/shared/domain';
import { of } from 'rxjs';
import { provideSignedIn } from '../../core/auth/testing';
import { HistoryTimeline } from '../../shared/history-timeline/history-timeline';
import { ReportDetailPage } from './report-detail-page';
import { REPORT_CONFLICT_MESSAGE, REPORTS_URL } from './reports-api';
import { buildReport, REPORT_ID } from './testing';

registerLocaleData(localeFr);

@Component({
  selector: 'app-history-timeline',
  template: 'Historique du bilan',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class HistoryStub {
  readonly entityType = input.required<string>();
  readonly entityId = input.required<string>();
  readonly revision = input<unknown>(null);
}

const URL = `${REPORTS_URL}/${REPORT_ID}`;

describe('ReportDetailPage', () => {
  let fixture: ComponentFixture<ReportDetailPage>;
  let http: HttpTestingController;
  let root: HTMLElement;

  async function render(role: Role, report: AnnualReportDetail = buildReport()): Promise<void> {
    TestBed.configureTestingModule({
      imports: [ReportDetailPage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideNoopAnimations(),
        { provide: LOCALE_ID, useValue: 'fr' },
        provideSignedIn(role),
      ],
    });
    // The history has its own tests: here, only whether the page shows it.
    TestBed.overrideComponent(ReportDetailPage, {
      remove: { imports: [HistoryTimeline] },
      add: { imports: [HistoryStub] },
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ReportDetailPage);
    fixture.componentRef.setInput('id', REPORT_ID);
    root = fixture.nativeElement;
    fixture.detectChanges();
    await answer(report);
  }

  async function answer(report: AnnualReportDetail): Promise<void> {
    http.expectOne(URL).flush(report);
    await fixture.whenStable();
    fixture.detectChanges();
  }

  const settle = async () => {
    await fixture.whenStable();
    fixture.detectChanges();
  };
  afterEach(() => http.verify());

  const text = (el: Element = root) => (el.textContent ?? '').replace(/[\s\u202f\u00a0]+/g, ' ');
  const controls = () =>
    [...root.querySelectorAll('a, button')].map((b) => (b.textContent ?? '').replace(/\s+/g, ' ').trim());
  const button = (label: string) =>
    [...root.querySelectorAll('button')].find((b) => b.textContent?.includes(label)) as HTMLButtonElement;
  const dialogAnswers = (value: unknown) =>
    jest.spyOn(TestBed.inject(MatDialog), 'open').mockReturnValue({ afterClosed: () => of(value) } as never);

  it('shows the report to a committee member, read-only, with its downloads', async () => {
    await render(
      'committee',
      buildReport({ status: 'approved', presentedOn: '2026-03-10', approvedOn: '2026-03-12', frozen: true }),
    );
    expect(root.querySelector('h1')?.textContent).toContain('Rapport d’activité 2025');
    expect(text()).toContain('Approuvé');
    expect(text()).toContain('approuvé le 12 mars 2026');
    expect(text()).toContain('Chiffres figés à l’approbation');
    expect(text()).toContain('1. Introduction');
    expect([...root.querySelectorAll('.section p')].map((p) => p.textContent)).toEqual([
      'Premier paragraphe.',
      'Second paragraphe.',
    ]);
    // French numbers, euros for budgets, a total row.
    expect(text()).toContain('1 234');
    expect(text()).toContain('30 000 €');
    const totals = [...root.querySelectorAll('tfoot tr')].map((tr) =>
      [...tr.children].map((c) => text(c).trim()).filter((c) => c !== ''),
    );
    expect(totals).toEqual([
      ['Total', '1 851'],
      ['Total', '2', '30 000 €', '7 501 €'],
    ]);
    const pdf = [...root.querySelectorAll('a')].find((a) => a.textContent?.includes('Télécharger le PDF'));
    expect(pdf?.getAttribute('href')).toBe(`${URL}/export.pdf`);
    expect(pdf?.hasAttribute('download')).toBe(true);
    expect(controls()).toContain('table_view Télécharger le tableur (XLSX)');
    expect(controls().filter((c) => /Rédiger|Présenter|Approuver|Rouvrir|Nouveau/.test(c))).toEqual([]);
  });

  it('offers no edit to the Département on a draft either', async () => {
    await render('departement');
    expect(text()).toContain('Chiffres provisoires');
    expect(controls().filter((c) => /Rédiger|Présenter|Approuver/.test(c))).toEqual([]);
    // Readers see the written sections only.
    expect(text()).not.toContain('Section à rédiger');
  });

  it('lets the officer write the sections of a draft, sending the changes with the version', async () => {
    await render('mission_officer');
    expect(text()).toContain('Section à rédiger');
    button('Rédiger les sections').click();
    fixture.detectChanges();
    const areas = [...root.querySelectorAll('textarea')] as HTMLTextAreaElement[];
    expect(areas).toHaveLength(6);
    expect(areas[0].value).toBe('Premier paragraphe.\n\nSecond paragraphe.');
    areas[0].value = '';
    areas[0].dispatchEvent(new Event('input'));
    areas[5].value = '  Nos perspectives.  ';
    areas[5].dispatchEvent(new Event('input'));
    button('Enregistrer les sections').click();
    const req = http.expectOne(URL);
    expect(req.request.method).toBe('PATCH');
    expect(req.request.body).toEqual({ version: 3, sections: { introduction: null, outlook: 'Nos perspectives.' } });
    req.flush(buildReport({ version: 4, sections: { outlook: 'Nos perspectives.' } }));
    await settle();
    expect(root.querySelectorAll('textarea')).toHaveLength(0);
    expect(text()).toContain('Nos perspectives.');
  });

  it('on a 409, says the report changed and reloads it on demand', async () => {
    await render('mission_officer');
    button('Rédiger les sections').click();
    fixture.detectChanges();
    const area = root.querySelector('textarea') as HTMLTextAreaElement;
    area.value = 'Autre texte.';
    area.dispatchEvent(new Event('input'));
    button('Enregistrer les sections').click();
    http
      .expectOne(URL)
      .flush(
        { statusCode: 409, code: 'VERSION_CONFLICT', message: 'Modifié entre-temps.' },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain(REPORT_CONFLICT_MESSAGE);
    button('Recharger le bilan').click();
    fixture.detectChanges();
    await answer(buildReport({ version: 5 }));
    expect(text()).not.toContain(REPORT_CONFLICT_MESSAGE);
  });

  it('presents a draft to the committee at the date chosen', async () => {
    await render('mission_officer');
    const open = dialogAnswers({ date: '2026-03-10', confirmed: false });
    button('Présenter au comité').click();
    expect(open).toHaveBeenCalled();
    const req = http.expectOne(`${URL}/present`);
    expect(req.request.body).toEqual({ version: 3, presentedOn: '2026-03-10' });
    req.flush(buildReport({ status: 'presented', presentedOn: '2026-03-10', version: 4 }));
    await settle();
    expect(controls()).toEqual(expect.arrayContaining(['verified Approuver', 'undo Rouvrir le brouillon']));
  });

  it('approves a presented report after a confirmation that explains the freeze; cancelling sends nothing', async () => {
    await render('mission_officer', buildReport({ status: 'presented', presentedOn: '2026-03-10' }));
    const open = dialogAnswers(undefined);
    button('Approuver').click();
    const data = (open.mock.calls[0][1] as { data: { message: string; min: string; gaps: string[] } }).data;
    expect(data.message).toContain('figés');
    expect(data.min).toBe('2026-03-10');
    // 5 of the 6 sections are empty: the dialog lists them and asks for the explicit confirmation.
    expect(data.gaps[0]).toMatch(/^5 sections sur 6 sont vides \(« Promotion de la maîtrise de stage universitaire »/);
    http.expectNone(`${URL}/approve`);

    open.mockReturnValue({ afterClosed: () => of({ date: '2026-03-12', confirmed: true }) } as never);
    button('Approuver').click();
    const req = http.expectOne(`${URL}/approve`);
    expect(req.request.body).toEqual({ version: 3, approvedOn: '2026-03-12', confirmIncomplete: true });
    req.flush(buildReport({ status: 'approved', approvedOn: '2026-03-12', frozen: true, version: 4 }));
    await settle();
    expect(text()).toContain('Chiffres figés à l’approbation');
    expect(controls().filter((c) => /Approuver|Rouvrir|Présenter/.test(c))).toEqual([]);
  });

  it('shows the API’s reason when a step is refused', async () => {
    await render('mission_officer', buildReport({ status: 'presented', presentedOn: '2026-03-10' }));
    button('Rouvrir le brouillon').click();
    http
      .expectOne(`${URL}/reopen`)
      .flush(
        { statusCode: 409, code: 'INVALID_STATE', message: 'Seul un rapport présenté peut être rouvert.' },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('Seul un rapport présenté peut être rouvert.');
  });
});
