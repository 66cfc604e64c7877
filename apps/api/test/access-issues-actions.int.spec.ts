import type { AccessIssueDetail, MeasureDetail, SiteRecord } from '@maillage/shared/domain';

import { AuditEvent } from '../src/common/audit/audit-event.entity';
import { buildIssue, buildMeasure, CLOSING as CLOSE, fieldworkCounts } from './issue-factories';
import { type Body, buildSite } from './site-factories';
import { type AuthedAgent, startTestApp, type TestApp } from './test-app';

describe('/api/access-issues actions: versions, states and measures (real PostgreSQL)', () => {
  let t: TestApp;
  let officer: AuthedAgent;
  let site: SiteRecord;
  let measure: MeasureDetail;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.as('mission_officer');
    site = (await officer('post', '/api/sites').send(buildSite()).expect(201)).body;
    measure = (await officer('post', '/api/support-measures').send(buildMeasure()).expect(201)).body;
  });
  afterAll(() => t.close());

  async function createIssue(overrides: Body = {}): Promise<AccessIssueDetail> {
    const res = await officer('post', '/api/access-issues').send(buildIssue(site.id, overrides));
    if (res.status !== 201) throw new Error(`create issue: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  describe('versions and states', () => {
    it('a stale version answers 409 and changes nothing; a move from the wrong status too', async () => {
      const issue = await createIssue();
      await officer('patch', `/api/access-issues/${issue.id}`).send({ version: 1, severity: 1 }).expect(200);
      const before = await fieldworkCounts(t);
      const stale = await officer('post', `/api/access-issues/${issue.id}/resolve`)
        .send({ version: 1, ...CLOSE, measureIds: [measure.id] })
        .expect(409);
      expect(stale.body.code).toBe('VERSION_CONFLICT');
      const wrong = await officer('post', `/api/access-issues/${issue.id}/reopen`).send({ version: 2 }).expect(409);
      expect(wrong.body).toMatchObject({ code: 'INVALID_STATE', message: expect.stringMatching(/« Ouverte »/) });
      expect(await fieldworkCounts(t)).toEqual(before);
    });

    it('two resolves from the same version: one 200, one 409, only the winner’s measures linked', async () => {
      const issue = await createIssue();
      const other = (
        await officer('post', '/api/support-measures')
          .send(buildMeasure({ name: 'Navette' }))
          .expect(201)
      ).body as MeasureDetail;
      const bodies = [
        { version: 1, ...CLOSE, resolution: 'Par le logement.', measureIds: [measure.id] },
        { version: 1, ...CLOSE, resolution: 'Par la navette.', measureIds: [other.id] },
      ];
      const answers = await Promise.all(
        bodies.map((b) => officer('post', `/api/access-issues/${issue.id}/resolve`).send(b)),
      );
      expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
      const winner = bodies[answers.findIndex((r) => r.status === 200)];
      const now = (await officer('get', `/api/access-issues/${issue.id}`).expect(200)).body as AccessIssueDetail;
      expect(now).toMatchObject({ version: 2, status: 'resolved', resolution: winner.resolution });
      expect(now.measures.map((m) => m.id)).toEqual(winner.measureIds);
      expect(await t.db.getRepository(AuditEvent).countBy({ entityId: issue.id, action: 'resolved' })).toBe(1);
    });

    it('resolving links the measures (seen from both sides, audited); reopening clears the closing', async () => {
      const issue = await createIssue({ raisedOn: '2026-02-01' });
      const res = await officer('post', `/api/access-issues/${issue.id}/resolve`)
        .set('If-Match', '"1"')
        .send({ ...CLOSE, measureIds: [measure.id] })
        .expect(200);
      expect(res.body).toMatchObject({
        status: 'resolved',
        closedOn: '2026-03-01',
        measures: [{ id: measure.id, name: measure.name }],
      });
      const seen = (await officer('get', `/api/support-measures/${measure.id}`).expect(200)).body as MeasureDetail;
      expect(seen.issues.map((i) => i.id)).toContain(issue.id);
      const [event] = await t.db.getRepository(AuditEvent).find({ where: { entityId: issue.id, action: 'resolved' } });
      expect(event.changes['measures']).toEqual({ before: [], after: [measure.name] });
      const reopened = await officer('post', `/api/access-issues/${issue.id}/reopen`).send({ version: 2 }).expect(200);
      expect(reopened.body).toMatchObject({
        status: 'open',
        closedOn: null,
        resolution: null,
        measures: [{ id: measure.id }],
      });
    });

    it('an archived issue leaves the list, cannot be moved, and comes back when restored', async () => {
      const issue = await createIssue({ description: 'Parking introuvable le mardi matin.' });
      await officer('delete', `/api/access-issues/${issue.id}`).expect(204);
      expect((await officer('get', '/api/access-issues?q=mardi').expect(200)).body.total).toBe(0);
      expect((await officer('get', '/api/access-issues?q=mardi&archived=true').expect(200)).body.total).toBe(1);
      await officer('post', `/api/access-issues/${issue.id}/start`).send({ version: 2 }).expect(409);
      await officer('post', `/api/access-issues/${issue.id}/restore`).send({}).expect(200);
      expect((await officer('get', '/api/access-issues?q=mardi').expect(200)).body.total).toBe(1);
    });
  });
});
