import {
  type CommuneDetail,
  type CommuneSummary,
  type Page,
  type Role,
  ROLES,
  type Zonage,
} from '@maillage/shared/domain';
import type { Response } from 'supertest';

import { AuditEvent } from '../src/common/audit/audit-event.entity';
import { CommuneZonage } from '../src/territory/entities/commune-zonage.entity';
import { TerritoryLoaderService } from '../src/territory/territory-loader.service';
import { type AuthedAgent, startTestApp, type TestApp } from './test-app';

const COMMUNES_77 = 507;
const CA_MELUN_VAL_DE_SEINE = '247700057';

interface ZonageBody {
  zonage?: unknown;
  validFrom?: unknown;
  validTo?: unknown;
  source?: unknown;
  [field: string]: unknown;
}

/** A valid body for `POST /api/communes/:code/zonages`. */
const buildZonage = (overrides: ZonageBody = {}): ZonageBody => ({
  zonage: 'ZIP',
  validFrom: '2024-01-01',
  ...overrides,
});

const messagesOf = (res: Response): string[] => [res.body.message].flat();
const codes = (page: Page<CommuneSummary>) => page.items.map((c) => c.code);
const names = (page: Page<CommuneSummary>) => page.items.map((c) => c.name);

function historyOf(t: TestApp, communeCode: string) {
  return t.db.getRepository(CommuneZonage).find({ where: { communeCode }, order: { validFrom: 'DESC' } });
}

