import {
  type Civility,
  isSupervisor,
  type MsuStage,
  type MsuStageEventView,
  type PracticeMode,
  type ProfessionalDetail,
  type ProfessionalSiteRef,
  type ProfessionalSummary,
  type TrainingProgress,
  type TrainingSessionView,
} from '@maillage/shared/domain';
import type { EntityManager } from 'typeorm';

import type { Snapshot } from '../common/persistence/scoped-records';
import { isoSql, sqlRows } from '../common/persistence/sql';
import { contactOf, personal, type Viewer } from '../common/privacy/personal-fields';
import type { MsuStageEvent } from './msu-stage-event.entity';
import { linkedSiteIds } from './professional-sites';
import type { Professional } from './professional.entity';
import type { TrainingSession } from './training-session.entity';

export const PROFESSIONAL_ENTITY = 'professional';
export const PROFESSIONAL_LABEL = 'Professionnel';

/** A professional's sites (every link, archived sites included) as JSON, sorted by site name. */
export const sitesJsonSql = (professionalId: string) => `(SELECT coalesce(json_agg(json_build_object(
    'id', s.id, 'name', s.name, 'communeCode', s.commune_code, 'communeName', c.name) ORDER BY s.name, s.id), '[]'::json)
  FROM professional_sites ps JOIN training_sites s ON s.id = ps.site_id LEFT JOIN communes c ON c.code = s.commune_code
  WHERE ps.professional_id = ${professionalId})`;

/** The columns of a professional's summary, for `p` (lists and kanban). */
export const PROFESSIONAL_SUMMARY_COLUMNS = `p.id, p.version, p.departement_code, p.civility, p.first_name, p.last_name,
  p.rpps, p.profession, p.specialty, p.practice_mode, p.msu_stage, p.msu_stage_since::text AS msu_stage_since,
  ${isoSql('p.archived_at')} AS archived_at, ${isoSql('p.updated_at')} AS updated_at`;

export interface ProfessionalSummaryRow {
  id: string;
  version: number;
  departement_code: string;
  civility: Civility | null;
  first_name: string;
  last_name: string;
  rpps: string | null;
  profession: string;
  specialty: string | null;
  practice_mode: PracticeMode | null;
  msu_stage: MsuStage;
  msu_stage_since: string;
  archived_at: string | null;
  updated_at: string;
  sites: ProfessionalSiteRef[];
}

/** A row of `PROFESSIONAL_SUMMARY_COLUMNS` and its sites (`sitesJsonSql`) → the summary. */
export function summaryOf(row: ProfessionalSummaryRow, viewer: Viewer): ProfessionalSummary {
  return {
    id: row.id,
    version: row.version,
    departementCode: row.departement_code,
    civility: row.civility,
    firstName: row.first_name,
    lastName: row.last_name,
    rpps: personal(viewer, PROFESSIONAL_ENTITY, 'rpps', row.rpps),
    profession: row.profession,
    specialty: row.specialty,
    practiceMode: row.practice_mode,
    msuStage: row.msu_stage,
    msuStageSince: row.msu_stage_since,
    isSupervisor: isSupervisor(row.msu_stage),
    sites: row.sites,
    archivedAt: row.archived_at,
    updatedAt: row.updated_at,
  };
}

/** The sites of several professionals in one query, by professional id, sorted by site name. */
export async function siteRefsOf(
  db: EntityManager,
  professionalIds: readonly string[],
): Promise<Map<string, ProfessionalSiteRef[]>> {
  if (professionalIds.length === 0) return new Map();
  const rows = await sqlRows<{ id: string; sites: ProfessionalSiteRef[] }>(
    db,
    `SELECT x.id, ${sitesJsonSql('x.id')} AS sites FROM unnest($1::uuid[]) AS x(id)`,
    [professionalIds],
  );
  return new Map(rows.map((r) => [r.id, r.sites]));
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
