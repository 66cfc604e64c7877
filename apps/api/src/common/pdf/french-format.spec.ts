import { formatSiret, frenchDate, frenchDateTime, frenchTime, reportFilename } from './french-format';

describe('French formats of the visit report', () => {
  it.each([
    ['2026-11-12', '12 novembre 2026'],
    ['2026-11-01', '1er novembre 2026'],
    ['2027-02-28', '28 février 2027'],
    ['2026-08-15', '15 août 2026'],
    ['2026-12-31', '31 décembre 2026'],
  ])('frenchDate(%s) = %s', (iso, expected) => {
    expect(frenchDate(iso)).toBe(expected);
  });

  it.each([
    // 23:30 UTC is already the next day in Paris (winter time, UTC+1).
    ['2026-11-30T23:30:00Z', '1er décembre 2026 à 0 h 30'],
    ['2026-07-14T08:05:00Z', '14 juillet 2026 à 10 h 05'],
  ])('frenchDateTime(%s) = %s', (instant, expected) => {
    expect(frenchDateTime(new Date(instant))).toBe(expected);
  });

  it('formats a time and a SIRET', () => {
    expect(frenchTime('09:30')).toBe('9 h 30');
    expect(formatSiret('21770288600011')).toBe('217 702 886 00011');
  });

  it.each([
    ['MSP de l’Almont', '2026-11-12', 'visite-msp-de-l-almont-2026-11-12.pdf'],
    ['Cabinet Dr Lemaître & Cœur', '2026-01-05', 'visite-cabinet-dr-lemaitre-coeur-2026-01-05.pdf'],
    ['Centre de santé « Les Épinettes »', '2026-03-02', 'visite-centre-de-sante-les-epinettes-2026-03-02.pdf'],
    ['«»', '2026-03-02', 'visite-terrain-2026-03-02.pdf'],
    ['"; rm -rf /', '2026-03-02', 'visite-rm-rf-2026-03-02.pdf'],
  ])('reportFilename(%s) is ASCII-safe', (name, date, expected) => {
    expect(reportFilename(name, date)).toBe(expected);
    expect(reportFilename(name, date)).toMatch(/^[a-z0-9.-]+$/);
  });
});
