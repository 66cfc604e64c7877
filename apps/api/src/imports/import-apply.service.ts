import type { AuthUser, ImportJobView } from '@maillage/shared/domain';
import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AuditService } from '../common/audit/audit.service';
import { DomainException } from '../common/errors/domain-exception';
import { affectedRows } from '../common/persistence/affected-rows';
import { allowLongStatements } from '../common/persistence/long-statements';
import { findScoped } from '../common/persistence/scoped-records';
import { canSee } from '../common/scope/territory-scope';
import { AppConfig } from '../config/app-config';
import { ImportItem } from './entities/import-item.entity';
import { ImportJob } from './entities/import-job.entity';
import { runPass } from './import-runner';
import { ImportTasks } from './import-tasks';
import { undoConflicts } from './import-undo';
import { missingRequired } from './import-views';
import { IMPORT_LABEL, ImportsService, notWorkable, WORKABLE } from './imports.service';
import { IMPORT_HANDLERS } from './kinds';

export const IMPORT_AUDIT_ENTITY = 'import';

/** Applying an import (one transaction: all of it or nothing) and undoing it. */
@Injectable()
export class ImportApplyService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly tasks: ImportTasks,
    private readonly imports: ImportsService,
    private readonly config: AppConfig,
  ) {}

  /** Starts applying a ready import in the background; poll `GET /api/imports/:id` for its progress. */
  async apply(actor: AuthUser, id: string): Promise<ImportJobView> {
    const job = await findScoped(this.db.manager, actor, ImportJob, id, IMPORT_LABEL);
    const missing = missingRequired(job);
    if (missing.length > 0) {
      throw new DomainException('BAD_INPUT', `Choisissez la colonne de : ${missing.join(', ')}.`);
    }
    const moved: unknown = await this.db.query(
      `UPDATE import_jobs SET status = 'applying', processed_rows = 0, error = NULL, updated_at = now(), version = version + 1
        WHERE id = $1 AND total_rows > 0 AND ${WORKABLE} RETURNING id`,
      [id],
    );
    if (affectedRows(moved) === 0) throw notWorkable(job);
    await this.imports.remember(actor.id, job);
    this.tasks.start(
      id,
      () => this.run(actor, id),
      (message) =>
        this.db
          .query(
            `UPDATE import_jobs SET status = 'ready', error = $2, updated_at = now(), version = version + 1 WHERE id = $1`,
            [id, `L’import a échoué et a été entièrement annulé, rien n’a changé : ${message}`],
          )
          .then(() => undefined),
    );
    return this.imports.get(actor, id);
  }

  /**
   * Undoes an applied import in one transaction: its creations deleted, its updates put back.
   * Refused (409, with the records concerned) when any of them changed or was used since.
   */
  async undo(actor: AuthUser, id: string): Promise<ImportJobView> {
    await this.db.transaction(async (manager) => {
      await allowLongStatements(manager, this.config.BULK_STATEMENT_TIMEOUT_MS);
      const job = await manager
        .getRepository(ImportJob)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!job || !canSee(actor, job.departementCode)) throw DomainException.notFound(IMPORT_LABEL);
      if (job.status !== 'applied') throw notWorkable(job);
      const items = await manager.getRepository(ImportItem).find({ where: { jobId: id } });
      const conflicts = await undoConflicts(manager, id, items);
      if (conflicts.length > 0) {
        throw new ConflictException({
          message: [
            `Cet import ne peut plus être annulé : ${conflicts.length} enregistrement${conflicts.length > 1 ? 's ont' : ' a'} changé depuis. Corrigez-les un par un.`,
            ...conflicts,
          ],
        });
      }
      const ctx = this.imports.context(manager, actor, job);
      const handler = IMPORT_HANDLERS[job.kind];
      for (const item of items) await handler.undo(ctx, item);
      await manager.query(
        `UPDATE import_jobs SET status = 'undone', undone_at = now(), undone_by_id = $2, updated_at = now(),
                version = version + 1 WHERE id = $1`,
        [id, actor.id],
      );
      await this.audit.record(manager, actor, {
        action: 'undone',
        entityType: IMPORT_AUDIT_ENTITY,
        entityId: id,
        departementCode: job.departementCode,
        before: { status: 'applied' },
        after: { status: 'undone', fileName: job.fileName, records: items.length },
      });
    });
    return this.imports.get(actor, id);
  }

  /** Plans and performs every row in one transaction, keeps what changed for undo, audits the import. */
  private async run(actor: AuthUser, id: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      await allowLongStatements(manager, this.config.BULK_STATEMENT_TIMEOUT_MS);
      const job = await manager.getRepository(ImportJob).findOneByOrFail({ id });
      const ctx = this.imports.context(manager, actor, job);
      const { counts, items } = await runPass(ctx, job, true, (rows) => this.tasks.progress(id, rows));
      const repo = manager.getRepository(ImportItem);
      for (let i = 0; i < items.length; i += 500) {
        await repo.save(items.slice(i, i + 500).map((item) => repo.create({ ...item, jobId: id })));
      }
      // now() is the transaction's start: the same instant as the rows the import created.
      await manager.query(
        `UPDATE import_jobs SET status = 'applied', applied_at = now(), applied_by_id = $2, create_count = $3,
                update_count = $4, unchanged_count = $5, rejected_count = $6, error = NULL, updated_at = now(),
                version = version + 1 WHERE id = $1`,
        [id, actor.id, counts.create, counts.update, counts.unchanged, counts.rejected],
      );
      await this.audit.record(manager, actor, {
        action: 'applied',
        entityType: IMPORT_AUDIT_ENTITY,
        entityId: id,
        departementCode: job.departementCode,
        after: { kind: job.kind, fileName: job.fileName, ...counts },
      });
    });
  }
}
