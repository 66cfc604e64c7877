import { Module } from '@nestjs/common';

import { MailTransport } from './mail-transport';
import { OutboxAdminService } from './outbox-admin.service';
import { OutboxController } from './outbox.controller';
import { OutboxService } from './outbox.service';

/** E-mail: the SMTP transport, the outbox in PostgreSQL and its administration. */
@Module({
  controllers: [OutboxController],
  providers: [MailTransport, OutboxService, OutboxAdminService],
  exports: [MailTransport, OutboxService],
})
export class MailModule {}
