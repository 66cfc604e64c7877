import { startTestApp, type TestApp } from './test-app';

/** The HTTP conventions of API.md that hold for every resource. */
describe('HTTP conventions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('accepts the version in If-Match: a stale one is 409, the current one 200', async () => {
    const admin = await t.as('admin');
    const { id } = await t.createUser('committee', { email: 'ifmatch@test.maillage.fr' });
    await admin('patch', `/api/users/${id}`).set('If-Match', '"7"').send({ displayName: 'Périmé' }).expect(409);
    const ok = await admin('patch', `/api/users/${id}`)
      .set('If-Match', 'W/"1"')
      .send({ displayName: 'À jour' })
      .expect(200);
    expect(ok.body).toMatchObject({ displayName: 'À jour', version: 2 });
    const bad = await admin('patch', `/api/users/${id}`).set('If-Match', 'abc').send({ displayName: 'X' }).expect(400);
    expect(bad.body.message).toMatch(/If-Match/);
    await admin('patch', `/api/users/${id}`).set('If-Match', '"2"').send({ displayName: 'X', version: 1 }).expect(400);
  });

  it('answers 413 for a body over 1 MB, 404 for an unknown route, in French and without internals', async () => {
    const admin = await t.as('admin');
    const big = await admin('post', '/api/users')
      .send({ displayName: 'x'.repeat(1_100_000) })
      .expect(413);
    expect(big.body).toEqual({
      statusCode: 413,
      error: 'Payload Too Large',
      message: 'Le contenu envoyé est trop volumineux (1 Mo au plus).',
    });
    const missing = await admin('get', '/api/nothing-here').expect(404);
    expect(missing.body.message).toBe('Ressource introuvable.');
    expect(JSON.stringify(missing.body)).not.toMatch(/Cannot GET/);
  });

  it('rejects a malformed id with 400 instead of a database error', async () => {
    const admin = await t.as('admin');
    const res = await admin('get', '/api/users/not-a-uuid').expect(400);
    expect(res.body.message).toMatch(/identifiant invalide/);
  });
});
