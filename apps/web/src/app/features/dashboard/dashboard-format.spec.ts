import {
  formatDecimal,
  formatLongDate,
  formatMonth,
  formatNumber,
  formatPercent,
  formatPeriod,
  scopeDetail,
  scopeLine,
  shortMonthLabels,
} from './dashboard-format';
import { buildDashboard } from './testing';

/** Intl's French spaces (narrow no-break) written as plain spaces, to keep expectations readable. */
const plain = (text: string): string => text.replace(/[\u202f\u00a0]/g, ' ');

describe('dashboard formatting', () => {
  it('formats numbers, ratios and days the French way', () => {
    expect(plain(formatNumber(1468108))).toBe('1 468 108');
    expect(formatDecimal(0.9)).toBe('0,90');
    expect(plain(formatPercent(0.7115))).toBe('71 %');
    expect(formatPercent(null)).toBe('—');
    expect(formatLongDate('2026-01-01')).toBe('1er janvier 2026');
    expect(formatLongDate('2026-11-22')).toBe('22 novembre 2026');
    expect(formatLongDate('2026-03-11')).toBe('11 mars 2026');
    expect(formatPeriod('2026-01-01', '2026-11-22')).toBe('du 1er janvier 2026 au 22 novembre 2026');
    expect(formatMonth('2026-02')).toBe('février 2026');
  });

  it('labels months short, with the year only when the period spans two years', () => {
    expect(shortMonthLabels(['2026-01', '2026-02'])).toEqual(['janv.', 'févr.']);
    expect(shortMonthLabels(['2025-12', '2026-01'])).toEqual(['déc. 25', 'janv. 26']);
  });

  it('states the scope and the period in words', () => {
    const d = buildDashboard();
    expect(scopeLine(d)).toBe('Seine-et-Marne · du 1er janvier 2026 au 22 novembre 2026');
    expect(plain(scopeDetail(d.scope))).toBe('507 communes · 1 468 108 habitants');

    const epci = buildDashboard({
      scope: {
        ...d.scope,
        level: 'epci',
        epci: { siren: '200072130', name: 'CA Melun Val de Seine' },
        communes: 20,
        population: 134000,
      },
    });
    expect(scopeLine(epci)).toBe('CA Melun Val de Seine · du 1er janvier 2026 au 22 novembre 2026');
    expect(plain(scopeDetail(epci.scope))).toBe('Seine-et-Marne · 20 communes · 134 000 habitants');

    const commune = buildDashboard({
      scope: { ...d.scope, level: 'commune', commune: { code: '77288', name: 'Melun' }, communes: 1, population: 1 },
    });
    expect(scopeLine(commune)).toMatch(/^Melun · /);
    expect(scopeDetail(commune.scope)).toBe('Seine-et-Marne · 1 commune · 1 habitant');
  });
});
