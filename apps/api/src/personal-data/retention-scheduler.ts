import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';

import { PeriodicRun } from '../common/scheduling/periodic-run';
import { AppConfig } from '../config/app-config';
import { RetentionService } from './retention.service';

/**
 * Runs the retention purge every `RETENTION_INTERVAL_HOURS` (0: never) in the API process, like
 * the reminders: `main.ts` starts it once the app listens; tests never do unless they call `start()`.
 */
@Injectable()
export class RetentionScheduler implements BeforeApplicationShutdown {
  private readonly job = new PeriodicRun(new Logger(RetentionScheduler.name), 'retention purge failed', () =>
    this.retention.run(),
  );

  constructor(
    private readonly retention: RetentionService,
    private readonly config: AppConfig,
  ) {}

  start(): boolean {
    return this.job.start(this.config.RETENTION_INTERVAL_HOURS * 3_600_000);
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.job.stop();
  }
}
