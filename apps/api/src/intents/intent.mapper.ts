import type { InstallationIntentView, UserRef } from '@maillage/shared/domain';

import type { Snapshot } from '../common/persistence/scoped-records';
import { personal, type Viewer } from '../common/privacy/personal-fields';
import type { InstallationIntent } from './installation-intent.entity';

export const INTENT_ENTITY = 'installation_intent';
export const INTENT_LABEL = 'Intention d’installation';

/** An intent; its notes for who may read professionals' notes, and for the one who reported it. */
export function toIntentView(
  i: InstallationIntent,
  users: Map<string, UserRef>,
  viewer: Viewer,
): InstallationIntentView {
  return {
    id: i.id,
    version: i.version,
    departementCode: i.departementCode,
    consent: i.consent,
    firstName: i.firstName,
    lastName: i.lastName,
    initials: i.initials,
    specialty: i.specialty,
    faculty: i.faculty,
    targetCommuneCodes: i.targetCommuneCodes,
    horizon: i.horizon,
    status: i.status,
    supportOffered: i.supportOffered,
    professionalId: i.professionalId,
    settledOn: i.settledOn,
    notes: i.reportedById === viewer.id ? i.notes : personal(viewer, INTENT_ENTITY, 'notes', i.notes),
    reportedBy: users.get(i.reportedById) ?? null,
    archivedAt: i.archivedAt?.toISOString() ?? null,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
  };
}

export function intentSnapshot(i: InstallationIntent): Snapshot {
  const { id: _id, createdAt: _c, updatedAt: _u, version: _v, professional: _p, reportedBy: _r, ...fields } = i;
  return { ...fields };
}
