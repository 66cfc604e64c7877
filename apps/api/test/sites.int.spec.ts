import {
  hasPermission,
  type ProfessionalSiteLink,
  ROLES,
  rolesWith,
  type SiteRecord,
  type SiteSummary,
  todayInFrance,
} from '@maillage/shared/domain';
import type { Response } from 'supertest';

import { AuditEvent } from '../src/common/audit/audit-event.entity';
import { ProfessionalSite } from '../src/professionals/professional-site.entity';
import { SiteCapacity } from '../src/sites/site-capacity.entity';
import { TrainingSite } from '../src/sites/training-site.entity';
import { CommuneZonage } from '../src/territory/entities/commune-zonage.entity';
import { Commune } from '../src/territory/entities/commune.entity';
import { TerritoryLoaderService } from '../src/territory/territory-loader.service';
import { type Body, buildSite, insertProfessional, INVALID_SIRET } from './site-factories';
import { type AuthedAgent, type Method, startTestApp, type TestApp } from './test-app';

const READER_ROLES = rolesWith('sites.read');
const NON_READER_ROLES = ROLES.filter((role) => !hasPermission(role, 'sites.read'));
const READ_ONLY_ROLES = ROLES.filter((role) => !hasPermission(role, 'sites.write'));
const EDITOR_ROLES = rolesWith('sites.write');
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const messagesOf = (res: Response): string[] => [res.body.message].flat();

/** What a rejected request must leave untouched. */
async function counts(t: TestApp) {
  return {
    sites: await t.db.getRepository(TrainingSite).count(),
    capacities: await t.db.getRepository(SiteCapacity).count(),
    links: await t.db.getRepository(ProfessionalSite).count(),
    audit: await t.db.getRepository(AuditEvent).count(),
    versions: (await t.db.getRepository(TrainingSite).find({ order: { id: 'ASC' } })).map(
      (s) => `${s.id}:${s.version}`,
    ),
  };
}

function names(res: Response): string[] {
  return (res.body.items as SiteSummary[]).map((s) => s.name);
}

