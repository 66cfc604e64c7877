import type { CommuneDetail, SitePosition, ZonageImportReport } from '@maillage/shared/domain';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { buildSite } from './site-factories';
import { startTestApp, type TestApp } from './test-app';

const CONTOURS = readFileSync(join(__dirname, 'fixtures', 'contours-mini.geojson'));

/** A local server that plays the BAN (`/search/`) and serves a contours file (`/contours.geojson`). */
async function fakeServices(): Promise<{ server: Server; url: string; searches: string[] }> {
  const searches: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    if (url.pathname === '/contours.geojson') {
      res.setHeader('Content-Type', 'application/geo+json');
      res.end(CONTOURS);
      return;
    }
    const q = url.searchParams.get('q') ?? '';
    searches.push(`${q}|${url.searchParams.get('citycode')}`);
    if (q.includes('lente')) return void setTimeout(() => res.end('{}'), 2000);
    const found = q.includes('Église');
    res.setHeader('Content-Type', 'application/json');
    res.end(
      JSON.stringify({
        type: 'FeatureCollection',
        features: found
          ? [
              {
                type: 'Feature',
                geometry: { type: 'Point', coordinates: [2.6602, 48.5391] },
                properties: {
                  label: '12 Rue de l’Église 77000 Melun',
                  score: 0.93,
                  citycode: url.searchParams.get('citycode'),
                },
              },
            ]
          : [],
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, searches };
}

const ZONAGE_CSV = [
  'Code INSEE;Nom de la commune;Zonage;Date de début;Date de fin;Arrêté',
  '77379;Provins;ZIP;01/01/2024;;ARS IDF 2024-01',
  '77327;Nangis;Zone d’action complémentaire (ZAC);01/01/2024;;ARS IDF 2024-01',
  '75056;Paris;ZIP;01/01/2024;;ARS IDF 2024-01',
  '77288;Melun;QPV-ZAC;2024-01-01;;ARS IDF 2024-01',
  '77379;Provins;ZAC;01/07/2025;;ARS IDF 2025-07',
].join('\n');

describe('reference data from the screens: ARS zonage, contours, BAN geocoding', () => {
  let t: TestApp;
  let fake: Awaited<ReturnType<typeof fakeServices>>;
  let admin: string;
  let officer: string;
  const send = (path: string, body: string | Buffer, token = admin) =>
    t.http().post(path).set('Authorization', `Bearer ${token}`).set('Content-Type', 'text/csv').send(body);
  const commune = async (code: string) =>
    (await t.http().get(`/api/communes/${code}`).set('Authorization', `Bearer ${admin}`)).body as CommuneDetail;

  beforeAll(async () => {
    fake = await fakeServices();
    t = await startTestApp({
      BAN_URL: fake.url,
      BAN_TIMEOUT_MS: '300',
      COMMUNE_CONTOURS_SOURCE: `${fake.url}/contours.geojson`,
    });
    admin = await t.tokenFor('admin');
    officer = await t.tokenFor('mission_officer');
  });
  afterAll(async () => {
    await t.close();
    fake.server.close();
  });

  it('previews a zonage file commune by commune, and writes nothing', async () => {
    const res = await send('/api/communes/zonages/import?fileName=zonage-ars.csv', ZONAGE_CSV);
    expect(res.status).toBe(200);
    const report = res.body as ZonageImportReport;
    expect(report).toMatchObject({
      applied: false,
      errors: [],
      outsideTerritory: 1,
      counts: { added: 4, unchanged: 0 },
    });
    expect(report.rows.map((r) => [r.line, r.communeName, r.zonage, r.validFrom, r.action])).toEqual([
      [2, 'Provins', 'ZIP', '2024-01-01', 'added'],
      [3, 'Nangis', 'ZAC', '2024-01-01', 'added'],
      [5, 'Melun', 'QPV_ZAC', '2024-01-01', 'added'],
      [6, 'Provins', 'ZAC', '2025-07-01', 'closes'],
    ]);
    expect((await commune('77379')).zonageHistory).toEqual([]);
  });

  it('applies it in one transaction, then a second time changes nothing', async () => {
    const res = await send('/api/communes/zonages/import?fileName=zonage-ars.csv&apply=true', ZONAGE_CSV);
    expect(res.body).toMatchObject({ applied: true, counts: { added: 4, unchanged: 0 } });
    expect((await commune('77379')).zonageHistory).toEqual([
      { zonage: 'ZAC', validFrom: '2025-07-01', validTo: null },
      { zonage: 'ZIP', validFrom: '2024-01-01', validTo: '2025-06-30' },
    ]);
    expect((await commune('77288')).zonage).toBe('QPV_ZAC');
    const again = await send('/api/communes/zonages/import?fileName=zonage-ars.csv&apply=true', ZONAGE_CSV);
    expect(again.body).toMatchObject({ applied: true, counts: { added: 0, unchanged: 4 } });
  });

  it('reports the wrong rows in French, and applies nothing while there is one', async () => {
    const csv = [
      'INSEE,Classement,Début',
      '77131,ZRR,01/01/2024',
      '77186,ZIP,31/02/2024',
      '77284,ZIP,2024-01-01',
      '77379,HZ,01/01/2025',
    ].join('\n');
    const preview = (await send('/api/communes/zonages/import?fileName=z.csv', csv)).body as ZonageImportReport;
    expect(preview.errors).toEqual([
      { line: 2, message: expect.stringMatching(/^valeur inconnue « ZRR »/) },
      { line: 3, message: 'cette date n’existe pas (« 31/02/2024 »).' },
      { line: 5, message: 'Provins (77379) : chevauche le classement ZIP en vigueur du 2024-01-01.' },
    ]);
    const applied = await send('/api/communes/zonages/import?fileName=z.csv&apply=true', csv);
    expect(applied.status).toBe(400);
    expect(applied.body.message).toMatch(/^Le fichier contient 3 erreurs : rien n’a été enregistré\. Ligne 2 : /);
    expect((await commune('77284')).zonageHistory).toEqual([]);
    const noColumn = await send('/api/communes/zonages/import?fileName=z.csv', 'Commune;Couleur\nMelun;bleu\n');
    expect(noColumn.status).toBe(400);
    expect(noColumn.body.message).toMatch(
      /^Colonnes introuvables dans l’en-tête : « Code commune \(INSEE\) », « Zonage », « Début de validité »/,
    );
  });

  it('loads contours from an uploaded GeoJSON, and from the configured source, without restart', async () => {
    const upload = await t
      .http()
      .post('/api/communes/contours?fileName=contours-77.geojson')
      .set('Authorization', `Bearer ${admin}`)
      .set('Content-Type', 'application/geo+json')
      .send(CONTOURS.toString('utf8'));
    expect(upload.status).toBe(200);
    expect(upload.body).toMatchObject({ loaded: 2, source: 'fichier envoyé : contours-77.geojson' });
    expect((await commune('77288')).hasContour).toBe(true);
    const refresh = await t.http().post('/api/communes/contours/refresh').set('Authorization', `Bearer ${admin}`);
    expect(refresh.status).toBe(200);
    expect(refresh.body).toMatchObject({ loaded: 2, source: `${fake.url}/contours.geojson` });
    const broken = await t
      .http()
      .post('/api/communes/contours?fileName=x.geojson')
      .set('Authorization', `Bearer ${admin}`)
      .set('Content-Type', 'application/octet-stream')
      .send(Buffer.from('{"type": "Feature'));
    expect(broken.status).toBe(400);
    expect(broken.body.message).toBe('Ce fichier n’est pas un GeoJSON lisible (JSON invalide).');
    const notCollection = await t
      .http()
      .post('/api/communes/contours?fileName=x.geojson')
      .set('Authorization', `Bearer ${admin}`)
      .set('Content-Type', 'application/octet-stream')
      .send(Buffer.from('{"type": "Point", "coordinates": [2, 48]}'));
    expect(notCollection.body.message).toBe('Contours non chargés : un GeoJSON « FeatureCollection » est attendu.');
  });

  it('places a site at its address through the BAN, audited', async () => {
    const created = await t
      .http()
      .post('/api/sites')
      .set('Authorization', `Bearer ${officer}`)
      .send(buildSite({ addressLine1: '12 rue de l’Église', latitude: null, longitude: null, siret: null }))
      .expect(201);
    const res = await t
      .http()
      .post(`/api/sites/${created.body.id}/geocode`)
      .set('Authorization', `Bearer ${officer}`)
      .send({ version: created.body.version });
    expect(res.status).toBe(200);
    expect(res.body as SitePosition).toEqual({
      source: 'ban',
      approximate: false,
      latitude: 48.5391,
      longitude: 2.6602,
      label: '12 Rue de l’Église 77000 Melun',
      score: 0.93,
      reason: null,
      version: created.body.version + 1,
    });
    expect(fake.searches).toContain('12 rue de l’Église 77000|77288');
    const site = await t.http().get(`/api/sites/${created.body.id}`).set('Authorization', `Bearer ${officer}`);
    expect(site.body).toMatchObject({ latitude: 48.5391, longitude: 2.6602 });
    const stale = await t
      .http()
      .post(`/api/sites/${created.body.id}/geocode`)
      .set('Authorization', `Bearer ${officer}`)
      .send({ version: 1 });
    expect(stale.status).toBe(409);
  });

  it('falls back to the commune anchor when the BAN does not find the address or does not answer', async () => {
    for (const [address, reason] of [
      ['1 impasse inconnue', /^Adresse non trouvée avec certitude/],
      ['3 rue lente', /^Service national d’adresses injoignable/],
    ] as const) {
      const created = await t
        .http()
        .post('/api/sites')
        .set('Authorization', `Bearer ${officer}`)
        .send(buildSite({ addressLine1: address, latitude: null, longitude: null, siret: null }))
        .expect(201);
      const res = await t
        .http()
        .post(`/api/sites/${created.body.id}/geocode`)
        .set('Authorization', `Bearer ${officer}`)
        .send({ version: created.body.version });
      expect(res.body).toMatchObject({
        source: 'commune',
        approximate: true,
        latitude: 48.545,
        longitude: 2.66,
        version: created.body.version,
      });
      expect(res.body.reason).toMatch(reason);
    }
  });

  it('keeps reference data to administrators and geocoding to the mission officer', async () => {
    expect((await send('/api/communes/zonages/import?fileName=z.csv', ZONAGE_CSV, officer)).status).toBe(403);
    expect(
      (await t.http().post('/api/communes/contours/refresh').set('Authorization', `Bearer ${officer}`)).status,
    ).toBe(403);
    const site = (await t.http().get('/api/sites').set('Authorization', `Bearer ${officer}`)).body.items[0];
    expect(
      (
        await t
          .http()
          .post(`/api/sites/${site.id}/geocode`)
          .set('Authorization', `Bearer ${admin}`)
          .send({ version: 1 })
      ).status,
    ).toBe(403);
  });
});

describe('without a BAN nor a contours source configured', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('says the position is approximate, and that there is no source to refresh', async () => {
    const officer = await t.tokenFor('mission_officer');
    const created = await t
      .http()
      .post('/api/sites')
      .set('Authorization', `Bearer ${officer}`)
      .send(buildSite({ latitude: null, longitude: null }))
      .expect(201);
    const res = await t
      .http()
      .post(`/api/sites/${created.body.id}/geocode`)
      .set('Authorization', `Bearer ${officer}`)
      .send({ version: created.body.version });
    expect(res.body).toMatchObject({
      source: 'commune',
      approximate: true,
      latitude: null,
      reason: expect.stringMatching(/non configuré \(BAN_URL\)/),
    });
    const refresh = await t
      .http()
      .post('/api/communes/contours/refresh')
      .set('Authorization', `Bearer ${await t.tokenFor('admin')}`);
    expect(refresh.status).toBe(409);
    expect(refresh.body.message).toMatch(/Aucune source de contours/);
  });
});
