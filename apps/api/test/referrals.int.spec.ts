import {
  type AuthUser,
  type CandidateReferralView,
  isValidRpps,
  type MsuStageEventView,
  type Page,
  type ProfessionalDetail,
  type ReferralFollowUpView,
  type Role,
  ROLES,
  rolesWith,
} from '@maillage/shared/domain';
import type { Response } from 'supertest';

import { AuditEvent } from '../src/common/audit/audit-event.entity';
import { MsuStageEvent } from '../src/professionals/msu-stage-event.entity';
import { Professional } from '../src/professionals/professional.entity';
import { CandidateReferral } from '../src/referrals/candidate-referral.entity';
import { ReferralFollowUp } from '../src/referrals/referral-follow-up.entity';
import { type AuthedAgent, type Method, startTestApp, type TestApp } from './test-app';

// ---------------------------------------------------------------- factories

let sequence = 0;
const next = () => (sequence += 1);

function nextRpps(): string {
  const payload = `2${String(next() + 5000).padStart(9, '0')}`;
  for (let d = 0; d <= 9; d++) if (isValidRpps(`${payload}${d}`)) return `${payload}${d}`;
  throw new Error('unreachable');
}

type Body = Record<string, unknown>;

function buildReferral(overrides: Body = {}): Body {
  const n = next();
  return {
    civility: 'DR',
    firstName: `Candidate${n}`,
    lastName: `Signalé${n}`,
    specialty: 'Médecine générale',
    communeCode: '77288',
    reason: 'Installée depuis trois ans, accueille déjà des externes et souhaite encadrer des internes.',
    priority: 'normal',
    ...overrides,
  };
}

const messagesOf = (res: Response): string[] => [res.body.message].flat();
const UNKNOWN_ID = '7f1e5a5c-2b1e-4c1a-9a3e-000000000000';
const READERS = [...rolesWith('referrals.read')];
const HANDLERS = [...rolesWith('referrals.handle')];
const REFERRERS = [...rolesWith('referrals.create')];
const FOLLOW_UP_READERS = [...rolesWith('referrals.readFollowUps')];

async function counts(t: TestApp) {
  return {
    referrals: await t.db.getRepository(CandidateReferral).count(),
    followUps: await t.db.getRepository(ReferralFollowUp).count(),
    professionals: await t.db.getRepository(Professional).count(),
    events: await t.db.getRepository(MsuStageEvent).count(),
    audit: await t.db.getRepository(AuditEvent).count(),
  };
}

