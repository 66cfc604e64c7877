import { DEFAULT_SUPERVISION_INCOME_RULES, supervisionIncome } from './supervision-income';

describe('supervisionIncome', () => {
  it.each([
    ['ZIP', true, 2600, 3000],
    ['ZAC', true, 2600, 3000],
    ['QPV_ZIP', true, 2600, 3000],
    ['QPV_ZAC', true, 2600, 3000],
    ['ZV', false, 1800, 2200],
    ['HZ', false, 1800, 2200],
    [null, false, 1800, 2200],
  ] as const)('in %s: zone supplement %s, %d €/month (%d with on-call)', (zonage, underServed, monthly, withOnCall) => {
    const income = supervisionIncome(zonage);
    expect(income.underServed).toBe(underServed);
    expect(income.docteurJunior.monthly).toBe(monthly);
    expect(income.docteurJunior.monthlyWithOnCall).toBe(withOnCall);
    expect(income.docteurJunior.semester).toBe(monthly * 6);
    expect(income.intern).toMatchObject({ monthly: 600, semester: 3600 });
  });

  it('takes configured amounts', () => {
    const income = supervisionIncome('ZIP', {
      ...DEFAULT_SUPERVISION_INCOME_RULES,
      internMonthly: 650,
      juniorZoneMonthly: 900,
    });
    expect(income.intern.monthly).toBe(650);
    expect(income.docteurJunior.monthly).toBe(600 + 1200 + 900);
  });

  it('says why the zone supplement does not apply', () => {
    const line = supervisionIncome('HZ').docteurJunior.lines.find((l) => l.label.includes('zone'));
    expect(line).toMatchObject({ applies: false, condition: expect.stringContaining('HZ') });
    const unknown = supervisionIncome(null).docteurJunior.lines.find((l) => l.label.includes('zone'));
    expect(unknown?.condition).toMatch(/inconnu/);
  });
});
