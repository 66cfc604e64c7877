import { frenchDate, frenchPeriod, fromIsoDate, toIsoDate, toIsoMonth } from './dates';

describe('dates', () => {
  it('writes the day the user picked, whatever the time zone', () => {
    expect(toIsoDate(new Date(2026, 10, 2, 23, 30))).toBe('2026-11-02');
    expect(toIsoMonth(new Date(2026, 0, 31))).toBe('2026-01');
  });

  it('writes and reads a year of fewer than four digits as it is (a typo the API then refuses)', () => {
    const typo = new Date(2000, 0, 1);
    typo.setFullYear(100);
    expect(toIsoDate(typo)).toBe('0100-01-01');
    expect(fromIsoDate('0099-03-04').getFullYear()).toBe(99);
    expect(toIsoDate(fromIsoDate('0099-03-04'))).toBe('0099-03-04');
  });

  it('reads a calendar day as a local date at midnight', () => {
    const date = fromIsoDate('2024-12-22');
    expect([date.getFullYear(), date.getMonth(), date.getDate(), date.getHours()]).toEqual([2024, 11, 22, 0]);
  });

  it.each([
    ['2024-12-22', 'day', 'dimanche 22 décembre 2024'],
    ['2026-12-22', 'day', 'mardi 22 décembre'],
    ['2024-12-22', 'short', '22/12/2024'],
    ['2024-12-22', 'long', '22 décembre 2024'],
  ] as const)('%s as %s reads « %s » (today: 7 December 2026)', (value, style, text) => {
    expect(frenchDate(value, style, new Date(2026, 11, 7))).toBe(text);
  });

  it('shows the year of a day outside the current year, even in the to-do', () => {
    expect(frenchDate('2027-01-04', 'day', new Date(2026, 11, 7))).toBe('lundi 4 janvier 2027');
  });

  it('says nothing for nothing, and nothing for a malformed value', () => {
    expect(frenchDate(null)).toBe('');
    expect(frenchDate('pas une date')).toBe('');
  });

  it('reads a period', () => {
    expect(frenchPeriod('2026-09-01', '2027-08-31')).toBe('du 01/09/2026 au 31/08/2027');
    expect(frenchPeriod('2026-09-01', null)).toBe('à partir du 01/09/2026');
    expect(frenchPeriod(null, '2027-08-31')).toBe('jusqu’au 31/08/2027');
    expect(frenchPeriod(null, null)).toBe('—');
  });
});
