import { hasPermission, ROLES, type TaskView, type TodoList } from '@maillage/shared/domain';

import { AuditEvent } from '../src/common/audit/audit-event.entity';
import { Clock } from '../src/common/clock/clock';
import { Task } from '../src/tasks/task.entity';
import { TerritoryLoaderService } from '../src/territory/territory-loader.service';
import { type Body, buildSite, insertProfessional } from './site-factories';
import { type AuthedAgent, type Method, startTestApp, type TestApp } from './test-app';

const TODAY = '2026-03-11'; // a Wednesday: the week ends on Sunday the 15th
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const READ_ONLY_ROLES = ROLES.filter((role) => !hasPermission(role, 'tasks.write'));

describe('/api/tasks (real PostgreSQL)', () => {
  let t: TestApp;
  let officer: AuthedAgent;
  let officerId: string;
  let siteId: string;
  let professionalId: string;

  const agentOf =
    (token: string): AuthedAgent =>
    (method, path) =>
      t.http()[method](path).set('Authorization', `Bearer ${token}`);
  const idOf = async (token: string) => (await agentOf(token)('get', '/api/auth/me').expect(200)).body.id as string;
  async function create(body: Body): Promise<TaskView> {
    const res = await officer('post', '/api/tasks').send(body);
    if (res.status !== 201) throw new Error(`create task: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as TaskView;
  }
  async function written() {
    const rows = await t.db.getRepository(Task).find({ order: { id: 'ASC' } });
    return {
      rows: rows.map((r) => `${r.id}:${r.version}:${r.status}`),
      audit: await t.db.getRepository(AuditEvent).count(),
    };
  }

  beforeAll(async () => {
    t = await startTestApp({ TERRITORY_DEPARTEMENTS: '77,75' });
    await t.app.get(TerritoryLoaderService).load(['77', '75']);
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(`${TODAY}T09:00:00Z`));
    officer = await t.as('mission_officer');
    officerId = await idOf(await t.tokenFor('mission_officer'));
    siteId = (
      await officer('post', '/api/sites')
        .send(buildSite({ name: 'MSP des Capucins' }))
        .expect(201)
    ).body.id;
    professionalId = (await insertProfessional(t, { firstName: 'Claire', lastName: 'Dupont' })).id;
  });
  afterAll(() => t.close());

  describe('permissions', () => {
    let id: string;
    beforeAll(async () => {
      id = (await create({ title: 'Appeler la mairie', subjectType: 'site', subjectId: siteId })).id;
    });
    const writes: [string, Method, (id: string) => string, Body][] = [
      ['create', 'post', () => '/api/tasks', { title: 'Interdit' }],
      ['patch', 'patch', (i) => `/api/tasks/${i}`, { version: 1, title: 'Interdit' }],
      ['complete', 'post', (i) => `/api/tasks/${i}/complete`, { version: 1 }],
      ['reopen', 'post', (i) => `/api/tasks/${i}/reopen`, { version: 1 }],
      ['cancel', 'post', (i) => `/api/tasks/${i}/cancel`, { version: 1 }],
      ['archive', 'delete', (i) => `/api/tasks/${i}`, {}],
      ['restore', 'post', (i) => `/api/tasks/${i}/restore`, {}],
      ['run the reminders', 'post', () => '/api/tasks/reminders/run', {}],
    ];

    it.each(ROLES.flatMap((role) => ['/api/tasks', '/api/tasks/todo', 'one'].map((path) => [role, path] as const)))(
      '%s may read %s if the map says so: 200, else 403',
      async (role, path) => {
        await (
          await t.as(role)
        )('get', path === 'one' ? `/api/tasks/${id}` : path).expect(hasPermission(role, 'tasks.read') ? 200 : 403);
      },
    );

    it.each(
      READ_ONLY_ROLES.flatMap((role) => writes.map(([name, m, path, body]) => [role, name, m, path, body] as const)),
    )('%s may not %s: 403, nothing written', async (role, _, method, path, body) => {
      const before = await written();
      await (await t.as(role))(method, path(id)).send(body).expect(403);
      expect(await written()).toEqual(before);
    });

    it.each(writes.map(([name, method, path]) => [name, method, path(UNKNOWN_ID)] as const))(
      'without a token, %s answers 401',
      async (_, method, path) => {
        await t.http()[method](path).send({}).expect(401);
      },
    );

    it('keeps another département out: 404 on the task, 400 on a subject of ours, absent from its lists', async () => {
      const other = agentOf(await t.tokenFor('mission_officer', { departementCode: '75' }));
      await other('get', `/api/tasks/${id}`).expect(404);
      await other('patch', `/api/tasks/${id}`).send({ version: 1, title: 'Volé' }).expect(404);
      expect((await other('get', '/api/tasks').expect(200)).body.total).toBe(0);
      expect((await other('get', '/api/tasks/todo').expect(200)).body.counts.open).toBe(0);
      const res = await other('post', '/api/tasks').send({ title: 'Volé', subjectType: 'site', subjectId: siteId });
      expect(res.status).toBe(400);
      expect(res.body.message).toBe('subjectId : terrain de stage introuvable dans votre département.');
    });
  });

  describe('writes', () => {
    it('creates a task on a subject, named in French, with an owner of the département; audited', async () => {
      const cdomId = await idOf(await t.tokenFor('cdom'));
      const task = await create({
        title: '  Relancer Dr Dupont  ',
        subjectType: 'professional',
        subjectId: professionalId,
        ownerId: cdomId,
        dueOn: '2026-03-20',
        priority: 'high',
      });
      expect(task).toMatchObject({
        title: 'Relancer Dr Dupont',
        departementCode: '77',
        version: 1,
        status: 'open',
        priority: 'high',
        overdue: false,
        owner: { id: cdomId, displayName: 'Test cdom' },
        ownerLabel: null,
        subject: { type: 'professional', id: professionalId, label: 'Dr Claire Dupont' },
        rule: null,
      });
      const audit = await t.db.getRepository(AuditEvent).findOneByOrFail({ entityId: task.id });
      expect(audit).toMatchObject({ action: 'created', entityType: 'task' });
    });

    it.each<[string, Body, string]>([
      ['no title', { dueOn: '2026-03-20' }, 'title : le titre est obligatoire.'],
      ['an unknown field', { title: 'Ok', status: 'done' }, 'Le champ « status » n’est pas autorisé.'],
      ['a French date', { title: 'Ok', dueOn: '20/03/2026' }, 'dueOn : date attendue au format AAAA-MM-JJ.'],
      ['an unknown priority', { title: 'Ok', priority: 'urgent' }, 'priority : valeurs possibles low, normal, high.'],
      [
        'a subject type alone',
        { title: 'Ok', subjectType: 'site' },
        'subjectType, subjectId : donnez les deux, ou aucun des deux.',
      ],
      [
        'an unknown subject',
        { title: 'Ok', subjectType: 'measure', subjectId: UNKNOWN_ID },
        'subjectId : dispositif introuvable dans votre département.',
      ],
      [
        'two owners',
        { title: 'Ok', ownerId: UNKNOWN_ID, ownerLabel: 'Mairie' },
        expect.stringMatching(/^ownerId, ownerLabel : un responsable seulement/) as unknown as string,
      ],
      [
        'an unknown owner',
        { title: 'Ok', ownerId: UNKNOWN_ID },
        'ownerId : le responsable doit être un compte actif du département.',
      ],
    ])('refuses %s: 400, nothing written', async (_, body, message) => {
      const before = await written();
      const res = await officer('post', '/api/tasks').send(body).expect(400);
      expect([res.body.message].flat()).toContainEqual(message);
      expect(await written()).toEqual(before);
    });

    it('refuses an owner of another département', async () => {
      const otherId = await idOf(await t.tokenFor('mission_officer', { departementCode: '75' }));
      await officer('post', '/api/tasks').send({ title: 'Ok', ownerId: otherId }).expect(400);
    });

    it('edits from the version read (409 when stale, nothing changed), and moves through its statuses', async () => {
      const task = await create({ title: 'Préparer le comité', ownerLabel: 'Mairie de Melun' });
      const edited = await officer('patch', `/api/tasks/${task.id}`)
        .send({ version: 1, ownerId: officerId })
        .expect(200);
      expect(edited.body).toMatchObject({ version: 2, owner: { id: officerId }, ownerLabel: null });
      const before = await written();
      const stale = await officer('patch', `/api/tasks/${task.id}`).send({ version: 1, title: 'Périmé' }).expect(409);
      expect(stale.body.code).toBe('VERSION_CONFLICT');
      await officer('post', `/api/tasks/${task.id}/complete`).send({ version: 1 }).expect(409);
      expect(await written()).toEqual(before);

      const done = await officer('post', `/api/tasks/${task.id}/complete`).set('If-Match', '"2"').send({}).expect(200);
      expect(done.body).toMatchObject({ status: 'done', version: 3, completedAt: `${TODAY}T09:00:00.000Z` });
      const again = await officer('post', `/api/tasks/${task.id}/cancel`).send({ version: 3 }).expect(409);
      expect(again.body.code).toBe('INVALID_STATE');
      const reopened = await officer('post', `/api/tasks/${task.id}/reopen`).send({ version: 3 }).expect(200);
      expect(reopened.body).toMatchObject({ status: 'open', completedAt: null });
      await officer('post', `/api/tasks/${task.id}/cancel`).send({ version: 4 }).expect(200);
      await officer('delete', `/api/tasks/${task.id}`).send({}).expect(204);
      const live = await officer('get', '/api/tasks?pageSize=200').expect(200);
      expect((live.body.items as TaskView[]).map((i) => i.id)).not.toContain(task.id);
      await officer('post', `/api/tasks/${task.id}/restore`).send({}).expect(200);
    });

    it('keeps the subject of a reminder', async () => {
      const repo = t.db.getRepository(Task);
      const reminder = await repo.save(
        repo.create({
          departementCode: '77',
          title: 'Rappel',
          rule: 'site_not_visited',
          reminderKey: `k:${siteId}`,
          subjectType: 'site',
          subjectId: siteId,
        }),
      );
      const res = await officer('patch', `/api/tasks/${reminder.id}`).send({
        version: 1,
        subjectType: 'professional',
        subjectId: professionalId,
      });
      expect(res.status).toBe(400);
      await officer('patch', `/api/tasks/${reminder.id}`).send({ version: 1, dueOn: '2026-04-01' }).expect(200);
    });
  });

  describe('the to-do', () => {
    const ids: Record<string, string> = {};
    let colleague: AuthedAgent;

    beforeAll(async () => {
      await t.db.query(`UPDATE tasks SET status = 'cancelled'`);
      const colleagueToken = await t.tokenFor('mission_officer', { email: 'collegue@test.maillage.fr' });
      colleague = agentOf(colleagueToken);
      const colleagueId = await idOf(colleagueToken);
      const plan: [string, Body][] = [
        ['teamOverdue', { dueOn: '2026-03-01' }],
        ['mineOverdue', { dueOn: '2026-03-09', priority: 'high', ownerId: officerId }],
        ['thisWeek', { dueOn: '2026-03-13', priority: 'low' }],
        ['sunday', { dueOn: '2026-03-15', priority: 'high' }],
        ['laterHigh', { dueOn: '2026-03-20', priority: 'high' }],
        ['noDate', {}],
        ['nextMonday', { dueOn: '2026-03-16' }],
        ['colleagueOverdue', { dueOn: '2026-02-01', ownerId: colleagueId }],
        ['externalThisWeek', { dueOn: '2026-03-12', ownerLabel: 'Mairie de Melun' }],
        ['done', { dueOn: '2026-01-01' }],
      ];
      for (const [name, body] of plan) ids[name] = (await create({ title: name, ...body })).id;
      await officer('post', `/api/tasks/${ids['done']}/complete`).send({ version: 1 }).expect(200);
    });
    const names = (items: { id: string }[]) => items.map((i) => Object.keys(ids).find((k) => ids[k] === i.id));

    it('puts mine and the team’s first, then overdue (oldest first), this week, high priority, the rest', async () => {
      const res = await officer('get', '/api/tasks/todo').expect(200);
      const todo = res.body as TodoList;
      expect(names(todo.items)).toEqual([
        'teamOverdue',
        'mineOverdue',
        'thisWeek',
        'sunday',
        'laterHigh',
        'nextMonday',
        'noDate',
        'colleagueOverdue',
        'externalThisWeek',
      ]);
      expect(todo.items.map((i) => i.bucket)).toEqual([
        'overdue',
        'overdue',
        'this_week',
        'this_week',
        'high_priority',
        'later',
        'later',
        'overdue',
        'this_week',
      ]);
      expect(todo.items.map((i) => i.mine)).toEqual([true, true, true, true, true, true, true, false, false]);
      expect(todo).toMatchObject({
        today: TODAY,
        weekEnd: '2026-03-15',
        total: 9,
        counts: { overdue: 3, dueThisWeek: 3, open: 9 },
      });
    });

    it('is the reader’s own: the colleague sees hers first; it pages in the database', async () => {
      const theirs = (await colleague('get', '/api/tasks/todo').expect(200)).body as TodoList;
      expect(names(theirs.items).slice(0, 2)).toEqual(['colleagueOverdue', 'teamOverdue']);
      expect(names(theirs.items).indexOf('mineOverdue')).toBe(7);
      const page = (await officer('get', '/api/tasks/todo?page=2&pageSize=2').expect(200)).body as TodoList;
      expect(names(page.items)).toEqual(['thisWeek', 'sunday']);
    });

    it.each<[string, string[]]>([
      ['owner=me', ['mineOverdue']],
      ['overdue=true&sort=dueOn:asc', ['colleagueOverdue', 'teamOverdue', 'mineOverdue']],
      ['status=done', ['done']],
      ['dueAfter=2026-03-13&dueBefore=2026-03-16&status=open', ['thisWeek', 'sunday', 'nextMonday']],
      ['dueAfter=2026-03-13&dueBefore=2026-03-16&sort=priority:asc', ['sunday', 'nextMonday', 'thisWeek']],
    ])('filters the list: %s', async (query, expected) => {
      const res = await officer('get', `/api/tasks?${query}&rule=manual&pageSize=200`).expect(200);
      expect(names(res.body.items)).toEqual(expected);
    });

    it('refuses bad filters: 400', async () => {
      await officer('get', '/api/tasks?owner=moi').expect(400);
      await officer('get', '/api/tasks?overdue=yes').expect(400);
      await officer('get', '/api/tasks?rule=other').expect(400);
      await officer('get', '/api/tasks?sort=title:asc').expect(400);
      await officer('get', '/api/tasks/todo?pageSize=500').expect(400);
    });
  });
});
