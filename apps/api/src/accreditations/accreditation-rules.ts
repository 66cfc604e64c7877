import {
  ACCREDITATION_STATUS_LABELS,
  type AccreditationRules,
  type AccreditationStatus,
  canChangeAccreditationStatus,
  type Cycle,
  CYCLE_LABELS,
  defaultEndDate,
  type Phase,
  STAGE_TYPE_CYCLE,
  type StageType,
} from '@maillage/shared/domain';

import { DomainException } from '../common/errors/domain-exception';

/** Stage types must belong to the accreditation's cycle; phases only exist in the 3rd cycle. */
export function checkCoverage(cycle: Cycle, stageTypes: readonly StageType[], phases: readonly Phase[]): void {
  const foreign = stageTypes.filter((s) => STAGE_TYPE_CYCLE[s] !== cycle);
  if (foreign.length > 0) {
    throw new DomainException(
      'BAD_INPUT',
      `stageTypes : ${foreign.join(', ')} ne relève pas du ${CYCLE_LABELS[cycle]}.`,
    );
  }
  if (cycle === '2' && phases.length > 0) {
    throw new DomainException(
      'BAD_INPUT',
      'phases : les phases (socle, approfondissement, consolidation) ne concernent que le 3e cycle.',
    );
  }
}

/**
 * The dates to store: an end date needs a start date and may not precede it; without one,
 * the end date is the default validity of the cycle (or the conditional one after a withdrawal).
 */
export function resolveDates(
  startDate: string | null,
  endDate: string | null,
  cycle: Cycle,
  conditional: boolean,
  rules: AccreditationRules,
): { startDate: string | null; endDate: string | null } {
  if (endDate !== null && startDate === null) {
    throw new DomainException('BAD_INPUT', 'startDate : une date de début est obligatoire avec une date de fin.');
  }
  if (startDate !== null && endDate !== null && endDate < startDate) {
    throw new DomainException(
      'BAD_INPUT',
      `endDate : la fin (${endDate}) ne peut pas précéder le début (${startDate}).`,
    );
  }
  return {
    startDate,
    endDate: endDate ?? (startDate === null ? null : defaultEndDate(startDate, cycle, conditional, rules)),
  };
}

/** 409 INVALID_STATE unless the business action may move `from` to `to`. */
export function checkTransition(from: AccreditationStatus, to: AccreditationStatus): void {
  if (!canChangeAccreditationStatus(from, to)) {
    throw new DomainException(
      'INVALID_STATE',
      `Un agrément « ${ACCREDITATION_STATUS_LABELS[from]} » ne peut pas passer à « ${ACCREDITATION_STATUS_LABELS[to]} ».`,
    );
  }
}

/** The action's note, dated, appended to the notes of the file. */
export function withNote(notes: string | null, date: string, action: string, note: string | undefined): string | null {
  if (!note) return notes;
  const line = `${date} · ${action} : ${note}`;
  return notes ? `${notes}\n${line}` : line;
}