describe('/api/sites (real PostgreSQL)', () => {
  let t: TestApp;
  let officer: AuthedAgent;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.as('mission_officer');
  });
  afterAll(() => t.close());

  async function createSite(overrides: Body = {}): Promise<SiteRecord> {
    const res = await officer('post', '/api/sites').send(buildSite(overrides));
    if (res.status !== 201) throw new Error(`create site: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as SiteRecord;
  }

  describe('permissions', () => {
    let site: SiteRecord;
    beforeAll(async () => {
      site = await createSite({ name: 'Site des permissions' });
    });

    const reads: [string, (id: string) => string][] = [
      ['list', () => '/api/sites'],
      ['detail', (id) => `/api/sites/${id}`],
    ];
    const writes: [string, Method, (id: string) => string, () => Body][] = [
      ['create', 'post', () => '/api/sites', () => buildSite()],
      ['patch', 'patch', (id) => `/api/sites/${id}`, () => ({ version: 1, name: 'Piraté' })],
      ['archive', 'delete', (id) => `/api/sites/${id}`, () => ({})],
      ['restore', 'post', (id) => `/api/sites/${id}/restore`, () => ({})],
    ];

    it.each(READER_ROLES.flatMap((role) => reads.map(([name, path]) => [role, name, path] as const)))(
      '%s may read (%s): 200',
      async (role, _, path) => {
        const agent = await t.as(role);
        await agent('get', path(site.id)).expect(200);
      },
    );

    it.each(NON_READER_ROLES.flatMap((role) => reads.map(([name, path]) => [role, name, path] as const)))(
      '%s may not read (%s): 403',
      async (role, _, path) => {
        const agent = await t.as(role);
        await agent('get', path(site.id)).expect(403);
      },
    );

    it.each(
      READ_ONLY_ROLES.flatMap((role) =>
        writes.map(([name, method, path, body]) => [role, name, method, path, body] as const),
      ),
    )('%s may not write (%s): 403, nothing written', async (role, _, method, path, body) => {
      const agent = await t.as(role);
      const before = await counts(t);
      const res = await agent(method, path(site.id)).send(body()).expect(403);
      expect(res.body.message).toBe('Vous n’avez pas le droit de faire cette action.');
      expect(await counts(t)).toEqual(before);
    });

    it.each(EDITOR_ROLES)('%s may create, edit, archive and restore', async (role) => {
      const agent = await t.as(role);
      const created = await agent('post', '/api/sites')
        .send(buildSite({ name: `Créé par ${role}` }))
        .expect(201);
      const id = created.body.id as string;
      await agent('patch', `/api/sites/${id}`).send({ version: 1, notes: 'ok' }).expect(200);
      await agent('delete', `/api/sites/${id}`).expect(204);
      await agent('post', `/api/sites/${id}/restore`).send({}).expect(200);
    });

    it.each([
      ['get', '/api/sites'],
      ['get', `/api/sites/${UNKNOWN_ID}`],
      ['post', '/api/sites'],
      ['patch', `/api/sites/${UNKNOWN_ID}`],
      ['delete', `/api/sites/${UNKNOWN_ID}`],
      ['post', `/api/sites/${UNKNOWN_ID}/restore`],
    ] as [Method, string][])('without a token, %s %s answers 401', async (method, path) => {
      await t.http()[method](path).send({}).expect(401);
    });
  });

  describe('creation', () => {
    it('answers 201 with the whole record, and audits it with capacities and professionals by name', async () => {
      const msu = await insertProfessional(t, { firstName: 'Claire', lastName: 'Dupont', msuStage: 'active' });
      const candidate = await insertProfessional(t, { firstName: 'Paul', lastName: 'Roux', msuStage: 'contacted' });
      const res = await officer('post', '/api/sites')
        .send(
          buildSite({
            name: 'MSP de l’Almont',
            addressLine2: 'Bâtiment B',
            siret: '217 702 886 00011',
            capacities: [
              { stageType: 'SASPAS', places: 1 },
              { stageType: 'N1', places: 2 },
            ],
            professionalIds: [msu.id, candidate.id],
          }),
        )
        .expect(201);
      const site = res.body as SiteRecord;
      expect(site).toMatchObject({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        version: 1,
        departementCode: '77',
        name: 'MSP de l’Almont',
        kind: 'msp',
        status: 'active',
        communeCode: '77288',
        communeName: 'Melun',
        epciName: expect.stringContaining('Melun'),
        capacities: [
          { stageType: 'N1', places: 2 },
          { stageType: 'SASPAS', places: 1 },
        ],
        supervisorCount: 1,
        openAccessIssues: 0,
        address: { line1: expect.any(String), line2: 'Bâtiment B', postalCode: '77000' },
        siret: '21770288600011',
        hosting: {
          housingOnSite: false,
          housingNearby: false,
          publicTransport: true,
          parking: false,
          distanceToChuKm: 42.5,
        },
        archivedAt: null,
        professionals: [
          { id: msu.id, name: 'Dr Claire Dupont', msuStage: 'active' },
          { id: candidate.id, name: 'Dr Paul Roux', msuStage: 'contacted' },
        ],
        accreditations: [],
        allowances: {
          transport: {
            eligible: true,
            monthlyAmount: 130,
            reason: 'À 42,5 km du CHU si le domicile de l’interne est aussi à plus de 15 km.',
          },
          housing: { eligible: false, monthlyAmount: 0, reason: 'Zonage de la commune inconnu.' },
        },
      });
      const [event] = await t.db
        .getRepository(AuditEvent)
        .find({ where: { entityType: 'training_site', entityId: site.id } });
      expect(event).toMatchObject({
        action: 'created',
        actorEmail: 'mission_officer.77@test.maillage.fr',
        departementCode: '77',
      });
      expect(event.changes['capacities']).toEqual({ before: null, after: { N1: 2, SASPAS: 1 } });
      expect(event.changes['professionals']).toEqual({ before: null, after: ['Dr Claire Dupont', 'Dr Paul Roux'] });
      expect(event.changes['commune']).toEqual({ before: null, after: 'Melun (77288)' });
    });

    it('needs only the essential fields; defaults are a prospect without places', async () => {
      const res = await officer('post', '/api/sites')
        .send({
          name: 'Cabinet Dr Lemaire',
          kind: 'cabinet_individuel',
          addressLine1: '2 place Saint-Jean',
          postalCode: '77000',
          communeCode: '77288',
        })
        .expect(201);
      expect(res.body).toMatchObject({
        status: 'prospect',
        capacities: [],
        latitude: null,
        longitude: null,
        siret: null,
        professionals: [],
      });
    });
  });

  describe('bad input → 400 with a clear message, nothing written', () => {
    const cases: [string, () => Body, RegExp][] = [
      ['no name', () => buildSite({ name: undefined }), /^name : le nom est obligatoire/],
      ['an empty body', () => ({}), /^name : /],
      ['a number as name', () => buildSite({ name: 42 }), /^name : /],
      ['an unknown kind', () => buildSite({ kind: 'hopital' }), /^kind : valeurs possibles/],
      [
        'an unknown field',
        () => buildSite({ departementCode: '75' }),
        /Le champ « departementCode » n’est pas autorisé/,
      ],
      [
        'a commune outside the territory (Paris)',
        () => buildSite({ communeCode: '75056' }),
        /communeCode : la commune 75056 est inconnue ou hors du territoire/,
      ],
      [
        'a commune that does not exist',
        () => buildSite({ communeCode: '99999' }),
        /communeCode : la commune 99999 est inconnue/,
      ],
      ['a malformed commune code', () => buildSite({ communeCode: '7728' }), /^communeCode : code INSEE/],
      ['an invalid SIRET', () => buildSite({ siret: INVALID_SIRET }), /^siret : numéro SIRET invalide/],
      ['a SIRET too short', () => buildSite({ siret: '1234' }), /^siret : /],
      ['a 4-digit postal code', () => buildSite({ postalCode: '7700' }), /^postalCode : code postal à 5 chiffres/],
      [
        'a negative capacity',
        () => buildSite({ capacities: [{ stageType: 'N1', places: -1 }] }),
        /^capacities\.0\.places : le nombre de places ne peut pas être négatif/,
      ],
      [
        'a capacity over 50',
        () => buildSite({ capacities: [{ stageType: 'N1', places: 51 }] }),
        /^capacities\.0\.places : 50 places au plus/,
      ],
      [
        'a fractional capacity',
        () => buildSite({ capacities: [{ stageType: 'N1', places: 1.5 }] }),
        /^capacities\.0\.places : nombre de places entier/,
      ],
      [
        'places as text',
        () => buildSite({ capacities: [{ stageType: 'N1', places: '2' }] }),
        /^capacities\.0\.places : /,
      ],
      [
        'an unknown stage type',
        () => buildSite({ capacities: [{ stageType: 'N3', places: 1 }] }),
        /^capacities\.0\.stageType : type de stage inconnu/,
      ],
      [
        'a duplicate stage type',
        () =>
          buildSite({
            capacities: [
              { stageType: 'N1', places: 1 },
              { stageType: 'N1', places: 2 },
            ],
          }),
        /capacities : le type de stage N1 apparaît deux fois/,
      ],
      [
        'an unknown field in a capacity',
        () => buildSite({ capacities: [{ stageType: 'N1', places: 1, price: 3 }] }),
        /« capacities\.0\.price » n’est pas autorisé/,
      ],
      ['capacities not a list', () => buildSite({ capacities: { N1: 2 } }), /^capacities : liste attendue/],
      [
        'a latitude without longitude',
        () => buildSite({ longitude: undefined }),
        /^longitude : nombre attendu \(latitude et longitude vont ensemble\)/,
      ],
      [
        'a point outside France',
        () => buildSite({ latitude: 51.5072, longitude: -0.1276 }),
        /^longitude : ce point est hors de France/,
      ],
      ['latitude and longitude swapped', () => buildSite({ latitude: 2.6553, longitude: 48.5397 }), /hors de France/],
      [
        'a negative distance',
        () => buildSite({ distanceToChuKm: -3 }),
        /^distanceToChuKm : la distance ne peut pas être négative/,
      ],
      ['a status set to null', () => buildSite({ status: null }), /^status : /],
      [
        'an unknown professional',
        () => buildSite({ professionalIds: ['00000000-0000-4000-8000-000000000001'] }),
        /^professionalIds : professionnel introuvable/,
      ],
      [
        'a professional id that is not a uuid',
        () => buildSite({ professionalIds: ['abc'] }),
        /^professionalIds : identifiants \(uuid\)/,
      ],
    ];

    it.each(cases)('%s', async (_, body, message) => {
      const before = await counts(t);
      const res = await officer('post', '/api/sites').send(body()).expect(400);
      expect(messagesOf(res)).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(await counts(t)).toEqual(before);
    });

    it('an archived professional cannot be linked', async () => {
      const gone = await insertProfessional(t, { archivedAt: new Date() });
      const before = await counts(t);
      const res = await officer('post', '/api/sites')
        .send(buildSite({ professionalIds: [gone.id] }))
        .expect(400);
      expect(res.body.message).toMatch(/professionalIds : professionnel introuvable/);
      expect(await counts(t)).toEqual(before);
    });

    describe('on PATCH', () => {
      let site: SiteRecord;
      beforeAll(async () => {
        site = await createSite({ name: 'Site à ne pas abîmer' });
      });

      it.each<[string, Body, RegExp]>([
        ['no version at all', { name: 'Nouveau nom' }, /^version : la version lue est obligatoire/],
        ['a version as text', { version: 'un', name: 'Nouveau nom' }, /^version : /],
        ['a name set to null', { version: 1, name: null }, /^name : /],
        [
          'a commune outside the territory',
          { version: 1, communeCode: '75056' },
          /communeCode : la commune 75056 est inconnue/,
        ],
        ['an invalid SIRET', { version: 1, siret: INVALID_SIRET }, /^siret : /],
        [
          'a negative capacity',
          { version: 1, capacities: [{ stageType: 'SAFE', places: -2 }] },
          /^capacities\.0\.places : /,
        ],
        [
          'a duplicate stage type',
          {
            version: 1,
            capacities: [
              { stageType: 'SAFE', places: 1 },
              { stageType: 'SAFE', places: 1 },
            ],
          },
          /apparaît deux fois/,
        ],
        [
          'a latitude that moves the point out of France',
          { version: 1, latitude: 52.6 },
          /^longitude : ce point est hors de France/,
        ],
        [
          'a latitude cleared without the longitude',
          { version: 1, latitude: null },
          /les deux coordonnées vont ensemble/,
        ],
        ['an unknown field', { version: 1, archivedAt: null }, /« archivedAt » n’est pas autorisé/],
      ])('%s', async (_, body, message) => {
        const before = await counts(t);
        const res = await officer('patch', `/api/sites/${site.id}`).send(body).expect(400);
        expect(messagesOf(res)).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
        expect(await counts(t)).toEqual(before);
      });

      it('a malformed If-Match, and a body and header that disagree', async () => {
        const before = await counts(t);
        const bad = await officer('patch', `/api/sites/${site.id}`)
          .set('If-Match', 'latest')
          .send({ name: 'Nouveau nom' })
          .expect(400);
        expect(bad.body.message).toMatch(/^If-Match : /);
        const both = await officer('patch', `/api/sites/${site.id}`)
          .set('If-Match', '"2"')
          .send({ version: 1, name: 'Nouveau nom' })
          .expect(400);
        expect(both.body.message).toMatch(/ne concordent pas/);
        expect(await counts(t)).toEqual(before);
      });

      it('archive and restore refuse a malformed version (400), nothing written', async () => {
        const before = await counts(t);
        const del = await officer('delete', `/api/sites/${site.id}`).set('If-Match', 'v1').expect(400);
        expect(del.body.message).toMatch(/^If-Match : /);
        const restore = await officer('post', `/api/sites/${site.id}/restore`).send({ version: 'un' }).expect(400);
        expect(messagesOf(restore)).toEqual(expect.arrayContaining([expect.stringMatching(/^version : /)]));
        await officer('post', `/api/sites/${site.id}/restore`).send({ version: 1, force: true }).expect(400);
        expect(await counts(t)).toEqual(before);
      });

      it('a malformed id is a 400, an unknown one a 404, on every route', async () => {
        await officer('get', '/api/sites/123').expect(400);
        await officer('patch', '/api/sites/123').send({ version: 1 }).expect(400);
        await officer('delete', '/api/sites/123').expect(400);
        await officer('get', `/api/sites/${UNKNOWN_ID}`).expect(404);
        const res = await officer('patch', `/api/sites/${UNKNOWN_ID}`)
          .send({ version: 1, name: 'Nouveau nom' })
          .expect(404);
        expect(res.body.message).toBe('Terrain de stage introuvable.');
        await officer('delete', `/api/sites/${UNKNOWN_ID}`).expect(404);
        await officer('post', `/api/sites/${UNKNOWN_ID}/restore`).send({}).expect(404);
      });

      it('the list refuses unknown filters and sorts', async () => {
        for (const query of [
          'hasOpenAccessIssues=oui',
          'sort=price:asc',
          'kind=hopital',
          'archived=yes',
          'zonage=XYZ',
          'commune=Melun',
          'epci=123',
          'pageSize=500',
        ]) {
          const res = await officer('get', `/api/sites?${query}`).expect(400);
          expect(messagesOf(res).join(' ')).toMatch(/ : |n’est pas autorisé/);
        }
      });
    });
  });

  describe('editing', () => {
    it('PATCH answers 200 with the new version; capacities and professionals are replaced; history shows before → after', async () => {
      const [a, b] = [
        await insertProfessional(t, { lastName: 'Alpha' }),
        await insertProfessional(t, { lastName: 'Beta', msuStage: 'accredited' }),
      ];
      const site = await createSite({ professionalIds: [a.id], capacities: [{ stageType: 'N1', places: 2 }] });
      const res = await officer('patch', `/api/sites/${site.id}`)
        .send({
          version: 1,
          name: 'MSP renommée',
          capacities: [
            { stageType: 'N1', places: 3 },
            { stageType: 'SASPAS', places: 1 },
          ],
          professionalIds: [b.id],
        })
        .expect(200);
      expect(res.body).toMatchObject({
        version: 2,
        name: 'MSP renommée',
        capacities: [
          { stageType: 'N1', places: 3 },
          { stageType: 'SASPAS', places: 1 },
        ],
        professionals: [{ id: b.id, name: 'Dr Claire Beta', msuStage: 'accredited' }],
        supervisorCount: 1,
      });
      const events = await t.db.getRepository(AuditEvent).find({ where: { entityId: site.id, action: 'updated' } });
      expect(events).toHaveLength(1);
      expect(events[0].changes).toEqual({
        name: { before: site.name, after: 'MSP renommée' },
        capacities: { before: { N1: 2 }, after: { N1: 3, SASPAS: 1 } },
        professionals: { before: ['Dr Claire Alpha'], after: ['Dr Claire Beta'] },
      });
    });

    it('PATCH professionalIds never drops a link silently: one left out ends today in the history, a new one starts today', async () => {
      const [a, b] = [await insertProfessional(t), await insertProfessional(t)];
      const site = await createSite();
      await officer('post', '/api/professional-site-links')
        .send({ professionalId: a.id, siteId: site.id, role: 'partner', startDate: '2024-09-01' })
        .expect(201);
      await officer('patch', `/api/sites/${site.id}`)
        .send({ version: 1, professionalIds: [b.id] })
        .expect(200);
      const links = (await officer('get', `/api/professional-site-links?site=${site.id}`).expect(200)).body as {
        items: ProfessionalSiteLink[];
      };
      const today = todayInFrance();
      expect(links.items.map((l) => [l.professional.id, l.current, l.role, l.startDate, l.endDate])).toEqual([
        [b.id, true, null, today, null],
        [a.id, false, 'partner', '2024-09-01', today],
      ]);
    });

    it('leaves capacities and professionals alone when not given, and accepts If-Match', async () => {
      const pro = await insertProfessional(t);
      const site = await createSite({ professionalIds: [pro.id] });
      const res = await officer('patch', `/api/sites/${site.id}`)
        .set('If-Match', 'W/"1"')
        .send({ notes: 'Parking gratuit' })
        .expect(200);
      expect(res.body).toMatchObject({
        version: 2,
        notes: 'Parking gratuit',
        capacities: site.capacities,
        professionals: site.professionals,
      });
    });

    it('clears optional fields with null', async () => {
      const site = await createSite();
      const res = await officer('patch', `/api/sites/${site.id}`)
        .send({ version: 1, latitude: null, longitude: null, siret: null, distanceToChuKm: null })
        .expect(200);
      expect(res.body).toMatchObject({
        latitude: null,
        longitude: null,
        siret: null,
        hosting: { distanceToChuKm: null },
      });
    });

    it('keeps the search text in step with the name and the commune', async () => {
      const site = await createSite({ name: 'Cabinet Étoile' });
      await officer('patch', `/api/sites/${site.id}`)
        .send({ version: 1, communeCode: '77186', postalCode: '77300' })
        .expect(200);
      const found = await officer('get', '/api/sites?q=etoile fontainebleau').expect(200);
      expect(names(found)).toEqual(['Cabinet Étoile']);
    });

    it('a stale version answers 409 and changes nothing', async () => {
      const site = await createSite();
      await officer('patch', `/api/sites/${site.id}`).send({ version: 1, notes: 'première' }).expect(200);
      const before = await counts(t);
      const res = await officer('patch', `/api/sites/${site.id}`)
        .send({ version: 1, notes: 'écrase', capacities: [] })
        .expect(409);
      expect(res.body).toMatchObject({
        code: 'VERSION_CONFLICT',
        message: expect.stringMatching(/modifié entre-temps/),
      });
      expect(await counts(t)).toEqual(before);
      const now = await officer('get', `/api/sites/${site.id}`).expect(200);
      expect(now.body).toMatchObject({ version: 2, notes: 'première', capacities: site.capacities });
    });

    it('two clients editing from the same version: one 200, one 409, the winner’s data kept whole', async () => {
      const site = await createSite({ capacities: [{ stageType: 'N1', places: 1 }] });
      const edits = [
        { version: 1, notes: 'client A', capacities: [{ stageType: 'N1', places: 4 }] },
        {
          version: 1,
          notes: 'client B',
          capacities: [
            { stageType: 'SAFE', places: 2 },
            { stageType: 'LIBRE', places: 1 },
          ],
        },
      ];
      const responses = await Promise.all(edits.map((body) => officer('patch', `/api/sites/${site.id}`).send(body)));
      expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
      const winner = edits[responses.findIndex((r) => r.status === 200)];
      const now = await officer('get', `/api/sites/${site.id}`).expect(200);
      expect(now.body).toMatchObject({ version: 2, notes: winner.notes, capacities: winner.capacities });
      expect(await t.db.getRepository(AuditEvent).countBy({ entityId: site.id, action: 'updated' })).toBe(1);
    });
  });

  describe('archive and restore', () => {
    it('DELETE archives (204): hidden from the list, shown with archived=true, still readable; restore brings it back', async () => {
      const site = await createSite({ name: 'Cabinet à archiver' });
      await officer('delete', `/api/sites/${site.id}`).expect(204);
      expect(names(await officer('get', '/api/sites?q=archiver').expect(200))).toEqual([]);
      expect(names(await officer('get', '/api/sites?q=archiver&archived=true').expect(200))).toEqual([
        'Cabinet à archiver',
      ]);
      const archived = await officer('get', `/api/sites/${site.id}`).expect(200);
      expect(archived.body).toMatchObject({ version: 2, archivedAt: expect.any(String) });

      const edit = await officer('patch', `/api/sites/${site.id}`).send({ version: 2, notes: 'x' }).expect(409);
      expect(edit.body.message).toMatch(/archivé : restaurez-le/);
      await officer('delete', `/api/sites/${site.id}`).expect(409);

      const restored = await officer('post', `/api/sites/${site.id}/restore`).send({ version: 2 }).expect(200);
      expect(restored.body).toMatchObject({ version: 3, archivedAt: null });
      expect(names(await officer('get', '/api/sites?q=archiver').expect(200))).toEqual(['Cabinet à archiver']);
      const actions = (
        await t.db.getRepository(AuditEvent).find({ where: { entityId: site.id }, order: { occurredAt: 'ASC' } })
      ).map((e) => e.action);
      expect(actions).toEqual(['created', 'archived', 'restored']);
    });

    it('DELETE with a stale If-Match answers 409 and archives nothing', async () => {
      const site = await createSite();
      await officer('patch', `/api/sites/${site.id}`).send({ version: 1, notes: 'v2' }).expect(200);
      await officer('delete', `/api/sites/${site.id}`).set('If-Match', '1').expect(409);
      expect((await officer('get', `/api/sites/${site.id}`).expect(200)).body.archivedAt).toBeNull();
    });
  });
});

describe('/api/sites list: filters, search, sort and paging (real PostgreSQL)', () => {
  let t: TestApp;
  let officer: AuthedAgent;
  let epciOfMelun: string;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.as('mission_officer');
    epciOfMelun = (await t.db.getRepository(Commune).findOneByOrFail({ code: '77288' })).epciSiren as string;
    await t.db.getRepository(CommuneZonage).insert([
      { communeCode: '77288', zonage: 'ZAC', validFrom: '2018-01-01', validTo: '2021-12-31', source: null },
      { communeCode: '77288', zonage: 'ZIP', validFrom: '2022-01-01', validTo: null, source: null },
      { communeCode: '77379', zonage: 'ZAC', validFrom: '2022-01-01', validTo: null, source: null },
    ]);
    const supervisor = await insertProfessional(t, { msuStage: 'active' });
    const sites: Body[] = [
      {
        name: 'Maison de santé de l’Almont',
        communeCode: '77288',
        postalCode: '77000',
        kind: 'msp',
        status: 'active',
        capacities: [{ stageType: 'N1', places: 2 }],
        professionalIds: [supervisor.id],
      },
      {
        name: 'Cabinet Bréau',
        communeCode: '77288',
        postalCode: '77000',
        kind: 'cabinet_groupe',
        status: 'prospect',
        capacities: [{ stageType: 'SASPAS', places: 0 }],
      },
      {
        name: 'Centre de santé Dammarie',
        communeCode: '77152',
        postalCode: '77190',
        kind: 'centre_sante',
        status: 'active',
        capacities: [{ stageType: 'SASPAS', places: 1 }],
      },
      {
        name: 'PMI de Provins',
        communeCode: '77379',
        postalCode: '77160',
        kind: 'pmi',
        status: 'suspended',
        capacities: [{ stageType: 'SAFE', places: 2 }],
      },
      { name: 'Zénith MSP', communeCode: '77186', postalCode: '77300', kind: 'msp', status: 'closed', capacities: [] },
    ];
    for (const body of sites)
      await officer('post', '/api/sites')
        .send(buildSite({ latitude: undefined, longitude: undefined, ...body }))
        .expect(201);
  });
  afterAll(() => t.close());

  const list = async (query: string) => officer('get', `/api/sites?${query}`).expect(200);

  it('lists live sites by name by default, with commune, EPCI, zonage and supervisor count', async () => {
    const res = await list('');
    expect(res.body).toMatchObject({ total: 5, page: 1, pageSize: 25 });
    expect(names(res)).toEqual([
      'Cabinet Bréau',
      'Centre de santé Dammarie',
      'Maison de santé de l’Almont',
      'PMI de Provins',
      'Zénith MSP',
    ]);
    const almont = (res.body.items as SiteSummary[]).find((s) => s.name.includes('Almont'));
    expect(almont).toMatchObject({
      communeName: 'Melun',
      epciName: expect.any(String),
      zonage: 'ZIP',
      supervisorCount: 1,
      openAccessIssues: 0,
    });
  });

  it.each<[string, string[]]>([
    ['commune=77288', ['Cabinet Bréau', 'Maison de santé de l’Almont']],
    ['kind=msp', ['Maison de santé de l’Almont', 'Zénith MSP']],
    ['status=active', ['Centre de santé Dammarie', 'Maison de santé de l’Almont']],
    ['stageType=SASPAS', ['Centre de santé Dammarie']],
    ['stageType=DJ_MG', []],
    ['zonage=ZIP', ['Cabinet Bréau', 'Maison de santé de l’Almont']],
    ['zonage=ZAC', ['PMI de Provins']],
    ['zonage=HZ', []],
    ['q=breau', ['Cabinet Bréau']],
    ['q=SANTÉ', ['Centre de santé Dammarie', 'Maison de santé de l’Almont']],
    ['q=provins', ['PMI de Provins']],
    ['q=melun', ['Cabinet Bréau', 'Maison de santé de l’Almont']],
    ['q=fontainebleau zenith', []],
    ['kind=msp&status=closed', ['Zénith MSP']],
  ])('filters with %s', async (query, expected) => {
    expect(names(await list(query))).toEqual(expected);
  });

  it('filters by EPCI', async () => {
    // Dammarie-les-Lys belongs to the CA Melun Val de Seine too.
    expect(names(await list(`epci=${epciOfMelun}`))).toEqual([
      'Cabinet Bréau',
      'Centre de santé Dammarie',
      'Maison de santé de l’Almont',
    ]);
  });

  it.each<[string, string[]]>([
    [
      'sort=name:desc',
      ['Zénith MSP', 'PMI de Provins', 'Maison de santé de l’Almont', 'Centre de santé Dammarie', 'Cabinet Bréau'],
    ],
    ['sort=commune:asc&kind=msp', ['Zénith MSP', 'Maison de santé de l’Almont']],
  ])('sorts with %s', async (query, expected) => {
    expect(names(await list(query))).toEqual(expected);
  });

  it('sorts by status', async () => {
    const res = await list('sort=status:desc');
    expect((res.body.items as SiteSummary[]).map((s) => s.status)).toEqual([
      'suspended',
      'prospect',
      'closed',
      'active',
      'active',
    ]);
  });

  it('sorts by last update', async () => {
    const res = await list('sort=updatedAt:desc');
    expect(names(res)[0]).toBe('Zénith MSP');
  });

  it('pages in the database', async () => {
    const page2 = await list('pageSize=2&page=2');
    expect(page2.body).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(names(page2)).toEqual(['Maison de santé de l’Almont', 'PMI de Provins']);
    expect(names(await list('pageSize=2&page=4'))).toEqual([]);
  });
});

describe('/api/sites with two départements (77 and 75)', () => {
  let t: TestApp;
  let officer77: AuthedAgent;
  let officer75: AuthedAgent;
  let national: AuthedAgent;
  let site77: SiteRecord;

  beforeAll(async () => {
    t = await startTestApp({ TERRITORY_DEPARTEMENTS: '77,75' });
    await t.app.get(TerritoryLoaderService).load(['77', '75']);
    officer77 = await t.as('mission_officer');
    national = await t.as('admin');
    const token75 = await t.tokenFor('mission_officer', { departementCode: '75' });
    officer75 = (method, path) => t.http()[method](path).set('Authorization', `Bearer ${token75}`);
    site77 = (
      await officer77('post', '/api/sites')
        .send(buildSite({ name: 'MSP de Melun' }))
        .expect(201)
    ).body as SiteRecord;
  });
  afterAll(() => t.close());

  it('a user of the 75 never sees the sites of the 77', async () => {
    const res = await officer75('get', '/api/sites').expect(200);
    expect(res.body.total).toBe(0);
    expect((await officer75('get', '/api/sites?q=melun').expect(200)).body.total).toBe(0);
    await officer75('get', `/api/sites/${site77.id}`).expect(404);
  });

  it('nor edits, archives or restores them (404), and nothing changes', async () => {
    await officer75('patch', `/api/sites/${site77.id}`).send({ version: 1, name: 'Piraté' }).expect(404);
    await officer75('delete', `/api/sites/${site77.id}`).expect(404);
    await officer75('post', `/api/sites/${site77.id}/restore`).send({}).expect(404);
    const now = await officer77('get', `/api/sites/${site77.id}`).expect(200);
    expect(now.body).toMatchObject({ version: 1, name: 'MSP de Melun', archivedAt: null });
  });

  it('may not create a site in a commune of the 77 (400), but may in Paris', async () => {
    const before = await t.db.getRepository(TrainingSite).count();
    const res = await officer75('post', '/api/sites').send(buildSite()).expect(400);
    expect(res.body.message).toBe('communeCode : la commune Melun (77288) n’est pas dans votre département.');
    expect(await t.db.getRepository(TrainingSite).count()).toBe(before);
    const paris = await officer75('post', '/api/sites')
      .send(
        buildSite({
          name: 'Centre de santé Paris 12',
          communeCode: '75056',
          postalCode: '75012',
          latitude: 48.84,
          longitude: 2.39,
        }),
      )
      .expect(201);
    expect(paris.body).toMatchObject({ departementCode: '75', communeName: 'Paris' });
  });

  it('may not link a professional of the 77 to a site of the 75', async () => {
    const pro77 = await insertProfessional(t);
    const res = await officer75('post', '/api/sites')
      .send(
        buildSite({
          communeCode: '75056',
          postalCode: '75001',
          latitude: 48.86,
          longitude: 2.34,
          professionalIds: [pro77.id],
        }),
      )
      .expect(400);
    expect(res.body.message).toMatch(/professionalIds : professionnel introuvable dans le département/);
  });

  it('a national admin sees both but writes neither, and a site cannot move to another département', async () => {
    const res = await national('get', '/api/sites?sort=name:asc').expect(200);
    expect((res.body.items as SiteSummary[]).map((s) => s.departementCode).sort()).toEqual(['75', '77']);
    await national('patch', `/api/sites/${site77.id}`).send({ version: 1, communeCode: '75056' }).expect(403);
    const move = await officer77('patch', `/api/sites/${site77.id}`)
      .send({ version: 1, communeCode: '75056' })
      .expect(400);
    expect(move.body.message).toMatch(/la commune Paris \(75056\) n’est pas dans votre département/);
    expect((await officer77('get', `/api/sites/${site77.id}`).expect(200)).body).toMatchObject({ version: 1 });
  });
});
