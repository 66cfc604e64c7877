import { accreditationValidity } from './accreditations';

describe('accreditationValidity', () => {
  const today = '2026-12-07';

  it.each([
    [{ status: 'requested', endDate: null }, 'pending'],
    [{ status: 'granted', endDate: '2031-01-01' }, 'valid'],
    [{ status: 'granted', endDate: '2027-02-01' }, 'expiring_soon'],
    [{ status: 'granted', endDate: '2027-02-01', renewed: false }, 'expiring_soon'],
    [{ status: 'conditional', endDate: '2027-02-01', renewed: true }, 'renewed'],
    [{ status: 'granted', endDate: '2031-01-01', renewed: true }, 'renewed'],
    [{ status: 'granted', endDate: '2026-12-06', renewed: true }, 'expired'],
    [{ status: 'withdrawn', endDate: '2027-02-01', renewed: true }, 'withdrawn'],
  ] as const)('%j is %s', (a, expected) => {
    expect(accreditationValidity(a, today)).toBe(expected);
  });
});
