import { Module } from '@nestjs/common';

import { TasksModule } from '../tasks/tasks.module';
import { CommitteesController } from './committees.controller';
import { CommitteesService } from './committees.service';

@Module({
  imports: [TasksModule],
  controllers: [CommitteesController],
  providers: [CommitteesService],
  exports: [CommitteesService],
})
export class CommitteeMeetingsModule {}
