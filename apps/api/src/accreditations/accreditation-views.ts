import {
  type AccreditationDetail,
  type AccreditationRules,
  type AccreditationStatus,
  type AccreditationSummary,
  accreditationValidity,
  professionalDisplayName,
} from '@maillage/shared/domain';
import { type EntityManager, In } from 'typeorm';

import type { Snapshot } from '../common/persistence/scoped-records';
import { Professional } from '../professionals/professional.entity';
import type { Accreditation } from './accreditation.entity';

/** What a summary reads of an accreditation (an entity, or a row mapped by a list query). */
export type AccreditationFields = Pick<
  Accreditation,
  | 'id'
  | 'version'
  | 'departementCode'
  | 'professionalId'
  | 'siteId'
  | 'cycle'
  | 'type'
  | 'stageTypes'
  | 'phases'
  | 'maxStudents'
  | 'authority'
  | 'startDate'
  | 'endDate'
  | 'status'
  | 'renewsId'
>;

/** What an accreditation grants, and for how long: shown by the summary and kept by the history. */
function termsOf(a: AccreditationFields) {
  return {
    cycle: a.cycle,
    type: a.type,
    stageTypes: a.stageTypes,
    phases: a.phases,
    maxStudents: a.maxStudents,
    authority: a.authority,
    startDate: a.startDate,
    endDate: a.endDate,
    status: a.status,
  };
}

export function toAccreditationSummary(
  a: AccreditationFields,
  holderName: string,
  today: string,
  rules: AccreditationRules,
  renewedById: string | null = null,
  /** The renewal is granted: the validity is `renewed`. */
  renewed = false,
): AccreditationSummary {
  return {
    id: a.id,
    version: a.version,
    departementCode: a.departementCode,
    holder: a.professionalId
      ? { kind: 'professional', id: a.professionalId, name: holderName }
      : { kind: 'site', id: a.siteId as string, name: holderName },
    ...termsOf(a),
    validity: accreditationValidity({ status: a.status, endDate: a.endDate, renewed }, today, rules),
    renewsId: a.renewsId,
    renewedById,
  };
}

export function toAccreditationDetail(
  a: Accreditation,
  holderName: string,
  today: string,
  rules: AccreditationRules,
  renewal: { id: string; status: AccreditationStatus } | null = null,
): AccreditationDetail {
  return {
    ...toAccreditationSummary(a, holderName, today, rules, renewal?.id ?? null, isRenewalGranted(renewal)),
    reference: a.reference,
    afterWithdrawal: a.afterWithdrawal,
    notes: a.notes,
    archivedAt: a.archivedAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

/** Names of the holders (professionals and sites) of a page of accreditations, in two queries at most. */
export async function holderNames(
  manager: EntityManager,
  rows: readonly Accreditation[],
): Promise<Map<string, string>> {
  const professionalIds = [...new Set(rows.flatMap((a) => (a.professionalId ? [a.professionalId] : [])))];
  const siteIds = [...new Set(rows.flatMap((a) => (a.siteId ? [a.siteId] : [])))];
  const names = new Map<string, string>();
  if (professionalIds.length > 0) {
    const professionals = await manager.getRepository(Professional).find({
      select: { id: true, civility: true, firstName: true, lastName: true },
      where: { id: In(professionalIds) },
    });
    professionals.forEach((p) => names.set(p.id, professionalDisplayName(p)));
  }
  if (siteIds.length > 0) {
    const sites: { id: string; name: string }[] = await manager.query(
      'SELECT id, name FROM training_sites WHERE id = ANY($1::uuid[])',
      [siteIds],
    );
    sites.forEach((s) => names.set(s.id, s.name));
  }
  return names;
}

/** A renewal granted (or conditional): the accreditation it renews is `renewed` (`RENEWED_SQL`). */
export function isRenewalGranted(renewal: { status: AccreditationStatus } | null): boolean {
  return renewal !== null && (renewal.status === 'granted' || renewal.status === 'conditional');
}

/** For each accreditation of a page, the one that renews it and its status (one query). */
export async function renewalsOf(
  manager: EntityManager,
  rows: readonly Accreditation[],
): Promise<Map<string, { id: string; status: AccreditationStatus }>> {
  if (rows.length === 0) return new Map();
  const found: { id: string; renews_id: string; status: AccreditationStatus }[] = await manager.query(
    'SELECT id, renews_id, status FROM accreditations WHERE renews_id = ANY($1::uuid[])',
    [rows.map((a) => a.id)],
  );
  return new Map(found.map((r) => [r.renews_id, { id: r.id, status: r.status }]));
}

export function holderIdOf(a: Accreditation): string {
  return (a.professionalId ?? a.siteId) as string;
}

/** What the history shows of an accreditation (the holder never changes). */
export function accreditationSnapshot(a: Accreditation): Snapshot {
  return {
    ...termsOf(a),
    reference: a.reference,
    afterWithdrawal: a.afterWithdrawal,
    notes: a.notes,
    renewsId: a.renewsId,
    archivedAt: a.archivedAt,
  };
}
