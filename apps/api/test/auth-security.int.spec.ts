import { SESSION_COOKIE } from '../src/common/auth/allow.decorator';
import { startTestApp, TEST_PASSWORD, type TestApp } from './test-app';

const messagesOf = (body: unknown): string => ([] as string[]).concat((body as { message: string }).message).join(' ');

describe('passwords, sessions and headers (real PostgreSQL)', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.tokenFor('admin');
  });
  afterAll(() => t.close());

  describe('the password rule', () => {
    it.each([
      ['password1234', /trop facile à deviner/],
      ['123456789012', /trop facile à deviner/],
      ['            ', /espaces/],
      ['claire.martin@departement77.fr', /données personnelles|adresse e-mail/],
      ['demo-maillage-77', /démonstration/],
    ])('refuses %j when an account is created, with a French reason', async (password, reason) => {
      const res = await t
        .http()
        .post('/api/users')
        .set('Authorization', `Bearer ${admin}`)
        .send({
          email: 'claire.martin@departement77.fr',
          displayName: 'Claire Martin',
          role: 'cdom',
          departementCode: '77',
          password,
        })
        .expect(400);
      expect(messagesOf(res.body)).toMatch(/^password : /);
      expect(messagesOf(res.body)).toMatch(reason);
    });

    it('applies to a reset by an administrator too', async () => {
      const user = await t.createUser('departement', { email: 'reset.rule@test.maillage.fr' });
      const res = await t
        .http()
        .post(`/api/users/${user.id}/password`)
        .set('Authorization', `Bearer ${admin}`)
        .send({ version: 1, password: 'password1234' })
        .expect(400);
      expect(messagesOf(res.body)).toMatch(/trop facile à deviner/);
    });
  });

  describe('changing one’s own password', () => {
    it('needs the current password, follows the rule, and ends the other sessions only', async () => {
      const { email } = await t.createUser('mission_officer', { email: 'change.own@test.maillage.fr' });
      const current = await t.login(email);
      const other = await t.login(email);
      const change = (body: object) =>
        t.http().post('/api/auth/password').set('Authorization', `Bearer ${current}`).send(body);

      const wrong = await change({
        currentPassword: 'pas-le-bon-mot-de-passe',
        newPassword: 'Les-mirabelles-de-Provins-1848',
      });
      expect(wrong.status).toBe(400);
      expect(messagesOf(wrong.body)).toMatch(/currentPassword : le mot de passe actuel est incorrect/);
      const weak = await change({ currentPassword: TEST_PASSWORD, newPassword: 'change.own@test.maillage.fr' });
      expect(weak.status).toBe(400);
      expect(messagesOf(weak.body)).toMatch(/^newPassword : /);
      await t.http().get('/api/auth/me').set('Authorization', `Bearer ${other}`).expect(200);

      await change({ currentPassword: TEST_PASSWORD, newPassword: 'Les-mirabelles-de-Provins-1848' }).expect(204);
      await t.http().get('/api/auth/me').set('Authorization', `Bearer ${current}`).expect(200);
      await t.http().get('/api/auth/me').set('Authorization', `Bearer ${other}`).expect(401);
      await t.http().post('/api/auth/login').send({ email, password: TEST_PASSWORD }).expect(401);
      await t.login(email, 'Les-mirabelles-de-Provins-1848');
    });
  });

  describe('sessions', () => {
    it('end after SESSION_IDLE_MINUTES without a request, and at their absolute end', async () => {
      const { email } = await t.createUser('departement', { email: 'idle@test.maillage.fr' });
      const idle = await t.login(email);
      const expired = await t.login(email);
      const active = await t.login(email);
      await t.db.query(
        `UPDATE sessions SET last_seen_at = now() - make_interval(mins => $1) WHERE id IN
           (SELECT s.id FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $2 ORDER BY s.created_at LIMIT 1)`,
        [t.config.SESSION_IDLE_MINUTES + 1, email],
      );
      await t.db.query(
        `UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id IN
           (SELECT s.id FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1 ORDER BY s.created_at LIMIT 1 OFFSET 1)`,
        [email],
      );
      await t.http().get('/api/auth/me').set('Authorization', `Bearer ${idle}`).expect(401);
      await t.http().get('/api/auth/me').set('Authorization', `Bearer ${expired}`).expect(401);
      await t.http().get('/api/auth/me').set('Authorization', `Bearer ${active}`).expect(200);
      expect(t.config.SESSION_IDLE_MINUTES).toBe(30);
    });
  });

  describe('headers', () => {
    it('forbids caching of every API answer (the login and its token included) and sets Permissions-Policy', async () => {
      const { email } = await t.createUser('cdom', { email: 'headers@test.maillage.fr' });
      const login = await t.http().post('/api/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
      const token = (login.body as { accessToken: string }).accessToken;
      const answers = [
        login,
        await t.http().get('/api/sites').set('Authorization', `Bearer ${token}`),
        await t.http().get('/api/auth/me'),
        await t.http().get('/api/nowhere').set('Authorization', `Bearer ${token}`),
      ];
      for (const res of answers) {
        expect(res.headers['cache-control']).toBe('no-store');
        expect(res.headers['permissions-policy']).toMatch(/camera=\(\)/);
      }
    });
  });

  describe('cookie-authenticated writes from another site', () => {
    let cookie: string;
    let bearer: string;

    beforeAll(async () => {
      const { email } = await t.createUser('mission_officer', { email: 'csrf@test.maillage.fr' });
      const login = await t.http().post('/api/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
      cookie = `${SESSION_COOKIE}=${(login.body as { accessToken: string }).accessToken}`;
      bearer = (login.body as { accessToken: string }).accessToken;
    });

    it.each([
      [
        'a form POST to …/restore',
        '/api/professionals/00000000-0000-4000-8000-000000000000/restore',
        'application/x-www-form-urlencoded',
        'version=1',
      ],
      ['a text/plain POST to the reminders', '/api/tasks/reminders/run', 'text/plain', 'x'],
    ])('refuses %s (Sec-Fetch-Site or Origin of another site)', async (_, path, type, body) => {
      const bySecFetch = await t
        .http()
        .post(path)
        .set('Cookie', cookie)
        .set('Sec-Fetch-Site', 'cross-site')
        .set('Content-Type', type)
        .send(body);
      expect(bySecFetch.status).toBe(403);
      expect(messagesOf(bySecFetch.body)).toMatch(/autre site/);
      const byOrigin = await t
        .http()
        .post(path)
        .set('Cookie', cookie)
        .set('Origin', 'https://attaquant.example')
        .set('Content-Type', type)
        .send(body);
      expect(byOrigin.status).toBe(403);
    });

    it('lets the dashboard’s own requests and Bearer clients through', async () => {
      const sameOrigin = await t
        .http()
        .post('/api/tasks/reminders/run')
        .set('Cookie', cookie)
        .set('Sec-Fetch-Site', 'same-origin');
      expect(sameOrigin.status).toBeLessThan(300);
      const withBearer = await t
        .http()
        .post('/api/tasks/reminders/run')
        .set('Authorization', `Bearer ${bearer}`)
        .set('Origin', 'https://outil-du-departement.example');
      expect(withBearer.status).toBeLessThan(300);
    });
  });
});

