import type {
  AnnualReportDetail,
  AnnualReportSummary,
  CommitteeMeetingDetail,
  CommitteeMeetingSummary,
  OfferSnapshotDetail,
  OfferSnapshotSummary,
  Page,
  SnapshotComparison,
} from '@maillage/shared/domain';
import { MSU_EXITS, MSU_FUNNEL, REPORT_SECTIONS } from '@maillage/shared/domain';
import type { Response } from 'supertest';

import { computeAnnualFigures } from '../src/annual-reports/annual-report-figures';
import { Clock } from '../src/common/clock/clock';
import { addDays } from '../src/demo/demo-kit';
import { seedFieldworkDemo } from '../src/demo/fieldwork-demo';
import { seedRegistryDemo } from '../src/demo/registry-demo';
import { type ReportingDemoReport, seedReportingDemo } from '../src/demo/reporting-demo';
import { pdfText } from './pdf-text';
import { type AuthedAgent, startTestApp, type TestApp } from './test-app';

const TODAY = '2026-10-01';

/** The demo's clock: the seed dates the snapshot and stamps the figures with it. */
class FixedClock extends Clock {
  constructor(private readonly day = TODAY) {
    super();
  }

  override now(): Date {
    return new Date(`${this.day}T10:00:00Z`);
  }
}

/** The three demos, in one transaction as at the first start, on `today`. */
async function seedDemo(t: TestApp, today: string): Promise<ReportingDemoReport> {
  const officer = await t.createUser('mission_officer');
  const cdom = await t.createUser('cdom');
  const users = { missionOfficerId: officer.id, cdomId: cdom.id };
  await t.db.query(ZONAGE_SQL);
  return t.db.transaction(async (manager) => {
    await seedRegistryDemo(manager, '77', users, today);
    await seedFieldworkDemo(manager, '77', users, today);
    return seedReportingDemo(manager, '77', users, today, new FixedClock(today));
  });
}

const ZONAGE_SQL = `
  INSERT INTO commune_zonages (commune_code, zonage, valid_from, source)
  SELECT code, CASE WHEN population > 20000 THEN 'ZAC' WHEN code::int % 5 < 2 THEN 'ZIP' WHEN code::int % 5 < 4 THEN 'ZAC' ELSE 'HZ' END,
         '2022-04-01', 'test'
  FROM communes WHERE departement_code = '77'`;

/** The changes of places offered by zone (which zone depends on the sites picked: summed in the test). */
function zoneDifferences(comparison: SnapshotComparison): Record<string, number | null> {
  return Object.fromEntries(
    comparison.rows.filter((r) => r.key.startsWith('zones.') && r.difference !== 0).map((r) => [r.key, r.difference]),
  );
}

