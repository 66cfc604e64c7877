import { type AuthUser, type ErasureReport, professionalDisplayName } from '@maillage/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import { AuditService } from '../common/audit/audit.service';
import { DomainException } from '../common/errors/domain-exception';
import { affectedRows } from '../common/persistence/affected-rows';
import { findScoped } from '../common/persistence/scoped-records';
import { updateVersioned } from '../common/persistence/versioned-update';
import { DocumentsPersonalData } from '../documents/personal-data.service';
import { searchTextOf } from '../professionals/professional-writes';
import { Professional } from '../professionals/professional.entity';
import { ABOUT_SQL } from './personal-data.service';

const ERASED = '[effacé à la demande de la personne]';

/** A name as it appears inside JSON text (quotes and backslashes escaped). */
const inJson = (text: string) => JSON.stringify(text).slice(1, -1);

/**
 * Erasure on request (GDPR): the professional and every record naming them are anonymised in one
 * transaction. Rows are kept, so that counts (MSU pipeline, accreditations, visits) and approved
 * reports, whose figures are frozen aggregates, stay true. The history keeps that an erasure
 * happened, never what was erased.
 */
@Injectable()
export class ErasureService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly documents: DocumentsPersonalData,
  ) {}

  erase(actor: AuthUser, id: string, version: number): Promise<ErasureReport> {
    return this.db.transaction(async (manager) => {
      const before = await findScoped(manager, actor, Professional, id, 'Professionnel');
      if (before.lastName === 'Personne effacée') {
        throw new DomainException('INVALID_STATE', 'Les données de ce professionnel ont déjà été effacées.');
      }
      const anonymous = { civility: null, firstName: '—', lastName: 'Personne effacée', rpps: null };
      const names = [...new Set([professionalDisplayName(before), `${before.firstName} ${before.lastName}`])].filter(
        (n) => n.trim().length > 3,
      );
      const anonymousName = professionalDisplayName(anonymous);
      const q = (sql: string, params: unknown[]) => manager.query(sql, params).then(affectedRows);

      const referralIds = (await manager.query<{ id: string }[]>(ABOUT_SQL.referrals, [id, before.rpps])).map(
        (r) => r.id,
      );
      const intentIds = (await manager.query<{ id: string }[]>(ABOUT_SQL.intents, [id])).map((r) => r.id);
      const report: ErasureReport = {
        professionalId: id,
        erasedAt: new Date().toISOString(),
        referrals: await q(
          `UPDATE candidate_referrals SET civility = NULL, first_name = '—', last_name = 'Personne effacée', rpps = NULL,
                  reason = $2, outcome_note = CASE WHEN outcome_note IS NULL THEN NULL ELSE $2 END, version = version + 1, updated_at = now()
            WHERE id = ANY($1)`,
          [referralIds, ERASED],
        ),
        installationIntents: await q(
          `UPDATE installation_intents SET consent = false, first_name = NULL, last_name = NULL, initials = '—', notes = NULL,
                  support_offered = NULL, version = version + 1, updated_at = now() WHERE id = ANY($1)`,
          [intentIds],
        ),
        visitParticipations: await q('UPDATE visit_participants SET name = $2 WHERE professional_id = $1', [
          id,
          anonymousName,
        ]),
        tasks: 0,
        auditEvents: 0,
        importRows: 0,
        documents: await this.documents.erase(manager, actor, id, before.rpps),
      };
      await q('UPDATE referral_follow_ups SET note = $2 WHERE referral_id = ANY($1)', [referralIds, ERASED]);
      await q('UPDATE msu_stage_events SET note = NULL WHERE professional_id = $1', [id]);
      for (const name of names) {
        report.tasks += await q(
          `UPDATE tasks SET title = replace(title, $2, $3), description = replace(description, $2, $3)
            WHERE departement_code = $1 AND (strpos(title, $2) > 0 OR strpos(coalesce(description, ''), $2) > 0)`,
          [before.departementCode, name, anonymousName],
        );
        // Other records' history shows the name (a site's professionals, an accreditation's holder).
        report.auditEvents += await q(
          `UPDATE audit_events SET changes = replace(changes::text, $2, $3)::jsonb
            WHERE departement_code = $1 AND strpos(changes::text, $2) > 0`,
          [before.departementCode, inJson(name), inJson(anonymousName)],
        );
      }
      report.auditEvents += await q(
        `UPDATE audit_events SET changes = '{}'::jsonb
          WHERE (entity_type = 'professional' AND entity_id = $1::text)
             OR (entity_type = 'candidate_referral' AND entity_id = ANY($2::text[]))
             OR (entity_type = 'installation_intent' AND entity_id = ANY($3::text[]))`,
        [id, referralIds, intentIds],
      );
      report.importRows = await this.scrubImports(manager, id, before);
      await updateVersioned(
        manager,
        Professional,
        id,
        version,
        {
          ...anonymous,
          email: null,
          phone: null,
          notes: null,
          contactConsent: false,
          firstInstallationYear: null,
          searchText: searchTextOf(anonymous),
        },
        'Professionnel',
      );
      // The history says that an erasure happened, when and by whom; not what was erased.
      await this.audit.record(manager, actor, {
        action: 'erased',
        entityType: 'professional',
        entityId: id,
        departementCode: before.departementCode,
      });
      return report;
    });
  }

  /** Rows of imported files that hold their identity: their cells are removed (the counts stay). */
  private async scrubImports(manager: EntityManager, id: string, before: Professional): Promise<number> {
    await manager.query(`UPDATE import_items SET before = NULL WHERE entity_id = $1`, [id]);
    const needles = [before.rpps, `"${inJson(before.lastName)}"`].filter((n): n is string => Boolean(n));
    return affectedRows(
      await manager.query(
        `UPDATE import_rows r SET cells = '[]'::jsonb FROM import_jobs j
          WHERE j.id = r.job_id AND j.departement_code = $1
            AND (r.entity_id = $2 OR EXISTS (SELECT 1 FROM unnest($3::text[]) n WHERE strpos(r.cells::text, n) > 0))`,
        [before.departementCode, id, needles],
      ),
    );
  }
}
