import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { DomainException } from '../common/errors/domain-exception';

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

  /** Runs `work`; on failure, `onError` receives the French message to record on the job. */
  start(jobId: string, work: () => Promise<void>, onError: (message: string) => Promise<void>): void {
    const task: Promise<void> = work()
      .catch(async (error: unknown) => {
        const message =
          error instanceof DomainException
            ? error.message
            : 'Erreur interne pendant le traitement : rien n’a été importé. L’équipe technique a été prévenue.';
        if (!(error instanceof DomainException)) {
          this.logger.error({ msg: 'import task failed', jobId, error: (error as Error)?.stack ?? String(error) });
        }
        await onError(message).catch((e: unknown) =>
          this.logger.error({ msg: 'import state not saved', jobId, error: String(e) }),
        );
      })
      .finally(() => this.running.delete(task));
    this.running.add(task);
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