describe('login throttling in PostgreSQL', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      TRUST_PROXY: '1',
      LOGIN_RATE_LIMIT: '5',
      LOGIN_ACCOUNT_LIMIT: '20',
      LOGIN_ADDRESS_LIMIT: '100',
      LOGIN_RATE_WINDOW_SECONDS: '900',
    });
  });
  afterAll(() => t.close());

  const login = (ip: string, email: string, password: string) =>
    t.http().post('/api/auth/login').set('X-Forwarded-For', ip).send({ email, password });

  it('slows 90 wrong passwords from 10 addresses, yet lets the owner and a colleague of the same office in', async () => {
    const victim = await t.createUser('mission_officer', { email: 'victime@test.maillage.fr' });
    const colleague = await t.createUser('departement', { email: 'collegue@test.maillage.fr' });
    const addresses = Array.from({ length: 10 }, (_, i) => `203.0.113.${i + 1}`);
    const statuses: number[] = [];
    for (let round = 0; round < 9; round++) {
      for (const ip of addresses) {
        const res = await login(ip, victim.email, `mauvais-essai-${round}-${ip}`);
        statuses.push(res.status);
        if (res.status === 429) {
          expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
          expect(messagesOf(res.body)).toMatch(/Trop de tentatives de connexion : réessayez dans \d+ minutes?/);
        }
      }
    }
    const answered = statuses.filter((s) => s === 401).length;
    const refused = statuses.filter((s) => s === 429).length;
    process.stdout.write(
      `Login throttling: 90 wrong passwords from 10 addresses → ${answered} checked, ${refused} refused (429)\n`,
    );
    expect(answered + refused).toBe(90);
    expect(answered).toBeLessThanOrEqual(20);

    // The office shares 203.0.113.1 with an attacker: a colleague signs in to her own account.
    expect((await login('203.0.113.1', colleague.email, 'correct-horse-battery-77')).status).toBe(200);
    // The owner, from an address that never failed, is not locked out.
    expect((await login('198.51.100.7', victim.email, 'correct-horse-battery-77')).status).toBe(200);
    // Kept in PostgreSQL: another instance reads the same counters.
    const rows = await t.db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM login_throttle');
    expect(rows[0].n).toBeGreaterThan(0);
    const stored = await t.db.query<{ key: string }[]>('SELECT key FROM login_throttle');
    expect(stored.map((r) => r.key).join(' ')).not.toContain('victime@');
  });

  it('counts failures only: successful logins never slow anyone down', async () => {
    const user = await t.createUser('cdom', { email: 'souvent@test.maillage.fr' });
    for (let i = 0; i < 12; i++) {
      expect((await login('192.0.2.50', user.email, 'correct-horse-battery-77')).status).toBe(200);
    }
    for (let i = 0; i < 4; i++) await login('192.0.2.50', user.email, 'pas-le-bon').expect(401);
    expect((await login('192.0.2.50', user.email, 'correct-horse-battery-77')).status).toBe(200);
    // The success reset the counter: four more mistakes are still answered normally.
    for (let i = 0; i < 4; i++) await login('192.0.2.50', user.email, 'pas-le-bon').expect(401);
  });
});
