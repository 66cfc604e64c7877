import { ACCESS_ISSUE_CATEGORIES, addYears } from '@maillage/shared/domain';

import { DemoSeedService } from '../src/demo/demo-seed.service';
import { type FieldworkDemoReport, seedFieldworkDemo } from '../src/demo/fieldwork-demo';
import { seedRegistryDemo } from '../src/demo/registry-demo';
import { endOfWeek } from '../src/tasks/tasks-query.service';
import { startTestApp, type TestApp } from './test-app';

/** A Thursday: the week runs to Sunday 4 October. */
const TODAY = '2026-10-01';
const WEEK_END = endOfWeek(TODAY);

const ZONAGE_SQL = `
  INSERT INTO commune_zonages (commune_code, zonage, valid_from, source)
  SELECT code, CASE WHEN population > 20000 THEN 'ZAC' WHEN code::int % 5 < 2 THEN 'ZIP' WHEN code::int % 5 < 4 THEN 'ZAC' ELSE 'HZ' END,
         '2022-04-01', 'test'
  FROM communes WHERE departement_code = '77'`;

interface Seeded {
  t: TestApp;
  report: FieldworkDemoReport;
}

async function seededApp(): Promise<Seeded> {
  const t = await startTestApp();
  const officer = await t.createUser('mission_officer');
  const cdom = await t.createUser('cdom');
  const users = { missionOfficerId: officer.id, cdomId: cdom.id };
  await t.db.query(ZONAGE_SQL);
  const report = await t.db.transaction(async (manager) => {
    await seedRegistryDemo(manager, '77', users, TODAY);
    return seedFieldworkDemo(manager, '77', users, TODAY);
  });
  return { t, report };
}

