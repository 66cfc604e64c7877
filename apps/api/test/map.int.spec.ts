import { type GpDensityRow, type MapCommune, type MapData, type MsuStage, ROLES } from '@maillage/shared/domain';
import { join } from 'node:path';

import { Clock } from '../src/common/clock/clock';
import { ContoursLoaderService } from '../src/territory/contours-loader.service';
import { insertIssue } from './issue-factories';
import { insertProfessional } from './site-factories';
import { startTestApp, type TestApp } from './test-app';

/*
 * A known dataset on "today" = 2026-09-15 (coming semester 2026-W, first day 2026-11-01):
 * A 77990 (10 000 inhabitants, EPCI E, ZIP), B 77991 (7 000, EPCI E, ZAC then ZV since 2026-07-01),
 * C 77992 (population unknown, no EPCI, no zonage); D 93990 in the 93.
 * Sites: S1 A active with coordinates; S5 A active; S4 A active but archived; S2 B active;
 * S3 C prospect; S93 D active.
 */
const A = '77990';
const B = '77991';
const C = '77992';
const D = '93990';
const EPCI = '200099991';
const FIXTURE = join(__dirname, 'fixtures', 'map-contours.geojson');

describe('/api/map (real PostgreSQL)', () => {
  let t: TestApp;
  let token77: string;
  const ids: Record<string, string> = {};

  const get = async (query = '', token = token77, status = 200) =>
    (await t.http().get(`/api/map${query}`).set('Authorization', `Bearer ${token}`).expect(status)).body as MapData;
  const sql = (text: string, params: unknown[] = []) => t.db.query(text, params);
  const commune = (data: MapData, code: string) => data.communes.find((c) => c.code === code) as MapCommune;
  const site = (data: MapData, id: string) => data.sites.find((s) => s.id === id);

  const insertSite = async (
    name: string,
    commune: string,
    status: string,
    options: { archived?: boolean; dep?: string; at?: [number, number] } = {},
  ) => {
    const [row] = await sql(
      `INSERT INTO training_sites (version, departement_code, name, kind, status, address_line1, postal_code,
         commune_code, search_text, archived_at, latitude, longitude)
       VALUES (1, $1, $2, 'msp', $3, '1 rue de la Gare', '77000', $4, 'terrain', $5, $6, $7) RETURNING id`,
      [
        options.dep ?? '77',
        name,
        status,
        commune,
        options.archived ? new Date() : null,
        options.at?.[0] ?? null,
        options.at?.[1] ?? null,
      ],
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
    for (const s of sites)
      await sql('INSERT INTO professional_sites (professional_id, site_id) VALUES ($1, $2)', [p.id, s]);
    return p.id;
  };
  const accreditation = (
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
  const capacities = (site: string, rows: [string, number][]) =>
    Promise.all(
      rows.map(([stageType, places]) =>
        sql('INSERT INTO site_capacities (site_id, stage_type, places) VALUES ($1, $2, $3)', [site, stageType, places]),
      ),
    );

  beforeAll(async () => {
    t = await startTestApp();
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date('2026-09-15T10:00:00Z'));
    token77 = await t.tokenFor('mission_officer');

    await sql(
      `INSERT INTO departements (code, name, region_code) VALUES ('93', 'Seine-Saint-Denis', '11') ON CONFLICT DO NOTHING`,
    );
    await sql(`INSERT INTO epcis (siren, name, kind) VALUES ($1, 'CA Test', 'CA')`, [EPCI]);
    await sql(
      `INSERT INTO communes (code, name, search_name, departement_code, epci_siren, population) VALUES
        ($1, 'Alpha', 'alpha', '77', $5, 10000), ($2, 'Beta', 'beta', '77', $5, 7000),
        ($3, 'Gamma', 'gamma', '77', NULL, NULL), ($4, 'Delta', 'delta', '93', NULL, 40000)`,
      [A, B, C, D, EPCI],
    );
    await sql(
      `INSERT INTO commune_zonages (commune_code, zonage, valid_from, valid_to) VALUES
        ($1, 'ZIP', '2024-01-01', NULL), ($2, 'ZAC', '2022-01-01', '2026-06-30'), ($2, 'ZV', '2026-07-01', NULL),
        ($3, 'ZIP', '2027-01-01', NULL)`,
      [A, B, C],
    );

    const s1 = (ids['s1'] = await insertSite('Alpha santé', A, 'active', { at: [48.61, 2.72] }));
    const s5 = (ids['s5'] = await insertSite('Cabinet Alpha', A, 'active'));
    const s4 = (ids['s4'] = await insertSite('Ancien terrain', A, 'active', { archived: true }));
    const s2 = (ids['s2'] = await insertSite('Beta MSP', B, 'active'));
    const s3 = (ids['s3'] = await insertSite('Gamma cabinet', C, 'prospect'));
    const s93 = (ids['s93'] = await insertSite('Delta', D, 'active', { dep: '93' }));

    // Places: S1 N1 ×2 covered by its own accreditation, SASPAS ×3 covered by none; S2 SASPAS ×1 covered
    // by its professional's; S5 N1 ×5 whose accreditation ends before 1 November; S3 prospect, S4
    // archived: never counted. A = 2, B = 1, C = 0.
    await capacities(s1, [
      ['N1', 2],
      ['SASPAS', 3],
    ]);
    await capacities(s2, [['SASPAS', 1]]);
    await capacities(s5, [['N1', 5]]);
    await capacities(s3, [['N1', 4]]);
    await capacities(s4, [['N1', 6]]);
    await capacities(s93, [['N1', 4]]);
    await accreditation({ site: s1 }, 'granted', '2024-01-01', '2028-12-31');
    await accreditation({ site: s5 }, 'granted', '2021-11-01', '2026-10-31');
    await accreditation({ site: s3 }, 'granted', '2024-01-01', '2028-12-31');
    await accreditation({ site: s4 }, 'granted', '2024-01-01', '2028-12-31');
    await accreditation({ site: s93 }, 'granted', '2024-01-01', '2028-12-31', ['N1'], '93');

    // MSU (GPs come from the directory below): A = p1, the paediatrician, p6; B = p2; C = none.
    await professional('active', 'Médecine générale', [s1]); // p1
    const p2 = await professional('accredited', 'Médecine générale', [s2]);
    await professional('identified', 'Médecine générale', [s3]); // p3
    await professional('active', 'Pédiatrie', [s1]); // MSU, not a GP
    await professional('in_training', 'Médecine générale', [s1, s2]); // p5: in A and in B
    await professional('active', 'Médecine générale', [s1, s5]); // p6: twice in A, counted once
    await professional('retired', 'Médecine générale', [s1]);
    await professional('active', 'Médecine générale', [s1], { archived: true });
    await professional('active', 'Médecine générale', [s4]); // only at an archived site
    await professional('active', 'Médecine générale', [s93], { dep: '93' });
    await accreditation({ professional: p2 }, 'granted', '2025-01-01', '2027-12-31', ['SASPAS']);

    // Open issues: A = 2, C = 1.
    await insertIssue(t, s1, { status: 'open' });
    await insertIssue(t, s1, { status: 'in_progress' });
    await insertIssue(t, s1, { status: 'resolved' });
    await insertIssue(t, s1, { status: 'open', archived: true });
    await insertIssue(t, s3, { status: 'open' });
    await insertIssue(t, s4, { status: 'open' }); // at an archived site: not on the map
    await insertIssue(t, s93, { status: 'open', departementCode: '93' });

    // The RPPS directory (no load recorded yet). GPs: A = G1, G2, G3; B = G3, G4; C = G5; D = G6;
    // the paediatrician (SM40) and the nurse (60) are no GPs. EPCI E: G1–G4 (G3 once).
    const directory: [string, string, string, string | null][] = [
      ['G1', A, '10', 'SM54'],
      ['G2', A, '10', 'SM53'],
      ['G3', A, '10', 'SM54'],
      ['G3', B, '10', 'SM54'],
      ['G4', B, '10', 'SM54'],
      ['G5', C, '10', 'SM53'],
      ['P1', A, '10', 'SM40'],
      ['N1', B, '60', null],
      ['G6', D, '10', 'SM54'],
    ];
    for (const [i, [id, commune, profession, savoirFaire]] of directory.entries()) {
      await sql(
        `INSERT INTO rpps_practitioners (line_no, national_id, last_name, first_name, profession_code,
           savoir_faire_code, commune_code, departement_code, search_text)
         VALUES ($1, $2, 'Nom', 'Prénom', $3, $4, $5::text, left($5::text, 2), 'nom prenom')`,
        [i + 1, id, profession, savoirFaire, commune],
      );
    }
  });

  afterAll(() => t.close());

  describe('without contours', () => {
    it('shows no GP density before a directory has been loaded, then the directory’s (the cache follows)', async () => {
      const before = await get();
      expect(before.generalPractitioners).toEqual({ directoryLoadedAt: null, departement: null, epcis: [] });
      expect(before.communes.every((c) => c.gps === null && c.gpsPer10000 === null)).toBe(true);
      await sql(
        `INSERT INTO rpps_loads (file_name, status, finished_at) VALUES ('PS_LibreAcces.txt', 'loading', NULL)`,
      );
      await sql(`UPDATE rpps_loads SET status = 'loaded', finished_at = '2026-09-01T08:00:00Z'`);
      const after = await get();
      expect(after.generalPractitioners.directoryLoadedAt).toBe('2026-09-01T08:00:00.000Z');
      expect(commune(after, A).gps).toBe(3);
    });

    it('gives the same GP density as GET /api/rpps/density, per commune, EPCI and département', async () => {
      const density = async (level: string) =>
        (await t.http().get(`/api/rpps/density?level=${level}`).set('Authorization', `Bearer ${token77}`).expect(200))
          .body as GpDensityRow[];
      const data = await get();
      const [departement] = await density('departement');
      expect(departement.generalPractitioners).toBe(5);
      expect(data.generalPractitioners.departement).toEqual(departement);
      expect(data.generalPractitioners.epcis).toEqual(await density('epci'));
      expect(data.generalPractitioners.epcis.find((e) => e.code === EPCI)).toMatchObject({
        generalPractitioners: 4,
        population: 17000,
        per10000: 2.35,
      });
      const communes = await density('commune');
      for (const c of data.communes) {
        const row = communes.find((r) => r.code === c.code) as GpDensityRow;
        expect([c.gps, c.gpsPer10000]).toEqual([row.generalPractitioners, row.per10000]);
      }
    });

    it('computes the figures of each commune of the département', async () => {
      const data = await get();
      expect(data.departementCode).toBe('77');
      expect(data.computedOn).toBe('2026-09-15');
      expect(data.semester).toEqual({ code: '2026-W', label: 'Hiver 2026-2027' });
      expect(commune(data, A)).toEqual({
        code: A,
        name: 'Alpha',
        population: 10000,
        epci: { siren: EPCI, name: 'CA Test' },
        gps: 3,
        gpsPer10000: 3,
        msus: 3,
        placesOffered: 2,
        openIssues: 2,
        zonage: { code: 'ZIP', label: 'Zone d’intervention prioritaire (ZIP)' },
        hasContour: false,
      });
      expect(commune(data, B)).toEqual({
        code: B,
        name: 'Beta',
        population: 7000,
        epci: { siren: EPCI, name: 'CA Test' },
        gps: 2,
        // 2 / 7 000 × 10 000 = 2.857… → 2.86
        gpsPer10000: 2.86,
        msus: 1,
        placesOffered: 1,
        openIssues: 0,
        zonage: { code: 'ZV', label: 'Zone de vigilance (ZV)' },
        hasContour: false,
      });
      expect(commune(data, C)).toEqual({
        code: C,
        name: 'Gamma',
        population: null,
        epci: null,
        gps: 1,
        gpsPer10000: null,
        msus: 0,
        placesOffered: 0,
        openIssues: 1,
        zonage: null,
        hasContour: false,
      });
    });

    it('lists every commune of the 77 once, and nothing of the 93', async () => {
      const data = await get();
      const codes = data.communes.map((c) => c.code);
      expect(new Set(codes).size).toBe(codes.length);
      expect(codes).toHaveLength(507 + 3);
      expect(codes).not.toContain(D);
      expect(codes.every((c) => c.startsWith('77'))).toBe(true);
      // Only the communes of the dataset have figures.
      const withFigures = data.communes.filter((c) => (c.gps ?? 0) + c.msus + c.placesOffered + c.openIssues > 0);
      expect(withFigures.map((c) => c.code).sort()).toEqual([A, B, C]);
      expect(data.communes.reduce((sum, c) => sum + c.placesOffered, 0)).toBe(3);
    });

    it('lists the live sites: at their coordinates, or unplaced when their commune has no contour', async () => {
      const data = await get();
      expect(data.contours).toEqual({ available: false, communes: 0 });
      expect(data.sites.map((s) => s.name)).toEqual(['Alpha santé', 'Beta MSP', 'Cabinet Alpha', 'Gamma cabinet']);
      expect(site(data, ids['s1'])).toEqual({
        id: ids['s1'],
        name: 'Alpha santé',
        kind: 'msp',
        status: 'active',
        communeCode: A,
        communeName: 'Alpha',
        latitude: 48.61,
        longitude: 2.72,
        position: 'site',
      });
      expect(site(data, ids['s2'])).toMatchObject({ latitude: null, longitude: null, position: null });
      expect(site(data, ids['s3'])).toMatchObject({ status: 'prospect', position: null, communeName: 'Gamma' });
      expect(site(data, ids['s4'])).toBeUndefined();
    });
  });

  describe('with the contours of the hand-made fixture', () => {
    beforeAll(async () => {
      const report = await t.app.get(ContoursLoaderService).loadFrom(FIXTURE);
      expect(report.loaded).toBe(2);
    });

    it('says how many communes have a contour and marks them', async () => {
      const data = await get();
      expect(data.contours).toEqual({ available: true, communes: 2 });
      expect(data.communes.filter((c) => c.hasContour).map((c) => c.code)).toEqual([A, B]);
    });

    it('places the sites without coordinates at their commune’s anchor, keeps the others', async () => {
      const data = await get();
      // Beta: the centroid of its larger polygon (the islet comes first in the file).
      const beta = site(data, ids['s2']);
      expect(beta?.position).toBe('commune');
      expect(beta?.longitude).toBeCloseTo(2.82, 6);
      expect(beta?.latitude).toBeCloseTo(48.72, 6);
      // Alpha is a U whose centroid (2.715, 48.6136) falls in the notch: the anchor is in its base.
      const alpha = site(data, ids['s5']);
      expect(alpha?.position).toBe('commune');
      expect(alpha?.longitude).toBeCloseTo(2.715, 6);
      expect(alpha?.latitude).toBeCloseTo(48.6075, 6);
      expect(site(data, ids['s1'])).toMatchObject({ latitude: 48.61, longitude: 2.72, position: 'site' });
      expect(site(data, ids['s3'])).toMatchObject({ latitude: null, longitude: null, position: null });
    });
  });

  describe('access', () => {
    it.each(ROLES)('%s may read the map of its département', async (role) => {
      const data = await get('', await t.tokenFor(role, { email: `${role}.map@test.maillage.fr` }));
      const codes = data.communes.map((c) => c.code);
      expect(codes).toContain(A);
      expect(codes.includes(D)).toBe(role === 'admin');
    });

    it('refuses anonymous calls', async () => {
      await t.http().get('/api/map').expect(401);
    });

    it('lets a national administrator choose the département', async () => {
      const admin = await t.tokenFor('admin');
      const all = await get('', admin);
      expect(all.departementCode).toBeNull();
      const d93 = await get('?departement=93', admin);
      expect(d93.departementCode).toBe('93');
      expect(d93.communes).toEqual([
        {
          code: D,
          name: 'Delta',
          population: 40000,
          epci: null,
          gps: 1,
          gpsPer10000: 0.25,
          msus: 1,
          placesOffered: 4,
          openIssues: 1,
          zonage: null,
          hasContour: false,
        },
      ]);
      expect(d93.sites.map((s) => s.id)).toEqual([ids['s93']]);
      expect(d93.contours).toEqual({ available: false, communes: 0 });
    });

    it('refuses another département to a départemental user', async () => {
      await get('?departement=93', token77, 403);
      const own = await get('?departement=77', token77);
      expect(own.communes.map((c) => c.code)).toContain(A);
    });

    it.each(['7', 'abc', '770', '2C'])('rejects departement=%s with 400', async (value) => {
      const res = await t
        .http()
        .get(`/api/map?departement=${value}`)
        .set('Authorization', `Bearer ${token77}`)
        .expect(400);
      expect(JSON.stringify(res.body)).toContain('departement : code de département attendu');
    });

    it('rejects unknown query parameters with 400', async () => {
      await t.http().get('/api/map?indicator=gps').set('Authorization', `Bearer ${token77}`).expect(400);
    });
  });
});
