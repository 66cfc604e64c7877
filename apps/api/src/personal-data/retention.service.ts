import type { RetentionReport } from '@maillage/shared/domain';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { affectedRows } from '../common/persistence/affected-rows';
import { AppConfig } from '../config/app-config';

/** Any constant shared by every instance (migrations 772_023, reminders 772_024, RPPS 772_031). */
export const RETENTION_LOCK = 772_032;

/**
 * Purges what is kept only for a while (`AUDIT_RETENTION_MONTHS`, GDPR): audit events, sessions
 * (addresses and browsers of the connections) and the cells of imported files, older than the
 * period. Safe with several instances: a transaction-level advisory lock lets one run at a time.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  run(now = new Date()): Promise<RetentionReport> {
    const cutoff = new Date(now);
    cutoff.setUTCMonth(cutoff.getUTCMonth() - this.config.AUDIT_RETENTION_MONTHS);
    return this.db.transaction(async (manager) => {
      const [{ locked }] = await manager.query<{ locked: boolean }[]>(
        'SELECT pg_try_advisory_xact_lock($1) AS locked',
        [RETENTION_LOCK],
      );
      const report: RetentionReport = {
        cutoff: cutoff.toISOString(),
        skipped: !locked,
        auditEvents: 0,
        sessions: 0,
        importRows: 0,
      };
      if (!locked) return report;
      report.auditEvents = affectedRows(
        await manager.query('DELETE FROM audit_events WHERE occurred_at < $1', [cutoff]),
      );
      report.sessions = affectedRows(
        await manager.query('DELETE FROM sessions WHERE COALESCE(revoked_at, expires_at) < $1', [cutoff]),
      );
      // The import stays in the history (who, when, file, counts); the rows of the file go.
      report.importRows = affectedRows(
        await manager.query(
          'DELETE FROM import_rows r USING import_jobs j WHERE j.id = r.job_id AND j.created_at < $1',
          [cutoff],
        ),
      );
      if (report.auditEvents + report.sessions + report.importRows > 0)
        this.logger.log({ msg: 'retention purge', ...report });
      return report;
    });
  }
}
