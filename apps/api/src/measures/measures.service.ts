import {
  ISSUE_AUDIT_ENTITY_TYPES,
  type MeasureBudgetSummary,
  type MeasureDetail,
  type MeasureIndicator,
  type MeasurePage,
} from '@maillage/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import { assertIssuesIn, replaceIssuesOfMeasure } from '../access-issues/issue-measures';
import { AuditService } from '../common/audit/audit.service';
import { DomainException } from '../common/errors/domain-exception';
import { paginate } from '../common/http/paging';
import {
  applyVersionedChange,
  type AuditActor,
  findScoped,
  setArchivedIn,
  type VersionedChange,
  whileLive,
} from '../common/persistence/scoped-records';
import { type Actor, departementForWrite } from '../common/scope/territory-scope';
import { Departement } from '../territory/entities/departement.entity';
import type { ListMeasuresQuery, MeasureSummaryQuery } from './dto/list-measures.query';
import type { CreateMeasureDto, MeasureIndicatorDto, UpdateMeasureDto } from './dto/measure.dto';
import { checkMeasureSites, replaceMeasureSites } from './measure-links';
import { MEASURE_SORTABLE, measureBudgetSummary, measureListQuery, measureTotals } from './measure-query';
import { measureDetail, measureSnapshot, measureSummaries } from './measure-views';
import { SupportMeasure } from './support-measure.entity';

const LABEL = 'Dispositif';

type MeasureFields = Omit<UpdateMeasureDto, 'version'>;

@Injectable()
export class SupportMeasuresService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, query: ListMeasuresQuery): Promise<MeasurePage> {
    const qb = measureListQuery(this.db.getRepository(SupportMeasure), actor, query);
    const totals = await measureTotals(qb);
    const page = await paginate(qb, query, MEASURE_SORTABLE, 'name:asc', (m) => m);
    return { ...page, items: await measureSummaries(this.db.manager, page.items), totals };
  }

  summary(actor: Actor, query: MeasureSummaryQuery): Promise<MeasureBudgetSummary> {
    return measureBudgetSummary(this.db.getRepository(SupportMeasure), actor, query);
  }

  async get(actor: Actor, id: string): Promise<MeasureDetail> {
    return measureDetail(this.db.manager, await findScoped(this.db.manager, actor, SupportMeasure, id, LABEL));
  }

  create(actor: AuditActor, dto: CreateMeasureDto): Promise<MeasureDetail> {
    const departementCode = departementForWrite(actor, dto.departementCode);
    const { siteIds = [], issueIds = [], departementCode: _requested, ...fields } = dto;
    return this.db.transaction(async (manager) => {
      if (!(await manager.getRepository(Departement).existsBy({ code: departementCode }))) {
        throw new DomainException(
          'BAD_INPUT',
          `departementCode : le département ${departementCode} n’est pas suivi ici.`,
        );
      }
      const columns = measureColumns(fields, null);
      await this.checkLinks(manager, departementCode, siteIds, issueIds);
      const repo = manager.getRepository(SupportMeasure);
      const saved = await repo.save(repo.create({ ...columns, departementCode, archivedAt: null }));
      await replaceMeasureSites(manager, saved.id, siteIds);
      await replaceIssuesOfMeasure(manager, saved.id, issueIds);
      await this.audit.record(manager, actor, {
        action: 'created',
        entityType: ISSUE_AUDIT_ENTITY_TYPES.measure,
        entityId: saved.id,
        departementCode,
        after: await measureSnapshot(manager, saved),
      });
      return measureDetail(manager, await repo.findOneByOrFail({ id: saved.id }));
    });
  }

  /** Edits a measure from the version read; sites and issues are replaced when given. */
  update(actor: AuditActor, id: string, dto: UpdateMeasureDto): Promise<MeasureDetail> {
    const { version, siteIds, issueIds, ...fields } = dto;
    return this.db.transaction(async (manager) => {
      const after = await applyVersionedChange(manager, this.audit, actor, {
        ...this.base(manager, id, version),
        action: 'updated',
        changes: whileLive('Ce dispositif est archivé : restaurez-le avant de le modifier.', async (before) => {
          const columns = measureColumns(fields, before);
          await this.checkLinks(manager, before.departementCode, siteIds ?? [], issueIds ?? []);
          return columns;
        }),
        after: async (measure) => {
          if (siteIds) await replaceMeasureSites(manager, measure.id, siteIds);
          if (issueIds) await replaceIssuesOfMeasure(manager, measure.id, issueIds);
        },
      });
      return measureDetail(manager, after);
    });
  }

  /** Archives (`true`) or restores; without a version, the current one is used. */
  setArchived(actor: AuditActor, id: string, version: number | undefined, archived: boolean): Promise<MeasureDetail> {
    return this.db.transaction(async (manager) =>
      measureDetail(
        manager,
        await setArchivedIn(manager, this.audit, actor, version, archived, (v) => this.base(manager, id, v)),
      ),
    );
  }

  private async checkLinks(manager: EntityManager, dep: string, siteIds: string[], issueIds: string[]) {
    await checkMeasureSites(manager, dep, siteIds);
    await assertIssuesIn(manager, dep, issueIds);
  }

  private base(
    manager: EntityManager,
    id: string,
    version: number,
  ): Omit<VersionedChange<SupportMeasure>, 'action' | 'changes'> {
    return {
      target: SupportMeasure,
      entityType: ISSUE_AUDIT_ENTITY_TYPES.measure,
      label: LABEL,
      id,
      version,
      snapshot: (row) => measureSnapshot(manager, row),
    };
  }
}

/**
 * The columns a create or a patch writes, checked on the record as it will be stored:
 * committed ≤ planned (revise the plan before committing more) and end ≥ start.
 */
export function measureColumns(fields: MeasureFields, before: SupportMeasure | null): Partial<SupportMeasure> {
  const { indicators, ...rest } = fields;
  const defined = Object.fromEntries(
    Object.entries(rest).filter(([, v]) => v !== undefined),
  ) as Partial<SupportMeasure>;
  const merged = {
    budgetPlanned: 0,
    budgetCommitted: 0,
    startDate: null,
    endDate: null,
    ...(before ?? {}),
    ...defined,
  };
  if (merged.budgetCommitted > merged.budgetPlanned) {
    throw new DomainException(
      'BAD_INPUT',
      `budgetCommitted : le budget engagé (${merged.budgetCommitted} €) dépasse le budget prévu ` +
        `(${merged.budgetPlanned} €) ; révisez d’abord le budget prévu.`,
    );
  }
  if (merged.startDate && merged.endDate && merged.endDate < merged.startDate) {
    throw new DomainException(
      'BAD_INPUT',
      `endDate : la fin (${merged.endDate}) précède le début (${merged.startDate}).`,
    );
  }
  return indicators ? { ...defined, indicators: indicators.map(toIndicator) } : defined;
}

function toIndicator(i: MeasureIndicatorDto): MeasureIndicator {
  return { name: i.name, target: i.target ?? null, value: i.value ?? null, ...(i.unit ? { unit: i.unit } : {}) };
}
