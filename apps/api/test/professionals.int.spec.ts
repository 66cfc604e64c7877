import {
  hasPermission,
  isValidRpps,
  type MsuPipeline,
  type MsuStageEventView,
  type Page,
  type ProfessionalDetail,
  type ProfessionalSiteLink,
  type ProfessionalSummary,
  ROLES,
  rolesWith,
  todayInFrance,
} from '@maillage/shared/domain';
import type { Response } from 'supertest';

import { AuditEvent } from '../src/common/audit/audit-event.entity';
import { MsuStageEvent } from '../src/professionals/msu-stage-event.entity';
import { ProfessionalSite } from '../src/professionals/professional-site.entity';
import { Professional } from '../src/professionals/professional.entity';
import { TrainingSession } from '../src/professionals/training-session.entity';
import { TrainingSite } from '../src/sites/training-site.entity';
import { TerritoryLoaderService } from '../src/territory/territory-loader.service';
import { type AuthedAgent, type Method, startTestApp, type TestApp } from './test-app';

// ---------------------------------------------------------------- factories

let sequence = 0;
const next = () => (sequence += 1);

/** A Luhn-valid RPPS number, different at each call. */
export function nextRpps(): string {
  const payload = `1${String(next() + 1000).padStart(9, '0')}`;
  for (let d = 0; d <= 9; d++) if (isValidRpps(`${payload}${d}`)) return `${payload}${d}`;
  throw new Error('unreachable');
}
/** A number of 11 digits whose check digit is wrong. */
const badChecksum = (rpps: string) => `${rpps.slice(0, 10)}${(Number(rpps[10]) + 1) % 10}`;

type Body = Record<string, unknown>;

function buildProfessional(overrides: Body = {}): Body {
  const n = next();
  return {
    civility: 'DR',
    firstName: `Prénom${n}`,
    lastName: `Nom${n}`,
    rpps: nextRpps(),
    specialty: 'Médecine générale',
    ...overrides,
  };
}

async function insertSite(t: TestApp, overrides: Partial<TrainingSite> = {}): Promise<TrainingSite> {
  const repo = t.db.getRepository(TrainingSite);
  const name = overrides.name ?? `Cabinet ${next()}`;
  return repo.save(
    repo.create({
      departementCode: '77',
      name,
      kind: 'cabinet_groupe',
      addressLine1: '1 rue de la Gare',
      postalCode: '77000',
      communeCode: '77288',
      searchText: name.toLowerCase(),
      archivedAt: null,
      ...overrides,
    }),
  );
}

