import {
  type CandidateReferralView,
  hasPermission,
  type MsuStage,
  type Page,
  type ReferralFollowUpView,
  todayInFrance,
} from '@maillage/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, IsNull } from 'typeorm';

import { AuditService } from '../common/audit/audit.service';
import { DomainException } from '../common/errors/domain-exception';
import { DomainEvents } from '../common/events/domain-events';
import { applyVersionedChange, type AuditActor, type VersionedChange } from '../common/persistence/scoped-records';
import type { Actor } from '../common/scope/territory-scope';
import type { HistoryPageQuery } from '../professionals/dto/stage.dto';
import { moveStage } from '../professionals/msu-stage';
import { insertProfessional } from '../professionals/professional-writes';
import { Professional } from '../professionals/professional.entity';
import { withRppsConflict } from '../professionals/rpps-conflict';
import { User } from '../users/user.entity';
import { CandidateReferral } from './candidate-referral.entity';
import type { AssignReferralDto, CloseReferralDto, FollowUpDto } from './dto/referral.dto';
import { ReferralFollowUp } from './referral-follow-up.entity';
import { REFERRAL_ENTITY, REFERRAL_LABEL, referralSnapshot, toFollowUpView } from './referral.mapper';
import { assertOpen, ReferralsService } from './referrals.service';

/** Stages from which a converted referral puts the professional at `contacted`. */
const ENTRY_STAGES: readonly MsuStage[] = ['identified', 'declined', 'retired'];
const CONVERSION_NOTE = 'Entrée dans le parcours MSU à la suite d’un signalement du CDOM.';

/**
 * What assigning an open referral to `userId` writes (the single action and the bulk one): the
 * account must be an active mission officer of the referral's département.
 */
export async function referralAssignment(
  manager: EntityManager,
  before: CandidateReferral,
  userId: string,
): Promise<Partial<CandidateReferral>> {
  const user = await manager.getRepository(User).findOneBy({ id: userId });
  const fits =
    user?.isActive && hasPermission(user.role, 'referrals.handle') && user.departementCode === before.departementCode;
  if (!fits) {
    throw new DomainException(
      'BAD_INPUT',
      'userId : le compte doit être celui d’un chargé de mission actif du département.',
    );
  }
  return { assignedToId: userId, status: before.status === 'new' ? 'assigned' : before.status };
}

