import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';

import { Clock } from '../common/clock/clock';
import { AppConfig } from '../config/app-config';
import { type DeliveryReport, OutboxService } from '../mail/outbox.service';
import { DigestService } from './digest/digest.service';

export interface NotificationsRun {
  digests: number;
  delivery: DeliveryReport;
}

/**
 * Every `MAIL_POLL_SECONDS` (0: never on this instance): writes the weekly digests that are due,
 * then sends the e-mails due from the outbox. Every instance may run it: digests are keyed per
 * user and week, and outbox rows are claimed with `SKIP LOCKED`. `main.ts` starts it once the
 * app listens; tests call `runOnce()`.
 */
@Injectable()
export class NotificationsScheduler implements BeforeApplicationShutdown {
  private readonly logger = new Logger(NotificationsScheduler.name);
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<unknown> | null = null;

  constructor(
    private readonly digests: DigestService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  start(): boolean {
    const seconds = this.config.MAIL_POLL_SECONDS;
    if (seconds === 0 || this.timer) return false;
    this.timer = setInterval(() => this.tick(), seconds * 1000);
    this.timer.unref();
    this.outbox.checkServer();
    this.tick();
    this.logger.log({ msg: 'notifications scheduled', everySeconds: seconds, email: this.outbox.enabled });
    return true;
  }

  async runOnce(): Promise<NotificationsRun> {
    const digests = await this.digests.run(this.clock.now());
    const delivery = await this.outbox.deliverDue();
    return { digests, delivery };
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.inFlight;
  }

  private tick(): void {
    if (this.inFlight) return;
    this.inFlight = this.runOnce()
      .catch((error: unknown) =>
        this.logger.error({ msg: 'notifications run failed', error: (error as Error).message }),
      )
      .finally(() => {
        this.inFlight = null;
      });
  }
}
