import { isRole, mayBeNational, ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from './roles';

describe('roles', () => {
  it('are the five roles of API.md, in this order', () => {
    expect(ROLES).toEqual(['admin', 'mission_officer', 'cdom', 'departement', 'committee']);
  });

  it.each([
    ['admin', true],
    ['mission_officer', true],
    ['cdom', true],
    ['departement', true],
    ['committee', true],
    ['Admin', false],
    ['superadmin', false],
    ['', false],
    [null, false],
    [undefined, false],
    [1, false],
    [['admin'], false],
  ])('isRole(%j) → %s', (value, expected) => {
    expect(isRole(value)).toBe(expected);
  });

  it.each([
    ['admin', true],
    ['mission_officer', false],
    ['cdom', false],
    ['departement', false],
    ['committee', false],
  ] as const)('mayBeNational(%s) → %s', (role, expected) => {
    expect(mayBeNational(role)).toBe(expected);
  });

  it.each(ROLES)('%s has a French label and a description', (role) => {
    expect(ROLE_LABELS[role]).toMatch(/\S{3,}/);
    expect(ROLE_DESCRIPTIONS[role]).toMatch(/\.$/);
  });

  it('labels every role and nothing else', () => {
    expect(Object.keys(ROLE_LABELS).sort()).toEqual([...ROLES].sort());
    expect(Object.keys(ROLE_DESCRIPTIONS).sort()).toEqual([...ROLES].sort());
  });
});
