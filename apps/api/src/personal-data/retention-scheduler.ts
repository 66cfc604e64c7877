import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';

import { AppConfig } from '../config/app-config';
import { RetentionService } from './retention.service';

/**
 * Runs the retention purge every `RETENTION_INTERVAL_HOURS` (0: never) in the API process, like
 * the reminders: `main.ts` starts it once the app listens; tests never do unless they call `start()`.
 */
@Injectable()
export class RetentionScheduler implements BeforeApplicationShutdown {
  private readonly logger = new Logger(RetentionScheduler.name);
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> | null = null;

  constructor(
    private readonly retention: RetentionService,
    private readonly config: AppConfig,
  ) {}

  start(): boolean {
    const hours = this.config.RETENTION_INTERVAL_HOURS;
    if (hours === 0 || this.timer) return false;
    this.tick();
    this.timer = setInterval(() => this.tick(), hours * 3_600_000);
    this.timer.unref();
    return true;
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.inFlight;
  }

  private tick(): void {
    if (this.inFlight) return;
    this.inFlight = this.retention
      .run()
      .then(() => undefined)
      .catch((error: unknown) => this.logger.error({ msg: 'retention purge failed', error: (error as Error).message }))
      .finally(() => {
        this.inFlight = null;
      });
  }
}
