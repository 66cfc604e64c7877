import {
  type AccreditationDetail,
  type AccreditationSummary,
  addMonths,
  addYears,
  hasPermission,
  ROLES,
  type SiteRecord,
  todayInFrance,
} from '@maillage/shared/domain';
import type { Response } from 'supertest';

import { Accreditation } from '../src/accreditations/accreditation.entity';
import { AuditEvent } from '../src/common/audit/audit-event.entity';
import { TerritoryLoaderService } from '../src/territory/territory-loader.service';
import { type Body, buildAccreditation, buildSite, insertProfessional } from './site-factories';
import { type AuthedAgent, type Method, startTestApp, type TestApp } from './test-app';

const READ_ONLY_ROLES = ROLES.filter((role) => !hasPermission(role, 'accreditations.write'));
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const messagesOf = (res: Response): string[] => [res.body.message].flat();

/** ISO date `days` after today in France (the API's "today"). */
function inDays(days: number): string {
  const d = new Date(`${todayInFrance()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
const dayBefore = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

async function snapshot(t: TestApp) {
  const rows = await t.db.getRepository(Accreditation).find({ order: { id: 'ASC' } });
  return {
    rows: rows.map((a) => `${a.id}:${a.version}:${a.status}:${a.endDate}`),
    audit: await t.db.getRepository(AuditEvent).count(),
  };
}

describe('/api/accreditations (real PostgreSQL)', () => {
  let t: TestApp;
  let officer: AuthedAgent;
  let msuId: string;
  let site: SiteRecord;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.as('mission_officer');
    msuId = (await insertProfessional(t, { firstName: 'Claire', lastName: 'Dupont' })).id;
    site = (
      await officer('post', '/api/sites')
        .send(buildSite({ name: 'MSP des Capucins' }))
        .expect(201)
    ).body as SiteRecord;
  });
  afterAll(() => t.close());

  async function create(
    overrides: Body = {},
    holder: { professionalId: string } | { siteId: string } = { professionalId: msuId },
  ) {
    const res = await officer('post', '/api/accreditations').send(buildAccreditation(holder, overrides));
    if (res.status !== 201) throw new Error(`create accreditation: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as AccreditationDetail;
  }

  describe('permissions', () => {
    let id: string;
    beforeAll(async () => {
      id = (await create()).id;
    });

    const writes: [string, Method, (id: string) => string, () => Body][] = [
      ['create', 'post', () => '/api/accreditations', () => buildAccreditation({ professionalId: msuId })],
      ['patch', 'patch', (i) => `/api/accreditations/${i}`, () => ({ version: 1, maxStudents: 3 })],
      ['review', 'post', (i) => `/api/accreditations/${i}/review`, () => ({ version: 1 })],
      ['grant', 'post', (i) => `/api/accreditations/${i}/grant`, () => ({ version: 1, startDate: '2026-11-02' })],
      ['withdraw', 'post', (i) => `/api/accreditations/${i}/withdraw`, () => ({ version: 1, date: '2026-11-02' })],
      ['expire', 'post', (i) => `/api/accreditations/${i}/expire`, () => ({ version: 1 })],
      ['archive', 'delete', (i) => `/api/accreditations/${i}`, () => ({})],
      ['restore', 'post', (i) => `/api/accreditations/${i}/restore`, () => ({})],
    ];

    it.each(
      ROLES.flatMap(
        (role) =>
          [
            [role, 'list'],
            [role, 'detail'],
          ] as const,
      ),
    )('%s may read (%s) if the map says so: 200, else 403', async (role, what) => {
      const agent = await t.as(role);
      await agent('get', what === 'list' ? '/api/accreditations' : `/api/accreditations/${id}`).expect(
        hasPermission(role, 'accreditations.read') ? 200 : 403,
      );
    });

    it.each(
      READ_ONLY_ROLES.flatMap((role) =>
        writes.map(([name, method, path, body]) => [role, name, method, path, body] as const),
      ),
    )('%s may not %s: 403, nothing written', async (role, _, method, path, body) => {
      const agent = await t.as(role);
      const before = await snapshot(t);
      await agent(method, path(id)).send(body()).expect(403);
      expect(await snapshot(t)).toEqual(before);
    });

    it.each([
      ...writes.map(([, method, path]) => [method, path(UNKNOWN_ID)] as const),
      ['get', '/api/accreditations'] as const,
    ])('without a token, %s %s answers 401', async (method, path) => {
      await t.http()[method](path).send({}).expect(401);
    });
  });

  describe('creation', () => {
    it('records a request for a professional: 201, pending, audited with the holder by name', async () => {
      const a = await create({
        stageTypes: ['N1', 'SASPAS'],
        phases: ['socle', 'approfondissement'],
        notes: 'Projet pédagogique reçu',
      });
      expect(a).toMatchObject({
        id: expect.any(String),
        version: 1,
        departementCode: '77',
        holder: { kind: 'professional', id: msuId, name: 'Dr Claire Dupont' },
        cycle: '3',
        type: 'principal',
        stageTypes: ['N1', 'SASPAS'],
        phases: ['socle', 'approfondissement'],
        maxStudents: 2,
        status: 'requested',
        validity: 'pending',
        startDate: null,
        endDate: null,
        afterWithdrawal: false,
        archivedAt: null,
      });
      const [event] = await t.db.getRepository(AuditEvent).findBy({ entityType: 'accreditation', entityId: a.id });
      expect(event.action).toBe('created');
      expect(event.changes['holder']).toEqual({ before: null, after: 'Dr Claire Dupont' });
      expect(event.changes['status']).toEqual({ before: null, after: 'requested' });
    });

    it('records a site’s historical accreditation; the end date defaults to 5 years minus a day', async () => {
      const a = await create(
        { status: 'granted', startDate: '2024-11-02', reference: 'ARS-IDF-2024-118' },
        { siteId: site.id },
      );
      expect(a).toMatchObject({
        holder: { kind: 'site', id: site.id, name: 'MSP des Capucins' },
        status: 'granted',
        startDate: '2024-11-02',
        endDate: '2029-11-01',
      });
      const detail = await officer('get', `/api/sites/${site.id}`).expect(200);
      expect((detail.body as SiteRecord).accreditations.map((x) => x.id)).toContain(a.id);
    });

    it('a 2nd-cycle accreditation for externes', async () => {
      const a = await create({ cycle: 2, stageTypes: ['EXT_MG'], phases: [], authority: 'Doyen de l’UFR de Créteil' });
      expect(a).toMatchObject({ cycle: '2', stageTypes: ['EXT_MG'] });
    });
  });

  describe('bad input → 400 with a clear message, nothing written', () => {
    it.each<[string, () => Body, RegExp]>([
      [
        'both a professional and a site',
        () => buildAccreditation({ professionalId: msuId }, { siteId: site.id }),
        /un seul des deux/,
      ],
      [
        'no holder',
        () => buildAccreditation({ professionalId: msuId }, { professionalId: undefined }),
        /un seul des deux/,
      ],
      [
        'an unknown professional',
        () => buildAccreditation({ professionalId: UNKNOWN_ID }),
        /^professionalId : professionnel introuvable/,
      ],
      ['an unknown site', () => buildAccreditation({ siteId: UNKNOWN_ID }), /^siteId : terrain de stage introuvable/],
      [
        'maxStudents 0',
        () => buildAccreditation({ professionalId: msuId }, { maxStudents: 0 }),
        /^maxStudents : 1 étudiant au moins/,
      ],
      [
        'maxStudents 21',
        () => buildAccreditation({ professionalId: msuId }, { maxStudents: 21 }),
        /^maxStudents : 20 étudiants au plus/,
      ],
      [
        'maxStudents as text',
        () => buildAccreditation({ professionalId: msuId }, { maxStudents: '2' }),
        /^maxStudents : nombre entier/,
      ],
      [
        'an end date before the start date',
        () => buildAccreditation({ professionalId: msuId }, { startDate: '2026-11-02', endDate: '2026-11-01' }),
        /^endDate : la fin \(2026-11-01\) ne peut pas précéder le début \(2026-11-02\)/,
      ],
      [
        'an end date without a start date',
        () => buildAccreditation({ professionalId: msuId }, { endDate: '2027-11-01' }),
        /^startDate : une date de début est obligatoire/,
      ],
      [
        'a French date',
        () => buildAccreditation({ professionalId: msuId }, { startDate: '02/11/2026' }),
        /^startDate : date attendue au format AAAA-MM-JJ/,
      ],
      [
        'an impossible date',
        () => buildAccreditation({ professionalId: msuId }, { startDate: '2026-02-30' }),
        /^startDate : date attendue/,
      ],
      [
        'a granted accreditation without a start date',
        () => buildAccreditation({ professionalId: msuId }, { status: 'granted' }),
        /^startDate : obligatoire pour un agrément accordé/,
      ],
      ['an unknown cycle', () => buildAccreditation({ professionalId: msuId }, { cycle: '4' }), /^cycle : /],
      [
        'an unknown type',
        () => buildAccreditation({ professionalId: msuId }, { type: 'provisoire' }),
        /^type : valeurs possibles/,
      ],
      [
        'an unknown status',
        () => buildAccreditation({ professionalId: msuId }, { status: 'approved' }),
        /^status : valeurs possibles/,
      ],
      [
        'no stage type',
        () => buildAccreditation({ professionalId: msuId }, { stageTypes: [] }),
        /^stageTypes : au moins un type de stage/,
      ],
      [
        'an externe stage on a 3rd cycle',
        () => buildAccreditation({ professionalId: msuId }, { stageTypes: ['EXT_MG'] }),
        /^stageTypes : EXT_MG ne relève pas du 3e cycle/,
      ],
      [
        'phases on a 2nd cycle',
        () => buildAccreditation({ professionalId: msuId }, { cycle: '2', stageTypes: ['EXT_MG'], phases: ['socle'] }),
        /^phases : /,
      ],
      [
        'no authority',
        () => buildAccreditation({ professionalId: msuId }, { authority: undefined }),
        /^authority : l’autorité qui agrée est obligatoire/,
      ],
      [
        'an unknown field',
        () => buildAccreditation({ professionalId: msuId }, { validity: 'valid' }),
        /Le champ « validity » n’est pas autorisé/,
      ],
    ])('%s', async (_, body, message) => {
      const before = await snapshot(t);
      const res = await officer('post', '/api/accreditations').send(body()).expect(400);
      expect(messagesOf(res)).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
      expect(await snapshot(t)).toEqual(before);
    });

    it('an archived professional cannot be accredited', async () => {
      const gone = await insertProfessional(t, { archivedAt: new Date() });
      const before = await snapshot(t);
      await officer('post', '/api/accreditations')
        .send(buildAccreditation({ professionalId: gone.id }))
        .expect(400);
      expect(await snapshot(t)).toEqual(before);
    });
  });

  describe('the life of an accreditation', () => {
    it('requested → under review → granted (5 years) → withdrawn; then a new one is conditional for a year', async () => {
      const pro = await insertProfessional(t, { lastName: 'Cycle' });
      const a = await create({}, { professionalId: pro.id });
      const reviewed = await officer('post', `/api/accreditations/${a.id}/review`)
        .send({ version: 1, note: 'Dossier complet' })
        .expect(200);
      expect(reviewed.body).toMatchObject({
        status: 'under_review',
        version: 2,
        notes: `${todayInFrance()} · Mise en instruction : Dossier complet`,
      });

      const granted = await officer('post', `/api/accreditations/${a.id}/grant`)
        .set('If-Match', '"2"')
        .send({ startDate: '2026-11-02', reference: 'ARS-2026-77-042' })
        .expect(200);
      expect(granted.body).toMatchObject({
        status: 'granted',
        version: 3,
        startDate: '2026-11-02',
        endDate: '2031-11-01',
        reference: 'ARS-2026-77-042',
      });

      const again = await officer('post', `/api/accreditations/${a.id}/grant`)
        .send({ version: 3, startDate: '2026-11-02' })
        .expect(409);
      expect(again.body).toMatchObject({
        code: 'INVALID_STATE',
        message: 'Un agrément « Accordé » ne peut pas passer à « Accordé ».',
      });

      const withdrawn = await officer('post', `/api/accreditations/${a.id}/withdraw`)
        .send({ version: 3, date: '2027-03-15', note: 'Départ du cabinet' })
        .expect(200);
      expect(withdrawn.body).toMatchObject({
        status: 'withdrawn',
        validity: 'withdrawn',
        endDate: '2027-03-15',
        notes: expect.stringContaining('2027-03-15 · Retrait : Départ du cabinet'),
      });

      for (const action of ['review', 'expire']) {
        const res = await officer('post', `/api/accreditations/${a.id}/${action}`).send({ version: 4 }).expect(409);
        expect(res.body.message).toMatch(/^Un agrément « Retiré » ne peut pas passer à/);
      }

      const next = await create({}, { professionalId: pro.id });
      expect(next.afterWithdrawal).toBe(true);
      const conditional = await officer('post', `/api/accreditations/${next.id}/grant`)
        .send({ version: 1, startDate: '2027-09-01' })
        .expect(200);
      expect(conditional.body).toMatchObject({ status: 'conditional', startDate: '2027-09-01', endDate: '2028-08-31' });
      const confirmed = await officer('post', `/api/accreditations/${next.id}/grant`)
        .send({ version: 2, startDate: '2028-09-01' })
        .expect(200);
      expect(confirmed.body).toMatchObject({ status: 'granted', endDate: '2033-08-31' });

      const actions = (
        await t.db.getRepository(AuditEvent).find({ where: { entityId: a.id }, order: { occurredAt: 'ASC' } })
      ).map((e) => e.action);
      expect(actions).toEqual(['created', 'reviewed', 'granted', 'withdrawn']);
    });

    it('expire: a granted accreditation is marked expired', async () => {
      const a = await create({ status: 'granted', startDate: '2020-01-01', endDate: '2024-12-31' });
      const res = await officer('post', `/api/accreditations/${a.id}/expire`).send({ version: 1 }).expect(200);
      expect(res.body).toMatchObject({ status: 'expired', validity: 'expired' });
    });

    it.each<[string, string, Body, number, RegExp]>([
      ['grant with a stale version', 'grant', { version: 9, startDate: '2026-11-02' }, 409, /modifié entre-temps/],
      [
        'grant without a version',
        'grant',
        { startDate: '2026-11-02' },
        400,
        /^version : la version lue est obligatoire/,
      ],
      ['grant without a start date', 'grant', { version: 1 }, 400, /^startDate : date attendue/],
      [
        'grant ending before it starts',
        'grant',
        { version: 1, startDate: '2026-11-02', endDate: '2026-01-01' },
        400,
        /^endDate : la fin/,
      ],
      ['withdraw without a date', 'withdraw', { version: 1 }, 400, /^date : date attendue/],
      ['expire a request', 'expire', { version: 1 }, 409, /« Demandé » ne peut pas passer à « Expiré »/],
      [
        'review with an unknown field',
        'review',
        { version: 1, status: 'granted' },
        400,
        /« status » n’est pas autorisé/,
      ],
    ])('%s → %s, nothing written', async (_, action, body, status, message) => {
      const a = await create();
      const before = await snapshot(t);
      const res = await officer('post', `/api/accreditations/${a.id}/${action}`).send(body).expect(status);
      expect(messagesOf(res)).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
      expect(await snapshot(t)).toEqual(before);
    });

    it('archive and restore refuse a malformed version or an unknown field (400), nothing written', async () => {
      const a = await create();
      const before = await snapshot(t);
      await officer('delete', `/api/accreditations/${a.id}`).set('If-Match', 'latest').expect(400);
      await officer('post', `/api/accreditations/${a.id}/restore`).send({ version: 'un' }).expect(400);
      await officer('post', `/api/accreditations/${a.id}/restore`).send({ note: 'x' }).expect(400);
      await officer('get', '/api/accreditations/not-a-uuid').expect(400);
      await officer('post', '/api/accreditations/not-a-uuid/grant')
        .send({ version: 1, startDate: '2026-11-02' })
        .expect(400);
      expect(await snapshot(t)).toEqual(before);
    });

    it('a withdrawal cannot precede the start', async () => {
      const a = await create({ status: 'granted', startDate: '2026-11-02' });
      const before = await snapshot(t);
      const res = await officer('post', `/api/accreditations/${a.id}/withdraw`)
        .send({ version: 1, date: '2026-10-01' })
        .expect(400);
      expect(res.body.message).toMatch(/^date : le retrait ne peut pas précéder le début/);
      expect(await snapshot(t)).toEqual(before);
    });
  });

  describe('editing, archive and restore', () => {
    it('PATCH: 200 with the new version; a new start date recomputes the default end; stale → 409', async () => {
      const a = await create({ status: 'granted', startDate: '2025-11-03' });
      const res = await officer('patch', `/api/accreditations/${a.id}`)
        .send({ version: 1, maxStudents: 3, startDate: '2026-05-04' })
        .expect(200);
      expect(res.body).toMatchObject({ version: 2, maxStudents: 3, startDate: '2026-05-04', endDate: '2031-05-03' });
      const before = await snapshot(t);
      await officer('patch', `/api/accreditations/${a.id}`).send({ version: 1, maxStudents: 5 }).expect(409);
      expect(await snapshot(t)).toEqual(before);
      const [event] = await t.db.getRepository(AuditEvent).findBy({ entityId: a.id, action: 'updated' });
      expect(event.changes).toEqual({
        maxStudents: { before: 2, after: 3 },
        startDate: { before: '2025-11-03', after: '2026-05-04' },
        endDate: { before: '2030-11-02', after: '2031-05-03' },
      });
    });

    it.each<[string, Body, RegExp]>([
      [
        'an end before the stored start',
        { version: 1, endDate: '2020-01-01' },
        /^endDate : la fin \(2020-01-01\) ne peut pas précéder/,
      ],
      ['maxStudents 0', { version: 1, maxStudents: 0 }, /^maxStudents : /],
      ['a status (actions only)', { version: 1, status: 'granted' }, /« status » n’est pas autorisé/],
      ['another holder', { version: 1, siteId: UNKNOWN_ID }, /« siteId » n’est pas autorisé/],
      ['a stage type of the other cycle', { version: 1, stageTypes: ['EXT_MG'] }, /EXT_MG ne relève pas du 3e cycle/],
    ])('PATCH with %s → 400, nothing written', async (_, body, message) => {
      const a = await create({ status: 'granted', startDate: '2025-11-03' });
      const before = await snapshot(t);
      const res = await officer('patch', `/api/accreditations/${a.id}`).send(body).expect(400);
      expect(messagesOf(res)).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
      expect(await snapshot(t)).toEqual(before);
    });

    it('DELETE archives (204), archived=true lists it, actions are refused until restored', async () => {
      const pro = await insertProfessional(t, { lastName: 'Archive' });
      const a = await create({}, { professionalId: pro.id });
      await officer('delete', `/api/accreditations/${a.id}`).expect(204);
      const live = await officer('get', `/api/accreditations?professional=${pro.id}`).expect(200);
      expect(live.body.total).toBe(0);
      const archived = await officer('get', `/api/accreditations?professional=${pro.id}&archived=true`).expect(200);
      expect((archived.body.items as AccreditationSummary[]).map((x) => x.id)).toEqual([a.id]);
      const refused = await officer('post', `/api/accreditations/${a.id}/review`).send({ version: 2 }).expect(409);
      expect(refused.body.message).toMatch(/archivé : restaurez-le/);
      const restored = await officer('post', `/api/accreditations/${a.id}/restore`).send({ version: 2 }).expect(200);
      expect(restored.body).toMatchObject({ version: 3, archivedAt: null });
    });
  });
});

