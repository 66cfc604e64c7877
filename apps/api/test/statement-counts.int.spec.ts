import { buildAccreditation, buildSite, insertProfessional } from './site-factories';
import { StatementCounter } from './statement-counter';
import { startTestApp, TEST_PASSWORD, type TestApp } from './test-app';

/**
 * How many SQL statements each main endpoint sends, as PostgreSQL completed them (transaction
 * statements included; statement-counter.ts): a change that adds one fails here, with no timing
 * involved. These are the counts behind the figures of docs/benchmarks.md; when an endpoint gets
 * cheaper, lower its count here.
 */
describe('SQL statements per request (real PostgreSQL)', () => {
  let t: TestApp;
  let counter: StatementCounter;
  let token: string;
  let siteId: string;

  beforeAll(async () => {
    t = await startTestApp();
    counter = new StatementCounter(t.db);
    token = await t.tokenFor('mission_officer');
    const editor = await t.as('mission_officer');
    const professionals = await Promise.all([1, 2, 3].map(() => insertProfessional(t, { msuStage: 'active' })));
    for (let i = 0; i < 30; i++) {
      const res = await editor('post', '/api/sites')
        .send(buildSite({ status: 'active', professionalIds: professionals.map((p) => p.id).slice(0, 1 + (i % 3)) }))
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
  afterAll(() => t.close());

  const get = (path: string) => () => t.http().get(path).set('Authorization', `Bearer ${token}`).expect(200);
  /** The statements of one read, after checking it answered rows (so that every query of it ran). */
  const read = async (path: string) => {
    let items: unknown[] = [];
    const sent = await counter.during(async () => {
      const body = (await get(path)()).body as { items?: unknown[] };
      items = body.items ?? [body];
    });
    expect(items.length).toBeGreaterThan(0);
    return sent;
  };

  it.each([
    ['sites, active, sorted by name', '/api/sites?status=active&sort=name:asc'],
    ['professionals, MSU active', '/api/professionals?msuStage=active'],
    ['accreditations in force', '/api/accreditations?validity=valid'],
    ['accreditations of a site', '/api/accreditations?site=:site'],
  ])('%s: the session, then one statement for the page, its total and its enrichment', async (_, path) => {
    expect(await read(path.replace(':site', siteId))).toEqual(['SELECT', 'SELECT']);
  });

  it('a page past the end asks for the total on its own (3)', async () => {
    expect(await counter.during(get('/api/sites?page=9'))).toEqual(['SELECT', 'SELECT', 'SELECT']);
  });

  it('site detail: the session and one statement (2)', async () => {
    expect(await read(`/api/sites/${siteId}`)).toEqual(['SELECT', 'SELECT']);
  });

  it.each([
    ['dashboard', '/api/dashboard'],
    ['map', '/api/map'],
  ])('%s: computed once, then the session and one freshness check (2)', async (_, path) => {
    const first = await counter.during(get(path));
    expect(first.length).toBeGreaterThan(4);
    expect(await read(path)).toEqual(['SELECT', 'SELECT']);
  });

  it('PATCH site with If-Match: 9 statements (18 before: the commune was read three times)', async () => {
    const { version } = (await get(`/api/sites/${siteId}`)()).body as { version: number };
    const sent = await counter.during(() =>
      t
        .http()
        .patch(`/api/sites/${siteId}`)
        .set('Authorization', `Bearer ${token}`)
        .set('If-Match', `"${version}"`)
        .send({ notes: 'Accès vérifié.' })
        .expect(200),
    );
    expect(sent).toEqual([
      'SELECT', // the session
      'START TRANSACTION',
      'SELECT', // the site, in the user's scope
      'SELECT', // its commune, capacities and professionals, for the history
      'UPDATE',
      'SELECT', // the site as written
      'INSERT', // the history entry
      'SELECT', // the answer: the site's page, in one statement
      'COMMIT',
    ]);
  });

  it('login: 10 statements', async () => {
    const email = 'mission_officer.77@test.maillage.fr';
    const sent = await counter.during(() =>
      t.http().post('/api/auth/login').send({ email, password: TEST_PASSWORD }).expect(200),
    );
    // The three failure counters of the throttle (address and account, address, account) and the
    // account; the counters this success clears; its last sign-in, then the session in a transaction.
    expect(sent).toEqual([
      'SELECT',
      'SELECT',
      'SELECT',
      'SELECT',
      'DELETE',
      'DELETE',
      'UPDATE',
      'START TRANSACTION',
      'INSERT',
      'COMMIT',
    ]);
  });

  it('counts what the server completed, refused statements included', async () => {
    expect(await counter.during(() => t.db.query('SELECT 1'))).toEqual(['SELECT']);
    const refused = await counter.during(() => t.db.query('SELECT * FROM no_such_table').catch(() => null));
    expect(refused).toEqual([expect.stringMatching(/^ERROR .*no_such_table/)]);
  });
});
