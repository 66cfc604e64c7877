import { chartAria } from './chart-aria';

describe('chartAria', () => {
  it('gives the chart its French description, patterns on demand', () => {
    expect(chartAria('Places offertes par semestre.', { decal: true })).toEqual({
      enabled: true,
      label: { description: 'Places offertes par semestre.' },
      decal: { show: true },
    });
  });

  it('refuses a chart without description (ECharts would speak English)', () => {
    expect(() => chartAria('  ')).toThrow('description en français');
  });
});
