import { hasPermission, ROLES, rolesWith, type SiteVisitDetail, type SiteVisitSummary } from '@maillage/shared/domain';

import { TerritoryLoaderService } from '../src/territory/territory-loader.service';
import { type AuthedAgent, type Method, startTestApp, type TestApp } from './test-app';
import { buildRecord, buildVisitPlan, counts, UNKNOWN_ID, userIdOf, visitHelpers } from './visit-factories';

const EDITOR_ROLES = rolesWith('visits.write');
const READ_ONLY_ROLES = ROLES.filter((role) => !hasPermission(role, 'visits.write'));
/** The CDOM reads visits too, but only the records of those it takes part in (see below). */
const FULL_READERS = rolesWith('visits.read').filter((role) => role !== 'cdom');
const NON_READERS = ROLES.filter((role) => !hasPermission(role, 'visits.read'));

describe('/api/site-visits: who may do what (real PostgreSQL)', () => {
  let t: TestApp;
  let officer: AuthedAgent;
  let officerId: string;
  let cdomId: string;
  let h: ReturnType<typeof visitHelpers>;
  let planned: SiteVisitDetail;
  let done: SiteVisitDetail;
  let joined: SiteVisitDetail;

  beforeAll(async () => {
    t = await startTestApp({ TERRITORY_DEPARTEMENTS: '77,75' });
    await t.app.get(TerritoryLoaderService).load(['77', '75']);
    officer = await t.as('mission_officer');
    officerId = await userIdOf(t, 'mission_officer.77@test.maillage.fr');
    await t.tokenFor('cdom');
    cdomId = await userIdOf(t, 'cdom.77@test.maillage.fr');
    h = visitHelpers(officer);
    const site = await h.createSite({ name: 'Cabinet des permissions' });
    planned = await h.planVisit(site.id);
    done = await h.recordVisit(await h.planVisit(site.id), officerId);
    const withCdom = await h.planVisit(site.id, { participants: [{ kind: 'cdom', userId: cdomId }] });
    joined = await h.recordVisit(withCdom, officerId, {
      participants: [
        { kind: 'mission_officer', userId: officerId },
        { kind: 'cdom', userId: cdomId },
      ],
    });
  });
  afterAll(() => t.close());

  const reads: [string, (v: Record<string, SiteVisitDetail>) => string][] = [
    ['calendar', () => '/api/site-visits'],
    ['overdue sites', () => '/api/site-visits/overdue-sites'],
    ['detail', (v) => `/api/site-visits/${v['done'].id}`],
    ['report', (v) => `/api/site-visits/${v['done'].id}/report.pdf`],
  ];
  const visits = () => ({ planned, done, joined });

  it.each(FULL_READERS.flatMap((role) => reads.map(([name, path]) => [role, name, path] as const)))(
    '%s may read (%s): 200',
    async (role, _, path) => {
      const agent = await t.as(role);
      await agent('get', path(visits())).expect(200);
    },
  );

  it.each(NON_READERS.flatMap((role) => reads.map(([name, path]) => [role, name, path] as const)))(
    '%s may not read (%s): 403',
    async (role, _, path) => {
      const agent = await t.as(role);
      await agent('get', path(visits())).expect(403);
    },
  );

  describe('the CDOM', () => {
    it('sees the calendar and the overdue sites of its département', async () => {
      const cdom = await t.as('cdom');
      const res = await cdom('get', '/api/site-visits').expect(200);
      expect((res.body.items as SiteVisitSummary[]).map((v) => v.id)).toEqual(
        expect.arrayContaining([planned.id, done.id, joined.id]),
      );
      await cdom('get', '/api/site-visits/overdue-sites').expect(200);
    });

    it('reads the record and the report of a visit it takes part in, and lists them with mine=true', async () => {
      const cdom = await t.as('cdom');
      const res = await cdom('get', `/api/site-visits/${joined.id}`).expect(200);
      expect(res.body).toMatchObject({ findings: expect.any(String), accessIssues: expect.any(Array) });
      await cdom('get', `/api/site-visits/${joined.id}/report.pdf`).expect(200);
      const mine = await cdom('get', '/api/site-visits?mine=true').expect(200);
      expect((mine.body.items as SiteVisitSummary[]).map((v) => v.id)).toEqual([joined.id]);
    });

    it('reads a visit of the calendar without it, as the list shows it, but not its record nor its report (403)', async () => {
      const cdom = await t.as('cdom');
      const res = await cdom('get', `/api/site-visits/${done.id}`).expect(200);
      expect(res.body).toMatchObject({
        id: done.id,
        status: 'done',
        recordWithheld: true,
        checklist: {},
        findings: null,
        notes: null,
        accessIssues: [],
        actions: [],
      });
      const report = await cdom('get', `/api/site-visits/${done.id}/report.pdf`).expect(403);
      expect(report.body.message).toMatch(/^Le CDOM ne consulte le compte rendu/);
      const officer = await t.as('mission_officer');
      const full = await officer('get', `/api/site-visits/${done.id}`).expect(200);
      expect(full.body.recordWithheld).toBeUndefined();
      expect(full.body.findings).toEqual(expect.any(String));
    });
  });

  const writes: [string, Method, (v: Record<string, SiteVisitDetail>) => string, () => Record<string, unknown>][] = [
    ['plan', 'post', () => '/api/site-visits', () => buildVisitPlan(planned.site.id)],
    ['patch', 'patch', (v) => `/api/site-visits/${v['planned'].id}`, () => ({ version: 1, notes: 'x' })],
    ['record', 'post', (v) => `/api/site-visits/${v['planned'].id}/record`, () => buildRecord(1, officerId)],
    ['cancel', 'post', (v) => `/api/site-visits/${v['planned'].id}/cancel`, () => ({ version: 1 })],
    ['archive', 'delete', (v) => `/api/site-visits/${v['planned'].id}`, () => ({})],
    ['restore', 'post', (v) => `/api/site-visits/${v['planned'].id}/restore`, () => ({})],
  ];

  it.each(
    READ_ONLY_ROLES.flatMap((role) =>
      writes.map(([name, method, path, body]) => [role, name, method, path, body] as const),
    ),
  )('%s may not write (%s): 403, nothing written', async (role, _, method, path, body) => {
    const agent = await t.as(role);
    const before = await counts(t);
    const res = await agent(method, path(visits())).send(body()).expect(403);
    expect(res.body.message).toBe('Vous n’avez pas le droit de faire cette action.');
    expect(await counts(t)).toEqual(before);
  });

  it.each(EDITOR_ROLES)('%s may plan, edit, record, read the report, archive and restore; and cancel', async (role) => {
    const agent = await t.as(role);
    const created = await agent('post', '/api/site-visits').send(buildVisitPlan(planned.site.id)).expect(201);
    const id = created.body.id as string;
    await agent('patch', `/api/site-visits/${id}`).send({ version: 1, notes: 'Prévenir le secrétariat.' }).expect(200);
    await agent('post', `/api/site-visits/${id}/record`).send(buildRecord(2, officerId)).expect(200);
    await agent('get', `/api/site-visits/${id}/report.pdf`).expect(200);
    await agent('delete', `/api/site-visits/${id}`).expect(204);
    await agent('post', `/api/site-visits/${id}/restore`).send({}).expect(200);
    const other = await agent('post', '/api/site-visits').send(buildVisitPlan(planned.site.id)).expect(201);
    await agent('post', `/api/site-visits/${other.body.id}/cancel`).send({ version: 1 }).expect(200);
  });

  it.each([
    ['get', '/api/site-visits'],
    ['get', '/api/site-visits/overdue-sites'],
    ['get', `/api/site-visits/${UNKNOWN_ID}`],
    ['get', `/api/site-visits/${UNKNOWN_ID}/report.pdf`],
    ['post', '/api/site-visits'],
    ['patch', `/api/site-visits/${UNKNOWN_ID}`],
    ['post', `/api/site-visits/${UNKNOWN_ID}/record`],
    ['post', `/api/site-visits/${UNKNOWN_ID}/cancel`],
    ['delete', `/api/site-visits/${UNKNOWN_ID}`],
    ['post', `/api/site-visits/${UNKNOWN_ID}/restore`],
  ] as [Method, string][])('without a token, %s %s answers 401', async (method, path) => {
    await t.http()[method](path).send({}).expect(401);
  });

  it('a malformed id is a 400, an unknown one a 404, on every route', async () => {
    for (const [method, path] of [
      ['get', '/api/site-visits/123'],
      ['get', '/api/site-visits/123/report.pdf'],
      ['patch', '/api/site-visits/123'],
      ['post', '/api/site-visits/123/record'],
      ['post', '/api/site-visits/123/cancel'],
      ['delete', '/api/site-visits/123'],
    ] as const) {
      await officer(method, path).send({ version: 1 }).expect(400);
    }
    const res = await officer('get', `/api/site-visits/${UNKNOWN_ID}`).expect(404);
    expect(res.body.message).toBe('Visite introuvable.');
    await officer('get', `/api/site-visits/${UNKNOWN_ID}/report.pdf`).expect(404);
    await officer('patch', `/api/site-visits/${UNKNOWN_ID}`).send({ version: 1, notes: 'x' }).expect(404);
    await officer('post', `/api/site-visits/${UNKNOWN_ID}/record`).send(buildRecord(1, officerId)).expect(404);
    await officer('post', `/api/site-visits/${UNKNOWN_ID}/cancel`).send({ version: 1 }).expect(404);
    await officer('delete', `/api/site-visits/${UNKNOWN_ID}`).expect(404);
  });

  describe('another département', () => {
    let paris: AuthedAgent;
    beforeAll(async () => {
      const token = await t.tokenFor('mission_officer', { departementCode: '75' });
      paris = (method, path) => t.http()[method](path).set('Authorization', `Bearer ${token}`);
    });

    it('sees none of the visits of the 77: empty lists, 404 on each visit', async () => {
      const list = await paris('get', '/api/site-visits').expect(200);
      expect(list.body.total).toBe(0);
      const overdue = await paris('get', '/api/site-visits/overdue-sites').expect(200);
      expect(overdue.body.total).toBe(0);
      await paris('get', `/api/site-visits/${done.id}`).expect(404);
      await paris('get', `/api/site-visits/${done.id}/report.pdf`).expect(404);
      const before = await counts(t);
      await paris('patch', `/api/site-visits/${planned.id}`).send({ version: 1, notes: 'x' }).expect(404);
      await paris('post', `/api/site-visits/${planned.id}/record`).send(buildRecord(1, officerId)).expect(404);
      await paris('post', `/api/site-visits/${planned.id}/cancel`).send({ version: 1 }).expect(404);
      await paris('delete', `/api/site-visits/${planned.id}`).expect(404);
      expect(await counts(t)).toEqual(before);
    });

    it('may not plan a visit of a site of the 77 (400); the 77 may not name a user of the 75 (400)', async () => {
      const before = await counts(t);
      const res = await paris('post', '/api/site-visits').send(buildVisitPlan(planned.site.id)).expect(400);
      expect(res.body.message).toBe('siteId : terrain de stage introuvable dans votre département.');
      const parisId = await userIdOf(t, 'mission_officer.75@test.maillage.fr');
      const named = await officer('post', '/api/site-visits')
        .send(buildVisitPlan(planned.site.id, { participants: [{ kind: 'mission_officer', userId: parisId }] }))
        .expect(400);
      expect(named.body.message).toBe('participants.0.userId : compte introuvable ou inactif dans le département.');
      expect(await counts(t)).toEqual(before);
    });
  });
});
