import { DJ_MG_FIRST_SEMESTER, nextSemester, type SemesterCode } from '@maillage/shared/domain';

/* The semester plans themselves (places offered, requested, filled) are `semester-places.ts`. */

/** Chronological rank: 2026-S < 2026-W < 2027-S. */
export const semesterRank = (code: SemesterCode): number => Number(code.slice(0, 4)) * 2 + (code.endsWith('W') ? 1 : 0);
export const hasDocteursJuniors = (code: SemesterCode): boolean =>
  semesterRank(code) >= semesterRank(DJ_MG_FIRST_SEMESTER);

export function semestersFrom(from: SemesterCode, count: number): SemesterCode[] {
  const codes = [from];
  while (codes.length < count) codes.push(nextSemester(codes[codes.length - 1]));
  return codes;
}
