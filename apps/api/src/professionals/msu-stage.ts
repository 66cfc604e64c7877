import { canMoveMsuStage, MSU_EXITS, MSU_STAGE_LABELS, type MsuStage } from '@maillage/shared/domain';
import type { EntityManager } from 'typeorm';

import type { AuditService } from '../common/audit/audit.service';
import { DomainException } from '../common/errors/domain-exception';
import { applyVersionedChange, type AuditActor } from '../common/persistence/scoped-records';
import { recordStageEvent } from './professional-writes';
import { Professional } from './professional.entity';
import { PROFESSIONAL_ENTITY, PROFESSIONAL_LABEL, professionalSnapshot } from './professional.mapper';

export interface StageMove {
  toStage: MsuStage;
  /** YYYY-MM-DD, not in the future (checked by the DTO). */
  date: string;
  note: string | null;
}

export function assertLive(p: Professional): void {
  if (p.archivedAt !== null) {
    throw new DomainException('INVALID_STATE', 'Ce professionnel est archivé : restaurez-le avant de le modifier.');
  }
}

/** Checks a move of the MSU pipeline against the current stage (`canMoveMsuStage`). */
export function assertStageMove(p: Professional, move: StageMove): void {
  assertLive(p);
  const from = MSU_STAGE_LABELS[p.msuStage];
  if (p.msuStage === move.toStage) {
    throw new DomainException('INVALID_STATE', `Ce professionnel est déjà à l’étape « ${from} ».`);
  }
  if (!canMoveMsuStage(p.msuStage, move.toStage)) {
    const why = MSU_EXITS.includes(p.msuStage)
      ? ' : depuis une sortie du parcours, seul un retour à « Identifié » ou « Contacté » est possible'
      : '';
    throw new DomainException(
      'INVALID_STATE',
      `Passage impossible de l’étape « ${from} » à « ${MSU_STAGE_LABELS[move.toStage]} »${why}.`,
    );
  }
  if (move.date < p.msuStageSince) {
    throw new DomainException(
      'BAD_INPUT',
      `date : ne peut pas précéder le début de l’étape actuelle (${p.msuStageSince}).`,
    );
  }
}

/**
 * Moves a professional in the pipeline: stage and date on the row (version-checked), a
 * `msu_stage_events` row and an audit event, all in the caller's transaction.
 */
export function moveStage(
  manager: EntityManager,
  audit: AuditService,
  actor: AuditActor,
  id: string,
  version: number,
  move: StageMove,
): Promise<Professional> {
  return applyVersionedChange(manager, audit, actor, {
    target: Professional,
    entityType: PROFESSIONAL_ENTITY,
    label: PROFESSIONAL_LABEL,
    id,
    version,
    action: 'stage_changed',
    snapshot: (row) => professionalSnapshot(manager, row),
    changes: (before) => {
      assertStageMove(before, move);
      return { msuStage: move.toStage, msuStageSince: move.date };
    },
    after: (after, before) =>
      recordStageEvent(manager, actor.id, {
        professionalId: id,
        fromStage: before.msuStage,
        toStage: after.msuStage,
        occurredOn: move.date,
        note: move.note,
      }),
  });
}
