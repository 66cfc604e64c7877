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
import {
  applyVersionedChange,
  type AuditActor,
  setArchivedIn,
  type VersionedChange,
  whileLive,
} from '../common/persistence/scoped-records';
import { pageOf, sqlRows } from '../common/persistence/sql';
import { type Actor, canSee } from '../common/scope/territory-scope';
import { accreditationRulesOf, allowanceRulesOf, AppConfig } from '../config/app-config';
import { assertProfessionalsIn, replaceProfessionalsOfSite } from '../professionals/professional-sites';
import type { ListSitesQuery } from './dto/list-sites.query';
import type { CreateSiteDto, UpdateSiteDto } from './dto/site.dto';
import { siteCountSql, siteListSql } from './site-query';
import {
  type SiteExtras,
  siteExtras,
  siteRecord,
  siteSnapshotOf,
  type SiteSummaryRow,
  toSiteSummary,
} from './site-views';
import { checkCoordinates, insertSite, replaceCapacities, resolveCommune, siteColumns } from './site-writes';
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
    const page = siteListSql(actor, query, today);
    const rows = await sqlRows<SiteSummaryRow & { total: string }>(this.db, page.text, page.values);
    return pageOf(rows, query, toSiteSummary, async () => {
      const count = siteCountSql(actor, query, today);
      return (await sqlRows<{ total: number }>(this.db, count.text, count.values))[0].total;
    });
  }

  async get(actor: Actor, id: string): Promise<SiteRecordWithAllowances> {
    const record = await this.record(this.db.manager, id);
    if (!canSee(actor, record.departementCode)) throw DomainException.notFound(LABEL);
    return record;
  }

  create(actor: AuditActor, dto: CreateSiteDto): Promise<SiteRecordWithAllowances> {
    return this.db.transaction(async (manager) => {
      const commune = await resolveCommune(manager, actor, dto.communeCode);
      await assertProfessionalsIn(manager, commune.departementCode, dto.professionalIds ?? []);
      const site = await insertSite(manager, dto, commune, dto.capacities ?? []);
      await replaceProfessionalsOfSite(manager, site, dto.professionalIds ?? [], null);
      await this.audit.record(manager, actor, {
        action: 'created',
        entityType: AUDIT_ENTITY_TYPES.site,
        entityId: site.id,
        departementCode: site.departementCode,
        after: siteSnapshotOf(site, await siteExtras(manager, site.id, site.communeCode)),
      });
      return this.record(manager, site.id);
    });
  }

  /** Edits a site from the version the client read; capacities and professionals are replaced when given. */
  update(actor: AuditActor, id: string, dto: UpdateSiteDto): Promise<SiteRecordWithAllowances> {
    return this.db.transaction(async (manager) => {
      const childrenChange = dto.capacities !== undefined || dto.professionalIds !== undefined;
      const snapshots = new SiteSnapshots(manager, childrenChange);
      const after = await applyVersionedChange(manager, this.audit, actor, {
        ...this.base(id, dto.version, snapshots),
        action: 'updated',
        changes: whileLive('Ce terrain est archivé : restaurez-le avant de le modifier.', async (before) => {
          checkCoordinates(
            dto.latitude === undefined ? before.latitude : dto.latitude,
            dto.longitude === undefined ? before.longitude : dto.longitude,
          );
          // The site's own commune was read with its history snapshot: only a new one is looked up.
          const current = snapshots.communeOf(before);
          const commune =
            current && (dto.communeCode ?? before.communeCode) === current.code
              ? current
              : await resolveCommune(manager, actor, dto.communeCode ?? before.communeCode, before.departementCode);
          if (dto.professionalIds) await assertProfessionalsIn(manager, before.departementCode, dto.professionalIds);
          return siteColumns(dto, commune.name, dto.name ?? before.name);
        }),
        after: async (site) => {
          if (dto.capacities) await replaceCapacities(manager, site.id, dto.capacities);
          if (dto.professionalIds)
            await replaceProfessionalsOfSite(manager, site, dto.professionalIds, todayInFrance());
        },
      });
      return this.record(manager, after.id);
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
        (
          await setArchivedIn(manager, this.audit, actor, version, archived, (v) =>
            this.base(id, v, new SiteSnapshots(manager, false)),
          )
        ).id,
      ),
    );
  }

  private base(
    id: string,
    version: number,
    snapshots: SiteSnapshots,
  ): Omit<VersionedChange<TrainingSite>, 'action' | 'changes'> {
    return {
      target: TrainingSite,
      entityType: AUDIT_ENTITY_TYPES.site,
      label: LABEL,
      id,
      version,
      snapshot: (row) => snapshots.of(row),
    };
  }

  private async record(db: EntityManager, id: string): Promise<SiteRecordWithAllowances> {
    const record = await siteRecord(
      db,
      id,
      todayInFrance(),
      accreditationRulesOf(this.config),
      allowanceRulesOf(this.config),
    );
    if (!record) throw DomainException.notFound(LABEL);
    return record;
  }
}

/**
 * The history snapshots of one edit: the extras (commune, capacities, professionals) read once for
 * the site before the change, and read again after it only if the commune or the children changed.
 */
class SiteSnapshots {
  private extras: SiteExtras | null = null;

  constructor(
    private readonly manager: EntityManager,
    private readonly childrenChange: boolean,
  ) {}

  async of(site: TrainingSite) {
    const reuse = this.extras !== null && this.extras.commune?.code === site.communeCode && !this.childrenChange;
    const extras = reuse && this.extras ? this.extras : await siteExtras(this.manager, site.id, site.communeCode);
    this.extras = extras;
    return siteSnapshotOf(site, extras);
  }

  /** The site's commune as read with the first snapshot. */
  communeOf(site: TrainingSite): SiteExtras['commune'] {
    return this.extras?.commune?.code === site.communeCode ? this.extras.commune : null;
  }
}
