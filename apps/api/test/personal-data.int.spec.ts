import type { ErasureReport, PersonalDataExport, ProfessionalDetail } from '@maillage/shared/domain';
import { Client } from 'pg';
import type { Response } from 'supertest';

import { RETENTION_LOCK, RetentionService } from '../src/personal-data/retention.service';
import { applied, fixture, previewed } from './import-helpers';
import { pdfText } from './pdf-text';
import { startTestApp, type TestApp } from './test-app';
import { buildVisitPlan } from './visit-factories';

function binary(res: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('personal-data rights of a professional', () => {
  let t: TestApp;
  let token: string;
  let martin: ProfessionalDetail;
  const get = (path: string, as = token) => t.http().get(path).set('Authorization', `Bearer ${as}`);
  const post = (path: string, body: object, as = token) =>
    t.http().post(path).set('Authorization', `Bearer ${as}`).send(body);
  const count = async (sql: string, params: unknown[] = []) =>
    (await t.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${sql}`, params))[0].n;

  beforeAll(async () => {
    t = await startTestApp();
    token = await t.tokenFor('mission_officer');
    await applied(t, token, (await previewed(t, token, 'sites', fixture('sites-windows-1252-semicolon.csv'))).id);
    await applied(t, token, (await previewed(t, token, 'professionals', fixture('professionals-utf8-comma.csv'))).id);
    const list = (await get('/api/professionals?q=10003382735')).body.items as { id: string }[];
    martin = (await get(`/api/professionals/${list[0].id}`)).body as ProfessionalDetail;
    const cdom = await t.tokenFor('cdom');
    await post(
      '/api/candidate-referrals',
      { professionalId: martin.id, reason: 'Claire Martin souhaite accueillir des internes.' },
      cdom,
    ).expect(201);
    const site = martin.sites[0];
    await post(
      '/api/site-visits',
      buildVisitPlan(site.id, { participants: [{ kind: 'msu', professionalId: martin.id }] }),
    ).expect(201);
  });
  afterAll(() => t.close());

  it('exports everything held about them as JSON', async () => {
    const res = await get(`/api/professionals/${martin.id}/personal-data`);
    expect(res.status).toBe(200);
    const data = res.body as PersonalDataExport;
    expect(data.professional).toMatchObject({
      lastName: 'Martin',
      email: 'claire.martin@example.fr',
      phone: '01 23 45 67 89',
      rpps: '10003382735',
    });
    expect(data.pipeline).toEqual([
      { fromStage: null, toStage: 'active', occurredOn: '2025-09-15', note: 'Import du fichier fichier.csv' },
    ]);
    expect(data.referrals).toEqual([
      expect.objectContaining({ status: 'new', reason: 'Claire Martin souhaite accueillir des internes.' }),
    ]);
    expect(data.visits).toEqual([
      expect.objectContaining({ site: "Maison de santé de l'Almont", status: 'Planifiée' }),
    ]);
    expect(data.imports).toEqual([expect.objectContaining({ fileName: 'fichier.csv', action: 'created' })]);
    expect(data.auditEvents.map((e) => `${e.entityType}:${e.action}`)).toEqual([
      'professional:created',
      'candidate_referral:created',
    ]);
  });

  it('and as a PDF to hand over', async () => {
    const res = await get(`/api/professionals/${martin.id}/personal-data.pdf`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    if (process.env['PDF_OUT']) require('node:fs').writeFileSync(`${process.env['PDF_OUT']}/donnees.pdf`, res.body);
    const { text } = await pdfText(res.body as Buffer);
    for (const expected of [
      'Données personnelles détenues',
      'Dr Claire Martin',
      'claire.martin@example.fr',
      'Signalements du CDOM',
      'Historique des modifications',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('erases on request: anonymised everywhere, counts and stage kept, the erasure audited without the data', async () => {
    const activeBefore = (await get('/api/professionals?msuStage=active')).body.total;
    const stale = await post(`/api/professionals/${martin.id}/erase`, { version: martin.version + 5 });
    expect(stale.status).toBe(409);
    const res = await post(`/api/professionals/${martin.id}/erase`, { version: martin.version });
    expect(res.status).toBe(200);
    expect(res.body as ErasureReport).toMatchObject({ referrals: 1, visitParticipations: 1 });
    const after = (await get(`/api/professionals/${martin.id}`)).body as ProfessionalDetail;
    expect(after).toMatchObject({
      firstName: '—',
      lastName: 'Personne effacée',
      rpps: null,
      email: null,
      phone: null,
      notes: null,
      contactConsent: false,
      msuStage: 'active',
      sites: [expect.objectContaining({ name: "Maison de santé de l'Almont" })],
    });
    expect((await get('/api/professionals?msuStage=active')).body.total).toBe(activeBefore);
    for (const needle of ['claire.martin@example.fr', '10003382735', 'Claire Martin', '01 23 45 67 89']) {
      expect(await count(`audit_events WHERE strpos(changes::text, $1) > 0`, [needle])).toBe(0);
      expect(
        await count(`candidate_referrals WHERE strpos(concat_ws(' ', first_name, last_name, rpps, reason), $1) > 0`, [
          needle,
        ]),
      ).toBe(0);
      expect(await count(`import_rows WHERE strpos(cells::text, $1) > 0`, [needle])).toBe(0);
      expect(await count(`visit_participants WHERE strpos(coalesce(name, ''), $1) > 0`, [needle])).toBe(0);
    }
    const history = (await get(`/api/audit-events?entityType=professional&entityId=${martin.id}`)).body.items as {
      action: string;
      changes: object;
    }[];
    expect(history[0]).toMatchObject({ action: 'erased', changes: {} });
    expect((await post(`/api/professionals/${martin.id}/erase`, { version: after.version })).status).toBe(409);
  });

  it('keeps these rights to the mission officer', async () => {
    for (const role of ['departement', 'cdom', 'admin'] as const) {
      const other = await t.tokenFor(role);
      expect((await get(`/api/professionals/${martin.id}/personal-data`, other)).status).toBe(403);
      expect((await post(`/api/professionals/${martin.id}/erase`, { version: 1 }, other)).status).toBe(403);
    }
  });
});

describe('retention of audit events and access records', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ AUDIT_RETENTION_MONTHS: '6' });
  });
  afterAll(() => t.close());

  it('purges what is older than the configured period, once even with several instances', async () => {
    const officer = await t.tokenFor('mission_officer');
    const user = (await t.db.query<{ id: string }[]>(`SELECT id FROM users WHERE role = 'mission_officer'`))[0];
    await t.db.query(
      `INSERT INTO audit_events (occurred_at, action, entity_type, entity_id, departement_code, changes)
       VALUES (now() - interval '7 months', 'updated', 'training_site', 'old', '77', '{}'),
              (now() - interval '5 months', 'updated', 'training_site', 'recent', '77', '{}')`,
    );
    await t.db.query(
      `INSERT INTO sessions (user_id, token_hash, created_at, expires_at, ip_address)
       VALUES ($1, repeat('a', 64), now() - interval '8 months', now() - interval '8 months', '203.0.113.7')`,
      [user.id],
    );
    const holder = new Client({ connectionString: t.databaseUrl });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('SELECT pg_advisory_xact_lock($1)', [RETENTION_LOCK]);
    expect(await t.app.get(RetentionService).run()).toMatchObject({ skipped: true, auditEvents: 0 });
    await holder.query('ROLLBACK');
    await holder.end();
    const report = await t.app.get(RetentionService).run();
    expect(report).toMatchObject({ skipped: false, auditEvents: 1, sessions: 1 });
    const left = await t.db.query<{ entity_id: string }[]>(
      `SELECT entity_id FROM audit_events WHERE entity_type = 'training_site'`,
    );
    expect(left.map((e) => e.entity_id)).toEqual(['recent']);
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${officer}`).expect(200);
  });
});
