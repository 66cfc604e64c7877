import { ROLES } from '@maillage/shared/domain';

import { startTestApp, TEST_PASSWORD, type TestApp } from './test-app';

describe('authentication (real PostgreSQL)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it.each(ROLES)('%s logs in and /auth/me shows its role', async (role) => {
    const { email } = await t.createUser(role, { email: `me.${role}@test.maillage.fr` });
    const res = await t
      .http()
      .post('/api/auth/login')
      .send({ email: email.toUpperCase(), password: TEST_PASSWORD })
      .expect(200);
    expect(res.body.accessToken).toEqual(expect.any(String));
    expect(res.body.user).toMatchObject({ email, role });
    const me = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ email, role });
  });

  it('answers a wrong password and an unknown email with the same 401', async () => {
    const { email } = await t.createUser('cdom', { email: 'same.answer@test.maillage.fr' });
    const wrong = await t.http().post('/api/auth/login').send({ email, password: 'not-the-password' }).expect(401);
    const unknown = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'nobody@test.maillage.fr', password: 'not-the-password' })
      .expect(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.message).toBe('Adresse e-mail ou mot de passe incorrect.');
    expect(wrong.body.code).toBe('UNAUTHENTICATED');
  });

  it('sets an HttpOnly SameSite=Strict cookie that authenticates the dashboard', async () => {
    const { email } = await t.createUser('committee', { email: 'cookie@test.maillage.fr' });
    const res = await t.http().post('/api/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/maillage_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const token = cookie.split(';')[0];
    await t.http().get('/api/auth/me').set('Cookie', token).expect(200);
  });

  it('refuses requests without a token, with a bad token, and malformed bodies', async () => {
    await t.http().get('/api/communes').expect(401);
    await t.http().get('/api/auth/me').set('Authorization', 'Bearer not-a-real-token').expect(401);
    const bad = await t
      .http()
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email":')
      .expect(400);
    expect(bad.body.message).toMatch(/JSON/);
    const unknownField = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'a@b.fr', password: 'x', admin: true })
      .expect(400);
    expect(unknownField.body.message).toContain('Le champ « admin » n’est pas autorisé.');
    const wrongType = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 42, password: ['x'] })
      .expect(400);
    expect(wrongType.body.message).toEqual(
      expect.arrayContaining([expect.stringMatching(/^email/), expect.stringMatching(/^password/)]),
    );
  });

  it('logout ends the session server-side at once', async () => {
    const { email } = await t.createUser('departement', { email: 'logout@test.maillage.fr' });
    const token = await t.login(email);
    await t.http().post('/api/auth/logout').set('Authorization', `Bearer ${token}`).expect(204);
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
  });

  it('deactivation ends every session of the account at once, and it cannot log in again', async () => {
    const admin = await t.tokenFor('admin');
    const { id, email } = await t.createUser('mission_officer', { email: 'deactivated@test.maillage.fr' });
    const token = await t.login(email);
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    await t
      .http()
      .post(`/api/users/${id}/deactivate`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ version: 1 })
      .expect(201);
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
    await t.http().post('/api/auth/login').send({ email, password: TEST_PASSWORD }).expect(401);
  });

  it('a role change applies to open sessions at once', async () => {
    const admin = await t.tokenFor('admin');
    const { id, email } = await t.createUser('admin', { email: 'rerole@test.maillage.fr', departementCode: '77' });
    const token = await t.login(email);
    await t.http().get('/api/users').set('Authorization', `Bearer ${token}`).expect(200);
    await t
      .http()
      .patch(`/api/users/${id}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ version: 1, role: 'committee' })
      .expect(200);
    await t.http().get('/api/users').set('Authorization', `Bearer ${token}`).expect(403);
    const me = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    expect(me.body.role).toBe('committee');
  });
});

describe('login throttling', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: '3' });
  });
  afterAll(() => t.close());

  it('answers 429 after too many attempts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await t
        .http()
        .post('/api/auth/login')
        .send({ email: 'brute@test.maillage.fr', password: `guess-${i}` });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const res = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'brute@test.maillage.fr', password: 'again' })
      .expect(429);
    expect(res.body.message).toMatch(/Trop de tentatives/);
  });
});
