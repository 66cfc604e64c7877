import {
  funnelTable,
  intentsTable,
  issuesByCategoryTable,
  issuesTrendTable,
  placesTable,
  referralsTable,
  visitsTable,
} from './dashboard-tables';
import { buildDashboard } from './testing';

/** Intl's French spaces (narrow no-break) written as plain spaces, to keep expectations readable. */
const plain = (text: string): string => text.replace(/[\u202f\u00a0]/g, ' ');
const plainRows = (rows: Record<string, string>[]): Record<string, string>[] =>
  rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])));

describe('dashboard tables', () => {
  it('gives the funnel table with the share carried over from the previous stage', () => {
    const table = funnelTable(buildDashboard());
    expect(table.columns.map((c) => c.label)).toEqual([
      'Étape',
      'À cette étape',
      'Ont atteint l’étape',
      'Taux de passage',
    ]);
    expect(plainRows(table.rows).slice(0, 2)).toEqual([
      { stage: 'Identifié', count: '60', reached: '208', conversion: '—' },
      { stage: 'Contacté', count: '20', reached: '148', conversion: '71 %' },
    ]);
    expect(plainRows(table.rows).at(-1)).toEqual({
      stage: 'MSU actif',
      count: '62',
      reached: '62',
      conversion: '70 %',
    });
  });

  it('gives the other tables, with their totals', () => {
    const d = buildDashboard();
    expect(plainRows(placesTable(d).rows)).toEqual([
      {
        semester: 'Été 2027, hors docteurs juniors',
        offered: '142',
        requested: '169',
        gap: 'Manque : \u221227 places',
      },
      {
        semester: 'Docteurs juniors (4e année), à part',
        offered: '9',
        requested: '11',
        gap: 'Manque : \u22122 places',
      },
    ]);
    expect(visitsTable(d).rows.map((r) => r['count'])).toEqual(['41', '37', '4', '2']);
    expect(plain(visitsTable(d).footer?.['count'] ?? '')).toBe('90 %');

    const issues = issuesByCategoryTable(d);
    expect(issues.rows.map((r) => r['category'])).toEqual([
      'Transports en commun',
      'Logement',
      'Informatique et logiciels',
    ]);
    expect(issues.footer).toEqual({ category: 'Total', open: '19', raised: '29' });

    const trend = issuesTrendTable(d);
    expect(trend.rows).toEqual([
      { month: 'janvier 2026', raised: '5' },
      { month: 'février 2026', raised: '10' },
      { month: 'mars 2026', raised: '14' },
    ]);
    expect(trend.footer).toEqual({ month: 'Total', raised: '29' });

    const referrals = referralsTable(d);
    expect(plainRows(referrals.rows)[3]).toEqual({
      status: 'Converti (entré dans le parcours MSU)',
      count: '3',
      share: '18 %',
    });
    expect(plainRows([referrals.footer ?? {}])).toEqual([{ status: 'Total', count: '17', share: '100 %' }]);
    expect(plainRows(intentsTable(d).rows).map((r) => r['share'])).toEqual(['36 %', '32 %', '20 %', '12 %']);
  });
});
