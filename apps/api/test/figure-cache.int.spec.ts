import type { Dashboard, MapData } from '@maillage/shared/domain';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';

import { createApp } from '../src/bootstrap';
import { TerritoryLoaderService } from '../src/territory/territory-loader.service';
import { buildSite } from './site-factories';
import { StatementCounter } from './statement-counter';
import { startTestApp, type TestApp } from './test-app';

/**
 * The dashboard and the map are served from cached figures. Two instances of the API on one
 * database: whatever the instance that writes, and however it writes (API, plain SQL), a read
 * made after the write has committed, through the other instance, sees it.
 */
describe('cached figures across two API instances (real PostgreSQL)', () => {
  let a: TestApp;
  let b: INestApplication;
  let token: string;
  let counterB: StatementCounter;

  const read = async <T>(path: string): Promise<T> =>
    (await request(b.getHttpServer()).get(path).set('Authorization', `Bearer ${token}`).expect(200)).body as T;
  const dashboard = () => read<Dashboard>('/api/dashboard');
  const map = () => read<MapData>('/api/map');
  /** Statements instance B sends for one read (2: served from the cache). */
  const statementsOf = async (path: string) => (await counterB.during(() => read(path))).length;

  beforeAll(async () => {
    a = await startTestApp();
    b = await createApp(a.config, a.databaseUrl, { quiet: true });
    await b.init();
    counterB = new StatementCounter(b.get(DataSource));
    token = await a.tokenFor('mission_officer');
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('a site created through A is counted by B at once, on the dashboard and on the map', async () => {
    const before = await dashboard();
    const mapBefore = await map();
    expect(await statementsOf('/api/dashboard')).toBe(2);
    expect(await statementsOf('/api/map')).toBe(2);

    const editor = await a.as('mission_officer');
    const site = (
      await editor('post', '/api/sites')
        .send(buildSite({ status: 'active' }))
        .expect(201)
    ).body as {
      id: string;
      version: number;
    };

    const after = await dashboard();
    expect(after.sites.total).toBe(before.sites.total + 1);
    expect(after.sites.active).toBe(before.sites.active + 1);
    expect((await map()).sites).toHaveLength(mapBefore.sites.length + 1);

    // An edit through A (status), then a write in plain SQL that no service knows about.
    await editor('patch', `/api/sites/${site.id}`).set('If-Match', `"${site.version}"`).send({ status: 'suspended' });
    expect((await dashboard()).sites.active).toBe(before.sites.active);
    await a.db.query('UPDATE training_sites SET archived_at = now() WHERE id = $1', [site.id]);
    expect((await dashboard()).sites.total).toBe(before.sites.total);
    expect((await map()).sites).toHaveLength(mapBefore.sites.length);
  });

  it('a write in another département leaves the 77’s figures cached', async () => {
    await a.app.get(TerritoryLoaderService).load(['75']);
    await dashboard();
    await a.db.query(
      `INSERT INTO training_sites (version, departement_code, name, kind, status, address_line1, postal_code,
         commune_code, search_text)
       SELECT 1, '75', 'Terrain de Paris', 'msp', 'active', '1 rue de Rivoli', '75001', code, 'terrain de paris'
       FROM communes WHERE departement_code = '75' LIMIT 1`,
    );
    expect(await statementsOf('/api/dashboard')).toBe(2);
  });

  it('B computes figures A has computed without computing them again (shared cache)', async () => {
    const lastYear = '/api/dashboard?from=2025-01-01&to=2025-12-31';
    await request(a.app.getHttpServer()).get(lastYear).set('Authorization', `Bearer ${token}`).expect(200);
    // B has not read this one yet: it finds it in figure_cache, fresh (session, lookup).
    expect(await statementsOf(lastYear)).toBe(2);
  });

  it('answers 304 to a client that already holds the current figures', async () => {
    const first = await request(b.getHttpServer()).get('/api/dashboard').set('Authorization', `Bearer ${token}`);
    const etag = first.headers['etag'] as string;
    expect(etag).toMatch(/^W\/"f-/);
    await request(b.getHttpServer())
      .get('/api/dashboard')
      .set('Authorization', `Bearer ${token}`)
      .set('If-None-Match', etag)
      .expect(304);
    // A write that changes nothing shown keeps the same figures, hence the same tag.
    await a.db.query(`UPDATE training_sites SET notes = 'vu' WHERE departement_code = '77'`);
    await request(b.getHttpServer())
      .get('/api/dashboard')
      .set('Authorization', `Bearer ${token}`)
      .set('If-None-Match', etag)
      .expect(304);
    const editor = await a.as('mission_officer');
    await editor('post', '/api/sites').send(buildSite()).expect(201);
    await request(b.getHttpServer())
      .get('/api/dashboard')
      .set('Authorization', `Bearer ${token}`)
      .set('If-None-Match', etag)
      .expect(200);
  });

  it('sends the figures compressed for a browser that accepts it (the same figures)', async () => {
    const plain = await request(b.getHttpServer())
      .get('/api/map')
      .set('Authorization', `Bearer ${token}`)
      .set('Accept-Encoding', 'identity')
      .expect(200);
    const br = await request(b.getHttpServer())
      .get('/api/map')
      .set('Authorization', `Bearer ${token}`)
      .set('Accept-Encoding', 'br, gzip')
      .expect(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toBe('Accept-Encoding');
    expect(br.body).toEqual(plain.body);
    expect(plain.headers['content-encoding']).toBeUndefined();
  });
});