describe('/api/communes (real PostgreSQL, territory of the 77)', () => {
  let t: TestApp;
  let reader: AuthedAgent;

  beforeAll(async () => {
    t = await startTestApp();
    reader = await t.as('committee');
  });
  afterAll(() => t.close());

  const search = async (query: string, as: AuthedAgent = reader): Promise<Page<CommuneSummary>> =>
    (await as('get', `/api/communes?${query}`).expect(200)).body;

  describe('search', () => {
    it('answers the list envelope over the 507 communes', async () => {
      const page = await search('');
      expect(page).toMatchObject({ total: COMMUNES_77, page: 1, pageSize: 25 });
      expect(page.items).toHaveLength(25);
      expect(names(page).slice(0, 3)).toEqual(['Achères-la-Forêt', 'Amillis', 'Amponville']);
    });

    it('describes each commune with its EPCI, postal codes, zonage and contour presence', async () => {
      const page = await search('q=77288');
      expect(page.items).toEqual([
        {
          code: '77288',
          name: 'Melun',
          departementCode: '77',
          postalCodes: ['77000'],
          population: expect.any(Number),
          epci: { siren: CA_MELUN_VAL_DE_SEINE, name: 'CA Melun Val de Seine' },
          zonage: null,
          hasContour: false,
        },
      ]);
      expect(page.items[0].population).toBeGreaterThan(40_000);
    });

    it.each([
      ['emerainville', ['77169']],
      ['Émerainville', ['77169']],
      ['EMERAINVILLE', ['77169']],
      ['émérainville', ['77169']],
      ['chateau', ['77098', '77099']],
      ['CHÂTEAU', ['77098', '77099']],
      ['chateau-landon', ['77099']],
      ['Chateau Landon', ['77099']],
      ['crégy lès', ['77143']],
      ['melun', ['77288']],
      ['no-such-commune', []],
    ])('q=%j finds %j (accent-, case- and punctuation-insensitive)', async (q, expected) => {
      const page = await search(`q=${encodeURIComponent(q)}&sort=code:asc`);
      expect(codes(page)).toEqual(expected);
      expect(page.total).toBe(expected.length);
    });

    it('puts names that start with the text before names that contain it', async () => {
      const page = await search('q=meaux');
      expect(page.total).toBe(7);
      expect(page.items[0]).toMatchObject({ code: '77284', name: 'Meaux' });
      expect(names(page).slice(1)).toEqual([
        'Crégy-lès-Meaux',
        'Lumigny-Nesles-Ormeaux',
        'Mareuil-lès-Meaux',
        'Montceaux-lès-Meaux',
        'Nanteuil-lès-Meaux',
        'Saint-Jean-les-Deux-Jumeaux',
      ]);
    });

    it.each([
      ['77288', ['77288']],
      ['7728', ['77280', '77281', '77282', '77283', '77284', '77285', '77286', '77287', '77288', '77289']],
      ['77000', ['77255', '77288', '77389', '77487']],
      ['77100', ['77100', '77276', '77284', '77330']], // an INSEE code and a postal code
      ['77999', []],
    ])('q=%s searches INSEE code prefixes and postal codes', async (q, expected) => {
      const page = await search(`q=${q}&pageSize=200&sort=code:asc`);
      expect(codes(page)).toEqual(expected);
    });

    it('finds Melun and its neighbours by postal code 77000', async () => {
      const page = await search('q=77000');
      expect(names(page)).toEqual(['La Rochette', 'Livry-sur-Seine', 'Melun', 'Vaux-le-Pénil']);
      expect(page.items.every((c) => c.postalCodes.includes('77000'))).toBe(true);
    });

    it('filters by EPCI in the database', async () => {
      const page = await search(`epci=${CA_MELUN_VAL_DE_SEINE}&pageSize=5`);
      expect(page).toMatchObject({ total: 20, pageSize: 5 });
      expect(page.items).toHaveLength(5);
      expect(page.items.every((c) => c.epci?.siren === CA_MELUN_VAL_DE_SEINE)).toBe(true);
      const melun = await search(`epci=${CA_MELUN_VAL_DE_SEINE}&q=melun`);
      expect(codes(melun)).toEqual(['77288']);
      const meaux = await search(`epci=${CA_MELUN_VAL_DE_SEINE}&q=meaux`);
      expect(meaux.total).toBe(0);
    });

    it.each([
      ['sort=population:desc', ['77284', '77108', '77288']],
      ['sort=name:desc', ['77534', '77533', '77532']],
      ['sort=code:asc', ['77001', '77002', '77003']],
    ])('%s sorts in the database', async (query, firstThree) => {
      const page = await search(`${query}&pageSize=3`);
      expect(codes(page)).toEqual(firstThree);
      expect(page.total).toBe(COMMUNES_77);
    });

    it('pages up to 200 communes', async () => {
      expect((await search('pageSize=200')).items).toHaveLength(200);
      const last = await search('pageSize=200&page=3');
      expect(last).toMatchObject({ total: COMMUNES_77, page: 3, pageSize: 200 });
      expect(last.items).toHaveLength(COMMUNES_77 - 400);
      expect((await search('pageSize=200&page=4')).items).toEqual([]);
    });

    it.each([
      ['pageSize=201', 'pageSize : 200 au maximum.'],
      ['page=0', 'page : 1 au minimum.'],
      ['sort=searchName:asc', 'sort : tri possible sur name, code, population.'],
      ['sort=name:random', 'sort : format attendu « champ:asc » ou « champ:desc ».'],
      ['epci=123', 'epci : SIREN à 9 chiffres attendu.'],
      ['departement=999', 'departement : code de département invalide.'],
      ['zonage=ZZ', 'zonage : valeurs possibles ZIP, ZAC, QPV_ZIP, QPV_ZAC, ZV, HZ.'],
      [`q=${'a'.repeat(101)}`, 'q : 100 caractères au plus.'],
      ['foo=bar', 'Le champ « foo » n’est pas autorisé.'],
    ])('?%s → 400', async (query, message) => {
      const res = await reader('get', `/api/communes?${query}`).expect(400);
      expect(messagesOf(res)).toContain(message);
    });
  });

  describe('access', () => {
    it.each(ROLES)('%s may read communes and départements', async (role: Role) => {
      const as = await t.as(role);
      const list = await as('get', '/api/communes?q=melun').expect(200);
      expect(list.body.items[0].code).toBe('77288');
      const one = await as('get', '/api/communes/77288').expect(200);
      expect(one.body).toMatchObject({ code: '77288', name: 'Melun' });
      const deps = await as('get', '/api/departements').expect(200);
      expect(deps.body).toEqual([{ code: '77', name: 'Seine-et-Marne' }]);
    });

    it.each([
      '/api/communes',
      '/api/communes?q=melun',
      '/api/communes/77288',
      '/api/communes/contours',
      '/api/departements',
    ])('GET %s without a token → 401', async (path) => {
      const res = await t.http().get(path).expect(401);
      expect(res.body).toMatchObject({ statusCode: 401, message: 'Authentification requise.' });
    });

    it('answers 400 for a malformed INSEE code and 404 for an unknown one', async () => {
      const bad = await reader('get', '/api/communes/melun').expect(400);
      expect(bad.body.message).toBe('code : code INSEE à 5 caractères attendu.');
      const unknown = await reader('get', '/api/communes/77999').expect(404);
      expect(unknown.body).toMatchObject({ message: 'Commune introuvable.', code: 'NOT_FOUND' });
    });
  });

  describe('zonage', () => {
    let admin: AuthedAgent;
    let officer: AuthedAgent;

    beforeAll(async () => {
      admin = await t.as('admin');
      officer = await t.as('mission_officer');
    });

    const addZonage = (as: AuthedAgent, code: string, body: ZonageBody) =>
      as('post', `/api/communes/${code}/zonages`).send(body);

    it('records periods, closes the open one the day before the next, and shows current zonage and history', async () => {
      const first = await addZonage(
        admin,
        '77288',
        buildZonage({ zonage: 'ZIP', validFrom: '2020-01-01', source: 'Arrêté ARS 2020-12' }),
      ).expect(201);
      expect(first.body).toMatchObject({
        code: '77288',
        zonage: 'ZIP',
        zonageHistory: [{ zonage: 'ZIP', validFrom: '2020-01-01', validTo: null }],
      });

      // A leap year: the open period ends on 29 February.
      const second = await addZonage(officer, '77288', buildZonage({ zonage: 'ZAC', validFrom: '2024-03-01' })).expect(
        201,
      );
      expect(second.body.zonage).toBe('ZAC');
      expect(second.body.zonageHistory).toEqual([
        { zonage: 'ZAC', validFrom: '2024-03-01', validTo: null },
        { zonage: 'ZIP', validFrom: '2020-01-01', validTo: '2024-02-29' },
      ]);

      const read = (await reader('get', '/api/communes/77288').expect(200)).body as CommuneDetail;
      expect(read).toMatchObject({ zonage: 'ZAC', zonageHistory: second.body.zonageHistory });
      const listed = await search('q=77288');
      expect(listed.items[0].zonage).toBe('ZAC');
      expect(codes(await search('zonage=ZAC&pageSize=200'))).toContain('77288');
      expect(codes(await search('zonage=ZIP&pageSize=200'))).not.toContain('77288');
    });

    it('a period that starts in the future does not change the current zonage', async () => {
      await addZonage(admin, '77284', buildZonage({ zonage: 'ZV', validFrom: '2019-06-01' })).expect(201);
      const res = await addZonage(admin, '77284', buildZonage({ zonage: 'ZIP', validFrom: '2999-01-01' })).expect(201);
      expect(res.body.zonage).toBe('ZV');
      expect(res.body.zonageHistory).toEqual([
        { zonage: 'ZIP', validFrom: '2999-01-01', validTo: null },
        { zonage: 'ZV', validFrom: '2019-06-01', validTo: '2998-12-31' },
      ]);
    });

    it('a commune whose only period has ended has no current zonage', async () => {
      const res = await addZonage(
        admin,
        '77108',
        buildZonage({ zonage: 'ZAC', validFrom: '2015-01-01', validTo: '2015-01-01' }),
      ).expect(201);
      expect(res.body).toMatchObject({
        zonage: null,
        zonageHistory: [{ zonage: 'ZAC', validFrom: '2015-01-01', validTo: '2015-01-01' }],
      });
    });

    it('audits the new period with who added it', async () => {
      await addZonage(
        officer,
        '77169',
        buildZonage({ zonage: 'QPV_ZIP', validFrom: '2023-04-01', source: 'Arrêté 2023-04' }),
      ).expect(201);
      const events = await t.db.getRepository(AuditEvent).find({ where: { entityType: 'commune', entityId: '77169' } });
      expect(events).toEqual([
        expect.objectContaining({
          action: 'zonage_added',
          actorEmail: 'mission_officer.77@test.maillage.fr',
          departementCode: '77',
          changes: {
            zonage: { before: null, after: 'QPV_ZIP' },
            validFrom: { before: null, after: '2023-04-01' },
            source: { before: null, after: 'Arrêté 2023-04' },
          },
        }),
      ]);
    });

    describe('refused periods (400, nothing written)', () => {
      // 77305: a closed ZIP period 2020-01-01 → 2022-12-31, then an open ZAC from 2023-01-01.
      beforeAll(async () => {
        await addZonage(
          admin,
          '77305',
          buildZonage({ zonage: 'ZIP', validFrom: '2020-01-01', validTo: '2022-12-31' }),
        ).expect(201);
        await addZonage(admin, '77305', buildZonage({ zonage: 'ZAC', validFrom: '2023-01-01' })).expect(201);
      });

      it.each<[string, ZonageBody, string | RegExp]>([
        [
          'inside a closed period',
          { zonage: 'ZV', validFrom: '2021-01-01', validTo: '2021-12-31' },
          'validFrom : chevauche le classement ZIP en vigueur du 2020-01-01.',
        ],
        [
          'overlapping the last day of a closed period',
          { zonage: 'ZV', validFrom: '2019-01-01', validTo: '2020-01-01' },
          /chevauche le classement ZIP/,
        ],
        [
          'open-ended, starting in a closed period',
          { zonage: 'ZV', validFrom: '2022-12-31' },
          /chevauche le classement/,
        ],
        [
          'starting the same day as the open period',
          { zonage: 'ZV', validFrom: '2023-01-01' },
          'validFrom : chevauche le classement ZAC en vigueur du 2023-01-01.',
        ],
        [
          'validTo before validFrom',
          { zonage: 'ZV', validFrom: '2030-05-01', validTo: '2030-04-30' },
          'validTo : la fin doit être postérieure ou égale au début.',
        ],
        [
          'an unknown zonage',
          { zonage: 'ZRR', validFrom: '2030-01-01' },
          'zonage : valeurs possibles ZIP, ZAC, QPV_ZIP, QPV_ZAC, ZV, HZ.',
        ],
        ['a lower-case zonage', { zonage: 'zip', validFrom: '2030-01-01' }, /^zonage : valeurs possibles/],
        ['no zonage', { validFrom: '2030-01-01', zonage: undefined }, /^zonage : valeurs possibles/],
        ['no validFrom', { zonage: 'ZV', validFrom: undefined }, 'validFrom : date attendue au format AAAA-MM-JJ.'],
        ['a French date', { zonage: 'ZV', validFrom: '01/03/2030' }, 'validFrom : date attendue au format AAAA-MM-JJ.'],
        [
          'an impossible date',
          { zonage: 'ZV', validFrom: '2030-02-30' },
          'validFrom : date attendue au format AAAA-MM-JJ.',
        ],
        [
          'a timestamp',
          { zonage: 'ZV', validFrom: '2030-03-01T00:00:00Z' },
          'validFrom : date attendue au format AAAA-MM-JJ.',
        ],
        [
          'a bad validTo',
          { zonage: 'ZV', validFrom: '2030-03-01', validTo: 'demain' },
          'validTo : date attendue au format AAAA-MM-JJ.',
        ],
        [
          'a source too long',
          { zonage: 'ZV', validFrom: '2030-03-01', source: 'x'.repeat(301) },
          'source : 300 caractères au plus.',
        ],
        [
          'an unknown field',
          { zonage: 'ZV', validFrom: '2030-03-01', communeCode: '77288' },
          'Le champ « communeCode » n’est pas autorisé.',
        ],
      ])('%s', async (_, body, message) => {
        const before = await historyOf(t, '77305');
        const res = await addZonage(admin, '77305', buildZonage(body)).expect(400);
        expect(messagesOf(res)).toContainEqual(typeof message === 'string' ? message : expect.stringMatching(message));
        expect(await historyOf(t, '77305')).toEqual(before);
      });

      it('the history is still the two periods', async () => {
        const read = (await reader('get', '/api/communes/77305').expect(200)).body as CommuneDetail;
        expect(read.zonageHistory).toEqual([
          { zonage: 'ZAC', validFrom: '2023-01-01', validTo: null },
          { zonage: 'ZIP', validFrom: '2020-01-01', validTo: '2022-12-31' },
        ]);
      });

      it('a period that fits in the gap before the first is accepted', async () => {
        const res = await addZonage(
          admin,
          '77305',
          buildZonage({ zonage: 'HZ', validFrom: '2010-01-01', validTo: '2019-12-31' }),
        ).expect(201);
        expect(res.body.zonageHistory.map((p: { zonage: Zonage }) => p.zonage)).toEqual(['ZAC', 'ZIP', 'HZ']);
      });
    });

    it.each(['cdom', 'departement', 'committee'] as const)(
      '%s may not add a zonage (403), nothing is written',
      async (role) => {
        const as = await t.as(role);
        const res = await addZonage(as, '77001', buildZonage()).expect(403);
        expect(res.body.statusCode).toBe(403);
        expect(await historyOf(t, '77001')).toEqual([]);
      },
    );

    it('answers 404 for an unknown commune and 400 for a malformed code', async () => {
      await addZonage(admin, '77999', buildZonage()).expect(404);
      await addZonage(admin, 'melun', buildZonage()).expect(400);
      expect(await historyOf(t, '77999')).toEqual([]);
    });
  });
});

