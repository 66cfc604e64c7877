import {
  type AuthUser,
  type PersonalDataExport,
  VISIT_PURPOSE_LABELS,
  VISIT_STATUS_LABELS,
  type VisitPurpose,
  type VisitStatus,
} from '@maillage/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { DocumentsPersonalData } from '../documents/personal-data.service';
import { ProfessionalsService } from '../professionals/professionals.service';

/** The records that are about one professional: their own, and those naming them. */
export const ABOUT_SQL = {
  referrals: `SELECT id FROM candidate_referrals WHERE professional_id = $1::text::uuid OR ($2::text IS NOT NULL AND rpps = $2)`,
  intents: `SELECT id FROM installation_intents WHERE professional_id = $1::text::uuid`,
  accreditations: `SELECT id FROM accreditations WHERE professional_id = $1::text::uuid`,
};

/** Everything held about one professional (GDPR right of access), from every table that names them. */
@Injectable()
export class PersonalDataService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly professionals: ProfessionalsService,
    private readonly documents: DocumentsPersonalData,
  ) {}

  async export(actor: AuthUser, id: string): Promise<PersonalDataExport> {
    const { training: _training, ...professional } = await this.professionals.get(actor, id);
    const q = <T>(sql: string, params: unknown[] = [id]) => this.db.query<T[]>(sql, params);
    const rpps = professional.rpps;
    const referrals = await q<{
      id: string;
      created_at: Date;
      status: string;
      reason: string;
      outcome_note: string | null;
    }>(
      `SELECT id, created_at, status, reason, outcome_note FROM candidate_referrals
        WHERE id IN (${ABOUT_SQL.referrals}) ORDER BY created_at`,
      [id, rpps],
    );
    const followUps = await q<{ referral_id: string; occurred_at: Date; note: string }>(
      'SELECT referral_id, occurred_at, note FROM referral_follow_ups WHERE referral_id = ANY($1) ORDER BY occurred_at',
      [referrals.map((r) => r.id)],
    );
    const audit = await q<{
      occurred_at: Date;
      actor_email: string | null;
      action: string;
      entity_type: string;
      changes: PersonalDataExport['auditEvents'][number]['changes'];
    }>(
      `SELECT occurred_at, actor_email, action, entity_type, changes FROM audit_events
        WHERE (entity_type = 'professional' AND entity_id = $1::text)
           OR (entity_type = 'candidate_referral' AND entity_id IN (SELECT id::text FROM (${ABOUT_SQL.referrals}) r))
           OR (entity_type = 'installation_intent' AND entity_id IN (SELECT id::text FROM (${ABOUT_SQL.intents}) i))
           OR (entity_type = 'accreditation' AND entity_id IN (SELECT id::text FROM (${ABOUT_SQL.accreditations}) a))
        ORDER BY occurred_at`,
      [id, rpps],
    );
    return {
      generatedAt: new Date().toISOString(),
      departementCode: professional.departementCode,
      professional,
      pipeline: (
        await q<{
          from_stage: PersonalDataExport['pipeline'][number]['fromStage'];
          to_stage: PersonalDataExport['pipeline'][number]['toStage'];
          occurred_on: string;
          note: string | null;
        }>(
          'SELECT from_stage, to_stage, occurred_on::text, note FROM msu_stage_events WHERE professional_id = $1 ORDER BY created_at',
        )
      ).map((e) => ({ fromStage: e.from_stage, toStage: e.to_stage, occurredOn: e.occurred_on, note: e.note })),
      trainingSessions: (
        await q<{ date: string; hours: string; title: string }>(
          'SELECT date::text, hours, title FROM msu_training_sessions WHERE professional_id = $1 ORDER BY date',
        )
      ).map((s) => ({ date: s.date, hours: Number(s.hours), title: s.title })),
      accreditations: (
        await q<
          PersonalDataExport['accreditations'][number] & {
            stage_types: string[];
            start_date: string | null;
            end_date: string | null;
          }
        >(
          `SELECT type, cycle, status, stage_types, start_date::text, end_date::text, reference FROM accreditations
            WHERE professional_id = $1 ORDER BY created_at`,
        )
      ).map((a) => ({
        type: a.type,
        cycle: a.cycle,
        status: a.status,
        stageTypes: a.stage_types as PersonalDataExport['accreditations'][number]['stageTypes'],
        startDate: a.start_date,
        endDate: a.end_date,
        reference: a.reference,
      })),
      referrals: referrals.map((r) => ({
        createdAt: r.created_at.toISOString(),
        status: r.status as PersonalDataExport['referrals'][number]['status'],
        reason: r.reason,
        outcomeNote: r.outcome_note,
        followUps: followUps
          .filter((f) => f.referral_id === r.id)
          .map((f) => ({ occurredAt: f.occurred_at.toISOString(), note: f.note })),
      })),
      installationIntents: (
        await q<{
          created_at: Date;
          status: PersonalDataExport['installationIntents'][number]['status'];
          specialty: string;
          notes: string | null;
        }>(
          'SELECT created_at, status, specialty, notes FROM installation_intents WHERE professional_id = $1 ORDER BY created_at',
        )
      ).map((i) => ({
        createdAt: i.created_at.toISOString(),
        status: i.status,
        specialty: i.specialty,
        notes: i.notes,
      })),
      visits: (
        await q<{ date: string; site: string; purpose: VisitPurpose; status: VisitStatus }>(
          `SELECT COALESCE(v.visited_on, v.planned_on)::text AS date, s.name AS site, v.purpose, v.status
             FROM visit_participants p JOIN site_visits v ON v.id = p.visit_id JOIN training_sites s ON s.id = v.site_id
            WHERE p.professional_id = $1 ORDER BY 1`,
        )
      ).map((v) => ({
        date: v.date,
        site: v.site,
        purpose: VISIT_PURPOSE_LABELS[v.purpose],
        status: VISIT_STATUS_LABELS[v.status],
      })),
      directory: rpps
        ? (
            await q<{
              structure_name: string | null;
              commune_code: string;
              profession_label: string | null;
              savoir_faire_label: string | null;
            }>(
              'SELECT structure_name, commune_code, profession_label, savoir_faire_label FROM rpps_practitioners WHERE rpps = $1 ORDER BY line_no',
              [rpps],
            )
          ).map((d) => ({
            structureName: d.structure_name,
            communeCode: d.commune_code,
            profession: d.profession_label,
            savoirFaire: d.savoir_faire_label,
          }))
        : [],
      imports: (
        await q<{ file_name: string; applied_at: Date | null; action: string }>(
          `SELECT j.file_name, j.applied_at, i.action FROM import_items i JOIN import_jobs j ON j.id = i.job_id
            WHERE i.entity_id = $1 ORDER BY j.applied_at`,
        )
      ).map((i) => ({ fileName: i.file_name, appliedAt: i.applied_at?.toISOString() ?? null, action: i.action })),
      documents: await this.documents.list(this.db.manager, id, rpps),
      auditEvents: audit.map((e) => ({
        occurredAt: e.occurred_at.toISOString(),
        actorEmail: e.actor_email,
        action: e.action,
        entityType: e.entity_type,
        changes: e.changes,
      })),
    };
  }
}
