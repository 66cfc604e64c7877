import {
  type AuthUser,
  EXPORT_RESOURCE_LABELS,
  type ExportResource,
  type Page,
  todayInFrance,
} from '@maillage/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityTarget, In, type ObjectLiteral } from 'typeorm';

import { AccessIssuesService } from '../access-issues/access-issues.service';
import type { ListAccessIssuesQuery } from '../access-issues/dto/list-access-issues.query';
import { Accreditation } from '../accreditations/accreditation.entity';
import { AccreditationsService } from '../accreditations/accreditations.service';
import type { ListAccreditationsQuery } from '../accreditations/dto/list-accreditations.query';
import type { ListIntentsQuery } from '../intents/dto/intent.dto';
import { IntentsService } from '../intents/intents.service';
import type { ListMeasuresQuery } from '../measures/dto/list-measures.query';
import { SupportMeasuresService } from '../measures/measures.service';
import type { ListProfessionalsQuery } from '../professionals/dto/list-professionals.query';
import { ProfessionalSite } from '../professionals/professional-site.entity';
import { Professional } from '../professionals/professional.entity';
import { ProfessionalsQueryService } from '../professionals/professionals-query.service';
import type { ListReferralsQuery } from '../referrals/dto/referral.dto';
import { ReferralsService } from '../referrals/referrals.service';
import type { ListSitesQuery } from '../sites/dto/list-sites.query';
import { SitesService } from '../sites/sites.service';
import { TrainingSite } from '../sites/training-site.entity';
import type { ListTasksQuery } from '../tasks/dto/list-tasks.query';
import { TasksQueryService } from '../tasks/tasks-query.service';
import { CommunesService } from '../territory/communes.service';
import type { ListCommunesQuery } from '../territory/dto/commune.dto';
import type { ListUsersQuery } from '../users/dto/user.dto';
import { UsersService } from '../users/users.service';
import type { ListVisitsQuery } from '../visits/dto/list-visits.query';
import { VisitsService } from '../visits/visits.service';
import {
  ACCESS_ISSUE_COLUMNS,
  COMMUNE_COLUMNS,
  INTENT_COLUMNS,
  MEASURE_COLUMNS,
  REFERRAL_COLUMNS,
  TASK_COLUMNS,
  USER_COLUMNS,
  VISIT_COLUMNS,
} from './columns/other-columns';
import {
  ACCREDITATION_COLUMNS,
  type AccreditationExportRow,
  PROFESSIONAL_COLUMNS,
  type ProfessionalExportRow,
  SITE_COLUMNS,
  type SiteExportRow,
} from './columns/registry-columns';
import { columnsFor, type ExportColumn, exportFileName } from './spreadsheet/export-column';
import { EXPORT_PAGE_SIZE, type ExportSource } from './spreadsheet/stream-export';

type Rows<T> = Promise<{ rows: T[]; total: number }>;
const at = <Q>(query: Q, page: number): Q => ({ ...query, page, pageSize: EXPORT_PAGE_SIZE });
const plain = <T>(result: Page<T>): { rows: T[]; total: number } => ({ rows: result.items, total: result.total });

/**
 * Every list as a spreadsheet: each export pages through the list's own service (same filters,
 * same sort, same scope and who-sees-what), then keeps the columns the user's role may read.
 */
