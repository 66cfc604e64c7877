import { addMonths, addYears, isValidRpps, isValidSiret } from '@maillage/shared/domain';

import { type RegistryDemoReport, seedRegistryDemo } from '../src/demo/registry-demo';
import { startTestApp, type TestApp } from './test-app';

const TODAY = '2026-10-01';
const IN_SIX_MONTHS = addMonths(TODAY, 6);

/** A plausible zonage, as the demo seed writes it before the registry (ZIP/ZAC mostly outside the west). */
const ZONAGE_SQL = `
  INSERT INTO commune_zonages (commune_code, zonage, valid_from, source)
  SELECT code, CASE WHEN population > 20000 THEN 'ZAC' WHEN code::int % 5 < 2 THEN 'ZIP' WHEN code::int % 5 < 4 THEN 'ZAC' ELSE 'HZ' END,
         '2022-04-01', 'test'
  FROM communes WHERE departement_code = '77'`;

interface Seeded {
  t: TestApp;
  report: RegistryDemoReport;
  ms: number;
}

async function seededApp(): Promise<Seeded> {
  const t = await startTestApp();
  const officer = await t.createUser('mission_officer');
  const cdom = await t.createUser('cdom');
  await t.db.query(ZONAGE_SQL);
  const started = Date.now();
  const report = await t.db.transaction((manager) =>
    seedRegistryDemo(manager, '77', { missionOfficerId: officer.id, cdomId: cdom.id }, TODAY),
  );
  return { t, report, ms: Date.now() - started };
}

