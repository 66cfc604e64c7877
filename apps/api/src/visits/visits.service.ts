import {
  addMonths,
  type OverdueSite,
  type Page,
  type SiteVisitDetail,
  type SiteVisitSummary,
  todayInFrance,
  VISIT_AUDIT_ENTITY_TYPES,
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
import { type Actor, canSee } from '../common/scope/territory-scope';
import { AppConfig } from '../config/app-config';
import { TrainingSite } from '../sites/training-site.entity';
import type { ListVisitsQuery, OverdueSitesQuery } from './dto/list-visits.query';
import type { CancelVisitDto, PlanVisitDto, UpdateVisitDto } from './dto/plan-visit.dto';
import { SiteVisit } from './site-visit.entity';
import { mayReadRecord, replaceParticipants, resolveParticipants } from './visit-participants';
import { OVERDUE_SORTABLE, overdueSiteRows, overdueSitesQuery, VISIT_SORTABLE, visitListQuery } from './visit-query';
import { assertNoProblems, assertPlanned, plannedOnProblems } from './visit-rules';
import { visitDetail, visitSnapshot, visitSummaries } from './visit-views';

export const VISIT_LABEL = 'Visite';

/** The base of every versioned, audited change of a visit. */
export function visitChangeBase(
  manager: EntityManager,
  id: string,
  version: number,
): Omit<VersionedChange<SiteVisit>, 'action' | 'changes'> {
  return {
    target: SiteVisit,
    entityType: VISIT_AUDIT_ENTITY_TYPES.visit,
    label: VISIT_LABEL,
    id,
    version,
    snapshot: (row) => visitSnapshot(manager, row),
  };
}

/** Planning, reading and editing visits (recording: `VisitRecordingService`). */
@Injectable()
export class VisitsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async list(actor: Actor, query: ListVisitsQuery): Promise<Page<SiteVisitSummary>> {
    const qb = visitListQuery(this.db.getRepository(SiteVisit), actor, query);
    const page = await paginate(qb, query, VISIT_SORTABLE, 'plannedOn:asc', (v) => v);
    return { ...page, items: await visitSummaries(this.db.manager, page.items) };
  }

  async get(actor: Actor, id: string): Promise<SiteVisitDetail> {
    const visit = await findScoped(this.db.manager, actor, SiteVisit, id, VISIT_LABEL);
    const detail = await visitDetail(this.db.manager, visit);
    // The same rule as the list: the calendar for every reader, the record only for who may read it.
    if (await mayReadRecord(this.db.manager, actor, visit.id)) return detail;
    return {
      ...detail,
      checklist: {},
      findings: null,
      notes: null,
      accessIssues: [],
      actions: [],
      recordWithheld: true,
    };
  }

  /** Active sites whose last done visit is older than the window (or never visited), most overdue first. */
  async overdueSites(actor: Actor, query: OverdueSitesQuery, today = todayInFrance()): Promise<Page<OverdueSite>> {
    const threshold = addMonths(today, -(query.months ?? this.config.SITE_VISIT_INTERVAL_MONTHS));
    const qb = overdueSitesQuery(this.db.getRepository(TrainingSite), actor, threshold, query.q);
    const page = await paginate(qb, query, OVERDUE_SORTABLE, 'lastVisitOn:asc', (s) => s);
    return { ...page, items: await overdueSiteRows(this.db.manager, page.items, today) };
  }

  plan(actor: AuditActor, dto: PlanVisitDto): Promise<SiteVisitDetail> {
    assertNoProblems(plannedOnProblems(dto.plannedOn, todayInFrance()));
    return this.db.transaction(async (manager) => {
      const site = await manager.getRepository(TrainingSite).findOneBy({ id: dto.siteId });
      if (!site || site.archivedAt || !canSee(actor, site.departementCode)) {
        throw new DomainException('BAD_INPUT', 'siteId : terrain de stage introuvable dans votre département.');
      }
      const participants = await resolveParticipants(manager, site.departementCode, dto.participants ?? []);
      const repo = manager.getRepository(SiteVisit);
      const visit = await repo.save(
        repo.create({
          departementCode: site.departementCode,
          siteId: site.id,
          purpose: dto.purpose,
          status: 'planned',
          plannedOn: dto.plannedOn,
          plannedTime: dto.plannedTime ?? null,
          visitedOn: null,
          checklist: {},
          findings: null,
          nextVisitOn: null,
          notes: dto.notes ?? null,
          archivedAt: null,
        }),
      );
      await replaceParticipants(manager, visit.id, participants);
      const saved = await repo.findOneByOrFail({ id: visit.id });
      await this.audit.record(manager, actor, {
        action: 'created',
        entityType: VISIT_AUDIT_ENTITY_TYPES.visit,
        entityId: saved.id,
        departementCode: saved.departementCode,
        after: await visitSnapshot(manager, saved),
      });
      return visitDetail(manager, saved);
    });
  }

  /** Edits the plan of a visit still planned; participants are replaced when given. */
  update(actor: AuditActor, id: string, dto: UpdateVisitDto): Promise<SiteVisitDetail> {
    const { version, participants, ...fields } = dto;
    assertNoProblems(plannedOnProblems(fields.plannedOn, todayInFrance()));
    return this.db.transaction(async (manager) => {
      let rows: Awaited<ReturnType<typeof resolveParticipants>> | null = null;
      const after = await applyVersionedChange(manager, this.audit, actor, {
        ...visitChangeBase(manager, id, version),
        action: 'updated',
        changes: async (before) => {
          assertPlanned(before);
          if (participants) rows = await resolveParticipants(manager, before.departementCode, participants);
          return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
        },
        after: async (visit) => {
          if (rows) await replaceParticipants(manager, visit.id, rows);
        },
      });
      return visitDetail(manager, after);
    });
  }

  /** A planned visit that will not take place; the reason is kept, dated, in the notes. */
  cancel(actor: AuditActor, id: string, dto: CancelVisitDto): Promise<SiteVisitDetail> {
    const today = todayInFrance();
    return this.db.transaction(async (manager) => {
      const after = await applyVersionedChange(manager, this.audit, actor, {
        ...visitChangeBase(manager, id, dto.version),
        action: 'cancelled',
        changes: (before) => {
          assertPlanned(before);
          const line = `Annulée le ${today}${dto.reason ? ` : ${dto.reason}` : '.'}`;
          return { status: 'cancelled' as const, notes: before.notes ? `${before.notes}\n${line}` : line };
        },
      });
      return visitDetail(manager, after);
    });
  }

  /** Archives (`true`) or restores a visit; without a version, the current one is used. */
  setArchived(actor: AuditActor, id: string, version: number | undefined, archived: boolean): Promise<SiteVisitDetail> {
    return this.db.transaction(async (manager) =>
      visitDetail(
        manager,
        await setArchivedIn(manager, this.audit, actor, version, archived, (v) => visitChangeBase(manager, id, v)),
      ),
    );
  }
}
