import type { OfferFigures, OfferSnapshotDetail, Role, SnapshotComparison } from '@maillage/shared/domain';

import { AuditEvent } from '../src/common/audit/audit-event.entity';
import { Clock } from '../src/common/clock/clock';
import { OfferSnapshot } from '../src/offer-snapshots/offer-snapshot.entity';
import { TerritoryLoaderService } from '../src/territory/territory-loader.service';
import { insertIssue } from './issue-factories';
import { type Body, buildAccreditation, buildSite, insertProfessional } from './site-factories';
import { insertVisit } from './task-factories';
import { type AuthedAgent, startTestApp, type TestApp } from './test-app';

const READ_ONLY_ROLES: Role[] = ['cdom', 'departement', 'committee'];
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/**
 * Known dataset on 2026-09-15 (current semester 2026-S, next 2026-W), département 77:
 * - Alpha: MSP, active, Melun (zonage ZIP), N1 2 + SASPAS 1, through its MSU's accreditation
 *   (N1 + SASPAS, 2024 → 2028); never visited; 2 open issues (+ 1 resolved, not counted).
 * - Beta: cabinet de groupe, active, Fontainebleau (no zonage → other), N1 3, the site's own
 *   accreditation (N1, 2024 → 2028); visited 2026-03-01 (within 12 months).
 * - Gamma: PMI, prospect, Melun, 1 open issue (watched for its issue, not for visits: not active).
 * - MSUs: Alpha's professional is active, another one is accredited, a third only interested.
 * - Requested: 2026-S N1 5; 2026-W N1 4.
 */
