import { Module } from '@nestjs/common';

import { AccessIssuesController } from './access-issues.controller';
import { AccessIssuesService } from './access-issues.service';

@Module({
  controllers: [AccessIssuesController],
  providers: [AccessIssuesService],
  exports: [AccessIssuesService],
})
export class AccessIssuesModule {}
