import { type AccreditationRules, type AccreditationStatus, isInForce, statusOnGrant } from '@maillage/shared/domain';

import { DomainException } from '../common/errors/domain-exception';
import { checkCoverage, checkTransition, resolveDates, withNote } from './accreditation-rules';
import type { Accreditation } from './accreditation.entity';
import type { GrantAccreditationDto, WithdrawAccreditationDto } from './dto/accreditation-actions.dto';
import type { UpdateAccreditationDto } from './dto/accreditation.dto';

/**
 * What each change writes, computed from the stored accreditation (pure: the service loads,
 * version-checks and audits). Each throws a DomainException when the change is not allowed.
 */
type Changes = Partial<Accreditation>;
type EditFields = Omit<UpdateAccreditationDto, 'version'>;

/** A plain edit: coverage checked on the merged record; a new start date recomputes the default end. */
export function editChanges(before: Accreditation, fields: EditFields, rules: AccreditationRules): Changes {
  const merged = { ...before, ...fields };
  checkCoverage(merged.cycle, merged.stageTypes, merged.phases);
  const conditional = merged.status === 'conditional' || (merged.afterWithdrawal && !isInForce(merged.status));
  const endDate = fields.endDate ?? (fields.startDate ? null : before.endDate);
  return { ...fields, ...resolveDates(merged.startDate, endDate, merged.cycle, conditional, rules) };
}

export function reviewChanges(before: Accreditation, note: string | undefined, today: string): Changes {
  checkTransition(before.status, 'under_review');
  return { status: 'under_review', notes: withNote(before.notes, today, 'Mise en instruction', note) };
}

/** Conditional (1 year) after a withdrawal; confirming a conditional accreditation grants it fully. */
export function grantChanges(
  before: Accreditation,
  dto: GrantAccreditationDto,
  today: string,
  rules: AccreditationRules,
): Changes {
  const to: AccreditationStatus = before.status === 'conditional' ? 'granted' : statusOnGrant(before.afterWithdrawal);
  checkTransition(before.status, to);
  const dates = resolveDates(dto.startDate, dto.endDate ?? null, before.cycle, to === 'conditional', rules);
  return {
    ...dates,
    status: to,
    reference: dto.reference ?? before.reference,
    notes: withNote(before.notes, today, 'Agrément accordé', dto.note),
  };
}

/** An accreditation in force ends on the withdrawal date. */
export function withdrawChanges(before: Accreditation, dto: WithdrawAccreditationDto): Changes {
  checkTransition(before.status, 'withdrawn');
  if (before.startDate && dto.date < before.startDate) {
    throw new DomainException(
      'BAD_INPUT',
      `date : le retrait ne peut pas précéder le début de l’agrément (${before.startDate}).`,
    );
  }
  const endsEarlier = isInForce(before.status) && (before.endDate === null || dto.date < before.endDate);
  return {
    status: 'withdrawn',
    endDate: endsEarlier ? dto.date : before.endDate,
    notes: withNote(before.notes, dto.date, 'Retrait', dto.note),
  };
}

export function expireChanges(before: Accreditation, note: string | undefined, today: string): Changes {
  checkTransition(before.status, 'expired');
  return { status: 'expired', notes: withNote(before.notes, today, 'Expiration', note) };
}
