import type { CommitteeMeetingDetail, Role } from '@maillage/shared/domain';

import { CommitteeMeeting } from '../src/committees/committee-meeting.entity';
import { AuditEvent } from '../src/common/audit/audit-event.entity';
import { Task } from '../src/tasks/task.entity';
import { TerritoryLoaderService } from '../src/territory/territory-loader.service';
import { type AuthedAgent, startTestApp, type TestApp } from './test-app';

const READ_ONLY_ROLES: Role[] = ['cdom', 'departement', 'committee'];
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

function buildMeeting(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'follow_up',
    heldOn: '2026-10-06',
    title: 'Comité de suivi d’octobre',
    location: 'Hôtel du Département, Melun',
    attendees: [
      { name: 'Mme Durand', organisation: 'departement', title: 'Vice-présidente santé', present: true },
      { name: 'Dr Petit', organisation: 'cdom', present: false },
    ],
    agenda: '1. État de l’offre\n2. Terrains sous surveillance',
    decisions: [{ text: 'Relancer les terrains non visités.' }],
    ...overrides,
  };
}

describe('/api/committee-meetings (real PostgreSQL)', () => {
  let t: TestApp;
  let officer: AuthedAgent;
  let officerId: string;

  const counts = async () => ({
    meetings: (await t.db.getRepository(CommitteeMeeting).find()).map((m) => `${m.id}:${m.version}`).sort(),
    tasks: await t.db.getRepository(Task).count(),
    audit: await t.db.getRepository(AuditEvent).count(),
  });
  const create = async (overrides: Record<string, unknown> = {}) =>
    (await officer('post', '/api/committee-meetings').send(buildMeeting(overrides)).expect(201))
      .body as CommitteeMeetingDetail;

  beforeAll(async () => {
    t = await startTestApp({ TERRITORY_DEPARTEMENTS: '77,75' });
    await t.app.get(TerritoryLoaderService).load(['77', '75']);
    officer = await t.as('mission_officer');
    officerId = (await t.db.query(`SELECT id FROM users WHERE role = 'mission_officer'`))[0].id;
  });
  afterAll(() => t.close());

  it('401 without a session', async () => {
    await t.http().get('/api/committee-meetings').expect(401);
    await t.http().post('/api/committee-meetings').send(buildMeeting()).expect(401);
  });

  it('the mission officer writes a meeting that every role reads', async () => {
    const meeting = await create();
    expect(meeting).toMatchObject({ kind: 'follow_up', status: 'planned', attendeeCount: 2, version: 1 });
    expect(meeting.attendees[1]).toEqual({ name: 'Dr Petit', organisation: 'cdom', title: null, present: false });
    for (const role of READ_ONLY_ROLES) {
      const agent = await t.as(role);
      await agent('get', `/api/committee-meetings/${meeting.id}`).expect(200);
      const list = await agent('get', '/api/committee-meetings').expect(200);
      expect(list.body.items.map((m: { id: string }) => m.id)).toContain(meeting.id);
    }
  });

  it.each(READ_ONLY_ROLES)('%s cannot write', async (role) => {
    const meeting = await create();
    const before = await counts();
    const agent = await t.as(role);
    await agent('post', '/api/committee-meetings').send(buildMeeting()).expect(403);
    await agent('patch', `/api/committee-meetings/${meeting.id}`).send({ version: 1, title: 'Autre' }).expect(403);
    await agent('delete', `/api/committee-meetings/${meeting.id}`).send({}).expect(403);
    await agent('post', `/api/committee-meetings/${meeting.id}/actions`)
      .send({ items: [{ title: 'Relancer', dueOn: '2026-11-01' }] })
      .expect(403);
    expect(await counts()).toEqual(before);
  });

  it('400 on bad input, nothing written', async () => {
    const meeting = await create();
    const before = await counts();
    const bad = [
      { kind: 'annual' },
      { heldOn: '06/10/2026' },
      { title: '' },
      { attendees: [{ name: 'X Y', organisation: 'mairie', present: true }] },
      { attendees: [{ name: 'X Y', organisation: 'cdom' }] },
      { decisions: [{ text: '' }] },
      { snapshotId: UNKNOWN_ID },
      { annualReportId: UNKNOWN_ID },
      { snapshotId: 'nope' },
    ];
    for (const overrides of bad) {
      await officer('post', '/api/committee-meetings').send(buildMeeting(overrides)).expect(400);
    }
    await officer('patch', `/api/committee-meetings/${meeting.id}`).send({ version: 1, title: null }).expect(400);
    await officer('patch', `/api/committee-meetings/${meeting.id}`).send({ version: 1, status: 'done' }).expect(400);
    expect(await counts()).toEqual(before);
  });

  it('updates with the version read; a stale one is a 409', async () => {
    const meeting = await create();
    const res = await officer('patch', `/api/committee-meetings/${meeting.id}`)
      .send({ version: 1, status: 'held', minutes: 'Compte rendu.', decisions: [{ text: 'Décision A' }] })
      .expect(200);
    expect(res.body).toMatchObject({ status: 'held', minutes: 'Compte rendu.', version: 2, title: meeting.title });
    expect(res.body.decisions).toEqual([{ text: 'Décision A' }]);
    const before = await counts();
    await officer('patch', `/api/committee-meetings/${meeting.id}`).send({ version: 1, title: 'Périmé' }).expect(409);
    await officer('delete', `/api/committee-meetings/${meeting.id}`).send({ version: 1 }).expect(409);
    expect(await counts()).toEqual(before);
  });

  it('attaches a snapshot of its département', async () => {
    const snapshot = (await officer('post', '/api/offer-snapshots').send({ title: 'Relevé' }).expect(201)).body;
    const meeting = await create({ snapshotId: snapshot.id });
    expect(meeting.snapshot).toMatchObject({ id: snapshot.id, title: 'Relevé' });
    const token75 = await t.tokenFor('mission_officer', { departementCode: '75' });
    const before = await counts();
    await t
      .http()
      .post('/api/committee-meetings')
      .set('Authorization', `Bearer ${token75}`)
      .send(buildMeeting({ departementCode: '75', snapshotId: snapshot.id }))
      .expect(400);
    expect(await counts()).toEqual(before);
  });

  it('filters by kind, status and year', async () => {
    const strategic = await create({ kind: 'strategic', heldOn: '2027-03-10', status: 'held' });
    const list = async (query: string) =>
      ((await officer('get', `/api/committee-meetings?${query}`).expect(200)).body.items as { id: string }[]).map(
        (m) => m.id,
      );
    expect(await list('kind=strategic')).toEqual([strategic.id]);
    expect(await list('year=2027')).toEqual([strategic.id]);
    expect(await list('year=2027&status=planned')).toEqual([]);
    expect((await list('kind=follow_up')).includes(strategic.id)).toBe(false);
    await officer('get', '/api/committee-meetings?year=abc').expect(400);
    await officer('get', '/api/committee-meetings?kind=annual').expect(400);
  });

  it('turns action items into tasks, all or none', async () => {
    const meeting = await create();
    const before = await counts();
    const items = [
      { title: 'Relancer les terrains non visités', ownerId: officerId, dueOn: '2026-11-15' },
      { title: 'Saisir la faculté', ownerLabel: 'Faculté de médecine', dueOn: '2026-12-01' },
    ];
    // The second item is wrong: nothing is written.
    await officer('post', `/api/committee-meetings/${meeting.id}/actions`)
      .send({ items: [items[0], { ...items[1], ownerId: officerId }] })
      .expect(400);
    await officer('post', `/api/committee-meetings/${meeting.id}/actions`)
      .send({ items: [items[0], { ...items[1], dueOn: 'bientôt' }] })
      .expect(400);
    await officer('post', `/api/committee-meetings/${meeting.id}/actions`)
      .send({ items: [items[0], { ...items[1], ownerLabel: undefined, ownerId: UNKNOWN_ID }] })
      .expect(400);
    await officer('post', `/api/committee-meetings/${meeting.id}/actions`).send({ items: [] }).expect(400);
    expect(await counts()).toEqual(before);

    const res = await officer('post', `/api/committee-meetings/${meeting.id}/actions`).send({ items }).expect(201);
    expect(
      (res.body as CommitteeMeetingDetail).actions.map((a) => [a.title, a.ownerName, a.ownerLabel, a.dueOn, a.status]),
    ).toEqual([
      ['Relancer les terrains non visités', 'Test mission_officer', null, '2026-11-15', 'open'],
      ['Saisir la faculté', null, 'Faculté de médecine', '2026-12-01', 'open'],
    ]);
    const tasks = await t.db.getRepository(Task).findBy({ subjectId: meeting.id });
    expect(tasks.map((x) => x.subjectType)).toEqual(['committee_meeting', 'committee_meeting']);
    const after = await counts();
    expect(after.tasks).toBe(before.tasks + 2);
    expect(after.audit).toBe(before.audit + 2);

    // The tasks list shows them with the meeting as subject.
    const list = await officer('get', `/api/tasks?subjectType=committee_meeting&subjectId=${meeting.id}`).expect(200);
    expect(list.body.total).toBe(2);
    const read = await (await t.as('committee'))('get', `/api/committee-meetings/${meeting.id}`).expect(200);
    expect(read.body.actions).toHaveLength(2);
  });

  it('archives; another département sees nothing', async () => {
    const meeting = await create();
    const other = await t.tokenFor('committee', { departementCode: '75', email: 'committee.75@test.maillage.fr' });
    await t.http().get(`/api/committee-meetings/${meeting.id}`).set('Authorization', `Bearer ${other}`).expect(404);
    await officer('delete', `/api/committee-meetings/${meeting.id}`).send({}).expect(204);
    const list = await officer('get', '/api/committee-meetings').expect(200);
    expect(list.body.items.map((m: { id: string }) => m.id)).not.toContain(meeting.id);
    await officer('post', `/api/committee-meetings/${meeting.id}/actions`)
      .send({ items: [{ title: 'Trop tard', dueOn: '2026-11-01' }] })
      .expect(409);
  });
});