describe('/api/communes with two départements (77 and 75)', () => {
  let t: TestApp;
  let national: AuthedAgent;
  let officer77: AuthedAgent;

  beforeAll(async () => {
    t = await startTestApp({ TERRITORY_DEPARTEMENTS: '77,75' });
    await t.app.get(TerritoryLoaderService).load(['77', '75']);
    national = await t.as('admin');
    officer77 = await t.as('mission_officer');
  });
  afterAll(() => t.close());

  const search = async (as: AuthedAgent, query: string): Promise<Page<CommuneSummary>> =>
    (await as('get', `/api/communes?${query}`).expect(200)).body;

  it('a user of the 77 never sees the communes of the 75', async () => {
    expect(names(await search(officer77, 'q=paris'))).toEqual(['Villeparisis']);
    expect((await search(officer77, 'q=75056')).total).toBe(0);
    expect((await search(officer77, 'q=75')).total).toBe(0);
    expect((await search(officer77, 'departement=75')).total).toBe(0);
    expect((await search(officer77, '')).total).toBe(COMMUNES_77);
    const res = await officer77('get', '/api/communes/75056').expect(404);
    expect(res.body.message).toBe('Commune introuvable.');
  });

  it('a national admin sees both', async () => {
    expect(names(await search(national, 'q=paris'))).toEqual(['Paris', 'Villeparisis']);
    expect((await search(national, '')).total).toBe(COMMUNES_77 + 1);
    expect(codes(await search(national, 'departement=75'))).toEqual(['75056']);
    const paris = await national('get', '/api/communes/75056').expect(200);
    expect(paris.body).toMatchObject({ code: '75056', name: 'Paris', departementCode: '75' });
  });

  it('GET /api/departements is scoped', async () => {
    expect((await officer77('get', '/api/departements').expect(200)).body).toEqual([
      { code: '77', name: 'Seine-et-Marne' },
    ]);
    expect((await national('get', '/api/departements').expect(200)).body).toEqual([
      { code: '75', name: 'Paris' },
      { code: '77', name: 'Seine-et-Marne' },
    ]);
  });

  it('a mission officer of the 77 cannot add a zonage to a commune of the 75 (404), a national admin can', async () => {
    await officer77('post', '/api/communes/75056/zonages').send(buildZonage()).expect(404);
    expect(await historyOf(t, '75056')).toEqual([]);
    const res = await national('post', '/api/communes/75056/zonages')
      .send(buildZonage({ zonage: 'HZ' }))
      .expect(201);
    expect(res.body).toMatchObject({ code: '75056', zonage: 'HZ' });
  });
});
