import {
  PARTICIPANT_KIND_LABELS,
  type ParticipantKind,
  professionalDisplayName,
  type Role,
  type VisitParticipantInput,
  type VisitParticipantView,
} from '@maillage/shared/domain';
import { type EntityManager, In, IsNull } from 'typeorm';

import { DomainException } from '../common/errors/domain-exception';
import type { Actor } from '../common/scope/territory-scope';
import { Professional } from '../professionals/professional.entity';
import { User } from '../users/user.entity';
import { VisitParticipant } from './visit-participant.entity';
import { assertNoProblems, participantProblems } from './visit-rules';

type ParticipantRow = Pick<VisitParticipant, 'kind' | 'userId' | 'professionalId' | 'name'>;

/** The account roles each kind of participant accepts (`other`: any user of the département). */
const ROLES_OF_KIND: Record<ParticipantKind, readonly Role[] | null> = {
  mission_officer: ['mission_officer'],
  cdom: ['cdom'],
  msu: [],
  other: null,
};

/**
 * Checks the participants against the database (active accounts and live professionals of the
 * visit's département, kinds that fit) and returns the rows to write. The name of an account or
 * a professional is kept as a snapshot: the report keeps who was there, and a participant row
 * stays valid if the account is later deleted.
 */
export async function resolveParticipants(
  manager: EntityManager,
  departementCode: string,
  participants: readonly VisitParticipantInput[],
  field = 'participants',
): Promise<ParticipantRow[]> {
  assertNoProblems(participantProblems(participants, field));
  const userIds = participants.flatMap((p) => (p.userId ? [p.userId] : []));
  const professionalIds = participants.flatMap((p) => (p.professionalId ? [p.professionalId] : []));
  const users = userIds.length
    ? await manager.getRepository(User).find({ where: { id: In(userIds), departementCode, isActive: true } })
    : [];
  const professionals = professionalIds.length
    ? await manager
        .getRepository(Professional)
        .find({ where: { id: In(professionalIds), departementCode, archivedAt: IsNull() } })
    : [];
  const problems: string[] = [];
  const rows = participants.map((p, i): ParticipantRow => {
    const row = { kind: p.kind, userId: p.userId ?? null, professionalId: p.professionalId ?? null };
    if (p.userId) {
      const user = users.find((u) => u.id === p.userId);
      const roles = ROLES_OF_KIND[p.kind];
      if (!user) problems.push(`${field}.${i}.userId : compte introuvable ou inactif dans le département.`);
      else if (roles && !roles.includes(user.role)) {
        problems.push(
          `${field}.${i}.userId : ce compte ne peut pas figurer comme « ${PARTICIPANT_KIND_LABELS[p.kind]} ».`,
        );
      }
      return { ...row, name: user?.displayName ?? '' };
    }
    if (p.professionalId) {
      const professional = professionals.find((x) => x.id === p.professionalId);
      if (!professional) problems.push(`${field}.${i}.professionalId : professionnel introuvable dans le département.`);
      else if (p.kind !== 'msu' && p.kind !== 'other') {
        problems.push(
          `${field}.${i}.professionalId : un professionnel figure comme maître de stage ou autre participant.`,
        );
      }
      return { ...row, name: professional ? professionalDisplayName(professional) : '' };
    }
    return { ...row, name: p.name ?? '' };
  });
  assertNoProblems(problems);
  return rows;
}

export async function replaceParticipants(
  manager: EntityManager,
  visitId: string,
  rows: readonly ParticipantRow[],
): Promise<void> {
  const repo = manager.getRepository(VisitParticipant);
  await repo.delete({ visitId });
  if (rows.length > 0) await repo.insert(rows.map((row) => ({ ...row, visitId })));
}

/** The participants of a page of visits, in one query: mission officer, CDOM, MSUs, others, then by name. */
export async function participantsOf(
  manager: EntityManager,
  visitIds: readonly string[],
): Promise<Map<string, VisitParticipantView[]>> {
  const byVisit = new Map<string, VisitParticipantView[]>(visitIds.map((id) => [id, []]));
  if (visitIds.length === 0) return byVisit;
  const rows = await manager
    .getRepository(VisitParticipant)
    .createQueryBuilder('p')
    .where('p.visitId IN (:...visitIds)', { visitIds })
    .orderBy('p.visitId')
    .addOrderBy(`array_position(ARRAY['mission_officer','cdom','msu','other']::varchar[], p.kind)`)
    .addOrderBy('p.name')
    .getMany();
  for (const p of rows) {
    byVisit.get(p.visitId)?.push({
      id: p.id,
      kind: p.kind,
      userId: p.userId,
      professionalId: p.professionalId,
      name: p.name ?? '',
    });
  }
  return byVisit;
}

/**
 * Who reads a visit's record (checklist, findings, report): every reader role of the
 * département, except the CDOM, which reads only the visits it takes part in. The CDOM sees
 * the calendar of the département (to join visits); the findings about a practice stay between
 * the Département and the Ordre's representative who was there.
 */
export async function mayReadRecord(manager: EntityManager, actor: Actor, visitId: string): Promise<boolean> {
  if (actor.role !== 'cdom') return true;
  return manager.getRepository(VisitParticipant).existsBy({ visitId, userId: actor.id });
}

/** The report (PDF) follows `mayReadRecord`: 403 for a CDOM account that did not take part. */
export async function assertMayRead(manager: EntityManager, actor: Actor, visitId: string): Promise<void> {
  if (!(await mayReadRecord(manager, actor, visitId))) {
    throw new DomainException('FORBIDDEN', 'Le CDOM ne consulte le compte rendu d’une visite que s’il y participe.');
  }
}
