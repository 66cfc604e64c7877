import { ROLES } from '@maillage/shared/domain';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ContoursLoaderService } from '../src/territory/contours-loader.service';
import { CommuneContour } from '../src/territory/entities/commune-contour.entity';
import { TerritoryLoaderService } from '../src/territory/territory-loader.service';
import { startTestApp, type TestApp } from './test-app';

const FIXTURE = join(__dirname, 'fixtures', 'contours-mini.geojson');

interface Geometry {
  type: string;
  coordinates: unknown;
}
interface FixtureFeature {
  properties: Record<string, string>;
  geometry: Geometry;
}

/** A small square polygon feature, for collections built in the tests. */
function buildFeature(
  code: string | null,
  overrides: Partial<{ geometry: Geometry | null; properties: Record<string, unknown> }> = {},
) {
  return {
    type: 'Feature',
    properties: code === null ? { nom: 'Sans code' } : { code, nom: `Commune ${code}` },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [2, 48],
          [2.01, 48],
          [2.01, 48.01],
          [2, 48.01],
          [2, 48],
        ],
      ],
    },
    ...overrides,
  };
}

const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

async function fixtureGeometry(code: string): Promise<Geometry> {
  const { features } = JSON.parse(await readFile(FIXTURE, 'utf8')) as { features: FixtureFeature[] };
  const feature = features.find((f) => (f.properties['code'] ?? f.properties['INSEE_COM']) === code);
  if (!feature) throw new Error(`no ${code} in the fixture`);
  return feature.geometry;
}