describe('seedFieldworkDemo (real PostgreSQL, after the registry demo)', () => {
  let seeded: Seeded;
  let t: TestApp;
  const rows = <T>(sql: string, params: unknown[] = []) => t.db.query(sql, params) as Promise<T[]>;
  const count = async (sql: string, params: unknown[] = []) => Number((await rows<{ n: string }>(sql, params))[0].n);

  beforeAll(async () => {
    seeded = await seededApp();
    t = seeded.t;
  }, 90_000);
  afterAll(() => t.close());

  it('tells a year of field work with the expected volumes, and reports what it wrote', async () => {
    const done = await count(
      `SELECT count(*) AS n FROM site_visits WHERE status = 'done' AND visited_on BETWEEN $1 AND $2`,
      [addYears(TODAY, -1), TODAY],
    );
    expect(done).toBeGreaterThanOrEqual(35);
    expect(done).toBeLessThanOrEqual(55);
    const planned = await count(
      `SELECT count(*) AS n FROM site_visits WHERE status = 'planned' AND planned_on BETWEEN $1 AND $1::date + 42`,
      [TODAY],
    );
    expect(planned).toBeGreaterThanOrEqual(6);
    expect(
      await count(`SELECT count(*) AS n FROM site_visits WHERE status = 'planned' AND planned_on <= $1::date + 13`, [
        TODAY,
      ]),
    ).toBeGreaterThanOrEqual(2);
    expect(await count(`SELECT count(*) AS n FROM site_visits WHERE status = 'cancelled'`)).toBe(2);

    const issues = await count('SELECT count(*) AS n FROM access_issues');
    expect(issues).toBeGreaterThanOrEqual(70);
    expect(issues).toBeLessThanOrEqual(90);
    const categories = await rows<{ category: string }>('SELECT DISTINCT category FROM access_issues');
    expect(categories.map((c) => c.category).sort()).toEqual([...ACCESS_ISSUE_CATEGORIES].sort());
    const open = await count(`SELECT count(*) AS n FROM access_issues WHERE status IN ('open', 'in_progress')`);
    expect(open).toBeGreaterThanOrEqual(35);
    expect(open).toBeLessThan(issues);
    expect(await count(`SELECT count(*) AS n FROM access_issues WHERE visit_id IS NOT NULL`)).toBeGreaterThan(20);

    const measures = await count('SELECT count(*) AS n FROM support_measures');
    expect(measures).toBeGreaterThanOrEqual(8);
    expect(measures).toBeLessThanOrEqual(12);
    const provins = await count(
      `SELECT count(*) AS n FROM support_measures m JOIN measure_sites ms ON ms.measure_id = m.id
       JOIN training_sites s ON s.id = ms.site_id WHERE m.type = 'intern_house' AND s.commune_code IN ('77379', '77131')`,
    );
    expect(provins).toBeGreaterThan(0);

    const dueThisWeek = await count(
      `SELECT count(*) AS n FROM tasks WHERE status = 'open' AND due_on BETWEEN $1 AND $2`,
      [TODAY, WEEK_END],
    );
    expect(dueThisWeek).toBeGreaterThanOrEqual(3);
    expect(
      await count(`SELECT count(*) AS n FROM tasks WHERE status = 'open' AND visit_id IS NOT NULL AND due_on < $1`, [
        TODAY,
      ]),
    ).toBeGreaterThan(0);

    const demands = await rows<{ semester: string; n: string; filled: string }>(
      `SELECT semester, count(*) AS n, count(places_filled) AS filled FROM semester_demands GROUP BY semester ORDER BY semester`,
    );
    expect(demands.map((d) => d.semester)).toEqual(['2026-W', '2027-S', '2027-W']);
    expect(Number(demands[0].filled)).toBe(Number(demands[0].n));
    expect(Number(demands[1].filled)).toBe(0);
    expect(
      await count(`SELECT count(*) AS n FROM semester_demands WHERE stage_type = 'DJ_MG' AND semester = '2026-W'`),
    ).toBe(1);

    expect(seeded.report).toMatchObject({
      doneVisits: done,
      accessIssues: issues,
      openAccessIssues: open,
      accessIssueCategories: 10,
      measures,
      tasksDueThisWeek: dueThisWeek,
      semesterDemands: await count('SELECT count(*) AS n FROM semester_demands'),
      measureIssues: await count('SELECT count(*) AS n FROM measure_issues'),
      auditEvents: await count(
        `SELECT count(*) AS n FROM audit_events WHERE action = 'created'
         AND entity_type IN ('site_visit', 'access_issue', 'support_measure', 'task', 'semester_demand')`,
      ),
    });
  });

  it('keeps the records consistent with each other', async () => {
    expect(await count(`SELECT count(*) AS n FROM site_visits WHERE status = 'done' AND visited_on IS NULL`)).toBe(0);
    expect(
      await count(`SELECT count(*) AS n FROM site_visits WHERE status = 'done' AND visited_on > $1`, [TODAY]),
    ).toBe(0);
    expect(
      await count(`SELECT count(*) AS n FROM site_visits WHERE status = 'planned' AND planned_on < $1`, [TODAY]),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM access_issues WHERE status IN ('resolved', 'wont_fix')
         AND (closed_on IS NULL OR closed_on < raised_on OR closed_on > $1 OR resolution IS NULL)`,
        [TODAY],
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM access_issues WHERE status IN ('open', 'in_progress') AND closed_on IS NOT NULL`,
      ),
    ).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM support_measures WHERE budget_committed > budget_planned`)).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM access_issues i JOIN site_visits v ON v.id = i.visit_id
         WHERE v.site_id <> i.site_id OR v.status <> 'done' OR i.raised_on <> v.visited_on OR i.source <> 'visit'`,
      ),
    ).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM access_issues WHERE source = 'visit' AND visit_id IS NULL`)).toBe(0);
    // A resolved issue linked to a measure was closed while the measure was in force.
    expect(
      await count(
        `SELECT count(*) AS n FROM measure_issues mi JOIN access_issues i ON i.id = mi.issue_id
         JOIN support_measures m ON m.id = mi.measure_id WHERE i.status = 'resolved' AND m.start_date > i.closed_on`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM measure_issues mi JOIN access_issues i ON i.id = mi.issue_id WHERE i.status = 'resolved'`,
      ),
    ).toBeGreaterThan(5);
    expect(
      await count(
        `SELECT count(*) AS n FROM tasks t JOIN site_visits v ON v.id = t.visit_id WHERE t.due_on < v.visited_on`,
      ),
    ).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM tasks WHERE (status = 'done') <> (completed_at IS NOT NULL)`)).toBe(
      0,
    );
    // Each done visit has the mission officer among its participants; MSUs are of the visited site.
    expect(
      await count(
        `SELECT count(*) AS n FROM site_visits v WHERE NOT EXISTS (
           SELECT 1 FROM visit_participants p WHERE p.visit_id = v.id AND p.kind = 'mission_officer')`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM visit_participants p JOIN site_visits v ON v.id = p.visit_id
         WHERE p.kind = 'msu' AND NOT EXISTS (SELECT 1 FROM professional_sites ps
           WHERE ps.site_id = v.site_id AND ps.professional_id = p.professional_id)`,
      ),
    ).toBe(0);
  });

  it('finds housing and transport weaker in the rural east', async () => {
    const weak = await rows<{ far: boolean; ratio: string }>(
      `SELECT s.distance_to_chu_km >= 55 AS far,
              avg(CASE WHEN v.checklist->'housing_available'->>'answer' IN ('to_improve', 'missing') THEN 1 ELSE 0 END) AS ratio
       FROM site_visits v JOIN training_sites s ON s.id = v.site_id WHERE v.status = 'done' GROUP BY 1`,
    );
    const far = weak.find((w) => w.far);
    const near = weak.find((w) => !w.far);
    if (far && near) expect(Number(far.ratio)).toBeGreaterThan(Number(near.ratio));
  });

  describe('on a second database', () => {
    let other: Seeded;
    beforeAll(async () => {
      other = await seededApp();
    }, 90_000);
    afterAll(() => other.t.close());

    it('tells the same story (deterministic)', async () => {
      const lines = (app: TestApp, sql: string) => app.db.query(sql) as Promise<{ line: string }[]>;
      const visits = `SELECT s.name || ' ' || v.purpose || ' ' || v.status || ' ' || v.planned_on || ' ' || v.checklist::text AS line
        FROM site_visits v JOIN training_sites s ON s.id = v.site_id ORDER BY 1`;
      const issues = `SELECT s.name || ' ' || i.category || ' ' || i.severity || ' ' || i.status || ' ' || i.raised_on || ' ' || coalesce(i.closed_on::text, '') AS line
        FROM access_issues i JOIN training_sites s ON s.id = i.site_id ORDER BY 1`;
      const tasks = `SELECT title || ' ' || due_on || ' ' || status AS line FROM tasks ORDER BY 1`;
      for (const sql of [visits, issues, tasks]) expect(await lines(other.t, sql)).toEqual(await lines(t, sql));
      expect(other.report).toEqual(seeded.report);
    });
  });
});

describe('DemoSeedService.seed (the whole demo in one go)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, 60_000);
  afterAll(() => t.close());

  it('loads the registry and the field work in one transaction', async () => {
    await t.app.get(DemoSeedService).seed('77');
    const count = async (table: string) => Number((await t.db.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
    expect(await count('training_sites')).toBeGreaterThan(100);
    expect(await count('site_visits')).toBeGreaterThan(40);
    expect(await count('access_issues')).toBeGreaterThanOrEqual(70);
    expect(await count('support_measures')).toBeGreaterThanOrEqual(8);
    expect(await count('semester_demands')).toBeGreaterThan(0);
  }, 90_000);
});
