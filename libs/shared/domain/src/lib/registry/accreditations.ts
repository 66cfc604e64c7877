import { addMonths, addYears } from '../dates';
import type { Cycle, Phase, StageType } from './stage-types';

export const ACCREDITATION_TYPES = ['principal', 'complementaire', 'fonctionnel'] as const;
export type AccreditationType = (typeof ACCREDITATION_TYPES)[number];
export const ACCREDITATION_TYPE_LABELS: Readonly<Record<AccreditationType, string>> = {
  principal: 'Principal',
  complementaire: 'Complémentaire',
  fonctionnel: 'Fonctionnel',
};

export const ACCREDITATION_STATUSES = [
  'requested',
  'under_review',
  'granted',
  'conditional',
  'expired',
  'withdrawn',
] as const;
export type AccreditationStatus = (typeof ACCREDITATION_STATUSES)[number];
export const ACCREDITATION_STATUS_LABELS: Readonly<Record<AccreditationStatus, string>> = {
  requested: 'Demandé',
  under_review: 'En instruction',
  granted: 'Accordé',
  conditional: 'Conditionnel',
  expired: 'Expiré',
  withdrawn: 'Retiré',
};

/** Configurable accreditation rules (reference data; defaults from DOMAIN.md). */
export interface AccreditationRules {
  /** Default validity, in years, per cycle. */
  durationYears: Readonly<Record<Cycle, number>>;
  /** Validity of a conditional accreditation after a withdrawal, in years. */
  conditionalYears: number;
  /** Months before the end date when an accreditation is "expiring soon". */
  alertMonths: number;
}

export const DEFAULT_ACCREDITATION_RULES: AccreditationRules = {
  durationYears: { '2': 5, '3': 5 },
  conditionalYears: 1,
  alertMonths: 6,
};

/** Statuses in which an accreditation lets its holder host students (until its end date). */
export function isInForce(status: AccreditationStatus): boolean {
  return status === 'granted' || status === 'conditional';
}

/**
 * The default end date of an accreditation starting on `start`: the cycle's duration, or the
 * conditional duration when the holder had an accreditation withdrawn (the day before the
 * anniversary, so that 5 years from 2026-11-02 ends on 2031-11-01).
 */
export function defaultEndDate(
  start: string,
  cycle: Cycle,
  afterWithdrawal: boolean,
  rules: AccreditationRules = DEFAULT_ACCREDITATION_RULES,
): string {
  const years = afterWithdrawal ? rules.conditionalYears : rules.durationYears[cycle];
  return dayBefore(addYears(start, years));
}

/** A new accreditation after a withdrawal is conditional. */
export function statusOnGrant(afterWithdrawal: boolean): AccreditationStatus {
  return afterWithdrawal ? 'conditional' : 'granted';
}

/** `renewed`: in force, and its renewal is granted (it continues without a gap, so it is not « expiring »). */
export type AccreditationValidity = 'pending' | 'valid' | 'expiring_soon' | 'renewed' | 'expired' | 'withdrawn';

export const ACCREDITATION_VALIDITY_LABELS: Readonly<Record<AccreditationValidity, string>> = {
  pending: 'En cours de demande',
  valid: 'Valide',
  expiring_soon: 'Expire bientôt',
  renewed: 'Renouvelé',
  expired: 'Expiré',
  withdrawn: 'Retiré',
};

/**
 * Where an accreditation stands on `today` (ISO dates), with the alert window of the rules. One in
 * force whose renewal is granted (`renewed`: the renewal is itself granted or conditional) is
 * `renewed` until it ends, never `expiring_soon`; a renewal still requested leaves it expiring.
 */
export function accreditationValidity(
  a: { status: AccreditationStatus; endDate: string | null; renewed?: boolean },
  today: string,
  rules: AccreditationRules = DEFAULT_ACCREDITATION_RULES,
): AccreditationValidity {
  if (a.status === 'withdrawn') return 'withdrawn';
  if (a.status === 'requested' || a.status === 'under_review') return 'pending';
  if (a.status === 'expired' || (a.endDate !== null && a.endDate < today)) return 'expired';
  if (a.renewed) return 'renewed';
  if (a.endDate !== null && a.endDate <= addMonths(today, rules.alertMonths)) return 'expiring_soon';
  return 'valid';
}

/** Allowed explicit status changes (business actions). */
const TRANSITIONS: Readonly<Record<AccreditationStatus, readonly AccreditationStatus[]>> = {
  requested: ['under_review', 'granted', 'conditional', 'withdrawn'],
  under_review: ['granted', 'conditional', 'withdrawn'],
  granted: ['withdrawn', 'expired'],
  conditional: ['granted', 'withdrawn', 'expired'],
  expired: [],
  withdrawn: [],
};

export function canChangeAccreditationStatus(from: AccreditationStatus, to: AccreditationStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export interface AccreditationSummary {
  id: string;
  version: number;
  departementCode: string;
  holder: { kind: 'professional' | 'site'; id: string; name: string };
  cycle: Cycle;
  type: AccreditationType;
  stageTypes: StageType[];
  phases: Phase[];
  maxStudents: number;
  authority: string;
  startDate: string | null;
  endDate: string | null;
  status: AccreditationStatus;
  validity: AccreditationValidity;
  /** The accreditation this one renews (its validity continues it, without a gap). */
  renewsId: string | null;
  /** The accreditation that renews this one, when there is one. */
  renewedById: string | null;
}

/** The day after `date` (ISO): where a renewal starts, so that validity has no gap. */
export function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * A granted, conditional or expired accreditation with an end date, not renewed yet, may be
 * renewed: the renewal starts the day after its end. A withdrawn one needs a new request.
 */
export function canRenewAccreditation(a: Pick<AccreditationSummary, 'status' | 'endDate' | 'renewedById'>): boolean {
  return ['granted', 'conditional', 'expired'].includes(a.status) && a.endDate !== null && a.renewedById === null;
}

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
