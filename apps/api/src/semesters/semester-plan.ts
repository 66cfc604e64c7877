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

import { placesOffered } from '../offer/places-offered';
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

const key = (semester: string, stageType: string) => `${semester}:${stageType}`;

/** The plans of these semesters over these départements (`null`: all), in two queries. */
export async function semesterPlans(
  manager: EntityManager,
  codes: readonly SemesterCode[],
  departements: string[] | null,
): Promise<SemesterPlan[]> {
  const starts = codes.map((code) => semesterRange(code).start);
  const offeredRows = await placesOffered(manager, codes, starts, departements);
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
