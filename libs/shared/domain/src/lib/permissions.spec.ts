import { hasPermission, isPermission, PERMISSION_NAMES, PERMISSIONS, permissionsOf, rolesWith } from './permissions';
import { ROLES } from './roles';

describe('permissions', () => {
  it('name a domain and an act, and give each a French label', () => {
    for (const name of PERMISSION_NAMES) {
      expect(name).toMatch(/^[a-z][A-Za-z]+\.[a-z][A-Za-z]+$/);
      expect(PERMISSIONS[name].label).toMatch(/^[A-ZÉ]/);
      expect(PERMISSIONS[name].roles.length).toBeGreaterThan(0);
    }
  });

  it('grant only known roles, each once', () => {
    for (const name of PERMISSION_NAMES) {
      const roles = rolesWith(name);
      expect(roles.every((role) => (ROLES as readonly string[]).includes(role))).toBe(true);
      expect(new Set(roles).size).toBe(roles.length);
    }
  });

  it.each([
    ['mission_officer', 'sites.write', true],
    ['admin', 'sites.write', false],
    ['admin', 'users.manage', true],
    ['committee', 'professionals.read', false],
    ['committee', 'reports.read', true],
    ['cdom', 'reports.read', true],
    ['cdom', 'referrals.create', true],
    ['cdom', 'referrals.handle', false],
    ['cdom', 'audit.read', false],
    ['cdom', 'tasks.read', false],
    ['departement', 'professionals.readContact', false],
    ['departement', 'sites.write', false],
  ] as const)('%s holds %s: %s', (role, permission, expected) => {
    expect(hasPermission(role, permission)).toBe(expected);
  });

  it('lets nobody in without a role', () => {
    expect(hasPermission(null, 'session.own')).toBe(false);
    expect(hasPermission(undefined, 'territory.read')).toBe(false);
  });

  it('keeps business writes to the mission officer (and the CDOM for what it reports)', () => {
    const reportedByCdom = ['intents.write'];
    const writes = PERMISSION_NAMES.filter(
      (p) => /\.(write|handle)$/.test(p) && p !== 'territory.write' && !reportedByCdom.includes(p),
    );
    for (const permission of writes) expect(rolesWith(permission)).toEqual(['mission_officer']);
    expect(rolesWith('intents.write')).toEqual(['cdom', 'mission_officer']);
  });

  it('lists what a role holds', () => {
    expect(permissionsOf('committee')).toEqual([
      'session.own',
      'territory.read',
      'semesters.read',
      'dashboard.read',
      'offer.read',
      'committees.read',
      'reports.read',
      'notifications.own',
      'documents.read',
      'search.use',
    ]);
  });

  it('recognises its own names only', () => {
    expect(isPermission('sites.read')).toBe(true);
    expect(isPermission('sites.destroy')).toBe(false);
    expect(isPermission('toString')).toBe(false);
  });
});
