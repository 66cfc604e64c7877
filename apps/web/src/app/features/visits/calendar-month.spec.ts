import { addDays, monthGrid, monthLabel, shiftMonth } from './calendar-month';

describe('monthGrid', () => {
  it('covers November 2026 in Monday-first weeks, with the neighbouring days', () => {
    const weeks = monthGrid('2026-11', new Date(2026, 10, 22));
    // 1 November 2026 is a Sunday: the first week starts on Monday 26 October.
    expect(weeks[0][0]).toEqual({ iso: '2026-10-26', day: 26, inMonth: false, isToday: false });
    expect(weeks[0][6]).toEqual({ iso: '2026-11-01', day: 1, inMonth: true, isToday: false });
    expect(weeks.every((week) => week.length === 7)).toBe(true);
    expect(weeks).toHaveLength(6);
    expect(weeks[5][0].iso).toBe('2026-11-30');
    expect(weeks[5][6]).toMatchObject({ iso: '2026-12-06', inMonth: false });
    const inMonth = weeks.flat().filter((d) => d.inMonth);
    expect(inMonth).toHaveLength(30);
    expect(
      weeks
        .flat()
        .filter((d) => d.isToday)
        .map((d) => d.iso),
    ).toEqual(['2026-11-22']);
  });

  it('needs only four weeks for a February starting on a Monday', () => {
    const weeks = monthGrid('2027-02', new Date(2026, 10, 22));
    expect(weeks).toHaveLength(4);
    expect(weeks[0][0].iso).toBe('2027-02-01');
    expect(weeks[3][6].iso).toBe('2027-02-28');
    expect(weeks.flat().some((d) => d.isToday)).toBe(false);
  });

  it('ends on a Sunday when the month does', () => {
    const weeks = monthGrid('2026-05');
    expect(weeks[weeks.length - 1][6].iso).toBe('2026-05-31');
  });
});

describe('month navigation', () => {
  it('moves across years both ways', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2027-01', -1)).toBe('2026-12');
    expect(shiftMonth('2026-11', 0)).toBe('2026-11');
    expect(shiftMonth('2026-03', -14)).toBe('2025-01');
  });

  it('names the month in French and adds days across months', () => {
    expect(monthLabel('2026-11')).toBe('novembre 2026');
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-11-05', 7)).toBe('2026-11-12');
  });
});
