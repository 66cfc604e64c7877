import {
  addYears,
  type VisitActionInput,
  type VisitParticipantInput,
  type VisitRecordInput,
  type VisitStatus,
} from '@maillage/shared/domain';

import { DomainException } from '../common/errors/domain-exception';

/** No visit before this date (catches typos such as `0202-11-12`). */
export const EARLIEST_DATE = '2000-01-01';
/** How far ahead a visit may be planned, a next visit marked or an action fall due. */
export const HORIZON_YEARS = 3;

/** Refuses the input with every problem found, in French. */
export function assertNoProblems(problems: readonly string[]): void {
  if (problems.length > 0) throw new DomainException('BAD_INPUT', problems.join(' '));
}

/** A visit is planned between 2000 and three years from today. */
export function plannedOnProblems(plannedOn: string | undefined, today: string): string[] {
  if (plannedOn === undefined) return [];
  if (plannedOn < EARLIEST_DATE) return [`plannedOn : date antérieure au ${EARLIEST_DATE} refusée.`];
  if (plannedOn > addYears(today, HORIZON_YEARS)) {
    return [`plannedOn : une visite se planifie au plus ${HORIZON_YEARS} ans à l’avance.`];
  }
  return [];
}

/**
 * Participants: exactly one of `userId`, `professionalId`, `name` each; an MSU is a professional
 * or a name, never an account; nobody twice. (Accounts and professionals are checked in the database.)
 */
export function participantProblems(participants: readonly VisitParticipantInput[], field = 'participants'): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  participants.forEach((p, i) => {
    const ids = [p.userId, p.professionalId, p.name].filter((v) => v !== undefined);
    if (ids.length !== 1) {
      problems.push(
        `${field}.${i} : indiquez un seul de userId (compte), professionalId (professionnel) ou name (nom).`,
      );
    }
    if (p.kind === 'msu' && p.userId !== undefined) {
      problems.push(`${field}.${i} : un maître de stage se désigne par professionalId ou name, pas par un compte.`);
    }
    const key = p.userId ? `u:${p.userId}` : p.professionalId ? `p:${p.professionalId}` : null;
    if (key && seen.has(key)) problems.push(`${field}.${i} : ce participant apparaît deux fois.`);
    if (key) seen.add(key);
  });
  return problems;
}

/** Dates and owners of a record: next visit after the visit, due dates from the visit day, one owner each. */
export function recordProblems(input: Pick<VisitRecordInput, 'visitedOn' | 'nextVisitOn' | 'actions'>): string[] {
  const { visitedOn, nextVisitOn } = input;
  const horizon = addYears(visitedOn, HORIZON_YEARS);
  const problems: string[] = [];
  if (visitedOn < EARLIEST_DATE) problems.push(`visitedOn : date antérieure au ${EARLIEST_DATE} refusée.`);
  if (nextVisitOn && nextVisitOn <= visitedOn) {
    problems.push('nextVisitOn : la prochaine visite doit être postérieure à la date de la visite.');
  } else if (nextVisitOn && nextVisitOn > horizon) {
    problems.push(`nextVisitOn : au plus ${HORIZON_YEARS} ans après la visite.`);
  }
  (input.actions ?? []).forEach((action, i) => problems.push(...actionProblems(action, i, visitedOn, horizon)));
  return problems;
}

function actionProblems(action: VisitActionInput, i: number, visitedOn: string, horizon: string): string[] {
  const problems: string[] = [];
  if ((action.ownerId === undefined) === (action.ownerLabel === undefined)) {
    problems.push(`actions.${i} : indiquez un responsable, ownerId (compte) ou ownerLabel (texte), pas les deux.`);
  }
  if (action.dueOn < visitedOn) {
    problems.push(`actions.${i}.dueOn : l’échéance ne peut pas précéder la visite (${visitedOn}).`);
  } else if (action.dueOn > horizon) {
    problems.push(`actions.${i}.dueOn : échéance au plus ${HORIZON_YEARS} ans après la visite.`);
  }
  return problems;
}

const STATE_MESSAGES: Record<VisitStatus, string> = {
  planned: 'Cette visite est encore planifiée.',
  done: 'Cette visite est déjà enregistrée.',
  cancelled: 'Cette visite est annulée.',
};

/** Edits, recording and cancelling apply to a live visit that is still planned (409 otherwise). */
/** Only a recorded (done), live visit can be corrected. */
export function assertRecorded(visit: { status: VisitStatus; archivedAt: Date | null }): void {
  if (visit.archivedAt) {
    throw new DomainException('INVALID_STATE', 'Cette visite est archivée : restaurez-la avant de la corriger.');
  }
  if (visit.status !== 'done') {
    throw new DomainException(
      'INVALID_STATE',
      'Seule une visite réalisée se corrige : une visite planifiée se modifie ou s’enregistre.',
    );
  }
}

export function assertPlanned(visit: { status: VisitStatus; archivedAt: Date | null }): void {
  if (visit.archivedAt) {
    throw new DomainException('INVALID_STATE', 'Cette visite est archivée : restaurez-la avant de la modifier.');
  }
  if (visit.status !== 'planned') throw new DomainException('INVALID_STATE', STATE_MESSAGES[visit.status]);
}
