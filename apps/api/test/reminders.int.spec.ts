import type { AccreditationDetail, ReminderRunResult, TodoList } from '@maillage/shared/domain';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';

import { createApp } from '../src/bootstrap';
import { Clock } from '../src/common/clock/clock';
import { loadConfig } from '../src/config/app-config';
import { ReminderScheduler } from '../src/tasks/reminders/reminder-scheduler';
import { REMINDERS_LOCK, RemindersService } from '../src/tasks/reminders/reminders.service';
import { Task } from '../src/tasks/task.entity';
import { buildAccreditation, buildSite, insertProfessional } from './site-factories';
import { backdate, insertReferral, insertVisit, insertVisitAction, remindersAbout } from './task-factories';
import { type AuthedAgent, startTestApp, type TestApp } from './test-app';

/** Each rule: nothing before its day, one task on it, none more later, a new key once the record changed. */
describe('reminders (real PostgreSQL, controllable clock)', () => {
  let t: TestApp;
  let officer: AuthedAgent;
  let reminders: RemindersService;
  let officerId: string;
  let cdomId: string;

  const run = (today: string) => reminders.run(today);
  const about = async (id: string) =>
    (await remindersAbout(t, id)).map((r) => ({ key: r.reminderKey, title: r.title, dueOn: r.dueOn }));
  const newSite = async (name: string, createdAt = '2025-01-15T10:00:00+01:00') => {
    const id = (await officer('post', '/api/sites').send(buildSite({ name })).expect(201)).body.id as string;
    await backdate(t, 'training_sites', id, createdAt);
    return id;
  };

  beforeAll(async () => {
    t = await startTestApp({
      ACCREDITATION_ALERT_MONTHS: '6',
      SITE_VISIT_INTERVAL_MONTHS: '12',
      REFERRAL_FOLLOW_UP_DAYS: '30',
    });
    reminders = t.app.get(RemindersService);
    officer = await t.as('mission_officer');
    officerId = (await officer('get', '/api/auth/me').expect(200)).body.id;
    const cdom = await t.as('cdom');
    cdomId = (await cdom('get', '/api/auth/me').expect(200)).body.id;
  });
  afterAll(() => t.close());

  it('accreditation in force expiring within the alert window (6 months), unless a renewal is under way', async () => {
    const holder = (await insertProfessional(t, { firstName: 'Claire', lastName: 'Dupont' })).id;
    const create = async (body: Record<string, unknown>) =>
      (await officer('post', '/api/accreditations').send(body).expect(201)).body as AccreditationDetail;
    const a = await create(
      buildAccreditation(
        { professionalId: holder },
        { status: 'granted', startDate: '2022-04-01', endDate: '2027-03-31' },
      ),
    );
    const renewing = (await insertProfessional(t, { lastName: 'Renouvelle' })).id;
    const b = await create(
      buildAccreditation(
        { professionalId: renewing },
        { status: 'granted', startDate: '2022-02-01', endDate: '2027-01-31' },
      ),
    );
    await create(buildAccreditation({ professionalId: renewing }));

    expect((await run('2026-09-30')).created.accreditation_expiring).toBe(0);
    expect((await run('2026-10-01')).created.accreditation_expiring).toBe(1);
    const first = {
      key: `accreditation_expiring:${a.id}:2027-03-31`,
      title: 'Agrément de Dr Claire Dupont à renouveler avant le 31/03/2027',
      dueOn: '2027-03-31',
    };
    expect(await about(a.id)).toEqual([first]);
    for (const day of ['2026-10-01', '2026-12-15']) expect((await run(day)).created.accreditation_expiring).toBe(0);
    expect(await about(a.id)).toEqual([first]);
    expect(await about(b.id)).toEqual([]);

    await officer('patch', `/api/accreditations/${a.id}`)
      .send({ version: a.version, endDate: '2028-03-31' })
      .expect(200);
    await run('2027-03-31');
    expect(await about(a.id)).toEqual([first]);
    await run('2027-10-01');
    expect((await about(a.id)).map((r) => r.key)).toEqual([first.key, `accreditation_expiring:${a.id}:2028-03-31`]);
  });

  it('active site not visited for 12 months, or never (from its creation); a planned visit does not count', async () => {
    const site = await newSite('MSP du Lavoir');
    const prospect = (
      await officer('post', '/api/sites')
        .send(buildSite({ status: 'prospect' }))
        .expect(201)
    ).body.id as string;
    await backdate(t, 'training_sites', prospect, '2024-01-01T10:00:00+01:00');
    await insertVisit(t, site, { status: 'planned', visitedOn: '2025-06-01' });

    await run('2026-01-14');
    expect(await about(site)).toEqual([]);
    await run('2026-01-15');
    const never = {
      key: `site_not_visited:${site}:never`,
      title: 'Visiter le terrain « MSP du Lavoir » (jamais visité)',
      dueOn: '2026-01-15',
    };
    expect(await about(site)).toEqual([never]);

    await insertVisit(t, site, { visitedOn: '2026-02-10' });
    for (const day of ['2026-01-20', '2026-06-01', '2027-02-09']) await run(day);
    expect(await about(site)).toEqual([never]);
    await run('2027-02-10');
    await run('2027-03-01');
    expect(await about(site)).toEqual([
      never,
      {
        key: `site_not_visited:${site}:2026-02`,
        title: 'Visiter le terrain « MSP du Lavoir » (dernière visite le 10/02/2026)',
        dueOn: '2027-02-10',
      },
    ]);
    expect(await about(prospect)).toEqual([]);
  });

  it('a first start on old data: the reminders raised today are due today, never already overdue', async () => {
    // Created in 2024, never visited: the rule fell due in 2025, but the reminder is raised only now.
    const site = await newSite('Cabinet du Vieux Moulin', '2024-03-10T10:00:00+01:00');
    const referral = await insertReferral(t, cdomId, { createdAt: '2024-11-05T10:00:00+01:00' });
    await run('2026-12-07');
    expect(await about(site)).toEqual([
      {
        key: `site_not_visited:${site}:never`,
        title: 'Visiter le terrain « Cabinet du Vieux Moulin » (jamais visité)',
        dueOn: '2026-12-07',
      },
    ]);
    expect((await about(referral.id)).map((r) => [r.key, r.dueOn])).toEqual([
      [`referral_without_follow_up:${referral.id}:2024-11-05`, '2026-12-07'],
    ]);
    // Raised once: another run later changes nothing, the due date included.
    await run('2026-12-20');
    expect((await about(site)).map((r) => r.dueOn)).toEqual(['2026-12-07']);
  });

  it('open referral without follow-up for 30 days, owned by its assigned mission officer', async () => {
    const referral = await insertReferral(t, cdomId, { createdAt: '2026-01-05T10:00:00+01:00' });
    const declined = await insertReferral(t, cdomId, { createdAt: '2025-01-05T10:00:00+01:00', status: 'declined' });

    await run('2026-02-03');
    expect(await about(referral.id)).toEqual([]);
    await run('2026-02-04');
    const first = {
      key: `referral_without_follow_up:${referral.id}:2026-01-05`,
      title: 'Relancer le signalement de Dr Jeanne Leroy (sans suivi depuis le 05/01/2026)',
      dueOn: '2026-02-04',
    };
    expect(await about(referral.id)).toEqual([first]);

    const assigned = await officer('post', `/api/candidate-referrals/${referral.id}/assign`)
      .send({ version: 1, userId: officerId })
      .expect(201);
    await officer('post', `/api/candidate-referrals/${referral.id}/follow-ups`)
      .send({ note: 'Appel : intéressée.', occurredAt: '2026-02-10T16:00:00+01:00' })
      .expect(201);
    expect(assigned.body.status).toBe('assigned');
    for (const day of ['2026-02-04', '2026-03-11']) await run(day);
    expect(await about(referral.id)).toEqual([first]);
    await run('2026-03-12');
    await run('2026-04-30');
    const reminders = await remindersAbout(t, referral.id);
    expect(reminders.map((r) => [r.reminderKey, r.ownerId])).toEqual([
      [first.key, null],
      [`referral_without_follow_up:${referral.id}:2026-02-10`, officerId],
    ]);
    expect(await about(declined.id)).toEqual([]);
  });

  it('visit follow-up action overdue and owned outside the team: a reminder to chase it, the action untouched', async () => {
    const visit = await insertVisit(t, await newSite('Cabinet des Tilleuls'), { visitedOn: '2026-03-20' });
    const external = await insertVisitAction(t, visit, {
      title: 'Installer un poste informatique',
      dueOn: '2026-04-10',
      ownerLabel: 'Dr Martin (MSU)',
    });
    const cdoms = await insertVisitAction(t, visit, {
      title: 'Contacter la faculté',
      dueOn: '2026-04-10',
      ownerId: cdomId,
    });
    const ours = await insertVisitAction(t, visit, {
      title: 'Envoyer le compte rendu',
      dueOn: '2026-04-10',
      ownerId: officerId,
    });
    const keysOf = async () => (await remindersAbout(t, visit.id)).map((r) => r.reminderKey);

    await run('2026-04-10');
    expect(await keysOf()).toEqual([]);
    await run('2026-04-11');
    await run('2026-04-20');
    const reminders = await remindersAbout(t, visit.id);
    expect(reminders.map((r) => [r.reminderKey, r.title, r.dueOn, r.priority, r.subjectType, r.visitId])).toEqual(
      [
        [
          `visit_action_overdue:${cdoms.id}:2026-04-10`,
          'Relancer Test cdom : « Contacter la faculté » attendu le 10/04/2026',
          '2026-04-11',
          'high',
          'site_visit',
          null,
        ],
        [
          `visit_action_overdue:${external.id}:2026-04-10`,
          'Relancer Dr Martin (MSU) : « Installer un poste informatique » attendu le 10/04/2026',
          '2026-04-11',
          'high',
          'site_visit',
          null,
        ],
      ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    );
    expect((await t.db.getRepository(Task).findOneByOrFail({ id: ours.id })).version).toBe(1);

    await officer('patch', `/api/tasks/${external.id}`).send({ version: 1, dueOn: '2026-05-01' }).expect(200);
    await officer('post', `/api/tasks/${cdoms.id}/complete`).send({ version: 1 }).expect(200);
    await run('2026-05-01');
    expect(await keysOf()).toHaveLength(2);
    await run('2026-05-02');
    expect(await keysOf()).toContain(`visit_action_overdue:${external.id}:2026-05-01`);
    expect(await keysOf()).toHaveLength(3);
  });

  describe('two instances on one database', () => {
    let second: INestApplication;
    beforeAll(async () => {
      second = await createApp(t.config, t.databaseUrl, { quiet: true });
      await second.init();
    });
    afterAll(() => second.close());

    /** One record per rule, each falling due on 2030-01-10. */
    async function dueRecords(tag: string): Promise<string[]> {
      const holder = (await insertProfessional(t, { lastName: `Concurrent${tag}` })).id;
      const body = buildAccreditation(
        { professionalId: holder },
        { status: 'granted', startDate: '2025-07-11', endDate: '2030-07-10' },
      );
      const accreditation = (await officer('post', '/api/accreditations').send(body).expect(201)).body.id as string;
      const site = await newSite(`MSP concurrente ${tag}`, '2029-01-10T10:00:00+01:00');
      const referral = (await insertReferral(t, cdomId, { createdAt: '2029-12-11T10:00:00+01:00', lastName: tag })).id;
      const visit = await insertVisit(t, await newSite(`Visitée ${tag}`, '2029-06-01T10:00:00+01:00'), {
        visitedOn: '2029-12-01',
      });
      await insertVisitAction(t, visit, { title: 'Action', dueOn: '2030-01-09', ownerLabel: 'Mairie' });
      return [accreditation, site, referral, visit.id];
    }
    const tasksAbout = async (ids: string[]) =>
      Promise.all(ids.map(async (id) => (await remindersAbout(t, id)).length));

    it('raise each reminder once when both run at the same moment', async () => {
      const ids = await dueRecords('A');
      const before = await t.db.getRepository(Task).count();
      const results: ReminderRunResult[] = await Promise.all([
        run('2030-01-10'),
        second.get(RemindersService).run('2030-01-10'),
      ]);
      expect(await tasksAbout(ids)).toEqual([1, 1, 1, 1]);
      const inserted = (await t.db.getRepository(Task).count()) - before;
      expect(results[0].total + results[1].total).toBe(inserted);
      expect(results.filter((r) => r.skipped).length).toBeLessThanOrEqual(1);
    });

    it('skip while another instance holds the lock, and write nothing', async () => {
      const ids = await dueRecords('B');
      const holder = new Client({ connectionString: t.databaseUrl });
      await holder.connect();
      try {
        await holder.query('SELECT pg_advisory_lock($1)', [REMINDERS_LOCK]);
        const skipped = await second.get(RemindersService).run('2030-01-10');
        expect(skipped).toMatchObject({ skipped: true, total: 0 });
        expect(await tasksAbout(ids)).toEqual([0, 0, 0, 0]);
      } finally {
        await holder.end();
      }
      const ran = await run('2030-01-10');
      expect(ran.skipped).toBe(false);
      expect(ran.created).toEqual({
        accreditation_expiring: 1,
        site_not_visited: 1,
        referral_without_follow_up: 1,
        visit_action_overdue: 1,
      });
      expect(await tasksAbout(ids)).toEqual([1, 1, 1, 1]);
    });
  });

  it('runs from the route for the caller’s département, and from the scheduler until shutdown', async () => {
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date('2031-01-01T08:00:00Z'));
    const res = await officer('post', '/api/tasks/reminders/run').expect(200);
    expect(res.body).toMatchObject({ today: '2031-01-01', skipped: false });
    expect(res.body.total).toBeGreaterThan(0);
    const todo = (await officer('get', '/api/tasks/todo?pageSize=200').expect(200)).body as TodoList;
    expect(todo.items.find((i) => i.rule === 'accreditation_expiring')?.subject?.label).toMatch(/^Agrément de Dr /);

    const site = await newSite('Terrain du planificateur', '2030-01-01T10:00:00+01:00');
    const scheduler = t.app.get(ReminderScheduler);
    expect(scheduler.start()).toBe(true);
    expect(scheduler.start()).toBe(false);
    await scheduler.beforeApplicationShutdown();
    expect(await about(site)).toHaveLength(1);
    const off = new ReminderScheduler(reminders, t.app.get(Clock), loadConfig({ REMINDERS_INTERVAL_MINUTES: '0' }));
    expect(off.start()).toBe(false);
  });
});
