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

describe('POST /api/site-visits/:id/record (real PostgreSQL)', () => {
  let t: TestApp;
  let officer: AuthedAgent;
  let officerId: string;
  let ids: Record<string, string>;
  let h: ReturnType<typeof visitHelpers>;
  let site: SiteRecord;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.as('mission_officer');
    officerId = await userIdOf(t, 'mission_officer.77@test.maillage.fr');
    const inactive = (await t.createUser('departement', { email: 'parti@test.maillage.fr' })).id;
    await t.db.getRepository(User).update({ id: inactive }, { isActive: false });
    ids = { inactive, national: (await t.createUser('admin')).id, cdom: (await t.createUser('cdom')).id };
    h = visitHelpers(officer);
    site = await h.createSite({ name: 'MSP des Deux Rivières' });
  });
  afterAll(() => t.close());

  const record = (visit: SiteVisitDetail, body: Body) =>
    officer('post', `/api/site-visits/${visit.id}/record`).send(body);

  it('records the visit, its participants, issues and actions in one go, each write audited', async () => {
    const visit = await h.planVisit(site.id, { participants: [{ kind: 'cdom', userId: ids['cdom'] }] });
    const body = buildRecord(1, officerId, { visitedOn: daysFromToday(-3) });
    const res = await record(visit, body).expect(200);
    const done = res.body as SiteVisitDetail;
    expect(done).toMatchObject({
      version: 2,
      status: 'done',
      visitedOn: body['visitedOn'],
      nextVisitOn: body['nextVisitOn'],
      findings: body['findings'],
      checklist: body['checklist'],
    });
    expect(done.participants.map((p) => [p.kind, p.name])).toEqual([
      ['mission_officer', 'Test mission_officer'],
      ['msu', 'Dr Claire Dupont'],
    ]);
    expect(done.accessIssues.map((i) => [i.category, i.severity, i.status])).toEqual([
      ['housing', 3, 'open'],
      ['public_transport', 2, 'open'],
    ]);
    expect(done.actions.map((a) => [a.title, a.owner?.displayName ?? a.ownerLabel, a.status])).toEqual([
      ['Contacter la mairie pour un logement communal', 'Test mission_officer', 'open'],
      ['Rédiger le livret d’accueil', 'MSU du site', 'open'],
    ]);

    const issues = await t.db.getRepository(AccessIssue).find({ where: { visitId: visit.id } });
    expect(issues).toHaveLength(2);
    for (const row of issues) {
      expect(row).toMatchObject({
        siteId: site.id,
        departementCode: '77',
        source: 'visit',
        status: 'open',
        raisedOn: body['visitedOn'],
        reportedById: officerId,
        version: 1,
      });
    }
    const tasks = await t.db.getRepository(Task).find({ where: { visitId: visit.id }, order: { dueOn: 'ASC' } });
    expect(tasks.map((x) => [x.subjectType, x.subjectId, x.rule, x.reminderKey, x.status])).toEqual([
      ['site_visit', visit.id, null, null, 'open'],
      ['site_visit', visit.id, null, null, 'open'],
    ]);
    expect(tasks.map((x) => [x.ownerId, x.ownerLabel])).toEqual([
      [officerId, null],
      [null, 'MSU du site'],
    ]);

    const events = await t.db.getRepository(AuditEvent).find({ where: { action: 'recorded' } });
    expect(events).toMatchObject([{ entityType: 'site_visit', entityId: visit.id }]);
    expect(events[0].changes['status']).toEqual({ before: 'planned', after: 'done' });
    const created = await t.db
      .getRepository(AuditEvent)
      .createQueryBuilder('e')
      .where('e.entityId IN (:...ids)', { ids: [...issues, ...tasks].map((x) => x.id) })
      .getMany();
    expect(created.map((e) => `${e.entityType}:${e.action}`).sort()).toEqual([
      'access_issue:created',
      'access_issue:created',
      'task:created',
      'task:created',
    ]);
  });

  describe('bad input → 400 with a clear message, nothing at all written', () => {
    const cases: [string, (ids: Record<string, string>) => Body, RegExp][] = [
      ['no version', () => ({ version: undefined }), /^version : la version lue est obligatoire/],
      [
        'a visit in the future',
        () => ({ visitedOn: daysFromToday(3) }),
        /^visitedOn : la date ne peut pas être dans le futur/,
      ],
      ['a French date', () => ({ visitedOn: '12/11/2026' }), /^visitedOn : date attendue/],
      ['no participant', () => ({ participants: [] }), /^participants : au moins un participant/],
      [
        'an unknown checklist item',
        () => ({ checklist: { wifi: { answer: 'ok' } } }),
        /« checklist\.wifi » n’est pas autorisé/,
      ],
      [
        'an unknown answer',
        () => ({ checklist: { parking: { answer: 'bof' } } }),
        /^checklist\.parking\.answer : valeurs possibles ok, to_improve/,
      ],
      ['a bare answer', () => ({ checklist: { parking: 'ok' } }), /^checklist\.parking/],
      ['a checklist as a list', () => ({ checklist: [{ answer: 'ok' }] }), /^checklist : objet attendu/],
      [
        'an extra field in an answer',
        () => ({ checklist: { parking: { answer: 'ok', score: 3 } } }),
        /« checklist\.parking\.score » n’est pas autorisé/,
      ],
      ['no findings', () => ({ findings: undefined }), /^findings : les constats sont obligatoires/],
      [
        'a next visit before the visit',
        () => ({ nextVisitOn: daysFromToday(-30) }),
        /^nextVisitOn : la prochaine visite doit être postérieure/,
      ],
      [
        'an unknown category',
        () => ({ issues: [issue({ category: 'meteo' })] }),
        /^issues\.0\.category : valeurs possibles/,
      ],
      ['a severity 5', () => ({ issues: [issue({ severity: 5 })] }), /^issues\.0\.severity : gravité de 1/],
      ['a severity as text', () => ({ issues: [issue({ severity: '3' })] }), /^issues\.0\.severity : /],
      [
        'an empty description',
        () => ({ issues: [issue({ description: '  ' })] }),
        /^issues\.0\.description : 5 caractères/,
      ],
      ['21 issues', () => ({ issues: Array.from({ length: 21 }, () => issue()) }), /^issues : 20 difficultés au plus/],
      [
        'an action without owner',
        () => ({ actions: [action({ ownerLabel: undefined })] }),
        /^actions\.0 : indiquez un responsable/,
      ],
      [
        'an action with two owners',
        (x) => ({ actions: [action({ ownerId: x['cdom'] })] }),
        /^actions\.0 : indiquez un responsable/,
      ],
      [
        'a due date before the visit',
        () => ({ actions: [action({ dueOn: daysFromToday(-60) })] }),
        /^actions\.0\.dueOn : l’échéance ne peut pas précéder/,
      ],
      [
        'a due date that does not exist',
        () => ({ actions: [action({ dueOn: '2027-02-30' })] }),
        /^actions\.0\.dueOn : date attendue/,
      ],
      [
        'an inactive owner',
        (x) => ({ actions: [action({ ownerLabel: undefined, ownerId: x['inactive'] })] }),
        /^actions\.0\.ownerId : responsable introuvable ou inactif/,
      ],
      [
        'an owner outside the département',
        (x) => ({ actions: [action({ ownerLabel: undefined, ownerId: x['national'] })] }),
        /^actions\.0\.ownerId : /,
      ],
      ['a visit field', () => ({ status: 'done' }), /« status » n’est pas autorisé/],
    ];

    it.each(cases)('%s', async (_, overrides, message) => {
      const visit = await h.planVisit(site.id);
      const before = await counts(t);
      const res = await record(visit, { ...buildRecord(1, officerId), ...overrides(ids) }).expect(400);
      expect(messagesOf(res)).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
      expect(await counts(t)).toEqual(before);
    });
  });
});
