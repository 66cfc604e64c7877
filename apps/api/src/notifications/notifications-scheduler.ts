import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';

import { Clock } from '../common/clock/clock';
import { PeriodicRun } from '../common/scheduling/periodic-run';
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
  private readonly job = new PeriodicRun(this.logger, 'notifications run failed', () => this.runOnce());

  constructor(
    private readonly digests: DigestService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  start(): boolean {
    const seconds = this.config.MAIL_POLL_SECONDS;
    if (seconds === 0 || this.job.started) return false;
    this.outbox.checkServer();
    this.job.start(seconds * 1000);
    this.logger.log({ msg: 'notifications scheduled', everySeconds: seconds, email: this.outbox.enabled });
    return true;
  }

  async runOnce(): Promise<NotificationsRun> {
    const digests = await this.digests.run(this.clock.now());
    const delivery = await this.outbox.deliverDue();
    return { digests, delivery };
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.job.stop();
  }
}
