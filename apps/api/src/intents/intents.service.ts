import type { InstallationIntentView, Page } from '@maillage/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, IsNull } from 'typeorm';

import { AuditService } from '../common/audit/audit.service';
import { DomainException } from '../common/errors/domain-exception';
import { DomainEvents } from '../common/events/domain-events';
import { escapeLike, paginate } from '../common/http/paging';
import {
  applyVersionedChange,
  type AuditActor,
  findScoped,
  setArchivedIn,
  type VersionedChange,
} from '../common/persistence/scoped-records';
import type { Viewer } from '../common/privacy/personal-fields';
import { type Actor, departementForWrite, scopeQuery } from '../common/scope/territory-scope';
import { Professional } from '../professionals/professional.entity';
import { assertCommunesIn } from '../territory/commune-checks';
import { userRefsOf } from '../users/user-refs';
import type { CreateIntentDto, ListIntentsQuery, UpdateIntentDto } from './dto/intent.dto';
import { InstallationIntent } from './installation-intent.entity';
import { resolveIdentity, resolveSettlement } from './intent-rules';
import { INTENT_ENTITY, INTENT_LABEL, intentSnapshot, toIntentView } from './intent.mapper';

const STATUS_RANK = `CASE i.status WHEN 'intention' THEN 0 WHEN 'in_discussion' THEN 1 WHEN 'settled' THEN 2 ELSE 3 END`;
const HORIZON_RANK = `CASE i.horizon WHEN 'lt_6_months' THEN 0 WHEN '6_12_months' THEN 1 WHEN '1_2_years' THEN 2 ELSE 3 END`;
const SORTABLE = {
  createdAt: 'i.createdAt',
  updatedAt: 'i.updatedAt',
  status: STATUS_RANK,
  horizon: HORIZON_RANK,
  settledOn: 'i.settledOn',
};

/** Young doctors' plans to settle, reported by the CDOM; without consent only initials are kept. */
@Injectable()
export class IntentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
  ) {}

  async list(actor: Actor, query: ListIntentsQuery): Promise<Page<InstallationIntentView>> {
    const qb = scopeQuery(this.db.getRepository(InstallationIntent).createQueryBuilder('i'), actor);
    qb.andWhere(query.archived ? 'i.archivedAt IS NOT NULL' : 'i.archivedAt IS NULL');
    if (query.status?.length) qb.andWhere('i.status IN (:...statuses)', { statuses: query.status });
    if (query.horizon) qb.andWhere('i.horizon = :horizon', { horizon: query.horizon });
    if (query.commune) qb.andWhere(':commune = ANY(i.target_commune_codes)', { commune: query.commune });
    if (query.q) {
      qb.andWhere('(i.lastName ILIKE :q OR i.initials ILIKE :q OR i.specialty ILIKE :q OR i.faculty ILIKE :q)', {
        q: `%${escapeLike(query.q)}%`,
      });
    }
    const page = await paginate(qb, query, SORTABLE, 'createdAt:desc', (i) => i);
    const users = await userRefsOf(
      this.db.manager,
      page.items.map((i) => i.reportedById),
    );
    return { ...page, items: page.items.map((i) => toIntentView(i, users, actor)) };
  }

  async get(actor: Actor, id: string): Promise<InstallationIntentView> {
    return this.view(
      this.db.manager,
      await findScoped(this.db.manager, actor, InstallationIntent, id, INTENT_LABEL),
      actor,
    );
  }

  async create(actor: AuditActor, dto: CreateIntentDto): Promise<InstallationIntentView> {
    const departementCode = departementForWrite(actor, dto.departementCode);
    const identity = resolveIdentity(dto);
    const settlement = resolveSettlement(dto);
    return this.db.transaction(async (manager) => {
      await this.checkReferences(manager, departementCode, dto.targetCommuneCodes ?? [], settlement.professionalId);
      const repo = manager.getRepository(InstallationIntent);
      const intent = await repo.save(
        repo.create({
          ...identity,
          ...settlement,
          departementCode,
          specialty: dto.specialty,
          faculty: dto.faculty ?? null,
          targetCommuneCodes: dto.targetCommuneCodes ?? [],
          horizon: dto.horizon,
          supportOffered: dto.supportOffered ?? null,
          notes: dto.notes ?? null,
          reportedById: actor.id,
          archivedAt: null,
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'created',
        entityType: INTENT_ENTITY,
        entityId: intent.id,
        departementCode,
        after: intentSnapshot(intent),
      });
      await this.events.publish(manager, { type: 'intent.reported', intentId: intent.id, actor });
      return this.view(manager, intent, actor);
    });
  }

  async update(actor: AuditActor, id: string, version: number, dto: UpdateIntentDto): Promise<InstallationIntentView> {
    const {
      version: _version,
      consent,
      firstName,
      lastName,
      initials,
      status,
      settledOn,
      professionalId,
      ...rest
    } = dto;
    return this.change(actor, id, version, 'updated', async (manager, before) => {
      if (before.archivedAt !== null)
        throw new DomainException('INVALID_STATE', 'Cette intention est archivée : restaurez-la avant de la modifier.');
      const identity = resolveIdentity({ consent, firstName, lastName, initials }, before);
      const settlement = resolveSettlement({ status, settledOn, professionalId }, before);
      const linkChanged = settlement.professionalId !== before.professionalId ? settlement.professionalId : null;
      await this.checkReferences(manager, before.departementCode, rest.targetCommuneCodes ?? [], linkChanged);
      const values = Object.fromEntries(
        Object.entries(rest).filter(([, v]) => v !== undefined),
      ) as Partial<InstallationIntent>;
      return { ...values, ...identity, ...settlement };
    });
  }

  setArchived(
    actor: AuditActor,
    id: string,
    version: number | undefined,
    archived: boolean,
  ): Promise<InstallationIntentView> {
    return this.db.transaction(async (manager) =>
      this.view(
        manager,
        await setArchivedIn(manager, this.audit, actor, version, archived, (v) => this.base(id, v)),
        actor,
      ),
    );
  }

  private change(
    actor: AuditActor,
    id: string,
    version: number,
    action: string,
    compute: (manager: EntityManager, before: InstallationIntent) => Promise<Partial<InstallationIntent>>,
  ): Promise<InstallationIntentView> {
    return this.db.transaction(async (manager) => {
      const after = await applyVersionedChange(manager, this.audit, actor, {
        ...this.base(id, version),
        action,
        changes: (before) => compute(manager, before),
      });
      return this.view(manager, after, actor);
    });
  }

  private base(id: string, version: number): Omit<VersionedChange<InstallationIntent>, 'action' | 'changes'> {
    return {
      target: InstallationIntent,
      entityType: INTENT_ENTITY,
      label: INTENT_LABEL,
      id,
      version,
      snapshot: intentSnapshot,
    };
  }

  private async checkReferences(
    manager: EntityManager,
    departementCode: string,
    communes: string[],
    professionalId: string | null,
  ): Promise<void> {
    await assertCommunesIn(manager, communes, departementCode, 'targetCommuneCodes');
    if (
      professionalId &&
      !(await manager
        .getRepository(Professional)
        .existsBy({ id: professionalId, departementCode, archivedAt: IsNull() }))
    ) {
      throw new DomainException('BAD_INPUT', 'professionalId : professionnel inconnu ou archivé dans ce département.');
    }
  }

  private async view(
    manager: EntityManager,
    intent: InstallationIntent,
    viewer: Viewer,
  ): Promise<InstallationIntentView> {
    return toIntentView(intent, await userRefsOf(manager, [intent.reportedById]), viewer);
  }
}
