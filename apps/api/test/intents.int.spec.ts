import {
  hasPermission,
  type InstallationIntentView,
  isValidRpps,
  type Page,
  ROLES,
  rolesWith,
  todayInFrance,
} from '@maillage/shared/domain';
import type { Response } from 'supertest';

import { AuditEvent } from '../src/common/audit/audit-event.entity';
import { InstallationIntent } from '../src/intents/installation-intent.entity';
import { TerritoryLoaderService } from '../src/territory/territory-loader.service';
import { type AuthedAgent, type Method, startTestApp, type TestApp } from './test-app';

// ---------------------------------------------------------------- factories

let sequence = 0;
const next = () => (sequence += 1);

type Body = Record<string, unknown>;

function buildIntent(overrides: Body = {}): Body {
  return {
    consent: true,
    firstName: 'Camille',
    lastName: `Interne${next()}`,
    specialty: 'Médecine générale',
    faculty: 'Université Paris-Est Créteil',
    targetCommuneCodes: ['77288', '77186'],
    horizon: '6_12_months',
    ...overrides,
  };
}

function nextRpps(): string {
  const payload = `3${String(next() + 7000).padStart(9, '0')}`;
  for (let d = 0; d <= 9; d++) if (isValidRpps(`${payload}${d}`)) return `${payload}${d}`;
  throw new Error('unreachable');
}

