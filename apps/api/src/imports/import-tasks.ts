import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { isDatabaseUnavailable } from '../common/errors/database-errors';
import { DomainException } from '../common/errors/domain-exception';

/** Attempts to record a job's failure (≈ 30 s with `retryDelayMs`): shutdown waits no longer. */
const RECORD_ATTEMPTS = 15;

/**
 * Work of the imports that outlives its request (reading a file, a preview, applying): run in
 * the background of this instance, awaited at shutdown. The job row says where it stands, so
 * any instance can answer `GET /api/imports/:id`.
 */
@Injectable()
export class ImportTasks implements BeforeApplicationShutdown {
  private readonly logger = new Logger(ImportTasks.name);
  private readonly running = new Set<Promise<void>>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Pause between two attempts to record a failure while the database is unavailable. */
  retryDelayMs = 2_000;

  /** Runs `work`; on failure, `onError` receives the French message to record on the job. */
  start(jobId: string, work: () => Promise<void>, onError: (message: string) => Promise<void>): void {
    const task: Promise<void> = work()
      .catch(async (error: unknown) => {
        const unavailable = !(error instanceof DomainException) && isDatabaseUnavailable(error);
        const message =
          error instanceof DomainException
            ? error.message
            : unavailable
              ? 'La base de données ne répondait pas pendant le traitement : rien n’a été importé. Réessayez dans quelques instants.'
              : 'Erreur interne pendant le traitement : rien n’a été importé. L’équipe technique a été prévenue.';
        if (unavailable) {
          this.logger.warn({
            msg: 'import task stopped: database unavailable',
            jobId,
            error: (error as Error).message,
          });
        } else if (!(error instanceof DomainException)) {
          this.logger.error({ msg: 'import task failed', jobId, error: (error as Error)?.stack ?? String(error) });
        }
        await this.record(jobId, () => onError(message));
      })
      .finally(() => this.running.delete(task));
    this.running.add(task);
  }

  /**
   * Saves the failure on the job, trying again while the database is unavailable (the outage
   * that stopped the work often stops this write too): a job is not left « analysing » until
   * it goes stale. Gives up after `RECORD_ATTEMPTS`.
   */
  private async record(jobId: string, save: () => Promise<void>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await save();
        return;
      } catch (error) {
        if (!isDatabaseUnavailable(error) || attempt >= RECORD_ATTEMPTS) {
          this.logger.error({ msg: 'import state not saved', jobId, attempt, error: String(error) });
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, this.retryDelayMs));
      }
    }
  }

  /** Records progress (outside any transaction, so that pollers see it while the work goes on). */
  async progress(jobId: string, rows: number): Promise<void> {
    await this.db.query('UPDATE import_jobs SET processed_rows = $2, updated_at = now() WHERE id = $1', [jobId, rows]);
  }

  /** Waits for the work in progress (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.idle();
  }
}