const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('seedReportingDemo (real PostgreSQL, after the registry and field-work demos)', () => {
  let t: TestApp;
  let seeded: ReportingDemoReport;
  let committee: AuthedAgent;

  beforeAll(async () => {
    t = await startTestApp();
    seeded = await seedDemo(t, TODAY);
    committee = await t.as('committee');
  }, 120_000);
  afterAll(() => t.close());

  it('approves last year’s report at the strategic committee, its figures computed from the data and frozen', async () => {
    expect(seeded).toEqual({
      approvedReportYear: 2025,
      draftReportYear: 2026,
      snapshots: 2,
      meetings: 4,
      actionTasks: 2,
    });
    const list = (await committee('get', '/api/annual-reports')).body as AnnualReportSummary[];
    expect(list.map((r) => [r.year, r.status])).toEqual([
      [2026, 'draft'],
      [2025, 'approved'],
    ]);
    const approved = (await committee('get', `/api/annual-reports/${list[1].id}`)).body as AnnualReportDetail;
    expect(approved).toMatchObject({ frozen: true, presentedOn: approved.approvedOn });
    expect(approved.approvedOn?.startsWith('2026-03-')).toBe(true);
    expect(Object.keys(approved.sections)).toEqual([...REPORT_SECTIONS]);
    // The very figures the report code computes from the demo data, frozen at approval: the N1 place
    // opened since (at a site accredited all along) counts in the live places of both 2025 semesters only.
    const live = await computeAnnualFigures(t.db.manager, '77', 2025, new Date());
    // The places (one opened since) and the funnel (the situation on the day the figures are computed,
    // as on the dashboard: stages moved since the approval) are compared apart.
    const apart = new Set(['places', 'places_balance', 'msu_pipeline']);
    const frozenPlaces = approved.figures.tables.find((table) => table.key === 'places');
    const livePlaces = live.tables.find((table) => table.key === 'places');
    expect(approved.figures.tables.filter((table) => !apart.has(table.key))).toEqual(
      live.tables.filter((table) => !apart.has(table.key)),
    );
    const balance = (tables: typeof live.tables) => tables.find((table) => table.key === 'places_balance')?.rows;
    expect(balance(live.tables)?.[0].values).toEqual(balance(approved.figures.tables)?.[0].values.map((v) => v + 1));
    const funnel = approved.figures.tables.find((table) => table.key === 'msu_pipeline');
    expect(funnel?.rows.map((r) => r.key)).toEqual([...MSU_FUNNEL, ...MSU_EXITS]);
    const reached = funnel?.rows.slice(0, MSU_FUNNEL.length).map((r) => r.values[0]) ?? [];
    expect(reached.every((n, i) => i === 0 || n <= reached[i - 1])).toBe(true);
    expect(livePlaces).toEqual({
      ...frozenPlaces,
      rows: frozenPlaces?.rows.map((r) => (r.key === 'N1' ? { ...r, values: r.values.map((v) => v + 1) } : r)),
      total: frozenPlaces?.total?.map((v) => v + 1),
    });
    expect(approved.figures.computedAt).toBe(`${TODAY}T10:00:00.000Z`);
    const visits = live.tables[0].rows.find((r) => r.key === 'visits_done')?.values[0];
    expect(approved.sections.introduction).toContain(`a réalisé ${visits} visite`);

    const draft = (await committee('get', `/api/annual-reports/${list[0].id}`)).body as AnnualReportDetail;
    expect(Object.keys(draft.sections)).toEqual(['introduction', 'msu_promotion', 'access_difficulties']);
    expect(draft.frozen).toBe(false);
  });

  it('holds a follow-up committee today with the snapshot and two action items, and plans the next one', async () => {
    const snapshots = (await committee('get', '/api/offer-snapshots')).body as Page<OfferSnapshotSummary>;
    expect(snapshots.items).toHaveLength(2);
    const [latest, first] = snapshots.items.map((s) => s.takenOn);
    expect(latest).toBe(TODAY);
    expect([first >= addDays(TODAY, -63), first <= addDays(TODAY, -56)]).toEqual([true, true]);
    const meetings = (await committee('get', '/api/committee-meetings')).body as Page<CommitteeMeetingSummary>;
    const [next, held, previous, strategic] = meetings.items;
    expect([next.kind, next.status, next.heldOn > TODAY]).toEqual(['follow_up', 'planned', true]);
    expect([held.kind, held.status, held.heldOn, held.snapshotId]).toEqual([
      'follow_up',
      'held',
      TODAY,
      snapshots.items[0].id,
    ]);
    // The previous follow-up committee, about two months earlier, with the first snapshot.
    expect([previous.kind, previous.status, previous.heldOn, previous.snapshotId]).toEqual([
      'follow_up',
      'held',
      first,
      snapshots.items[1].id,
    ]);
    expect([strategic.kind, strategic.status]).toEqual(['strategic', 'held']);
    expect(strategic.heldOn < previous.heldOn).toBe(true);
    const reports = (await committee('get', '/api/annual-reports')).body as AnnualReportSummary[];
    expect(strategic.annualReportId).toBe(reports.find((r) => r.status === 'approved')?.id);

    const detail = (await committee('get', `/api/committee-meetings/${held.id}`)).body as CommitteeMeetingDetail;
    expect(detail.attendees.map((a) => a.organisation)).toEqual(
      expect.arrayContaining(['departement', 'cdom', 'ars', 'faculte']),
    );
    expect(detail.decisions).toHaveLength(2);
    expect(detail.actions).toHaveLength(2);
    expect(detail.actions.every((a) => (a.dueOn ?? '') > TODAY)).toBe(true);
  });

  it('takes the first snapshot two months ago, then makes the period’s changes, dated, through the services', async () => {
    const snapshots = (await committee('get', '/api/offer-snapshots')).body as Page<OfferSnapshotSummary>;
    const [second, first] = snapshots.items;
    const detail = (await committee('get', `/api/offer-snapshots/${first.id}`)).body as OfferSnapshotDetail;
    // Dated by its clock: taken on, and figures of, that day; the first one has no progress.
    expect([detail.figures.takenOn, detail.figures.progress]).toEqual([first.takenOn, null]);

    const comparison = (await committee('get', `/api/offer-snapshots/compare?a=${first.id}&b=${second.id}`))
      .body as SnapshotComparison;
    const differences = Object.fromEntries(
      comparison.rows.filter((r) => r.difference !== 0).map((r) => [r.key, r.difference]),
    );
    // Both snapshots fall in the summer 2026 semester: the same two semesters are counted.
    expect(differences).toEqual({
      // Two prospect sites became active, each with one N1 place.
      'keyFigures.sitesActive': 2,
      'sites.byStatus.prospect': -2,
      'sites.byStatus.active': 2,
      // Their GPs were accredited (+2) and an accredited MSU took their first intern (-1 / +1).
      'keyFigures.msusAccredited': 1,
      'keyFigures.msusActive': 1,
      // One N1 place more at a site accredited all along; the new sites' accreditations start after
      // the summer semester's first day, so their places count from the winter semester.
      'keyFigures.placesOfferedCurrent': 1,
      'keyFigures.gapCurrent': 1,
      'keyFigures.placesOfferedNext': 3,
      'keyFigures.gapNext': 3,
      'semesters.2026-S.N1.offered': 1,
      'semesters.2026-S.N1.gap': 1,
      'semesters.2026-W.N1.offered': 3,
      'semesters.2026-W.N1.gap': 3,
      ...zoneDifferences(comparison),
      // Three access issues resolved; the site whose issues were all resolved leaves the watch list.
      'keyFigures.watchedOpenIssues': -3,
      'keyFigures.watchedSites': differences['keyFigures.watchedSites'],
    });
    const zoneTotal = (semester: string) =>
      Object.entries(differences)
        .filter(([k]) => k.startsWith(`zones.${semester}.`))
        .reduce((sum, [, d]) => sum + (d ?? 0), 0);
    expect([zoneTotal('2026-S'), zoneTotal('2026-W')]).toEqual([1, 3]);

    const progress = ((await committee('get', `/api/offer-snapshots/${second.id}`)).body as OfferSnapshotDetail).figures
      .progress;
    expect(progress?.previousTakenOn).toBe(first.takenOn);
    const decreased = progress?.watchedSites.filter((w) => w.decreased) ?? [];
    expect(decreased.reduce((sum, w) => sum + w.openIssuesBefore - w.openIssuesNow, 0)).toBe(3);
    expect(decreased.filter((w) => w.openIssuesNow === 0 && !w.stillWatched)).toHaveLength(1);

    // Each change is dated between the two committees, in the records and in their history.
    const between = (d: string) => d > first.takenOn && d < TODAY;
    const resolved: { closed_on: string; occurred_at: Date }[] = await t.db.query(
      `SELECT i.closed_on::text, e.occurred_at FROM access_issues i
       JOIN audit_events e ON e.entity_id = i.id::text AND e.action = 'resolved' WHERE i.status = 'resolved'
       AND i.closed_on > $1`,
      [first.takenOn],
    );
    expect(resolved).toHaveLength(3);
    for (const r of resolved) {
      expect(between(r.closed_on)).toBe(true);
      expect(r.occurred_at.toISOString().slice(0, 10)).toBe(r.closed_on);
    }
    const activated: { name: string; created: string; start_date: string; stage: string; since: string }[] =
      await t.db.query(
        `SELECT s.name, s.created_at::date::text AS created, a.start_date::text, p.msu_stage AS stage,
         p.msu_stage_since::text AS since
       FROM audit_events e JOIN training_sites s ON s.id::text = e.entity_id
       JOIN professional_sites ps ON ps.site_id = s.id JOIN professionals p ON p.id = ps.professional_id
       JOIN accreditations a ON a.professional_id = p.id AND a.status = 'granted'
       WHERE e.action = 'updated' AND e.changes->'status'->>'before' = 'prospect'
         AND e.changes->'status'->>'after' = 'active'`,
      );
    expect(activated).toHaveLength(2);
    for (const a of activated) {
      // Recorded before the committee that decided to see them through.
      expect(a.created < first.takenOn).toBe(true);
      expect([between(a.start_date), a.stage, a.since]).toEqual([true, 'accredited', a.start_date]);
    }
  });

  it('exports the approved report as a PDF with its contents, narrative and charts', async () => {
    const reports = (await committee('get', '/api/annual-reports')).body as AnnualReportSummary[];
    const id = reports.find((r) => r.status === 'approved')?.id;
    const pdf = await committee('get', `/api/annual-reports/${id}/export.pdf`).buffer(true).parse(binary);
    expect(pdf.status).toBe(200);
    const { text, pages } = await pdfText(pdf.body as Buffer);
    expect(pages).toBeGreaterThanOrEqual(6);
    for (const expected of [
      'Sommaire',
      'Le rapport de la mission',
      'Les chiffres de l’année',
      '1. Introduction',
      'Places de stage offertes par semestre',
      'L’année en chiffres',
    ]) {
      expect(text).toContain(expected);
    }
  });
});

