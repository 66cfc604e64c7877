import {
  AUDIT_ENTITY_TYPES,
  type Page,
  type SiteRecordWithAllowances,
  type SiteSummary,
  todayInFrance,
} from '@maillage/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import { AuditService } from '../common/audit/audit.service';
import { DomainException } from '../common/errors/domain-exception';
import { paginate } from '../common/http/paging';
import {
  applyVersionedChange,
  type AuditActor,
  findScoped,
  setArchivedIn,
  type VersionedChange,
} from '../common/persistence/scoped-records';
import type { Actor } from '../common/scope/territory-scope';
import { accreditationRulesOf, allowanceRulesOf, AppConfig } from '../config/app-config';
import { assertProfessionalsIn, replaceProfessionalsOfSite } from '../professionals/professional-sites';
import type { ListSitesQuery } from './dto/list-sites.query';
import type { CreateSiteDto, UpdateSiteDto } from './dto/site.dto';
import { SITE_SORTABLE, siteListQuery } from './site-query';
import { siteRecord, siteSnapshot, siteSummaries } from './site-views';
import { checkCoordinates, replaceCapacities, resolveCommune, siteColumns } from './site-writes';
import { TrainingSite } from './training-site.entity';

const LABEL = 'Terrain de stage';

@Injectable()
export class SitesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async list(actor: Actor, query: ListSitesQuery): Promise<Page<SiteSummary>> {
    const today = todayInFrance();
    const qb = siteListQuery(this.db.getRepository(TrainingSite), actor, query, today);
    const page = await paginate(qb, query, SITE_SORTABLE, 'name:asc', (s) => s);
    return { ...page, items: await siteSummaries(this.db.manager, page.items, today) };
  }

  async get(actor: Actor, id: string): Promise<SiteRecordWithAllowances> {
    const site = await findScoped(this.db.manager, actor, TrainingSite, id, LABEL);
    return this.record(this.db.manager, site);
  }

  create(actor: AuditActor, dto: CreateSiteDto): Promise<SiteRecordWithAllowances> {
    return this.db.transaction(async (manager) => {
      const commune = await resolveCommune(manager, actor, dto.communeCode);
      await assertProfessionalsIn(manager, commune.departementCode, dto.professionalIds ?? []);
      const repo = manager.getRepository(TrainingSite);
      const site = await repo.save(
        repo.create({
          ...siteColumns(dto, commune.name, dto.name),
          departementCode: commune.departementCode,
          archivedAt: null,
        }),
      );
      await replaceCapacities(manager, site.id, dto.capacities ?? []);
      await replaceProfessionalsOfSite(manager, site.id, dto.professionalIds ?? []);
      await this.audit.record(manager, actor, {
        action: 'created',
        entityType: AUDIT_ENTITY_TYPES.site,
        entityId: site.id,
        departementCode: site.departementCode,
        after: await siteSnapshot(manager, site),
      });
      return this.record(manager, await repo.findOneByOrFail({ id: site.id }));
    });
  }

  /** Edits a site from the version the client read; capacities and professionals are replaced when given. */
  update(actor: AuditActor, id: string, dto: UpdateSiteDto): Promise<SiteRecordWithAllowances> {
    return this.db.transaction(async (manager) => {
      const after = await applyVersionedChange(manager, this.audit, actor, {
        ...this.base(manager, id, dto.version),
        action: 'updated',
        changes: async (before) => {
          if (before.archivedAt) {
            throw new DomainException('INVALID_STATE', 'Ce terrain est archivé : restaurez-le avant de le modifier.');
          }
          checkCoordinates(
            dto.latitude === undefined ? before.latitude : dto.latitude,
            dto.longitude === undefined ? before.longitude : dto.longitude,
          );
          const communeCode = dto.communeCode ?? before.communeCode;
          const commune = await resolveCommune(manager, actor, communeCode, before.departementCode);
          if (dto.professionalIds) await assertProfessionalsIn(manager, before.departementCode, dto.professionalIds);
          return siteColumns(dto, commune.name, dto.name ?? before.name);
        },
        after: async (site) => {
          if (dto.capacities) await replaceCapacities(manager, site.id, dto.capacities);
          if (dto.professionalIds) await replaceProfessionalsOfSite(manager, site.id, dto.professionalIds);
        },
      });
      return this.record(manager, after);
    });
  }

  /** Archives (`true`) or restores a site; without a version, the current one is used. */
  setArchived(
    actor: AuditActor,
    id: string,
    version: number | undefined,
    archived: boolean,
  ): Promise<SiteRecordWithAllowances> {
    return this.db.transaction(async (manager) =>
      this.record(
        manager,
        await setArchivedIn(manager, this.audit, actor, version, archived, (v) => this.base(manager, id, v)),
      ),
    );
  }

  private base(
    manager: EntityManager,
    id: string,
    version: number,
  ): Omit<VersionedChange<TrainingSite>, 'action' | 'changes'> {
    return {
      target: TrainingSite,
      entityType: AUDIT_ENTITY_TYPES.site,
      label: LABEL,
      id,
      version,
      snapshot: (row) => siteSnapshot(manager, row),
    };
  }

  private record(manager: EntityManager, site: TrainingSite): Promise<SiteRecordWithAllowances> {
    return siteRecord(manager, site, todayInFrance(), accreditationRulesOf(this.config), allowanceRulesOf(this.config));
  }
}
