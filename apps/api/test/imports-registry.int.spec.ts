import { type ImportRowView, type Page, type ProfessionalDetail, todayInFrance } from '@maillage/shared/domain';
import ExcelJS from 'exceljs';

import { applied, fixture, previewed } from './import-helpers';
import { startTestApp, type TestApp } from './test-app';

describe('imports of professionals (with their sites) and accreditations', () => {
  let t: TestApp;
  let token: string;
  const get = (path: string) => t.http().get(path).set('Authorization', `Bearer ${token}`);
  const rows = async (id: string) =>
    ((await get(`/api/imports/${id}/rows?pageSize=200`)).body as Page<ImportRowView>).items;
  const professional = async (rpps: string) => {
    const list = (await get(`/api/professionals?q=${rpps}`)).body as Page<{ id: string }>;
    expect(list.total).toBe(1);
    return (await get(`/api/professionals/${list.items[0].id}`)).body as ProfessionalDetail;
  };

  beforeAll(async () => {
    t = await startTestApp();
    token = await t.tokenFor('mission_officer');
    const sites = await previewed(t, token, 'sites', fixture('sites-windows-1252-semicolon.csv'));
    await applied(t, token, sites.id);
  });
  afterAll(() => t.close());

  let professionals: string;

  it('creates professionals with their sites, stage and accents; no contact details without consent', async () => {
    const job = await previewed(t, token, 'professionals', fixture('professionals-utf8-comma.csv'), 'msu.csv');
    expect(job).toMatchObject({
      encoding: 'utf-8',
      delimiter: ',',
      counts: { create: 3, update: 0, unchanged: 0, rejected: 2 },
    });
    const preview = await rows(job.id);
    expect(preview[1]).toMatchObject({
      line: 3,
      outcome: 'create',
      warnings: ['Courriel et téléphone non enregistrés : le professionnel n’a pas consenti à être contacté.'],
    });
    expect(preview[3]).toMatchObject({
      line: 5,
      outcome: 'rejected',
      errors: ['« N° RPPS » : numéro RPPS invalide (11 chiffres, clé de contrôle comprise).'],
    });
    expect(preview[4].errors).toEqual(['Doublon de la ligne 3 (RPPS 10004123450) : seule la première est importée.']);
    professionals = (await applied(t, token, job.id)).id;

    const martin = await professional('10003382735');
    expect(martin).toMatchObject({
      civility: 'DR',
      lastName: 'Martin',
      email: 'claire.martin@example.fr',
      phone: '01 23 45 67 89',
      contactConsent: true,
      practiceMode: 'liberal',
      msuStage: 'active',
      msuStageSince: '2025-09-15',
      sites: [expect.objectContaining({ name: "Maison de santé de l'Almont" })],
    });
    const lefevre = await professional('10004123450');
    expect(lefevre).toMatchObject({ lastName: 'Lefèvre', email: null, contactConsent: false, msuStage: 'identified' });
    expect(lefevre.sites.map((s) => s.name)).toEqual(['Cabinet des Écoles']);
    const nguyen = await professional('10005234561');
    expect(nguyen).toMatchObject({
      lastName: 'Nguyễn',
      firstName: 'Thị Hương',
      civility: 'MME',
      practiceMode: 'salarie',
    });
    expect(nguyen.sites.map((s) => s.name).sort()).toEqual([
      'Cabinet des Écoles',
      'Centre de santé Pierre-Brossolette',
    ]);
  });

  it('moves a professional in the pipeline by the rules when a later file says so', async () => {
    const csv =
      'N° RPPS,Nom,Prénom,Étape du parcours MSU,Étape depuis le\n10004123450,Lefèvre,Jérôme,Contacté,\n10003382735,Martin,Claire,MSU actif,\n';
    const job = await previewed(t, token, 'professionals', Buffer.from(csv));
    expect(job.counts).toEqual({ create: 0, update: 1, unchanged: 1, rejected: 0 });
    await applied(t, token, job.id);
    expect(await professional('10004123450')).toMatchObject({ msuStage: 'contacted', msuStageSince: todayInFrance() });
    const events = await get(`/api/professionals/${(await professional('10004123450')).id}/stage-events`);
    expect(events.body.items.map((e: { toStage: string }) => e.toStage)).toEqual(
      expect.arrayContaining(['identified', 'contacted']),
    );
    // Undo puts the stage back and removes the move the import recorded.
    await t.http().post(`/api/imports/${job.id}/undo`).set('Authorization', `Bearer ${token}`).expect(200);
    expect(await professional('10004123450')).toMatchObject({ msuStage: 'identified' });
    const after = await get(`/api/professionals/${(await professional('10004123450')).id}/stage-events`);
    expect(after.body.items.map((e: { toStage: string }) => e.toStage)).toEqual(['identified']);
  });

  let accreditations: string;

  it('imports accreditations: dates as JJ/MM/AAAA and Excel serial numbers, holders by RPPS or SIRET', async () => {
    const job = await previewed(t, token, 'accreditations', fixture('accreditations-utf8-bom-semicolon.csv'));
    expect(job.counts).toEqual({ create: 3, update: 0, unchanged: 0, rejected: 1 });
    const rejected = (await rows(job.id)).find((r) => r.outcome === 'rejected');
    expect(rejected).toMatchObject({ line: 5, errors: ['« Début » : cette date n’existe pas (« 31/02/2025 »).'] });
    accreditations = (await applied(t, token, job.id)).id;
    const list = (await get('/api/accreditations?pageSize=50')).body.items as {
      holder: { name: string };
      startDate: string | null;
      endDate: string | null;
      stageTypes: string[];
      status: string;
    }[];
    expect(list).toHaveLength(3);
    const site = list.find((a) => a.holder.name === "Maison de santé de l'Almont");
    expect(site).toMatchObject({ startDate: '2024-11-01', endDate: '2029-10-31', status: 'granted' });
    const martin = list.find((a) => a.holder.name === 'Dr Claire Martin');
    expect(martin).toMatchObject({ startDate: '2024-11-01', stageTypes: ['N1', 'SASPAS'], status: 'granted' });
  });

  it('refuses to undo the professionals while an accreditation made since uses them', async () => {
    const res = await t.http().post(`/api/imports/${professionals}/undo`).set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(409);
    expect(res.body.message).toEqual(
      expect.arrayContaining(['Professionnel « Dr Claire Martin » : utilisé depuis l’import par des agréments.']),
    );
    await t.http().post(`/api/imports/${accreditations}/undo`).set('Authorization', `Bearer ${token}`).expect(200);
    expect((await get('/api/accreditations')).body.total).toBe(0);
  });

  it('reads an XLSX: date cells, serial numbers, numbers and text, row numbers as Excel shows them', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Agréments');
    sheet.addRow([
      'RPPS du titulaire',
      'Cycle',
      'Type d’agrément',
      'Types de stage',
      'Nombre maximal d’étudiants',
      'Autorité',
      'Début',
      'Fin',
      'Statut',
    ]);
    sheet.addRow([
      '10003382735',
      3,
      'Principal',
      'N1',
      2,
      'ARS Île-de-France',
      new Date(Date.UTC(2025, 10, 3)),
      47423,
      'Accordé',
    ]);
    sheet.addRow([]);
    sheet.addRow([10005234561, '3', 'principal', 'SASPAS', '1', 'ARS Île-de-France', '03/11/2025', null, 'Accordé']);
    sheet.getCell('G2').numFmt = 'dd/mm/yyyy';
    const body = Buffer.from(await workbook.xlsx.writeBuffer());
    const job = await previewed(t, token, 'accreditations', body, 'agréments.xlsx');
    expect(job).toMatchObject({ fileFormat: 'xlsx', encoding: null, counts: { create: 2, rejected: 0 } });
    expect((await rows(job.id)).map((r) => [r.line, r.values['startDate'], r.values['endDate']])).toEqual([
      [2, '2025-11-03', '47423'],
      [4, '03/11/2025', ''],
    ]);
    await applied(t, token, job.id);
    const list = (await get('/api/accreditations?sort=endDate:asc')).body.items as {
      startDate: string;
      endDate: string;
    }[];
    // The serial number 47423 is 1 November 2029; without an end date, the default validity (5 years).
    expect(list.map((a) => [a.startDate, a.endDate])).toEqual([
      ['2025-11-03', '2029-11-01'],
      ['2025-11-03', '2030-11-02'],
    ]);
  });
});
