import {
  type AccreditationDetail,
  type AccreditationSummary,
  AUDIT_ENTITY_TYPES,
  type Page,
  professionalDisplayName,
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
  findScoped,
  setArchivedIn,
  type VersionedChange,
  whileLive,
} from '../common/persistence/scoped-records';
import { pageOf, sqlRows } from '../common/persistence/sql';
import type { Actor } from '../common/scope/territory-scope';
import { accreditationRulesOf, AppConfig } from '../config/app-config';
import { findHolder, followsWithdrawal, holderName } from './accreditation-holders';
import { accreditationCountSql, accreditationListSql, type AccreditationRow } from './accreditation-query';
import { renewalOf } from './accreditation-renewal';
import { checkCoverage, resolveDates, withNote } from './accreditation-rules';
import { editChanges, expireChanges, grantChanges, reviewChanges, withdrawChanges } from './accreditation-transitions';
import {
  accreditationSnapshot,
  holderIdOf,
  holderNames,
  renewalsOf,
  toAccreditationDetail,
  toAccreditationSummary,
} from './accreditation-views';
import { Accreditation } from './accreditation.entity';
import type {
  AccreditationActionDto,
  GrantAccreditationDto,
  RenewAccreditationDto,
  WithdrawAccreditationDto,
} from './dto/accreditation-actions.dto';
import type { CreateAccreditationDto, UpdateAccreditationDto } from './dto/accreditation.dto';
import type { ListAccreditationsQuery } from './dto/list-accreditations.query';

const LABEL = 'Agrément';
const DATED_STATUSES = ['granted', 'conditional', 'expired'];

type Compute = (before: Accreditation, today: string) => Partial<Accreditation>;

