import {
  DJ_MG_FIRST_SEMESTER,
  nextSemester,
  type SemesterCode,
  type SemesterFigures,
  semesterLabel,
  type SemesterPlan,
  semesterRange,
  type SemesterStageFigures,
  STAGE_TYPES,
  type StageType,
} from '@maillage/shared/domain';
import { type EntityManager, In } from 'typeorm';

import { SemesterDemand } from './semester-demand.entity';

/** Chronological rank: 2026-S < 2026-W < 2027-S. */
export const semesterRank = (code: SemesterCode): number => Number(code.slice(0, 4)) * 2 + (code.endsWith('W') ? 1 : 0);
export const hasDocteursJuniors = (code: SemesterCode): boolean =>
  semesterRank(code) >= semesterRank(DJ_MG_FIRST_SEMESTER);

export function semestersFrom(from: SemesterCode, count: number): SemesterCode[] {
  const codes = [from];
  while (codes.length < count) codes.push(nextSemester(codes[codes.length - 1]));
  return codes;
}

/**
 * The CTEs `sites` (active, live sites of the départements `deps`, a `text[]` placeholder, `NULL`:
 * all), `links` (the professionals practising there) and `held` (the accreditations granted or
 * conditional held by one of those sites or one of those professionals, one row per site): what
 * makes a site's places "offered", shared by the semester plans and the map (map/map.sql.ts).
 */
export const heldAccreditationsCtes = (deps: string): string => `sites AS MATERIALIZED (
  SELECT s.id FROM training_sites s
  WHERE s.status = 'active' AND s.archived_at IS NULL
    AND (${deps}::text[] IS NULL OR s.departement_code = ANY(${deps}::text[]))
), links AS MATERIALIZED (
  SELECT ps.site_id, ps.professional_id FROM professional_sites ps WHERE ps.site_id = ANY(ARRAY(SELECT id FROM sites))
), held AS (
  SELECT a.site_id, a.stage_types, a.start_date, a.end_date FROM accreditations a
  WHERE a.site_id = ANY(ARRAY(SELECT id FROM sites))
    AND a.archived_at IS NULL AND a.status IN ('granted', 'conditional')
  UNION ALL
  SELECT l.site_id, a.stage_types, a.start_date, a.end_date
  FROM links l JOIN accreditations a ON a.professional_id = l.professional_id
  WHERE a.professional_id = ANY(ARRAY(SELECT professional_id FROM links))
    AND a.archived_at IS NULL AND a.status IN ('granted', 'conditional')
)`;

/**
 * Places offered per semester and stage type: the capacities of active, live sites that, on
 * the semester's first day, hold an accreditation in force (granted or conditional, started,
 * not ended) covering that stage type, either their own or one of a professional practising
 * there. A site counts its capacity once, whatever the number of such accreditations; the
 * capacity is not capped by the accreditations' maximum number of students. Statuses are
 * today's: an accreditation withdrawn since is not counted for a past semester.
 * `$1` codes, `$2` first days, `$3` départements (`NULL`: all).
 *
 * Written so that a département's plan reads only that département's rows, whatever the size of
 * the national tables, and in a few set-wise steps (docs/benchmarks-dashboard.md): the sites
 * through their (département, status) index; then the professionals practising there, the
 * accreditations held by those sites or those professionals and the sites' capacities, each read
 * with `= ANY(ARRAY(…))` of the ids found in the step before, which the by-site and
 * by-professional indexes serve (where joins let the planner hash, or compare each capacity with,
 * every row of France); the stage types covered on each semester's first day are then matched to
 * the capacities.
 */
export const OFFERED_SQL = `
WITH sem(semester, start_on) AS (SELECT * FROM unnest($1::text[], $2::date[])),
${heldAccreditationsCtes('$3')}, covered AS (
  SELECT DISTINCT sem.semester, h.site_id, st.stage_type
  FROM held h CROSS JOIN sem CROSS JOIN unnest(h.stage_types) AS st(stage_type)
  WHERE h.start_date <= sem.start_on AND (h.end_date IS NULL OR h.end_date >= sem.start_on)
)
SELECT cv.semester, c.stage_type AS "stageType", sum(c.places)::int AS offered
FROM covered cv
JOIN site_capacities c ON c.site_id = cv.site_id AND c.stage_type = cv.stage_type AND c.places > 0
WHERE c.site_id = ANY(ARRAY(SELECT id FROM sites))
GROUP BY cv.semester, c.stage_type`;

const key = (semester: string, stageType: string) => `${semester}:${stageType}`;

/** The plans of these semesters over these départements (`null`: all), in two queries. */
export async function semesterPlans(
  manager: EntityManager,
  codes: readonly SemesterCode[],
  departements: string[] | null,
): Promise<SemesterPlan[]> {
  const starts = codes.map((code) => semesterRange(code).start);
  const offeredRows: { semester: string; stageType: string; offered: number }[] = await manager.query(OFFERED_SQL, [
    codes,
    starts,
    departements,
  ]);
  const offered = new Map(offeredRows.map((r) => [key(r.semester, r.stageType), r.offered]));
  const demands = await manager.getRepository(SemesterDemand).find({
    where: { semester: In([...codes]), ...(departements ? { departementCode: In(departements) } : {}) },
  });
  return codes.map((code) => {
    const rows = demands.filter((d) => d.semester === code);
    const figures = (stageType: StageType): SemesterStageFigures => {
      const of = rows.filter((d) => d.stageType === stageType);
      const placesOffered = offered.get(key(code, stageType)) ?? 0;
      const requested = of.reduce((sum, d) => sum + d.placesRequested, 0);
      const known = of.filter((d) => d.placesFilled !== null);
      return {
        stageType,
        offered: placesOffered,
        requested,
        filled: known.length > 0 ? known.reduce((sum, d) => sum + (d.placesFilled ?? 0), 0) : null,
        gap: placesOffered - requested,
        source: of.length === 1 ? of[0].source : null,
      };
    };
    const stageTypes = STAGE_TYPES.filter((s) => s !== 'DJ_MG').map(figures);
    return {
      semester: code,
      label: semesterLabel(code),
      ...semesterRange(code),
      version: rows.reduce((sum, d) => sum + d.version, 0),
      stageTypes,
      totals: totalsOf(stageTypes),
      docteurJunior: hasDocteursJuniors(code) ? figures('DJ_MG') : null,
    };
  });
}

function totalsOf(rows: readonly SemesterFigures[]): SemesterFigures {
  const offered = rows.reduce((sum, r) => sum + r.offered, 0);
  const requested = rows.reduce((sum, r) => sum + r.requested, 0);
  const known = rows.filter((r) => r.filled !== null);
  const filled = known.length > 0 ? known.reduce((sum, r) => sum + (r.filled ?? 0), 0) : null;
  return { offered, requested, filled, gap: offered - requested };
}
