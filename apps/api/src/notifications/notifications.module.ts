import { Module } from '@nestjs/common';

import { ClockModule } from '../common/clock/clock.module';
import { MailModule } from '../mail/mail.module';
import { DigestService } from './digest/digest.service';
import { EventNotifications } from './event-notifications';
import { NotificationsScheduler } from './notifications-scheduler';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { Notifier } from './notifier';
import { PreferencesService } from './preferences.service';

/** In-app notifications (the bell), preferences, the weekly digest, and the notices of business events. */
@Module({
  imports: [ClockModule, MailModule],
  controllers: [NotificationsController],
  providers: [
    NotificationsService,
    PreferencesService,
    Notifier,
    EventNotifications,
    DigestService,
    NotificationsScheduler,
  ],
  exports: [NotificationsScheduler],
})
export class NotificationsModule {}
