import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';

import { Clock } from '../../common/clock/clock';
import { PeriodicRun } from '../../common/scheduling/periodic-run';
import { AppConfig } from '../../config/app-config';
import { RemindersService } from './reminders.service';

/**
 * Runs the reminders every `REMINDERS_INTERVAL_MINUTES` (0: never) in the API process. Every
 * instance may run it: the database lock and the unique keys make concurrent runs safe.
 * `main.ts` starts it once the app listens; tests never do unless they call `start()`.
 */
@Injectable()
export class ReminderScheduler implements BeforeApplicationShutdown {
  private readonly logger = new Logger(ReminderScheduler.name);
  private readonly job = new PeriodicRun(this.logger, 'reminders failed', () => this.reminders.run(this.clock.today()));

  constructor(
    private readonly reminders: RemindersService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** Runs now, then at every interval; `false` when switched off or already started. */
  start(): boolean {
    const minutes = this.config.REMINDERS_INTERVAL_MINUTES;
    if (!this.job.start(minutes * 60_000)) return false;
    this.logger.log({ msg: 'reminders scheduled', everyMinutes: minutes });
    return true;
  }

  /** Before the database pool closes (`onApplicationShutdown`): stop, and let a run in progress finish. */
  beforeApplicationShutdown(): Promise<void> {
    return this.job.stop();
  }
}
