import { startTestApp, type TestApp } from './test-app';

describe('Idempotency-Key on creates (real PostgreSQL)', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    token = await t.tokenFor('mission_officer');
  });
  afterAll(() => t.close());

  const create = (key: string | null, body: object, bearer = token) => {
    const req = t.http().post('/api/professionals').set('Authorization', `Bearer ${bearer}`);
    return (key === null ? req : req.set('Idempotency-Key', key)).send(body);
  };
  const count = async (lastName: string) =>
    (
      await t.db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM professionals WHERE last_name = $1', [lastName])
    )[0].n;

  it('answers a retry with the first result instead of creating a duplicate', async () => {
    const body = { firstName: 'Anne', lastName: 'Retry' };
    const first = await create('cle-001', body).expect(201);
    const retry = await create('cle-001', body).expect(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await count('Retry')).toBe(1);
  });

  it('runs two simultaneous attempts once', async () => {
    const body = { firstName: 'Paul', lastName: 'Simultane' };
    const answers = await Promise.all([create('cle-002', body), create('cle-002', body), create('cle-002', body)]);
    expect(answers.map((a) => a.status).filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(answers.every((a) => a.status === 201 || a.status === 409)).toBe(true);
    expect(await count('Simultane')).toBe(1);
  });

  it('refuses a key reused for another request (422) and keys are per user', async () => {
    await create('cle-003', { firstName: 'Luc', lastName: 'Premier' }).expect(201);
    const other = await create('cle-003', { firstName: 'Luc', lastName: 'Second' }).expect(422);
    expect(other.body.message).toMatch(/autre requête/);
    const colleague = await t.tokenFor('mission_officer', { email: 'collegue.mo@test.maillage.fr' });
    await create('cle-003', { firstName: 'Luc', lastName: 'Second' }, colleague).expect(201);
    expect(await count('Second')).toBe(1);
  });

  it('frees the key of a refused request, so that the corrected one goes through', async () => {
    await create('cle-004', { firstName: 'Zoé' }).expect(400);
    await create('cle-004', { firstName: 'Zoé', lastName: 'Corrigee' }).expect(201);
    expect(await count('Corrigee')).toBe(1);
  });

  it('never creates twice when the first answer was lost after the commit', async () => {
    const body = { firstName: 'Eve', lastName: 'Perdue' };
    const first = await create('cle-005', body).expect(201);
    // As if the server had stalled between the commit and storing the answer.
    await t.db.query(`UPDATE idempotency_keys SET state = 'committed', response = NULL WHERE key = 'cle-005'`);
    const retry = await create('cle-005', body).expect(409);
    expect(retry.headers['location']).toBe(`/api/professionals/${(first.body as { id: string }).id}`);
    expect(await count('Perdue')).toBe(1);
  });

  it('refuses a malformed key', async () => {
    const res = await create('clé avec espaces', { firstName: 'A', lastName: 'B' }).expect(400);
    expect(res.body.message).toMatch(/Idempotency-Key/);
  });
});
