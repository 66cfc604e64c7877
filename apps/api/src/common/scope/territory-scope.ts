import type { AuthUser } from '@maillage/shared/domain';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

import { DomainException } from '../errors/domain-exception';

/** Who is acting: the signed-in user, or a system job acting for every département. */
export type Actor = Pick<AuthUser, 'id' | 'role' | 'departementCode'>;

export const SYSTEM_ACTOR: Actor = { id: '00000000-0000-0000-0000-000000000000', role: 'admin', departementCode: null };

/** `null` means every département (national administrators and system jobs). */
export function visibleDepartements(actor: Actor): string[] | null {
  return actor.departementCode === null ? null : [actor.departementCode];
}

/**
 * Restricts a query to the départements the actor may see. Every list and read of a
 * business record goes through here; `column` defaults to `<alias>.departementCode`.
 */
export function scopeQuery<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  actor: Actor,
  column = `${qb.alias}.departementCode`,
): SelectQueryBuilder<T> {
  const codes = visibleDepartements(actor);
  return codes === null ? qb : qb.andWhere(`${column} IN (:...scopeDepartements)`, { scopeDepartements: codes });
}

/**
 * The département a new record goes to: the actor's own, or for a national actor the one
 * asked for. A département outside the actor's reach is answered as if it did not exist.
 */
export function departementForWrite(actor: Actor, requested?: string | null): string {
  if (actor.departementCode !== null) {
    if (requested && requested !== actor.departementCode) {
      throw new DomainException('FORBIDDEN', 'Vous ne pouvez pas écrire dans un autre département que le vôtre.');
    }
    return actor.departementCode;
  }
  if (!requested) {
    throw new DomainException('BAD_INPUT', 'departementCode : précisez le département de cet enregistrement.');
  }
  return requested;
}

export function canSee(actor: Actor, departementCode: string | null): boolean {
  return actor.departementCode === null || actor.departementCode === departementCode;
}
