import {
  type AccessIssueDetail,
  hasPermission,
  type Permission,
  type Role,
  ROLES,
  rolesWith,
  type SiteRecord,
} from '@maillage/shared/domain';

import { AuditEvent } from '../src/common/audit/audit-event.entity';
import { buildIssue, CLOSING as CLOSE, expectMessage, fieldworkCounts, UNKNOWN_ID } from './issue-factories';
import { type Body, buildSite, daysFromToday } from './site-factories';
import { type AuthedAgent, type Method, startTestApp, type TestApp } from './test-app';

describe('/api/access-issues (real PostgreSQL)', () => {
  let t: TestApp;
  let officer: AuthedAgent;
  let cdom: AuthedAgent;
  let site: SiteRecord;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.as('mission_officer');
    cdom = await t.as('cdom');
    site = (await officer('post', '/api/sites').send(buildSite()).expect(201)).body;
  });
  afterAll(() => t.close());

  async function createIssue(overrides: Body = {}, agent = officer): Promise<AccessIssueDetail> {
    const res = await agent('post', '/api/access-issues').send(buildIssue(site.id, overrides));
    if (res.status !== 201) throw new Error(`create issue: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  describe('permissions', () => {
    let issue: AccessIssueDetail;
    beforeAll(async () => {
      issue = await createIssue();
    });

    const reads: [string, (id: string) => string][] = [
      ['list', () => '/api/access-issues'],
      ['board', () => '/api/access-issues/board'],
      ['detail', (id) => `/api/access-issues/${id}`],
    ];
    const closing: [string, Method, (id: string) => string, () => Body][] = [
      ['start', 'post', (id) => `/api/access-issues/${id}/start`, () => ({ version: 1 })],
      ['resolve', 'post', (id) => `/api/access-issues/${id}/resolve`, () => ({ version: 1, ...CLOSE })],
      ['wont-fix', 'post', (id) => `/api/access-issues/${id}/wont-fix`, () => ({ version: 1, ...CLOSE })],
      ['reopen', 'post', (id) => `/api/access-issues/${id}/reopen`, () => ({ version: 1 })],
      ['archive', 'delete', (id) => `/api/access-issues/${id}`, () => ({})],
      ['restore', 'post', (id) => `/api/access-issues/${id}/restore`, () => ({})],
    ];
    const writes: typeof closing = [
      ['create', 'post', () => '/api/access-issues', () => buildIssue(site.id)],
      ['patch', 'patch', (id) => `/api/access-issues/${id}`, () => ({ version: 1, severity: 1 })],
      ...closing,
    ];
    /** The CDOM proposes (create, patch its proposal); only the mission officer handles. */
    const permissionOf = (name: string): Permission =>
      name === 'create' || name === 'patch' ? 'accessIssues.propose' : 'accessIssues.handle';
    const forbidden: [Role, (typeof writes)[number]][] = ROLES.flatMap((role) =>
      writes.filter(([name]) => !hasPermission(role, permissionOf(name))).map((w) => [role, w] as [Role, typeof w]),
    );

    it.each(ROLES.flatMap((role) => reads.map(([name, path]) => [role, name, path] as const)))(
      '%s may read (%s) if the map says so: 200, else 403',
      async (role, _, path) => {
        await (await t.as(role))('get', path(issue.id)).expect(hasPermission(role, 'accessIssues.read') ? 200 : 403);
      },
    );

    it.each(forbidden.map(([role, [name, method, path, body]]) => [role, name, method, path, body] as const))(
      '%s may not %s: 403, nothing written',
      async (role, _, method, path, body) => {
        const before = await fieldworkCounts(t);
        const res = await (await t.as(role))(method, path(issue.id)).send(body()).expect(403);
        expect(res.body.message).toBe('Vous n’avez pas le droit de faire cette action.');
        expect(await fieldworkCounts(t)).toEqual(before);
      },
    );

    it.each(rolesWith('accessIssues.handle'))('%s may do everything, in order', async (role) => {
      const agent = await t.as(role);
      const { id } = await createIssue({}, agent);
      const steps: [Method, string, Body, number][] = [
        ['patch', '', { version: 1, severity: 4 }, 200],
        ['post', '/start', { version: 2 }, 200],
        ['post', '/resolve', { version: 3, ...CLOSE }, 200],
        ['post', '/reopen', { version: 4 }, 200],
        ['post', '/wont-fix', { version: 5, ...CLOSE }, 200],
        ['delete', '', { version: 6 }, 204],
        ['post', '/restore', { version: 7 }, 200],
      ];
      for (const [method, suffix, body, status] of steps) {
        await agent(method, `/api/access-issues/${id}${suffix}`).send(body).expect(status);
      }
      const actions = (
        await t.db.getRepository(AuditEvent).find({ where: { entityId: id }, order: { occurredAt: 'ASC' } })
      ).map((e) => e.action);
      expect(actions).toEqual([
        'created',
        'updated',
        'started',
        'resolved',
        'reopened',
        'wont_fix',
        'archived',
        'restored',
      ]);
    });

    it.each([
      ['get', '/api/access-issues'],
      ['get', '/api/access-issues/board'],
      ['get', `/api/access-issues/${UNKNOWN_ID}`],
      ['post', '/api/access-issues'],
      ['patch', `/api/access-issues/${UNKNOWN_ID}`],
      ...['start', 'resolve', 'wont-fix', 'reopen', 'restore'].map((a) => [
        'post',
        `/api/access-issues/${UNKNOWN_ID}/${a}`,
      ]),
      ['delete', `/api/access-issues/${UNKNOWN_ID}`],
    ] as [Method, string][])('without a token, %s %s answers 401', async (method, path) => {
      await t.http()[method](path).send({}).expect(401);
    });
  });

  describe('the CDOM proposes', () => {
    it('201: the source is forced to cdom, the status is open, the author kept', async () => {
      const issue = await createIssue({ source: 'msu' }, cdom);
      expect(issue).toMatchObject({ source: 'cdom', status: 'open', reportedById: expect.any(String), measures: [] });
      const patched = await cdom('patch', `/api/access-issues/${issue.id}`)
        .send({ version: 1, severity: 1, source: 'intern' })
        .expect(200);
      expect(patched.body).toMatchObject({ version: 2, severity: 1, source: 'cdom' });
    });

    it('403 on someone else’s issue, and once the mission officer has taken it up; never closes', async () => {
      const theirs = await createIssue();
      await cdom('patch', `/api/access-issues/${theirs.id}`).send({ version: 1, severity: 1 }).expect(403);
      const own = await createIssue({}, cdom);
      await cdom('post', `/api/access-issues/${own.id}/resolve`)
        .send({ version: 1, ...CLOSE })
        .expect(403);
      await officer('post', `/api/access-issues/${own.id}/start`).send({ version: 1 }).expect(200);
      const before = await fieldworkCounts(t);
      const res = await cdom('patch', `/api/access-issues/${own.id}`).send({ version: 2, severity: 1 }).expect(403);
      expect(res.body.message).toMatch(/le CDOM ne peut plus la modifier/);
      expect(await fieldworkCounts(t)).toEqual(before);
    });
  });

  describe('bad input → 400, nothing written', () => {
    let issue: AccessIssueDetail;
    beforeAll(async () => {
      issue = await createIssue({ raisedOn: '2026-02-10' });
    });

    it.each<[string, () => Body, RegExp]>([
      ['no site', () => buildIssue(site.id, { siteId: undefined }), /^siteId : /],
      ['an unknown site', () => buildIssue(UNKNOWN_ID), /siteId : terrain introuvable/],
      ['an unknown category', () => buildIssue(site.id, { category: 'weather' }), /^category : valeurs possibles/],
      ['severity 0', () => buildIssue(site.id, { severity: 0 }), /^severity : entier de 1/],
      ['severity 5', () => buildIssue(site.id, { severity: 5 }), /^severity : /],
      ['severity as text', () => buildIssue(site.id, { severity: '2' }), /^severity : /],
      [
        'a 9-character description',
        () => buildIssue(site.id, { description: '  123456789 ' }),
        /10 caractères au moins/,
      ],
      ['a description over 4000', () => buildIssue(site.id, { description: 'x'.repeat(4001) }), /4000 caractères/],
      ['no source (mission officer)', () => buildIssue(site.id, { source: undefined }), /^source : précisez/],
      ['an unknown source', () => buildIssue(site.id, { source: 'press' }), /^source : valeurs possibles/],
      ['raisedOn in the future', () => buildIssue(site.id, { raisedOn: daysFromToday(3) }), /dans le futur/],
      ['raisedOn in French', () => buildIssue(site.id, { raisedOn: '15/01/2026' }), /^raisedOn : date attendue/],
      ['a status', () => buildIssue(site.id, { status: 'resolved' }), /« status » n’est pas autorisé/],
    ])('create with %s', async (_, body, message) => {
      const before = await fieldworkCounts(t);
      const res = await officer('post', '/api/access-issues').send(body()).expect(400);
      expectMessage(res, message);
      expect(await fieldworkCounts(t)).toEqual(before);
    });

    it.each<[string, string, Body, RegExp]>([
      ['patch without version', '', { severity: 2 }, /^version : /],
      ['patch with a null description', '', { version: 1, description: null }, /^description : /],
      ['patch to an unknown site', '', { version: 1, siteId: UNKNOWN_ID }, /siteId : terrain introuvable/],
      ['resolve without resolution', '/resolve', { version: 1, closedOn: '2026-03-01' }, /^resolution : /],
      ['resolve with a blank resolution', '/resolve', { version: 1, ...CLOSE, resolution: '   ' }, /^resolution : /],
      [
        'resolve closed before raised',
        '/resolve',
        { version: 1, ...CLOSE, closedOn: '2026-02-09' },
        /avant d’avoir été signalée/,
      ],
      ['resolve in the future', '/resolve', { version: 1, ...CLOSE, closedOn: daysFromToday(2) }, /dans le futur/],
      [
        'resolve with an unknown measure',
        '/resolve',
        { version: 1, ...CLOSE, measureIds: [UNKNOWN_ID] },
        /measureIds : dispositif introuvable/,
      ],
      [
        'resolve with a bad measure id',
        '/resolve',
        { version: 1, ...CLOSE, measureIds: ['m1'] },
        /^measureIds : identifiants/,
      ],
      ['wont-fix without closedOn', '/wont-fix', { version: 1, resolution: 'Hors compétence.' }, /^closedOn : /],
      ['start with an extra field', '/start', { version: 1, note: 'x' }, /« note » n’est pas autorisé/],
    ])('%s', async (_, suffix, body, message) => {
      const before = await fieldworkCounts(t);
      const method: Method = suffix ? 'post' : 'patch';
      const res = await officer(method, `/api/access-issues/${issue.id}${suffix}`).send(body).expect(400);
      expectMessage(res, message);
      expect(await fieldworkCounts(t)).toEqual(before);
    });

    it('malformed ids are 400, unknown ones 404', async () => {
      await officer('get', '/api/access-issues/abc').expect(400);
      const res = await officer('post', `/api/access-issues/${UNKNOWN_ID}/start`).send({ version: 1 }).expect(404);
      expect(res.body.message).toBe('Difficulté d’accès introuvable.');
    });
  });
});
