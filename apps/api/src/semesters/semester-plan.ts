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
 * Places offered per semester and stage type: the capacities of active, live sites that, on
 * the semester's first day, hold an accreditation in force (granted or conditional, started,
 * not ended) covering that stage type, either their own or one of a professional practising
 * there. A site counts its capacity once, whatever the number of such accreditations; the
 * capacity is not capped by the accreditations' maximum number of students. Statuses are
 * today's: an accreditation withdrawn since is not counted for a past semester.
 * `$1` codes, `$2` first days, `$3` départements (`NULL`: all).
 */
const OFFERED_SQL = `
WITH sem(semester, start_on) AS (SELECT * FROM unnest($1::text[], $2::date[]))
SELECT sem.semester, c.stage_type AS "stageType", sum(c.places)::int AS offered
FROM sem
CROSS JOIN training_sites s
JOIN site_capacities c ON c.site_id = s.id AND c.places > 0
WHERE s.status = 'active' AND s.archived_at IS NULL
  AND ($3::text[] IS NULL OR s.departement_code = ANY($3::text[]))
  AND EXISTS (SELECT 1 FROM accreditations a
    WHERE a.archived_at IS NULL AND a.status IN ('granted', 'conditional')
      AND a.start_date <= sem.start_on AND (a.end_date IS NULL OR a.end_date >= sem.start_on)
      AND c.stage_type = ANY(a.stage_types)
      AND (a.site_id = s.id
        OR a.professional_id IN (SELECT ps.professional_id FROM professional_sites ps WHERE ps.site_id = s.id)))
GROUP BY sem.semester, c.stage_type`;

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
