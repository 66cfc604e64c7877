import type { ImportJobView, ImportRowView, Page, SiteSummary } from '@maillage/shared/domain';

import { applied, fixture, previewed, settled, uploadImport } from './import-helpers';
import { startTestApp, type TestApp } from './test-app';

describe('spreadsheet imports of sites (CSV)', () => {
  let t: TestApp;
  let token: string;
  const get = (path: string) => t.http().get(path).set('Authorization', `Bearer ${token}`);
  const rows = async (id: string, outcome?: string) =>
    (
      (await get(`/api/imports/${id}/rows?pageSize=200${outcome ? `&outcome=${outcome}` : ''}`))
        .body as Page<ImportRowView>
    ).items;
  const site = async (q: string) => {
    const list = (await get(`/api/sites?q=${encodeURIComponent(q)}`)).body as Page<SiteSummary>;
    expect(list.total).toBe(1);
    return (await get(`/api/sites/${list.items[0].id}`)).body as Record<string, unknown> & {
      id: string;
      version: number;
    };
  };

  beforeAll(async () => {
    t = await startTestApp();
    token = await t.tokenFor('mission_officer');
  });
  afterAll(() => t.close());

  let first: ImportJobView;

  it('reads a Windows-1252 file with « ; », maps the French headers and previews every row', async () => {
    const res = await uploadImport(t, token, 'sites', fixture('sites-windows-1252-semicolon.csv'), 'terrains.csv');
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: 'analysing', kind: 'sites', fileName: 'terrains.csv', fileFormat: 'csv' });
    first = await settled(t, token, res.body.id);
    expect(first).toMatchObject({
      status: 'ready',
      encoding: 'windows-1252',
      delimiter: ';',
      totalRows: 5,
      processedRows: 5,
      counts: { create: 3, update: 0, unchanged: 0, rejected: 2 },
      missingRequired: [],
      unmappedHeaders: ['Remarques internes'],
      canApply: true,
    });
    expect(first.headers[3]).toBe("Complément d'adresse");
    expect(first.mapping).toMatchObject({
      name: 0,
      kind: 1,
      addressLine1: 2,
      addressLine2: 3,
      postalCode: 4,
      communeName: 5,
      siret: 6,
      'places.N1': 7,
      'places.SASPAS': 8,
      housingOnSite: 9,
      distanceToChuKm: 10,
      notes: null,
    });
  });

  it('says in French why a row is rejected, and reports duplicates inside the file', async () => {
    const rejected = await rows(first.id, 'rejected');
    expect(rejected.map((r) => r.line)).toEqual([5, 6]);
    expect(rejected[0].errors).toEqual(
      expect.arrayContaining([
        '« Code postal » : code postal à 5 chiffres attendu.',
        '« Logement sur place » : « oui » ou « non » attendu (reçu « peut-être »).',
      ]),
    );
    expect(rejected[0].values['communeName']).toBe('Château-Landon');
    expect(rejected[1].errors).toEqual([
      'Doublon de la ligne 2 (SIRET 21770288600011) : seule la première est importée.',
    ]);
  });

  it('lets the user map a column by hand, remembers it and previews again', async () => {
    const mapping = { ...first.mapping, notes: 11 };
    const res = await t
      .http()
      .put(`/api/imports/${first.id}/mapping`)
      .set('Authorization', `Bearer ${token}`)
      .send({ mapping });
    expect(res.status).toBe(202);
    const job = await settled(t, token, first.id);
    expect(job).toMatchObject({ status: 'ready', unmappedHeaders: [], counts: { create: 3, rejected: 2 } });
    const quoted = (await rows(first.id)).find((r) => r.line === 3);
    expect(quoted?.values['notes']).toBe('Deux MSU ;\nparking réservé aux internes');
    // The next file of this user gets the same columns at once.
    const again = await previewed(t, token, 'sites', fixture('sites-windows-1252-semicolon.csv'));
    expect(again.mapping['notes']).toBe(11);
    await t.http().delete(`/api/imports/${again.id}`).set('Authorization', `Bearer ${token}`).expect(204);
  });

  it('refuses bad mappings in French', async () => {
    const put = (mapping: Record<string, unknown>) =>
      t.http().put(`/api/imports/${first.id}/mapping`).set('Authorization', `Bearer ${token}`).send({ mapping });
    const twice = await put({ ...first.mapping, notes: 0 });
    expect(twice.status).toBe(400);
    expect(twice.body.message).toMatch(
      /la colonne « Nom du terrain » est choisie pour « Nom du terrain » et « Notes »/,
    );
    expect((await put({ couleur: 1 })).body.message).toMatch(/champ inconnu/);
    expect((await put({ name: 99 })).body.message).toMatch(/n’existe pas/);
    expect((await put({ name: -1.5 })).status).toBe(400);
    await settled(t, token, first.id);
  });

  it('applies in one go: sites created with their accents, line breaks, capacities and booleans', async () => {
    const job = await applied(t, token, first.id);
    expect(job).toMatchObject({
      status: 'applied',
      counts: { create: 3, update: 0, unchanged: 0, rejected: 2 },
      canUndo: true,
    });
    expect(job.appliedBy?.displayName).toBe('Test mission_officer');
    const almont = await site('almont');
    expect(almont).toMatchObject({
      name: "Maison de santé de l'Almont",
      kind: 'msp',
      address: { line1: "12 rue de l'Église", line2: null, postalCode: '77000' },
      communeCode: '77288',
      siret: '21770288600011',
      hosting: expect.objectContaining({ housingOnSite: true, distanceToChuKm: 4.5 }),
      capacities: [
        { stageType: 'N1', places: 2 },
        { stageType: 'SASPAS', places: 1 },
      ],
    });
    expect(await site('ecoles')).toMatchObject({
      name: 'Cabinet des Écoles',
      kind: 'cabinet_groupe',
      address: expect.objectContaining({ line2: 'Bâtiment B' }),
      communeCode: '77186',
      notes: 'Deux MSU ;\nparking réservé aux internes',
    });
    const history = await get(`/api/audit-events?entityType=import&entityId=${first.id}`);
    expect(history.body.items).toEqual([
      expect.objectContaining({
        action: 'applied',
        changes: expect.objectContaining({ create: { before: null, after: 3 } }),
      }),
    ]);
  });

  it('imports the same file twice: the second run updates nothing', async () => {
    const before = await site('almont');
    const again = await previewed(t, token, 'sites', fixture('sites-windows-1252-semicolon.csv'));
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 3, rejected: 2 });
    const done = await applied(t, token, again.id);
    expect(done.counts).toEqual({ create: 0, update: 0, unchanged: 3, rejected: 2 });
    expect(done.canUndo).toBe(false);
    expect((await site('almont')).version).toBe(before.version);
  });

  let utf8: ImportJobView;

  it('reads UTF-8 with BOM and « , », quoted commas, labels as values: updates only what changed', async () => {
    utf8 = await previewed(t, token, 'sites', fixture('sites-utf8-bom-comma.csv'), 'terrains-utf8.csv');
    expect(utf8).toMatchObject({
      encoding: 'utf-8',
      delimiter: ',',
      counts: { create: 1, update: 1, unchanged: 0, rejected: 0 },
    });
    const done = await applied(t, token, utf8.id);
    expect(done.status).toBe('applied');
    const almont = await site('almont');
    // N1 goes from 2 to 3; SASPAS, not in this file, stays.
    expect(almont['capacities']).toEqual([
      { stageType: 'N1', places: 3 },
      { stageType: 'SASPAS', places: 1 },
    ]);
    expect(await site('pole sante lagny')).toMatchObject({
      address: expect.objectContaining({ line1: '2, quai de la Gourdine' }),
      communeCode: '77243',
    });
  });

  it('undoes an import: creations removed, updates put back, in one transaction', async () => {
    const res = await t.http().post(`/api/imports/${utf8.id}/undo`).set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'undone',
      canUndo: false,
      undoneBy: { displayName: 'Test mission_officer' },
    });
    expect((await site('almont'))['capacities']).toEqual([
      { stageType: 'N1', places: 2 },
      { stageType: 'SASPAS', places: 1 },
    ]);
    expect((await get('/api/sites?q=lagny')).body.total).toBe(0);
    // Undone once is enough.
    expect((await t.http().post(`/api/imports/${utf8.id}/undo`).set('Authorization', `Bearer ${token}`)).status).toBe(
      409,
    );
  });

  it('refuses to undo once a record changed since, naming it, and changes nothing', async () => {
    const job = await applied(t, token, (await previewed(t, token, 'sites', fixture('sites-utf8-bom-comma.csv'))).id);
    const almont = await site('almont');
    await t
      .http()
      .patch(`/api/sites/${almont.id}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ version: almont.version, notes: 'Modifié à la main' })
      .expect(200);
    const res = await t.http().post(`/api/imports/${job.id}/undo`).set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(409);
    expect(res.body.message).toEqual([
      expect.stringMatching(/ne peut plus être annulé : 1 enregistrement a changé/),
      "Terrain « Maison de santé de l'Almont » : modifié depuis l’import.",
    ]);
    expect((await get('/api/sites?q=lagny')).body.total).toBe(1);
    expect((await settled(t, token, job.id)).status).toBe('applied');
  });

  it('lists the imports with who, when, file and counts', async () => {
    const res = await get('/api/imports?kind=sites&status=applied');
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({
      kind: 'sites',
      status: 'applied',
      createdBy: { displayName: 'Test mission_officer' },
    });
    expect(res.body.items.map((i: ImportJobView) => i.fileName)).toContain('terrains.csv');
  });

  it('keeps imports to the mission officer of the département', async () => {
    for (const role of ['cdom', 'departement', 'committee', 'admin'] as const) {
      const other = await t.tokenFor(role);
      expect((await uploadImport(t, other, 'sites', fixture('sites-utf8-bom-comma.csv'))).status).toBe(403);
      expect((await t.http().get(`/api/imports/${first.id}`).set('Authorization', `Bearer ${other}`)).status).toBe(403);
    }
    await t.db.query(
      `INSERT INTO departements (code, name, region_code) VALUES ('91', 'Essonne', '11') ON CONFLICT DO NOTHING`,
    );
    const elsewhere = await t.tokenFor('mission_officer', { departementCode: '91', email: 'mo91@test.maillage.fr' });
    expect((await t.http().get(`/api/imports/${first.id}`).set('Authorization', `Bearer ${elsewhere}`)).status).toBe(
      404,
    );
    expect((await t.http().get('/api/imports').expect(401)).body.message).toBe('Authentification requise.');
  });
});
