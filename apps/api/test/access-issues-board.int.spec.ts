import type { AccessIssueBoard, AccessIssueSummary, SiteRecord } from '@maillage/shared/domain';
import type { Response } from 'supertest';

import { TerritoryLoaderService } from '../src/territory/territory-loader.service';
import { insertIssue, type IssueRow } from './issue-factories';
import { buildSite } from './site-factories';
import { type AuthedAgent, startTestApp, type TestApp } from './test-app';

const descriptions = (res: Response): string[] => (res.body.items as AccessIssueSummary[]).map((i) => i.description);

/**
 * Hand-made data: at Almont (77), 8 issues of which one archived; at Bréau (77), one; at a
 * Paris site (75), one that no user of the 77 may count.
 */
const ALMONT: (IssueRow & { description: string })[] = [
  { description: 'A1 logement trop cher', category: 'housing', severity: 3, status: 'open', raisedOn: '2026-01-10' },
  {
    description: 'A2 logement loin',
    category: 'housing',
    severity: 2,
    status: 'open',
    raisedOn: '2026-02-10',
    source: 'cdom',
  },
  {
    description: 'A3 logement insalubre',
    category: 'housing',
    severity: 4,
    status: 'in_progress',
    raisedOn: '2026-03-10',
  },
  { description: 'A4 logement vacant', category: 'housing', severity: 4, status: 'resolved', raisedOn: '2026-01-20' },
  {
    description: 'A5 pas de bus',
    category: 'public_transport',
    severity: 1,
    status: 'open',
    raisedOn: '2026-04-01',
    source: 'intern',
  },
  {
    description: 'A6 train supprimé',
    category: 'public_transport',
    severity: 3,
    status: 'wont_fix',
    raisedOn: '2026-04-02',
  },
  {
    description: 'A7 parking payant',
    category: 'parking',
    severity: 2,
    status: 'resolved',
    raisedOn: '2026-05-01',
    source: 'msu',
  },
  {
    description: 'A8 archivée',
    category: 'housing',
    severity: 4,
    status: 'open',
    raisedOn: '2026-05-02',
    archived: true,
  },
];