describe('seedReportingDemo early in a semester (the first snapshot in the previous one)', () => {
  const today = '2026-11-22';
  let t: TestApp;
  let committee: AuthedAgent;

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemo(t, today);
    committee = await t.as('committee');
  }, 120_000);
  afterAll(() => t.close());

  it('records the demand of the previous semester, dated before it began, so that the first snapshot has it', async () => {
    const snapshots = (await committee('get', '/api/offer-snapshots')).body as Page<OfferSnapshotSummary>;
    const [second, first] = await Promise.all(
      snapshots.items.map(
        async (s) => ((await committee('get', `/api/offer-snapshots/${s.id}`)).body as OfferSnapshotDetail).figures,
      ),
    );
    expect(first.takenOn < '2026-11-01').toBe(true);
    // Today is a Sunday: the committee sat, and its snapshot was taken, on the Friday before.
    expect(second.takenOn).toBe('2026-11-20');
    const meetings = (await committee('get', '/api/committee-meetings')).body as Page<CommitteeMeetingSummary>;
    const held = meetings.items.find((m) => m.kind === 'follow_up' && m.status === 'held' && m.heldOn > first.takenOn);
    expect([held?.heldOn, held?.snapshotId]).toEqual(['2026-11-20', snapshots.items[0].id]);
    expect([first.semesters.map((s) => s.semester), second.semesters.map((s) => s.semester)]).toEqual([
      ['2026-S', '2026-W'],
      ['2026-W', '2027-S'],
    ]);
    const summer = first.semesters[0];
    expect(summer.totals.requested).toBeGreaterThan(summer.totals.offered);
    const recorded: { semester: string; last: string }[] = await t.db.query(
      `SELECT d.semester, max(e.occurred_at)::text AS last FROM semester_demands d
       JOIN audit_events e ON e.entity_id = d.id::text AND e.action = 'created' GROUP BY d.semester ORDER BY d.semester`,
    );
    expect(recorded.map((r) => r.semester)).toEqual(['2026-S', '2026-W', '2027-S', '2027-W']);
    expect(recorded[0].last < '2026-05-01').toBe(true);

    expect([0, 6]).not.toContain(new Date(`${first.takenOn}T12:00:00Z`).getUTCDay());

    // The period's changes show in the progress all the same.
    const progress = new Map(second.progress?.figures.map((f) => [f.key, f.difference]));
    expect([progress.get('sitesActive'), progress.get('msusActive'), progress.get('watchedOpenIssues')]).toEqual([
      2, 1, -3,
    ]);

    // Per-semester figures are compared on the same semester, never "current" against "current":
    // winter 2026-2027 was the first snapshot's next semester and is the second's current one.
    const winter = (f: typeof first) => f.semesters.find((s) => s.semester === '2026-W')?.totals;
    const offered = second.progress?.figures.find((f) => f.key === 'placesOfferedCurrent');
    expect(offered).toMatchObject({
      label: 'Places offertes hors docteurs juniors — Hiver 2026-2027',
      previous: winter(first)?.offered,
      current: winter(second)?.offered,
    });
    // Summer 2027 was not covered by the first snapshot: no figure to compare.
    expect(second.progress?.figures.some((f) => f.key === 'placesOfferedNext')).toBe(false);
    const comparison = (
      await committee('get', `/api/offer-snapshots/compare?a=${snapshots.items[1].id}&b=${snapshots.items[0].id}`)
    ).body as SnapshotComparison;
    const row = (key: string) => comparison.rows.find((r) => r.key === key);
    expect(row('keyFigures.gapCurrent')).toMatchObject({
      label: 'Écart — Hiver 2026-2027',
      a: winter(first)?.gap,
      b: winter(second)?.gap,
    });
    expect(row('keyFigures.placesOfferedNext')).toMatchObject({
      label: 'Places offertes hors docteurs juniors — Été 2027',
      a: null,
    });
    // Key figures stay together and in their usual order, even those only one side has.
    const keyRows = comparison.rows.map((r) => r.key).filter((k) => k.startsWith('keyFigures.'));
    expect(comparison.rows.slice(0, keyRows.length).map((r) => r.key)).toEqual(keyRows);
    expect(keyRows.indexOf('keyFigures.placesOfferedNext')).toBeLessThan(keyRows.indexOf('keyFigures.watchedSites'));
  });

  it('tells the same story on a second database (deterministic)', async () => {
    const story = (app: TestApp) =>
      app.db.query(
        `SELECT e.action, e.entity_type, e.occurred_at, e.changes,
           COALESCE(s.name, i.raised_on::text || ' ' || si.name, p.rpps, a.reference) AS subject
         FROM audit_events e
         LEFT JOIN training_sites s ON s.id::text = e.entity_id
         LEFT JOIN access_issues i ON i.id::text = e.entity_id LEFT JOIN training_sites si ON si.id = i.site_id
         LEFT JOIN professionals p ON p.id::text = e.entity_id
         LEFT JOIN accreditations a ON a.id::text = e.entity_id
         WHERE e.action <> 'created' AND e.occurred_at < now() - interval '1 day' ORDER BY e.occurred_at, e.action`,
      );
    const other = await startTestApp();
    try {
      await seedDemo(other, today);
      const [mine, theirs] = [await story(t), await story(other)];
      expect(mine.length).toBeGreaterThanOrEqual(10);
      expect(mine.every((e: { subject: string | null }) => e.subject !== null)).toBe(true);
      expect(theirs).toEqual(mine);
    } finally {
      await other.close();
    }
  }, 120_000);
});