const messagesOf = (res: Response): string[] => [res.body.message].flat();
const READERS = rolesWith('intents.read');
const NON_READERS = ROLES.filter((r) => !hasPermission(r, 'intents.read'));
const WRITERS = rolesWith('intents.write');
const READ_ONLY = ROLES.filter((r) => !hasPermission(r, 'intents.write'));
const tomorrow = () => {
  const d = new Date(`${todayInFrance()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

async function counts(t: TestApp) {
  return {
    intents: await t.db.getRepository(InstallationIntent).count(),
    audit: await t.db.getRepository(AuditEvent).count(),
  };
}

/** What the table really holds, read in SQL (not through the API). */
async function rowOf(
  t: TestApp,
  id: string,
): Promise<{
  consent: boolean;
  first_name: string | null;
  last_name: string | null;
  initials: string;
  version: number;
}> {
  const [row] = await t.db.query(
    'SELECT consent, first_name, last_name, initials, version FROM installation_intents WHERE id = $1',
    [id],
  );
  return row;
}

describe('/api/installation-intents (real PostgreSQL)', () => {
  let t: TestApp;
  let cdom: AuthedAgent;
  let officer: AuthedAgent;

  beforeAll(async () => {
    t = await startTestApp();
    cdom = await t.as('cdom');
    officer = await t.as('mission_officer');
  });
  afterAll(() => t.close());

  async function report(overrides: Body = {}, as: AuthedAgent = cdom): Promise<InstallationIntentView> {
    return (await as('post', '/api/installation-intents').send(buildIntent(overrides)).expect(201))
      .body as InstallationIntentView;
  }

  describe('permissions', () => {
    let target: InstallationIntentView;

    beforeAll(async () => {
      target = await report();
    });

    const WRITES: { name: string; method: Method; path: (id: string) => string; body: () => Body; status: number }[] = [
      {
        name: 'create',
        method: 'post',
        path: () => '/api/installation-intents',
        body: () => buildIntent({ departementCode: '77' }),
        status: 201,
      },
      {
        name: 'patch',
        method: 'patch',
        path: (id) => `/api/installation-intents/${id}`,
        body: () => ({ version: 1, status: 'in_discussion' }),
        status: 200,
      },
      {
        name: 'archive',
        method: 'delete',
        path: (id) => `/api/installation-intents/${id}`,
        body: () => ({ version: 1 }),
        status: 204,
      },
    ];
    const READS: [string, (id: string) => string][] = [
      ['list', () => '/api/installation-intents'],
      ['detail', (id) => `/api/installation-intents/${id}`],
    ];

    it.each(READERS.flatMap((role) => READS.map(([name, path]) => [role, name, path] as const)))(
      '%s reads the %s',
      async (role, _name, path) => {
        await (await t.as(role))('get', path(target.id)).expect(200);
      },
    );

    it.each(NON_READERS.flatMap((role) => READS.map(([name, path]) => [role, name, path] as const)))(
      '%s may not read the %s: 403',
      async (role, _name, path) => {
        await (await t.as(role))('get', path(target.id)).expect(403);
      },
    );

    it.each(WRITERS.flatMap((role) => WRITES.map((w) => [role, w.name, w] as const)))(
      '%s may %s',
      async (role, _name, write) => {
        const own = await report();
        await (await t.as(role))(write.method, write.path(own.id)).send(write.body()).expect(write.status);
      },
    );

    it.each(
      READ_ONLY.flatMap((role) =>
        [
          ...WRITES,
          {
            name: 'restore',
            method: 'post' as const,
            path: (id: string) => `/api/installation-intents/${id}/restore`,
            body: () => ({ version: 1 }),
            status: 201,
          },
        ].map((w) => [role, w.name, w] as const),
      ),
    )('%s gets 403 on %s, and nothing is written', async (role, _name, write) => {
      const before = await counts(t);
      await (await t.as(role))(write.method, write.path(target.id)).send(write.body()).expect(403);
      expect(await counts(t)).toEqual(before);
      expect(await rowOf(t, target.id)).toMatchObject({ version: 1 });
    });

    it.each([
      ...READS.map(([name, path]) => [name, 'get' as Method, path] as const),
      ...WRITES.map((w) => [w.name, w.method, w.path] as const),
    ])('without a token, %s gets 401', async (_name, method, path) => {
      await t.http()[method](path(target.id)).send({}).expect(401);
    });
  });

  describe('consent and names', () => {
    it('with consent, keeps the names and computes the initials', async () => {
      const i = await report({ firstName: 'Marie-Claire', lastName: 'Dupont' });
      expect(i).toMatchObject({
        consent: true,
        firstName: 'Marie-Claire',
        lastName: 'Dupont',
        initials: 'M.-C. D.',
        status: 'intention',
        reportedBy: { displayName: 'Test cdom' },
      });
      expect(await rowOf(t, i.id)).toMatchObject({ first_name: 'Marie-Claire', last_name: 'Dupont' });
    });

    it('without consent, computes the initials from the names given and never stores the names', async () => {
      const i = await report({ consent: false, firstName: 'Jean-Baptiste', lastName: 'Le Goff' });
      expect(i).toMatchObject({ consent: false, firstName: null, lastName: null, initials: 'J.-B. L. G.' });
      expect(await rowOf(t, i.id)).toEqual({
        consent: false,
        first_name: null,
        last_name: null,
        initials: 'J.-B. L. G.',
        version: 1,
      });
      const audit = await t.db
        .getRepository(AuditEvent)
        .findOneByOrFail({ entityType: 'installation_intent', entityId: i.id });
      expect(JSON.stringify(audit.changes)).not.toMatch(/Jean|Goff/);
    });

    it('without consent, accepts initials given directly', async () => {
      const i = await report({ consent: false, firstName: undefined, lastName: undefined, initials: 'A. B.' });
      expect(await rowOf(t, i.id)).toEqual({
        consent: false,
        first_name: null,
        last_name: null,
        initials: 'A. B.',
        version: 1,
      });
    });

    it('when consent is withdrawn, the names are erased and the initials kept', async () => {
      const i = await report({ firstName: 'Lucie', lastName: 'Bernard' });
      const res = await cdom('patch', `/api/installation-intents/${i.id}`)
        .send({ version: 1, consent: false })
        .expect(200);
      expect(res.body).toMatchObject({
        consent: false,
        firstName: null,
        lastName: null,
        initials: 'L. B.',
        version: 2,
      });
      expect(await rowOf(t, i.id)).toEqual({
        consent: false,
        first_name: null,
        last_name: null,
        initials: 'L. B.',
        version: 2,
      });
    });

    it('names sent in a PATCH without consent only change the initials', async () => {
      const i = await report({ consent: false, firstName: undefined, lastName: undefined, initials: 'X. Y.' });
      await cdom('patch', `/api/installation-intents/${i.id}`)
        .send({ version: 1, firstName: 'Nora', lastName: 'Saïdi' })
        .expect(200);
      expect(await rowOf(t, i.id)).toEqual({
        consent: false,
        first_name: null,
        last_name: null,
        initials: 'N. S.',
        version: 2,
      });
    });

    it('no row without consent ever holds a name (database check)', async () => {
      const [{ n }] = await t.db.query(
        'SELECT count(*)::int AS n FROM installation_intents WHERE NOT consent AND (first_name IS NOT NULL OR last_name IS NOT NULL)',
      );
      expect(n).toBe(0);
      await expect(
        t.db.query(
          `INSERT INTO installation_intents (version, departement_code, consent, first_name, initials, specialty, horizon, reported_by_id)
           SELECT 1, '77', false, 'Nom', 'N.', 'MG', 'gt_2_years', id FROM users LIMIT 1`,
        ),
      ).rejects.toThrow(/ck_installation_intents_identity/);
    });
  });

  describe('bad input', () => {
    it.each<[string, () => Body, (string | RegExp)[]]>([
      [
        'missing fields',
        () => ({}),
        [/^consent : true ou false/, 'specialty : la spécialité est obligatoire.', /^horizon : valeurs possibles/],
      ],
      [
        'wrong types',
        () => buildIntent({ consent: 'oui', targetCommuneCodes: '77288', horizon: 2 }),
        [/^consent : true ou false/, 'targetCommuneCodes : liste de codes INSEE attendue.', /^horizon/],
      ],
      ['an unknown field', () => buildIntent({ phone: '0601020304' }), ['Le champ « phone » n’est pas autorisé.']],
      [
        'consent without names',
        () => buildIntent({ firstName: undefined }),
        [/^firstName, lastName : le prénom et le nom sont obligatoires/],
      ],
      [
        'no consent, no names, no initials',
        () => buildIntent({ consent: false, firstName: undefined, lastName: undefined }),
        [/^initials : sans consentement, donnez les initiales/],
      ],
      [
        'no consent, initials and names',
        () => buildIntent({ consent: false, initials: 'C. I.' }),
        [/^initials : donnez soit les initiales, soit le prénom et le nom/],
      ],
      ['consent and initials', () => buildIntent({ initials: 'C. I.' }), [/^initials : calculées à partir du nom/]],
      [
        'a commune outside the territory',
        () => buildIntent({ targetCommuneCodes: ['77288', '13055'] }),
        ['targetCommuneCodes : commune inconnue ou hors du territoire (13055).'],
      ],
      [
        'a commune code that is not one',
        () => buildIntent({ targetCommuneCodes: ['Melun'] }),
        ['targetCommuneCodes : code INSEE à 5 caractères attendu.'],
      ],
      [
        'settled without date',
        () => buildIntent({ status: 'settled' }),
        [/^settledOn : la date d’installation est obligatoire/],
      ],
      [
        'a settlement date in the future',
        () => buildIntent({ status: 'settled', settledOn: tomorrow() }),
        ['settledOn : la date ne peut pas être dans le futur.'],
      ],
      [
        'a settlement date without settling',
        () => buildIntent({ status: 'in_discussion', settledOn: '2025-09-01' }),
        [/^settledOn : seulement avec le statut « Installé »/],
      ],
      [
        'an unknown status',
        () => buildIntent({ status: 'done' }),
        [/^status : valeurs possibles intention, in_discussion, settled, abandoned/],
      ],
      [
        'an unknown professional',
        () =>
          buildIntent({
            status: 'settled',
            settledOn: '2025-09-01',
            professionalId: '7f1e5a5c-2b1e-4c1a-9a3e-000000000000',
          }),
        ['professionalId : professionnel inconnu ou archivé dans ce département.'],
      ],
    ])('refuses %s with 400 and a clear message, and writes nothing', async (_, body, expected) => {
      const before = await counts(t);
      const res = await cdom('post', '/api/installation-intents').send(body()).expect(400);
      for (const m of expected)
        expect(messagesOf(res)).toContainEqual(typeof m === 'string' ? m : expect.stringMatching(m));
      expect(await counts(t)).toEqual(before);
    });

    it.each<[string, Body, string | RegExp]>([
      [
        'without version',
        { status: 'in_discussion' },
        'version : la version lue est obligatoire (nombre entier, dans le corps ou l’en-tête If-Match).',
      ],
      ['erasing the specialty', { version: 1, specialty: null }, 'specialty : la spécialité est obligatoire.'],
      [
        'settling without date',
        { version: 1, status: 'settled' },
        /^settledOn : la date d’installation est obligatoire/,
      ],
      [
        'giving up consent names on a named intent',
        { version: 1, firstName: null },
        /^firstName, lastName : le prénom et le nom sont obligatoires/,
      ],
      ['a département', { version: 1, departementCode: '75' }, 'Le champ « departementCode » n’est pas autorisé.'],
      [
        'erasing the target communes with null',
        { version: 1, targetCommuneCodes: null },
        'targetCommuneCodes : liste de codes INSEE attendue.',
      ],
      ['erasing the status', { version: 1, status: null }, /^status : valeurs possibles/],
    ])('PATCH %s answers 400 and changes nothing', async (_, body, message) => {
      const i = await report();
      const before = await counts(t);
      const res = await cdom('patch', `/api/installation-intents/${i.id}`).send(body).expect(400);
      expect(messagesOf(res)).toContainEqual(typeof message === 'string' ? message : expect.stringMatching(message));
      expect(await counts(t)).toEqual(before);
      expect(await rowOf(t, i.id)).toMatchObject({ version: 1, consent: true });
    });
  });

  describe('status, versions and archive', () => {
    it('settles with a date and a link to the registry; leaving settled clears both', async () => {
      const p = (
        await officer('post', '/api/professionals')
          .send({ firstName: 'Camille', lastName: 'Installée', rpps: nextRpps() })
          .expect(201)
      ).body as { id: string };
      const i = await report();
      const settled = await officer('patch', `/api/installation-intents/${i.id}`)
        .send({ version: 1, status: 'settled', settledOn: '2025-11-03', professionalId: p.id })
        .expect(200);
      expect(settled.body).toMatchObject({
        status: 'settled',
        settledOn: '2025-11-03',
        professionalId: p.id,
        version: 2,
      });
      const back = await officer('patch', `/api/installation-intents/${i.id}`)
        .set('If-Match', '"2"')
        .send({ status: 'in_discussion' })
        .expect(200);
      expect(back.body).toMatchObject({ status: 'in_discussion', settledOn: null, professionalId: null, version: 3 });
      const audit = await t.db
        .getRepository(AuditEvent)
        .find({ where: { entityType: 'installation_intent', entityId: i.id }, order: { occurredAt: 'ASC' } });
      expect(audit.map((e) => e.action)).toEqual(['created', 'updated', 'updated']);
      expect(audit[1].changes).toMatchObject({
        status: { before: 'intention', after: 'settled' },
        settledOn: { before: null, after: '2025-11-03' },
      });
    });

    it('a stale version answers 409 and leaves the row unchanged; two concurrent PATCHes: one 200, one 409', async () => {
      const i = await report();
      await cdom('patch', `/api/installation-intents/${i.id}`)
        .send({ version: 1, supportOffered: 'Aide au logement' })
        .expect(200);
      await cdom('patch', `/api/installation-intents/${i.id}`)
        .send({ version: 1, supportOffered: 'Écrasement' })
        .expect(409);
      const stored = await t.db.getRepository(InstallationIntent).findOneByOrFail({ id: i.id });
      expect(stored).toMatchObject({ supportOffered: 'Aide au logement', version: 2 });
      const results = await Promise.all(
        ['A', 'B'].map((notes) => cdom('patch', `/api/installation-intents/${i.id}`).send({ version: 2, notes })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect((await t.db.getRepository(InstallationIntent).findOneByOrFail({ id: i.id })).version).toBe(3);
    });

    it('archives and restores; archived ones leave the list and cannot be edited', async () => {
      const i = await report({ specialty: 'Archivage' });
      await cdom('delete', `/api/installation-intents/${i.id}`).set('If-Match', '"1"').expect(204);
      expect(
        ((await cdom('get', '/api/installation-intents?q=Archivage').expect(200)).body as Page<InstallationIntentView>)
          .total,
      ).toBe(0);
      expect(
        (
          (await cdom('get', '/api/installation-intents?q=Archivage&archived=true').expect(200))
            .body as Page<InstallationIntentView>
        ).total,
      ).toBe(1);
      await cdom('patch', `/api/installation-intents/${i.id}`).send({ version: 2, notes: 'x' }).expect(409);
      const restored = await cdom('post', `/api/installation-intents/${i.id}/restore`).send({ version: 2 }).expect(201);
      expect(restored.body).toMatchObject({ archivedAt: null, version: 3 });
    });
  });

  describe('list', () => {
    it('filters by status, horizon and target commune, in SQL', async () => {
      const tag = 'Spécialité-liste-intentions';
      const a = await report({ specialty: tag, horizon: 'lt_6_months', targetCommuneCodes: ['77284'] });
      const b = await report({
        specialty: tag,
        horizon: '1_2_years',
        targetCommuneCodes: ['77288', '77379'],
        status: 'in_discussion',
      });
      const c = await report({
        specialty: tag,
        horizon: 'gt_2_years',
        targetCommuneCodes: ['77379'],
        status: 'abandoned',
      });
      const ids = async (query: string) =>
        (
          (await officer('get', `/api/installation-intents?q=${encodeURIComponent(tag)}&${query}`).expect(200))
            .body as Page<InstallationIntentView>
        ).items.map((i) => i.id);
      expect(await ids('')).toEqual([c.id, b.id, a.id]);
      expect(await ids('status=intention,in_discussion')).toEqual([b.id, a.id]);
      expect(await ids('horizon=gt_2_years')).toEqual([c.id]);
      expect(await ids('commune=77379')).toEqual([c.id, b.id]);
      expect(await ids('sort=horizon:asc')).toEqual([a.id, b.id, c.id]);
      await officer('get', '/api/installation-intents?commune=Provins').expect(400);
      await officer('get', '/api/installation-intents?horizon=soon').expect(400);
    });
  });
});

describe('/api/installation-intents across départements (77 and 75 served)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ TERRITORY_DEPARTEMENTS: '77,75' });
    await t.app.get(TerritoryLoaderService).load(['77', '75']);
  });
  afterAll(() => t.close());

  it('the CDOM edits only the intents of its département, and targets only its communes', async () => {
    const cdom77 = await t.as('cdom');
    const token75 = await t.tokenFor('cdom', { departementCode: '75', email: 'cdom.75@test.maillage.fr' });
    const cdom75 = (method: Method, path: string) => t.http()[method](path).set('Authorization', `Bearer ${token75}`);
    const i = (await cdom77('post', '/api/installation-intents').send(buildIntent()).expect(201))
      .body as InstallationIntentView;
    await cdom75('get', `/api/installation-intents/${i.id}`).expect(404);
    await cdom75('patch', `/api/installation-intents/${i.id}`).send({ version: 1, notes: 'x' }).expect(404);
    await cdom75('delete', `/api/installation-intents/${i.id}`).send({ version: 1 }).expect(404);
    expect(await rowOf(t, i.id)).toMatchObject({ version: 1 });
    const res = await cdom75('post', '/api/installation-intents')
      .send(buildIntent({ targetCommuneCodes: ['77288'] }))
      .expect(400);
    expect(messagesOf(res)).toContain('targetCommuneCodes : commune inconnue ou hors du territoire (77288).');
    await cdom75('post', '/api/installation-intents')
      .send(buildIntent({ targetCommuneCodes: ['75056'] }))
      .expect(201);
  });
});
