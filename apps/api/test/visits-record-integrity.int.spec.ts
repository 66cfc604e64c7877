import type { SiteRecord, SiteVisitDetail } from '@maillage/shared/domain';

import { AccessIssue } from '../src/access-issues/access-issue.entity';
import { AuditEvent } from '../src/common/audit/audit-event.entity';
import { Task } from '../src/tasks/task.entity';
import { User } from '../src/users/user.entity';
import { type Body, daysFromToday } from './site-factories';
import { type AuthedAgent, startTestApp, type TestApp } from './test-app';
import { buildRecord, counts, messagesOf, userIdOf, visitHelpers } from './visit-factories';

const issue = (overrides: Body = {}) => ({
  category: 'parking',
  severity: 1,
  description: 'Pas de place.',
  ...overrides,
});
const action = (overrides: Body = {}) => ({
  title: 'Relancer',
  ownerLabel: 'Mairie',
  dueOn: daysFromToday(30),
  ...overrides,
});

/** Recording is all or nothing, and never twice. */
describe('POST /api/site-visits/:id/record: atomicity, versions, states (real PostgreSQL)', () => {
  let t: TestApp;
  let officer: AuthedAgent;
  let officerId: string;
  let inactiveId: string;
  let h: ReturnType<typeof visitHelpers>;
  let site: SiteRecord;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.as('mission_officer');
    officerId = await userIdOf(t, 'mission_officer.77@test.maillage.fr');
    inactiveId = (await t.createUser('departement', { email: 'parti@test.maillage.fr' })).id;
    await t.db.getRepository(User).update({ id: inactiveId }, { isActive: false });
    h = visitHelpers(officer);
    site = await h.createSite({ name: 'MSP des Deux Rivières' });
  });
  afterAll(() => t.close());

  const record = (visit: SiteVisitDetail, body: Body) =>
    officer('post', `/api/site-visits/${visit.id}/record`).send(body);

  describe('nothing at all is written when any part is refused', () => {
    it('the 3rd issue invalid, or the 3rd action’s owner inactive: nothing at all is written', async () => {
      const visit = await h.planVisit(site.id);
      const before = await counts(t);
      const issues = [issue(), issue({ category: 'housing' }), issue({ severity: 0 })];
      const res = await record(visit, buildRecord(1, officerId, { issues })).expect(400);
      expect(messagesOf(res)).toEqual(expect.arrayContaining([expect.stringMatching(/^issues\.2\.severity : /)]));
      const actions = [action(), action(), action({ ownerLabel: undefined, ownerId: inactiveId })];
      await record(visit, buildRecord(1, officerId, { actions })).expect(400);
      expect(await counts(t)).toEqual(before);
    });

    it('a refusal by the database at the 3rd issue rolls back the visit, participants, issues and audit', async () => {
      // A trigger makes PostgreSQL itself refuse the 3rd issue of a visit, after the visit was
      // updated and two issues and their audit entries were written in the same transaction.
      await t.db.query(`CREATE FUNCTION test_refuse_third_issue() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF (SELECT count(*) FROM access_issues WHERE visit_id = NEW.visit_id) >= 2 THEN
            RAISE EXCEPTION 'refused by the test' USING ERRCODE = '22001';
          END IF;
          RETURN NEW;
        END $$`);
      await t.db.query(`CREATE TRIGGER test_refuse_third_issue BEFORE INSERT ON access_issues
        FOR EACH ROW EXECUTE FUNCTION test_refuse_third_issue()`);
      try {
        const visit = await h.planVisit(site.id);
        const before = await counts(t);
        const issues = [issue(), issue({ category: 'housing' }), issue({ category: 'it' })];
        await record(visit, buildRecord(1, officerId, { issues })).expect(400);
        expect(await counts(t)).toEqual(before);
        const row = await officer('get', `/api/site-visits/${visit.id}`).expect(200);
        expect(row.body).toMatchObject({ status: 'planned', version: 1, accessIssues: [], actions: [] });
      } finally {
        await t.db.query('DROP TRIGGER test_refuse_third_issue ON access_issues');
        await t.db.query('DROP FUNCTION test_refuse_third_issue()');
      }
    });
  });

  describe('versions and states', () => {
    it('a stale version answers 409 and writes nothing', async () => {
      const visit = await h.planVisit(site.id);
      await officer('patch', `/api/site-visits/${visit.id}`).send({ version: 1, notes: 'Reporté à 10 h.' }).expect(200);
      const before = await counts(t);
      const res = await record(visit, buildRecord(1, officerId)).expect(409);
      expect(res.body.message).toMatch(/modifié entre-temps/);
      expect(await counts(t)).toEqual(before);
    });

    it('two concurrent records of one visit: one 200, one 409, issues and tasks written once', async () => {
      const visit = await h.planVisit(site.id);
      const results = await Promise.all([1, 2].map(() => record(visit, buildRecord(1, officerId))));
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(await t.db.getRepository(AccessIssue).countBy({ visitId: visit.id })).toBe(2);
      expect(await t.db.getRepository(Task).countBy({ visitId: visit.id })).toBe(2);
      expect(await t.db.getRepository(AuditEvent).countBy({ entityId: visit.id, action: 'recorded' })).toBe(1);
    });

    it('a done visit cannot be recorded again (409), even with its current version', async () => {
      const done = await h.recordVisit(await h.planVisit(site.id), officerId);
      const before = await counts(t);
      const res = await record(done, buildRecord(done.version, officerId)).expect(409);
      expect(res.body.message).toBe('Cette visite est déjà enregistrée.');
      expect(await counts(t)).toEqual(before);
    });
  });
});