describe('seedRegistryDemo (real PostgreSQL, territory of the 77)', () => {
  let seeded: Seeded;
  let t: TestApp;
  const rows = <T>(sql: string, params: unknown[] = []) => t.db.query(sql, params) as Promise<T[]>;
  const count = async (sql: string, params: unknown[] = []) => Number((await rows<{ n: string }>(sql, params))[0].n);

  beforeAll(async () => {
    seeded = await seededApp();
    t = seeded.t;
  }, 60_000);
  afterAll(() => t.close());

  it('runs in a few seconds with batched inserts', () => {
    expect(seeded.ms).toBeLessThan(6_000);
  });

  it('tells the story with the expected volumes, and reports what it wrote', async () => {
    const sites = await count('SELECT count(*) AS n FROM training_sites');
    const msus = await count(`SELECT count(*) AS n FROM professionals WHERE msu_stage IN ('accredited', 'active')`);
    const open = await count(
      `SELECT count(*) AS n FROM candidate_referrals WHERE status IN ('new', 'assigned', 'in_progress')`,
    );
    expect(sites).toBeGreaterThanOrEqual(110);
    expect(sites).toBeLessThanOrEqual(130);
    expect(await count('SELECT count(*) AS n FROM professionals')).toBe(250);
    expect(msus).toBeGreaterThanOrEqual(80);
    expect(msus).toBeLessThanOrEqual(100);
    expect(open).toBeGreaterThanOrEqual(10);
    expect(open).toBeLessThanOrEqual(14);
    expect(await count(`SELECT count(*) AS n FROM training_sites WHERE status = 'prospect'`)).toBeGreaterThanOrEqual(
      12,
    );
    expect(await count('SELECT count(*) AS n FROM installation_intents')).toBeGreaterThanOrEqual(20);
    expect(await count(`SELECT count(*) AS n FROM site_capacities WHERE stage_type = 'DJ_MG'`)).toBeGreaterThanOrEqual(
      15,
    );
    expect(await count(`SELECT count(*) AS n FROM training_sites WHERE kind = 'pmi'`)).toBe(8);
    expect(seeded.report).toMatchObject({
      sites,
      professionals: 250,
      supervisors: msus,
      openReferrals: open,
      capacities: await count('SELECT count(*) AS n FROM site_capacities'),
      stageEvents: await count('SELECT count(*) AS n FROM msu_stage_events'),
      accreditations: await count('SELECT count(*) AS n FROM accreditations'),
      auditEvents: await count(
        `SELECT count(*) AS n FROM audit_events WHERE action = 'created' AND entity_type <> 'user'`,
      ),
    });
  });

  it('writes valid, unique RPPS and SIRET numbers', async () => {
    const rpps = (await rows<{ rpps: string }>('SELECT rpps FROM professionals')).map((r) => r.rpps);
    expect(rpps.every(isValidRpps)).toBe(true);
    expect(new Set(rpps).size).toBe(rpps.length);
    const referred = await rows<{ rpps: string }>('SELECT rpps FROM candidate_referrals WHERE rpps IS NOT NULL');
    expect(referred.every((r) => isValidRpps(r.rpps))).toBe(true);
    const sirets = (await rows<{ siret: string }>('SELECT siret FROM training_sites WHERE siret IS NOT NULL')).map(
      (r) => r.siret,
    );
    expect(sirets.length).toBeGreaterThan(90);
    expect(sirets.every(isValidSiret)).toBe(true);
    expect(new Set(sirets).size).toBe(sirets.length);
  });

  it('keeps each pipeline history in order, in the past three years, ending on the current stage', async () => {
    const events = await rows<{
      id: string;
      stage: string;
      since: string;
      from: string | null;
      to: string;
      on: string;
    }>(
      `SELECT p.id, p.msu_stage AS stage, p.msu_stage_since::text AS since, e.from_stage AS from, e.to_stage AS to, e.occurred_on::text AS on
       FROM professionals p JOIN msu_stage_events e ON e.professional_id = p.id ORDER BY p.id, e.occurred_on, e.created_at`,
    );
    const byProfessional = new Map<string, typeof events>();
    events.forEach((e) => byProfessional.set(e.id, [...(byProfessional.get(e.id) ?? []), e]));
    expect(byProfessional.size).toBe(250);
    for (const history of byProfessional.values()) {
      const last = history[history.length - 1];
      expect(history[0].from).toBeNull();
      expect(last.to).toBe(last.stage);
      expect(last.on).toBe(last.since);
      history.slice(1).forEach((e, i) => expect(e.from).toBe(history[i].to));
      expect(history.every((e) => e.on >= addYears(TODAY, -3) && e.on <= TODAY)).toBe(true);
    }
  });

  it('dates accreditations consistently, with about ten in force ending within six months', async () => {
    const accreditations = await rows<{
      start: string | null;
      end: string | null;
      status: string;
      cycle: string;
      authority: string;
    }>('SELECT start_date::text AS start, end_date::text AS end, status, cycle, authority FROM accreditations');
    expect(accreditations.every((a) => a.start === null || a.end === null || a.end >= a.start)).toBe(true);
    const expiring = accreditations.filter(
      (a) =>
        ['granted', 'conditional'].includes(a.status) && a.end !== null && a.end >= TODAY && a.end <= IN_SIX_MONTHS,
    );
    expect(expiring.length).toBeGreaterThanOrEqual(8);
    expect(expiring.length).toBeLessThanOrEqual(14);
    expect(seeded.report.accreditationsExpiringSoon).toBe(expiring.length);
    expect(accreditations.filter((a) => a.status === 'conditional').length).toBeGreaterThanOrEqual(2);
    expect(
      accreditations.filter((a) => a.status === 'expired' && a.end !== null && a.end < TODAY).length,
    ).toBeGreaterThan(0);
    expect(accreditations.every((a) => a.authority.includes(a.cycle === '3' ? 'ARS' : 'Doyen'))).toBe(true);
    const withoutAccreditation = await count(
      `SELECT count(*) AS n FROM professionals p WHERE p.msu_stage IN ('accredited', 'active')
       AND NOT EXISTS (SELECT 1 FROM accreditations a WHERE a.professional_id = p.id)`,
    );
    expect(withoutAccreditation).toBe(0);
  });

  it('spreads sites over the territory, east and south included, each hosting site with an MSU', async () => {
    expect(await count('SELECT count(DISTINCT commune_code) AS n FROM training_sites')).toBeGreaterThanOrEqual(40);
    const towns = await rows<{ code: string }>(`SELECT DISTINCT commune_code AS code FROM training_sites`);
    expect(towns.map((r) => r.code)).toEqual(expect.arrayContaining(['77379', '77333', '77131', '77305']));
    const withoutMsu = await count(
      `SELECT count(*) AS n FROM training_sites s WHERE s.status IN ('active', 'suspended') AND NOT EXISTS (
         SELECT 1 FROM professional_sites ps JOIN professionals p ON p.id = ps.professional_id
         WHERE ps.site_id = s.id AND p.msu_stage IN ('accredited', 'active'))`,
    );
    expect(withoutMsu).toBe(0);
    const activeWithoutPlaces = await count(
      `SELECT count(*) AS n FROM training_sites s WHERE s.status = 'active'
       AND NOT EXISTS (SELECT 1 FROM site_capacities c WHERE c.site_id = s.id AND c.places > 0)`,
    );
    expect(activeWithoutPlaces).toBe(0);
    const djOutsideZipZac = await count(
      `SELECT count(*) AS n FROM site_capacities c JOIN training_sites s ON s.id = c.site_id
       WHERE c.stage_type = 'DJ_MG' AND NOT EXISTS (SELECT 1 FROM commune_zonages z
         WHERE z.commune_code = s.commune_code AND z.valid_to IS NULL AND z.zonage IN ('ZIP', 'ZAC'))`,
    );
    expect(djOutsideZipZac).toBe(0);
    const perSite = await rows<{ n: string }>('SELECT count(*) AS n FROM professional_sites GROUP BY site_id');
    expect(perSite.every((r) => Number(r.n) >= 1 && Number(r.n) <= 4)).toBe(true);
  });

  it('keeps only initials of the young doctors who did not consent', async () => {
    const intents = await rows<{
      consent: boolean;
      first: string | null;
      last: string | null;
      initials: string;
      status: string;
    }>('SELECT consent, first_name AS first, last_name AS last, initials, status FROM installation_intents');
    expect(intents.filter((i) => !i.consent).length).toBeGreaterThan(0);
    expect(intents.filter((i) => !i.consent).every((i) => i.first === null && i.last === null)).toBe(true);
    expect(intents.every((i) => /^[A-ZÀ-Ý]\./.test(i.initials))).toBe(true);
    const settled = await count(
      `SELECT count(*) AS n FROM installation_intents WHERE status = 'settled' AND professional_id IS NOT NULL AND settled_on IS NOT NULL`,
    );
    expect(settled).toBeGreaterThan(0);
  });

  it('closes converted referrals on a professional now in the pipeline', async () => {
    const converted = await rows<{ stage: string | null; closed: Date | null }>(
      `SELECT p.msu_stage AS stage, r.closed_at AS closed FROM candidate_referrals r
       LEFT JOIN professionals p ON p.id = r.professional_id WHERE r.status = 'converted'`,
    );
    expect(converted.length).toBeGreaterThan(0);
    expect(
      converted.every((r) => r.stage !== null && r.closed !== null && !['identified', 'declined'].includes(r.stage)),
    ).toBe(true);
    const stale = await count(
      `SELECT count(*) AS n FROM candidate_referrals WHERE status IN ('new', 'assigned', 'in_progress')
       AND COALESCE(last_follow_up_at, created_at) < $1::date - 30`,
      [TODAY],
    );
    expect(stale).toBeGreaterThanOrEqual(2);
  });

  it('writes a "created" audit event for every site, professional and accreditation', async () => {
    const missing = await count(
      `SELECT count(*) AS n FROM (
         SELECT id FROM training_sites UNION ALL SELECT id FROM professionals UNION ALL SELECT id FROM accreditations) r
       WHERE NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.entity_id = r.id::text AND a.action = 'created')`,
    );
    expect(missing).toBe(0);
  });

  describe('on a second database', () => {
    let other: Seeded;
    beforeAll(async () => {
      other = await seededApp();
    }, 60_000);
    afterAll(() => other.t.close());

    it('tells the same story (deterministic)', async () => {
      const names = (app: TestApp, sql: string) => app.db.query(sql) as Promise<{ name: string }[]>;
      const sites = 'SELECT name FROM training_sites ORDER BY name';
      const people = `SELECT first_name || ' ' || last_name || ' ' || rpps || ' ' || msu_stage AS name FROM professionals ORDER BY 1`;
      expect(await names(other.t, sites)).toEqual(await names(t, sites));
      expect(await names(other.t, people)).toEqual(await names(t, people));
      expect(other.report).toEqual(seeded.report);
    });
  });
});
