import { type Role, ROLES, type UserAccount } from '@maillage/shared/domain';
import type { Response } from 'supertest';

import { AuditEvent } from '../src/common/audit/audit-event.entity';
import { TerritoryLoaderService } from '../src/territory/territory-loader.service';
import { User } from '../src/users/user.entity';
import { type AuthedAgent, type Method, startTestApp, TEST_PASSWORD, type TestApp } from './test-app';

interface UserBody {
  email?: unknown;
  displayName?: unknown;
  role?: unknown;
  departementCode?: unknown;
  password?: unknown;
  [field: string]: unknown;
}

let sequence = 0;
/** A valid body for `POST /api/users`; each call gets a new email. */
function buildUser(overrides: UserBody = {}): UserBody {
  sequence += 1;
  return {
    email: `agent.${sequence}@test.maillage.fr`,
    displayName: `Agent ${sequence}`,
    role: 'cdom',
    departementCode: '77',
    password: 'douze-chars!', // exactly PASSWORD_MIN_LENGTH
    ...overrides,
  };
}

const NEW_PASSWORD = 'un-tout-nouveau-mot-de-passe';
const messagesOf = (res: Response): string[] => [res.body.message].flat();
const SECRET_PATTERN = /passwordHash|password_hash|\$argon2/;

function countUsers(t: TestApp): Promise<number> {
  return t.db.getRepository(User).count();
}

function storedUser(t: TestApp, id: string): Promise<User> {
  return t.db
    .getRepository(User)
    .createQueryBuilder('u')
    .addSelect('u.passwordHash')
    .where('u.id = :id', { id })
    .getOneOrFail();
}

function auditOf(t: TestApp, entityId: string): Promise<AuditEvent[]> {
  return t.db.getRepository(AuditEvent).find({ where: { entityType: 'user', entityId }, order: { occurredAt: 'ASC' } });
}

async function meOf(t: TestApp, token: string): Promise<UserAccount> {
  const me = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
  return me.body as UserAccount;
}

/** Every route of /api/users, with a valid body so that only the role decides. */
const ROUTES: { name: string; method: Method; path: (id: string) => string; body?: () => object }[] = [
  { name: 'list', method: 'get', path: () => '/api/users' },
  { name: 'get', method: 'get', path: (id) => `/api/users/${id}` },
  { name: 'create', method: 'post', path: () => '/api/users', body: () => buildUser() },
  {
    name: 'patch',
    method: 'patch',
    path: (id) => `/api/users/${id}`,
    body: () => ({ version: 1, displayName: 'Piraté' }),
  },
  { name: 'deactivate', method: 'post', path: (id) => `/api/users/${id}/deactivate`, body: () => ({ version: 1 }) },
  { name: 'activate', method: 'post', path: (id) => `/api/users/${id}/activate`, body: () => ({ version: 1 }) },
  {
    name: 'password',
    method: 'post',
    path: (id) => `/api/users/${id}/password`,
    body: () => ({ version: 1, password: NEW_PASSWORD }),
  },
];
const NON_ADMIN_ROLES = ROLES.filter((role) => role !== 'admin');

