import { initialsOf, INTENT_STATUS_LABELS, type IntentStatus } from '@maillage/shared/domain';

import { DomainException } from '../common/errors/domain-exception';

/** What the client sent (`undefined`: not sent) and what is stored (absent on creation). */
export interface IdentityInput {
  consent?: boolean;
  firstName?: string | null;
  lastName?: string | null;
  initials?: string;
}
export interface StoredIdentity {
  consent: boolean;
  firstName: string | null;
  lastName: string | null;
  initials: string;
}

const INITIALS_MAX = 20;
const initials = (first: string, last: string) => initialsOf(first, last).slice(0, INITIALS_MAX).trim();

/**
 * GDPR rule of installation intents: with consent the names are kept and the initials computed;
 * without consent the names are never stored, only initials (given, or computed from the names
 * given, or from the names held before the consent was withdrawn).
 */
export function resolveIdentity(input: IdentityInput, before?: StoredIdentity): StoredIdentity {
  const consent = input.consent ?? before?.consent ?? false;
  const first = input.firstName !== undefined ? input.firstName : (before?.firstName ?? null);
  const last = input.lastName !== undefined ? input.lastName : (before?.lastName ?? null);
  if (consent) {
    if (input.initials !== undefined) {
      throw new DomainException(
        'BAD_INPUT',
        'initials : calculées à partir du nom quand la personne a accepté d’être nommée.',
      );
    }
    if (!first || !last) {
      throw new DomainException(
        'BAD_INPUT',
        'firstName, lastName : le prénom et le nom sont obligatoires quand la personne a accepté d’être nommée.',
      );
    }
    return { consent, firstName: first, lastName: last, initials: initials(first, last) };
  }
  const namesGiven = (input.firstName ?? null) !== null || (input.lastName ?? null) !== null;
  if (namesGiven && input.initials !== undefined) {
    throw new DomainException(
      'BAD_INPUT',
      'initials : donnez soit les initiales, soit le prénom et le nom (qui ne seront pas conservés).',
    );
  }
  if (namesGiven) {
    if (!input.firstName || !input.lastName) {
      throw new DomainException(
        'BAD_INPUT',
        'firstName, lastName : donnez les deux pour calculer les initiales (ils ne seront pas conservés).',
      );
    }
    return { consent, firstName: null, lastName: null, initials: initials(input.firstName, input.lastName) };
  }
  if (input.initials !== undefined) return { consent, firstName: null, lastName: null, initials: input.initials };
  if (before?.firstName && before.lastName)
    return { consent, firstName: null, lastName: null, initials: initials(before.firstName, before.lastName) };
  if (before) return { consent, firstName: null, lastName: null, initials: before.initials };
  throw new DomainException(
    'BAD_INPUT',
    'initials : sans consentement, donnez les initiales (ou le prénom et le nom, qui ne seront pas conservés).',
  );
}

export interface SettlementInput {
  status?: IntentStatus;
  settledOn?: string | null;
  professionalId?: string | null;
}
export interface StoredSettlement {
  status: IntentStatus;
  settledOn: string | null;
  professionalId: string | null;
}

/** `settled` needs its date; the date and the link to a professional belong to `settled` only. */
export function resolveSettlement(input: SettlementInput, before?: StoredSettlement): StoredSettlement {
  const status = input.status ?? before?.status ?? 'intention';
  const settled = INTENT_STATUS_LABELS.settled;
  if (status !== 'settled') {
    if (input.settledOn) throw new DomainException('BAD_INPUT', `settledOn : seulement avec le statut « ${settled} ».`);
    if (input.professionalId) {
      throw new DomainException(
        'BAD_INPUT',
        `professionalId : le lien vers le registre se fait une fois la personne installée (statut « ${settled} »).`,
      );
    }
    return { status, settledOn: null, professionalId: null };
  }
  const settledOn = input.settledOn !== undefined ? input.settledOn : (before?.settledOn ?? null);
  if (!settledOn)
    throw new DomainException(
      'BAD_INPUT',
      `settledOn : la date d’installation est obligatoire avec le statut « ${settled} ».`,
    );
  const professionalId = input.professionalId !== undefined ? input.professionalId : (before?.professionalId ?? null);
  return { status, settledOn, professionalId };
}