describe('/api/candidate-referrals (real PostgreSQL)', () => {
  let t: TestApp;
  let cdom: AuthedAgent;
  let officer: AuthedAgent;
  let officerUser: AuthUser;

  beforeAll(async () => {
    t = await startTestApp();
    cdom = await t.as('cdom');
    officer = await t.as('mission_officer');
    officerUser = (await officer('get', '/api/auth/me').expect(200)).body as AuthUser;
  });
  afterAll(() => t.close());

  async function refer(overrides: Body = {}, as: AuthedAgent = cdom): Promise<CandidateReferralView> {
    return (await as('post', '/api/candidate-referrals').send(buildReferral(overrides)).expect(201))
      .body as CandidateReferralView;
  }
  const stored = (id: string) => t.db.getRepository(CandidateReferral).findOneByOrFail({ id });
  const auditOf = (type: string, id: string) =>
    t.db.getRepository(AuditEvent).find({ where: { entityType: type, entityId: id }, order: { occurredAt: 'ASC' } });
  const createProfessional = async (body: Body) =>
    (
      await officer('post', '/api/professionals')
        .send({ firstName: 'Jeanne', lastName: `Registre${next()}`, rpps: nextRpps(), ...body })
        .expect(201)
    ).body as ProfessionalDetail;

  describe('permissions', () => {
    let target: CandidateReferralView;

    beforeAll(async () => {
      target = await refer();
    });

    const ACTIONS: {
      name: string;
      method: Method;
      path: (id: string) => string;
      body: () => Body;
      allowed: Role[];
      status: number;
    }[] = [
      {
        name: 'create',
        method: 'post',
        path: () => '/api/candidate-referrals',
        body: () => buildReferral({ departementCode: '77' }),
        allowed: REFERRERS,
        status: 201,
      },
      {
        name: 'list',
        method: 'get',
        path: () => '/api/candidate-referrals',
        body: () => ({}),
        allowed: READERS,
        status: 200,
      },
      {
        name: 'detail',
        method: 'get',
        path: (id) => `/api/candidate-referrals/${id}`,
        body: () => ({}),
        allowed: READERS,
        status: 200,
      },
      {
        name: 'assign',
        method: 'post',
        path: (id) => `/api/candidate-referrals/${id}/assign`,
        body: () => ({ version: 1, userId: officerUser.id }),
        allowed: HANDLERS,
        status: 201,
      },
      {
        name: 'follow up',
        method: 'post',
        path: (id) => `/api/candidate-referrals/${id}/follow-ups`,
        body: () => ({ note: 'Appel passé' }),
        allowed: HANDLERS,
        status: 201,
      },
      {
        name: 'read follow-ups',
        method: 'get',
        path: (id) => `/api/candidate-referrals/${id}/follow-ups`,
        body: () => ({}),
        allowed: FOLLOW_UP_READERS,
        status: 200,
      },
      {
        name: 'close',
        method: 'post',
        path: (id) => `/api/candidate-referrals/${id}/close`,
        body: () => ({ version: 1, outcome: 'declined', note: 'Pas cette année' }),
        allowed: HANDLERS,
        status: 201,
      },
    ];

    it.each(
      ACTIONS.flatMap((a) => ROLES.filter((r) => a.allowed.includes(r)).map((role) => [role, a.name, a] as const)),
    )('%s may %s', async (role, _name, action) => {
      const as = await t.as(role);
      const own = await refer();
      await as(action.method, action.path(own.id)).send(action.body()).expect(action.status);
    });

    it.each(
      ACTIONS.flatMap((a) => ROLES.filter((r) => !a.allowed.includes(r)).map((role) => [role, a.name, a] as const)),
    )('%s gets 403 on %s, and nothing is written', async (role, _name, action) => {
      const as = await t.as(role);
      const before = await counts(t);
      const res = await as(action.method, action.path(target.id)).send(action.body()).expect(403);
      expect(res.body.message).toBe('Vous n’avez pas le droit de faire cette action.');
      expect(await counts(t)).toEqual(before);
      expect(await stored(target.id)).toMatchObject({ version: 1, status: 'new', assignedToId: null });
    });

    it.each(ACTIONS.map((a) => [a.name, a] as const))('without a token, %s gets 401', async (_name, action) => {
      await t.http()[action.method](action.path(target.id)).send(action.body()).expect(401);
    });

    it('the CDOM may not edit professionals or sites it flags', async () => {
      const p = await createProfessional({});
      await cdom('patch', `/api/professionals/${p.id}`).send({ version: 1, notes: 'x' }).expect(403);
      await cdom('post', `/api/professionals/${p.id}/stage`)
        .send({ version: 1, toStage: 'contacted', date: '2026-01-05' })
        .expect(403);
      await cdom('post', '/api/professionals').send({ firstName: 'A', lastName: 'B' }).expect(403);
    });

    it('the CDOM sees the referrals made by the CDOM, not those the Département records itself', async () => {
      const internal = await refer({ lastName: 'Interne-Département' }, officer);
      await cdom('get', `/api/candidate-referrals/${internal.id}`).expect(404);
      const cdomList = (await cdom('get', '/api/candidate-referrals?pageSize=200').expect(200))
        .body as Page<CandidateReferralView>;
      expect(cdomList.items.map((r) => r.id)).not.toContain(internal.id);
      expect(cdomList.items.map((r) => r.id)).toContain(target.id);
      const departement = await t.as('departement');
      await departement('get', `/api/candidate-referrals/${internal.id}`).expect(200);
    });
  });

  describe('creation', () => {
    it('records the CDOM user as referrer, status new, and audits', async () => {
      const cdomUser = (await cdom('get', '/api/auth/me').expect(200)).body as AuthUser;
      const r = await refer({ lastName: 'Morel', priority: 'high', rpps: nextRpps() });
      expect(r).toMatchObject({
        status: 'new',
        priority: 'high',
        lastName: 'Morel',
        referredBy: { id: cdomUser.id, displayName: 'Test cdom' },
        professionalId: null,
        version: 1,
      });
      expect((await auditOf('candidate_referral', r.id)).map((e) => e.action)).toEqual(['created']);
    });

    it('takes the identity from the registry when professionalId is given, and refuses a second open referral for them', async () => {
      const p = await createProfessional({ lastName: 'Registré', specialty: 'Pédiatrie' });
      const r = await refer({
        civility: undefined,
        firstName: undefined,
        lastName: undefined,
        specialty: undefined,
        professionalId: p.id,
      });
      expect(r).toMatchObject({ professionalId: p.id, lastName: 'Registré', specialty: 'Pédiatrie', rpps: p.rpps });
      const before = await counts(t);
      const dup = await cdom('post', '/api/candidate-referrals')
        .send({ professionalId: p.id, reason: 'Une autre raison, assez longue.' })
        .expect(409);
      expect(dup.body).toMatchObject({
        code: 'DUPLICATE',
        message: 'Un signalement est déjà en cours pour ce professionnel.',
      });
      expect(await counts(t)).toEqual(before);
    });

    it('links a new identity to the registry when its RPPS is already there', async () => {
      const p = await createProfessional({});
      const r = await refer({ rpps: p.rpps });
      expect(r.professionalId).toBe(p.id);
    });

    it.each<[string, () => Body, (string | RegExp)[]]>([
      ['no reason', () => buildReferral({ reason: undefined }), ['reason : le motif est obligatoire.']],
      [
        'a reason of 9 characters',
        () => buildReferral({ reason: ' Intéressé ' }),
        ['reason : 10 caractères au moins.'],
      ],
      ['a reason too long', () => buildReferral({ reason: 'x'.repeat(2001) }), ['reason : 2000 caractères au plus.']],
      [
        'no names',
        () => buildReferral({ firstName: undefined, lastName: undefined }),
        [/^firstName, lastName : le prénom et le nom sont obligatoires/],
      ],
      [
        'wrong types',
        () => buildReferral({ firstName: 12, priority: 3, reason: ['x'] }),
        [
          'firstName : le prénom est attendu en texte.',
          /^priority : valeurs possibles/,
          'reason : le motif est obligatoire.',
        ],
      ],
      ['an unknown field', () => buildReferral({ status: 'converted' }), ['Le champ « status » n’est pas autorisé.']],
      [
        'an RPPS with a bad check digit',
        () => buildReferral({ rpps: '10003382732' }),
        ['rpps : numéro RPPS invalide (11 chiffres, clé de contrôle comprise).'],
      ],
      [
        'an RPPS of 10 digits',
        () => buildReferral({ rpps: '1000338273' }),
        ['rpps : numéro RPPS invalide (11 chiffres, clé de contrôle comprise).'],
      ],
      [
        'a commune outside the territory (Paris)',
        () => buildReferral({ communeCode: '75056' }),
        ['communeCode : commune inconnue ou hors du territoire (75056).'],
      ],
      [
        'a commune that does not exist',
        () => buildReferral({ communeCode: '77999' }),
        ['communeCode : commune inconnue ou hors du territoire (77999).'],
      ],
      [
        'a commune code that is not one',
        () => buildReferral({ communeCode: 'Melun' }),
        ['communeCode : code INSEE à 5 caractères attendu.'],
      ],
      [
        'an unknown professional',
        () => ({ professionalId: UNKNOWN_ID, reason: 'Une raison assez longue.' }),
        ['professionalId : professionnel inconnu ou archivé dans ce département.'],
      ],
      [
        'a professional with an identity',
        () => buildReferral({ professionalId: UNKNOWN_ID }),
        [/^professionalId : l’identité vient du registre, ne précisez pas civility, firstName, lastName, specialty/],
      ],
    ])('refuses %s with 400 and a clear message, and writes nothing', async (_, body, expected) => {
      const before = await counts(t);
      const res = await cdom('post', '/api/candidate-referrals').send(body()).expect(400);
      const messages = messagesOf(res);
      for (const m of expected) expect(messages).toContainEqual(typeof m === 'string' ? m : expect.stringMatching(m));
      expect(JSON.stringify(res.body)).not.toMatch(/QueryFailed|SELECT|INSERT|constraint|stack/i);
      expect(await counts(t)).toEqual(before);
    });
  });

  describe('the mission officer’s queue', () => {
    it('lists new ones first, then high priority first, then the most recent; filters in SQL', async () => {
      const tag = 'Fileattente';
      const old = await refer({ lastName: `${tag}-ancien`, priority: 'normal' });
      const high = await refer({ lastName: `${tag}-urgent`, priority: 'high' });
      const low = await refer({ lastName: `${tag}-bas`, priority: 'low' });
      const recent = await refer({ lastName: `${tag}-recent`, priority: 'normal' });
      const handled = await refer({ lastName: `${tag}-suivi`, priority: 'high' });
      await officer('post', `/api/candidate-referrals/${handled.id}/assign`)
        .send({ version: 1, userId: officerUser.id })
        .expect(201);
      const closed = await refer({ lastName: `${tag}-clos`, priority: 'high' });
      await officer('post', `/api/candidate-referrals/${closed.id}/close`)
        .send({ version: 1, outcome: 'not_eligible', note: 'Hors critères' })
        .expect(201);

      const list = async (query: string) =>
        (
          (await officer('get', `/api/candidate-referrals?q=${tag}&${query}`).expect(200))
            .body as Page<CandidateReferralView>
        ).items.map((r) => r.id);
      expect(await list('')).toEqual([high.id, recent.id, old.id, low.id, handled.id, closed.id]);
      expect(await list('status=assigned,not_eligible')).toEqual([handled.id, closed.id]);
      expect(await list('open=false')).toEqual([closed.id]);
      expect(await list('priority=high')).toEqual([high.id, handled.id, closed.id]);
      expect(await list('assignedTo=me')).toEqual([handled.id]);
      expect(await list(`assignedTo=${officerUser.id}&status=assigned`)).toEqual([handled.id]);
      expect(await list('sort=createdAt:asc&pageSize=2&page=2')).toEqual([low.id, recent.id]);
      const page = (await officer('get', `/api/candidate-referrals?q=${tag}&pageSize=1`).expect(200))
        .body as Page<CandidateReferralView>;
      expect(page.total).toBe(6);
      expect(page.items[0].assignedTo).toBeNull();
      await officer('get', '/api/candidate-referrals?status=open').expect(400);
      await officer('get', '/api/candidate-referrals?sort=reason:asc').expect(400);
    });

    it.each<[string, (ids: { cdomId: string; inactiveId: string }) => Body, string]>([
      [
        'to a CDOM user',
        ({ cdomId }) => ({ version: 1, userId: cdomId }),
        'userId : le compte doit être celui d’un chargé de mission actif du département.',
      ],
      [
        'to an inactive officer',
        ({ inactiveId }) => ({ version: 1, userId: inactiveId }),
        'userId : le compte doit être celui d’un chargé de mission actif du département.',
      ],
      [
        'to an unknown user',
        () => ({ version: 1, userId: UNKNOWN_ID }),
        'userId : le compte doit être celui d’un chargé de mission actif du département.',
      ],
      ['without user', () => ({ version: 1 }), 'userId : identifiant de compte invalide (uuid attendu).'],
      [
        'without version',
        () => ({ userId: UNKNOWN_ID }),
        'version : la version lue est obligatoire (nombre entier, dans le corps ou l’en-tête If-Match).',
      ],
    ])('assigning %s answers 400 and changes nothing', async (_, body, message) => {
      const cdomId = ((await cdom('get', '/api/auth/me').expect(200)).body as AuthUser).id;
      const inactive = await t.createUser('mission_officer', { email: `inactif.${next()}@test.maillage.fr` });
      const admin = await t.as('admin');
      await admin('post', `/api/users/${inactive.id}/deactivate`).send({ version: 1 }).expect(201);
      const r = await refer();
      const before = await counts(t);
      const res = await officer('post', `/api/candidate-referrals/${r.id}/assign`)
        .send(body({ cdomId, inactiveId: inactive.id }))
        .expect(400);
      expect(messagesOf(res)).toContain(message);
      expect(await counts(t)).toEqual(before);
      expect(await stored(r.id)).toMatchObject({ version: 1, status: 'new', assignedToId: null });
    });

    it.each<[string, Body, string]>([
      ['without note', {}, 'note : la note est obligatoire.'],
      [
        'dated in the future',
        { note: 'Rendez-vous', occurredAt: new Date(Date.now() + 86_400_000).toISOString() },
        'occurredAt : la date ne peut pas être dans le futur.',
      ],
      [
        'with a bad date',
        { note: 'Rendez-vous', occurredAt: 'hier' },
        'occurredAt : date et heure ISO 8601 attendues.',
      ],
      [
        'with an unknown field',
        { note: 'Rendez-vous', status: 'converted' },
        'Le champ « status » n’est pas autorisé.',
      ],
    ])('a follow-up %s answers 400 and writes nothing', async (_, body, message) => {
      const r = await refer();
      const before = await counts(t);
      const res = await officer('post', `/api/candidate-referrals/${r.id}/follow-ups`).send(body).expect(400);
      expect(messagesOf(res)).toContain(message);
      expect(await counts(t)).toEqual(before);
    });

    it.each<[string, Body, string | RegExp]>([
      [
        'with an unknown outcome',
        { version: 1, outcome: 'accepted', note: 'Oui' },
        /^outcome : valeurs possibles converted, declined, not_eligible/,
      ],
      ['without note', { version: 1, outcome: 'declined' }, 'note : la note de clôture est obligatoire.'],
      [
        'with a version as text',
        { version: 'un', outcome: 'declined', note: 'Non' },
        'version : la version lue est obligatoire (nombre entier, dans le corps ou l’en-tête If-Match).',
      ],
    ])('closing %s answers 400 and writes nothing', async (_, body, message) => {
      const r = await refer();
      const before = await counts(t);
      const res = await officer('post', `/api/candidate-referrals/${r.id}/close`).send(body).expect(400);
      expect(messagesOf(res)).toContainEqual(typeof message === 'string' ? message : expect.stringMatching(message));
      expect(await counts(t)).toEqual(before);
    });

    it('a stale version answers 409 and leaves the referral unchanged', async () => {
      const r = await refer();
      await officer('post', `/api/candidate-referrals/${r.id}/assign`)
        .send({ version: 1, userId: officerUser.id })
        .expect(201);
      const before = await counts(t);
      const res = await officer('post', `/api/candidate-referrals/${r.id}/close`)
        .send({ version: 1, outcome: 'converted', note: 'Oui' })
        .expect(409);
      expect(res.body.code).toBe('VERSION_CONFLICT');
      expect(await counts(t)).toEqual(before);
      expect(await stored(r.id)).toMatchObject({ version: 2, status: 'assigned', closedAt: null });
    });
  });

  describe('end to end', () => {
    it('CDOM flags → officer sees it first → assigns → follows up → converts → the professional is in the pipeline → the CDOM sees the outcome', async () => {
      const rpps = nextRpps();
      const flagged = await refer({
        firstName: 'Inès',
        lastName: 'Lambert',
        rpps,
        priority: 'high',
        communeCode: '77186',
      });

      const queue = (await officer('get', '/api/candidate-referrals').expect(200)).body as Page<CandidateReferralView>;
      expect(queue.items[0]).toMatchObject({ id: flagged.id, status: 'new' });

      const assigned = await officer('post', `/api/candidate-referrals/${flagged.id}/assign`)
        .send({ version: 1, userId: officerUser.id })
        .expect(201);
      expect(assigned.body).toMatchObject({ status: 'assigned', version: 2, assignedTo: { id: officerUser.id } });

      const occurredAt = new Date(Date.now() - 3_600_000).toISOString();
      const followUp = await officer('post', `/api/candidate-referrals/${flagged.id}/follow-ups`)
        .send({ note: 'Premier appel : intéressée', occurredAt })
        .expect(201);
      expect(followUp.body).toMatchObject({ note: 'Premier appel : intéressée', occurredAt, actorId: officerUser.id });
      const afterFollowUp = (await officer('get', `/api/candidate-referrals/${flagged.id}`).expect(200))
        .body as CandidateReferralView;
      expect(afterFollowUp).toMatchObject({ status: 'in_progress', lastFollowUpAt: occurredAt, version: 3 });

      const before = await counts(t);
      const closed = await officer('post', `/api/candidate-referrals/${flagged.id}/close`)
        .send({ version: 3, outcome: 'converted', note: 'Entre dans le parcours MSU' })
        .expect(201);
      expect(closed.body).toMatchObject({
        status: 'converted',
        outcomeNote: 'Entre dans le parcours MSU',
        closedAt: expect.any(String),
        professionalId: expect.any(String),
      });
      expect(await counts(t)).toMatchObject({ professionals: before.professionals + 1, events: before.events + 1 });

      const professionalId = closed.body.professionalId as string;
      const professional = (await officer('get', `/api/professionals/${professionalId}`).expect(200))
        .body as ProfessionalDetail;
      expect(professional).toMatchObject({
        firstName: 'Inès',
        lastName: 'Lambert',
        rpps,
        civility: 'DR',
        msuStage: 'contacted',
      });
      const events = (
        (await officer('get', `/api/professionals/${professionalId}/stage-events`).expect(200))
          .body as Page<MsuStageEventView>
      ).items;
      expect(events).toEqual([
        expect.objectContaining({
          fromStage: null,
          toStage: 'contacted',
          note: expect.stringMatching(/signalement du CDOM/),
        }),
      ]);
      const pipeline = (await officer('get', '/api/professionals/pipeline?msuStage=contacted').expect(200)).body as {
        columns: { items: { id: string }[] }[];
      };
      expect(pipeline.columns[0].items.map((i) => i.id)).toContain(professionalId);

      const seenByCdom = (await cdom('get', `/api/candidate-referrals/${flagged.id}`).expect(200))
        .body as CandidateReferralView;
      expect(seenByCdom).toMatchObject({
        status: 'converted',
        outcomeNote: 'Entre dans le parcours MSU',
        professionalId,
      });
      await cdom('get', `/api/candidate-referrals/${flagged.id}/follow-ups`).expect(403);
      const notes = (await officer('get', `/api/candidate-referrals/${flagged.id}/follow-ups`).expect(200))
        .body as Page<ReferralFollowUpView>;
      expect(notes.items.map((n) => n.note)).toEqual(['Premier appel : intéressée']);

      const again = await officer('post', `/api/candidate-referrals/${flagged.id}/close`)
        .send({ version: 4, outcome: 'declined', note: 'Encore' })
        .expect(409);
      expect(again.body).toMatchObject({ code: 'INVALID_STATE', message: 'Ce signalement est déjà clos.' });
      await officer('post', `/api/candidate-referrals/${flagged.id}/follow-ups`)
        .send({ note: 'Trop tard' })
        .expect(409);
      expect((await stored(flagged.id)).version).toBe(4);

      expect((await auditOf('candidate_referral', flagged.id)).map((e) => e.action)).toEqual([
        'created',
        'assigned',
        'followed_up',
        'converted',
      ]);
      expect((await auditOf('professional', professionalId)).map((e) => e.action)).toEqual(['created']);
    });

    it.each([
      ['identified', 'contacted', 1],
      ['declined', 'contacted', 1],
      ['active', 'active', 0],
    ] as const)(
      'converting a referral of a professional at %s leaves them at %s (%i new event)',
      async (from, to, newEvents) => {
        const p = await createProfessional({ msuStage: from, msuStageSince: '2024-01-10' });
        const r = await refer({
          civility: undefined,
          firstName: undefined,
          lastName: undefined,
          specialty: undefined,
          professionalId: p.id,
        });
        const before = await counts(t);
        await officer('post', `/api/candidate-referrals/${r.id}/close`)
          .send({ version: 1, outcome: 'converted', note: 'Converti' })
          .expect(201);
        const after = (await officer('get', `/api/professionals/${p.id}`).expect(200)).body as ProfessionalDetail;
        expect(after.msuStage).toBe(to);
        expect(await counts(t)).toMatchObject({
          professionals: before.professionals,
          events: before.events + newEvents,
        });
      },
    );

    it('declining creates no professional', async () => {
      const r = await refer({ rpps: nextRpps() });
      const before = await counts(t);
      await officer('post', `/api/candidate-referrals/${r.id}/close`)
        .send({ version: 1, outcome: 'declined', note: 'Ne souhaite pas' })
        .expect(201);
      expect(await counts(t)).toMatchObject({ professionals: before.professionals, events: before.events });
    });

    it('two simultaneous closes from one version: one 201, one 409, one professional', async () => {
      const r = await refer({ rpps: nextRpps() });
      const before = await counts(t);
      const results = await Promise.all(
        ['converted', 'converted'].map((outcome) =>
          officer('post', `/api/candidate-referrals/${r.id}/close`).send({ version: 1, outcome, note: 'Course' }),
        ),
      );
      expect(results.map((res) => res.status).sort()).toEqual([201, 409]);
      expect(results.find((res) => res.status === 409)?.body.code).toBe('VERSION_CONFLICT');
      expect(await counts(t)).toMatchObject({ professionals: before.professionals + 1, events: before.events + 1 });
    });

    it('converting a referral of an archived professional answers 409 and writes nothing', async () => {
      const p = await createProfessional({});
      const r = await refer({
        civility: undefined,
        firstName: undefined,
        lastName: undefined,
        specialty: undefined,
        professionalId: p.id,
      });
      await officer('delete', `/api/professionals/${p.id}`).send({ version: 1 }).expect(204);
      const before = await counts(t);
      const res = await officer('post', `/api/candidate-referrals/${r.id}/close`)
        .send({ version: 1, outcome: 'converted', note: 'Oui' })
        .expect(409);
      expect(res.body.message).toBe(
        'Le professionnel lié est archivé : restaurez-le avant de convertir ce signalement.',
      );
      expect(await counts(t)).toEqual(before);
      expect(await stored(r.id)).toMatchObject({ status: 'new', version: 1, closedAt: null });
    });
  });
});
