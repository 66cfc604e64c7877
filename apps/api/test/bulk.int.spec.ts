import type { BulkResult } from '@maillage/shared/domain';
import type { Response } from 'supertest';

import { AuditEvent } from '../src/common/audit/audit-event.entity';
import { MsuStageEvent } from '../src/professionals/msu-stage-event.entity';
import { Professional } from '../src/professionals/professional.entity';
import { TrainingSite } from '../src/sites/training-site.entity';
import { Task } from '../src/tasks/task.entity';
import { TerritoryLoaderService } from '../src/territory/territory-loader.service';
import { agentOf, buildReferral } from './notification-factories';
import { buildAccreditation, buildSite, insertProfessional } from './site-factories';
import { type AuthedAgent, startTestApp, type TestApp } from './test-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const messages = (res: Response) => [res.body.message].flat().join(' | ');
/** Reads a CSV download as text. */
const text = (res: Response, callback: (error: Error | null, body: string) => void) => {
  let body = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => (body += chunk));
  res.on('end', () => callback(null, body));
};

describe('bulk actions on the lists (one transaction, refusals named)', () => {
  let t: TestApp;
  let officer: AuthedAgent;
  let officerId: string;
  let other: AuthedAgent;

  const bulk = async (agent: AuthedAgent, list: string, body: object, status = 200) =>
    (await agent('post', `/api/${list}/bulk`).send(body).expect(status)).body as BulkResult;
  const auditCount = (action: string) => t.db.getRepository(AuditEvent).countBy({ action });

  beforeAll(async () => {
    t = await startTestApp({ TERRITORY_DEPARTEMENTS: '77,75' });
    await t.app.get(TerritoryLoaderService).load(['77', '75']);
    officer = await t.as('mission_officer');
    officerId = (await officer('get', '/api/auth/me').expect(200)).body.id;
    other = agentOf(t, await t.tokenFor('mission_officer', { departementCode: '75', email: 'mo@75.test' }));
    // Starting the app (and its territory) takes more than 30 s on a loaded machine.
  }, 180_000);
  afterAll(() => t.close());

  describe('moving professionals in the MSU pipeline', () => {
    let ids: Record<string, string>;

    beforeAll(async () => {
      const make = async (lastName: string, msuStage: Professional['msuStage'], departementCode = '77') =>
        (await insertProfessional(t, { firstName: 'Claire', lastName, msuStage, departementCode })).id;
      ids = {
        a: await make('Arnaud', 'contacted'),
        b: await make('Bernard', 'contacted'),
        c: await make('Chevalier', 'contacted'),
        declined: await make('Dumas', 'declined'),
        elsewhere: await make('Étienne', 'contacted', '75'),
      };
    });

    it('moves three one stage, refuses and names a transition not allowed and records of another département', async () => {
      const before = await t.db.getRepository(MsuStageEvent).count();
      const result = await bulk(officer, 'professionals', {
        action: 'move_stage',
        ids: [ids.a, ids.b, ids.c, ids.declined, ids.elsewhere, UNKNOWN_ID, ids.a],
        stage: { toStage: 'interested', note: 'Réunion d’information du 12 mars' },
      });
      expect(result.selected).toBe(6);
      expect(result.done).toEqual([
        { id: ids.a, label: 'Dr Claire Arnaud' },
        { id: ids.b, label: 'Dr Claire Bernard' },
        { id: ids.c, label: 'Dr Claire Chevalier' },
      ]);
      expect(result.refused).toEqual([
        {
          id: ids.declined,
          label: 'Dr Claire Dumas',
          reason:
            'Passage impossible de l’étape « A décliné » à « Intéressé » : depuis une sortie du parcours, seul un retour à « Identifié » ou « Contacté » est possible.',
        },
        { id: ids.elsewhere, label: null, reason: 'Professionnel introuvable dans votre département.' },
        { id: UNKNOWN_ID, label: null, reason: 'Professionnel introuvable dans votre département.' },
      ]);
      const rows = await t.db.getRepository(Professional).findBy({});
      const stage = (id: string) => rows.find((r) => r.id === id)?.msuStage;
      expect([stage(ids.a), stage(ids.b), stage(ids.c), stage(ids.declined), stage(ids.elsewhere)]).toEqual([
        'interested',
        'interested',
        'interested',
        'declined',
        'contacted',
      ]);
      expect(await t.db.getRepository(MsuStageEvent).count()).toBe(before + 3);
      const audit = await t.db
        .getRepository(AuditEvent)
        .findBy({ entityType: 'professional', action: 'stage_changed' });
      expect(audit.map((a) => a.entityId).sort()).toEqual([ids.a, ids.b, ids.c].sort());
    });

    it('selects every record matching the list’s filters, as the list reads them', async () => {
      const result = await bulk(officer, 'professionals', {
        action: 'move_stage',
        filters: { msuStage: ['interested'] },
        stage: { toStage: 'in_training' },
      });
      expect(result.selected).toBe(3);
      expect(result.done.map((d) => d.label).sort()).toEqual([
        'Dr Claire Arnaud',
        'Dr Claire Bernard',
        'Dr Claire Chevalier',
      ]);
      const listed = (await officer('get', '/api/professionals?msuStage=in_training').expect(200)).body;
      expect(listed.total).toBe(3);
    });
  });

  describe('archiving sites', () => {
    it('archives the live ones, names the one already archived; audited like single archives', async () => {
      const site = async (name: string) =>
        (await officer('post', '/api/sites').send(buildSite({ name })).expect(201)).body;
      const [s1, s2, s3] = [await site('MSP du Lac'), await site('Cabinet des Tilleuls'), await site('Centre Pasteur')];
      await officer('delete', `/api/sites/${s3.id}`).send({ version: s3.version }).expect(204);
      const archivedBefore = await auditCount('archived');
      const result = await bulk(officer, 'sites', { action: 'archive', ids: [s1.id, s2.id, s3.id] });
      expect(result.done.map((d) => d.label)).toEqual(['MSP du Lac', 'Cabinet des Tilleuls']);
      expect(result.refused).toEqual([
        { id: s3.id, label: 'Centre Pasteur', reason: 'Cet enregistrement est déjà archivé.' },
      ]);
      expect(await auditCount('archived')).toBe(archivedBefore + 2);
      const rows = await t.db.getRepository(TrainingSite).findBy({});
      expect(
        rows.filter((s) => [s1.id, s2.id].includes(s.id)).every((s) => s.archivedAt !== null && s.version === 2),
      ).toBe(true);
    });
  });

  describe('a task per record', () => {
    it('creates one task on each accreditation, named after it, for a colleague', async () => {
      const p1 = await insertProfessional(t, { firstName: 'Hélène', lastName: 'Durand' });
      const p2 = await insertProfessional(t, { firstName: 'Marc', lastName: 'Petit' });
      for (const p of [p1, p2]) {
        await officer('post', '/api/accreditations')
          .send(buildAccreditation({ professionalId: p.id }))
          .expect(201);
      }
      const colleague = await t.createUser('mission_officer', { email: 'collegue@77.test' });
      const result = await bulk(officer, 'accreditations', {
        action: 'assign_task',
        filters: { status: 'requested' },
        task: { title: 'Compléter le dossier : {nom}', dueOn: '2027-01-31', priority: 'high', ownerId: colleague.id },
      });
      expect(result.done.map((d) => d.label).sort()).toEqual([
        'Agrément de Dr Hélène Durand',
        'Agrément de Dr Marc Petit',
      ]);
      const tasks = await t.db.getRepository(Task).findBy({ subjectType: 'accreditation' });
      expect(tasks.map((x) => x.title).sort()).toEqual([
        'Compléter le dossier : Agrément de Dr Hélène Durand',
        'Compléter le dossier : Agrément de Dr Marc Petit',
      ]);
      expect(tasks.every((x) => x.ownerId === colleague.id && x.priority === 'high' && x.dueOn === '2027-01-31')).toBe(
        true,
      );
    });

    it('refuses every record when the owner is not of their département, and creates nothing', async () => {
      const before = await t.db.getRepository(Task).count();
      const outsider = await t.createUser('mission_officer', { departementCode: '75', email: 'outsider@75.test' });
      const referral = (await officer('post', '/api/candidate-referrals').send(buildReferral()).expect(201)).body;
      const result = await bulk(officer, 'candidate-referrals', {
        action: 'assign_task',
        ids: [referral.id],
        task: { title: 'Appeler {nom}', ownerId: outsider.id },
      });
      expect(result.done).toEqual([]);
      expect(result.refused[0].reason).toBe('ownerId : le responsable doit être un compte actif du département.');
      expect(await t.db.getRepository(Task).count()).toBe(before);
    });
  });

  describe('referrals', () => {
    it('assigns referrals to a mission officer like the single action; a closed one and a CDOM account are refused', async () => {
      const make = async () =>
        (await officer('post', '/api/candidate-referrals').send(buildReferral()).expect(201)).body as {
          id: string;
          version: number;
        };
      const [open, closed] = [await make(), await make()];
      await officer('post', `/api/candidate-referrals/${closed.id}/close`)
        .send({ version: closed.version, outcome: 'declined', note: 'Ne souhaite pas accueillir.' })
        .expect(201);
      const cdom = await t.createUser('cdom', { departementCode: '77', email: 'cdom-assign@77.test' });
      const toCdom = await bulk(officer, 'candidate-referrals', {
        action: 'assign',
        ids: [open.id],
        owner: { ownerId: cdom.id },
      });
      expect(toCdom.done).toEqual([]);
      expect(toCdom.refused[0].reason).toBe(
        'userId : le compte doit être celui d’un chargé de mission actif du département.',
      );
      const result = await bulk(officer, 'candidate-referrals', {
        action: 'assign',
        ids: [open.id, closed.id],
        owner: { ownerId: officerId },
      });
      expect(result.done.map((d) => d.id)).toEqual([open.id]);
      expect(result.refused).toEqual([
        expect.objectContaining({ id: closed.id, reason: 'Ce signalement est déjà clos.' }),
      ]);
      const after = (await officer('get', `/api/candidate-referrals/${open.id}`).expect(200)).body;
      expect(after.assignedTo.id).toBe(officerId);
      expect(after.status).toBe('assigned');
    });
  });

  describe('tasks', () => {
    it('gives tasks to a colleague and completes them; a done one is refused', async () => {
      const make = async (title: string) =>
        (await officer('post', '/api/tasks').send({ title }).expect(201)).body.id as string;
      const [a, b] = [await make('Relancer la mairie'), await make('Préparer la visite')];
      await officer('post', `/api/tasks/${b}/complete`).send({ version: 1 }).expect(200);
      const given = await bulk(officer, 'tasks', { action: 'assign', ids: [a, b], owner: { ownerId: officerId } });
      expect(given.done.map((d) => d.label)).toEqual(['Relancer la mairie', 'Préparer la visite']);
      const done = await bulk(officer, 'tasks', { action: 'complete', ids: [a, b] });
      expect(done.done.map((d) => d.id)).toEqual([a]);
      expect(done.refused).toEqual([
        { id: b, label: 'Préparer la visite', reason: 'Cette tâche n’est plus ouverte : rouvrez-la d’abord.' },
      ]);
    });
  });

  describe('export', () => {
    it('exports the selection as a French CSV, with the columns the role may read', async () => {
      const res = await officer('post', '/api/professionals/bulk/export')
        .send({ filters: { msuStage: ['in_training'] } })
        .buffer(true)
        .parse(text)
        .expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="professionnels-\d{4}-\d{2}-\d{2}\.csv"$/,
      );
      expect(res.headers['x-exported-count']).toBe('3');
      const lines = (res.body as string).split('\r\n');
      expect(lines[0]).toBe(
        '\uFEFFCivilité;Prénom;Nom;RPPS;Profession;Spécialité;Mode d’exercice;Étape MSU;Depuis le;E-mail;Téléphone',
      );
      expect(
        lines
          .slice(1, 4)
          .map((l) => l.split(';')[2])
          .sort(),
      ).toEqual(['Arnaud', 'Bernard', 'Chevalier']);

      const cdom = await t.as('cdom');
      const forCdom = await cdom('post', '/api/professionals/bulk/export')
        .send({ filters: { msuStage: ['in_training'] } })
        .buffer(true)
        .parse(text)
        .expect(200);
      expect((forCdom.body as string).split('\r\n')[0]).not.toContain('E-mail');
    });

    it('exports to the CDOM only the referrals the CDOM made', async () => {
      const cdom = await t.as('cdom');
      await cdom('post', '/api/candidate-referrals')
        .send(buildReferral({ lastName: 'Signalée' }))
        .expect(201);
      const res = await cdom('post', '/api/candidate-referrals/bulk/export')
        .send({ filters: {} })
        .buffer(true)
        .parse(text)
        .expect(200);
      expect(res.headers['x-exported-count']).toBe('1');
      expect(res.body as string).toContain('Signalée');
    });
  });

  describe('permissions and bad input', () => {
    it.each(['departement', 'cdom', 'committee', 'admin'] as const)(
      '%s may not change records in bulk: 403',
      async (role) => {
        const agent = await t.as(role);
        await agent('post', '/api/sites/bulk').send({ action: 'archive', filters: {} }).expect(403);
        await agent('post', '/api/professionals/bulk').send({ action: 'archive', filters: {} }).expect(403);
      },
    );

    it('lets readers export what they read, and no one else', async () => {
      await (await t.as('departement'))('post', '/api/sites/bulk/export').send({ filters: {} }).expect(200);
      await (await t.as('committee'))('post', '/api/sites/bulk/export').send({ filters: {} }).expect(403);
      await (await t.as('cdom'))('post', '/api/tasks/bulk/export').send({ filters: {} }).expect(403);
      await t.http().post('/api/sites/bulk').send({ action: 'archive', filters: {} }).expect(401);
    });

    it('keeps another département’s records out of a filters selection', async () => {
      const result = await bulk(other, 'professionals', {
        action: 'move_stage',
        filters: { msuStage: ['in_training'] },
        stage: { toStage: 'file_submitted' },
      });
      expect(result).toEqual({ action: 'move_stage', selected: 0, done: [], refused: [] });
    });

    it.each([
      ['no selection', { action: 'archive' }, 'ids : donnez les identifiants choisis'],
      ['both ids and filters', { action: 'archive', ids: [UNKNOWN_ID], filters: {} }, 'ids, filters : choisissez'],
      ['ids that are not ids', { action: 'archive', ids: ['12'] }, 'ids : identifiants invalides (uuid attendus).'],
      ['an empty selection', { action: 'archive', ids: [] }, 'ids : choisissez au moins un enregistrement.'],
      [
        'an unknown filter',
        { action: 'archive', filters: { couleur: 'bleu' } },
        'Le champ « filters.couleur » n’est pas autorisé.',
      ],
      ['a bad filter value', { action: 'archive', filters: { msuStage: ['bogus'] } }, 'msuStage : valeurs possibles'],
      [
        'an action of another list',
        { action: 'complete', filters: {} },
        'action : actions possibles pour cette liste : archive, assign_task, move_stage.',
      ],
      ['a move without its stage', { action: 'move_stage', filters: {} }, 'stage : l’étape visée est attendue'],
      [
        'a move into the future',
        { action: 'move_stage', filters: {}, stage: { toStage: 'active', date: '2999-01-01' } },
        'stage.date : la date du changement ne peut pas être dans le futur.',
      ],
      [
        'a task without a title',
        { action: 'assign_task', filters: {}, task: {} },
        'task.title : l’intitulé est obligatoire.',
      ],
    ])('refuses %s with a French message, changing nothing', async (_, body, message) => {
      const before = {
        audit: await t.db.getRepository(AuditEvent).count(),
        tasks: await t.db.getRepository(Task).count(),
      };
      const res = await officer('post', '/api/professionals/bulk').send(body).expect(400);
      expect(messages(res)).toContain(message);
      expect({
        audit: await t.db.getRepository(AuditEvent).count(),
        tasks: await t.db.getRepository(Task).count(),
      }).toEqual(before);
    });
  });
});
