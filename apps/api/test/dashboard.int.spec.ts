import { type Dashboard, type GpDensityRow, type MsuStage, ROLES } from '@maillage/shared/domain';

import { Clock } from '../src/common/clock/clock';
import { insertIssue } from './issue-factories';
import { insertProfessional } from './site-factories';
import { insertReferral, insertVisit } from './task-factories';
import { startTestApp, type TestApp } from './test-app';

/*
 * A known dataset on "today" = 2026-09-15 (coming semester 2026-W, alert window to 2027-03-15):
 * EPCI E (A 77990: 10 000 inhabitants, B 77991: 5 000), commune C 77992 (2 500, no EPCI); the
 * other communes of the 77 have no population here. S1 (A, active), S2 (B, active), S3 (C,
 * prospect), S4 (A, active but archived); S93 in the 93 is never counted for a 77 user.
 */
const A = '77990';
const B = '77991';
const C = '77992';
const EPCI = '200099991';
const EPCI_93 = '200099993';

describe('/api/dashboard (real PostgreSQL)', () => {
  let t: TestApp;
  let token77: string;

  const get = async (query = '', token = token77, status = 200) =>
    (await t.http().get(`/api/dashboard${query}`).set('Authorization', `Bearer ${token}`).expect(status))
      .body as Dashboard;
  const sql = (text: string, params: unknown[] = []) => t.db.query(text, params);

  const insertSite = async (commune: string, status: string, options: { archived?: boolean; dep?: string } = {}) => {
    const [row] = await sql(
      `INSERT INTO training_sites (version, departement_code, name, kind, status, address_line1, postal_code,
         commune_code, search_text, archived_at)
       VALUES (1, $1, 'Terrain ' || $2, 'msp', $3, '1 rue de la Gare', '77000', $2, 'terrain', $4) RETURNING id`,
      [options.dep ?? '77', commune, status, options.archived ? new Date() : null],
    );
    return row.id as string;
  };
  const professional = async (
    msuStage: MsuStage,
    specialty: string,
    sites: string[],
    options: { archived?: boolean; dep?: string } = {},
  ) => {
    const p = await insertProfessional(t, {
      msuStage,
      departementCode: options.dep ?? '77',
      archivedAt: options.archived ? new Date() : null,
    });
    await sql('UPDATE professionals SET specialty = $2 WHERE id = $1', [p.id, specialty]);
    for (const site of sites)
      await sql('INSERT INTO professional_sites (professional_id, site_id) VALUES ($1, $2)', [p.id, site]);
    return p.id;
  };
  const accreditation = async (
    holder: { site: string } | { professional: string },
    status: string,
    start: string,
    end: string,
    stageTypes: string[] = ['N1'],
    dep = '77',
  ) =>
    sql(
      `INSERT INTO accreditations (version, departement_code, professional_id, site_id, cycle, type, stage_types, phases,
         max_students, authority, start_date, end_date, status)
       VALUES (1, $1, $2, $3, '3', 'principal', $4, '{socle}', 2, 'ARS', $5, $6, $7)`,
      [
        dep,
        'professional' in holder ? holder.professional : null,
        'site' in holder ? holder.site : null,
        stageTypes,
        start,
        end,
        status,
      ],
    );

  beforeAll(async () => {
    t = await startTestApp();
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date('2026-09-15T10:00:00Z'));
    token77 = await t.tokenFor('mission_officer');

    await sql(
      `INSERT INTO departements (code, name, region_code) VALUES ('93', 'Seine-Saint-Denis', '11') ON CONFLICT DO NOTHING`,
    );
    await sql(`INSERT INTO epcis (siren, name, kind) VALUES ($1, 'CA Test', 'CA'), ($2, 'EPT Test', 'EPT')`, [
      EPCI,
      EPCI_93,
    ]);
    await sql(`UPDATE communes SET population = NULL WHERE departement_code = '77'`);
    await sql(
      `INSERT INTO communes (code, name, search_name, departement_code, epci_siren, population) VALUES
        ($1, 'Alpha', 'alpha', '77', $4, 10000), ($2, 'Beta', 'beta', '77', $4, 5000), ($3, 'Gamma', 'gamma', '77', NULL, 2500),
        ('93990', 'Delta', 'delta', '93', $5, 40000)`,
      [A, B, C, EPCI, EPCI_93],
    );
    const s1 = await insertSite(A, 'active');
    const s2 = await insertSite(B, 'active');
    const s3 = await insertSite(C, 'prospect');
    const s4 = await insertSite(A, 'active', { archived: true });
    const s93 = await insertSite('93990', 'active', { dep: '93' });
    await sql(
      `INSERT INTO site_capacities (site_id, stage_type, places) VALUES ($1, 'N1', 2), ($2, 'SASPAS', 1), ($3, 'N1', 4)`,
      [s1, s2, s93],
    );

    const p1 = await professional('active', 'Médecine générale', [s1]);
    const p2 = await professional('accredited', 'Médecine générale', [s2]);
    const p3 = await professional('identified', 'Médecine générale', [s3]);
    const p4 = await professional('contacted', 'Pédiatrie', [s1]);
    const p5 = await professional('interested', 'Médecine générale', []);
    await professional('in_training', 'Médecine générale', [s1, s2]);
    await professional('retired', 'Médecine générale', [s1]);
    await professional('declined', 'Médecine générale', [s4]);
    await professional('active', 'Médecine générale', [s1], { archived: true });
    const p93 = await professional('active', 'Médecine générale', [s93], { dep: '93' });

    await accreditation({ site: s1 }, 'granted', '2024-01-01', '2028-12-31');
    await accreditation({ professional: p2 }, 'granted', '2025-01-01', '2026-12-31', ['SASPAS']);
    await accreditation({ professional: p3 }, 'conditional', '2025-09-01', '2027-02-28');
    await accreditation({ professional: p1 }, 'expired', '2021-04-01', '2026-03-31');
    await accreditation({ site: s2 }, 'granted', '2021-07-01', '2026-06-30');
    await accreditation({ professional: p4 }, 'withdrawn', '2021-05-02', '2026-05-01');
    await accreditation({ professional: p5 }, 'granted', '2020-07-01', '2025-06-30');
    await accreditation({ professional: p93 }, 'granted', '2022-01-01', '2026-12-31', ['N1'], '93');
    await sql(
      `INSERT INTO semester_demands (version, departement_code, semester, stage_type, places_requested)
       VALUES (1, '77', '2026-W', 'N1', 5), (1, '93', '2026-W', 'N1', 9)`,
    );

    const referrer = (await t.createUser('cdom', { email: 'referrer@test.maillage.fr' })).id;
    const referral = async (
      createdAt: string,
      status: 'new' | 'converted' | 'declined' | 'not_eligible' | 'in_progress',
      commune: string | null,
      dep = '77',
    ) => {
      const r = await insertReferral(t, referrer, { createdAt, status });
      await sql('UPDATE candidate_referrals SET commune_code = $2, departement_code = $3 WHERE id = $1', [
        r.id,
        commune,
        dep,
      ]);
    };
    await referral('2026-02-10T10:00:00+01:00', 'new', A);
    await referral('2026-03-05T10:00:00+01:00', 'converted', B);
    await referral('2026-06-20T10:00:00+02:00', 'converted', C);
    await referral('2025-12-31T23:30:00+01:00', 'declined', A);
    await referral('2026-01-01T00:30:00+01:00', 'not_eligible', null);
    await referral('2026-09-20T10:00:00+02:00', 'in_progress', A);
    await referral('2026-03-05T10:00:00+01:00', 'converted', '93990', '93');

    await insertIssue(t, s1, { category: 'housing', status: 'open', raisedOn: '2026-01-15' });
    await insertIssue(t, s1, { category: 'housing', status: 'in_progress', raisedOn: '2026-03-10' });
    await insertIssue(t, s2, { category: 'parking', status: 'resolved', raisedOn: '2026-02-01' });
    await insertIssue(t, s3, { category: 'it', status: 'open', raisedOn: '2025-11-05' });
    const late = await insertIssue(t, s2, { category: 'public_transport', status: 'resolved', raisedOn: '2026-03-01' });
    await sql(`UPDATE access_issues SET closed_on = '2026-08-01' WHERE id = $1`, [late.id]);
    await insertIssue(t, s1, { category: 'housing', status: 'open', raisedOn: '2026-02-01', archived: true });
    await insertIssue(t, s93, { category: 'housing', status: 'open', raisedOn: '2026-02-01', departementCode: '93' });

    await insertVisit(t, s1, { visitedOn: '2026-02-10', status: 'done' });
    await insertVisit(t, s2, { visitedOn: '2026-05-05', status: 'done' });
    await insertVisit(t, s3, { visitedOn: '2026-08-20', status: 'planned' });
    await insertVisit(t, s1, { visitedOn: '2026-04-01', status: 'cancelled' });
    await insertVisit(t, s2, { visitedOn: '2026-10-10', status: 'planned' });
    await insertVisit(t, s1, { visitedOn: '2025-12-15', status: 'done' });
    const v93 = await insertVisit(t, s93, { visitedOn: '2026-03-01', status: 'done' });
    await sql(`UPDATE site_visits SET departement_code = '93' WHERE id = $1`, [v93.id]);

    const intent = (status: string, communes: string[], options: { archived?: boolean; dep?: string } = {}) =>
      sql(
        `INSERT INTO installation_intents (version, departement_code, initials, specialty, horizon, status,
           reported_by_id, target_commune_codes, archived_at)
         VALUES (1, $1, 'A. B.', 'Médecine générale', '1_2_years', $2, $3, $4, $5)`,
        [options.dep ?? '77', status, referrer, communes, options.archived ? new Date() : null],
      );
    await intent('intention', [A]);
    await intent('in_discussion', [B, C]);
    await intent('settled', []);
    await intent('intention', [C]);
    await intent('abandoned', [A], { archived: true });
    await intent('settled', ['93990'], { dep: '93' });

    // The RPPS directory (no load recorded yet): G2 practises in A and B (once per area), the
    // paediatrician and the nurse are no GPs. 77: G1–G4 (4 for 17 500), EPCI: G1–G3, C: G4, 93: G5.
    await directory([
      ['G1', A, '10', 'SM54'],
      ['G2', A, '10', 'SM53'],
      ['G2', B, '10', 'SM53'],
      ['G3', B, '10', 'SM54'],
      ['G4', C, '10', 'SM54'],
      ['P1', A, '10', 'SM40'],
      ['N1', B, '60', null],
      ['G5', '93990', '10', 'SM54'],
    ]);
  });

  let lineNo = 0;
  const directory = (rows: [string, string, string, string | null][]) =>
    Promise.all(
      rows.map(([id, commune, profession, savoirFaire]) =>
        sql(
          `INSERT INTO rpps_practitioners (line_no, national_id, last_name, first_name, profession_code,
             savoir_faire_code, commune_code, departement_code, search_text)
           VALUES ($1, $2, 'Nom', 'Prénom', $3, $4, $5::text, left($5::text, 2), 'nom prenom')`,
          [++lineNo, id, profession, savoirFaire, commune],
        ),
      ),
    );
  const LOADED_AT = '2026-09-01T08:00:00.000Z';

  afterAll(() => t.close());

  const counts = <K extends string>(rows: ({ count: number } & Record<string, unknown>)[], key: K) =>
    Object.fromEntries(rows.filter((r) => r.count > 0).map((r) => [r[key], r.count]));

  it('says the GP density is unknown until a directory has been loaded, then shows it (the cache follows)', async () => {
    expect((await get()).generalPractitioners).toEqual({
      directoryLoadedAt: null,
      count: null,
      population: 17500,
      per10000: null,
    });
    const [load] = await sql(
      `INSERT INTO rpps_loads (file_name, status) VALUES ('PS_LibreAcces.txt', 'loading') RETURNING id`,
    );
    // Progress does not make cached figures stale; the end of the load does.
    await sql('UPDATE rpps_loads SET rows_read = 10 WHERE id = $1', [load.id]);
    expect((await get()).generalPractitioners.count).toBeNull();
    await sql(`UPDATE rpps_loads SET status = 'loaded', finished_at = $2 WHERE id = $1`, [load.id, LOADED_AT]);
    expect((await get()).generalPractitioners).toEqual({
      directoryLoadedAt: LOADED_AT,
      count: 4,
      population: 17500,
      per10000: 2.29,
    });
  });

  it('gives the same GP density as the directory’s (GET /api/rpps/density), and follows a new directory', async () => {
    const density = async (level: string) =>
      (await t.http().get(`/api/rpps/density?level=${level}`).set('Authorization', `Bearer ${token77}`).expect(200))
        .body as GpDensityRow[];
    const [departement] = await density('departement');
    expect((await get()).generalPractitioners).toMatchObject({
      count: departement.generalPractitioners,
      per10000: departement.per10000,
    });
    const epci = (await density('epci')).find((e) => e.code === EPCI) as GpDensityRow;
    expect((await get(`?epci=${EPCI}`)).generalPractitioners).toMatchObject({ count: 3, per10000: epci.per10000 });
    const gamma = (await density('commune')).find((c) => c.code === C) as GpDensityRow;
    expect((await get(`?commune=${C}`)).generalPractitioners).toMatchObject({ count: 1, per10000: gamma.per10000 });

    // A new practitioner in the directory: the cached dashboard is recomputed at once.
    await directory([['G6', C, '10', 'SM54']]);
    expect((await get()).generalPractitioners).toMatchObject({ count: 5, per10000: 2.86 });
    await sql(`DELETE FROM rpps_practitioners WHERE national_id = 'G6'`);
    expect((await get()).generalPractitioners).toMatchObject({ count: 4, per10000: 2.29 });
  });

  it('computes every figure of the département over the default period (1 January → today)', async () => {
    const d = await get();
    expect(d.period).toEqual({ from: '2026-01-01', to: '2026-09-15' });
    expect(d.computedOn).toBe('2026-09-15');
    expect(d.scope).toMatchObject({
      departementCode: '77',
      level: 'departement',
      epci: null,
      commune: null,
      population: 17500,
    });
    expect(d.sites).toEqual({ active: 2, total: 3 });
    // No accreditation took effect since 1 January; p2's and p3's did in 2025 (records, not stages).
    expect(d.msus).toEqual({ active: 1, accredited: 1, total: 2, accreditedInPeriod: 0 });
    expect((await get('?from=2025-01-01&to=2025-12-31')).msus.accreditedInPeriod).toBe(2);
    // S1 N1 2 (its own accreditation) + S2 SASPAS 1 (its MSU's, in force on 2026-11-01); 5 requested.
    expect(d.places).toEqual({
      semester: '2026-W',
      label: 'Hiver 2026-2027',
      offered: 3,
      requested: 5,
      filled: null,
      gap: -2,
      includesDocteursJuniors: false,
      docteurJunior: { offered: 0, requested: 0, filled: null, gap: 0 },
      scope: 'departement',
    });
    expect(d.pipeline.funnel.map((s) => [s.stage, s.count, s.reached, s.conversionToNext])).toEqual([
      ['identified', 1, 6, 0.8333],
      ['contacted', 1, 5, 0.8],
      ['interested', 1, 4, 0.75],
      ['in_training', 1, 3, 0.6667],
      ['file_submitted', 0, 2, 1],
      ['accredited', 1, 2, 0.5],
      ['active', 1, 1, null],
    ]);
    expect(d.pipeline.funnel[0].label).toBe('Identifié');
    expect(counts(d.pipeline.exits, 'stage')).toEqual({ declined: 1, retired: 1 });
    expect(d.referrals.total).toBe(4);
    expect(counts(d.referrals.byOutcome, 'status')).toEqual({ new: 1, converted: 2, not_eligible: 1 });
    expect(d.referrals.byOutcome).toHaveLength(6);
    expect(d.accessIssues).toMatchObject({ open: 3, openAtEnd: 3, raised: 4 });
    expect(
      Object.fromEntries(
        d.accessIssues.byCategory.filter((c) => c.open || c.raised).map((c) => [c.category, [c.open, c.raised]]),
      ),
    ).toEqual({ housing: [2, 2], it: [1, 0], parking: [0, 1], public_transport: [0, 1] });
    expect(d.accessIssues.byCategory.find((c) => c.category === 'housing')?.label).toBeTruthy();
    expect(d.accessIssues.trend).toEqual([
      { month: '2026-01', raised: 1 },
      { month: '2026-02', raised: 1 },
      { month: '2026-03', raised: 2 },
      { month: '2026-04', raised: 0 },
      { month: '2026-05', raised: 0 },
      { month: '2026-06', raised: 0 },
      { month: '2026-07', raised: 0 },
      { month: '2026-08', raised: 0 },
      { month: '2026-09', raised: 0 },
    ]);
    expect(d.visits).toEqual({ planned: 3, done: 2, pending: 1, cancelled: 1, doneRate: 0.6667 });
    expect(d.accreditations).toEqual({ alertMonths: 6, expiring: 2, expired: 2 });
    expect(d.intents.total).toBe(4);
    expect(counts(d.intents.byStatus, 'status')).toEqual({ intention: 2, in_discussion: 1, settled: 1 });
    // From the directory, not the registry: G1–G4 (G2 once, the paediatrician and the nurse out).
    expect(d.generalPractitioners).toEqual({
      directoryLoadedAt: LOADED_AT,
      count: 4,
      population: 17500,
      per10000: 2.29,
    });
  });

  it('filters the period (from, to)', async () => {
    const d = await get('?from=2026-03-01&to=2026-06-30');
    expect(d.referrals.total).toBe(2);
    expect(counts(d.referrals.byOutcome, 'status')).toEqual({ converted: 2 });
    expect(d.accessIssues).toMatchObject({ open: 3, raised: 2, openAtEnd: 4 });
    expect(d.accessIssues.trend.map((m) => [m.month, m.raised])).toEqual([
      ['2026-03', 2],
      ['2026-04', 0],
      ['2026-05', 0],
      ['2026-06', 0],
    ]);
    expect(d.visits).toEqual({ planned: 1, done: 1, pending: 0, cancelled: 1, doneRate: 1 });
    // The expired MSU's (31 March) and the site's passed end date (30 June) both fall in the period.
    expect(d.accreditations).toMatchObject({ expiring: 2, expired: 2 });
    expect((await get('?from=2026-04-01')).accreditations).toMatchObject({ expiring: 2, expired: 1 });
    // A referral created at 00:30 on 1 January in Paris belongs to 1 January.
    const newYear = await get('?from=2026-01-01&to=2026-01-01');
    expect(counts(newYear.referrals.byOutcome, 'status')).toEqual({ not_eligible: 1 });
    const december = await get('?from=2025-12-01&to=2025-12-31');
    expect(counts(december.referrals.byOutcome, 'status')).toEqual({ declined: 1 });
    expect(december.visits).toMatchObject({ planned: 1, done: 1 });
  });

  it('narrows to an EPCI', async () => {
    const d = await get(`?epci=${EPCI}`);
    expect(d.scope).toMatchObject({
      level: 'epci',
      epci: { siren: EPCI, name: 'CA Test' },
      communes: 2,
      population: 15000,
    });
    expect(d.sites).toEqual({ active: 2, total: 2 });
    expect(d.msus).toEqual({ active: 1, accredited: 1, total: 2, accreditedInPeriod: 0 });
    expect(Object.fromEntries(d.pipeline.funnel.filter((s) => s.count).map((s) => [s.stage, s.count]))).toEqual({
      contacted: 1,
      in_training: 1,
      accredited: 1,
      active: 1,
    });
    expect(counts(d.pipeline.exits, 'stage')).toEqual({ retired: 1 });
    expect(counts(d.referrals.byOutcome, 'status')).toEqual({ new: 1, converted: 1 });
    expect(d.accessIssues).toMatchObject({ open: 2, raised: 4, openAtEnd: 2 });
    expect(d.visits).toEqual({ planned: 2, done: 2, pending: 0, cancelled: 1, doneRate: 1 });
    expect(d.accreditations).toMatchObject({ expiring: 1, expired: 2 });
    expect(counts(d.intents.byStatus, 'status')).toEqual({ intention: 1, in_discussion: 1 });
    expect(d.generalPractitioners).toMatchObject({ count: 3, population: 15000, per10000: 2 });
    expect(d.places).toMatchObject({ offered: 3, requested: 5, scope: 'departement' });
  });

  it('narrows to a commune', async () => {
    const d = await get(`?commune=${C}`);
    expect(d.scope).toMatchObject({
      level: 'commune',
      commune: { code: C, name: 'Gamma' },
      communes: 1,
      population: 2500,
    });
    expect(d.sites).toEqual({ active: 0, total: 1 });
    expect(d.msus.total).toBe(0);
    expect(d.pipeline.funnel.map((s) => s.count)).toEqual([1, 0, 0, 0, 0, 0, 0]);
    expect(counts(d.referrals.byOutcome, 'status')).toEqual({ converted: 1 });
    expect(d.accessIssues).toMatchObject({ open: 1, raised: 0, openAtEnd: 1 });
    expect(d.accessIssues.trend.every((m) => m.raised === 0)).toBe(true);
    expect(d.visits).toEqual({ planned: 1, done: 0, pending: 1, cancelled: 0, doneRate: 0 });
    expect(d.accreditations).toMatchObject({ expiring: 1, expired: 0 });
    expect(counts(d.intents.byStatus, 'status')).toEqual({ intention: 1, in_discussion: 1 });
    expect(d.generalPractitioners).toMatchObject({ count: 1, population: 2500, per10000: 4 });
    const inEpci = await get(`?epci=${EPCI}&commune=${A}`);
    expect(inEpci.scope).toMatchObject({ level: 'commune', population: 10000 });
    expect(inEpci.sites).toEqual({ active: 1, total: 1 });
  });

  it('lets every role read and refuses anonymous calls', async () => {
    for (const role of ROLES) {
      const d = await get('', await t.tokenFor(role, { email: `${role}.dashboard@test.maillage.fr` }));
      // The national administrator sees every département (the 93's site too).
      expect(d.sites.active).toBe(role === 'admin' ? 3 : 2);
    }
    await t.http().get('/api/dashboard').expect(401);
  });

  it('keeps to the actor’s département; a national administrator may pick one', async () => {
    const admin = await t.tokenFor('admin');
    const d93 = await get('?departement=93', admin);
    expect(d93.scope).toMatchObject({ departementCode: '93', population: 40000 });
    expect(d93.sites.active).toBe(1);
    expect(d93.generalPractitioners).toMatchObject({ count: 1, population: 40000, per10000: 0.25 });
    expect(d93.accreditations.expiring).toBe(1);
    expect(d93.places).toMatchObject({ offered: 4, requested: 9 });
    expect(counts(d93.referrals.byOutcome, 'status')).toEqual({ converted: 1 });
    const all = await get('', admin);
    expect(all.scope.departementCode).toBeNull();
    expect(all.sites.active).toBe(3);
    const res = await t
      .http()
      .get('/api/dashboard?departement=93')
      .set('Authorization', `Bearer ${token77}`)
      .expect(403);
    expect(res.body.message).toMatch(/autre département/);
  });

  it.each([
    ['?from=2026-13-01', 400, /from : date attendue/],
    ['?to=hier', 400, /to : date attendue/],
    ['?from=2026-06-01&to=2026-05-01', 400, /commence après sa fin/],
    ['?from=2000-01-01&to=2026-01-01', 400, /ne peut dépasser 10 ans/],
    ['?epci=12', 400, /SIREN à 9 chiffres/],
    ['?commune=7', 400, /code INSEE/],
    ['?epci=200000000', 404, /EPCI introuvable/],
    [`?epci=${EPCI_93}`, 404, /EPCI introuvable/],
    ['?commune=93990', 404, /commune introuvable/],
    [`?epci=${EPCI}&commune=${C}`, 400, /n’appartient pas à l’EPCI/],
  ])('rejects %s (%i, French message)', async (query, status, message) => {
    const res = await t.http().get(`/api/dashboard${query}`).set('Authorization', `Bearer ${token77}`).expect(status);
    expect([res.body.message].flat().join(' ')).toMatch(message);
  });
});
