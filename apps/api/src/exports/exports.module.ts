import { Module } from '@nestjs/common';

import { AccessIssuesModule } from '../access-issues/access-issues.module';
import { AccreditationsModule } from '../accreditations/accreditations.module';
import { CommitteeMeetingsModule } from '../committees/committees.module';
import { InstallationIntentsModule } from '../intents/intents.module';
import { SupportMeasuresModule } from '../measures/measures.module';
import { OfferSnapshotsModule } from '../offer-snapshots/offer-snapshots.module';
import { ProfessionalsModule } from '../professionals/professionals.module';
import { CandidateReferralsModule } from '../referrals/referrals.module';
import { SitesModule } from '../sites/sites.module';
import { TasksModule } from '../tasks/tasks.module';
import { TerritoryModule } from '../territory/territory.module';
import { UsersModule } from '../users/users.module';
import { SiteVisitsModule } from '../visits/visits.module';
import { DocumentsController } from './documents/documents.controller';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

@Module({
  imports: [
    AccessIssuesModule,
    AccreditationsModule,
    CommitteeMeetingsModule,
    OfferSnapshotsModule,
    InstallationIntentsModule,
    SupportMeasuresModule,
    ProfessionalsModule,
    CandidateReferralsModule,
    SitesModule,
    TasksModule,
    TerritoryModule,
    UsersModule,
    SiteVisitsModule,
  ],
  controllers: [ExportsController, DocumentsController],
  providers: [ExportsService],
})
export class ExportsModule {}
