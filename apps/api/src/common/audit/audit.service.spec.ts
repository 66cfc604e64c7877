import type { EntityManager } from 'typeorm';

import type { AuditEvent } from './audit-event.entity';
import { AuditService, diffSnapshots } from './audit.service';

const user = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 'b7c1b1de-0000-4000-8000-000000000001',
  email: 'claire@test.maillage.fr',
  displayName: 'Claire',
  role: 'cdom',
  departementCode: '77',
  isActive: true,
  lastLoginAt: null,
  passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$old',
  createdAt: new Date('2025-01-01T08:00:00Z'),
  updatedAt: new Date('2025-01-01T08:00:00Z'),
  version: 1,
  ...overrides,
});

describe('diffSnapshots', () => {
  it('omits unchanged fields and reports each changed one with before and after', () => {
    expect(diffSnapshots(user(), user({ displayName: 'Claire D.', role: 'committee' }))).toEqual({
      displayName: { before: 'Claire', after: 'Claire D.' },
      role: { before: 'cdom', after: 'committee' },
    });
  });

  it('reports nothing when nothing changed', () => {
    expect(diffSnapshots(user(), user())).toEqual({});
  });

  it.each([
    ['passwordHash', '$argon2id$v=19$m=19456,t=2,p=1$new'],
    ['tokenHash', 'f'.repeat(64)],
    ['version', 2],
    ['updatedAt', new Date('2025-06-01T08:00:00Z')],
    ['createdAt', new Date('2020-01-01T00:00:00Z')],
  ])('never includes %s, even when it changed', (field, value) => {
    expect(
      diffSnapshots(user({ tokenHash: 'e'.repeat(64) }), user({ tokenHash: 'e'.repeat(64), [field]: value })),
    ).toEqual({});
  });

  it('compares dates by value, not by identity', () => {
    const at = (iso: string) => new Date(iso);
    expect(
      diffSnapshots({ lastLoginAt: at('2025-03-01T10:00:00Z') }, { lastLoginAt: at('2025-03-01T10:00:00.000Z') }),
    ).toEqual({});
    expect(
      diffSnapshots({ lastLoginAt: at('2025-03-01T10:00:00Z') }, { lastLoginAt: '2025-03-01T10:00:00.000Z' }),
    ).toEqual({});
    expect(
      diffSnapshots({ lastLoginAt: at('2025-03-01T10:00:00Z') }, { lastLoginAt: at('2025-03-01T10:00:01Z') }),
    ).toEqual({
      lastLoginAt: { before: '2025-03-01T10:00:00.000Z', after: '2025-03-01T10:00:01.000Z' },
    });
  });

  it('compares arrays and objects by content', () => {
    expect(
      diffSnapshots(
        { postalCodes: ['77000'], address: { city: 'Melun' } },
        { postalCodes: ['77000'], address: { city: 'Melun' } },
      ),
    ).toEqual({});
    expect(diffSnapshots({ postalCodes: ['77000'] }, { postalCodes: ['77000', '77176'] })).toEqual({
      postalCodes: { before: ['77000'], after: ['77000', '77176'] },
    });
  });

  it('reports a value set to or from null', () => {
    expect(diffSnapshots(user(), user({ departementCode: null }))).toEqual({
      departementCode: { before: '77', after: null },
    });
    expect(diffSnapshots(user({ departementCode: null }), user())).toEqual({
      departementCode: { before: null, after: '77' },
    });
  });

  it('records a created record with every filled business field, as null before', () => {
    expect(diffSnapshots(null, user())).toEqual({
      id: { before: null, after: 'b7c1b1de-0000-4000-8000-000000000001' },
      email: { before: null, after: 'claire@test.maillage.fr' },
      displayName: { before: null, after: 'Claire' },
      role: { before: null, after: 'cdom' },
      departementCode: { before: null, after: '77' },
      isActive: { before: null, after: true },
    });
  });

  it('records a deleted record with every filled business field, as null after', () => {
    const changes = diffSnapshots(user(), null);
    expect(Object.keys(changes).sort()).toEqual(['departementCode', 'displayName', 'email', 'id', 'isActive', 'role']);
    expect(changes['email']).toEqual({ before: 'claire@test.maillage.fr', after: null });
    expect(changes['isActive']).toEqual({ before: true, after: null });
  });

  it('treats a missing field and a null one as the same', () => {
    expect(diffSnapshots({ validTo: null }, {})).toEqual({});
    expect(diffSnapshots({}, { validTo: undefined })).toEqual({});
  });

  it('reports nothing for two empty snapshots', () => {
    expect(diffSnapshots(null, null)).toEqual({});
  });
});

describe('AuditService.record', () => {
  /** A manager that keeps the rows inserted into audit_events, by column. */
  function fakeManager() {
    const saved: Partial<AuditEvent>[] = [];
    const query = async (sql: string, params: unknown[]) => {
      expect(sql).toMatch(/^INSERT INTO audit_events/);
      const [actorId, actorEmail, action, entityType, entityId, departementCode, changes] = params as string[];
      saved.push({ actorId, actorEmail, action, entityType, entityId, departementCode, changes: JSON.parse(changes) });
    };
    return { manager: { query } as unknown as EntityManager, saved };
  }

  it('writes who, what and the field changes in the given transaction', async () => {
    const { manager, saved } = fakeManager();
    await new AuditService().record(
      manager,
      { id: 'actor-1', role: 'admin', departementCode: null, email: 'admin@test.maillage.fr' },
      {
        action: 'updated',
        entityType: 'user',
        entityId: 'user-1',
        departementCode: '77',
        before: user(),
        after: user({ isActive: false, passwordHash: 'changed', version: 2 }),
      },
    );
    expect(saved).toEqual([
      {
        actorId: 'actor-1',
        actorEmail: 'admin@test.maillage.fr',
        action: 'updated',
        entityType: 'user',
        entityId: 'user-1',
        departementCode: '77',
        changes: { isActive: { before: true, after: false } },
      },
    ]);
  });

  it('records a system actor without an email', async () => {
    const { manager, saved } = fakeManager();
    await new AuditService().record(
      manager,
      { id: 'system', role: 'admin', departementCode: null },
      {
        action: 'zonage_added',
        entityType: 'commune',
        entityId: '77288',
        departementCode: '77',
        after: { zonage: 'ZIP' },
      },
    );
    expect(saved[0]).toMatchObject({ actorEmail: null, changes: { zonage: { before: null, after: 'ZIP' } } });
  });
});
