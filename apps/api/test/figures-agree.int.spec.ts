import type {
  AnnualReportDetail,
  Dashboard,
  OfferSnapshotDetail,
  ReportFigureTable,
  SemesterPlan,
} from '@maillage/shared/domain';

import { Clock } from '../src/common/clock/clock';
import { buildAccreditation, insertProfessional } from './site-factories';
import { type AuthedAgent, startTestApp, type TestApp } from './test-app';
import { visitHelpers } from './visit-factories';

/**
 * One figure, one definition: on one dataset, places offered / requested / filled per semester
 * (docteurs juniors apart), the MSUs accredited in a period and the pipeline funnel read the same on
 * the dashboard, Semestres, the offer snapshot and the annual report.
 */
describe('figures agree across screens', () => {
  let t: TestApp;
  let officer: AuthedAgent;

  let dashboard: Dashboard;
  let winter: SemesterPlan;
  let summer: SemesterPlan;
  let snapshot: OfferSnapshotDetail;
  let report2026: AnnualReportDetail;
  let report2027: AnnualReportDetail;

  const table = (report: AnnualReportDetail, key: string): ReportFigureTable => {
    const found = report.figures.tables.find((tb) => tb.key === key);
    if (!found) throw new Error(`no table ${key}`);
    return found;
  };
  const rowOf = (report: AnnualReportDetail, key: string, row: string): number[] => {
    const found = table(report, key).rows.find((r) => r.key === row);
    if (!found) throw new Error(`no row ${row} in ${key}`);
    return found.values;
  };

  beforeAll(async () => {
    t = await startTestApp();
    // 15 December 2026: the current semester is winter 2026-27, the next one summer 2027.
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date('2026-12-15T10:00:00Z'));
    officer = await t.as('mission_officer');
    const { createSite } = visitHelpers(officer);
    const accredit = async (holder: { siteId: string } | { professionalId: string }, body: Record<string, unknown>) =>
      officer('post', '/api/accreditations').send(buildAccreditation(holder, body)).expect(201);

    // MSUs: an active one accredited in 2026 (record), one « Agréé » in the pipeline without any
    // accreditation on file, one accredited in 2025, and others along the funnel or out of it.
    const p1 = await insertProfessional(t, { msuStage: 'active' });
    await insertProfessional(t, { msuStage: 'accredited' });
    const p3 = await insertProfessional(t, { msuStage: 'accredited' });
    await insertProfessional(t, { msuStage: 'contacted' });
    await insertProfessional(t, { msuStage: 'identified' });
    await insertProfessional(t, { msuStage: 'in_training' });
    await insertProfessional(t, { msuStage: 'declined' });

    const alpha = await createSite({
      capacities: [
        { stageType: 'N1', places: 3 },
        { stageType: 'SASPAS', places: 1 },
        { stageType: 'DJ_MG', places: 2 },
      ],
    });
    await createSite({
      capacities: [
        { stageType: 'N1', places: 2 },
        { stageType: 'DJ_MG', places: 1 },
      ],
      professionalIds: [p1.id],
    });
    const gamma = await createSite({ capacities: [{ stageType: 'N1', places: 4 }] });
    await accredit(
      { siteId: alpha.id },
      { status: 'granted', startDate: '2024-01-01', endDate: '2030-12-31', stageTypes: ['N1', 'SASPAS', 'DJ_MG'] },
    );
    await accredit(
      { professionalId: p1.id },
      { status: 'granted', startDate: '2026-03-01', endDate: '2031-02-28', stageTypes: ['N1', 'DJ_MG'] },
    );
    await accredit({ professionalId: p3.id }, { status: 'granted', startDate: '2025-02-01', endDate: '2030-01-31' });
    // Gamma's accreditation starts after winter's first day: its places count from summer 2027.
    await accredit({ siteId: gamma.id }, { status: 'conditional', startDate: '2027-02-01', endDate: '2028-01-31' });

    const demands = async (semester: string, body: Record<string, unknown>[]) =>
      officer('put', `/api/semesters/${semester}/demands`).send({ departementCode: '77', demands: body }).expect(200);
    await demands('2026-W', [
      { stageType: 'N1', placesRequested: 8, placesFilled: 6 },
      { stageType: 'SASPAS', placesRequested: 1, placesFilled: 1 },
      { stageType: 'DJ_MG', placesRequested: 5, placesFilled: 2 },
    ]);
    await demands('2027-S', [
      { stageType: 'N1', placesRequested: 9 },
      { stageType: 'SASPAS', placesRequested: 2 },
      { stageType: 'DJ_MG', placesRequested: 4 },
    ]);

    dashboard = (await officer('get', '/api/dashboard?from=2026-01-01&to=2026-12-31').expect(200)).body as Dashboard;
    winter = (await officer('get', '/api/semesters/2026-W').expect(200)).body as SemesterPlan;
    summer = (await officer('get', '/api/semesters/2027-S').expect(200)).body as SemesterPlan;
    snapshot = (
      await officer('post', '/api/offer-snapshots').send({ title: 'Comité de suivi de décembre' }).expect(201)
    ).body as OfferSnapshotDetail;
    report2026 = (await officer('post', '/api/annual-reports').send({ year: 2026 }).expect(201))
      .body as AnnualReportDetail;
    report2027 = (await officer('post', '/api/annual-reports').send({ year: 2027 }).expect(201))
      .body as AnnualReportDetail;
  });

  afterAll(async () => {
    await t?.close();
  });

  it('places offered / requested / filled: the same on every screen, docteurs juniors apart', () => {
    // Winter 2026-27: alpha 3 N1 + 1 SASPAS, beta 2 N1 through its MSU; gamma not yet accredited.
    expect(winter.totals).toEqual({ offered: 6, requested: 9, filled: 7, gap: -3 });
    expect(winter.docteurJunior).toMatchObject({ offered: 3, requested: 5, filled: 2, gap: -2 });
    // Summer 2027: gamma's 4 N1 added.
    expect(summer.totals).toEqual({ offered: 10, requested: 11, filled: null, gap: -1 });
    expect(summer.docteurJunior).toMatchObject({ offered: 3, requested: 4, filled: null, gap: -1 });

    // Dashboard: the next semester, hors docteurs juniors, and the docteurs juniors apart.
    expect(dashboard.places).toMatchObject({
      semester: '2027-S',
      ...summer.totals,
      includesDocteursJuniors: false,
      docteurJunior: { offered: 3, requested: 4, filled: null, gap: -1 },
    });

    // Offer snapshot: current (winter) and next (summer) semester, key figures and zones.
    const [current, next] = snapshot.figures.semesters;
    expect([current.semester, next.semester]).toEqual(['2026-W', '2027-S']);
    expect(current.totals).toEqual(winter.totals);
    expect(next.totals).toEqual(summer.totals);
    expect(current.docteurJunior).toMatchObject({ offered: 3, requested: 5, gap: -2 });
    expect(next.docteurJunior).toMatchObject({ offered: 3, requested: 4, gap: -1 });
    expect(snapshot.figures.keyFigures).toMatchObject({
      placesOfferedCurrent: 6,
      placesRequestedCurrent: 9,
      placesOfferedNext: 10,
      placesRequestedNext: 11,
    });
    expect(snapshot.figures.zones.map((z) => z.placesOffered)).toEqual([6, 10]);

    // Annual reports: 2026 covers summer 2026 and winter 2026-27; 2027 covers summer 2027 first.
    expect(table(report2026, 'places').total?.[1]).toBe(winter.totals.offered);
    expect(rowOf(report2026, 'places_balance', 'offered')[1]).toBe(winter.totals.offered);
    expect(rowOf(report2026, 'places_balance', 'requested')[1]).toBe(winter.totals.requested);
    expect(rowOf(report2026, 'places_docteurs_juniors', 'offered')[1]).toBe(3);
    expect(rowOf(report2026, 'places_docteurs_juniors', 'requested')[1]).toBe(5);
    expect(table(report2026, 'places').rows.map((r) => r.key)).not.toContain('DJ_MG');
    expect(table(report2027, 'places').total?.[0]).toBe(summer.totals.offered);
    expect(rowOf(report2027, 'places_balance', 'requested')[0]).toBe(summer.totals.requested);
    expect(rowOf(report2027, 'places_docteurs_juniors', 'offered')[0]).toBe(summer.docteurJunior?.offered);
    // Filled places are shown only where every semester of the table has them.
    expect(table(report2026, 'places_balance').rows.map((r) => r.key)).toEqual(['offered', 'requested']);
  });

  it('MSUs accredited in a period: from the accreditation records, the same on the dashboard and the report', () => {
    // p1 only: p3's accreditation took effect in 2025, the other « Agréé » has no accreditation on file.
    expect(dashboard.msus.accreditedInPeriod).toBe(1);
    expect(rowOf(report2026, 'key_figures', 'msus_accredited')).toEqual([1]);
    expect(rowOf(report2026, 'sites', 'msus_accredited')).toEqual([1]);
    // The stage of the pipeline is another figure, read the same on the dashboard and the snapshot.
    expect(dashboard.msus).toMatchObject({ accredited: 2, active: 1 });
    expect(snapshot.figures.msus).toEqual({ accredited: 2, active: 1 });
  });

  it('the funnel is cumulative, never grows down the stages, and reads the same on the dashboard and the report', () => {
    const reached = dashboard.pipeline.funnel.map((s) => [s.stage, s.reached]);
    expect(reached).toEqual([
      ['identified', 6],
      ['contacted', 5],
      ['interested', 4],
      ['in_training', 4],
      ['file_submitted', 3],
      ['accredited', 3],
      ['active', 1],
    ]);
    for (let i = 1; i < reached.length; i++) expect(reached[i][1]).toBeLessThanOrEqual(reached[i - 1][1] as number);
    const pipeline = table(report2026, 'msu_pipeline').rows.map((r) => [r.key, r.values[0]]);
    expect(pipeline.slice(0, reached.length)).toEqual(reached);
    expect(pipeline.slice(reached.length)).toEqual(dashboard.pipeline.exits.map((e) => [e.stage, e.count]));
    expect(dashboard.pipeline.exits.find((e) => e.stage === 'declined')?.count).toBe(1);
  });
});
