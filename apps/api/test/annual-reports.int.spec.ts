import type { AnnualReportDetail, ReportFigureTable, SiteRecord, VisitPurpose } from '@maillage/shared/domain';
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import type { Response } from 'supertest';

import { Accreditation } from '../src/accreditations/accreditation.entity';
import { AnnualReport } from '../src/annual-reports/annual-report.entity';
import { AuditEvent } from '../src/common/audit/audit-event.entity';
import { Clock } from '../src/common/clock/clock';
import { InstallationIntent } from '../src/intents/installation-intent.entity';
import { SupportMeasure } from '../src/measures/support-measure.entity';
import { MsuStageEvent } from '../src/professionals/msu-stage-event.entity';
import { CandidateReferral } from '../src/referrals/candidate-referral.entity';
import { SiteVisit } from '../src/visits/site-visit.entity';
import { CLOSING, insertIssue } from './issue-factories';
import { pdfText } from './pdf-text';
import { insertProfessional } from './site-factories';
import { type AuthedAgent, startTestApp, type TestApp } from './test-app';
import { userIdOf, visitHelpers } from './visit-factories';

const YEAR = 2026;
const NOW = new Date('2026-12-15T10:00:00Z');

const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

const table = (report: AnnualReportDetail, key: string): ReportFigureTable => {
  const found = report.figures.tables.find((t) => t.key === key);
  if (!found) throw new Error(`no table ${key}`);
  return found;
};
/** `{ rowKey: values }` of a table, zero rows left out. */
const nonZero = (report: AnnualReportDetail, key: string) =>
  Object.fromEntries(
    table(report, key)
      .rows.filter((r) => r.values.some((v) => v !== 0))
      .map((r) => [r.key, r.values]),
  );

