import { ROLES } from '@maillage/shared/domain';

import { contactOf, maskChanges, MASKED, personal } from './personal-fields';

describe('personal fields follow the permission map', () => {
  it.each(ROLES)(
    'shows a professional’s contact to %s only if it holds professionals.readContact and consent was given',
    (role) => {
      const expected = role === 'mission_officer' ? '01 02 03 04 05' : null;
      expect(contactOf({ role }, true, '01 02 03 04 05')).toBe(expected);
      expect(contactOf({ role }, false, '01 02 03 04 05')).toBeNull();
    },
  );

  it.each(ROLES)('shows RPPS numbers to %s only with professionals.readRpps', (role) => {
    expect(personal({ role }, 'professional', 'rpps', '10003382731')).toBe(role === 'committee' ? null : '10003382731');
    expect(personal({ role }, 'candidate_referral', 'rpps', '10003382731')).toBe(
      role === 'committee' ? null : '10003382731',
    );
  });

  it('masks personal values of the history, keeping the fact that they changed', () => {
    const changes = {
      phone: { before: null, after: '01 02 03 04 05' },
      notes: { before: 'ancienne note', after: null },
      lastName: { before: 'Martin', after: 'Martin-Durand' },
    };
    expect(maskChanges({ role: 'departement' }, 'professional', changes)).toEqual({
      phone: { before: null, after: MASKED },
      notes: { before: MASKED, after: null },
      lastName: { before: 'Martin', after: 'Martin-Durand' },
    });
    expect(maskChanges({ role: 'mission_officer' }, 'professional', changes)).toEqual(changes);
  });
});
