import { type Page, type Role, ROLES, type SemesterPlan } from '@maillage/shared/domain';

import { AuditEvent } from '../src/common/audit/audit-event.entity';
import { Clock } from '../src/common/clock/clock';
import { SemesterDemand } from '../src/semesters/semester-demand.entity';
import { type Body, buildAccreditation, buildSite, insertProfessional } from './site-factories';
import { type AuthedAgent, startTestApp, type TestApp } from './test-app';

const READ_ONLY_ROLES: Role[] = ['cdom', 'departement', 'committee'];

/** `{ N1: [offered, requested, filled, gap], … }` of the stage types with any figure. */
function table(plan: SemesterPlan) {
  const rows = [...plan.stageTypes, ...(plan.docteurJunior ? [plan.docteurJunior] : [])];
  return Object.fromEntries(
    rows
      .filter((r) => r.offered || r.requested || r.filled !== null)
      .map((r) => [r.stageType, [r.offered, r.requested, r.filled, r.gap]]),
  );
}

describe('/api/semesters (real PostgreSQL)', () => {
  let t: TestApp;
  let officer: AuthedAgent;

  const accredit = async (holder: { professionalId: string } | { siteId: string }, overrides: Body) =>
    officer('post', '/api/accreditations').send(buildAccreditation(holder, overrides)).expect(201);
  const demandRows = async () =>
    (await t.db.getRepository(SemesterDemand).find({ order: { id: 'ASC' } })).map((d) => `${d.id}:${d.version}`);

  /**
   * Alpha (active): N1 2, SASPAS 1, DJ_MG 2; its MSU holds N1 + SASPAS 2024 → 2028; the site holds
   * DJ_MG from 2026-11-02 (the day after the winter semester starts). Beta (active): N1 3, SAFE 1,
   * EXT_MG 2; the site holds N1 + SAFE until 2026-10-31; its MSU's EXT_MG accreditation is expired,
   * another's is only requested. Gamma (suspended) and Delta (archived) hold N1 in force: not counted.
   */
  beforeAll(async () => {
    t = await startTestApp();
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date('2026-09-15T10:00:00Z'));
    officer = await t.as('mission_officer');
    const msu = (await insertProfessional(t)).id;
    const expired = (await insertProfessional(t)).id;
    const requested = (await insertProfessional(t)).id;
    const site = async (body: Body) =>
      (await officer('post', '/api/sites').send(buildSite(body)).expect(201)).body.id as string;
    const alpha = await site({
      capacities: [
        { stageType: 'N1', places: 2 },
        { stageType: 'SASPAS', places: 1 },
        { stageType: 'DJ_MG', places: 2 },
      ],
      professionalIds: [msu],
    });
    const beta = await site({
      capacities: [
        { stageType: 'N1', places: 3 },
        { stageType: 'SAFE', places: 1 },
        { stageType: 'EXT_MG', places: 2 },
      ],
      professionalIds: [expired, requested],
    });
    const gamma = await site({ status: 'suspended', capacities: [{ stageType: 'N1', places: 5 }] });
    const delta = await site({ capacities: [{ stageType: 'N1', places: 7 }] });
    await officer('delete', `/api/sites/${delta}`).send({}).expect(204);

    const granted = { status: 'granted', startDate: '2024-01-01', endDate: '2028-12-31' };
    await accredit({ professionalId: msu }, { ...granted, stageTypes: ['N1', 'SASPAS'] });
    await accredit({ siteId: alpha }, { ...granted, stageTypes: ['DJ_MG'], startDate: '2026-11-02' });
    await accredit(
      { siteId: beta },
      { ...granted, stageTypes: ['N1', 'SAFE'], startDate: '2021-11-01', endDate: '2026-10-31' },
    );
    const ext = { cycle: '2', stageTypes: ['EXT_MG'], phases: [] };
    await accredit(
      { professionalId: expired },
      { ...ext, status: 'expired', startDate: '2020-01-01', endDate: '2025-12-31' },
    );
    await accredit({ professionalId: requested }, ext);
    await accredit({ siteId: gamma }, { ...granted, stageTypes: ['N1'] });
  });
  afterAll(() => t.close());

  it('offers the capacities of active sites accredited on the first day, without demand yet', async () => {
    const res = await officer('get', '/api/semesters?from=2026-S&count=4').expect(200);
    const page = res.body as Page<SemesterPlan>;
    expect(page.items.map((p) => [p.semester, p.label, p.start, p.end])).toEqual([
      ['2026-S', 'Été 2026', '2026-05-01', '2026-10-31'],
      ['2026-W', 'Hiver 2026-2027', '2026-11-01', '2027-04-30'],
      ['2027-S', 'Été 2027', '2027-05-01', '2027-10-31'],
      ['2027-W', 'Hiver 2027-2028', '2027-11-01', '2028-04-30'],
    ]);
    expect(page.items.map(table)).toEqual([
      { N1: [5, 0, null, 5], SASPAS: [1, 0, null, 1], SAFE: [1, 0, null, 1] },
      { N1: [2, 0, null, 2], SASPAS: [1, 0, null, 1] },
      { N1: [2, 0, null, 2], SASPAS: [1, 0, null, 1], DJ_MG: [2, 0, null, 2] },
      { N1: [2, 0, null, 2], SASPAS: [1, 0, null, 1], DJ_MG: [2, 0, null, 2] },
    ]);
    expect(page.items.map((p) => p.docteurJunior?.offered ?? null)).toEqual([null, 0, 2, 2]);
    expect(page.items[0].totals).toEqual({ offered: 7, requested: 0, filled: null, gap: 7 });
    expect(page.items.map((p) => p.version)).toEqual([0, 0, 0, 0]);
  });

  it('starts from the current semester by default', async () => {
    const res = await officer('get', '/api/semesters').expect(200);
    expect((res.body.items as SemesterPlan[]).map((p) => p.semester)).toEqual(['2026-S', '2026-W', '2027-S', '2027-W']);
  });

  it('records demand per stage type and shows the gap; DJ_MG on its own', async () => {
    const put = await officer('put', '/api/semesters/2026-W/demands')
      .send({
        version: 0,
        demands: [
          { stageType: 'N1', placesRequested: 4, placesFilled: 2, source: 'Faculté de Créteil' },
          { stageType: 'SASPAS', placesRequested: 1 },
          { stageType: 'DJ_MG', placesRequested: 3, source: 'ARS' },
        ],
      })
      .expect(200);
    const plan = put.body as SemesterPlan;
    expect(table(plan)).toEqual({ N1: [2, 4, 2, -2], SASPAS: [1, 1, null, 0], DJ_MG: [0, 3, null, -3] });
    expect(plan.totals).toEqual({ offered: 3, requested: 5, filled: 2, gap: -2 });
    expect(plan.stageTypes.find((s) => s.stageType === 'N1')?.source).toBe('Faculté de Créteil');
    expect(plan.version).toBe(3);
    expect(await t.db.getRepository(AuditEvent).countBy({ entityType: 'semester_demand' })).toBe(3);

    const again = await officer('get', '/api/semesters/2026-W').expect(200);
    expect(again.body).toEqual(plan);
  });

  it('edits from the version read: 409 when stale, a row left as it was is not touched', async () => {
    const before = await demandRows();
    const stale = await officer('put', '/api/semesters/2026-W/demands').send({
      version: 0,
      demands: [{ stageType: 'N1', placesRequested: 9 }],
    });
    expect(stale.status).toBe(409);
    expect(await demandRows()).toEqual(before);
    const res = await officer('put', '/api/semesters/2026-W/demands')
      .set('If-Match', '"3"')
      .send({
        demands: [
          { stageType: 'N1', placesRequested: 6 },
          { stageType: 'SASPAS', placesRequested: 1 },
        ],
      })
      .expect(200);
    expect(res.body.version).toBe(4);
    expect(table(res.body)).toMatchObject({ N1: [2, 6, 2, -4], SASPAS: [1, 1, null, 0] });
  });

  it.each<[string, string, Body, RegExp]>([
    [
      'an unknown semester code',
      '2026-X',
      { demands: [{ stageType: 'N1', placesRequested: 1 }] },
      /^semestre : code attendu/,
    ],
    ['a short year', '26-W', { demands: [{ stageType: 'N1', placesRequested: 1 }] }, /^semestre : code attendu/],
    [
      'docteurs juniors before 2026-W',
      '2026-S',
      { demands: [{ stageType: 'DJ_MG', placesRequested: 1 }] },
      /DJ_MG\) commencent au semestre 2026-W/,
    ],
    [
      'an unknown stage type',
      '2027-S',
      { demands: [{ stageType: 'N2', placesRequested: 1 }] },
      /^demands\.0\.stageType : type de stage inconnu/,
    ],
    [
      'negative places',
      '2027-S',
      { demands: [{ stageType: 'N1', placesRequested: -1 }] },
      /^demands\.0\.placesRequested : ne peut pas être négatif/,
    ],
    [
      'a fraction',
      '2027-S',
      { demands: [{ stageType: 'N1', placesRequested: 1, placesFilled: 0.5 }] },
      /^demands\.0\.placesFilled : nombre entier/,
    ],
    [
      'a stage type twice',
      '2027-S',
      {
        demands: [
          { stageType: 'N1', placesRequested: 1 },
          { stageType: 'N1', placesRequested: 2 },
        ],
      },
      /apparaît deux fois/,
    ],
    ['no demand', '2027-S', { demands: [] }, /^demands : au moins un type de stage/],
    [
      'an unknown field',
      '2027-S',
      { demands: [{ stageType: 'N1', placesRequested: 1, offered: 3 }] },
      /« demands\.0\.offered » n’est pas autorisé/,
    ],
  ])('refuses %s: 400, nothing written', async (_, code, body, message) => {
    const before = await demandRows();
    const res = await officer('put', `/api/semesters/${code}/demands`).send(body).expect(400);
    expect([res.body.message].flat()).toContainEqual(expect.stringMatching(message));
    expect(await demandRows()).toEqual(before);
  });

  it('refuses a bad query: 400', async () => {
    await officer('get', '/api/semesters?from=2026').expect(400);
    await officer('get', '/api/semesters?count=13').expect(400);
    await officer('get', '/api/semesters/2026-Z').expect(400);
  });

  it.each(ROLES)('%s may read: 200', async (role) => {
    await (await t.as(role))('get', '/api/semesters?from=2026-W&count=1').expect(200);
  });

  it.each(READ_ONLY_ROLES)('%s may not enter demand: 403, nothing written', async (role) => {
    const before = await demandRows();
    await (
      await t.as(role)
    )('put', '/api/semesters/2027-S/demands')
      .send({ demands: [{ stageType: 'N1', placesRequested: 1 }] })
      .expect(403);
    expect(await demandRows()).toEqual(before);
  });
});
