import { type AccreditationRules, canRenewAccreditation, dayAfter } from '@maillage/shared/domain';

import { DomainException } from '../common/errors/domain-exception';
import { resolveDates } from './accreditation-rules';
import type { Accreditation } from './accreditation.entity';
import type { RenewAccreditationDto } from './dto/accreditation-actions.dto';

/** The columns of a renewal that the renewed accreditation does not decide. */
type RenewalRow = Omit<Accreditation, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'professional'>;

/**
 * The accreditation that renews `before`: same holder, cycle, type, coverage and authority,
 * starting the day after `before` ends (validity without a gap), for the cycle's validity
 * unless an end date is given. A renewal is a full accreditation, even after a conditional one.
 * Throws 409 INVALID_STATE when `before` cannot be renewed (withdrawn, pending, renewed already).
 */
export function renewalOf(
  before: Accreditation,
  renewedById: string | null,
  dto: RenewAccreditationDto,
  rules: AccreditationRules,
): RenewalRow {
  if (before.archivedAt) {
    throw new DomainException('INVALID_STATE', 'Cet agrément est archivé : restaurez-le avant de le renouveler.');
  }
  if (!canRenewAccreditation({ status: before.status, endDate: before.endDate, renewedById })) {
    throw new DomainException(
      'INVALID_STATE',
      renewedById
        ? 'Cet agrément a déjà été renouvelé : renouvelez le plus récent.'
        : 'Seul un agrément accordé, conditionnel ou expiré, avec une date de fin, peut être renouvelé.',
    );
  }
  const startDate = dayAfter(before.endDate as string);
  const status = dto.status ?? 'granted';
  if (dto.endDate && dto.endDate < startDate) {
    throw new DomainException(
      'BAD_INPUT',
      `endDate : le renouvellement commence le ${startDate.split('-').reverse().join('/')}, lendemain de la fin de l’agrément renouvelé ; la fin ne peut pas précéder ce jour.`,
    );
  }
  const dates =
    status === 'granted'
      ? resolveDates(startDate, dto.endDate ?? null, before.cycle, false, rules)
      : { startDate, endDate: dto.endDate ?? null };
  return {
    departementCode: before.departementCode,
    professionalId: before.professionalId,
    siteId: before.siteId,
    cycle: before.cycle,
    type: before.type,
    stageTypes: before.stageTypes,
    phases: before.phases,
    maxStudents: before.maxStudents,
    authority: before.authority,
    ...dates,
    status,
    reference: dto.reference ?? null,
    afterWithdrawal: false,
    notes: dto.note ? `Renouvellement : ${dto.note}` : null,
    renewsId: before.id,
    archivedAt: null,
  };
}
