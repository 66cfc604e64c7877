import type { MeasureBudgetSummary, MeasurePage, SiteRecord } from '@maillage/shared/domain';
import type { Response } from 'supertest';

import { buildMeasure, insertIssue } from './issue-factories';
import { type Body, buildSite } from './site-factories';
import { type AuthedAgent, startTestApp, type TestApp } from './test-app';

const names = (res: Response): string[] => (res.body.items as { name: string }[]).map((m) => m.name);

describe('/api/support-measures list, totals and summary (real PostgreSQL)', () => {
  let t: TestApp;
  let agent: AuthedAgent;
  let siteA: SiteRecord;

  beforeAll(async () => {
    t = await startTestApp();
    agent = await t.as('mission_officer');
    siteA = (await agent('post', '/api/sites').send(buildSite()).expect(201)).body;
    const issue = await insertIssue(t, siteA.id);
    const rows: Body[] = [
      {
        name: 'Aide au loyer',
        type: 'housing_aid',
        status: 'active',
        budgetPlanned: 20000,
        budgetCommitted: 5000.5,
        siteIds: [siteA.id],
      },
      {
        name: 'Maison des internes de Provins',
        type: 'intern_house',
        status: 'planned',
        budgetPlanned: 150000,
        budgetCommitted: 0,
      },
      {
        name: 'Navette gare',
        type: 'transport_aid',
        status: 'active',
        budgetPlanned: 8000,
        budgetCommitted: 8000,
        issueIds: [issue.id],
      },
      {
        name: 'Seconde aide au loyer',
        type: 'housing_aid',
        status: 'completed',
        budgetPlanned: 1000.25,
        budgetCommitted: 1000.25,
      },
      {
        name: 'Ancienne campagne',
        type: 'communication',
        status: 'cancelled',
        budgetPlanned: 500,
        budgetCommitted: 0,
      },
    ];
    for (const body of rows) await agent('post', '/api/support-measures').send(buildMeasure(body)).expect(201);
    const archived = (await agent('get', '/api/support-measures?q=ancienne').expect(200)).body.items[0];
    await agent('delete', `/api/support-measures/${archived.id}`).expect(204);
  });
  afterAll(() => t.close());

  it('lists by name with the totals of every match, not just the page', async () => {
    const res = await agent('get', '/api/support-measures?pageSize=2').expect(200);
    const page = res.body as MeasurePage;
    expect(names(res)).toEqual(['Aide au loyer', 'Maison des internes de Provins']);
    expect(page.totals).toEqual({ count: 4, budgetPlanned: 179000.25, budgetCommitted: 14000.75 });
    const housing = (await agent('get', '/api/support-measures?type=housing_aid').expect(200)).body as MeasurePage;
    expect(housing.totals).toEqual({ count: 2, budgetPlanned: 21000.25, budgetCommitted: 6000.75 });
  });

  it.each<[string, string[]]>([
    ['status=active', ['Aide au loyer', 'Navette gare']],
    ['type=intern_house', ['Maison des internes de Provins']],
    ['q=LOYER', ['Aide au loyer', 'Seconde aide au loyer']],
    ['archived=true', ['Ancienne campagne']],
    ['sort=budgetPlanned:desc&pageSize=2', ['Maison des internes de Provins', 'Aide au loyer']],
  ])('filters with %s', async (query, expected) => {
    expect(names(await agent('get', `/api/support-measures?${query}`).expect(200))).toEqual(expected);
  });

  it('filters by site and by issue', async () => {
    expect(names(await agent('get', `/api/support-measures?site=${siteA.id}`).expect(200))).toEqual(['Aide au loyer']);
    const issue = (await agent('get', '/api/access-issues').expect(200)).body.items[0].id as string;
    expect(names(await agent('get', `/api/support-measures?issue=${issue}`).expect(200))).toEqual(['Navette gare']);
  });

  it('sums planned vs committed by type (live measures), every type listed', async () => {
    const summary = (await agent('get', '/api/support-measures/summary').expect(200)).body as MeasureBudgetSummary;
    expect(summary.byType).toHaveLength(7);
    expect(summary.byType.find((r) => r.type === 'housing_aid')).toEqual({
      type: 'housing_aid',
      count: 2,
      budgetPlanned: 21000.25,
      budgetCommitted: 6000.75,
    });
    expect(summary.byType.find((r) => r.type === 'communication')).toMatchObject({ count: 0, budgetPlanned: 0 });
    expect(summary.totals).toEqual({ count: 4, budgetPlanned: 179000.25, budgetCommitted: 14000.75 });
    const active = (await agent('get', '/api/support-measures/summary?status=active').expect(200)).body;
    expect(active.totals).toEqual({ count: 2, budgetPlanned: 28000, budgetCommitted: 13000.5 });
  });

  it.each(['type=party', 'status=done', 'site=abc', 'sort=cost:asc', 'color=red'])('refuses %s', async (query) => {
    await agent('get', `/api/support-measures?${query}`).expect(400);
  });
});
