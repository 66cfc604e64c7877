import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { formatFigure, latestApproved, reportPdfUrl, REPORTS_URL, ReportsApi, reportXlsxUrl } from './reports-api';
import { buildReport, buildSummary, REPORT_ID } from './testing';

const nbsp = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

describe('reports API helpers', () => {
  it.each([
    ['visits', 0, 1234, '1 234'],
    ['measures', 0, 12, '12'],
    ['measures', 1, 30000, '30 000 €'],
    ['measures', 2, 7500.5, '7 501 €'],
  ])('formats a %s value of column %i in French', (key, column, value, expected) => {
    expect(nbsp(formatFigure({ key }, column, value))).toBe(expected);
  });

  it('finds the latest approved report, whatever the order', () => {
    const reports = [
      buildSummary({ id: 'a', year: 2026, status: 'draft' }),
      buildSummary({ id: 'b', year: 2024, status: 'approved' }),
      buildSummary({ id: 'c', year: 2025, status: 'approved' }),
      buildSummary({ id: 'd', year: 2023, status: 'presented' }),
    ];
    expect(latestApproved(reports)?.id).toBe('c');
    expect(latestApproved(reports.filter((r) => r.status !== 'approved'))).toBeNull();
  });

  it('links the exports', () => {
    expect(reportPdfUrl(REPORT_ID)).toBe(`${REPORTS_URL}/${REPORT_ID}/export.pdf`);
    expect(reportXlsxUrl(REPORT_ID)).toBe(`${REPORTS_URL}/${REPORT_ID}/export.xlsx`);
  });
});

describe('ReportsApi', () => {
  let api: ReportsApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(ReportsApi);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  it.each([
    ['updateSections', `${REPORTS_URL}/${REPORT_ID}`, 'PATCH', { version: 3, sections: { outlook: null } }],
    ['present', `${REPORTS_URL}/${REPORT_ID}/present`, 'POST', { version: 3, presentedOn: '2026-03-10' }],
    ['approve', `${REPORTS_URL}/${REPORT_ID}/approve`, 'POST', { version: 3, approvedOn: '2026-03-10' }],
    ['reopen', `${REPORTS_URL}/${REPORT_ID}/reopen`, 'POST', { version: 3 }],
  ] as const)('%s sends the version read (body and If-Match)', async (method, url, verb, body) => {
    const report = buildReport();
    const call =
      method === 'updateSections'
        ? api.updateSections(report, { outlook: null })
        : method === 'reopen'
          ? api.reopen(report)
          : api[method](report, '2026-03-10');
    const answer = firstValueFrom(call);
    const req = http.expectOne(url);
    expect(req.request.method).toBe(verb);
    expect(req.request.body).toEqual(body);
    expect(req.request.headers.get('If-Match')).toBe('"3"');
    req.flush(buildReport({ version: 4 }));
    expect((await answer).version).toBe(4);
  });

  it('creates a draft for a year', async () => {
    const answer = firstValueFrom(api.create({ year: 2026 }));
    const req = http.expectOne(REPORTS_URL);
    expect([req.request.method, req.request.body]).toEqual(['POST', { year: 2026 }]);
    req.flush(buildReport({ year: 2026 }));
    expect((await answer).year).toBe(2026);
  });
});
