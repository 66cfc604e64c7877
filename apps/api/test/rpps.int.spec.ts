import type { GeneralPractitionerRow, GpDensityRow, Page, RppsLoadView } from '@maillage/shared/domain';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import type { Response } from 'supertest';

import { RPPS_LOAD_LOCK } from '../src/rpps/loader/rpps-loader';
import { RppsLoadsService } from '../src/rpps/rpps-loads.service';
import { pdfText } from './pdf-text';
import { startTestApp, type TestApp } from './test-app';

const RPPS = join(__dirname, 'fixtures', 'rpps');
const OLD = 'PS_LibreAcces_Personne_activite_202209010000.txt';
const NEW = 'PS_LibreAcces_Personne_activite_202609230000.txt';

function binary(res: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('the national RPPS directory', () => {
  let t: TestApp;
  let admin: string;
  let officer: string;
  const as = (token: string) => ({
    get: (path: string) => t.http().get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body?: object) => t.http().post(path).set('Authorization', `Bearer ${token}`).send(body),
  });
  const upload = (name: string, body = readFileSync(join(RPPS, name)), token = admin) =>
    t
      .http()
      .post(`/api/rpps/loads?fileName=${name}`)
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'text/plain')
      .send(body);
  const gps = async (query = '', token = officer) =>
    ((await as(token).get(`/api/rpps/general-practitioners?pageSize=50${query}`)).body as Page<GeneralPractitionerRow>)
      .items;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.tokenFor('admin');
    officer = await t.tokenFor('mission_officer');
  });
  afterAll(() => t.close());

  it('loads an older extract (52 columns): the served département only, malformed lines reported', async () => {
    const res = await upload(OLD);
    expect(res.status).toBe(201);
    expect(res.body as RppsLoadView).toMatchObject({
      status: 'loaded',
      fileName: OLD,
      columnCount: 52,
      rowsRead: 11,
      rowsKept: 8,
      malformedLines: 1,
      problems: ['ligne 5 : 19 colonnes au lieu de 52 (ligne ignorée)'],
      loadedBy: { displayName: 'Test admin' },
    });
    const count = await t.db.query('SELECT departement_code, count(*)::int AS n FROM rpps_practitioners GROUP BY 1');
    expect(count).toEqual([{ departement_code: '77', n: 8 }]);
  });

  it('lists the GPs who are not MSU, each row one click from a referral or a professional', async () => {
    await as(officer)
      .post('/api/professionals', { firstName: 'Claire', lastName: 'Martin', rpps: '10003382735', msuStage: 'active' })
      .expect(201);
    await as(officer)
      .post('/api/professionals', { firstName: 'Jérôme', lastName: 'Lefèvre', rpps: '10004123450' })
      .expect(201);
    await as(admin).post('/api/communes/77379/zonages', { zonage: 'ZIP', validFrom: '2024-01-01' }).expect(201);
    const rows = await gps('&sort=lastName:asc');
    expect(rows.map((r) => `${r.lastName} ${r.commune.name}`)).toEqual([
      'DUBOIS Provins',
      'DUBOIS Nangis',
      'LEFÈVRE Fontainebleau',
      'LEROY Meaux',
      'PETIT Fontainebleau',
    ]);
    const provins = rows[0];
    expect(provins).toMatchObject({
      rpps: '10006345671',
      practiceMode: { code: 'L', label: 'Libéral' },
      sector: { code: 'SA07', label: 'Cabinet individuel' },
      structureName: 'CABINET DU DR DUBOIS',
      address: '4 Rue DU CHATEAU',
      zonage: 'ZIP',
      otherPlaces: 1,
      registry: null,
      openReferralId: null,
      referralDraft: {
        civility: 'DR',
        firstName: 'Pierre',
        lastName: 'Dubois',
        rpps: '10006345671',
        communeCode: '77379',
      },
      professionalDraft: {
        firstName: 'Pierre',
        lastName: 'Dubois',
        rpps: '10006345671',
        practiceMode: 'liberal',
        specialty: 'Médecine générale',
      },
    });
    expect(rows[2].registry).toMatchObject({ msuStage: 'identified' });
    expect(rows[2].referralDraft).toEqual({ professionalId: rows[2].registry?.professionalId, reason: '' });
  });

  it('filters, searches and sorts in the database like the other lists', async () => {
    expect((await gps('&commune=77379')).map((r) => r.lastName)).toEqual(['DUBOIS']);
    expect((await gps('&sector=SA05')).map((r) => r.lastName)).toEqual(['LEROY']);
    expect((await gps('&q=lefevre')).map((r) => r.firstName)).toEqual(['Jérôme']);
    expect((await gps('&q=ecoles')).map((r) => r.lastName).sort()).toEqual(['LEFÈVRE', 'PETIT']);
    expect((await gps('&registry=pipeline')).map((r) => r.lastName)).toEqual(['LEFÈVRE']);
    expect((await gps('&registry=none')).length).toBe(4);
    expect((await gps('&practiceMode=S')).map((r) => r.lastName)).toEqual(['LEROY']);
    expect((await gps('&sort=commune:desc')).map((r) => r.commune.code)[0]).toBe('77379');
    const page = (await as(officer).get('/api/rpps/general-practitioners?pageSize=2&page=2')).body;
    expect(page).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect((await as(officer).get('/api/rpps/general-practitioners?sector=hopital')).status).toBe(400);
  });

  it('the CDOM turns a row into a referral in one click', async () => {
    const cdom = await t.tokenFor('cdom');
    const row = (await gps('&commune=77284', cdom))[0];
    const referral = await as(cdom).post('/api/candidate-referrals', {
      ...row.referralDraft,
      reason: 'Jeune généraliste intéressée par l’accueil d’internes.',
    });
    expect(referral.status).toBe(201);
    expect(referral.body).toMatchObject({
      lastName: 'Leroy',
      firstName: 'Sophie',
      rpps: '10007456782',
      communeCode: '77284',
    });
    expect((await gps('&commune=77284', cdom))[0].openReferralId).toBe(referral.body.id);
    const created = await as(officer).post(
      '/api/professionals',
      (await gps('&commune=77186&registry=none'))[0].professionalDraft,
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      lastName: 'Petit',
      firstName: 'Ahmed',
      rpps: '10008567892',
      msuStage: 'identified',
    });
  });

  it('counts GPs per 10,000 inhabitants per commune, EPCI and département (a GP once per area)', async () => {
    const density = async (level: string) =>
      (await as(officer).get(`/api/rpps/density?level=${level}`)).body as GpDensityRow[];
    const communes = await density('commune');
    expect(communes).toHaveLength(507);
    const provins = communes.find((c) => c.code === '77379') as GpDensityRow;
    expect(provins.generalPractitioners).toBe(1);
    expect(provins.per10000).toBeCloseTo((1 / (provins.population as number)) * 10_000, 2);
    expect(communes.find((c) => c.code === '77288')?.generalPractitioners).toBe(1);
    const [departement] = await density('departement');
    expect(departement).toMatchObject({ code: '77', name: 'Seine-et-Marne', generalPractitioners: 5 });
    expect(departement.population).toBeGreaterThan(1_400_000);
    const epcis = await density('epci');
    expect(epcis.reduce((sum, e) => sum + e.generalPractitioners, 0)).toBeGreaterThanOrEqual(5);
    const committee = await t.tokenFor('committee');
    expect((await as(committee).get('/api/rpps/density')).status).toBe(200);
    expect((await as(committee).get('/api/rpps/general-practitioners')).status).toBe(403);
  });

  it('estimates what supervising would bring, on screen and as a one-page PDF', async () => {
    const estimate = (await as(officer).get('/api/rpps/general-practitioners/10006345671/supervision-income')).body;
    expect(estimate.name).toBe('Pierre Dubois');
    expect(
      estimate.places.map(
        (p: { commune: { name: string }; income: { zonage: string | null; docteurJunior: { monthly: number } } }) => [
          p.commune.name,
          p.income.zonage,
          p.income.docteurJunior.monthly,
        ],
      ),
    ).toEqual([
      ['Provins', 'ZIP', 2600],
      ['Nangis', null, 1800],
    ]);
    const res = await as(officer)
      .get('/api/rpps/general-practitioners/10006345671/supervision-income.pdf')
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    if (process.env['PDF_OUT']) writeFileSync(join(process.env['PDF_OUT'], 'devenir-msu.pdf'), res.body as Buffer);
    const { text, pages } = await pdfText(res.body as Buffer);
    expect(pages).toBe(1);
    for (const expected of [
      'Devenir maître de stage universitaire',
      'Dr Pierre Dubois',
      'Zone d’intervention prioritaire (ZIP)',
      '2 600 €',
      'Test mission_officer',
    ]) {
      expect(text).toContain(expected);
    }
    expect((await as(officer).get('/api/rpps/general-practitioners/10009678904/supervision-income')).status).toBe(404);
    expect((await as(officer).get('/api/rpps/general-practitioners/abc/supervision-income')).status).toBe(400);
  });

  it('replaces the directory atomically with a current extract (56 columns, CRLF)', async () => {
    const res = await upload(NEW);
    expect(res.body).toMatchObject({ status: 'loaded', columnCount: 56, rowsKept: 7, malformedLines: 0 });
    const rows = await gps();
    expect(rows.map((r) => r.lastName)).not.toContain('PETIT');
    expect(rows.find((r) => r.lastName === 'LEROY')?.commune).toEqual({ code: '77131', name: 'Coulommiers' });
  });

  it('says whether a professional of the registry is still in the directory, and where', async () => {
    const professionals = (await as(officer).get('/api/professionals?pageSize=50')).body.items as {
      id: string;
      lastName: string;
    }[];
    const listing = async (name: string) =>
      (await as(officer).get(`/api/rpps/professionals/${professionals.find((p) => p.lastName === name)?.id}`)).body;
    expect(await listing('Lefèvre')).toMatchObject({
      listed: true,
      places: [
        {
          communeCode: '77186',
          communeName: 'Fontainebleau',
          structureName: 'CABINET DES ÉCOLES',
          sector: 'Cabinet individuel',
        },
      ],
    });
    expect(await listing('Petit')).toMatchObject({ rpps: '10008567892', listed: false, places: [] });
  });

  it('refuses a truncated file, another file, and a second load at once; the directory stays as it was', async () => {
    const before = await t.db.query('SELECT count(*)::int AS n FROM rpps_practitioners');
    const truncated = await upload('PS_LibreAcces_Personne_activite_truncated.txt');
    expect(truncated.status).toBe(400);
    expect(truncated.body.message).toMatch(
      /^Fichier tronqué : sa dernière ligne \(ligne \d+\) est incomplète\. L’annuaire en place n’a pas été remplacé\.$/,
    );
    const other = await upload('sites.csv', Buffer.from('Nom du terrain;Type\nA;B\n'));
    expect(other.status).toBe(400);
    expect(other.body.message).toMatch(
      /n’est pas une extraction « Personne activité ».*« Identification nationale PP »/,
    );
    const empty = await upload('vide.txt', Buffer.from(''));
    expect(empty.status).toBe(400);
    const holder = new Client({ connectionString: t.databaseUrl });
    await holder.connect();
    await holder.query('SELECT pg_advisory_lock($1)', [RPPS_LOAD_LOCK]);
    const busy = await upload(NEW);
    expect(busy.status).toBe(409);
    expect(busy.body.message).toMatch(/déjà en cours/);
    await holder.end();
    expect(await t.db.query('SELECT count(*)::int AS n FROM rpps_practitioners')).toEqual(before);
    const loads = (await as(admin).get('/api/rpps/loads')).body.items as RppsLoadView[];
    // The empty upload is refused before a load is recorded.
    expect(loads.map((l) => l.status)).toEqual(['failed', 'failed', 'failed', 'loaded', 'loaded']);
    expect(loads[0].error).toMatch(/déjà en cours/);
  });

  it('loads from the command line too, with its progress', async () => {
    const seen: number[] = [];
    const view = await t.app.get(RppsLoadsService).loadFile(join(RPPS, OLD), (p) => seen.push(p.bytesRead));
    expect(view).toMatchObject({ status: 'loaded', rowsKept: 8, loadedBy: null });
    expect(seen[seen.length - 1]).toBe(readFileSync(join(RPPS, OLD)).length);
  });

  it('keeps loading to administrators, and reading to the registry roles', async () => {
    expect((await upload(NEW, undefined, officer)).status).toBe(403);
    expect((await as(officer).get('/api/rpps/loads')).status).toBe(403);
    for (const role of ['cdom', 'departement'] as const) {
      expect((await as(await t.tokenFor(role)).get('/api/rpps/general-practitioners')).status).toBe(200);
    }
  });
});
