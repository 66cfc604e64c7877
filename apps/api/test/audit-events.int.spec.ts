import { type AuditEventView, hasPermission, ROLES, rolesWith, type SiteRecord } from '@maillage/shared/domain';
import type { Response } from 'supertest';

import { TerritoryLoaderService } from '../src/territory/territory-loader.service';
import { buildSite } from './site-factories';
import { type AuthedAgent, startTestApp, type TestApp } from './test-app';

const itemsOf = (res: Response) => res.body.items as AuditEventView[];

describe('/api/audit-events (real PostgreSQL)', () => {
  let t: TestApp;
  let officer77: AuthedAgent;
  let officer75: AuthedAgent;
  let site: SiteRecord;
  let site75: SiteRecord;

  beforeAll(async () => {
    t = await startTestApp({ TERRITORY_DEPARTEMENTS: '77,75' });
    await t.app.get(TerritoryLoaderService).load(['77', '75']);
    officer77 = await t.as('mission_officer');
    const token75 = await t.tokenFor('mission_officer', { departementCode: '75' });
    officer75 = (method, path) => t.http()[method](path).set('Authorization', `Bearer ${token75}`);
    site = (
      await officer77('post', '/api/sites')
        .send(buildSite({ capacities: [{ stageType: 'N1', places: 2 }] }))
        .expect(201)
    ).body;
    await officer77('patch', `/api/sites/${site.id}`)
      .send({
        version: 1,
        capacities: [
          { stageType: 'N1', places: 3 },
          { stageType: 'SASPAS', places: 1 },
        ],
      })
      .expect(200);
    site75 = (
      await officer75('post', '/api/sites')
        .send(buildSite({ communeCode: '75056', postalCode: '75012', latitude: 48.84, longitude: 2.39 }))
        .expect(201)
    ).body;
  });
  afterAll(() => t.close());

  const historyOf = (agent: AuthedAgent, id: string, extra = '') =>
    agent('get', `/api/audit-events?entityType=training_site&entityId=${id}${extra}`);

  it('shows a site’s history newest first, with the capacity change before → after', async () => {
    const res = await historyOf(officer77, site.id).expect(200);
    expect(res.body).toMatchObject({ total: 2, page: 1, pageSize: 25 });
    const [updated, created] = itemsOf(res);
    expect(updated).toEqual({
      id: expect.any(String),
      occurredAt: expect.any(String),
      actorEmail: 'mission_officer.77@test.maillage.fr',
      action: 'updated',
      entityType: 'training_site',
      entityId: site.id,
      changes: { capacities: { before: { N1: 2 }, after: { N1: 3, SASPAS: 1 } } },
    });
    expect(created.action).toBe('created');
    expect(created.changes['name']).toEqual({ before: null, after: site.name });
    expect(new Date(updated.occurredAt) >= new Date(created.occurredAt)).toBe(true);
  });

  it('pages, and sorts oldest first on request', async () => {
    const page2 = await historyOf(officer77, site.id, '&pageSize=1&page=2').expect(200);
    expect(page2.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(itemsOf(page2).map((e) => e.action)).toEqual(['created']);
    const asc = await historyOf(officer77, site.id, '&sort=occurredAt:asc').expect(200);
    expect(itemsOf(asc).map((e) => e.action)).toEqual(['created', 'updated']);
  });

  it.each(rolesWith('audit.read'))('%s may read the history of its département', async (role) => {
    const agent = await t.as(role);
    const res = await historyOf(agent, site.id).expect(200);
    expect(res.body.total).toBe(2);
  });

  it.each(ROLES.filter((role) => !hasPermission(role, 'audit.read')))('%s may not read it: 403', async (role) => {
    await historyOf(await t.as(role), site.id).expect(403);
  });

  it('answers 401 without a token', async () => {
    await t.http().get(`/api/audit-events?entityType=training_site&entityId=${site.id}`).expect(401);
  });

  it('a user of another département never sees the events of the 77', async () => {
    expect((await historyOf(officer75, site.id).expect(200)).body.total).toBe(0);
    const all = await officer75('get', '/api/audit-events?pageSize=200').expect(200);
    expect(itemsOf(all).map((e) => e.entityId)).toEqual([site75.id]);
    const mine = await officer77('get', '/api/audit-events?entityType=training_site&pageSize=200').expect(200);
    expect(itemsOf(mine).every((e) => e.entityId === site.id)).toBe(true);
  });

  it('a national admin sees every département', async () => {
    const admin = await t.as('admin');
    const res = await admin('get', '/api/audit-events?entityType=training_site&pageSize=200').expect(200);
    expect(new Set(itemsOf(res).map((e) => e.entityId))).toEqual(new Set([site.id, site75.id]));
  });

  it('account history is for administrators only, and only of their département', async () => {
    const officerRes = await officer77('get', '/api/audit-events?entityType=user').expect(200);
    expect(officerRes.body.total).toBe(0);
    const admin77Token = await t.tokenFor('admin', { departementCode: '77', email: 'admin.77@test.maillage.fr' });
    const admin77 = await t
      .http()
      .get('/api/audit-events?entityType=user&pageSize=200')
      .set('Authorization', `Bearer ${admin77Token}`)
      .expect(200);
    expect(admin77.body.total).toBeGreaterThan(0);
    // The national admin account (no département) and the 75 accounts stay out of sight.
    const national = await (await t.as('admin'))('get', '/api/audit-events?entityType=user&pageSize=200').expect(200);
    expect(national.body.total).toBeGreaterThan(admin77.body.total);
  });

  it.each([
    ['entityId without entityType', `entityId=${'a'.repeat(8)}`, /^entityType : /],
    ['a malformed entity type', 'entityType=Training Site', /^entityType : /],
    ['an unknown parameter', 'departement=77', /« departement » n’est pas autorisé/],
    ['an unknown sort', 'sort=action:asc', /^sort : tri possible sur occurredAt/],
  ])('refuses %s with 400', async (_, query, message) => {
    const res = await officer77('get', `/api/audit-events?${query}`).expect(400);
    expect([res.body.message].flat()).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
  });
});