describe('commune contours (real PostgreSQL, territory of the 77)', () => {
  let t: TestApp;
  let loader: ContoursLoaderService;
  let dir: string;

  const storedContours = () =>
    t.db
      .getRepository(CommuneContour)
      .find({ order: { communeCode: 'ASC' } })
      .then((rows) => rows.map((r) => ({ code: r.communeCode, geometry: r.geometry, source: r.source })));

  beforeAll(async () => {
    t = await startTestApp();
    loader = t.app.get(ContoursLoaderService);
    dir = await mkdtemp(join(tmpdir(), 'maillage-contours-'));
  });
  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('starts without contours: hasContour is false and the map collection is empty', async () => {
    const reader = await t.as('committee');
    expect((await reader('get', '/api/communes?q=melun').expect(200)).body.items[0]).toMatchObject({
      code: '77288',
      hasContour: false,
    });
    expect((await reader('get', '/api/communes/contours').expect(200)).body).toEqual({
      type: 'FeatureCollection',
      features: [],
    });
  });

  describe('loading the mini fixture', () => {
    let report: Awaited<ReturnType<ContoursLoaderService['loadFrom']>>;

    beforeAll(async () => {
      report = await loader.loadFrom(FIXTURE);
    });

    it('loads the two communes of the 77 that have a polygon', async () => {
      expect(report.source).toBe(FIXTURE);
      expect(report.loaded).toBe(2);
      const stored = await storedContours();
      expect(stored).toEqual([
        { code: '77284', geometry: await fixtureGeometry('77284'), source: FIXTURE },
        { code: '77288', geometry: await fixtureGeometry('77288'), source: FIXTURE },
      ]);
    });

    it('rejects, with a readable reason, the commune outside the territory and the unusable features', () => {
      expect(report.rejected).toEqual([
        { code: '75056', name: 'Paris', reason: 'commune hors du territoire de cette installation (ou disparue)' },
        { code: '77001', name: 'Achères-la-Forêt', reason: 'géométrie absente ou qui n’est pas un polygone' },
        { code: null, name: 'Sans code', reason: 'pas de code INSEE dans les propriétés (code, INSEE_COM…)' },
      ]);
    });

    it('lists every other commune of the territory as missing', () => {
      expect(report.missing).toHaveLength(507 - 2);
      expect(report.missing).not.toContain('77288');
      expect(report.missing).not.toContain('77284');
      expect(report.missing).toContain('77001');
      expect(report.missing).not.toContain('75056');
      expect([...report.missing].sort()).toEqual(report.missing);
    });

    it('serves the loaded contours as GeoJSON for the map, with the commune names of the territory', async () => {
      const reader = await t.as('departement');
      const res = await reader('get', '/api/communes/contours').expect(200);
      expect(res.body).toEqual({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { code: '77284', nom: 'Meaux' }, geometry: await fixtureGeometry('77284') },
          { type: 'Feature', properties: { code: '77288', nom: 'Melun' }, geometry: await fixtureGeometry('77288') },
        ],
      });
    });

    it.each(ROLES)('%s may read the contours', async (role) => {
      const as = await t.as(role);
      const res = await as('get', '/api/communes/contours').expect(200);
      expect(res.body.features.map((f: { properties: { code: string } }) => f.properties.code)).toEqual([
        '77284',
        '77288',
      ]);
    });

    it('marks the communes that have a contour', async () => {
      const reader = await t.as('cdom');
      const melun = (await reader('get', '/api/communes?q=melun').expect(200)).body;
      expect(melun.items[0]).toMatchObject({ code: '77288', hasContour: true });
      expect((await reader('get', '/api/communes/77284').expect(200)).body.hasContour).toBe(true);
      expect((await reader('get', '/api/communes/77001').expect(200)).body.hasContour).toBe(false);
    });

    it('is idempotent: loading the same file again keeps one contour per commune', async () => {
      const again = await loader.loadFrom(FIXTURE);
      expect(again.loaded).toBe(2);
      expect((await storedContours()).map((c) => c.code)).toEqual(['77284', '77288']);
    });

    describe('a file that cannot be read throws a clear error and changes nothing', () => {
      let before: Awaited<ReturnType<typeof storedContours>>;

      beforeEach(async () => {
        before = await storedContours();
        expect(before).toHaveLength(2);
      });
      afterEach(async () => {
        expect(await storedContours()).toEqual(before);
      });

      it('not JSON', async () => {
        const path = join(dir, 'broken.geojson');
        await writeFile(path, '{"type": "FeatureCollection", "features": [');
        await expect(loader.loadFrom(path)).rejects.toThrow(`Contours : ${path} n’est pas un fichier JSON valide`);
      });

      it.each([
        ['a single Feature', buildFeature('77288')],
        ['a collection without features', { type: 'FeatureCollection' }],
        ['features that are not a list', { type: 'FeatureCollection', features: { '77288': buildFeature('77288') } }],
        ['a bare list of features', [buildFeature('77288')]],
        ['null', null],
        ['a string', 'FeatureCollection'],
      ])('not a FeatureCollection: %s', async (_, content) => {
        const path = join(dir, 'not-a-collection.geojson');
        await writeFile(path, JSON.stringify(content));
        await expect(loader.loadFrom(path)).rejects.toThrow('Contours : un GeoJSON « FeatureCollection » est attendu');
      });

      it('a file that does not exist', async () => {
        await expect(loader.loadFrom(join(dir, 'absent.geojson'))).rejects.toThrow(/n’existe pas/);
      });
    });
  });

  describe('feature checks', () => {
    it.each([
      [
        'a commune twice in the file',
        [buildFeature('77305'), buildFeature('77305')],
        'commune présente deux fois dans le fichier',
      ],
      [
        'a polygon without coordinates',
        [buildFeature('77305', { geometry: { type: 'Polygon', coordinates: [] } })],
        'coordonnées absentes',
      ],
      ['no geometry', [buildFeature('77305', { geometry: null })], 'géométrie absente ou qui n’est pas un polygone'],
      [
        'a LineString',
        [
          buildFeature('77305', {
            geometry: {
              type: 'LineString',
              coordinates: [
                [2, 48],
                [3, 49],
              ],
            },
          }),
        ],
        'géométrie absente ou qui n’est pas un polygone',
      ],
      [
        'a blank code',
        [buildFeature(null, { properties: { code: '  ', nom: 'Blanc' } })],
        'pas de code INSEE dans les propriétés (code, INSEE_COM…)',
      ],
      [
        'a commune that no longer exists',
        [buildFeature('77999')],
        'commune hors du territoire de cette installation (ou disparue)',
      ],
    ])('rejects %s', async (_, features, reason) => {
      const report = await loader.loadCollection(collection(...features), 'test');
      expect(report.rejected.map((r) => r.reason)).toEqual([reason]);
      expect(report.loaded).toBe(features.length - 1);
    });

    it('accepts numeric codes and the other usual property names', async () => {
      const report = await loader.loadCollection(
        collection(
          buildFeature(null, { properties: { insee: 77108, NOM: 'Chelles' } }),
          buildFeature(null, { properties: { code_insee: '77169', name: 'Émerainville' } }),
          buildFeature(null, { properties: { codgeo: ' 77305 ' } }),
        ),
        'test',
      );
      expect(report).toMatchObject({ loaded: 3, rejected: [] });
      const stored = await t.db.getRepository(CommuneContour).findBy({ source: 'test' });
      expect(stored.map((c) => c.communeCode).sort()).toEqual(['77108', '77169', '77305']);
    });
  });
});

describe('commune contours with two départements (77 and 75)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ TERRITORY_DEPARTEMENTS: '77,75' });
    await t.app.get(TerritoryLoaderService).load(['77', '75']);
  });
  afterAll(() => t.close());

  it('loads Paris once the 75 is served, and shows each user only its département', async () => {
    const report = await t.app.get(ContoursLoaderService).loadFrom(FIXTURE);
    expect(report.loaded).toBe(3);
    expect(report.rejected.map((r) => r.code)).toEqual(['77001', null]);
    const codesFor = async (token: string, query = '') =>
      (
        await t.http().get(`/api/communes/contours${query}`).set('Authorization', `Bearer ${token}`).expect(200)
      ).body.features.map((f: { properties: { code: string } }) => f.properties.code);
    const officer77 = await t.tokenFor('mission_officer');
    const national = await t.tokenFor('admin');
    expect(await codesFor(officer77)).toEqual(['77284', '77288']);
    expect(await codesFor(officer77, '?departement=75')).toEqual([]);
    expect(await codesFor(national)).toEqual(['75056', '77284', '77288']);
    expect(await codesFor(national, '?departement=75')).toEqual(['75056']);
  });
});
