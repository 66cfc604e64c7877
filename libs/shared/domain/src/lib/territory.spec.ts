import {
  DEPARTEMENT_CODE,
  INSEE_COMMUNE_CODE,
  isUnderServed,
  ZONAGE_LABELS,
  zonageOn,
  ZONAGES,
  type Zonage,
  type ZonagePeriod,
} from './territory';

const period = (zonage: Zonage, validFrom: string, validTo: string | null = null): ZonagePeriod => ({
  zonage,
  validFrom,
  validTo,
});

describe('zonageOn', () => {
  // A closed ZIP period, a gap of one month, then an open-ended ZAC.
  const history = [period('ZIP', '2020-01-01', '2022-12-31'), period('ZAC', '2023-02-01')];

  it.each<[string, Zonage | null, string]>([
    ['2019-12-31', null, 'the day before the first period'],
    ['2020-01-01', 'ZIP', 'the first day (inclusive)'],
    ['2021-06-15', 'ZIP', 'inside the closed period'],
    ['2022-12-31', 'ZIP', 'the last day (inclusive)'],
    ['2023-01-01', null, 'the day after the closed period, in the gap'],
    ['2023-01-31', null, 'the last day of the gap'],
    ['2023-02-01', 'ZAC', 'the first day of the open period'],
    ['2099-12-31', 'ZAC', 'far in the future, still open'],
  ])('on %s → %s (%s)', (date, expected) => {
    expect(zonageOn(history, date)).toBe(expected);
  });

  it('finds nothing without periods', () => {
    expect(zonageOn([], '2024-01-01')).toBeNull();
  });

  it('does not depend on the order of the periods', () => {
    expect(zonageOn([...history].reverse(), '2022-12-31')).toBe('ZIP');
    expect(zonageOn([...history].reverse(), '2023-02-01')).toBe('ZAC');
  });

  it('handles a one-day period', () => {
    const oneDay = [period('ZV', '2024-02-29', '2024-02-29')];
    expect([zonageOn(oneDay, '2024-02-28'), zonageOn(oneDay, '2024-02-29'), zonageOn(oneDay, '2024-03-01')]).toEqual([
      null,
      'ZV',
      null,
    ]);
  });
});

describe('isUnderServed', () => {
  it.each([
    ['ZIP', true],
    ['ZAC', true],
    ['QPV_ZIP', true],
    ['QPV_ZAC', true],
    ['ZV', false],
    ['HZ', false],
    [null, false],
    [undefined, false],
  ] as const)('%s → %s', (zonage, expected) => {
    expect(isUnderServed(zonage)).toBe(expected);
  });

  it('has a rule and a label for every zonage', () => {
    expect(Object.keys(ZONAGE_LABELS).sort()).toEqual([...ZONAGES].sort());
  });
});

describe('code patterns', () => {
  it.each([
    ['77288', true],
    ['2A004', true],
    ['2B033', true],
    ['97411', true],
    ['7728', false],
    ['772888', false],
    ['2C004', false],
    ['7728A', false],
    ['', false],
  ])('INSEE commune code %j → %s', (code, expected) => {
    expect(INSEE_COMMUNE_CODE.test(code)).toBe(expected);
  });

  it.each([
    ['77', true],
    ['2A', true],
    ['2B', true],
    ['974', true],
    ['999', false],
    ['7', false],
    ['077', false],
    ['2C', false],
  ])('département code %j → %s', (code, expected) => {
    expect(DEPARTEMENT_CODE.test(code)).toBe(expected);
  });
});