describe('/api/accreditations list: validity and filters computed in the database', () => {
  let t: TestApp;
  let officer: AuthedAgent;
  let ids: Record<string, string>;
  let siteId: string;
  let siteName: string;
  let proName: string;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.as('mission_officer');
    const pro = await insertProfessional(t, { lastName: 'Lefèvre-Héron' });
    proName = pro.lastName;
    const site = (
      await officer('post', '/api/sites')
        .send(buildSite({ name: 'Maison de santé Bréau' }))
        .expect(201)
    ).body as SiteRecord;
    siteId = site.id;
    siteName = site.name;
    const today = todayInFrance();
    const drafts: Record<string, Body> = {
      valid: { status: 'granted', startDate: '2024-01-01', endDate: inDays(400) },
      validLong: {
        status: 'granted',
        startDate: '2024-01-01',
        endDate: '2099-12-31',
        cycle: '2',
        stageTypes: ['EXT_MG'],
        phases: [],
      },
      soon: { status: 'granted', startDate: '2022-01-01', endDate: inDays(20), stageTypes: ['SASPAS'] },
      soonToday: { status: 'conditional', startDate: '2025-01-01', endDate: today },
      soonEdge: { status: 'granted', startDate: '2022-01-01', endDate: addMonths(today, 6) },
      justAfterWindow: { status: 'granted', startDate: '2022-01-01', endDate: dayAfter(addMonths(today, 6)) },
      lapsed: { status: 'conditional', startDate: '2023-01-01', endDate: dayBefore(today) },
      expired: { status: 'expired', startDate: '2020-01-01', endDate: inDays(100) },
      requested: {},
      reviewing: { status: 'under_review' },
      withdrawn: { status: 'withdrawn', startDate: '2021-01-01', endDate: '2022-06-30' },
    };
    ids = {};
    for (const [key, draft] of Object.entries(drafts)) {
      const holder = key === 'soon' ? { siteId } : { professionalId: pro.id };
      const res = await officer('post', '/api/accreditations')
        .send(buildAccreditation(holder, { afterWithdrawal: false, ...draft }))
        .expect(201);
      ids[key] = res.body.id;
    }
  });
  afterAll(() => t.close());

  const keysOf = (res: Response) => {
    const byId = new Map(Object.entries(ids).map(([k, v]) => [v, k]));
    return (res.body.items as AccreditationSummary[]).map((a) => byId.get(a.id)).sort();
  };
  const list = (query: string) => officer('get', `/api/accreditations?pageSize=200&${query}`).expect(200);

  it.each<[string, string[]]>([
    ['valid', ['justAfterWindow', 'valid', 'validLong']],
    ['expiring_soon', ['soon', 'soonEdge', 'soonToday']],
    ['expired', ['expired', 'lapsed']],
    ['pending', ['requested', 'reviewing']],
    ['withdrawn', ['withdrawn']],
  ])('validity=%s', async (validity, expected) => {
    const res = await list(`validity=${validity}`);
    expect(keysOf(res)).toEqual(expected);
    expect((res.body.items as AccreditationSummary[]).every((a) => a.validity === validity)).toBe(true);
  });

  it.each<[string, string[]]>([
    ['expiringWithinMonths=1', ['soon', 'soonToday']],
    ['expiringWithinMonths=12', ['justAfterWindow', 'soon', 'soonEdge', 'soonToday']],
    ['status=conditional', ['lapsed', 'soonToday']],
    ['cycle=2', ['validLong']],
    ['stageType=SASPAS', ['soon']],
    ['site=SITE', ['soon']],
    ['validity=expiring_soon&stageType=N1', ['soonEdge', 'soonToday']],
  ])('%s', async (query, expected) => {
    expect(keysOf(await list(query.replace('SITE', siteId)))).toEqual(expected);
  });

  it('filters by professional', async () => {
    const res = await list(
      `professional=${(await t.db.getRepository(Accreditation).findOneByOrFail({ id: ids['valid'] })).professionalId}`,
    );
    expect(res.body.total).toBe(Object.keys(ids).length - 1);
  });

  it('searches the holder’s name, accents and case ignored', async () => {
    expect(siteName).toBe('Maison de santé Bréau');
    expect(keysOf(await list('q=BREAU'))).toEqual(['soon']);
    expect(keysOf(await list(`q=${encodeURIComponent('lefevre-heron')}&status=requested`))).toEqual(['requested']);
    expect(proName).toBe('Lefèvre-Héron');
    expect((await list('q=personne-inconnue')).body.total).toBe(0);
    expect((await list('q=100%25')).body.total).toBe(0);
  });

  it('sorts by end date and pages', async () => {
    const res = await list('validity=expiring_soon&sort=endDate:asc');
    expect(keysOf(res)).toHaveLength(3);
    expect((res.body.items as AccreditationSummary[]).map((a) => a.endDate)).toEqual([
      todayInFrance(),
      inDays(20),
      addMonths(todayInFrance(), 6),
    ]);
    const desc = await officer(
      'get',
      '/api/accreditations?validity=expiring_soon&sort=endDate:desc&pageSize=1&page=2',
    ).expect(200);
    expect(desc.body).toMatchObject({ total: 3, page: 2, pageSize: 1, items: [{ endDate: inDays(20) }] });
  });

  it.each([
    'validity=soon',
    'expiringWithinMonths=0',
    'expiringWithinMonths=abc',
    'professional=123',
    'cycle=4',
    'sort=name:asc',
    'holder=x',
  ])('refuses %s with 400', async (query) => {
    await officer('get', `/api/accreditations?${query}`).expect(400);
  });
});

