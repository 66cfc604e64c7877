import type { ImportJobView } from '@maillage/shared/domain';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Response } from 'supertest';

import { applied, fixture, previewed } from './import-helpers';
import { startTestApp, type TestApp } from './test-app';

/** supertest: keep the body as bytes, whatever its type. */
function binary(res: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('exports of the lists (CSV and XLSX)', () => {
  let t: TestApp;
  let token: string;

  const download = async (path: string, as = token) => {
    const res = await t.http().get(path).set('Authorization', `Bearer ${as}`).buffer(true).parse(binary);
    return res as Response & { body: Buffer };
  };
  const csvRows = (body: Buffer) =>
    parse(body.toString('utf8').replace(/^\uFEFF/, ''), { delimiter: ';' }) as string[][];
  const xlsxRows = async (body: Buffer) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    const rows: ExcelJS.CellValue[][] = [];
    workbook.worksheets[0].eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
    return rows;
  };
  const reimport = async (kind: string, body: Buffer, name: string): Promise<ImportJobView> =>
    previewed(t, token, kind, body, name);

  beforeAll(async () => {
    t = await startTestApp();
    token = await t.tokenFor('mission_officer');
    for (const [kind, file] of [
      ['sites', 'sites-windows-1252-semicolon.csv'],
      ['professionals', 'professionals-utf8-comma.csv'],
      ['accreditations', 'accreditations-utf8-bom-semicolon.csv'],
    ]) {
      await applied(t, token, (await previewed(t, token, kind, fixture(file))).id);
    }
    await t
      .http()
      .post('/api/sites')
      .set('Authorization', `Bearer ${token}`)
      .send({
        name: '=HYPERLINK("http://malveillant.example","Cliquez")',
        kind: 'autre',
        addressLine1: '+33 rue du Piège',
        postalCode: '77000',
        communeCode: '77288',
        notes: '@SUM(A1:A9)\n-2+3',
        capacities: [{ stageType: 'N1', places: 0 }],
      })
      .expect(201);
  });
  afterAll(() => t.close());

  it('writes a CSV French Excel opens: BOM, « ; », French headers, decimal commas, oui/non', async () => {
    const res = await download('/api/exports/sites?sort=name:asc');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="terrains-de-stage-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect([...res.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = csvRows(res.body);
    expect(rows[0].slice(0, 4)).toEqual(['Nom du terrain', 'Type de structure', 'Statut', 'Adresse']);
    const almont = rows.find((r) => r[0] === "Maison de santé de l'Almont") as string[];
    const col = (name: string) => rows[0].indexOf(name);
    expect(almont[col('Distance au CHU (km)')]).toBe('4,5');
    expect(almont[col('Logement sur place')]).toBe('oui');
    expect(almont[col('Places N1')]).toBe('2');
    expect(almont[col('Places SAFE')]).toBe('');
    expect(rows).toHaveLength(5);
  });

  it('neutralises cells a spreadsheet would run as formulas', async () => {
    const rows = csvRows((await download('/api/exports/sites?q=hyperlink')).body);
    expect(rows).toHaveLength(2);
    const col = (name: string) => rows[0].indexOf(name);
    expect(rows[1][col('Nom du terrain')]).toBe('\'=HYPERLINK("http://malveillant.example","Cliquez")');
    expect(rows[1][col('Adresse')]).toBe("'+33 rue du Piège");
    expect(rows[1][col('Notes')]).toBe("'@SUM(A1:A9)\n-2+3");
    const xlsx = await xlsxRows((await download('/api/exports/sites?q=hyperlink&format=xlsx')).body);
    expect(xlsx[1][0]).toBe('\'=HYPERLINK("http://malveillant.example","Cliquez")');
  });

  it('exports with the filters of the list (same meaning as on screen)', async () => {
    const melun = csvRows((await download('/api/exports/sites?commune=77288')).body);
    expect(
      melun
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(['\'=HYPERLINK("http://malveillant.example","Cliquez")', "Maison de santé de l'Almont"]);
    const list = await t.http().get('/api/sites?commune=77288').set('Authorization', `Bearer ${token}`);
    expect(list.body.total).toBe(melun.length - 1);
    const bad = await t.http().get('/api/exports/sites?sort=couleur:asc').set('Authorization', `Bearer ${token}`);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^sort : tri possible sur/);
    const format = await t.http().get('/api/exports/sites?format=pdf').set('Authorization', `Bearer ${token}`);
    expect(format.body.message).toEqual(['format : csv ou xlsx.']);
  });

  it('writes XLSX with real dates and numbers', async () => {
    const res = await download('/api/exports/accreditations?format=xlsx');
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const rows = await xlsxRows(res.body);
    const header = rows[0] as string[];
    const granted = rows.find((r) => r[header.indexOf('Titulaire')] === 'Dr Claire Martin') as ExcelJS.CellValue[];
    expect(granted[header.indexOf('Début')]).toEqual(new Date(Date.UTC(2024, 10, 1)));
    expect(granted[header.indexOf('Nombre maximal d’étudiants')]).toBe(2);
  });

  it.each(['csv', 'xlsx'])('round trip (%s): exporting then importing changes nothing', async (format) => {
    for (const [resource, kind] of [
      ['sites', 'sites'],
      ['professionals', 'professionals'],
      ['accreditations', 'accreditations'],
    ]) {
      const body = (await download(`/api/exports/${resource}?format=${format}`)).body;
      const job = await reimport(kind, body, `${resource}.${format}`);
      expect({ kind, missing: job.missingRequired, counts: job.counts }).toEqual({
        kind,
        missing: [],
        counts: { create: 0, update: 0, unchanged: expect.any(Number), rejected: 0 },
      });
      expect(job.counts.unchanged).toBeGreaterThan(0);
      expect((await applied(t, token, job.id)).counts.update).toBe(0);
    }
  });

  it('gives each role only the columns it may read', async () => {
    const header = async (as: string) => csvRows((await download('/api/exports/professionals', as)).body)[0];
    const own = await header(token);
    expect(own).toEqual(
      expect.arrayContaining(['N° RPPS', 'Courriel', 'Téléphone', 'Consentement au contact', 'Notes']),
    );
    for (const role of ['departement', 'cdom'] as const) {
      const theirs = await header(await t.tokenFor(role));
      expect(theirs).toContain('N° RPPS');
      expect(theirs).not.toEqual(expect.arrayContaining(['Courriel']));
      for (const hidden of ['Courriel', 'Téléphone', 'Consentement au contact', 'Notes'])
        expect(theirs).not.toContain(hidden);
      const body = (await download('/api/exports/professionals', await t.tokenFor(role))).body.toString('utf8');
      expect(body).not.toContain('claire.martin@example.fr');
    }
    const committee = await t.tokenFor('committee');
    expect((await t.http().get('/api/exports/sites').set('Authorization', `Bearer ${committee}`)).status).toBe(403);
    expect((await t.http().get('/api/exports/users').set('Authorization', `Bearer ${token}`)).status).toBe(403);
    expect((await download('/api/exports/users', await t.tokenFor('admin'))).status).toBe(200);
  });

  it.each([
    'candidate-referrals',
    'installation-intents',
    'site-visits',
    'access-issues',
    'support-measures',
    'tasks',
    'communes',
  ])('exports %s too', async (resource) => {
    const res = await download(`/api/exports/${resource}`);
    expect(res.status).toBe(200);
    const rows = csvRows(res.body);
    expect(rows[0].length).toBeGreaterThan(3);
    if (resource === 'communes') expect(rows.length).toBe(508);
  });
});