describe('/api/users (real PostgreSQL)', () => {
  let t: TestApp;
  let admin: AuthedAgent;
  let adminAccount: UserAccount;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as('admin');
    adminAccount = await meOf(t, await t.tokenFor('admin'));
  });
  afterAll(() => t.close());

  async function createViaApi(overrides: UserBody = {}): Promise<UserAccount> {
    const res = await admin('post', '/api/users').send(buildUser(overrides)).expect(201);
    return res.body as UserAccount;
  }

  describe('creation', () => {
    it('an admin creates an account: 201 with id and version, e-mail stored lower-cased', async () => {
      const before = await countUsers(t);
      const body = buildUser({
        email: '  Nouvelle.Agente@Test.Maillage.FR ',
        displayName: ' Nouvelle Agente ',
        role: 'mission_officer',
      });
      const res = await admin('post', '/api/users').send(body).expect(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        email: 'nouvelle.agente@test.maillage.fr',
        displayName: 'Nouvelle Agente',
        role: 'mission_officer',
        departementCode: '77',
        isActive: true,
        lastLoginAt: null,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        version: 1,
      });
      expect(await countUsers(t)).toBe(before + 1);
      const stored = await storedUser(t, res.body.id);
      expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
      // The new account can sign in with the password it was given.
      await t.login('nouvelle.agente@test.maillage.fr', 'douze-chars!');
    });

    it('a national admin may create another national admin', async () => {
      const res = await admin('post', '/api/users')
        .send(buildUser({ role: 'admin', departementCode: null }))
        .expect(201);
      expect(res.body).toMatchObject({ role: 'admin', departementCode: null });
    });

    it('no response of any users route carries the password or its hash', async () => {
      const created = await admin('post', '/api/users')
        .send(buildUser({ email: 'secret.check@test.maillage.fr' }))
        .expect(201);
      const id = created.body.id as string;
      const hash = (await storedUser(t, id)).passwordHash;
      const responses = [
        created,
        await admin('get', '/api/users?pageSize=200').expect(200),
        await admin('get', `/api/users/${id}`).expect(200),
        await admin('patch', `/api/users/${id}`).send({ version: 1, displayName: 'Secret Check' }).expect(200),
        await admin('post', `/api/users/${id}/deactivate`).send({ version: 2 }).expect(201),
        await admin('post', `/api/users/${id}/activate`).send({ version: 3 }).expect(201),
        await admin('post', `/api/users/${id}/password`).send({ version: 4, password: NEW_PASSWORD }).expect(201),
        await t
          .http()
          .post('/api/auth/login')
          .send({ email: 'secret.check@test.maillage.fr', password: NEW_PASSWORD })
          .expect(200),
      ];
      for (const res of responses) {
        const text = JSON.stringify(res.body);
        expect(text).not.toMatch(SECRET_PATTERN);
        expect(text).not.toContain(hash.slice(-20));
        expect(text).not.toContain(NEW_PASSWORD);
        expect(text).not.toContain('douze-chars!');
      }
    });

    it.each<[string, UserBody, (string | RegExp)[]]>([
      [
        'missing fields',
        {},
        [
          'email : adresse e-mail invalide.',
          'displayName : le nom est obligatoire.',
          /^role : valeurs possibles admin, mission_officer, cdom, departement, committee\.$/,
          'password : le mot de passe est obligatoire.',
        ],
      ],
      [
        'wrong types',
        { email: 42, displayName: ['Jean'], role: 7, departementCode: 77, password: 123456789012 },
        [
          'email : adresse e-mail invalide.',
          'displayName : le nom est obligatoire.',
          /^role : valeurs possibles/,
          'departementCode : code de département invalide (ex. 77).',
          'password : le mot de passe est obligatoire.',
        ],
      ],
      ['an unknown field', buildUser({ isAdmin: true }), ['Le champ « isAdmin » n’est pas autorisé.']],
      [
        'a password hash sent directly',
        buildUser({ passwordHash: '$argon2id$x' }),
        ['Le champ « passwordHash » n’est pas autorisé.'],
      ],
      ['an invalid email', buildUser({ email: 'jean.dupont@' }), ['email : adresse e-mail invalide.']],
      ['a password of 11 characters', buildUser({ password: 'onze-chars!' }), ['password : 12 caractères au moins.']],
      ['a one-letter name', buildUser({ displayName: ' J ' }), ['displayName : 2 caractères au moins.']],
      ['an invalid role', buildUser({ role: 'superadmin' }), [/^role : valeurs possibles/]],
      [
        'département "999"',
        buildUser({ departementCode: '999' }),
        ['departementCode : code de département invalide (ex. 77).'],
      ],
      [
        'a non-admin without département (null)',
        buildUser({ role: 'cdom', departementCode: null }),
        [/^departementCode : obligatoire pour ce rôle/],
      ],
      [
        'a non-admin without département (omitted)',
        buildUser({ role: 'committee', departementCode: undefined }),
        [/^departementCode : obligatoire pour ce rôle/],
      ],
      [
        'a département not served ("75")',
        buildUser({ departementCode: '75' }),
        ['departementCode : le département 75 n’est pas servi par cette installation.'],
      ],
    ])('refuses %s with 400 and a clear message, and writes nothing', async (_, body, expected) => {
      const before = await countUsers(t);
      const auditBefore = await t.db.getRepository(AuditEvent).count();
      const res = await admin('post', '/api/users').send(body).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      const messages = messagesOf(res);
      for (const message of expected) {
        expect(messages).toContainEqual(typeof message === 'string' ? message : expect.stringMatching(message));
      }
      expect(JSON.stringify(res.body)).not.toMatch(/QueryFailed|SELECT|INSERT|constraint|stack/i);
      expect(await countUsers(t)).toBe(before);
      expect(await t.db.getRepository(AuditEvent).count()).toBe(auditBefore);
    });

    it('refuses a duplicate email, whatever its case, with 409 and writes nothing', async () => {
      await createViaApi({ email: 'doublon@test.maillage.fr' });
      const before = await countUsers(t);
      const res = await admin('post', '/api/users')
        .send(buildUser({ email: 'DOUBLON@Test.Maillage.FR' }))
        .expect(409);
      expect(res.body).toMatchObject({
        statusCode: 409,
        code: 'DUPLICATE',
        message: 'Un compte existe déjà avec cette adresse e-mail.',
      });
      expect(await countUsers(t)).toBe(before);
    });

    it('two simultaneous creations of the same email: one 201, one 409', async () => {
      const before = await countUsers(t);
      const results = await Promise.all(
        ['simultane@test.maillage.fr', 'Simultane@test.maillage.fr'].map((email) =>
          admin('post', '/api/users').send(buildUser({ email })),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(await countUsers(t)).toBe(before + 1);
    });
  });

  describe('roles', () => {
    let target: { id: string; email: string };

    beforeAll(async () => {
      target = await t.createUser('committee', { email: 'cible.roles@test.maillage.fr' });
    });

    it.each(NON_ADMIN_ROLES.flatMap((role) => ROUTES.map((route) => [role, route.name, route] as const)))(
      '%s gets 403 on %s, and nothing changes',
      async (role: Role, _name, route) => {
        const as = await t.as(role);
        const before = await countUsers(t);
        const req = as(route.method, route.path(target.id));
        const res = await (route.body ? req.send(route.body()) : req).expect(403);
        expect(res.body).toMatchObject({ statusCode: 403, message: 'Vous n’avez pas le droit de faire cette action.' });
        expect(await countUsers(t)).toBe(before);
        const stored = await storedUser(t, target.id);
        expect(stored).toMatchObject({ version: 1, isActive: true, displayName: 'Test committee' });
      },
    );

    it.each(ROUTES.map((route) => [route.name, route] as const))(
      'without a token, %s gets 401',
      async (_name, route) => {
        const req = t.http()[route.method](route.path(target.id));
        const res = await (route.body ? req.send(route.body()) : req).expect(401);
        expect(res.body).toMatchObject({ statusCode: 401, message: 'Authentification requise.' });
      },
    );

    it('answers 400 for an id that is not a uuid and 404 for an unknown one', async () => {
      const bad = await admin('get', '/api/users/42').expect(400);
      expect(bad.body.message).toBe('id : identifiant invalide (uuid attendu).');
      await admin('get', '/api/users/7f1e5a5c-2b1e-4c1a-9a3e-000000000000').expect(404);
      await admin('patch', '/api/users/7f1e5a5c-2b1e-4c1a-9a3e-000000000000')
        .send({ version: 1, displayName: 'Personne' })
        .expect(404);
    });
  });

  describe('updates and optimistic locking', () => {
    it('PATCH with the current version answers 200 with the next version', async () => {
      const user = await createViaApi();
      const res = await admin('patch', `/api/users/${user.id}`)
        .send({ version: 1, displayName: 'Nom Corrigé', role: 'departement' })
        .expect(200);
      expect(res.body).toMatchObject({ id: user.id, displayName: 'Nom Corrigé', role: 'departement', version: 2 });
    });

    it('PATCH with a stale version answers 409 and leaves the row unchanged', async () => {
      const user = await createViaApi({ displayName: 'Version Un' });
      await admin('patch', `/api/users/${user.id}`).send({ version: 1, displayName: 'Version Deux' }).expect(200);
      const stale = await admin('patch', `/api/users/${user.id}`)
        .send({ version: 1, displayName: 'Écrasement', role: 'committee' })
        .expect(409);
      expect(stale.body).toMatchObject({
        statusCode: 409,
        code: 'VERSION_CONFLICT',
        message: expect.stringMatching(/modifié entre-temps/),
      });
      expect(await storedUser(t, user.id)).toMatchObject({ displayName: 'Version Deux', role: 'cdom', version: 2 });
    });

    it('two concurrent PATCHes from the same version: exactly one 200, one 409, and the winner’s change stays', async () => {
      const user = await createViaApi();
      const results = await Promise.all(
        ['Gagnant A', 'Gagnant B'].map((displayName) =>
          admin('patch', `/api/users/${user.id}`).send({ version: 1, displayName }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const winner = results.find((r) => r.status === 200) as Response;
      expect(winner.body.version).toBe(2);
      expect(await storedUser(t, user.id)).toMatchObject({ displayName: winner.body.displayName, version: 2 });
      expect(await auditOf(t, user.id)).toHaveLength(2); // created + one update
    });

    it.each<[string, object, string]>([
      [
        'without version',
        { displayName: 'Sans Version' },
        'version : la version lue est obligatoire (nombre entier, dans le corps ou l’en-tête If-Match).',
      ],
      [
        'with version 0',
        { version: 0, displayName: 'Zéro' },
        'version : la version lue est obligatoire (nombre entier, dans le corps ou l’en-tête If-Match).',
      ],
      ['changing the email', { version: 1, email: 'autre@test.maillage.fr' }, 'Le champ « email » n’est pas autorisé.'],
      ['setting a password hash', { version: 1, passwordHash: 'x' }, 'Le champ « passwordHash » n’est pas autorisé.'],
      [
        'with a bad role',
        { version: 1, role: 'root' },
        'role : valeurs possibles admin, mission_officer, cdom, departement, committee.',
      ],
      [
        'making a non-admin national',
        { version: 1, departementCode: null },
        'departementCode : obligatoire pour ce rôle (seul un administrateur peut être national).',
      ],
    ])('PATCH %s answers 400 and changes nothing', async (_, body, message) => {
      const user = await createViaApi({ displayName: 'Intact' });
      const res = await admin('patch', `/api/users/${user.id}`).send(body).expect(400);
      expect(messagesOf(res)).toContain(message);
      expect(await storedUser(t, user.id)).toMatchObject({
        displayName: 'Intact',
        role: 'cdom',
        departementCode: '77',
        version: 1,
      });
    });
  });

  describe('an admin and its own account', () => {
    it('cannot deactivate itself', async () => {
      const { version } = (await admin('get', `/api/users/${adminAccount.id}`).expect(200)).body as UserAccount;
      const res = await admin('post', `/api/users/${adminAccount.id}/deactivate`).send({ version }).expect(409);
      expect(res.body).toMatchObject({
        code: 'INVALID_STATE',
        message: 'Vous ne pouvez pas désactiver votre propre compte.',
      });
      expect(await storedUser(t, adminAccount.id)).toMatchObject({ isActive: true, version });
      await admin('get', '/api/users').expect(200);
    });

    it('cannot change its own role, but may rename itself', async () => {
      const { version } = (await admin('get', `/api/users/${adminAccount.id}`).expect(200)).body as UserAccount;
      const res = await admin('patch', `/api/users/${adminAccount.id}`)
        .send({ version, role: 'committee' })
        .expect(409);
      expect(res.body).toMatchObject({
        code: 'INVALID_STATE',
        message: 'Vous ne pouvez pas changer votre propre rôle.',
      });
      expect(await storedUser(t, adminAccount.id)).toMatchObject({ role: 'admin', version });
      const renamed = await admin('patch', `/api/users/${adminAccount.id}`)
        .send({ version, displayName: 'Admin Renommé', role: 'admin' })
        .expect(200);
      expect(renamed.body).toMatchObject({ displayName: 'Admin Renommé', role: 'admin', version: version + 1 });
    });
  });

  describe('audit', () => {
    it('creation writes an audit event with every field as after, and no secret', async () => {
      const user = await createViaApi({
        email: 'audit.creation@test.maillage.fr',
        displayName: 'Audit Création',
        role: 'departement',
      });
      const events = await auditOf(t, user.id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        action: 'created',
        actorId: adminAccount.id,
        actorEmail: adminAccount.email,
        departementCode: '77',
      });
      expect(events[0].changes).toEqual({
        id: { before: null, after: user.id },
        email: { before: null, after: 'audit.creation@test.maillage.fr' },
        displayName: { before: null, after: 'Audit Création' },
        role: { before: null, after: 'departement' },
        departementCode: { before: null, after: '77' },
        isActive: { before: null, after: true },
      });
    });

    it('an update records before and after of the changed fields only', async () => {
      const user = await createViaApi({ displayName: 'Avant', role: 'cdom' });
      await admin('patch', `/api/users/${user.id}`)
        .send({ version: 1, displayName: 'Après', role: 'committee', departementCode: '77' })
        .expect(200);
      const events = await auditOf(t, user.id);
      expect(events.map((e) => e.action)).toEqual(['created', 'updated']);
      expect(events[1].changes).toEqual({
        displayName: { before: 'Avant', after: 'Après' },
        role: { before: 'cdom', after: 'committee' },
      });
      expect(events[1].actorId).toBe(adminAccount.id);
    });

    it('deactivation, reactivation and password reset are audited, never with the hash', async () => {
      const user = await createViaApi();
      await admin('post', `/api/users/${user.id}/deactivate`).send({ version: 1 }).expect(201);
      await admin('post', `/api/users/${user.id}/activate`).send({ version: 2 }).expect(201);
      await admin('post', `/api/users/${user.id}/password`).send({ version: 3, password: NEW_PASSWORD }).expect(201);
      const events = await auditOf(t, user.id);
      expect(events.map((e) => [e.action, e.changes])).toEqual([
        ['created', expect.any(Object)],
        ['deactivated', { isActive: { before: true, after: false } }],
        ['activated', { isActive: { before: false, after: true } }],
        ['password_reset', {}],
      ]);
      const leaks = await t.db.query(
        `SELECT count(*)::int AS n FROM audit_events WHERE changes::text ~* 'password|argon2'`,
      );
      expect(leaks).toEqual([{ n: 0 }]);
    });

    it('a refused change writes no audit event', async () => {
      const user = await createViaApi();
      await admin('patch', `/api/users/${user.id}`).send({ version: 1, displayName: 'Un' }).expect(200);
      await admin('patch', `/api/users/${user.id}`).send({ version: 1, displayName: 'Deux' }).expect(409);
      expect((await auditOf(t, user.id)).map((e) => e.action)).toEqual(['created', 'updated']);
    });
  });

  describe('password reset', () => {
    it('sets the new password and ends every session of the account', async () => {
      const user = await createViaApi({ email: 'reset@test.maillage.fr', password: 'ancienne-clé-Provins-1848' });
      const first = await t.login(user.email, 'ancienne-clé-Provins-1848');
      const second = await t.login(user.email, 'ancienne-clé-Provins-1848');
      await t.http().get('/api/auth/me').set('Authorization', `Bearer ${first}`).expect(200);
      const res = await admin('post', `/api/users/${user.id}/password`)
        .send({ version: 1, password: NEW_PASSWORD })
        .expect(201);
      expect(res.body).toMatchObject({ id: user.id, version: 2 });
      for (const token of [first, second]) {
        await t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
      }
      await t
        .http()
        .post('/api/auth/login')
        .send({ email: user.email, password: 'ancienne-clé-Provins-1848' })
        .expect(401);
      await t.login(user.email, NEW_PASSWORD);
    });

    it('refuses a short password or a stale version, and then keeps the sessions and the old password', async () => {
      const user = await createViaApi({
        email: 'reset.refused@test.maillage.fr',
        password: 'ancienne-clé-Provins-1848',
      });
      const token = await t.login(user.email, 'ancienne-clé-Provins-1848');
      const short = await admin('post', `/api/users/${user.id}/password`)
        .send({ version: 1, password: 'court' })
        .expect(400);
      expect(messagesOf(short)).toContain('password : 12 caractères au moins.');
      await admin('post', `/api/users/${user.id}/password`).send({ version: 7, password: NEW_PASSWORD }).expect(409);
      await t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
      await t.login(user.email, 'ancienne-clé-Provins-1848');
    });

    it('a login does not bump the version an admin has read', async () => {
      const user = await createViaApi({ email: 'login.version@test.maillage.fr', password: TEST_PASSWORD });
      await t.login(user.email);
      const read = await admin('get', `/api/users/${user.id}`).expect(200);
      expect(read.body).toMatchObject({ version: 1, lastLoginAt: expect.any(String) });
    });
  });

  describe('listing', () => {
    // Five accounts under their own domain, so that totals do not depend on other tests.
    const PEOPLE: { name: string; role: Role; active: boolean; display: string }[] = [
      { name: 'alice', role: 'cdom', active: true, display: 'Zoé Alice' },
      { name: 'bruno', role: 'committee', active: false, display: 'Yves Bruno' },
      { name: 'chloe', role: 'cdom', active: true, display: 'Xavier Chloé' },
      { name: 'david', role: 'mission_officer', active: false, display: 'Wanda David' },
      { name: 'emma', role: 'cdom', active: true, display: 'Victor Emma' },
    ];
    const list = async (query: string) =>
      (await admin('get', `/api/users?${query}`).expect(200)).body as {
        items: UserAccount[];
        total: number;
        page: number;
        pageSize: number;
      };
    const emails = (page: { items: UserAccount[] }) => page.items.map((u) => u.email.split('@')[0]);

    beforeAll(async () => {
      for (const p of PEOPLE) {
        const user = await createViaApi({ email: `${p.name}@liste.test.fr`, displayName: p.display, role: p.role });
        if (!p.active) await admin('post', `/api/users/${user.id}/deactivate`).send({ version: 1 }).expect(201);
      }
    });

    it('answers the list envelope, sorted by email by default', async () => {
      const page = await list('q=liste.test');
      expect(page).toMatchObject({ total: 5, page: 1, pageSize: 25 });
      expect(emails(page)).toEqual(['alice', 'bruno', 'chloe', 'david', 'emma']);
      expect(JSON.stringify(page)).not.toMatch(SECRET_PATTERN);
    });

    it.each([
      ['role=cdom', ['alice', 'chloe', 'emma']],
      ['role=committee', ['bruno']],
      ['role=admin', []],
      ['active=false', ['bruno', 'david']],
      ['active=true', ['alice', 'chloe', 'emma']],
      ['active=true&role=mission_officer', []],
      ['sort=email:desc', ['emma', 'david', 'chloe', 'bruno', 'alice']],
      ['sort=displayName:asc', ['emma', 'david', 'chloe', 'bruno', 'alice']],
      ['role=cdom&sort=email:desc', ['emma', 'chloe', 'alice']],
      ['pageSize=2&page=2', ['chloe', 'david']],
      ['pageSize=2&page=3', ['emma']],
      ['pageSize=2&page=4', []],
    ])('q=liste.test&%s → %j', async (query, expected) => {
      const page = await list(`q=liste.test&${query}`);
      expect(emails(page)).toEqual(expected);
    });

    it('filters on the whole table in the database (total counts every match, not the page)', async () => {
      const page = await list('q=liste.test&pageSize=1&active=false');
      expect(page).toMatchObject({ total: 2, pageSize: 1 });
      expect(page.items).toHaveLength(1);
    });

    it('applies filters to every account, not only to the searched ones', async () => {
      const inactive = await list('active=false&pageSize=200');
      expect(inactive.items.length).toBeGreaterThanOrEqual(2);
      expect(inactive.items.every((u) => u.isActive === false)).toBe(true);
      const cdom = await list('role=cdom&pageSize=200');
      expect(cdom.items.every((u) => u.role === 'cdom')).toBe(true);
    });

    it.each([
      ['BRUNO', ['bruno']],
      ['xavier', ['chloe']],
      ['Wanda Dav', ['david']],
      ['%', []],
      ['personne-ici', []],
    ])('q=%j searches email and name, case-insensitively', async (q, expected) => {
      const page = await list(`q=${encodeURIComponent(q)}&pageSize=200`);
      expect(emails(page).filter((e) => PEOPLE.some((p) => p.name === e))).toEqual(expected);
      if (expected.length === 0) expect(page.total).toBe(0);
    });

    it.each([
      ['pageSize=201', 'pageSize : 200 au maximum.'],
      ['pageSize=0', 'pageSize : 1 au minimum.'],
      ['page=0', 'page : 1 au minimum.'],
      ['page=deux', 'page : un nombre entier est attendu.'],
      ['sort=password:asc', 'sort : tri possible sur email, displayName, role, lastLoginAt, createdAt.'],
      ['sort=passwordHash:desc', 'sort : tri possible sur email, displayName, role, lastLoginAt, createdAt.'],
      ['sort=email:sideways', 'sort : format attendu « champ:asc » ou « champ:desc ».'],
      ['role=root', 'role : valeurs possibles admin, mission_officer, cdom, departement, committee.'],
      ['active=yes', 'active : true ou false.'],
      ['admin=true', 'Le champ « admin » n’est pas autorisé.'],
    ])('?%s → 400', async (query, message) => {
      const res = await admin('get', `/api/users?${query}`).expect(400);
      expect(messagesOf(res)).toContain(message);
    });
  });
});

describe('/api/users for a département admin (77 and 75 served)', () => {
  let t: TestApp;
  let national: AuthedAgent;
  let admin77: AuthedAgent;
  let of75: { id: string; email: string };
  let of77: { id: string; email: string };

  beforeAll(async () => {
    t = await startTestApp({ TERRITORY_DEPARTEMENTS: '77,75' });
    await t.app.get(TerritoryLoaderService).load(['77', '75']);
    national = await t.as('admin');
    const token77 = await t.tokenFor('admin', { departementCode: '77', email: 'admin.77@test.maillage.fr' });
    admin77 = (method, path) => t.http()[method](path).set('Authorization', `Bearer ${token77}`);
    of75 = await t.createUser('cdom', { departementCode: '75', email: 'cdom.paris@test.maillage.fr' });
    of77 = await t.createUser('cdom', { departementCode: '77', email: 'cdom.seine-et-marne@test.maillage.fr' });
  });
  afterAll(() => t.close());

  it('sees only the accounts of its département', async () => {
    const page = (await admin77('get', '/api/users?pageSize=200').expect(200)).body as {
      items: UserAccount[];
      total: number;
    };
    expect(page.items.map((u) => u.email)).toContain(of77.email);
    expect(page.items.map((u) => u.email)).not.toContain(of75.email);
    expect(page.items.every((u) => u.departementCode === '77')).toBe(true);
    expect(page.total).toBe(page.items.length);
    const search = (await admin77('get', '/api/users?q=paris').expect(200)).body as { total: number };
    expect(search.total).toBe(0);
  });

  it('a national admin sees every département', async () => {
    const page = (await national('get', '/api/users?pageSize=200').expect(200)).body as { items: UserAccount[] };
    expect(page.items.map((u) => u.email)).toEqual(
      expect.arrayContaining([of75.email, of77.email, 'admin.77@test.maillage.fr']),
    );
    const codes = new Set(page.items.map((u) => u.departementCode));
    expect([...codes].sort()).toEqual(['75', '77', null].sort());
  });

  it.each(ROUTES.filter((r) => r.name !== 'list' && r.name !== 'create').map((r) => [r.name, r] as const))(
    'answers 404 to %s on an account of another département, and changes nothing',
    async (_name, route) => {
      const req = admin77(route.method, route.path(of75.id));
      await (route.body ? req.send(route.body()) : req).expect(404);
      expect(await storedUser(t, of75.id)).toMatchObject({ version: 1, isActive: true, displayName: 'Test cdom' });
    },
  );

  it.each<[string, UserBody, string]>([
    [
      'a national admin',
      { role: 'admin', departementCode: null },
      'Seul un administrateur national peut créer un compte national.',
    ],
    [
      'an account of another département',
      { role: 'cdom', departementCode: '75' },
      'Vous ne pouvez pas gérer les comptes d’un autre département.',
    ],
  ])('cannot create %s (403), and nothing is written', async (_, overrides, message) => {
    const before = await countUsers(t);
    const res = await admin77('post', '/api/users').send(buildUser(overrides)).expect(403);
    expect(res.body).toMatchObject({ code: 'FORBIDDEN', message });
    expect(await countUsers(t)).toBe(before);
  });

  it('cannot move an account of its département to another one', async () => {
    const res = await admin77('patch', `/api/users/${of77.id}`).send({ version: 1, departementCode: '75' }).expect(403);
    expect(res.body.code).toBe('FORBIDDEN');
    expect(await storedUser(t, of77.id)).toMatchObject({ departementCode: '77', version: 1 });
  });

  it('manages the accounts of its own département', async () => {
    const created = await admin77('post', '/api/users')
      .send(buildUser({ role: 'mission_officer', departementCode: '77' }))
      .expect(201);
    await admin77('patch', `/api/users/${created.body.id}`).send({ version: 1, role: 'committee' }).expect(200);
    const events = await auditOf(t, created.body.id);
    expect(events.map((e) => [e.action, e.actorEmail, e.departementCode])).toEqual([
      ['created', 'admin.77@test.maillage.fr', '77'],
      ['updated', 'admin.77@test.maillage.fr', '77'],
    ]);
  });

  it('a national admin creates accounts in any served département', async () => {
    const res = await national('post', '/api/users')
      .send(buildUser({ role: 'departement', departementCode: '75' }))
      .expect(201);
    expect(res.body.departementCode).toBe('75');
  });
});
