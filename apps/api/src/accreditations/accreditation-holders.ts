import { type Cycle, professionalDisplayName } from '@maillage/shared/domain';
import { type EntityManager, IsNull } from 'typeorm';

import { DomainException } from '../common/errors/domain-exception';
import { type Actor, canSee } from '../common/scope/territory-scope';
import { Professional } from '../professionals/professional.entity';
import { Accreditation } from './accreditation.entity';

/** A site holder, read by id from the sites' table (accreditations do not import sites). */
interface SiteHolder {
  id: string;
  departementCode: string;
  name: string;
}

export type Holder = { kind: 'professional'; row: Professional } | { kind: 'site'; row: SiteHolder };

/**
 * The holder of a new accreditation: exactly one of a professional and a site, live and in
 * the actor's département. Anything else is a 400 (the URL is not about the holder).
 */
export async function findHolder(
  manager: EntityManager,
  actor: Actor,
  ids: { professionalId?: string; siteId?: string },
): Promise<Holder> {
  if (Boolean(ids.professionalId) === Boolean(ids.siteId)) {
    throw new DomainException(
      'BAD_INPUT',
      'professionalId, siteId : un agrément concerne soit un professionnel, soit un terrain (un seul des deux).',
    );
  }
  if (ids.professionalId) {
    const row = await manager.getRepository(Professional).findOneBy({ id: ids.professionalId, archivedAt: IsNull() });
    if (!row || !canSee(actor, row.departementCode)) {
      throw new DomainException('BAD_INPUT', 'professionalId : professionnel introuvable dans votre département.');
    }
    return { kind: 'professional', row };
  }
  const [row]: SiteHolder[] = await manager.query(
    `SELECT id, departement_code AS "departementCode", name FROM training_sites WHERE id = $1 AND archived_at IS NULL`,
    [ids.siteId],
  );
  if (!row || !canSee(actor, row.departementCode)) {
    throw new DomainException('BAD_INPUT', 'siteId : terrain de stage introuvable dans votre département.');
  }
  return { kind: 'site', row };
}

export function holderName(holder: Holder): string {
  return holder.kind === 'site' ? holder.row.name : professionalDisplayName(holder.row);
}

/** Whether the holder's last accreditation of this cycle was withdrawn (the next one is then conditional). */
export async function followsWithdrawal(manager: EntityManager, holder: Holder, cycle: Cycle): Promise<boolean> {
  const last = await manager.getRepository(Accreditation).findOne({
    select: { id: true, status: true },
    where: {
      ...(holder.kind === 'site' ? { siteId: holder.row.id } : { professionalId: holder.row.id }),
      cycle,
      archivedAt: IsNull(),
    },
    order: { createdAt: 'DESC' },
  });
  return last?.status === 'withdrawn';
}
