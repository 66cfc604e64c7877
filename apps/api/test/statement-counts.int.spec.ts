import { Client } from 'pg';

import { buildAccreditation, buildSite, insertProfessional } from './site-factories';
import { startTestApp, TEST_PASSWORD, type TestApp } from './test-app';

/**
 * How many SQL statements each main endpoint sends (counted at the pg driver, transaction
 * statements included): a change that adds one fails here, with no timing involved. The figures
 * behind the budgets of docs/benchmarks.md; lower one when an endpoint gets cheaper.
 */
describe('SQL statements per request (real PostgreSQL)', () => {
  let t: TestApp;
  let token: string;
  let siteId: string;
  let counting = false;
  let statements: string[] = [];
  const query = Client.prototype.query;

  beforeAll(async () => {
    jest.spyOn(Client.prototype, 'query').mockImplementation(function (this: Client, ...args: unknown[]) {
      if (counting)
        statements.push(typeof args[0] === 'string' ? args[0] : String((args[0] as { text?: string })?.text));
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof Client.prototype.query);
    t = await startTestApp();
    token = await t.tokenFor('mission_officer');
    const editor = await t.as('mission_officer');
    const professionals = await Promise.all([insertProfessional(t), insertProfessional(t), insertProfessional(t)]);
    for (let i = 0; i < 30; i++) {
      const res = await editor('post', '/api/sites')
        .send(buildSite({ professionalIds: professionals.map((p) => p.id).slice(0, 1 + (i % 3)) }))
        .expect(201);
      siteId ??= (res.body as { id: string }).id;
    }
    for (const p of professionals) {
      await editor('post', '/api/accreditations')
        .send(buildAccreditation({ professionalId: p.id }, { status: 'granted', startDate: '2022-09-01' }))
        .expect(201);
    }
    await editor('post', '/api/accreditations')
      .send(buildAccreditation({ siteId }, { status: 'granted', startDate: '2022-09-01' }))
      .expect(201);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t.close();
  });

  /** The statements one request sends. */
  async function count(send: () => Promise<unknown>): Promise<string[]> {
    statements = [];
    counting = true;
    try {
      await send();
    } finally {
      counting = false;
    }
    return statements;
  }
  const get = (path: string) => () => t.http().get(path).set('Authorization', `Bearer ${token}`).expect(200);

  it.each([
    ['sites, active, sorted by name', '/api/sites?status=active&sort=name:asc', 2],
    ['professionals, MSU active', '/api/professionals?msuStage=active', 2],
    ['accreditations expiring', '/api/accreditations?validity=valid', 2],
    ['accreditations of a site', '/api/accreditations?site=:site', 2],
  ])('%s: the session, then one statement for the page, its total and its enrichment', async (_, path, expected) => {
    expect(await count(get(path.replace(':site', siteId)))).toHaveLength(expected);
  });

  it('a page past the end asks for the total alone (3)', async () => {
    expect(await count(get('/api/sites?page=9'))).toHaveLength(3);
  });

  it('site detail: the session and one statement (2)', async () => {
    expect(await count(get(`/api/sites/${siteId}`))).toHaveLength(2);
  });

  it.each([
    ['dashboard', '/api/dashboard'],
    ['map', '/api/map'],
  ])('%s: computed once, then the session and one freshness check (2)', async (_, path) => {
    const first = await count(get(path));
    expect(first.length).toBeGreaterThan(4);
    expect(await count(get(path))).toHaveLength(2);
  });

  it('PATCH site with If-Match: 9 statements (18 before: the commune was read three times)', async () => {
    const { version } = (await get(`/api/sites/${siteId}`)()).body as { version: number };
    const sent = await count(() =>
      t
        .http()
        .patch(`/api/sites/${siteId}`)
        .set('Authorization', `Bearer ${token}`)
        .set('If-Match', `"${version}"`)
        .send({ notes: 'Accès vérifié.' })
        .expect(200),
    );
    expect(sent).toHaveLength(9);
  });

  it('login: 5 statements', async () => {
    const email = 'mission_officer.77@test.maillage.fr';
    const sent = await count(() =>
      t.http().post('/api/auth/login').send({ email, password: TEST_PASSWORD }).expect(200),
    );
    expect(sent).toHaveLength(5);
  });
});
