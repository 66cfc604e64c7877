import {
  isSupervisor,
  type MsuStageEventView,
  type ProfessionalDetail,
  type ProfessionalSiteRef,
  type ProfessionalSummary,
  type TrainingProgress,
  type TrainingSessionView,
} from '@maillage/shared/domain';
import type { EntityManager } from 'typeorm';

import type { Snapshot } from '../common/persistence/scoped-records';
import { contactOf, personal, type Viewer } from '../common/privacy/personal-fields';
import type { MsuStageEvent } from './msu-stage-event.entity';
import { linkedSiteIds } from './professional-sites';
import type { Professional } from './professional.entity';
import type { TrainingSession } from './training-session.entity';

export const PROFESSIONAL_ENTITY = 'professional';
export const PROFESSIONAL_LABEL = 'Professionnel';

/** The sites of several professionals in one query, by professional id, sorted by site name. */
export async function siteRefsOf(
  manager: EntityManager,
  professionalIds: readonly string[],
): Promise<Map<string, ProfessionalSiteRef[]>> {
  const byProfessional = new Map<string, ProfessionalSiteRef[]>(professionalIds.map((id) => [id, []]));
  if (professionalIds.length === 0) return byProfessional;
  const links: (ProfessionalSiteRef & { professionalId: string })[] = await manager.query(
    `SELECT ps.professional_id AS "professionalId", s.id, s.name, s.commune_code AS "communeCode",
       c.name AS "communeName"
     FROM professional_sites ps JOIN training_sites s ON s.id = ps.site_id
     LEFT JOIN communes c ON c.code = s.commune_code
     WHERE ps.professional_id = ANY($1::uuid[]) ORDER BY s.name`,
    [professionalIds],
  );
  for (const { professionalId, ...site } of links) byProfessional.get(professionalId)?.push(site);
  return byProfessional;
}

/** A professional as a list shows it; the RPPS only for who may read it (permission map). */
export function toSummary(p: Professional, sites: ProfessionalSiteRef[], viewer: Viewer): ProfessionalSummary {
  return {
    id: p.id,
    version: p.version,
    departementCode: p.departementCode,
    civility: p.civility,
    firstName: p.firstName,
    lastName: p.lastName,
    rpps: personal(viewer, PROFESSIONAL_ENTITY, 'rpps', p.rpps),
    profession: p.profession,
    specialty: p.specialty,
    practiceMode: p.practiceMode,
    msuStage: p.msuStage,
    msuStageSince: p.msuStageSince,
    isSupervisor: isSupervisor(p.msuStage),
    sites,
    archivedAt: p.archivedAt?.toISOString() ?? null,
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** A professional's file: contact details only with consent, contact and notes only for the mission officer. */
export function toDetail(
  p: Professional,
  sites: ProfessionalSiteRef[],
  training: TrainingProgress,
  viewer: Viewer,
): ProfessionalDetail {
  return {
    ...toSummary(p, sites, viewer),
    email: contactOf(viewer, p.contactConsent, p.email),
    phone: contactOf(viewer, p.contactConsent, p.phone),
    firstInstallationYear: p.firstInstallationYear,
    contactConsent: p.contactConsent,
    initialTrainingDate: p.initialTrainingDate,
    initialTrainingCycle: p.initialTrainingCycle,
    notes: personal(viewer, PROFESSIONAL_ENTITY, 'notes', p.notes),
    training,
    createdAt: p.createdAt.toISOString(),
  };
}

/** What the history shows of a professional (site ids sorted, technical fields left out). */
export async function professionalSnapshot(manager: EntityManager, p: Professional): Promise<Snapshot> {
  const siteIds = await linkedSiteIds(manager, p.id);
  return {
    civility: p.civility,
    firstName: p.firstName,
    lastName: p.lastName,
    rpps: p.rpps,
    profession: p.profession,
    specialty: p.specialty,
    practiceMode: p.practiceMode,
    email: p.email,
    phone: p.phone,
    firstInstallationYear: p.firstInstallationYear,
    contactConsent: p.contactConsent,
    msuStage: p.msuStage,
    msuStageSince: p.msuStageSince,
    initialTrainingDate: p.initialTrainingDate,
    initialTrainingCycle: p.initialTrainingCycle,
    notes: p.notes,
    siteIds: siteIds.sort(),
    departementCode: p.departementCode,
    archivedAt: p.archivedAt,
  };
}

export function toStageEventView(e: MsuStageEvent): MsuStageEventView {
  return {
    id: e.id,
    fromStage: e.fromStage,
    toStage: e.toStage,
    occurredOn: e.occurredOn,
    note: e.note,
    actorId: e.actorId,
    createdAt: e.createdAt.toISOString(),
  };
}

export function toTrainingSessionView(s: TrainingSession): TrainingSessionView {
  return { id: s.id, date: s.date, hours: s.hours, title: s.title, createdAt: s.createdAt.toISOString() };
}
