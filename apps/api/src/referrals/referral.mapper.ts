import type { CandidateReferralView, ReferralFollowUpView, UserRef } from '@maillage/shared/domain';

import type { Snapshot } from '../common/persistence/scoped-records';
import { personal, type Viewer } from '../common/privacy/personal-fields';
import type { CandidateReferral } from './candidate-referral.entity';
import type { ReferralFollowUp } from './referral-follow-up.entity';

export const REFERRAL_ENTITY = 'candidate_referral';
export const REFERRAL_LABEL = 'Signalement';

/** A referral; the candidate's RPPS only for who may read RPPS numbers (permission map). */
export function toReferralView(
  r: CandidateReferral,
  users: Map<string, UserRef>,
  viewer: Viewer,
): CandidateReferralView {
  return {
    id: r.id,
    version: r.version,
    departementCode: r.departementCode,
    professionalId: r.professionalId,
    civility: r.civility,
    firstName: r.firstName,
    lastName: r.lastName,
    rpps: personal(viewer, REFERRAL_ENTITY, 'rpps', r.rpps),
    specialty: r.specialty,
    communeCode: r.communeCode,
    reason: r.reason,
    priority: r.priority,
    status: r.status,
    referredBy: users.get(r.referredById) ?? null,
    assignedTo: r.assignedToId ? (users.get(r.assignedToId) ?? null) : null,
    lastFollowUpAt: r.lastFollowUpAt?.toISOString() ?? null,
    closedAt: r.closedAt?.toISOString() ?? null,
    outcomeNote: r.outcomeNote,
    archivedAt: r.archivedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function referralSnapshot(r: CandidateReferral): Snapshot {
  return {
    professionalId: r.professionalId,
    civility: r.civility,
    firstName: r.firstName,
    lastName: r.lastName,
    rpps: r.rpps,
    specialty: r.specialty,
    communeCode: r.communeCode,
    reason: r.reason,
    priority: r.priority,
    status: r.status,
    referredById: r.referredById,
    assignedToId: r.assignedToId,
    lastFollowUpAt: r.lastFollowUpAt,
    closedAt: r.closedAt,
    outcomeNote: r.outcomeNote,
    departementCode: r.departementCode,
    archivedAt: r.archivedAt,
  };
}

export function toFollowUpView(f: ReferralFollowUp): ReferralFollowUpView {
  return {
    id: f.id,
    occurredAt: f.occurredAt.toISOString(),
    note: f.note,
    actorId: f.actorId,
    createdAt: f.createdAt.toISOString(),
  };
}
