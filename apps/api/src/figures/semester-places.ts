import {
  type SemesterCode,
  type SemesterFigures,
  semesterLabel,
  type SemesterPlan,
  semesterRange,
  type SemesterStageFigures,
  STAGE_TYPES,
  type StageType,
} from '@maillage/shared/domain';
import type { EntityManager } from 'typeorm';

import { sqlRows } from '../common/persistence/sql';
import { placesOffered } from '../offer/places-offered';
import { hasDocteursJuniors } from './semester-calendar';

const key = (semester: string, stageType: string) => `${semester}:${stageType}`;

/**
 * Places offered, requested and filled per semester: the one definition behind the dashboard,
 * Semestres, the offer snapshots and the annual report.
 * - offered: `offer/places-offered.ts` (capacities of active sites holding an accreditation in
 *   force on the semester's first day);
 * - requested and filled: the demands the mission officer entered (filled `null` while unknown);
 * - `totals` sum every stage type **but the docteurs juniors** (`DJ_MG`), who are counted apart in
 *   `docteurJunior` (`null` before their first semester). No screen adds the two: each shows the
 *   docteurs juniors on their own line.
 * Two queries for all the semesters asked, over `departements` (`null`: all).
 */
interface DemandRow {
  semester: string;
  version: number;
  stageType: StageType;
  placesRequested: number;
  placesFilled: number | null;
  source: string | null;
}

export async function semesterPlaces(
  manager: EntityManager,
  codes: readonly SemesterCode[],
  departements: readonly string[] | null,
): Promise<SemesterPlan[]> {
  const starts = codes.map((code) => semesterRange(code).start);
  const offeredRows = await placesOffered(manager, codes, starts, departements);
  const offered = new Map(offeredRows.map((r) => [key(r.semester, r.stageType), r.offered]));
  // Read as rows (not the `semesters/` entity): semesters/ calls this module, not the reverse.
  const demands = await sqlRows<DemandRow>(
    manager,
    `SELECT semester, version, stage_type AS "stageType", places_requested AS "placesRequested",
       places_filled AS "placesFilled", source
     FROM semester_demands
     WHERE semester = ANY($1::text[]) AND ($2::text[] IS NULL OR departement_code = ANY($2::text[]))`,
    [[...codes], departements ? [...departements] : null],
  );
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
