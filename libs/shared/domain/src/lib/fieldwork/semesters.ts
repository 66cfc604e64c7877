/**
 * Semesters: `2026-W` is the winter semester starting in November 2026 (to April 2027),
 * `2027-S` the summer semester (May to October 2027).
 */
export type SemesterCode = `${number}-${'W' | 'S'}`;
export const SEMESTER_CODE = /^(20\d{2})-(W|S)$/;

export function isSemesterCode(value: string): value is SemesterCode {
  return SEMESTER_CODE.test(value);
}

/** First and last day (ISO) of a semester. */
export function semesterRange(code: SemesterCode): { start: string; end: string } {
  const [, y, season] = SEMESTER_CODE.exec(code) as RegExpExecArray;
  const year = Number(y);
  return season === 'W'
    ? { start: `${year}-11-01`, end: `${year + 1}-04-30` }
    : { start: `${year}-05-01`, end: `${year}-10-31` };
}

/** The semester in progress on a date (ISO). */
export function semesterOf(date: string): SemesterCode {
  const [year, month] = date.split('-').map(Number);
  if (month >= 11) return `${year}-W`;
  if (month <= 4) return `${year - 1}-W`;
  return `${year}-S`;
}

export function nextSemester(code: SemesterCode): SemesterCode {
  const [, y, season] = SEMESTER_CODE.exec(code) as RegExpExecArray;
  return season === 'W' ? `${Number(y) + 1}-S` : `${Number(y)}-W`;
}

export function semesterLabel(code: SemesterCode): string {
  const [, y, season] = SEMESTER_CODE.exec(code) as RegExpExecArray;
  const year = Number(y);
  return season === 'W' ? `Hiver ${year}-${year + 1}` : `Été ${year}`;
}

/** Docteurs juniors of general practice start on 2 November 2026 (winter semester 2026). */
export const DJ_MG_FIRST_SEMESTER: SemesterCode = '2026-W';
