import type { Zonage } from '@maillage/shared/domain';
import type { EntityManager } from 'typeorm';

import type { AuditService } from '../common/audit/audit.service';
import { DomainException } from '../common/errors/domain-exception';
import type { AuditActor } from '../common/persistence/scoped-records';
import { CommuneZonage } from './entities/commune-zonage.entity';
import type { Commune } from './entities/commune.entity';

export interface ZonagePeriodInput {
  zonage: Zonage;
  validFrom: string;
  validTo: string | null;
  source: string | null;
}

/**
 * Records a classification of a commune: an open period that the new one follows is closed the
 * day before; an identical period already recorded changes nothing; any other overlap is refused.
 * Used by `POST /api/communes/:code/zonages` and by the zonage file import, in the caller's transaction.
 */
export async function addZonagePeriod(
  manager: EntityManager,
  audit: AuditService,
  actor: AuditActor,
  commune: Pick<Commune, 'code' | 'departementCode'>,
  period: ZonagePeriodInput,
): Promise<'added' | 'closes' | 'unchanged'> {
  const { validFrom, validTo } = period;
  if (validTo !== null && validTo < validFrom) {
    throw new DomainException('BAD_INPUT', 'validTo : la fin doit être postérieure ou égale au début.');
  }
  const repo = manager.getRepository(CommuneZonage);
  const periods = await repo.find({ where: { communeCode: commune.code }, lock: { mode: 'pessimistic_write' } });
  // Already recorded (an open period the file repeats may have been closed since by a later one).
  const same = (p: CommuneZonage) =>
    p.zonage === period.zonage && p.validFrom === validFrom && (p.validTo === validTo || validTo === null);
  if (periods.some(same)) return 'unchanged';
  let closes = false;
  for (const p of periods) {
    const overlaps = p.validFrom <= (validTo ?? '9999-12-31') && validFrom <= (p.validTo ?? '9999-12-31');
    if (!overlaps) continue;
    if (p.validTo === null && p.validFrom < validFrom) {
      await repo.update({ id: p.id }, { validTo: dayBefore(validFrom) });
      closes = true;
    } else {
      throw new DomainException(
        'BAD_INPUT',
        `validFrom : chevauche le classement ${p.zonage} en vigueur du ${p.validFrom}.`,
      );
    }
  }
  const saved = await repo.save(
    repo.create({ communeCode: commune.code, zonage: period.zonage, validFrom, validTo, source: period.source }),
  );
  await audit.record(manager, actor, {
    action: 'zonage_added',
    entityType: 'commune',
    entityId: commune.code,
    departementCode: commune.departementCode,
    after: { zonage: saved.zonage, validFrom: saved.validFrom, validTo: saved.validTo, source: saved.source },
  });
  return closes ? 'closes' : 'added';
}

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