const daysAgo = (days: number) => {
  const d = new Date(`${todayInFrance()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
};
const tomorrow = () => daysAgo(-1);

const messagesOf = (res: Response): string[] => [res.body.message].flat();
const READERS = rolesWith('professionals.read');
const NON_READERS = ROLES.filter((r) => !hasPermission(r, 'professionals.read'));
const EDITORS = rolesWith('professionals.write');
const NON_EDITORS = ROLES.filter((r) => !hasPermission(r, 'professionals.write'));
const UNKNOWN_ID = '7f1e5a5c-2b1e-4c1a-9a3e-000000000000';

async function counts(t: TestApp) {
  return {
    professionals: await t.db.getRepository(Professional).count(),
    events: await t.db.getRepository(MsuStageEvent).count(),
    sessions: await t.db.getRepository(TrainingSession).count(),
    links: await t.db.getRepository(ProfessionalSite).count(),
    audit: await t.db.getRepository(AuditEvent).count(),
  };
}

describe('/api/professionals (real PostgreSQL)', () => {
  let t: TestApp;
  let officer: AuthedAgent;
  let admin: AuthedAgent;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.as('mission_officer');
    admin = await t.as('admin');
  });
  afterAll(() => t.close());

  async function create(overrides: Body = {}): Promise<ProfessionalDetail> {
    return (await officer('post', '/api/professionals').send(buildProfessional(overrides)).expect(201))
      .body as ProfessionalDetail;
  }
  const stored = (id: string) => t.db.getRepository(Professional).findOneByOrFail({ id });
  const eventsOf = async (id: string) =>
    ((await officer('get', `/api/professionals/${id}/stage-events`).expect(200)).body as Page<MsuStageEventView>).items;
  const auditOf = (id: string) =>
    t.db
      .getRepository(AuditEvent)
      .find({ where: { entityType: 'professional', entityId: id }, order: { occurredAt: 'ASC' } });

  describe('permissions', () => {
    let target: ProfessionalDetail;

    beforeAll(async () => {
      target = await create();
    });

    const READ_ROUTES: [string, (id: string) => string][] = [
      ['list', () => '/api/professionals'],
      ['pipeline', () => '/api/professionals/pipeline'],
      ['detail', (id) => `/api/professionals/${id}`],
      ['stage history', (id) => `/api/professionals/${id}/stage-events`],
      ['training sessions', (id) => `/api/professionals/${id}/training-sessions`],
    ];
    const WRITE_ROUTES: {
      name: string;
      method: Method;
      path: (id: string) => string;
      body: () => Body;
      status: number;
    }[] = [
      {
        name: 'create',
        method: 'post',
        path: () => '/api/professionals',
        body: () => buildProfessional({ departementCode: '77' }),
        status: 201,
      },
      {
        name: 'patch',
        method: 'patch',
        path: (id) => `/api/professionals/${id}`,
        body: () => ({ version: 1, notes: 'Modifié' }),
        status: 200,
      },
      {
        name: 'stage',
        method: 'post',
        path: (id) => `/api/professionals/${id}/stage`,
        body: () => ({ version: 1, toStage: 'contacted', date: todayInFrance() }),
        status: 201,
      },
      {
        name: 'training',
        method: 'post',
        path: (id) => `/api/professionals/${id}/training-sessions`,
        body: () => ({ date: todayInFrance(), hours: 3, title: 'Séminaire' }),
        status: 201,
      },
      {
        name: 'archive',
        method: 'delete',
        path: (id) => `/api/professionals/${id}`,
        body: () => ({ version: 1 }),
        status: 204,
      },
    ];

    it.each(READERS.flatMap((role) => READ_ROUTES.map(([name, path]) => [role, name, path] as const)))(
      '%s reads the %s',
      async (role, _name, path) => {
        const as = await t.as(role);
        await as('get', path(target.id)).expect(200);
      },
    );

    it.each(NON_READERS.flatMap((role) => READ_ROUTES.map(([name, path]) => [role, name, path] as const)))(
      '%s may not read the %s: 403',
      async (role, _name, path) => {
        const as = await t.as(role);
        await as('get', path(target.id)).expect(403);
      },
    );

    it.each(NON_EDITORS.flatMap((role) => WRITE_ROUTES.map((route) => [role, route.name, route] as const)))(
      '%s gets 403 on %s, and nothing is written',
      async (role, _name, route) => {
        const as = await t.as(role);
        const before = await counts(t);
        const res = await as(route.method, route.path(target.id)).send(route.body()).expect(403);
        expect(res.body).toMatchObject({ statusCode: 403, message: 'Vous n’avez pas le droit de faire cette action.' });
        expect(await counts(t)).toEqual(before);
        expect(await stored(target.id)).toMatchObject({
          version: 1,
          msuStage: 'identified',
          notes: null,
          archivedAt: null,
        });
      },
    );

    it.each(EDITORS.flatMap((role) => WRITE_ROUTES.map((route) => [role, route.name, route] as const)))(
      '%s may %s',
      async (role, _name, route) => {
        const as = await t.as(role);
        const own = await create();
        await as(route.method, route.path(own.id)).send(route.body()).expect(route.status);
      },
    );

    it.each([
      ...READ_ROUTES.map(([name, path]) => [name, 'get', path] as const),
      ...WRITE_ROUTES.map((r) => [r.name, r.method, r.path] as const),
    ])('without a token, %s gets 401', async (_name, method, path) => {
      const res = await t.http()[method](path(target.id)).send({}).expect(401);
      expect(res.body.message).toBe('Authentification requise.');
    });

    it('answers 400 for an id that is not a uuid and 404 for an unknown one', async () => {
      expect((await officer('get', '/api/professionals/42').expect(400)).body.message).toBe(
        'id : identifiant invalide (uuid attendu).',
      );
      await officer('get', `/api/professionals/${UNKNOWN_ID}`).expect(404);
      await officer('patch', `/api/professionals/${UNKNOWN_ID}`).send({ version: 1, notes: 'x' }).expect(404);
      await officer('post', `/api/professionals/${UNKNOWN_ID}/stage`)
        .send({ version: 1, toStage: 'contacted', date: todayInFrance() })
        .expect(404);
    });

    it('a national administrator reads but does not create a professional, whatever the département', async () => {
      const before = await counts(t);
      await admin('post', '/api/professionals').send(buildProfessional()).expect(403);
      await admin('post', '/api/professionals')
        .send(buildProfessional({ departementCode: '77' }))
        .expect(403);
      expect(await counts(t)).toEqual(before);
      await admin('get', `/api/professionals/${target.id}`).expect(200);
    });
  });

  describe('creation', () => {
    it('creates with sites, enters the pipeline with an event, and audits', async () => {
      const site = await insertSite(t, { name: 'MSP des Lilas', communeCode: '77186' });
      const body = buildProfessional({
        firstName: ' Élise ',
        lastName: 'Durand',
        practiceMode: 'liberal',
        firstInstallationYear: 2012,
        siteIds: [site.id],
        contactConsent: true,
      });
      const res = await officer('post', '/api/professionals').send(body).expect(201);
      const p = res.body as ProfessionalDetail;
      expect(p).toMatchObject({
        id: expect.any(String),
        version: 1,
        departementCode: '77',
        firstName: 'Élise',
        lastName: 'Durand',
        rpps: body['rpps'],
        profession: 'Médecin',
        msuStage: 'identified',
        msuStageSince: todayInFrance(),
        isSupervisor: false,
        contactConsent: true,
        sites: [{ id: site.id, name: 'MSP des Lilas', communeCode: '77186', communeName: 'Fontainebleau' }],
        training: { hours: 0, remaining: 21, targetHours: 21, targetYears: 5 },
      });
      expect(await eventsOf(p.id)).toEqual([
        expect.objectContaining({ fromStage: null, toStage: 'identified', occurredOn: todayInFrance() }),
      ]);
      const [event] = await auditOf(p.id);
      expect(event).toMatchObject({ action: 'created', departementCode: '77' });
      expect(event.changes['siteIds']).toEqual({ before: null, after: [site.id] });
      expect((await stored(p.id)).searchText).toBe(`durand elise ${body['rpps']}`);
    });

    it('may enter the pipeline at a later stage, with its date', async () => {
      const p = await create({ msuStage: 'active', msuStageSince: '2021-09-01' });
      expect(p).toMatchObject({ msuStage: 'active', msuStageSince: '2021-09-01', isSupervisor: true });
      expect(await eventsOf(p.id)).toEqual([
        expect.objectContaining({ fromStage: null, toStage: 'active', occurredOn: '2021-09-01' }),
      ]);
    });

    it.each<[string, (site: TrainingSite) => Body, (string | RegExp)[]]>([
      ['missing names', () => ({}), ['firstName : le prénom est obligatoire.', 'lastName : le nom est obligatoire.']],
      [
        'wrong types',
        () =>
          buildProfessional({
            firstName: 42,
            contactConsent: 'oui',
            firstInstallationYear: '2010',
            siteIds: 'abc',
            civility: 'Mlle',
          }),
        [
          'firstName : le prénom est obligatoire.',
          'contactConsent : true ou false.',
          /^firstInstallationYear : année entre 1950/,
          'siteIds : liste d’identifiants de sites attendue.',
          /^civility : valeurs possibles M, MME, DR/,
        ],
      ],
      ['an unknown field', () => buildProfessional({ isMsu: true }), ['Le champ « isMsu » n’est pas autorisé.']],
      [
        'the search text',
        () => buildProfessional({ searchText: 'x' }),
        ['Le champ « searchText » n’est pas autorisé.'],
      ],
      [
        'an RPPS with a bad check digit',
        () => buildProfessional({ rpps: badChecksum(nextRpps()) }),
        ['rpps : numéro RPPS invalide (11 chiffres, clé de contrôle comprise).'],
      ],
      [
        'an RPPS of 10 digits',
        () => buildProfessional({ rpps: '1000338273' }),
        ['rpps : numéro RPPS invalide (11 chiffres, clé de contrôle comprise).'],
      ],
      [
        'an RPPS as a number',
        () => buildProfessional({ rpps: 10003382731 }),
        ['rpps : numéro RPPS invalide (11 chiffres, clé de contrôle comprise).'],
      ],
      [
        'an installation year before 1950',
        () => buildProfessional({ firstInstallationYear: 1949 }),
        [/^firstInstallationYear : année entre 1950/],
      ],
      [
        'an installation year in the future',
        () => buildProfessional({ firstInstallationYear: new Date().getFullYear() + 1 }),
        [/^firstInstallationYear/],
      ],
      ['an invalid email', () => buildProfessional({ email: 'dr.durand@' }), ['email : adresse e-mail invalide.']],
      [
        'an unknown site',
        () => buildProfessional({ siteIds: [UNKNOWN_ID] }),
        [/^siteIds : site inconnu, archivé ou d’un autre département/],
      ],
      [
        'a site id that is not a uuid',
        () => buildProfessional({ siteIds: ['site-1'] }),
        ['siteIds : identifiant de site invalide (uuid attendu).'],
      ],
      [
        'the same site twice',
        (site) => buildProfessional({ siteIds: [site.id, site.id] }),
        ['siteIds : un site apparaît deux fois.'],
      ],
      [
        'a stage date in the future',
        () => buildProfessional({ msuStageSince: tomorrow() }),
        ['msuStageSince : la date ne peut pas être dans le futur.'],
      ],
      [
        'an unknown stage',
        () => buildProfessional({ msuStage: 'candidate' }),
        [/^msuStage : valeurs possibles identified/],
      ],
      [
        'a training date as text',
        () => buildProfessional({ initialTrainingDate: '12/03/2020' }),
        ['initialTrainingDate : date attendue au format AAAA-MM-JJ.'],
      ],
    ])('refuses %s with 400 and a clear message, and writes nothing', async (_, body, expected) => {
      const site = await insertSite(t);
      const before = await counts(t);
      const res = await officer('post', '/api/professionals').send(body(site)).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      const messages = messagesOf(res);
      for (const m of expected) expect(messages).toContainEqual(typeof m === 'string' ? m : expect.stringMatching(m));
      expect(JSON.stringify(res.body)).not.toMatch(/QueryFailed|SELECT|INSERT|constraint|stack/i);
      expect(await counts(t)).toEqual(before);
    });

    it('refuses an archived site, with 400', async () => {
      const site = await insertSite(t, { archivedAt: new Date() });
      const before = await counts(t);
      const res = await officer('post', '/api/professionals')
        .send(buildProfessional({ siteIds: [site.id] }))
        .expect(400);
      expect(messagesOf(res)[0]).toMatch(/^siteIds : site inconnu, archivé/);
      expect(await counts(t)).toEqual(before);
    });

    it('refuses a duplicate live RPPS with 409, and accepts it again once the first is archived', async () => {
      const rpps = nextRpps();
      const first = await create({ rpps });
      const before = await counts(t);
      const dup = await officer('post', '/api/professionals').send(buildProfessional({ rpps })).expect(409);
      expect(dup.body).toMatchObject({
        statusCode: 409,
        code: 'DUPLICATE',
        message: 'Un professionnel avec ce numéro RPPS existe déjà.',
      });
      expect(await counts(t)).toEqual(before);

      await officer('delete', `/api/professionals/${first.id}`).send({ version: 1 }).expect(204);
      const second = await create({ rpps });
      expect(second.rpps).toBe(rpps);
      // Restoring the first would make two live records with one RPPS.
      const restore = await officer('post', `/api/professionals/${first.id}/restore`).send({ version: 2 }).expect(409);
      expect(restore.body).toMatchObject({
        code: 'DUPLICATE',
        message: 'Un professionnel avec ce numéro RPPS existe déjà.',
      });
      expect(await stored(first.id)).toMatchObject({ version: 2, archivedAt: expect.any(Date) });
    });

    it('two simultaneous creations with one RPPS: one 201, one 409 with the same message', async () => {
      const rpps = nextRpps();
      const results = await Promise.all(
        [1, 2].map(() => officer('post', '/api/professionals').send(buildProfessional({ rpps }))),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(results.find((r) => r.status === 409)?.body.message).toBe(
        'Un professionnel avec ce numéro RPPS existe déjà.',
      );
      expect(await t.db.getRepository(Professional).countBy({ rpps })).toBe(1);
    });
  });

  describe('updates and optimistic locking', () => {
    it('PATCH with the version in the body answers 200 with the next version, and audits the changed fields', async () => {
      const site = await insertSite(t);
      const p = await create({ lastName: 'Martin', firstName: 'Paul' });
      const res = await officer('patch', `/api/professionals/${p.id}`)
        .send({ version: 1, lastName: 'Martin-Lefèvre', siteIds: [site.id], practiceMode: 'salarie' })
        .expect(200);
      expect(res.body).toMatchObject({
        version: 2,
        lastName: 'Martin-Lefèvre',
        practiceMode: 'salarie',
        sites: [{ id: site.id }],
      });
      expect(res.headers['etag']).toBe('"2"');
      const [, updated] = await auditOf(p.id);
      expect(updated.action).toBe('updated');
      expect(updated.changes).toEqual({
        lastName: { before: 'Martin', after: 'Martin-Lefèvre' },
        practiceMode: { before: null, after: 'salarie' },
        siteIds: { before: [], after: [site.id] },
      });
      expect((await stored(p.id)).searchText).toMatch(/^martin lefevre paul/);
    });

    it('PATCH siteIds never overwrites links silently: a link left out ends today in the history, a new one starts today', async () => {
      const [siteA, siteB] = [await insertSite(t), await insertSite(t)];
      const p = await create();
      await officer('post', '/api/professional-site-links')
        .send({ professionalId: p.id, siteId: siteA.id, role: 'partner', startDate: '2024-09-01' })
        .expect(201);
      const res = await officer('patch', `/api/professionals/${p.id}`)
        .send({ version: 1, siteIds: [siteB.id] })
        .expect(200);
      expect(res.body.sites).toEqual([expect.objectContaining({ id: siteB.id })]);
      const links = (await officer('get', `/api/professional-site-links?professional=${p.id}`).expect(200)).body as {
        items: ProfessionalSiteLink[];
      };
      const today = todayInFrance();
      expect(links.items.map((l) => [l.site.id, l.current, l.role, l.startDate, l.endDate])).toEqual([
        [siteB.id, true, null, today, null],
        [siteA.id, false, 'partner', '2024-09-01', today],
      ]);
    });

    it('accepts the version in If-Match (as the ETag of the detail)', async () => {
      const p = await create();
      const read = await officer('get', `/api/professionals/${p.id}`).expect(200);
      expect(read.headers['etag']).toBe('"1"');
      const res = await officer('patch', `/api/professionals/${p.id}`)
        .set('If-Match', read.headers['etag'] as string)
        .send({ notes: 'Par If-Match' })
        .expect(200);
      expect(res.body).toMatchObject({ version: 2, notes: 'Par If-Match' });
      await officer('patch', `/api/professionals/${p.id}`).set('If-Match', '"1"').send({ notes: 'Périmé' }).expect(409);
      await officer('delete', `/api/professionals/${p.id}`).set('If-Match', '"2"').expect(204);
    });

    it('PATCH with a stale version answers 409 and leaves the row unchanged', async () => {
      const p = await create({ notes: 'Un' });
      await officer('patch', `/api/professionals/${p.id}`).send({ version: 1, notes: 'Deux' }).expect(200);
      const before = await counts(t);
      const stale = await officer('patch', `/api/professionals/${p.id}`)
        .send({ version: 1, notes: 'Écrasement', specialty: 'Pédiatrie' })
        .expect(409);
      expect(stale.body).toMatchObject({
        code: 'VERSION_CONFLICT',
        message: expect.stringMatching(/modifié entre-temps/),
      });
      expect(await stored(p.id)).toMatchObject({ notes: 'Deux', specialty: 'Médecine générale', version: 2 });
      expect(await counts(t)).toEqual(before);
    });

    it('two concurrent PATCHes from one version: one 200, one 409, the winner’s change stays', async () => {
      const p = await create();
      const results = await Promise.all(
        ['Gagnant A', 'Gagnant B'].map((notes) =>
          officer('patch', `/api/professionals/${p.id}`).send({ version: 1, notes }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const winner = results.find((r) => r.status === 200) as Response;
      expect(await stored(p.id)).toMatchObject({ notes: winner.body.notes, version: 2 });
      expect((await auditOf(p.id)).map((e) => e.action)).toEqual(['created', 'updated']);
    });

    it.each<[string, Body, string]>([
      [
        'without any version',
        { notes: 'x' },
        'version : la version lue est obligatoire (nombre entier, dans le corps ou l’en-tête If-Match).',
      ],
      ['moving the stage', { version: 1, msuStage: 'active' }, 'Le champ « msuStage » n’est pas autorisé.'],
      [
        'changing the département',
        { version: 1, departementCode: '75' },
        'Le champ « departementCode » n’est pas autorisé.',
      ],
      ['erasing the last name', { version: 1, lastName: null }, 'lastName : le nom est obligatoire.'],
      ['erasing the consent flag', { version: 1, contactConsent: null }, 'contactConsent : true ou false.'],
      ['erasing the profession', { version: 1, profession: null }, 'profession : texte attendu.'],
      [
        'erasing the sites with null',
        { version: 1, siteIds: null },
        'siteIds : liste d’identifiants de sites attendue.',
      ],
      [
        'an invalid RPPS',
        { version: 1, rpps: '12345678901' },
        'rpps : numéro RPPS invalide (11 chiffres, clé de contrôle comprise).',
      ],
      [
        'a version as text',
        { version: 'v1', notes: 'x' },
        'version : la version lue est obligatoire (nombre entier, dans le corps ou l’en-tête If-Match).',
      ],
    ])('PATCH %s answers 400 and changes nothing', async (_, body, message) => {
      const p = await create({ notes: 'Intact' });
      const res = await officer('patch', `/api/professionals/${p.id}`).send(body).expect(400);
      expect(messagesOf(res)).toContain(message);
      expect(await stored(p.id)).toMatchObject({ notes: 'Intact', version: 1, msuStage: 'identified' });
    });

    it('PATCH to an RPPS held by another live professional answers 409', async () => {
      const a = await create();
      const b = await create();
      const res = await officer('patch', `/api/professionals/${b.id}`).send({ version: 1, rpps: a.rpps }).expect(409);
      expect(res.body.code).toBe('DUPLICATE');
      expect(await stored(b.id)).toMatchObject({ rpps: b.rpps, version: 1 });
    });

    it('archives and restores, each audited; an archived professional cannot be edited', async () => {
      const p = await create();
      await officer('delete', `/api/professionals/${p.id}`).send({ version: 1 }).expect(204);
      const detail = (await officer('get', `/api/professionals/${p.id}`).expect(200)).body as ProfessionalDetail;
      expect(detail).toMatchObject({ version: 2, archivedAt: expect.any(String) });
      const edit = await officer('patch', `/api/professionals/${p.id}`).send({ version: 2, notes: 'x' }).expect(409);
      expect(edit.body.message).toBe('Ce professionnel est archivé : restaurez-le avant de le modifier.');
      await officer('delete', `/api/professionals/${p.id}`).send({ version: 2 }).expect(409);
      const restored = await officer('post', `/api/professionals/${p.id}/restore`).send({ version: 2 }).expect(201);
      expect(restored.body).toMatchObject({ version: 3, archivedAt: null });
      expect((await auditOf(p.id)).map((e) => e.action)).toEqual(['created', 'archived', 'restored']);
    });
  });

  describe('MSU pipeline moves', () => {
    const move = (id: string, body: Body) => officer('post', `/api/professionals/${id}/stage`).send(body);

    it('moves through legal stages, keeps the history in order, writes one event and one audit entry per move', async () => {
      const p = await create({ msuStageSince: daysAgo(30) });
      const steps: [string, string][] = [
        ['contacted', daysAgo(20)],
        ['interested', daysAgo(10)],
        ['in_training', daysAgo(10)],
        ['accredited', todayInFrance()],
      ];
      let version = 1;
      for (const [toStage, date] of steps) {
        const res = await move(p.id, { version, toStage, date, note: `Vers ${toStage}` }).expect(201);
        version += 1;
        expect(res.body).toMatchObject({ msuStage: toStage, msuStageSince: date, version });
      }
      const events = await eventsOf(p.id);
      expect(events.map((e) => [e.fromStage, e.toStage, e.occurredOn, e.note])).toEqual([
        [null, 'identified', daysAgo(30), 'Entrée dans le registre'],
        ['identified', 'contacted', daysAgo(20), 'Vers contacted'],
        ['contacted', 'interested', daysAgo(10), 'Vers interested'],
        ['interested', 'in_training', daysAgo(10), 'Vers in_training'],
        ['in_training', 'accredited', todayInFrance(), 'Vers accredited'],
      ]);
      const audit = await auditOf(p.id);
      expect(audit.map((e) => e.action)).toEqual([
        'created',
        'stage_changed',
        'stage_changed',
        'stage_changed',
        'stage_changed',
      ]);
      expect(audit[4].changes).toEqual({
        msuStage: { before: 'in_training', after: 'accredited' },
        msuStageSince: { before: daysAgo(10), after: todayInFrance() },
      });
      expect((await officer('get', `/api/professionals/${p.id}`).expect(200)).body).toMatchObject({
        isSupervisor: true,
      });
    });

    it('a back move corrects a mistake; from an exit only identified or contacted are allowed', async () => {
      const p = await create({ msuStage: 'interested', msuStageSince: daysAgo(5) });
      await move(p.id, { version: 1, toStage: 'contacted', date: daysAgo(4) }).expect(201);
      await move(p.id, {
        version: 2,
        toStage: 'declined',
        date: daysAgo(3),
        note: 'Pas disponible cette année',
      }).expect(201);
      const before = await counts(t);
      const illegal = await move(p.id, { version: 3, toStage: 'active', date: daysAgo(2) }).expect(409);
      expect(illegal.body).toMatchObject({
        code: 'INVALID_STATE',
        message: expect.stringMatching(/^Passage impossible de l’étape « A décliné » à « MSU actif »/),
      });
      expect(await counts(t)).toEqual(before);
      expect(await stored(p.id)).toMatchObject({ msuStage: 'declined', version: 3 });
      await move(p.id, { version: 3, toStage: 'contacted', date: daysAgo(1) }).expect(201);
    });

    it.each<[string, (since: string) => Body, number, string | RegExp]>([
      [
        'to the same stage',
        () => ({ version: 1, toStage: 'identified', date: todayInFrance() }),
        409,
        'Ce professionnel est déjà à l’étape « Identifié ».',
      ],
      [
        'with a date in the future',
        () => ({ version: 1, toStage: 'contacted', date: tomorrow() }),
        400,
        'date : la date ne peut pas être dans le futur.',
      ],
      [
        'with a date before the current stage',
        (since) => ({ version: 1, toStage: 'contacted', date: since.replace(/^\d{4}/, (y) => String(Number(y) - 1)) }),
        400,
        /^date : ne peut pas précéder le début de l’étape actuelle/,
      ],
      [
        'without a date',
        () => ({ version: 1, toStage: 'contacted' }),
        400,
        'date : date attendue au format AAAA-MM-JJ.',
      ],
      [
        'to an unknown stage',
        () => ({ version: 1, toStage: 'msu', date: todayInFrance() }),
        400,
        /^toStage : valeurs possibles/,
      ],
      [
        'with an unknown field',
        () => ({ version: 1, toStage: 'contacted', date: todayInFrance(), by: 'moi' }),
        400,
        'Le champ « by » n’est pas autorisé.',
      ],
      [
        'with a stale version',
        () => ({ version: 2, toStage: 'contacted', date: todayInFrance() }),
        409,
        /modifié entre-temps/,
      ],
    ])('a move %s is refused and writes nothing', async (_, body, status, message) => {
      const p = await create();
      const before = await counts(t);
      const res = await move(p.id, body(p.msuStageSince)).expect(status);
      expect(messagesOf(res)).toContainEqual(typeof message === 'string' ? message : expect.stringMatching(message));
      expect(await counts(t)).toEqual(before);
      expect(await stored(p.id)).toMatchObject({ msuStage: 'identified', version: 1 });
    });
  });

  describe('continuing training', () => {
    it('adds sessions and shows progress over the rolling window in the detail', async () => {
      const p = await create();
      for (const [date, hours] of [
        [daysAgo(6 * 365), 10],
        [daysAgo(400), 7],
        [daysAgo(30), 3.5],
      ] as const) {
        await officer('post', `/api/professionals/${p.id}/training-sessions`)
          .send({ date, hours, title: 'Formation MSU' })
          .expect(201);
      }
      const detail = (await officer('get', `/api/professionals/${p.id}`).expect(200)).body as ProfessionalDetail;
      expect(detail.training).toMatchObject({ hours: 10.5, remaining: 10.5, targetHours: 21, targetYears: 5 });
      const list = (await officer('get', `/api/professionals/${p.id}/training-sessions`).expect(200)).body as Page<{
        date: string;
        hours: number;
      }>;
      expect(list.items.map((s) => s.hours)).toEqual([3.5, 7, 10]);
      expect((await auditOf(p.id)).filter((e) => e.action === 'training_session_added')).toHaveLength(3);
    });

    it.each<[string, Body, string]>([
      ['zero hours', { date: daysAgo(1), hours: 0, title: 'Atelier' }, 'hours : 0,5 heure au moins.'],
      [
        'hours as text',
        { date: daysAgo(1), hours: '3', title: 'Atelier' },
        'hours : nombre d’heures attendu (une décimale au plus).',
      ],
      [
        'a future date',
        { date: tomorrow(), hours: 3, title: 'Atelier' },
        'date : la date ne peut pas être dans le futur.',
      ],
      ['no title', { date: daysAgo(1), hours: 3 }, 'title : l’intitulé est obligatoire.'],
    ])('refuses %s with 400 and writes nothing', async (_, body, message) => {
      const p = await create();
      const before = await counts(t);
      const res = await officer('post', `/api/professionals/${p.id}/training-sessions`).send(body).expect(400);
      expect(messagesOf(res)).toContain(message);
      expect(await counts(t)).toEqual(before);
    });
  });

  describe('list and pipeline', () => {
    const TAG = 'Spécialité de liste';
    const ids: Record<string, string> = {};
    let siteMelun: TrainingSite;
    let siteMeaux: TrainingSite;

    beforeAll(async () => {
      siteMelun = await insertSite(t, { communeCode: '77288' });
      siteMeaux = await insertSite(t, { communeCode: '77284' });
      const people: [string, Body][] = [
        [
          'berenger',
          {
            lastName: 'Bérenger',
            msuStage: 'active',
            msuStageSince: daysAgo(300),
            siteIds: [siteMelun.id],
            practiceMode: 'liberal',
          },
        ],
        [
          'adam',
          {
            lastName: 'Adam',
            msuStage: 'accredited',
            msuStageSince: daysAgo(100),
            siteIds: [siteMelun.id, siteMeaux.id],
          },
        ],
        [
          'ecuyer',
          {
            lastName: 'Écuyer',
            msuStage: 'identified',
            msuStageSince: daysAgo(50),
            siteIds: [siteMeaux.id],
            practiceMode: 'salarie',
          },
        ],
        ['dupont', { lastName: 'Dupont', msuStage: 'interested', msuStageSince: daysAgo(20) }],
        ['coste', { lastName: 'Coste', msuStage: 'identified', msuStageSince: daysAgo(10) }],
      ];
      for (const [key, body] of people) ids[key] = (await create({ ...body, specialty: TAG })).id;
      const archived = await create({ lastName: 'Archivé', specialty: TAG });
      ids['archive'] = archived.id;
      await officer('delete', `/api/professionals/${archived.id}`).send({ version: 1 }).expect(204);
    });

    const names = async (query: string) => {
      const res = await officer('get', `/api/professionals?specialty=${encodeURIComponent(TAG)}&${query}`).expect(200);
      const page = res.body as Page<ProfessionalSummary>;
      return page.items.map((p) => Object.keys(ids).find((k) => ids[k] === p.id));
    };

    it.each([
      ['', ['adam', 'berenger', 'coste', 'dupont', 'ecuyer']],
      ['msuStage=identified&msuStage=active', ['berenger', 'coste', 'ecuyer']],
      ['msuStage=identified,interested', ['coste', 'dupont', 'ecuyer']],
      ['supervisor=true', ['adam', 'berenger']],
      ['supervisor=false', ['coste', 'dupont', 'ecuyer']],
      ['commune=77284', ['adam', 'ecuyer']],
      ['practiceMode=salarie', ['ecuyer']],
      ['archived=true', ['archive']],
      ['q=ECUYER', ['ecuyer']],
      ['q=bérenger', ['berenger']],
      ['msuStage=active,accredited,interested&sort=msuStage:desc', ['berenger', 'adam', 'dupont']],
      ['sort=msuStageSince:desc', ['coste', 'dupont', 'ecuyer', 'adam', 'berenger']],
      ['sort=lastName:desc&pageSize=2&page=2', ['coste', 'berenger']],
    ])('?%s', async (query, expected) => {
      expect(await names(query)).toEqual(expected);
    });

    it('filters by site and searches the RPPS; total counts every match, not the page', async () => {
      expect(await names(`site=${siteMelun.id}`)).toEqual(['adam', 'berenger']);
      const rpps = (await stored(ids['dupont'])).rpps as string;
      expect(await names(`q=${rpps}`)).toEqual(['dupont']);
      const page = (
        await officer('get', `/api/professionals?specialty=${encodeURIComponent(TAG)}&pageSize=2`).expect(200)
      ).body as Page<ProfessionalSummary>;
      expect(page).toMatchObject({ total: 5, page: 1, pageSize: 2 });
      const adam = page.items[0];
      expect(adam.sites.map((s) => s.communeName).sort()).toEqual(['Meaux', 'Melun']);
    });

    it.each([
      ['sort=rpps:asc', 'sort : tri possible sur lastName, msuStage, msuStageSince, updatedAt.'],
      ['msuStage=candidate', /^msuStage : valeurs possibles/],
      ['supervisor=oui', 'supervisor : true ou false.'],
      ['commune=Melun', 'commune : code INSEE à 5 caractères attendu.'],
      ['site=12', 'site : identifiant de site invalide (uuid attendu).'],
      ['pageSize=500', 'pageSize : 200 au maximum.'],
      ['region=11', 'Le champ « region » n’est pas autorisé.'],
    ])('?%s → 400', async (query, message) => {
      const res = await officer('get', `/api/professionals?${query}`).expect(400);
      expect(messagesOf(res)).toContainEqual(typeof message === 'string' ? message : expect.stringMatching(message));
    });

    it('the pipeline counts per stage and gives the cards, with the same filters and a limit per column', async () => {
      const res = await officer(
        'get',
        `/api/professionals/pipeline?specialty=${encodeURIComponent(TAG)}&limit=1`,
      ).expect(200);
      const pipeline = res.body as MsuPipeline;
      expect(pipeline.limit).toBe(1);
      expect(pipeline.columns.map((c) => c.stage)).toEqual([
        'identified',
        'contacted',
        'interested',
        'in_training',
        'file_submitted',
        'accredited',
        'active',
        'declined',
        'retired',
      ]);
      const column = (stage: string) => pipeline.columns.find((c) => c.stage === stage);
      expect(column('identified')).toMatchObject({ total: 2, items: [expect.objectContaining({ id: ids['coste'] })] });
      expect(column('accredited')).toMatchObject({
        total: 1,
        items: [expect.objectContaining({ id: ids['adam'], sites: expect.any(Array) })],
      });
      expect(column('contacted')).toEqual({ stage: 'contacted', total: 0, items: [] });

      const filtered = (
        await officer(
          'get',
          `/api/professionals/pipeline?specialty=${encodeURIComponent(TAG)}&msuStage=identified,active&commune=77284`,
        ).expect(200)
      ).body as MsuPipeline;
      expect(filtered.columns.map((c) => [c.stage, c.total, c.items.map((i) => i.id)])).toEqual([
        ['identified', 1, [ids['ecuyer']]],
        ['active', 0, []],
      ]);
      await officer('get', '/api/professionals/pipeline?limit=0').expect(400);
      await officer('get', '/api/professionals/pipeline?page=2').expect(400);
    });
  });
});

describe('/api/professionals across départements (77 and 75 served)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ TERRITORY_DEPARTEMENTS: '77,75' });
    await t.app.get(TerritoryLoaderService).load(['77', '75']);
  });
  afterAll(() => t.close());

  it('a user of the 75 neither sees nor edits a professional of the 77, nor links a site of the 77', async () => {
    const officer77 = await t.as('mission_officer');
    const officer75token = await t.tokenFor('mission_officer', {
      departementCode: '75',
      email: 'cm.75@test.maillage.fr',
    });
    const as75 = (method: Method, path: string) =>
      t.http()[method](path).set('Authorization', `Bearer ${officer75token}`);
    const p = (await officer77('post', '/api/professionals').send(buildProfessional()).expect(201))
      .body as ProfessionalDetail;
    await as75('get', `/api/professionals/${p.id}`).expect(404);
    await as75('patch', `/api/professionals/${p.id}`).send({ version: 1, notes: 'x' }).expect(404);
    const list = (await as75('get', '/api/professionals?pageSize=200').expect(200)).body as Page<ProfessionalSummary>;
    expect(list.items.map((i) => i.id)).not.toContain(p.id);
    const site77 = await insertSite(t);
    const res = await as75('post', '/api/professionals')
      .send(buildProfessional({ siteIds: [site77.id] }))
      .expect(400);
    expect(messagesOf(res)[0]).toMatch(/^siteIds : site inconnu, archivé ou d’un autre département/);
    const other = await as75('post', '/api/professionals')
      .send(buildProfessional({ departementCode: '77' }))
      .expect(403);
    expect(other.body.message).toBe('Vous ne pouvez pas écrire dans un autre département que le vôtre.');
  });
});
