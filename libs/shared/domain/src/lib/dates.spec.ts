import { addMonths, addYears, todayInFrance } from './dates';

describe('todayInFrance', () => {
  it.each([
    ['2026-03-01T22:59:59Z', '2026-03-01'], // 23:59:59 in Paris (winter time)
    ['2026-03-01T23:00:00Z', '2026-03-02'], // midnight in Paris
    ['2026-07-14T21:30:00Z', '2026-07-14'], // 23:30 in Paris (summer time)
    ['2026-07-14T22:00:00Z', '2026-07-15'],
  ])('%s → %s', (instant, expected) => {
    expect(todayInFrance(new Date(instant))).toBe(expected);
  });
});

describe('addYears and addMonths', () => {
  it.each([
    ['2024-02-29', 1, '2025-02-28'],
    ['2026-11-02', 5, '2031-11-02'],
    ['2026-11-02', -5, '2021-11-02'],
  ])('addYears(%s, %d) = %s', (date, years, expected) => {
    expect(addYears(date, years)).toBe(expected);
  });

  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2026-11-15', -12, '2025-11-15'],
  ])('addMonths(%s, %d) = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});