@Injectable()
export class ExportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sitesService: SitesService,
    private readonly professionalsService: ProfessionalsQueryService,
    private readonly accreditationsService: AccreditationsService,
    private readonly referralsService: ReferralsService,
    private readonly intentsService: IntentsService,
    private readonly visitsService: VisitsService,
    private readonly issuesService: AccessIssuesService,
    private readonly measuresService: SupportMeasuresService,
    private readonly tasksService: TasksQueryService,
    private readonly usersService: UsersService,
    private readonly communesService: CommunesService,
  ) {}

  sites(user: AuthUser, query: ListSitesQuery): ExportSource<SiteExportRow> {
    return this.source(user, 'sites', SITE_COLUMNS, async (page): Rows<SiteExportRow> => {
      const result = await this.sitesService.list(user, at(query, page));
      const sites = await this.byId(
        TrainingSite,
        result.items.map((s) => s.id),
      );
      return {
        total: result.total,
        rows: result.items.map((summary) => ({ summary, site: sites.get(summary.id) as TrainingSite })),
      };
    });
  }

  professionals(user: AuthUser, query: ListProfessionalsQuery): ExportSource<ProfessionalExportRow> {
    return this.source(user, 'professionals', PROFESSIONAL_COLUMNS, async (page): Rows<ProfessionalExportRow> => {
      const result = await this.professionalsService.list(user, at(query, page));
      const ids = result.items.map((p) => p.id);
      const professionals = await this.byId(Professional, ids);
      const links = ids.length
        ? await this.db.getRepository(ProfessionalSite).find({ where: { professionalId: In(ids) } })
        : [];
      const sites = [...(await this.byId(TrainingSite, [...new Set(links.map((l) => l.siteId))])).values()].sort(
        (a, b) => a.name.localeCompare(b.name, 'fr'),
      );
      return {
        total: result.total,
        rows: result.items.map((summary) => {
          const linked = new Set(links.filter((l) => l.professionalId === summary.id).map((l) => l.siteId));
          return {
            p: professionals.get(summary.id) as Professional,
            sites: sites.filter((site) => linked.has(site.id)),
          };
        }),
      };
    });
  }

  accreditations(user: AuthUser, query: ListAccreditationsQuery): ExportSource<AccreditationExportRow> {
    return this.source(user, 'accreditations', ACCREDITATION_COLUMNS, async (page): Rows<AccreditationExportRow> => {
      const result = await this.accreditationsService.list(user, at(query, page));
      const rows = await this.byId(
        Accreditation,
        result.items.map((a) => a.id),
      );
      const professionals = await this.byId(
        Professional,
        [...rows.values()].flatMap((a) => a.professionalId ?? []),
      );
      const sites = await this.byId(
        TrainingSite,
        [...rows.values()].flatMap((a) => a.siteId ?? []),
      );
      return {
        total: result.total,
        rows: result.items.map((summary) => {
          const a = rows.get(summary.id) as Accreditation;
          return {
            summary,
            a,
            professional: a.professionalId ? (professionals.get(a.professionalId) ?? null) : null,
            site: a.siteId ? (sites.get(a.siteId) ?? null) : null,
          };
        }),
      };
    });
  }

  referrals(user: AuthUser, query: ListReferralsQuery) {
    return this.source(user, 'candidate-referrals', REFERRAL_COLUMNS, async (page) =>
      plain(await this.referralsService.list(user, at(query, page))),
    );
  }

  intents(user: AuthUser, query: ListIntentsQuery) {
    return this.source(user, 'installation-intents', INTENT_COLUMNS, async (page) =>
      plain(await this.intentsService.list(user, at(query, page))),
    );
  }

  visits(user: AuthUser, query: ListVisitsQuery) {
    return this.source(user, 'site-visits', VISIT_COLUMNS, async (page) =>
      plain(await this.visitsService.list(user, at(query, page))),
    );
  }

  accessIssues(user: AuthUser, query: ListAccessIssuesQuery) {
    return this.source(user, 'access-issues', ACCESS_ISSUE_COLUMNS, async (page) =>
      plain(await this.issuesService.list(user, at(query, page))),
    );
  }

  measures(user: AuthUser, query: ListMeasuresQuery) {
    return this.source(user, 'support-measures', MEASURE_COLUMNS, async (page) =>
      plain(await this.measuresService.list(user, at(query, page))),
    );
  }

  tasks(user: AuthUser, query: ListTasksQuery) {
    return this.source(user, 'tasks', TASK_COLUMNS, async (page) =>
      plain(await this.tasksService.list(user, at(query, page))),
    );
  }

  users(user: AuthUser, query: ListUsersQuery) {
    return this.source(user, 'users', USER_COLUMNS, async (page) =>
      plain(await this.usersService.list(user, at(query, page))),
    );
  }

  communes(user: AuthUser, query: ListCommunesQuery) {
    return this.source(user, 'communes', COMMUNE_COLUMNS, async (page) =>
      plain(await this.communesService.search(user, at(query, page))),
    );
  }

  private source<T>(
    user: AuthUser,
    resource: ExportResource,
    columns: readonly ExportColumn<T>[],
    page: (page: number) => Rows<T>,
  ): ExportSource<T> {
    const label = EXPORT_RESOURCE_LABELS[resource];
    return {
      sheetName: label,
      fileName: exportFileName(label, todayInFrance()),
      columns: columnsFor(user, columns),
      page,
    };
  }

  private async byId<T extends ObjectLiteral & { id: string }>(
    target: EntityTarget<T>,
    ids: string[],
  ): Promise<Map<string, T>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.getRepository(target).find({ where: { id: In([...new Set(ids)]) } as never });
    return new Map(rows.map((r) => [r.id, r]));
  }
}