@Injectable()
export class AccreditationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  private get rules() {
    return accreditationRulesOf(this.config);
  }

  /** `today` (ISO date) decides validity and the expiry filters; it defaults to today in France. */
  async list(
    actor: Actor,
    query: ListAccreditationsQuery,
    today = todayInFrance(),
  ): Promise<Page<AccreditationSummary>> {
    const page = accreditationListSql(actor, query, today, this.rules);
    const rows = await sqlRows<AccreditationRow>(this.db, page.text, page.values);
    const holder = (a: AccreditationRow) =>
      a.siteId !== null
        ? (a.siteName ?? '')
        : professionalDisplayName({ ...a, firstName: a.firstName ?? '', lastName: a.lastName ?? '' });
    return pageOf(
      rows,
      query,
      (a) => toAccreditationSummary(a, holder(a), today, this.rules, a.renewedById, a.renewed),
      async () => {
        const count = accreditationCountSql(actor, query, today, this.rules);
        return (await sqlRows<{ total: number }>(this.db, count.text, count.values))[0].total;
      },
    );
  }

  async get(actor: Actor, id: string, today = todayInFrance()): Promise<AccreditationDetail> {
    return this.detail(this.db.manager, await findScoped(this.db.manager, actor, Accreditation, id, LABEL), today);
  }

  /** A request (`requested`), or a past accreditation recorded with its status and dates. */
  create(actor: AuditActor, dto: CreateAccreditationDto): Promise<AccreditationDetail> {
    return this.db.transaction(async (manager) => {
      const holder = await findHolder(manager, actor, dto);
      const phases = dto.phases ?? [];
      checkCoverage(dto.cycle, dto.stageTypes, phases);
      const status = dto.status ?? 'requested';
      if (DATED_STATUSES.includes(status) && !dto.startDate) {
        throw new DomainException(
          'BAD_INPUT',
          'startDate : obligatoire pour un agrément accordé, conditionnel ou expiré.',
        );
      }
      const afterWithdrawal =
        dto.afterWithdrawal ?? (status === 'conditional' || (await followsWithdrawal(manager, holder, dto.cycle)));
      const conditional = afterWithdrawal && status !== 'granted';
      const dates = resolveDates(dto.startDate ?? null, dto.endDate ?? null, dto.cycle, conditional, this.rules);
      const repo = manager.getRepository(Accreditation);
      const saved = await repo.save(
        repo.create({
          ...dto,
          ...dates,
          professionalId: holder.kind === 'professional' ? holder.row.id : null,
          siteId: holder.kind === 'site' ? holder.row.id : null,
          departementCode: holder.row.departementCode,
          phases,
          status,
          afterWithdrawal,
          reference: dto.reference ?? null,
          notes: dto.notes ?? null,
          archivedAt: null,
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'created',
        entityType: AUDIT_ENTITY_TYPES.accreditation,
        entityId: saved.id,
        departementCode: saved.departementCode,
        after: { holder: holderName(holder), ...accreditationSnapshot(saved) },
      });
      return this.detail(manager, await repo.findOneByOrFail({ id: saved.id }));
    });
  }

  update(actor: AuditActor, id: string, dto: UpdateAccreditationDto): Promise<AccreditationDetail> {
    const { version, ...fields } = dto;
    return this.change(actor, id, version, 'updated', (before) => editChanges(before, fields, this.rules));
  }

  review(actor: AuditActor, id: string, dto: AccreditationActionDto): Promise<AccreditationDetail> {
    return this.change(actor, id, dto.version, 'reviewed', (before, today) => reviewChanges(before, dto.note, today));
  }

  grant(actor: AuditActor, id: string, dto: GrantAccreditationDto): Promise<AccreditationDetail> {
    return this.change(actor, id, dto.version, 'granted', (before, today) =>
      grantChanges(before, dto, today, this.rules),
    );
  }

  withdraw(actor: AuditActor, id: string, dto: WithdrawAccreditationDto): Promise<AccreditationDetail> {
    return this.change(actor, id, dto.version, 'withdrawn', (before) => withdrawChanges(before, dto));
  }

  expire(actor: AuditActor, id: string, dto: AccreditationActionDto): Promise<AccreditationDetail> {
    return this.change(actor, id, dto.version, 'expired', (before, today) => expireChanges(before, dto.note, today));
  }

  /**
   * Records the renewal of an accreditation: a new accreditation that continues it from the
   * day after it ends. The renewed one keeps its dates and gains a `renewed` event; the renewal
   * gets its `created` event naming the one it renews (the chain the history shows).
   */
  renew(actor: AuditActor, id: string, dto: RenewAccreditationDto): Promise<AccreditationDetail> {
    const today = todayInFrance();
    return this.db.transaction(async (manager) => {
      const repo = manager.getRepository(Accreditation);
      let renewalId = '';
      await applyVersionedChange(manager, this.audit, actor, {
        ...this.base(id, dto.version),
        action: 'renewed',
        changes: async (before) => {
          const renewedBy = await repo.findOne({ select: { id: true }, where: { renewsId: before.id } });
          const row = renewalOf(before, renewedBy?.id ?? null, dto, this.rules);
          renewalId = (await repo.save(repo.create(row))).id;
          return { notes: withNote(before.notes, today, 'Renouvellement', `continué par l’agrément ${renewalId}`) };
        },
      });
      const saved = await repo.findOneByOrFail({ id: renewalId });
      await this.audit.record(manager, actor, {
        action: 'created',
        entityType: AUDIT_ENTITY_TYPES.accreditation,
        entityId: saved.id,
        departementCode: saved.departementCode,
        after: accreditationSnapshot(saved),
      });
      return this.detail(manager, saved, today);
    });
  }

  /** Archives (`true`) or restores; without a version, the current one is used. */
  setArchived(
    actor: AuditActor,
    id: string,
    version: number | undefined,
    archived: boolean,
  ): Promise<AccreditationDetail> {
    return this.db.transaction(async (manager) =>
      this.detail(manager, await setArchivedIn(manager, this.audit, actor, version, archived, (v) => this.base(id, v))),
    );
  }

  /** A versioned, audited change of a live accreditation, in one transaction. */
  private change(
    actor: AuditActor,
    id: string,
    version: number,
    action: string,
    compute: Compute,
  ): Promise<AccreditationDetail> {
    const today = todayInFrance();
    return this.db.transaction(async (manager) => {
      const after = await applyVersionedChange(manager, this.audit, actor, {
        ...this.base(id, version),
        action,
        changes: whileLive('Cet agrément est archivé : restaurez-le avant de le modifier.', (before) =>
          compute(before, today),
        ),
      });
      return this.detail(manager, after, today);
    });
  }

  private base(id: string, version: number): Omit<VersionedChange<Accreditation>, 'action' | 'changes'> {
    return {
      target: Accreditation,
      entityType: AUDIT_ENTITY_TYPES.accreditation,
      label: LABEL,
      id,
      version,
      snapshot: accreditationSnapshot,
    };
  }

  private async detail(
    manager: EntityManager,
    a: Accreditation,
    today = todayInFrance(),
  ): Promise<AccreditationDetail> {
    const names = await holderNames(manager, [a]);
    const renewals = await renewalsOf(manager, [a]);
    return toAccreditationDetail(a, names.get(holderIdOf(a)) ?? '', today, this.rules, renewals.get(a.id) ?? null);
  }
}
