import type { Dashboard } from '@maillage/shared/domain';
import {
  type DashboardChartOption,
  funnelChart,
  intentsChart,
  issuesByCategoryChart,
  issuesTrendChart,
  placesChart,
  referralsChart,
  visitsChart,
} from './dashboard-charts';
import { buildDashboard } from './testing';

type Series = { type: string; name?: string; data: unknown[] };

function series(option: DashboardChartOption): Series[] {
  return option['series'] as Series[];
}

/** Bar and line data are numbers or `{ value }` items. */
function values(s: Series): number[] {
  return s.data.map((item) => (typeof item === 'number' ? item : (item as { value: number }).value));
}

describe('dashboard charts', () => {
  const d: Dashboard = buildDashboard();

  it('describe themselves in French for screen readers and do not animate', () => {
    for (const build of [
      funnelChart,
      placesChart,
      visitsChart,
      issuesByCategoryChart,
      issuesTrendChart,
      referralsChart,
      intentsChart,
    ]) {
      const option = build(d);
      expect(option['animation']).toBe(false);
      expect((option['aria'] as { label: { description: string } }).label.description).toMatch(/^[A-ZÉ].+\.$/);
    }
  });

  it('draws the funnel from the stages reached, in order', () => {
    const [funnel] = series(funnelChart(d));
    expect(funnel.type).toBe('funnel');
    expect(funnel.data.map((item) => (item as { name: string }).name)).toEqual([
      'Identifié',
      'Contacté',
      'Intéressé',
      'En formation MSU',
      'Dossier déposé',
      'Agréé',
      'MSU actif',
    ]);
    expect(values(funnel)).toEqual([208, 148, 128, 112, 98, 88, 62]);
  });

  it('draws the places, the visits and the referrals as bars', () => {
    expect(values(series(placesChart(d))[0])).toEqual([142, 169]);
    expect(values(series(visitsChart(d))[0])).toEqual([41, 37, 4, 2]);
    expect(values(series(referralsChart(d))[0])).toEqual([4, 4, 4, 3, 0, 2]);
  });

  it('leaves the categories without any issue out of the chart', () => {
    const quiet = buildDashboard({
      accessIssues: {
        ...d.accessIssues,
        byCategory: [...d.accessIssues.byCategory, { category: 'safety', label: 'Sécurité', open: 0, raised: 0 }],
      },
    });
    const option = issuesByCategoryChart(quiet);
    expect((option['yAxis'] as { data: string[] }).data).toEqual([
      'Transports en commun',
      'Logement',
      'Informatique et logiciels',
    ]);
    const [open, raised] = series(option);
    expect([open.name, raised.name]).toEqual(['Ouvertes aujourd’hui', 'Signalées sur la période']);
    expect(values(open)).toEqual([8, 7, 4]);
    expect(values(raised)).toEqual([11, 13, 5]);
  });

  it('draws the monthly trend with short French months', () => {
    const option = issuesTrendChart(d);
    expect((option['xAxis'] as { data: string[] }).data).toEqual(['janv.', 'févr.', 'mars']);
    expect(values(series(option)[0])).toEqual([5, 10, 14]);
  });

  it('draws the intents as a donut without the empty statuses, total in the middle', () => {
    const option = intentsChart(
      buildDashboard({
        intents: {
          total: 9,
          byStatus: [
            { status: 'intention', label: 'Intention', count: 9 },
            { status: 'abandoned', label: 'Abandonné', count: 0 },
          ],
        },
      }),
    );
    expect(series(option)[0].data).toEqual([{ name: 'Intention', value: 9, itemStyle: { color: '#8fcef7' } }]);
    expect(option['title']).toMatchObject({ text: '9', subtext: 'projets' });
  });
});