/** The mission officer's work on a referral: assign, follow up, close (and convert). */
@Injectable()
export class ReferralActionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly referrals: ReferralsService,
    private readonly events: DomainEvents,
  ) {}

  async assign(actor: AuditActor, id: string, version: number, dto: AssignReferralDto): Promise<CandidateReferralView> {
    return this.change(actor, id, version, 'assigned', (manager, before) =>
      referralAssignment(manager, before, dto.userId),
    );
  }

  /** Appends a follow-up; the referral row is locked so that follow-ups never conflict. */
  async followUp(actor: AuditActor, id: string, dto: FollowUpDto): Promise<ReferralFollowUpView> {
    return this.db.transaction(async (manager) => {
      await lockReferral(manager, id);
      const { version } = await this.referrals.findVisible(manager, actor, id);
      const occurredAt = dto.occurredAt ? new Date(dto.occurredAt) : new Date();
      const repo = manager.getRepository(ReferralFollowUp);
      const followUp = await repo.save(repo.create({ referralId: id, occurredAt, note: dto.note, actorId: actor.id }));
      await applyVersionedChange(
        manager,
        this.audit,
        actor,
        this.referralChange(id, version, 'followed_up', (before) => {
          assertOpen(before);
          const last = before.lastFollowUpAt && before.lastFollowUpAt > occurredAt ? before.lastFollowUpAt : occurredAt;
          return { lastFollowUpAt: last, status: 'in_progress' };
        }),
      );
      return toFollowUpView(followUp);
    });
  }

  async followUps(actor: Actor, id: string, query: HistoryPageQuery): Promise<Page<ReferralFollowUpView>> {
    await this.referrals.findVisible(this.db.manager, actor, id);
    const [rows, total] = await this.db.getRepository(ReferralFollowUp).findAndCount({
      where: { referralId: id },
      order: { occurredAt: 'DESC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items: rows.map(toFollowUpView), total, page: query.page, pageSize: query.pageSize };
  }

  /** Closes once; `converted` links or creates the professional and puts it in the pipeline, in the same transaction. */
  async close(actor: AuditActor, id: string, version: number, dto: CloseReferralDto): Promise<CandidateReferralView> {
    return withRppsConflict(() =>
      this.change(
        actor,
        id,
        version,
        dto.outcome,
        async (manager, before) => {
          const professionalId =
            dto.outcome === 'converted' ? await this.convert(manager, actor, before) : before.professionalId;
          return { status: dto.outcome, closedAt: new Date(), outcomeNote: dto.note, professionalId };
        },
        (manager) => this.events.publish(manager, { type: 'referral.closed', referralId: id, actor }),
      ),
    );
  }

  private async convert(manager: EntityManager, actor: AuditActor, referral: CandidateReferral): Promise<string> {
    const repo = manager.getRepository(Professional);
    const existing = referral.professionalId
      ? await repo.findOne({ where: { id: referral.professionalId }, lock: { mode: 'pessimistic_write' } })
      : referral.rpps
        ? await repo.findOne({
            where: { rpps: referral.rpps, departementCode: referral.departementCode, archivedAt: IsNull() },
            lock: { mode: 'pessimistic_write' },
          })
        : null;
    if (existing) {
      if (existing.archivedAt !== null) {
        throw new DomainException(
          'INVALID_STATE',
          'Le professionnel lié est archivé : restaurez-le avant de convertir ce signalement.',
        );
      }
      if (ENTRY_STAGES.includes(existing.msuStage)) {
        await moveStage(manager, this.audit, actor, existing.id, existing.version, {
          toStage: 'contacted',
          date: todayInFrance(),
          note: CONVERSION_NOTE,
        });
      }
      return existing.id;
    }
    const created = await insertProfessional(
      manager,
      this.audit,
      actor,
      {
        departementCode: referral.departementCode,
        civility: referral.civility,
        firstName: referral.firstName,
        lastName: referral.lastName,
        rpps: referral.rpps,
        profession: 'Médecin',
        specialty: referral.specialty,
        practiceMode: null,
        email: null,
        phone: null,
        firstInstallationYear: null,
        contactConsent: false,
        msuStage: 'contacted',
        msuStageSince: todayInFrance(),
        initialTrainingDate: null,
        initialTrainingCycle: null,
        notes: null,
      },
      [],
      CONVERSION_NOTE,
    );
    return created.id;
  }

  private change(
    actor: AuditActor,
    id: string,
    version: number,
    action: string,
    compute: (manager: EntityManager, before: CandidateReferral) => Promise<Partial<CandidateReferral>>,
    then?: (manager: EntityManager) => Promise<void>,
  ): Promise<CandidateReferralView> {
    return this.db.transaction(async (manager) => {
      // Concurrent actions on one referral wait for each other, then the loser answers 409 before any write.
      await lockReferral(manager, id);
      const after = await applyVersionedChange(
        manager,
        this.audit,
        actor,
        this.referralChange(id, version, action, (before) => {
          if (before.version !== version) throw DomainException.versionConflict();
          assertOpen(before);
          return compute(manager, before);
        }),
      );
      await then?.(manager);
      return this.referrals.view(manager, after, actor);
    });
  }

  private referralChange(
    id: string,
    version: number,
    action: string,
    changes: VersionedChange<CandidateReferral>['changes'],
  ): VersionedChange<CandidateReferral> {
    return {
      target: CandidateReferral,
      entityType: REFERRAL_ENTITY,
      label: REFERRAL_LABEL,
      id,
      version,
      action,
      changes,
      snapshot: referralSnapshot,
    };
  }
}

async function lockReferral(manager: EntityManager, id: string): Promise<void> {
  await manager
    .getRepository(CandidateReferral)
    .createQueryBuilder('r')
    .setLock('pessimistic_write')
    .where('r.id = :id', { id })
    .getOne();
}