describe('/api/offer-snapshots (real PostgreSQL)', () => {
  let t: TestApp;
  let officer: AuthedAgent;
  let alpha: string;
  let beta: string;
  let gamma: string;
  let first: OfferSnapshotDetail;
  let second: OfferSnapshotDetail;
  let alphaIssues: string[];

  const take = async (title: string) =>
    (await officer('post', '/api/offer-snapshots').send({ title }).expect(201)).body as OfferSnapshotDetail;

  beforeAll(async () => {
    t = await startTestApp({ TERRITORY_DEPARTEMENTS: '77,75' });
    await t.app.get(TerritoryLoaderService).load(['77', '75']);
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date('2026-09-15T10:00:00Z'));
    officer = await t.as('mission_officer');
    await t.db.query(`DELETE FROM commune_zonages WHERE commune_code IN ('77288', '77186')`);
    await t.db.query(
      `INSERT INTO commune_zonages (commune_code, zonage, valid_from) VALUES ('77288', 'ZIP', '2020-01-01')`,
    );
    const msu = (await insertProfessional(t, { msuStage: 'active' })).id;
    await insertProfessional(t, { msuStage: 'accredited' });
    await insertProfessional(t, { msuStage: 'interested' });
    const site = async (body: Body) =>
      (await officer('post', '/api/sites').send(buildSite(body)).expect(201)).body.id as string;
    alpha = await site({
      name: 'MSP Alpha',
      capacities: [
        { stageType: 'N1', places: 2 },
        { stageType: 'SASPAS', places: 1 },
      ],
      professionalIds: [msu],
    });
    beta = await site({
      name: 'Cabinet Beta',
      kind: 'cabinet_groupe',
      communeCode: '77186',
      postalCode: '77300',
      latitude: 48.4047,
      longitude: 2.7016,
      capacities: [{ stageType: 'N1', places: 3 }],
    });
    gamma = await site({ name: 'PMI Gamma', kind: 'pmi', status: 'prospect', capacities: [] });
    const granted = { status: 'granted', startDate: '2024-01-01', endDate: '2028-12-31' };
    await officer('post', '/api/accreditations')
      .send(buildAccreditation({ professionalId: msu }, { ...granted, stageTypes: ['N1', 'SASPAS'] }))
      .expect(201);
    await officer('post', '/api/accreditations')
      .send(buildAccreditation({ siteId: beta }, { ...granted, stageTypes: ['N1'] }))
      .expect(201);
    await officer('put', '/api/semesters/2026-S/demands')
      .send({ departementCode: '77', demands: [{ stageType: 'N1', placesRequested: 5 }] })
      .expect(200);
    await officer('put', '/api/semesters/2026-W/demands')
      .send({ departementCode: '77', demands: [{ stageType: 'N1', placesRequested: 4 }] })
      .expect(200);
    alphaIssues = [(await insertIssue(t, alpha)).id, (await insertIssue(t, alpha)).id];
    await insertIssue(t, alpha, { status: 'resolved' });
    await insertIssue(t, gamma);
    await insertVisit(t, beta, { visitedOn: '2026-03-01' });
  });
  afterAll(() => t.close());

  describe('permissions', () => {
    it('401 without a session', async () => {
      await t.http().get('/api/offer-snapshots').expect(401);
      await t.http().post('/api/offer-snapshots').send({ title: 'Relevé' }).expect(401);
    });

    it.each(READ_ONLY_ROLES)('%s reads but cannot take or archive a snapshot', async (role) => {
      const agent = await t.as(role);
      await agent('get', '/api/offer-snapshots').expect(200);
      await agent('post', '/api/offer-snapshots').send({ title: 'Relevé' }).expect(403);
      await agent('delete', `/api/offer-snapshots/${UNKNOWN_ID}`).send({}).expect(403);
      expect(await t.db.getRepository(OfferSnapshot).count()).toBe(0);
    });

    it('400 on bad input, nothing written', async () => {
      const audit = await t.db.getRepository(AuditEvent).count();
      await officer('post', '/api/offer-snapshots').send({}).expect(400);
      await officer('post', '/api/offer-snapshots').send({ title: 'Relevé', takenOn: '2026-01-01' }).expect(400);
      await officer('post', '/api/offer-snapshots')
        .send({ title: 'x'.repeat(201) })
        .expect(400);
      await officer('get', '/api/offer-snapshots/compare?a=nope&b=nope').expect(400);
      expect(await t.db.getRepository(OfferSnapshot).count()).toBe(0);
      expect(await t.db.getRepository(AuditEvent).count()).toBe(audit);
    });
  });

  describe('figures', () => {
    beforeAll(async () => {
      first = await take('Comité de suivi de septembre');
    });

    it('are the hand-computed ones', () => {
      const f: OfferFigures = first.figures;
      expect(first.takenOn).toBe('2026-09-15');
      expect(f.sites.byStatus).toEqual({ prospect: 1, active: 2, suspended: 0, closed: 0 });
      expect(f.sites.byKind).toMatchObject({ msp: 1, cabinet_groupe: 1, pmi: 1, centre_sante: 0 });
      expect(f.msus).toEqual({ accredited: 1, active: 1 });
      expect(f.semesters.map((s) => [s.semester, s.stageTypes, s.totals])).toEqual([
        [
          '2026-S',
          [
            { stageType: 'N1', offered: 5, requested: 5, gap: 0 },
            { stageType: 'SASPAS', offered: 1, requested: 0, gap: 1 },
          ],
          { offered: 6, requested: 5, filled: null, gap: 1 },
        ],
        [
          '2026-W',
          [
            { stageType: 'N1', offered: 5, requested: 4, gap: 1 },
            { stageType: 'SASPAS', offered: 1, requested: 0, gap: 1 },
          ],
          { offered: 6, requested: 4, filled: null, gap: 2 },
        ],
      ]);
      // Docteurs juniors apart: none before winter 2026-27, none offered nor requested then.
      expect(f.semesters.map((s) => s.docteurJunior)).toEqual([
        null,
        { stageType: 'DJ_MG', offered: 0, requested: 0, gap: 0 },
      ]);
      const s = f.zones[0];
      expect(s.semester).toBe('2026-S');
      expect(s.rows.map((r) => [r.zone, r.sites, r.placesOffered])).toEqual([
        ['ZIP', 1, 3],
        ['ZAC', 0, 0],
        ['other', 1, 3],
      ]);
      expect([s.placesOffered, s.placesRequested, s.gap]).toEqual([6, 5, 1]);
      expect(f.watchedSites.map((w) => [w.name, w.openIssues, w.reasons])).toEqual([
        ['MSP Alpha', 2, ['open_issues', 'not_visited']],
        ['PMI Gamma', 1, ['open_issues']],
      ]);
      expect(f.keyFigures).toEqual({
        sitesActive: 2,
        sitesLive: 3,
        msusAccredited: 1,
        msusActive: 1,
        placesOfferedCurrent: 6,
        placesRequestedCurrent: 5,
        gapCurrent: 1,
        placesOfferedNext: 6,
        placesRequestedNext: 4,
        gapNext: 2,
        watchedSites: 2,
        watchedOpenIssues: 3,
      });
      expect(f.progress).toBeNull();
    });

    it('every role reads the list and the snapshot', async () => {
      for (const role of READ_ONLY_ROLES) {
        const agent = await t.as(role);
        const list = await agent('get', '/api/offer-snapshots').expect(200);
        expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([first.id]);
        expect(list.body.items[0].keyFigures.sitesActive).toBe(2);
        await agent('get', `/api/offer-snapshots/${first.id}`).expect(200);
      }
    });

    it('are frozen: later data changes leave the snapshot as taken', async () => {
      await t.db.query(`UPDATE access_issues SET status = 'resolved', closed_on = '2026-09-20' WHERE id = $1`, [
        alphaIssues[0],
      ]);
      await officer('delete', `/api/sites/${beta}`).send({}).expect(204);
      await officer('put', '/api/semesters/2026-S/demands')
        .send({ departementCode: '77', demands: [{ stageType: 'SASPAS', placesRequested: 2 }] })
        .expect(200);
      const again = await officer('get', `/api/offer-snapshots/${first.id}`).expect(200);
      expect(again.body).toEqual(first);
    });

    it('has no PATCH', async () => {
      await officer('patch', `/api/offer-snapshots/${first.id}`).send({ title: 'Autre' }).expect(404);
    });

    it('measures progress since the previous snapshot', async () => {
      second = await take('Comité de suivi d’octobre');
      const p = second.figures.progress;
      expect(p?.previousSnapshotId).toBe(first.id);
      const delta = Object.fromEntries((p?.figures ?? []).map((d) => [d.key, [d.previous, d.current, d.difference]]));
      expect(delta).toMatchObject({
        sitesActive: [2, 1, -1],
        sitesLive: [3, 2, -1],
        placesOfferedCurrent: [6, 3, -3],
        placesRequestedCurrent: [5, 7, 2],
        gapCurrent: [1, -4, -5],
        watchedSites: [2, 2, 0],
        watchedOpenIssues: [3, 2, -1],
      });
      expect(
        p?.watchedSites.map((w) => [w.name, w.openIssuesBefore, w.openIssuesNow, w.decreased, w.stillWatched]),
      ).toEqual([
        ['MSP Alpha', 2, 1, true, true],
        ['PMI Gamma', 1, 1, false, true],
      ]);
    });

    it('compares two snapshots figure by figure', async () => {
      const res = await (
        await t.as('committee')
      )('get', `/api/offer-snapshots/compare?a=${first.id}&b=${second.id}`).expect(200);
      const body = res.body as SnapshotComparison;
      const row = (key: string) => body.rows.find((r) => r.key === key);
      expect(row('keyFigures.sitesActive')).toMatchObject({ a: 2, b: 1, difference: -1 });
      expect(row('zones.2026-S.other.placesOffered')).toMatchObject({ a: 3, b: 0, difference: -3 });
      expect(row('semesters.2026-S.SASPAS.requested')).toMatchObject({ a: 0, b: 2, difference: 2 });
      expect(row('sites.byKind.cabinet_groupe')).toMatchObject({ a: 1, b: 0, difference: -1 });
      await officer('get', `/api/offer-snapshots/compare?a=${first.id}&b=${UNKNOWN_ID}`).expect(404);
    });

    it('archives only, and another département sees nothing', async () => {
      const other = await t.tokenFor('committee', { departementCode: '75', email: 'committee.75@test.maillage.fr' });
      await t.http().get(`/api/offer-snapshots/${first.id}`).set('Authorization', `Bearer ${other}`).expect(404);
      await officer('delete', `/api/offer-snapshots/${first.id}`).send({ version: 99 }).expect(409);
      await officer('delete', `/api/offer-snapshots/${first.id}`).send({}).expect(204);
      const list = await officer('get', '/api/offer-snapshots').expect(200);
      expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([second.id]);
      const archived = await officer('get', `/api/offer-snapshots/${first.id}`).expect(200);
      expect(archived.body.figures).toEqual(first.figures);
      expect(archived.body.archivedAt).not.toBeNull();
    });
  });
});
