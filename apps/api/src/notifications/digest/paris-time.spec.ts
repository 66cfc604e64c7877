import { addDays, isDigestDue, parisMoment } from './paris-time';

describe('parisMoment', () => {
  it.each([
    ['2026-03-11T07:30:00Z', { date: '2026-03-11', weekday: 3, hour: 8 }], // winter, UTC+1
    ['2026-07-13T22:30:00Z', { date: '2026-07-14', weekday: 2, hour: 0 }], // summer, UTC+2: already Tuesday
    ['2026-03-29T00:59:00Z', { date: '2026-03-29', weekday: 7, hour: 1 }], // before the spring change
    ['2026-03-29T01:00:00Z', { date: '2026-03-29', weekday: 7, hour: 3 }], // after it
    ['2026-12-31T23:00:00Z', { date: '2027-01-01', weekday: 5, hour: 0 }],
  ])('%s is %j in Paris', (instant, expected) => {
    expect(parisMoment(new Date(instant))).toEqual(expected);
  });
});

describe('isDigestDue', () => {
  const prefs = { digestWeekday: 3, digestHour: 9 };
  it.each([
    [{ date: '', weekday: 1, hour: 23 }, false],
    [{ date: '', weekday: 3, hour: 8 }, false],
    [{ date: '', weekday: 3, hour: 9 }, true],
    [{ date: '', weekday: 4, hour: 0 }, true],
    [{ date: '', weekday: 7, hour: 23 }, true],
  ])('%j → %s', (moment, expected) => {
    expect(isDigestDue(moment, prefs)).toBe(expected);
  });
});

describe('addDays', () => {
  it('crosses months and years', () => {
    expect(addDays('2026-02-27', 6)).toBe('2026-03-05');
    expect(addDays('2026-12-30', 6)).toBe('2027-01-05');
  });
});