describe('/api/accreditations with a shorter alert window (ACCREDITATION_ALERT_MONTHS=1)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ ACCREDITATION_ALERT_MONTHS: '1', ACCREDITATION_YEARS_CYCLE_3: '3' });
  });
  afterAll(() => t.close());

  it('uses the configured window and duration', async () => {
    const officer = await t.as('mission_officer');
    const pro = await insertProfessional(t);
    const twoMonths = addMonths(todayInFrance(), 2);
    const a = await officer('post', '/api/accreditations')
      .send(
        buildAccreditation(
          { professionalId: pro.id },
          { status: 'granted', startDate: '2024-01-01', endDate: twoMonths },
        ),
      )
      .expect(201);
    expect(a.body.validity).toBe('valid');
    expect((await officer('get', '/api/accreditations?validity=expiring_soon').expect(200)).body.total).toBe(0);
    const b = await officer('post', '/api/accreditations')
      .send(buildAccreditation({ professionalId: pro.id }, { status: 'granted', startDate: '2026-11-02' }))
      .expect(201);
    expect(b.body.endDate).toBe(dayBefore(addYears('2026-11-02', 3)));
  });
});

describe('/api/accreditations with two départements (77 and 75)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ TERRITORY_DEPARTEMENTS: '77,75' });
    await t.app.get(TerritoryLoaderService).load(['77', '75']);
  });
  afterAll(() => t.close());

  it('a user of the 75 never sees nor touches an accreditation of the 77', async () => {
    const officer77 = await t.as('mission_officer');
    const token75 = await t.tokenFor('mission_officer', { departementCode: '75' });
    const officer75: AuthedAgent = (method, path) => t.http()[method](path).set('Authorization', `Bearer ${token75}`);
    const pro77 = await insertProfessional(t);
    const a = (
      await officer77('post', '/api/accreditations')
        .send(buildAccreditation({ professionalId: pro77.id }))
        .expect(201)
    ).body as AccreditationDetail;

    expect((await officer75('get', '/api/accreditations').expect(200)).body.total).toBe(0);
    expect((await officer75('get', `/api/accreditations?professional=${pro77.id}`).expect(200)).body.total).toBe(0);
    await officer75('get', `/api/accreditations/${a.id}`).expect(404);
    await officer75('post', `/api/accreditations/${a.id}/grant`)
      .send({ version: 1, startDate: '2026-11-02' })
      .expect(404);
    await officer75('patch', `/api/accreditations/${a.id}`).send({ version: 1, maxStudents: 4 }).expect(404);
    await officer75('delete', `/api/accreditations/${a.id}`).expect(404);
    const res = await officer75('post', '/api/accreditations')
      .send(buildAccreditation({ professionalId: pro77.id }))
      .expect(400);
    expect(res.body.message).toBe('professionalId : professionnel introuvable dans votre département.');
    expect(await t.db.getRepository(Accreditation).count()).toBe(1);
    const still = await officer77('get', `/api/accreditations/${a.id}`).expect(200);
    expect(still.body).toMatchObject({ version: 1, status: 'requested', maxStudents: 2 });
  });
});

function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