describe('/api/access-issues board and list filters (real PostgreSQL)', () => {
  let t: TestApp;
  let officer: AuthedAgent;
  let officer75: AuthedAgent;
  let almont: SiteRecord;
  let breau: SiteRecord;

  beforeAll(async () => {
    t = await startTestApp({ TERRITORY_DEPARTEMENTS: '77,75' });
    await t.app.get(TerritoryLoaderService).load(['77', '75']);
    officer = await t.as('mission_officer');
    const token75 = await t.tokenFor('mission_officer', { departementCode: '75' });
    officer75 = (method, path) => t.http()[method](path).set('Authorization', `Bearer ${token75}`);
    almont = (
      await officer('post', '/api/sites')
        .send(buildSite({ name: 'MSP de l’Almont' }))
        .expect(201)
    ).body;
    breau = (
      await officer('post', '/api/sites')
        .send(buildSite({ name: 'Cabinet Bréau' }))
        .expect(201)
    ).body;
    const paris = (
      await officer75('post', '/api/sites')
        .send(buildSite({ communeCode: '75056', postalCode: '75012', latitude: 48.84, longitude: 2.39 }))
        .expect(201)
    ).body as SiteRecord;
    for (const row of ALMONT) await insertIssue(t, almont.id, row);
    await insertIssue(t, breau.id, {
      description: 'B1 logement',
      category: 'housing',
      severity: 1,
      raisedOn: '2026-06-01',
    });
    await insertIssue(t, paris.id, { description: 'P1 Paris', departementCode: '75', severity: 4 });
  });
  afterAll(() => t.close());

  const row = (board: AccessIssueBoard, category: string) => board.rows.find((r) => r.category === category);

  it('counts by category × status against hand-computed values, every category listed', async () => {
    const board = (await officer('get', '/api/access-issues/board').expect(200)).body as AccessIssueBoard;
    expect(board.rows).toHaveLength(10);
    expect(row(board, 'housing')).toEqual({
      category: 'housing',
      counts: { open: 3, in_progress: 1, resolved: 1, wont_fix: 0 },
      open: 4,
      maxOpenSeverity: 4,
    });
    expect(row(board, 'public_transport')).toEqual({
      category: 'public_transport',
      counts: { open: 1, in_progress: 0, resolved: 0, wont_fix: 1 },
      open: 1,
      maxOpenSeverity: 1,
    });
    expect(row(board, 'parking')).toMatchObject({ open: 0, maxOpenSeverity: null, counts: { resolved: 1 } });
    expect(row(board, 'safety')).toEqual({
      category: 'safety',
      counts: { open: 0, in_progress: 0, resolved: 0, wont_fix: 0 },
      open: 0,
      maxOpenSeverity: null,
    });
    expect(board.totals).toEqual({ open: 4, in_progress: 1, resolved: 2, wont_fix: 1 });
  });

  it('narrows the board to a site and a period', async () => {
    const site = (await officer('get', `/api/access-issues/board?site=${breau.id}`).expect(200))
      .body as AccessIssueBoard;
    expect(site.totals).toEqual({ open: 1, in_progress: 0, resolved: 0, wont_fix: 0 });
    expect(row(site, 'housing')?.maxOpenSeverity).toBe(1);
    const q1 = (await officer('get', '/api/access-issues/board?from=2026-01-01&to=2026-03-31').expect(200))
      .body as AccessIssueBoard;
    expect(q1.totals).toEqual({ open: 2, in_progress: 1, resolved: 1, wont_fix: 0 });
  });

  it('a user of the 75 sees only the 75', async () => {
    const board = (await officer75('get', '/api/access-issues/board').expect(200)).body as AccessIssueBoard;
    expect(board.totals).toEqual({ open: 1, in_progress: 0, resolved: 0, wont_fix: 0 });
    expect(descriptions(await officer75('get', '/api/access-issues').expect(200))).toEqual(['P1 Paris']);
  });

  it('lists newest first by default, with the site', async () => {
    const res = await officer('get', '/api/access-issues').expect(200);
    expect(res.body).toMatchObject({ total: 8, page: 1, pageSize: 25 });
    expect(descriptions(res)[0]).toBe('B1 logement');
    expect(res.body.items[0].site).toEqual({ id: breau.id, name: 'Cabinet Bréau', communeName: 'Melun' });
  });

  it.each<[string, string[]]>([
    ['category=parking', ['A7 parking payant']],
    ['severity=4', ['A3 logement insalubre', 'A4 logement vacant']],
    ['status=in_progress', ['A3 logement insalubre']],
    ['status=resolved,wont_fix', ['A4 logement vacant', 'A6 train supprimé', 'A7 parking payant']],
    ['status=resolved&status=wont_fix', ['A4 logement vacant', 'A6 train supprimé', 'A7 parking payant']],
    ['source=cdom', ['A2 logement loin']],
    [
      'open=true&category=housing',
      ['A1 logement trop cher', 'A2 logement loin', 'A3 logement insalubre', 'B1 logement'],
    ],
    ['open=false', ['A4 logement vacant', 'A6 train supprimé', 'A7 parking payant']],
    ['from=2026-04-01&to=2026-04-30', ['A5 pas de bus', 'A6 train supprimé']],
    ['q=LOGEMENT trop', ['A1 logement trop cher']],
    ['q=breau', ['B1 logement']],
    ['archived=true', ['A8 archivée']],
    ['severity=3&open=true', ['A1 logement trop cher', 'A3 logement insalubre']],
  ])('filters with %s', async (query, expected) => {
    const res = await officer('get', `/api/access-issues?${query}&sort=raisedOn:asc&pageSize=50`).expect(200);
    expect(descriptions(res).sort()).toEqual([...expected].sort());
  });

  it('filters by site, sorts by severity and pages in the database', async () => {
    const res = await officer(
      'get',
      `/api/access-issues?site=${almont.id}&sort=severity:desc&pageSize=3&page=1`,
    ).expect(200);
    expect(res.body.total).toBe(7);
    expect((res.body.items as AccessIssueSummary[]).map((i) => i.severity)).toEqual([4, 4, 3]);
    const last = await officer(
      'get',
      `/api/access-issues?site=${almont.id}&sort=severity:desc&pageSize=3&page=3`,
    ).expect(200);
    expect(descriptions(last)).toEqual(['A5 pas de bus']);
  });

  it.each([
    'severity=5',
    'severity=deux',
    'status=closed',
    'open=yes',
    'category=weather',
    'site=abc',
    'from=2026-13-01',
    'from=2026-05-01&to=2026-04-01',
    'sort=price:asc',
    'pageSize=201',
    'color=red',
  ])('refuses %s with a 400', async (query) => {
    await officer('get', `/api/access-issues?${query}`).expect(400);
  });

  it.each(['site=abc', 'from=2026-05-01&to=2026-04-01', 'status=open'])('the board refuses %s', async (query) => {
    await officer('get', `/api/access-issues/board?${query}`).expect(400);
  });
});
