import { Logger } from '@nestjs/common';
import { gzipSync } from 'node:zlib';
import type { Response } from 'supertest';

import { buildSite } from './site-factories';
import { fingerprint } from './support/db-fingerprint';
import { startTestApp, type TestApp } from './test-app';

/** The headers every answer carries, errors raised before any route included. */
function expectSecurityHeaders(res: Response): void {
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  expect(res.headers['cache-control']).toBe('no-store');
  expect(res.headers['permissions-policy']).toContain('camera=()');
}

function expectErrorBody(res: Response, status: number, message: RegExp): void {
  expect(res.status).toBe(status);
  expect(res.body).toMatchObject({ statusCode: status, error: expect.any(String) });
  const text = ([] as string[]).concat((res.body as { message: string | string[] }).message).join(' ');
  expect(text).toMatch(message);
  expectSecurityHeaders(res);
}

describe('request-level errors (real app, real PostgreSQL)', () => {
  let t: TestApp;
  let token: string;
  let siteId: string;
  const warnings: unknown[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    token = await t.tokenFor('mission_officer');
    const site = await t
      .http()
      .post('/api/sites')
      .set('Authorization', `Bearer ${token}`)
      .send(buildSite())
      .expect(201);
    siteId = (site.body as { id: string }).id;
    jest.spyOn(Logger.prototype, 'warn').mockImplementation((message: unknown) => {
      warnings.push(message);
    });
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t.close();
  });

  const post = (path = '/api/sites') => t.http().post(path).set('Authorization', `Bearer ${token}`);

  it.each<[string, string, string, number, RegExp]>([
    ['malformed JSON', 'application/json', '{"name":', 400, /n’est pas un JSON valide/],
    ['a null body', 'application/json', 'null', 400, /n’est pas un JSON valide/],
    ['a number body', 'application/json', '2147483648', 400, /n’est pas un JSON valide/],
    ['a string body', 'application/json', '"Melun"', 400, /n’est pas un JSON valide/],
    ['an array body', 'application/json', '[{"name":"x"}]', 400, /doit être un objet JSON/],
    ['a Latin-1 body', 'application/json; charset=latin1', '{"name":"x"}', 415, /UTF-8/],
    ['a text/plain body', 'text/plain', '{"name":"x"}', 415, /envoyez du JSON/],
    ['an HTML form', 'application/x-www-form-urlencoded', 'name=x', 415, /envoyez du JSON/],
    ['deeply nested JSON', 'application/json', `{"name":${'['.repeat(5000)}${']'.repeat(5000)}}`, 400, /imbriqué/],
    ['U+0000 in a text', 'application/json', '{"name":"Melun\\u0000"}', 400, /U\+0000/],
    ['a lone surrogate', 'application/json', '{"name":"\\ud800"}', 400, /Unicode invalide/],
  ])('answers %s with %d, the error body, the headers and a log line', async (_, type, body, status, message) => {
    warnings.length = 0;
    const before = await fingerprint((sql) => t.db.query(sql));
    const res = await post().set('Content-Type', type).send(body);
    expectErrorBody(res, status, message);
    // Refused before any route runs: logged by the request-level error handler (the array, by the route's log).
    if (!type.endsWith('json') || !body.startsWith('[{')) {
      expect(warnings).toContainEqual(expect.objectContaining({ msg: 'request refused', statusCode: status }));
    }
    expect(await fingerprint((sql) => t.db.query(sql))).toEqual(before);
  });

  it('answers a body over 1 MB with 413', async () => {
    const res = await post()
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ name: 'x'.repeat(1_100_000) }));
    expectErrorBody(res, 413, /trop volumineux/);
  });

  it('reads a gzip body and refuses an unknown content encoding with 415', async () => {
    const gzipped = await post()
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      // superagent would serialise a Buffer as JSON: hand it the bytes unchanged.
      .serialize((body: Buffer) => body as unknown as string)
      .send(gzipSync(JSON.stringify(buildSite({ name: 'Cabinet du Port', siret: null }))));
    expect(gzipped.body).toMatchObject({ name: 'Cabinet du Port' });
    const res = await post().set('Content-Type', 'application/json').set('Content-Encoding', 'x-zip').send('{}');
    expectErrorBody(res, 415, /Encodage du contenu/);
  });

  it.each(['abc', '"-1"', '"99999999999"', '*'])('answers a malformed If-Match (%s) with 400', async (value) => {
    const res = await t
      .http()
      .patch(`/api/sites/${siteId}`)
      .set('Authorization', `Bearer ${token}`)
      .set('If-Match', value)
      .send({ name: 'Nouveau nom' });
    expectErrorBody(res, 400, /If-Match/);
  });

  it.each<[string, string, RegExp]>([
    ['page=1e308', '/api/sites?page=1e308', /page : 100000 au maximum/],
    ['page=99999999999999999999', '/api/sites?page=99999999999999999999', /page/],
    ['year=2147483648', '/api/annual-reports?year=2147483648', /year/],
    ['q with U+0000', '/api/sites?q=Melun%00', /U\+0000/],
    ['a path with U+0000', '/api/communes/77%00', /U\+0000/],
  ])('answers %s with 400', async (_, url, message) => {
    const res = await t.http().get(url).set('Authorization', `Bearer ${token}`);
    expectErrorBody(res, 400, message);
  });

  it('refuses version 2147483648 with 400 and changes nothing', async () => {
    const res = await t
      .http()
      .patch(`/api/sites/${siteId}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ name: 'Autre nom', version: 2147483648 });
    expectErrorBody(res, 400, /version : 2147483647 au plus/);
  });

  it('refuses a lone surrogate in an e-mail and a null role on an account with 400', async () => {
    const admin = await t.tokenFor('admin');
    const created = await t
      .http()
      .post('/api/users')
      .set('Authorization', `Bearer ${admin}`)
      .set('Content-Type', 'application/json')
      .send(
        '{"email":"a\\ud800@exemple.fr","displayName":"Test","role":"committee","departementCode":"77","password":"x"}',
      );
    expectErrorBody(created, 400, /Unicode invalide/);
    const user = await t.createUser('committee', { email: 'membre.comite@exemple.fr' });
    const res = await t
      .http()
      .patch(`/api/users/${user.id}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ role: null, version: 1 });
    expectErrorBody(res, 400, /role : valeurs possibles/);
  });

  it('never logs the values of the query string', async () => {
    const { redactUrl } = await import('../src/common/http/log-redaction');
    expect(redactUrl('/api/users?q=jeanne.dupont@exemple.fr&page=2')).toBe('/api/users?q=[…]&page=[…]');
    expect(redactUrl('/api/sites')).toBe('/api/sites');
  });
});
