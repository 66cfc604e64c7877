import { DEFAULT_ACCREDITATION_RULES } from '@maillage/shared/domain';

import { editChanges, expireChanges, grantChanges, reviewChanges, withdrawChanges } from './accreditation-transitions';
import type { Accreditation } from './accreditation.entity';

const rules = DEFAULT_ACCREDITATION_RULES;

function stored(overrides: Partial<Accreditation> = {}): Accreditation {
  return {
    cycle: '3',
    stageTypes: ['N1'],
    phases: [],
    status: 'requested',
    startDate: null,
    endDate: null,
    afterWithdrawal: false,
    reference: null,
    notes: null,
    ...overrides,
  } as Accreditation;
}

describe('accreditation changes', () => {
  it.each<[string, Partial<Accreditation>, string, string]>([
    ['a request', {}, 'granted', '2031-11-01'],
    ['a request after a withdrawal', { afterWithdrawal: true }, 'conditional', '2027-11-01'],
    [
      'a conditional accreditation being confirmed',
      { status: 'conditional', afterWithdrawal: true },
      'granted',
      '2031-11-01',
    ],
    ['a file under review', { status: 'under_review' }, 'granted', '2031-11-01'],
  ])('grant of %s → %s until %s', (_, overrides, status, endDate) => {
    expect(grantChanges(stored(overrides), { version: 1, startDate: '2026-11-02' }, '2026-10-01', rules)).toMatchObject(
      {
        status,
        startDate: '2026-11-02',
        endDate,
      },
    );
  });

  it('grant keeps the reference unless a new one is given', () => {
    const before = stored({ reference: 'ARS-1' });
    expect(grantChanges(before, { version: 1, startDate: '2026-11-02' }, '2026-10-01', rules).reference).toBe('ARS-1');
    expect(
      grantChanges(before, { version: 1, startDate: '2026-11-02', reference: 'ARS-2' }, '2026-10-01', rules).reference,
    ).toBe('ARS-2');
  });

  it.each<[string, () => unknown, RegExp]>([
    [
      'grant twice',
      () => grantChanges(stored({ status: 'granted' }), { version: 1, startDate: '2026-11-02' }, '2026-10-01', rules),
      /« Accordé » ne peut pas passer à « Accordé »/,
    ],
    [
      'review a granted one',
      () => reviewChanges(stored({ status: 'granted' }), undefined, '2026-10-01'),
      /« Accordé » ne peut pas passer à « En instruction »/,
    ],
    [
      'expire a request',
      () => expireChanges(stored(), undefined, '2026-10-01'),
      /« Demandé » ne peut pas passer à « Expiré »/,
    ],
    [
      'withdraw twice',
      () => withdrawChanges(stored({ status: 'withdrawn' }), { version: 1, date: '2026-10-01' }),
      /« Retiré » ne peut pas passer à « Retiré »/,
    ],
  ])('refuses to %s (409)', (_, change, message) => {
    expect(change).toThrow(message);
  });

  it.each<[string, Partial<Accreditation>, string, string | null]>([
    [
      'in force: ends on the withdrawal date',
      { status: 'granted', startDate: '2025-01-01', endDate: '2029-12-31' },
      '2026-03-01',
      '2026-03-01',
    ],
    [
      'in force, withdrawn after its end: the end stays',
      { status: 'granted', startDate: '2020-01-01', endDate: '2024-12-31' },
      '2026-03-01',
      '2024-12-31',
    ],
    ['a request: no end date appears', {}, '2026-03-01', null],
  ])('withdrawal of an accreditation %s', (_, overrides, date, endDate) => {
    expect(withdrawChanges(stored(overrides), { version: 1, date, note: 'Départ' })).toMatchObject({
      status: 'withdrawn',
      endDate,
      notes: `${date} · Retrait : Départ`,
    });
  });

  it('refuses a withdrawal before the start', () => {
    expect(() =>
      withdrawChanges(stored({ status: 'granted', startDate: '2026-11-02', endDate: '2031-11-01' }), {
        version: 1,
        date: '2026-01-01',
      }),
    ).toThrow(/ne peut pas précéder le début/);
  });

  it('an edit of the start date recomputes the default end; an explicit end is kept', () => {
    const before = stored({ status: 'granted', startDate: '2025-11-03', endDate: '2030-11-02' });
    expect(editChanges(before, { startDate: '2026-05-04' }, rules)).toMatchObject({
      startDate: '2026-05-04',
      endDate: '2031-05-03',
    });
    expect(editChanges(before, { maxStudents: 3 }, rules)).toMatchObject({
      maxStudents: 3,
      startDate: '2025-11-03',
      endDate: '2030-11-02',
    });
    expect(() => editChanges(before, { endDate: '2020-01-01' }, rules)).toThrow(/ne peut pas précéder/);
  });
});
