import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';

import { AccessIssuesModule } from './access-issues/access-issues.module';
import { AccreditationsModule } from './accreditations/accreditations.module';
import { AnnualReportsModule } from './annual-reports/annual-reports.module';
import { AuditEventsModule } from './audit/audit-events.module';
import { AuthModule } from './auth/auth.module';
import { BulkModule } from './bulk/bulk.module';
import { CommitteeMeetingsModule } from './committees/committees.module';
import { AuditModule } from './common/audit/audit.module';
import { AuthGuard } from './common/auth/auth.guard';
import { DomainEventsModule } from './common/events/domain-events';
import { requestLogging } from './common/logging/request-logging';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { RuntimeInfo } from './config/runtime-info';
import { DashboardModule } from './dashboard/dashboard.module';
import { dataSourceOptions } from './database/data-source';
import { timeoutsOf } from './database/timeouts';
import { DemoModule } from './demo/demo.module';
import { DocumentsModule } from './documents/documents.module';
import { ExportsModule } from './exports/exports.module';
import { GeocodingModule } from './geocoding/geocoding.module';
import { HealthController } from './health/health.controller';
import { ImportsModule } from './imports/imports.module';
import { InstallationIntentsModule } from './intents/intents.module';
import { MapModule } from './map/map.module';
import { SupportMeasuresModule } from './measures/measures.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OfferSnapshotsModule } from './offer-snapshots/offer-snapshots.module';
import { PersonalDataModule } from './personal-data/personal-data.module';
import { ProfessionalsModule } from './professionals/professionals.module';
import { ReferenceDataModule } from './reference-data/reference-data.module';
import { CandidateReferralsModule } from './referrals/referrals.module';
import { RppsModule } from './rpps/rpps.module';
import { SearchModule } from './search/search.module';
import { SemestersModule } from './semesters/semesters.module';
import { SitesModule } from './sites/sites.module';
import { TasksModule } from './tasks/tasks.module';
import { TerritoryModule } from './territory/territory.module';
import { UsersModule } from './users/users.module';
import { SiteVisitsModule } from './visits/visits.module';

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  runtime: RuntimeInfo;
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    const { config } = options;
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: requestLogging(config.LOG_LEVEL),
        }),
        // No TypeORM query logging: failed queries reach the error filter, and parameters (password
        // hashes, personal data) must never be written to the logs.
        TypeOrmModule.forRoot({ ...dataSourceOptions(options.databaseUrl, timeoutsOf(config)), logging: false }),
        DomainEventsModule,
        AuditModule,
        AuthModule,
        UsersModule,
        TerritoryModule,
        DemoModule,
        AuditEventsModule,
        SitesModule,
        ProfessionalsModule,
        AccreditationsModule,
        CandidateReferralsModule,
        InstallationIntentsModule,
        SiteVisitsModule,
        AccessIssuesModule,
        SupportMeasuresModule,
        TasksModule,
        SemestersModule,
        DashboardModule,
        OfferSnapshotsModule,
        CommitteeMeetingsModule,
        AnnualReportsModule,
        MapModule,
        ImportsModule,
        ExportsModule,
        RppsModule,
        ReferenceDataModule,
        GeocodingModule,
        PersonalDataModule,
        // Working together: notifications and e-mail, documents on records, the search box, bulk actions
        NotificationsModule,
        DocumentsModule,
        SearchModule,
        BulkModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: RuntimeInfo, useValue: options.runtime },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
    };
  }
}
