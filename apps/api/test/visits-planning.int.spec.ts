import type { SiteRecord, SiteVisitDetail } from '@maillage/shared/domain';

import { AuditEvent } from '../src/common/audit/audit-event.entity';
import { User } from '../src/users/user.entity';
import { type Body, insertProfessional } from './site-factories';
import { type AuthedAgent, startTestApp, type TestApp } from './test-app';
import {
  buildRecord,
  buildVisitPlan,
  counts,
  messagesOf,
  monthsFromToday,
  UNKNOWN_ID,
  userIdOf,
  visitHelpers,
} from './visit-factories';

describe('/api/site-visits: planning, editing, cancelling, archiving (real PostgreSQL)', () => {
  let t: TestApp;
  let officer: AuthedAgent;
  let officerId: string;
  let cdomId: string;
  let inactiveId: string;
  let h: ReturnType<typeof visitHelpers>;
  let site: SiteRecord;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.as('mission_officer');
    officerId = await userIdOf(t, 'mission_officer.77@test.maillage.fr');
    cdomId = (await t.createUser('cdom', { email: 'cdom.visites@test.maillage.fr' })).id;
    inactiveId = (await t.createUser('mission_officer', { email: 'parti@test.maillage.fr' })).id;
    await t.db.getRepository(User).update({ id: inactiveId }, { isActive: false });
    h = visitHelpers(officer);
    site = await h.createSite({ name: 'MSP du Châtelet' });
  });
  afterAll(() => t.close());

  it('plans a visit: 201 with the site, the participants by name, and an audit entry', async () => {
    const msu = await insertProfessional(t, { firstName: 'Claire', lastName: 'Dupont' });
    const res = await officer('post', '/api/site-visits')
      .send(
        buildVisitPlan(site.id, {
          purpose: 'accreditation',
          notes: 'Apporter le dossier d’agrément.',
          participants: [
            { kind: 'mission_officer', userId: officerId },
            { kind: 'cdom', userId: cdomId },
            { kind: 'msu', professionalId: msu.id },
            { kind: 'other', name: 'Mme Morel, mairie de Melun' },
          ],
        }),
      )
      .expect(201);
    const visit = res.body as SiteVisitDetail;
    expect(visit).toMatchObject({
      version: 1,
      departementCode: '77',
      site: { id: site.id, name: 'MSP du Châtelet', communeName: 'Melun' },
      purpose: 'accreditation',
      status: 'planned',
      plannedTime: '09:30',
      visitedOn: null,
      checklist: {},
      accessIssues: [],
      actions: [],
    });
    expect(visit.participants.map((p) => [p.kind, p.name])).toEqual([
      ['mission_officer', 'Test mission_officer'],
      ['cdom', 'Test cdom'],
      ['msu', 'Dr Claire Dupont'],
      ['other', 'Mme Morel, mairie de Melun'],
    ]);
    const events = await t.db.getRepository(AuditEvent).find({ where: { entityId: visit.id } });
    expect(events).toMatchObject([{ action: 'created', entityType: 'site_visit', departementCode: '77' }]);
  });

  describe('bad input → 400 with a clear message, nothing written', () => {
    const participants = (...list: Body[]) => ({ participants: list });
    const cases: [string, (ids: Record<string, string>) => Body, RegExp][] = [
      ['no site', () => ({ siteId: undefined }), /^siteId : /],
      ['a site id that is not a uuid', () => ({ siteId: 'abc' }), /^siteId : identifiant/],
      ['an unknown site', () => ({ siteId: UNKNOWN_ID }), /^siteId : terrain de stage introuvable/],
      ['an unknown purpose', () => ({ purpose: 'tourisme' }), /^purpose : valeurs possibles/],
      ['a French date', () => ({ plannedOn: '12/11/2026' }), /^plannedOn : date attendue au format AAAA-MM-JJ/],
      ['a date that does not exist', () => ({ plannedOn: '2026-02-30' }), /^plannedOn : date attendue/],
      ['a date in 1999', () => ({ plannedOn: '1999-12-31' }), /^plannedOn : date antérieure au 2000-01-01/],
      ['a date 4 years ahead', () => ({ plannedOn: monthsFromToday(48) }), /^plannedOn : .*3 ans à l’avance/],
      ['a time 25:00', () => ({ plannedTime: '25:00' }), /^plannedTime : heure attendue/],
      ['a time 9h30', () => ({ plannedTime: '9h30' }), /^plannedTime : /],
      ['a status', () => ({ status: 'done' }), /« status » n’est pas autorisé/],
      ['participants not a list', () => ({ participants: { kind: 'cdom' } }), /^participants : liste attendue/],
      ['an unknown kind', () => participants({ kind: 'maire', name: 'M. X' }), /^participants\.0\.kind : /],
      ['a participant without identity', () => participants({ kind: 'other' }), /^participants\.0 : indiquez un seul/],
      [
        'a participant with two identities',
        (ids) => participants({ kind: 'cdom', userId: ids['cdom'], name: 'Dr X' }),
        /^participants\.0 : indiquez un seul/,
      ],
      [
        'an MSU given as an account',
        (ids) => participants({ kind: 'msu', userId: ids['officer'] }),
        /^participants\.0 : un maître de stage se désigne/,
      ],
      [
        'a CDOM account as mission officer',
        (ids) => participants({ kind: 'mission_officer', userId: ids['cdom'] }),
        /^participants\.0\.userId : ce compte ne peut pas figurer comme « Chargé·e de mission »/,
      ],
      [
        'an inactive account',
        (ids) => participants({ kind: 'mission_officer', userId: ids['inactive'] }),
        /^participants\.0\.userId : compte introuvable ou inactif/,
      ],
      [
        'an unknown professional',
        () => participants({ kind: 'msu', professionalId: UNKNOWN_ID }),
        /^participants\.0\.professionalId : professionnel introuvable/,
      ],
      [
        'the same person twice',
        (ids) => participants({ kind: 'cdom', userId: ids['cdom'] }, { kind: 'cdom', userId: ids['cdom'] }),
        /^participants\.1 : ce participant apparaît deux fois/,
      ],
      [
        'a one-letter name',
        () => participants({ kind: 'other', name: 'X' }),
        /^participants\.0\.name : 2 caractères au moins\.$/,
      ],
    ];

    it.each(cases)('%s', async (_, overrides, message) => {
      const ids = { officer: officerId, cdom: cdomId, inactive: inactiveId };
      const body = { ...buildVisitPlan(site.id), ...overrides(ids) };
      const before = await counts(t);
      const res = await officer('post', '/api/site-visits').send(body).expect(400);
      expect(messagesOf(res)).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
      expect(await counts(t)).toEqual(before);
    });

    it('an archived site cannot be visited', async () => {
      const closed = await h.createSite({ name: 'Cabinet fermé' });
      await officer('delete', `/api/sites/${closed.id}`).expect(204);
      const before = await counts(t);
      await officer('post', '/api/site-visits').send(buildVisitPlan(closed.id)).expect(400);
      expect(await counts(t)).toEqual(before);
    });
  });

  describe('PATCH', () => {
    it('edits the plan from the version read, replaces the participants, and audits before → after', async () => {
      const visit = await h.planVisit(site.id);
      const res = await officer('patch', `/api/site-visits/${visit.id}`)
        .set('If-Match', '"1"')
        .send({ plannedOn: monthsFromToday(2), plannedTime: null, participants: [{ kind: 'cdom', userId: cdomId }] })
        .expect(200);
      expect(res.body).toMatchObject({ version: 2, plannedOn: monthsFromToday(2), plannedTime: null });
      expect((res.body as SiteVisitDetail).participants.map((p) => p.userId)).toEqual([cdomId]);
      const [event] = await t.db.getRepository(AuditEvent).find({ where: { entityId: visit.id, action: 'updated' } });
      expect(event.changes['plannedOn']).toEqual({ before: visit.plannedOn, after: monthsFromToday(2) });
      expect(event.changes['participants']).toEqual({ before: [], after: ['Test cdom (cdom)'] });
    });

    it.each<[string, Body, RegExp]>([
      ['no version', { notes: 'x' }, /^version : la version lue est obligatoire/],
      ['a planned date set to null', { version: 1, plannedOn: null }, /^plannedOn : /],
      ['a purpose set to null', { version: 1, purpose: null }, /^purpose : /],
      ['another site', { version: 1, siteId: UNKNOWN_ID }, /« siteId » n’est pas autorisé/],
      ['a date 4 years ahead', { version: 1, plannedOn: monthsFromToday(48) }, /^plannedOn : /],
      ['a bad participant', { version: 1, participants: [{ kind: 'other' }] }, /^participants\.0 : /],
    ])('refuses %s: 400, nothing written', async (_, body, message) => {
      const visit = await h.planVisit(site.id);
      const before = await counts(t);
      const res = await officer('patch', `/api/site-visits/${visit.id}`).send(body).expect(400);
      expect(messagesOf(res)).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
      expect(await counts(t)).toEqual(before);
    });

    it('a stale version is a 409; two concurrent PATCHes: one 200, one 409', async () => {
      const visit = await h.planVisit(site.id);
      await officer('patch', `/api/site-visits/${visit.id}`).send({ version: 1, notes: 'a' }).expect(200);
      const before = await counts(t);
      const stale = await officer('patch', `/api/site-visits/${visit.id}`).send({ version: 1, notes: 'b' }).expect(409);
      expect(stale.body.message).toMatch(/modifié entre-temps/);
      expect(await counts(t)).toEqual(before);
      const results = await Promise.all(
        ['c', 'd'].map((notes) => officer('patch', `/api/site-visits/${visit.id}`).send({ version: 2, notes })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    });

    it('only a live, planned visit may be edited or cancelled: 409 otherwise', async () => {
      const done = await h.recordVisit(await h.planVisit(site.id), officerId);
      const res = await officer('patch', `/api/site-visits/${done.id}`).send({ version: 2, notes: 'x' }).expect(409);
      expect(res.body.message).toBe('Cette visite est déjà enregistrée.');
      await officer('post', `/api/site-visits/${done.id}/cancel`).send({ version: 2 }).expect(409);
      const gone = await h.planVisit(site.id);
      await officer('delete', `/api/site-visits/${gone.id}`).expect(204);
      const archived = await officer('patch', `/api/site-visits/${gone.id}`)
        .send({ version: 2, notes: 'x' })
        .expect(409);
      expect(archived.body.message).toMatch(/archivée/);
    });
  });

  describe('cancel, archive, restore', () => {
    it('cancels with a reason kept in the notes; a cancelled visit cannot be recorded (409)', async () => {
      const visit = await h.planVisit(site.id, { notes: 'RDV confirmé.' });
      const res = await officer('post', `/api/site-visits/${visit.id}/cancel`)
        .send({ version: 1, reason: 'MSU absent' })
        .expect(200);
      expect(res.body).toMatchObject({ status: 'cancelled', version: 2 });
      expect(res.body.notes).toMatch(/^RDV confirmé\.\nAnnulée le \d{4}-\d{2}-\d{2} : MSU absent$/);
      const again = await officer('post', `/api/site-visits/${visit.id}/record`).send(buildRecord(2, officerId));
      expect(again.status).toBe(409);
      expect(again.body.message).toBe('Cette visite est annulée.');
    });

    it.each<[string, Body, RegExp]>([
      ['no version', {}, /^version : /],
      ['a reason too long', { version: 1, reason: 'x'.repeat(501) }, /^reason : 500 caractères/],
      ['an unknown field', { version: 1, status: 'cancelled' }, /« status » n’est pas autorisé/],
    ])('cancel refuses %s: 400, nothing written', async (_, body, message) => {
      const visit = await h.planVisit(site.id);
      const before = await counts(t);
      const res = await officer('post', `/api/site-visits/${visit.id}/cancel`).send(body).expect(400);
      expect(messagesOf(res)).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
      expect(await counts(t)).toEqual(before);
    });

    it('archives (out of the calendar) and restores; bad versions are 400, twice is 409', async () => {
      const visit = await h.planVisit(site.id);
      const before = await counts(t);
      await officer('delete', `/api/site-visits/${visit.id}`).set('If-Match', 'v1').expect(400);
      await officer('post', `/api/site-visits/${visit.id}/restore`).send({ version: 'un' }).expect(400);
      expect(await counts(t)).toEqual(before);
      await officer('delete', `/api/site-visits/${visit.id}`).set('If-Match', '"1"').expect(204);
      await officer('delete', `/api/site-visits/${visit.id}`).expect(409);
      const live = await officer('get', `/api/site-visits?site=${site.id}&pageSize=200`).expect(200);
      expect(live.body.items.map((v: SiteVisitDetail) => v.id)).not.toContain(visit.id);
      const archived = await officer('get', `/api/site-visits?site=${site.id}&archived=true`).expect(200);
      expect(archived.body.items.map((v: SiteVisitDetail) => v.id)).toContain(visit.id);
      const restored = await officer('post', `/api/site-visits/${visit.id}/restore`).send({}).expect(200);
      expect(restored.body).toMatchObject({ archivedAt: null, version: 3 });
    });
  });
});
