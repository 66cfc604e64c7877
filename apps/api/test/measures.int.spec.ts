import { hasPermission, type MeasureDetail, ROLES, rolesWith, type SiteRecord } from '@maillage/shared/domain';

import { AuditEvent } from '../src/common/audit/audit-event.entity';
import { buildMeasure, expectMessage, fieldworkCounts, insertIssue, UNKNOWN_ID } from './issue-factories';
import { type Body, buildSite } from './site-factories';
import { type AuthedAgent, type Method, startTestApp, type TestApp } from './test-app';

describe('/api/support-measures (real PostgreSQL)', () => {
  let t: TestApp;
  let officer: AuthedAgent;
  let site: SiteRecord;
  let other: SiteRecord;
  let issueId: string;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.as('mission_officer');
    site = (
      await officer('post', '/api/sites')
        .send(buildSite({ name: 'MSP de l’Almont' }))
        .expect(201)
    ).body;
    other = (
      await officer('post', '/api/sites')
        .send(buildSite({ name: 'Cabinet Bréau' }))
        .expect(201)
    ).body;
    issueId = (await insertIssue(t, site.id, { category: 'housing', severity: 3 })).id;
  });
  afterAll(() => t.close());

  async function createMeasure(overrides: Body = {}): Promise<MeasureDetail> {
    const res = await officer('post', '/api/support-measures').send(buildMeasure(overrides));
    if (res.status !== 201) throw new Error(`create measure: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  describe('permissions', () => {
    let measure: MeasureDetail;
    beforeAll(async () => {
      measure = await createMeasure({ name: 'Mesure des permissions' });
    });

    const reads = ['/api/support-measures', '/api/support-measures/summary', 'detail'];
    const writes: [string, Method, (id: string) => string, () => Body][] = [
      ['create', 'post', () => '/api/support-measures', () => buildMeasure()],
      ['patch', 'patch', (id) => `/api/support-measures/${id}`, () => ({ version: 1, name: 'Piratée' })],
      ['archive', 'delete', (id) => `/api/support-measures/${id}`, () => ({})],
      ['restore', 'post', (id) => `/api/support-measures/${id}/restore`, () => ({})],
    ];

    it.each(ROLES.flatMap((role) => reads.map((path) => [role, path] as const)))(
      '%s may read %s if the map says so: 200, else 403',
      async (role, path) => {
        await (
          await t.as(role)
        )('get', path === 'detail' ? `/api/support-measures/${measure.id}` : path).expect(
          hasPermission(role, 'measures.read') ? 200 : 403,
        );
      },
    );

    it.each(
      ROLES.filter((role) => !hasPermission(role, 'measures.write')).flatMap((role) =>
        writes.map(([name, method, path, body]) => [role, name, method, path, body] as const),
      ),
    )('%s may not %s: 403, nothing written', async (role, _, method, path, body) => {
      const before = await fieldworkCounts(t);
      await (await t.as(role))(method, path(measure.id)).send(body()).expect(403);
      expect(await fieldworkCounts(t)).toEqual(before);
    });

    it.each(rolesWith('measures.write'))('%s may create, edit, archive and restore', async (role) => {
      const agent = await t.as(role);
      const created = await agent('post', '/api/support-measures')
        .send(buildMeasure({ name: `Créée par ${role}`, departementCode: '77' }))
        .expect(201);
      const id = created.body.id as string;
      await agent('patch', `/api/support-measures/${id}`).send({ version: 1, status: 'completed' }).expect(200);
      await agent('delete', `/api/support-measures/${id}`).expect(204);
      await agent('post', `/api/support-measures/${id}/restore`).send({}).expect(200);
    });

    it.each([
      ['get', '/api/support-measures'],
      ['get', '/api/support-measures/summary'],
      ['get', `/api/support-measures/${UNKNOWN_ID}`],
      ['post', '/api/support-measures'],
      ['patch', `/api/support-measures/${UNKNOWN_ID}`],
      ['delete', `/api/support-measures/${UNKNOWN_ID}`],
      ['post', `/api/support-measures/${UNKNOWN_ID}/restore`],
    ] as [Method, string][])('without a token, %s %s answers 401', async (method, path) => {
      await t.http()[method](path).send({}).expect(401);
    });

    it('a national admin writes no measure; an officer may not write to another département', async () => {
      const admin = await t.as('admin');
      const before = await fieldworkCounts(t);
      await admin('post', '/api/support-measures').send(buildMeasure()).expect(403);
      await admin('post', '/api/support-measures')
        .send(buildMeasure({ departementCode: '77' }))
        .expect(403);
      expect(await fieldworkCounts(t)).toEqual(before);
      await officer('post', '/api/support-measures')
        .send(buildMeasure({ departementCode: '75' }))
        .expect(403);
    });
  });

  it('creates with sites, issues and indicators (201), audited', async () => {
    const measure = await createMeasure({
      siteIds: [site.id, other.id],
      issueIds: [issueId],
      indicators: [{ name: 'Places', target: 6, value: null }],
    });
    expect(measure).toMatchObject({
      version: 1,
      departementCode: '77',
      type: 'housing_aid',
      budgetPlanned: 20000,
      budgetCommitted: 5000,
      siteCount: 2,
      issueCount: 1,
      indicators: [{ name: 'Places', target: 6, value: null }],
      sites: [
        { id: other.id, name: 'Cabinet Bréau' },
        { id: site.id, name: 'MSP de l’Almont' },
      ],
      issues: [
        { id: issueId, siteId: site.id, siteName: 'MSP de l’Almont', category: 'housing', severity: 3, status: 'open' },
      ],
    });
    const [event] = await t.db.getRepository(AuditEvent).find({ where: { entityId: measure.id } });
    expect(event.changes['issues']).toEqual({ before: null, after: ['Logement · MSP de l’Almont'] });
  });

  describe('bad input → 400, nothing written', () => {
    it.each<[string, Body, RegExp]>([
      [
        'committed above planned',
        { budgetPlanned: 1000, budgetCommitted: 1000.01 },
        /^budgetCommitted : le budget engagé/,
      ],
      [
        'committed without a plan',
        { budgetPlanned: undefined, budgetCommitted: 10 },
        /dépasse le budget prévu \(0 €\)/,
      ],
      ['a negative budget', { budgetPlanned: -1 }, /^budgetPlanned : le montant ne peut pas être négatif/],
      ['a budget with 3 decimals', { budgetPlanned: 10.001 }, /^budgetPlanned : montant en euros/],
      ['a budget as text', { budgetPlanned: '1000' }, /^budgetPlanned : /],
      [
        'an end before the start',
        { startDate: '2026-06-01', endDate: '2026-05-31' },
        /^endDate : la fin \(2026-05-31\) précède/,
      ],
      ['a malformed date', { startDate: '2026-02-30' }, /^startDate : date attendue/],
      ['an unknown type', { type: 'party' }, /^type : valeurs possibles/],
      ['an unknown status', { status: 'done' }, /^status : valeurs possibles/],
      ['a one-letter name', { name: 'X' }, /^name : 2 caractères/],
      [
        'an indicator without name',
        { indicators: [{ target: 3, value: 1 }] },
        /^indicators\.0\.name : le nom de l’indicateur est obligatoire\.$/,
      ],
      [
        'an indicator with a text target',
        { indicators: [{ name: 'Places', target: 'six', value: 1 }] },
        /^indicators\.0\.target : nombre attendu \(ou null\)\.$/,
      ],
      ['an unknown site', { siteIds: [UNKNOWN_ID] }, /^siteIds : terrain introuvable/],
      ['a duplicated site', { siteIds: [UNKNOWN_ID, UNKNOWN_ID] }, /^siteIds : un terrain apparaît deux fois/],
      ['an unknown issue', { issueIds: [UNKNOWN_ID] }, /^issueIds : difficulté d’accès introuvable/],
      ['an unknown field', { budgetSpent: 3 }, /« budgetSpent » n’est pas autorisé/],
    ])('create with %s', async (_, overrides, message) => {
      const before = await fieldworkCounts(t);
      const res = await officer('post', '/api/support-measures').send(buildMeasure(overrides)).expect(400);
      expectMessage(res, message);
      expect(await fieldworkCounts(t)).toEqual(before);
    });

    it('an archived issue cannot be linked', async () => {
      const archived = await insertIssue(t, site.id, { archived: true });
      const before = await fieldworkCounts(t);
      await officer('post', '/api/support-measures')
        .send(buildMeasure({ issueIds: [archived.id] }))
        .expect(400);
      expect(await fieldworkCounts(t)).toEqual(before);
    });

    it.each<[string, Body, RegExp]>([
      ['no version', { name: 'Nouveau nom' }, /^version : /],
      [
        'a plan lowered under the commitment',
        { version: 1, budgetPlanned: 4999 },
        /dépasse le budget prévu \(4999 €\)/,
      ],
      ['an end before the stored start', { version: 1, endDate: '2025-12-31' }, /^endDate : /],
      ['a name set to null', { version: 1, name: null }, /^name : /],
      ['the département', { version: 1, departementCode: '75' }, /« departementCode » n’est pas autorisé/],
    ])('patch with %s', async (_, body, message) => {
      const measure = await createMeasure();
      const before = await fieldworkCounts(t);
      const res = await officer('patch', `/api/support-measures/${measure.id}`).send(body).expect(400);
      expectMessage(res, message);
      expect(await fieldworkCounts(t)).toEqual(before);
    });
  });

  it('PATCH replaces the links when given; a stale version answers 409 and changes nothing', async () => {
    const measure = await createMeasure({ siteIds: [site.id] });
    const res = await officer('patch', `/api/support-measures/${measure.id}`)
      .send({ version: 1, budgetCommitted: 20000, siteIds: [other.id], issueIds: [issueId] })
      .expect(200);
    expect(res.body).toMatchObject({ version: 2, budgetCommitted: 20000, sites: [{ id: other.id }], issueCount: 1 });
    const before = await fieldworkCounts(t);
    const stale = await officer('patch', `/api/support-measures/${measure.id}`)
      .send({ version: 1, siteIds: [] })
      .expect(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    expect(await fieldworkCounts(t)).toEqual(before);
  });
});