describe('annual reports (/api/annual-reports)', () => {
  let t: TestApp;
  let officer: AuthedAgent;
  let officerId: string;
  let cdomId: string;
  let sites: SiteRecord[];
  let openIssueId: string;

  async function visit(site: SiteRecord, purpose: VisitPurpose, status: 'done' | 'planned' | 'cancelled', on: string) {
    const repo = t.db.getRepository(SiteVisit);
    await repo.save(
      repo.create({
        siteId: site.id,
        departementCode: '77',
        purpose,
        status,
        plannedOn: on,
        plannedTime: null,
        visitedOn: status === 'done' ? on : null,
        checklist: {},
        findings: null,
        nextVisitOn: null,
        notes: null,
        archivedAt: null,
      }),
    );
  }

  async function accreditation(
    holder: { siteId: string } | { professionalId: string },
    status: string,
    start: string,
    stageTypes = ['N1'],
  ) {
    const repo = t.db.getRepository(Accreditation);
    await repo.save(
      repo.create({
        siteId: null,
        professionalId: null,
        ...holder,
        departementCode: '77',
        cycle: '3',
        type: 'principal',
        stageTypes,
        phases: ['socle'],
        maxStudents: 2,
        authority: 'ARS Île-de-France',
        startDate: start,
        endDate: null,
        status,
        archivedAt: null,
      } as Partial<Accreditation>),
    );
  }

  async function stageEvent(professionalId: string, toStage: string, occurredOn: string) {
    await t.db
      .getRepository(MsuStageEvent)
      .insert({ professionalId, fromStage: null, toStage, occurredOn, note: null, actorId: null } as never);
  }

  async function referral(status: string, createdAt: string) {
    const repo = t.db.getRepository(CandidateReferral);
    const saved = await repo.save(
      repo.create({
        departementCode: '77',
        firstName: 'Jeanne',
        lastName: 'Durand',
        reason: 'Souhaite accueillir des internes.',
        status,
        referredById: cdomId,
        archivedAt: null,
      } as Partial<CandidateReferral>),
    );
    await t.db.query('UPDATE candidate_referrals SET created_at = $2 WHERE id = $1', [saved.id, createdAt]);
  }

  async function measure(
    type: string,
    status: string,
    planned: number,
    committed: number,
    start: string,
    end: string | null,
  ) {
    const repo = t.db.getRepository(SupportMeasure);
    await repo.save(
      repo.create({
        departementCode: '77',
        type,
        name: `Dispositif ${type}`,
        description: null,
        budgetPlanned: planned,
        budgetCommitted: committed,
        startDate: start,
        endDate: end,
        status,
        indicators: [],
        archivedAt: null,
      } as Partial<SupportMeasure>),
    );
  }

  async function intent(status: string, createdAt: string, settledOn: string | null = null) {
    const repo = t.db.getRepository(InstallationIntent);
    const saved = await repo.save(
      repo.create({
        departementCode: '77',
        consent: false,
        firstName: null,
        lastName: null,
        initials: 'A. B.',
        specialty: 'Médecine générale',
        horizon: '6_12_months',
        status,
        reportedById: officerId,
        settledOn,
        archivedAt: null,
      } as Partial<InstallationIntent>),
    );
    await t.db.query('UPDATE installation_intents SET created_at = $2 WHERE id = $1', [saved.id, createdAt]);
  }

  beforeAll(async () => {
    t = await startTestApp();
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(NOW);
    officer = await t.as('mission_officer');
    await t.tokenFor('cdom');
    officerId = await userIdOf(t, 'mission_officer.77@test.maillage.fr');
    cdomId = await userIdOf(t, 'cdom.77@test.maillage.fr');
    const { createSite } = visitHelpers(officer);
    sites = [
      await createSite({ capacities: [{ stageType: 'N1', places: 2 }] }),
      await createSite({
        capacities: [
          { stageType: 'N1', places: 2 },
          { stageType: 'SASPAS', places: 1 },
        ],
      }),
      await createSite({ capacities: [{ stageType: 'N1', places: 3 }] }),
    ];
    const [a, b, c] = sites;
    // Visits: 3 prospection (2 sites), 1 follow-up, 1 accreditation done in 2026.
    await visit(a, 'prospection', 'done', '2026-02-10');
    await visit(a, 'prospection', 'done', '2026-03-10');
    await visit(b, 'prospection', 'done', '2026-04-01');
    await visit(b, 'follow_up', 'done', '2026-05-05');
    await visit(c, 'accreditation', 'done', '2026-06-06');
    await visit(a, 'follow_up', 'planned', '2026-12-20');
    await visit(c, 'follow_up', 'cancelled', '2026-07-01');
    await visit(c, 'prospection', 'done', '2025-12-31');
    // Accreditations: sites B and C in 2026, MSU P1 in 2026; A in 2025, P3 in 2025, P2 only requested.
    const [p1, p2, p3] = [await insertProfessional(t), await insertProfessional(t), await insertProfessional(t)];
    await accreditation({ siteId: a.id }, 'granted', '2025-06-01');
    await accreditation({ siteId: b.id }, 'granted', '2026-03-01', ['N1', 'SASPAS']);
    await accreditation({ siteId: c.id }, 'conditional', '2026-09-01');
    await accreditation({ professionalId: p1.id }, 'granted', '2026-02-01');
    await accreditation({ professionalId: p2.id }, 'requested', '2026-02-01');
    await accreditation({ professionalId: p3.id }, 'granted', '2025-01-01');
    // MSU pipeline.
    await stageEvent(p1.id, 'contacted', '2026-01-10');
    await stageEvent(p1.id, 'interested', '2026-02-10');
    await stageEvent(p1.id, 'interested', '2026-03-10');
    await stageEvent(p2.id, 'contacted', '2026-03-01');
    await stageEvent(p3.id, 'contacted', '2025-11-01');
    await stageEvent(p3.id, 'accredited', '2026-04-01');
    // Referrals.
    await referral('new', '2026-01-05T09:00:00Z');
    await referral('converted', '2026-04-05T09:00:00Z');
    await referral('declined', '2026-12-31T22:30:00Z'); // 31 December, 23:30 in Paris
    await referral('converted', '2025-12-31T23:30:00Z'); // 1 January 2026, 00:30 in Paris
    await referral('not_eligible', '2025-06-01T09:00:00Z');
    // Access issues.
    openIssueId = (await insertIssue(t, a.id, { category: 'housing', raisedOn: '2026-02-01' })).id;
    await insertIssue(t, a.id, { category: 'housing', status: 'resolved', raisedOn: '2026-03-01' });
    await insertIssue(t, b.id, { category: 'public_transport', status: 'wont_fix', raisedOn: '2026-04-01' });
    const old = await insertIssue(t, b.id, { category: 'housing', status: 'resolved', raisedOn: '2025-10-01' });
    await t.db.query('UPDATE access_issues SET closed_on = $2 WHERE id = $1', [old.id, '2026-01-20']);
    await insertIssue(t, c.id, { category: 'public_transport', raisedOn: '2025-05-01' });
    await insertIssue(t, c.id, { category: 'housing', status: 'resolved', raisedOn: '2025-03-01' });
    // Measures.
    await measure('housing_aid', 'active', 20000, 5000, '2026-01-01', '2026-12-31');
    await measure('housing_aid', 'active', 10000, 2500.5, '2025-01-01', null);
    await measure('transport_aid', 'completed', 8000, 8000, '2025-01-01', '2025-12-31');
    await measure('communication', 'cancelled', 3000, 0, '2026-01-01', '2026-12-31');
    // Installation intents.
    await intent('intention', '2026-02-01T10:00:00Z');
    await intent('in_discussion', '2026-03-01T10:00:00Z');
    await intent('settled', '2026-04-01T10:00:00Z', '2026-07-01');
    await intent('settled', '2025-04-01T10:00:00Z', '2026-02-01');
    await intent('settled', '2025-01-01T10:00:00Z', '2025-03-01');
  });

  afterAll(async () => {
    await t?.close();
  });

  let reportId: string;
  let version: number;

  it('creates a draft (one live per département and year) whose figures are computed from the data', async () => {
    const res = await officer('post', '/api/annual-reports').send({
      year: YEAR,
      sections: {
        introduction:
          'L’année 2026 a vu la mission se structurer autour des maisons de santé pluriprofessionnelles du ' +
          'département. Les visites de terrain ont permis d’identifier de nouveaux lieux de stage et de lever ' +
          'plusieurs freins à l’accueil des internes.\n\nCe rapport présente les actions conduites, les chiffres ' +
          'de l’année et les perspectives proposées au comité stratégique.',
        access_difficulties:
          'Le logement reste la première difficulté signalée par les internes, devant les transports en commun.',
      },
    });
    expect(res.status).toBe(201);
    const report = res.body as AnnualReportDetail;
    expect(report).toMatchObject({ year: YEAR, status: 'draft', frozen: false, title: 'Rapport d’activité 2026' });
    reportId = report.id;
    version = report.version;

    expect(nonZero(report, 'visits')).toEqual({ prospection: [3], follow_up: [1], accreditation: [1] });
    expect(table(report, 'visits').total).toEqual([5]);
    expect(nonZero(report, 'sites')).toEqual({ sites_prospected: [2], sites_accredited: [2], msus_accredited: [1] });
    // The funnel as on the dashboard: current stages, cumulative (the three professionals are active MSUs).
    expect(nonZero(report, 'msu_pipeline')).toEqual({
      identified: [3],
      contacted: [3],
      interested: [3],
      in_training: [3],
      file_submitted: [3],
      accredited: [3],
      active: [3],
    });
    expect(nonZero(report, 'referrals')).toEqual({ new: [1], converted: [2], declined: [1] });
    expect(table(report, 'referrals').total).toEqual([4]);
    expect(nonZero(report, 'access_issues')).toEqual({ housing: [2, 2], public_transport: [1, 0] });
    expect(table(report, 'access_issues').total).toEqual([3, 2]);
    expect(nonZero(report, 'measures')).toEqual({ housing_aid: [2, 30000, 7500.5] });
    expect(nonZero(report, 'intents')).toEqual({ intention: [1], in_discussion: [1], settled: [1] });
    expect(nonZero(report, 'places')).toEqual({ N1: [4, 7], SASPAS: [1, 1] });
    expect(table(report, 'places').columns).toEqual(['Type de stage', 'Été 2026', 'Hiver 2026-2027']);
    expect(nonZero(report, 'key_figures')).toEqual({
      visits_done: [5],
      sites_prospected: [2],
      sites_accredited: [2],
      msus_accredited: [1],
      referrals_received: [4],
      issues_raised: [3],
      issues_resolved: [2],
      settlements: [2],
    });

    const again = await officer('post', '/api/annual-reports').send({ year: YEAR });
    expect(again.status).toBe(409);
    const previous = await officer('post', '/api/annual-reports').send({ year: YEAR - 1 });
    expect(previous.status).toBe(201);
    expect(table(previous.body as AnnualReportDetail, 'visits').total).toEqual([1]);
  });

  it('refuses bad input with 400 and writes nothing', async () => {
    const before = [await t.db.getRepository(AnnualReport).count(), await t.db.getRepository(AuditEvent).count()];
    for (const body of [
      {},
      { year: 1999 },
      { year: 'deux mille' },
      { year: 2027, sections: { unknown: 'x' } },
      { year: 2027, sections: { introduction: 42 } },
      { year: 2027, title: '' },
    ]) {
      expect((await officer('post', '/api/annual-reports').send(body)).status).toBe(400);
    }
    expect((await officer('patch', `/api/annual-reports/${reportId}`).send({ title: 'Sans version' })).status).toBe(
      400,
    );
    expect(
      (await officer('post', `/api/annual-reports/${reportId}/present`).send({ version, presentedOn: '15/12/2026' }))
        .status,
    ).toBe(400);
    expect([await t.db.getRepository(AnnualReport).count(), await t.db.getRepository(AuditEvent).count()]).toEqual(
      before,
    );
  });

  it('edits a draft with its version (stale: 409), presents, reopens, presents again', async () => {
    const patched = await officer('patch', `/api/annual-reports/${reportId}`).send({
      version,
      title: 'Rapport d’activité 2026 de la mission',
      sections: {
        msu_promotion: 'Deux médecins contactés ; un agrément individuel obtenu.',
        outlook: 'Poursuivre la prospection dans le nord du département.',
      },
    });
    expect(patched.status).toBe(200);
    expect(Object.keys(patched.body.sections)).toEqual([
      'introduction',
      'msu_promotion',
      'access_difficulties',
      'outlook',
    ]);
    expect((await officer('patch', `/api/annual-reports/${reportId}`).send({ version, title: 'Périmé' })).status).toBe(
      409,
    );
    version = patched.body.version;

    expect(
      (await officer('post', `/api/annual-reports/${reportId}/approve`).send({ version, approvedOn: '2026-12-15' }))
        .status,
    ).toBe(409);
    expect((await officer('post', `/api/annual-reports/${reportId}/reopen`).send({ version })).status).toBe(409);
    const presented = await officer('post', `/api/annual-reports/${reportId}/present`).send({
      version,
      presentedOn: '2026-12-10',
    });
    expect(presented.status).toBe(200);
    expect(presented.body).toMatchObject({ status: 'presented', presentedOn: '2026-12-10', frozen: false });
    version = presented.body.version;
    expect(
      (await officer('patch', `/api/annual-reports/${reportId}`).send({ version, title: 'Trop tard' })).status,
    ).toBe(409);
    expect(
      (await officer('post', `/api/annual-reports/${reportId}/present`).send({ version, presentedOn: '2026-12-10' }))
        .status,
    ).toBe(409);

    const reopened = await officer('post', `/api/annual-reports/${reportId}/reopen`).send({ version });
    expect(reopened.body).toMatchObject({ status: 'draft', presentedOn: null });
    const again = await officer('post', `/api/annual-reports/${reportId}/present`).send({
      version: reopened.body.version,
      presentedOn: '2026-12-12',
    });
    expect(again.status).toBe(200);
    version = again.body.version;
    expect(
      (await officer('post', `/api/annual-reports/${reportId}/approve`).send({ version, approvedOn: '2026-12-01' }))
        .status,
    ).toBe(400);
  });

  let approved: AnnualReportDetail;
  let pdfBefore: string;
  let xlsxBefore: Buffer;

  it('refuses to approve empty sections and a year not over without an explicit confirmation', async () => {
    const audits = await t.db.getRepository(AuditEvent).countBy({ entityId: reportId });
    for (const confirmIncomplete of [undefined, false]) {
      const res = await officer('post', `/api/annual-reports/${reportId}/approve`).send({
        version,
        approvedOn: '2026-12-15',
        ...(confirmIncomplete === undefined ? {} : { confirmIncomplete }),
      });
      expect(res.status).toBe(400);
      const message = String(res.body.message);
      expect(message).toMatch(
        /^confirmIncomplete : 2 sections sur 6 sont vides \(« Dispositifs et mesures », « Valorisation du territoire »\)/,
      );
      expect(message).toContain('l’année 2026 n’est pas terminée (elle s’achève le 31 décembre 2026)');
      expect(message).toContain('Confirmez explicitement pour approuver quand même.');
    }
    const bad = await officer('post', `/api/annual-reports/${reportId}/approve`).send({
      version,
      approvedOn: '2026-12-15',
      confirmIncomplete: 'oui',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual(['confirmIncomplete : vrai ou faux attendu.']);
    const stored = await t.db.getRepository(AnnualReport).findOneByOrFail({ id: reportId });
    expect(stored).toMatchObject({ status: 'presented', figures: null, version });
    expect(await t.db.getRepository(AuditEvent).countBy({ entityId: reportId })).toBe(audits);
  });

  it('approves: figures are computed and stored, exports carry them', async () => {
    const res = await officer('post', `/api/annual-reports/${reportId}/approve`).send({
      version,
      approvedOn: '2026-12-15',
      confirmIncomplete: true,
    });
    expect(res.status).toBe(200);
    // The confirmation is in the history, with what was missing.
    const confirmation = await t.db
      .getRepository(AuditEvent)
      .findOneByOrFail({ entityId: reportId, action: 'approval_confirmed' });
    expect(confirmation.actorId).toBe(officerId);
    expect(JSON.stringify(confirmation.changes)).toContain('Valorisation du territoire');
    expect(JSON.stringify(confirmation.changes)).toContain('yearNotOver');
    approved = res.body as AnnualReportDetail;
    expect(approved).toMatchObject({ status: 'approved', approvedOn: '2026-12-15', frozen: true });
    expect(approved.approvedById).toBe(officerId);
    const stored = await t.db.getRepository(AnnualReport).findOneByOrFail({ id: reportId });
    expect(stored.figures).toEqual(approved.figures);
    const bodies: Record<string, object> = {
      reopen: {},
      present: { presentedOn: '2026-12-15' },
      approve: { approvedOn: '2026-12-15' },
    };
    for (const [action, body] of Object.entries(bodies)) {
      const res = await officer('post', `/api/annual-reports/${reportId}/${action}`).send({
        version: approved.version,
        ...body,
      });
      expect(res.status).toBe(409);
    }
    const edit = await officer('patch', `/api/annual-reports/${reportId}`).send({
      version: approved.version,
      title: 'Non',
    });
    expect(edit.status).toBe(409);

    const pdf = await officer('get', `/api/annual-reports/${reportId}/export.pdf`).buffer(true).parse(binary);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const body = pdf.body as Buffer;
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    pdfBefore = (await pdfText(body)).text;
    if (process.env['ANNUAL_REPORT_PDF']) writeFileSync(process.env['ANNUAL_REPORT_PDF'], body);
    expect(pdfBefore).toContain('2026');
    expect(pdfBefore).toContain('Deux médecins contactés ; un agrément individuel obtenu.');
    expect(pdfBefore).toContain('Visites réalisées par objet');
    expect(pdfBefore).toMatch(/Prospection\s*3/);
    expect(pdfBefore).toContain('Approuvé');
    // The cover's panels and the contents: budgets in euros, places of both semesters, the two parts.
    expect(pdfBefore).toMatch(/Budget engagé\s*7\s501\s€/);
    expect(pdfBefore).toMatch(/Été 2026\s*5 places/);
    expect(pdfBefore).toMatch(/Sommaire.*Le rapport de la mission.*Les chiffres de l’année/);

    const xlsx = await officer('get', `/api/annual-reports/${reportId}/export.xlsx`).buffer(true).parse(binary);
    expect(xlsx.status).toBe(200);
    xlsxBefore = xlsx.body as Buffer;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsxBefore as never);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(approved.figures.tables.map((tb) => tb.sheet));
    const visits = workbook.getWorksheet('Visites');
    expect(visits?.getRow(1).values).toEqual([undefined, 'Objet de la visite', 'Visites réalisées']);
    expect(visits?.getRow(2).getCell(2).value).toBe(3);
    expect(visits?.getRow(6).values).toEqual([undefined, 'Total', 5]);
    const measures = workbook.getWorksheet('Dispositifs');
    expect(measures?.getRow(2).values).toEqual(
      [undefined, 'Aide au logement', 2, 30000, 7500.5].map((v, i) => (i === 1 ? expect.any(String) : v)),
    );
    expect(workbook.getWorksheet('Places offertes')?.getRow(1).getCell(3).value).toBe('Hiver 2026-2027');
  });

  it('frozen means frozen: later data changes alter neither GET nor the exports', async () => {
    await visit(sites[2], 'follow_up', 'done', '2026-12-01');
    const issue = await officer('get', `/api/access-issues/${openIssueId}`);
    const resolved = await officer('post', `/api/access-issues/${openIssueId}/resolve`).send({
      version: issue.body.version,
      ...CLOSING,
      closedOn: '2026-11-02',
    });
    expect([resolved.status, resolved.body.message]).toEqual([200, undefined]);
    // The data did change: a live report of the year would see it.
    const live = await t.db.getRepository(AnnualReport).findOneByOrFail({ id: reportId });
    expect(live.status).toBe('approved');

    const res = await officer('get', `/api/annual-reports/${reportId}`);
    expect(res.body).toEqual(approved);
    expect(table(res.body, 'visits').total).toEqual([5]);
    expect(table(res.body, 'access_issues').total).toEqual([3, 2]);

    const pdf = await officer('get', `/api/annual-reports/${reportId}/export.pdf`).buffer(true).parse(binary);
    expect((await pdfText(pdf.body as Buffer)).text).toBe(pdfBefore);
    const xlsx = await officer('get', `/api/annual-reports/${reportId}/export.xlsx`).buffer(true).parse(binary);
    const [a, b] = [new ExcelJS.Workbook(), new ExcelJS.Workbook()];
    await a.xlsx.load(xlsxBefore as never);
    await b.xlsx.load(xlsx.body as never);
    expect(b.worksheets.map((s) => s.getSheetValues())).toEqual(a.worksheets.map((s) => s.getSheetValues()));

    // …while the figures of a live report follow the data: the same computation now sees them.
    await t.db.query(
      `UPDATE annual_reports SET status = 'presented', figures = NULL, approved_on = NULL WHERE id = $1`,
      [reportId],
    );
    const liveNow = (await officer('get', `/api/annual-reports/${reportId}`)).body as AnnualReportDetail;
    expect(table(liveNow, 'visits').total).toEqual([6]);
    expect(table(liveNow, 'access_issues').total).toEqual([3, 3]);
    await t.db.query(
      `UPDATE annual_reports SET status = 'approved', figures = $2, approved_on = '2026-12-15' WHERE id = $1`,
      [reportId, JSON.stringify(approved.figures)],
    );
  });

  it('lets every reader read and export, only the mission officer write', async () => {
    for (const role of ['committee', 'departement', 'cdom', 'admin'] as const) {
      const agent = await t.as(role);
      expect((await agent('get', '/api/annual-reports')).status).toBe(200);
      expect((await agent('get', `/api/annual-reports/${reportId}`)).status).toBe(200);
      expect((await agent('get', `/api/annual-reports/${reportId}/export.pdf`).buffer(true).parse(binary)).status).toBe(
        200,
      );
      expect(
        (await agent('get', `/api/annual-reports/${reportId}/export.xlsx`).buffer(true).parse(binary)).status,
      ).toBe(200);
      expect((await agent('post', '/api/annual-reports').send({ year: 2030 })).status).toBe(403);
      expect((await agent('patch', `/api/annual-reports/${reportId}`).send({ version: 1, title: 'Non' })).status).toBe(
        403,
      );
      expect((await agent('post', `/api/annual-reports/${reportId}/reopen`).send({ version: 1 })).status).toBe(403);
    }
    const created = await officer('post', '/api/annual-reports').send({ year: 2030 });
    expect(created.status).toBe(201);
    const other = await t
      .tokenFor('committee', { departementCode: '75', email: 'committee.75@test.maillage.fr' })
      .catch(() => null);
    if (other) {
      const res = await t.http().get(`/api/annual-reports/${reportId}`).set('Authorization', `Bearer ${other}`);
      expect(res.status).toBe(404);
    }
  });
});
