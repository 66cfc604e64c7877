import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';

import { Clock } from '../../common/clock/clock';
import { AppConfig } from '../../config/app-config';
import { RemindersService } from './reminders.service';

/**
 * Runs the reminders every `REMINDERS_INTERVAL_MINUTES` (0: never) in the API process. A
 * plain timer is enough: every instance may run it, the database lock and the unique keys
 * make concurrent runs safe. `main.ts` starts it once the app listens; tests never do unless
 * they call `start()`.
 */
@Injectable()
export class ReminderScheduler implements BeforeApplicationShutdown {
  private readonly logger = new Logger(ReminderScheduler.name);
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> | null = null;

  constructor(
    private readonly reminders: RemindersService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** Runs now, then at every interval; `false` when switched off or already started. */
  start(): boolean {
    const minutes = this.config.REMINDERS_INTERVAL_MINUTES;
    if (minutes === 0 || this.timer) return false;
    this.tick();
    this.timer = setInterval(() => this.tick(), minutes * 60_000);
    this.timer.unref();
    this.logger.log({ msg: 'reminders scheduled', everyMinutes: minutes });
    return true;
  }

  /** Before the database pool closes (`onApplicationShutdown`): stop, and let a run in progress finish. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.inFlight;
  }

  private tick(): void {
    if (this.inFlight) return; // the previous run is still going
    this.inFlight = this.reminders
      .run(this.clock.today())
      .then(() => undefined)
      .catch((error: unknown) => this.logger.error({ msg: 'reminders failed', error: (error as Error).message }))
      .finally(() => {
        this.inFlight = null;
      });
  }
}
