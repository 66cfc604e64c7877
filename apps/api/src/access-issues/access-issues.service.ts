import {
  type AccessIssueBoard,
  type AccessIssueDetail,
  type AccessIssueSummary,
  ISSUE_AUDIT_ENTITY_TYPES,
  type Page,
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
import type { VersionDto } from '../common/validation/version.dto';
import { TrainingSite } from '../sites/training-site.entity';
import { ACCESS_ISSUE_SORTABLE, accessIssueBoard, accessIssueListQuery } from './access-issue-query';
import { closeChanges, editChanges, reopenChanges, startChanges } from './access-issue-transitions';
import { accessIssueDetail, accessIssueSnapshot, accessIssueSummaries } from './access-issue-views';
import { AccessIssue } from './access-issue.entity';
import type {
  CloseAccessIssueDto,
  CreateAccessIssueDto,
  ResolveAccessIssueDto,
  UpdateAccessIssueDto,
} from './dto/access-issue.dto';
import type { AccessIssueBoardQuery, ListAccessIssuesQuery } from './dto/list-access-issues.query';
import { assertMeasuresIn, linkMeasuresToIssue } from './issue-measures';

const LABEL = 'Difficulté d’accès';

@Injectable()
export class AccessIssuesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, query: ListAccessIssuesQuery): Promise<Page<AccessIssueSummary>> {
    const qb = accessIssueListQuery(this.db.getRepository(AccessIssue), actor, query);
    const page = await paginate(qb, query, ACCESS_ISSUE_SORTABLE, 'raisedOn:desc', (i) => i);
    return { ...page, items: await accessIssueSummaries(this.db.manager, page.items) };
  }

  board(actor: Actor, query: AccessIssueBoardQuery): Promise<AccessIssueBoard> {
    return accessIssueBoard(this.db.getRepository(AccessIssue), actor, query);
  }

  async get(actor: Actor, id: string): Promise<AccessIssueDetail> {
    return accessIssueDetail(this.db.manager, await findScoped(this.db.manager, actor, AccessIssue, id, LABEL));
  }

  /** The mission officer records an issue; the CDOM proposes one (source `cdom`, status `open`). */
  create(actor: AuditActor, dto: CreateAccessIssueDto): Promise<AccessIssueDetail> {
    const source = actor.role === 'cdom' ? 'cdom' : dto.source;
    if (!source) throw new DomainException('BAD_INPUT', 'source : précisez qui a signalé la difficulté.');
    return this.db.transaction(async (manager) => {
      const site = await liveSite(manager, actor, dto.siteId);
      const saved = await this.insert(manager, actor, {
        ...dto,
        source,
        siteId: site.id,
        departementCode: site.departementCode,
      });
      return accessIssueDetail(manager, saved);
    });
  }

  /**
   * The issues found at a visit (source `visit`, raised on the day of the visit), written and
   * audited in the transaction that records the visit.
   */
  async raiseFromVisit(
    manager: EntityManager,
    actor: AuditActor,
    visit: { id: string; siteId: string; departementCode: string; visitedOn: string },
    issues: readonly Pick<AccessIssue, 'category' | 'severity' | 'description'>[],
  ): Promise<void> {
    for (const { category, severity, description } of issues) {
      await this.insert(manager, actor, {
        category,
        severity,
        description,
        source: 'visit',
        siteId: visit.siteId,
        departementCode: visit.departementCode,
        raisedOn: visit.visitedOn,
        visitId: visit.id,
      });
    }
  }

  /** An open issue, audited; the one way issues are created. */
  private async insert(
    manager: EntityManager,
    actor: AuditActor,
    fields: Pick<
      AccessIssue,
      'category' | 'severity' | 'description' | 'source' | 'siteId' | 'departementCode' | 'raisedOn'
    > &
      Partial<Pick<AccessIssue, 'visitId'>>,
  ): Promise<AccessIssue> {
    const repo = manager.getRepository(AccessIssue);
    const saved = await repo.save(
      repo.create({
        visitId: null,
        ...fields,
        status: 'open',
        closedOn: null,
        resolution: null,
        reportedById: actor.id,
        archivedAt: null,
      }),
    );
    await this.audit.record(manager, actor, {
      action: 'created',
      entityType: ISSUE_AUDIT_ENTITY_TYPES.accessIssue,
      entityId: saved.id,
      departementCode: saved.departementCode,
      after: await accessIssueSnapshot(manager, saved),
    });
    return repo.findOneByOrFail({ id: saved.id });
  }

  update(actor: AuditActor, id: string, dto: UpdateAccessIssueDto): Promise<AccessIssueDetail> {
    const { version, ...fields } = dto;
    return this.change(actor, id, version, 'updated', async (manager, before) => {
      const changes = editChanges(before, fields, actor);
      if (fields.siteId && fields.siteId !== before.siteId) {
        const site = await liveSite(manager, actor, fields.siteId);
        if (site.departementCode !== before.departementCode) {
          throw new DomainException('BAD_INPUT', 'siteId : le terrain doit être du même département.');
        }
      }
      return changes;
    });
  }

  start(actor: AuditActor, id: string, dto: VersionDto): Promise<AccessIssueDetail> {
    return this.change(actor, id, dto.version, 'started', (_, before) => startChanges(before));
  }

  /** Resolves the issue; the measures given are linked to it in the same transaction. */
  resolve(actor: AuditActor, id: string, dto: ResolveAccessIssueDto): Promise<AccessIssueDetail> {
    const measureIds = dto.measureIds ?? [];
    return this.change(
      actor,
      id,
      dto.version,
      'resolved',
      async (manager, before) => {
        const changes = closeChanges(before, 'resolve', dto);
        await assertMeasuresIn(manager, before.departementCode, measureIds);
        return changes;
      },
      (manager, after) => linkMeasuresToIssue(manager, after.id, measureIds),
    );
  }

  wontFix(actor: AuditActor, id: string, dto: CloseAccessIssueDto): Promise<AccessIssueDetail> {
    return this.change(actor, id, dto.version, 'wont_fix', (_, before) => closeChanges(before, 'wont_fix', dto));
  }

  reopen(actor: AuditActor, id: string, dto: VersionDto): Promise<AccessIssueDetail> {
    return this.change(actor, id, dto.version, 'reopened', (_, before) => reopenChanges(before));
  }

  /** Archives (`true`) or restores; without a version, the current one is used. */
  setArchived(actor: AuditActor, id: string, version: number | undefined, archived: boolean) {
    return this.db.transaction(async (manager) =>
      accessIssueDetail(
        manager,
        await setArchivedIn(manager, this.audit, actor, version, archived, (v) => this.base(manager, id, v)),
      ),
    );
  }

  /** A versioned, audited change, in one transaction (extra writes after the update). */
  private change(
    actor: AuditActor,
    id: string,
    version: number,
    action: string,
    compute: (manager: EntityManager, before: AccessIssue) => Partial<AccessIssue> | Promise<Partial<AccessIssue>>,
    after?: (manager: EntityManager, after: AccessIssue) => Promise<void>,
  ): Promise<AccessIssueDetail> {
    return this.db.transaction(async (manager) => {
      const row = await applyVersionedChange(manager, this.audit, actor, {
        ...this.base(manager, id, version),
        action,
        changes: (before) => compute(manager, before),
        after: after ? (saved) => after(manager, saved) : undefined,
      });
      return accessIssueDetail(manager, row);
    });
  }

  private base(
    manager: EntityManager,
    id: string,
    version: number,
  ): Omit<VersionedChange<AccessIssue>, 'action' | 'changes'> {
    return {
      target: AccessIssue,
      entityType: ISSUE_AUDIT_ENTITY_TYPES.accessIssue,
      label: LABEL,
      id,
      version,
      snapshot: (row) => accessIssueSnapshot(manager, row),
    };
  }
}

/** The site of an issue: live, and in the actor's département (400 otherwise: it is a field of the body). */
async function liveSite(manager: EntityManager, actor: Actor, id: string): Promise<TrainingSite> {
  const site = await manager.getRepository(TrainingSite).findOneBy({ id });
  if (!site || !canSee(actor, site.departementCode) || site.archivedAt) {
    throw new DomainException('BAD_INPUT', 'siteId : terrain introuvable dans votre département (ou archivé).');
  }
  return site;
}
