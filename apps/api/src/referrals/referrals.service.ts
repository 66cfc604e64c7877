import { type CandidateReferralView, isReferralClosed, type Page, REFERRAL_OUTCOMES } from '@maillage/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, IsNull, Not, type Repository, type SelectQueryBuilder } from 'typeorm';

import { AuditService } from '../common/audit/audit.service';
import { DomainException } from '../common/errors/domain-exception';
import { DomainEvents } from '../common/events/domain-events';
import { escapeLike, paginate } from '../common/http/paging';
import { type AuditActor, findScoped } from '../common/persistence/scoped-records';
import type { Viewer } from '../common/privacy/personal-fields';
import { type Actor, departementForWrite, scopeQuery } from '../common/scope/territory-scope';
import { Professional } from '../professionals/professional.entity';
import { assertCommunesIn } from '../territory/commune-checks';
import { userRefsOf } from '../users/user-refs';
import { CandidateReferral } from './candidate-referral.entity';
import type { CreateReferralDto, ListReferralsQuery } from './dto/referral.dto';
import { REFERRAL_ENTITY, REFERRAL_LABEL, referralSnapshot, toReferralView } from './referral.mapper';

const STATUS_RANK = `CASE r.status WHEN 'new' THEN 0 WHEN 'assigned' THEN 1 WHEN 'in_progress' THEN 1 ELSE 2 END`;
const PRIORITY_RANK = `CASE r.priority WHEN 'high' THEN 0 WHEN 'normal' THEN 1 ELSE 2 END`;
const SORTABLE = {
  createdAt: 'r.createdAt',
  updatedAt: 'r.updatedAt',
  priority: PRIORITY_RANK,
  status: STATUS_RANK,
  lastFollowUpAt: 'r.lastFollowUpAt',
};
/** The CDOM sees the referrals made by CDOM users of its département, not the Département's own. */
export const MADE_BY_CDOM = `EXISTS (SELECT 1 FROM users referrer WHERE referrer.id = r.referred_by_id AND referrer.role = 'cdom')`;

/** CDOM referrals: creation and reads. The mission officer's actions are in `ReferralActionsService`. */
@Injectable()
export class ReferralsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
  ) {}

  /** Default order: new first, then high priority first, then the most recent. */
  async list(actor: Actor, query: ListReferralsQuery): Promise<Page<CandidateReferralView>> {
    const qb = referralListQuery(this.db.getRepository(CandidateReferral), actor, query);
    if (!query.sort) qb.orderBy(STATUS_RANK, 'ASC').addOrderBy(PRIORITY_RANK, 'ASC');
    const page = await paginate(qb, query, SORTABLE, 'createdAt:desc', (r) => r);
    const users = await userRefsOf(
      this.db.manager,
      page.items.flatMap((r) => [r.referredById, r.assignedToId]),
    );
    return { ...page, items: page.items.map((r) => toReferralView(r, users, actor)) };
  }

  async get(actor: Actor, id: string): Promise<CandidateReferralView> {
    return this.view(this.db.manager, await this.findVisible(this.db.manager, actor, id), actor);
  }

  async create(actor: AuditActor, dto: CreateReferralDto): Promise<CandidateReferralView> {
    const departementCode = departementForWrite(actor, dto.departementCode);
    return this.db.transaction(async (manager) => {
      const identity = await this.identityOf(manager, departementCode, dto);
      if (identity.professionalId && (await this.hasOpenReferral(manager, identity.professionalId))) {
        throw new DomainException('DUPLICATE', 'Un signalement est déjà en cours pour ce professionnel.');
      }
      const repo = manager.getRepository(CandidateReferral);
      const referral = await repo.save(
        repo.create({
          ...identity,
          departementCode,
          reason: dto.reason,
          priority: dto.priority ?? 'normal',
          status: 'new',
          referredById: actor.id,
          assignedToId: null,
          lastFollowUpAt: null,
          closedAt: null,
          outcomeNote: null,
          archivedAt: null,
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'created',
        entityType: REFERRAL_ENTITY,
        entityId: referral.id,
        departementCode,
        after: referralSnapshot(referral),
      });
      await this.events.publish(manager, { type: 'referral.created', referralId: referral.id, actor });
      return this.view(manager, referral, actor);
    });
  }

  /** A referral the actor may read: in scope, and for the CDOM only those made by the CDOM. */
  async findVisible(manager: EntityManager, actor: Actor, id: string): Promise<CandidateReferral> {
    const referral = await findScoped(manager, actor, CandidateReferral, id, REFERRAL_LABEL);
    if (actor.role === 'cdom') {
      const byCdom = await manager
        .getRepository(CandidateReferral)
        .createQueryBuilder('r')
        .where('r.id = :id', { id })
        .andWhere(MADE_BY_CDOM)
        .getExists();
      if (!byCdom) throw DomainException.notFound(REFERRAL_LABEL);
    }
    return referral;
  }

  async view(manager: EntityManager, referral: CandidateReferral, viewer: Viewer): Promise<CandidateReferralView> {
    return toReferralView(referral, await userRefsOf(manager, [referral.referredById, referral.assignedToId]), viewer);
  }

  /**
   * The identity of the candidate: copied from the registry when `professionalId` is given;
   * otherwise the one given, linked to the registry when its RPPS is already there.
   */
  private async identityOf(manager: EntityManager, departementCode: string, dto: CreateReferralDto) {
    const { professionalId, civility, firstName, lastName, rpps, specialty, communeCode } = dto;
    if (professionalId) {
      const given = Object.entries({ civility, firstName, lastName, rpps, specialty }).filter(
        ([, v]) => v !== undefined && v !== null,
      );
      if (given.length > 0) {
        throw new DomainException(
          'BAD_INPUT',
          `professionalId : l’identité vient du registre, ne précisez pas ${given.map(([k]) => k).join(', ')}.`,
        );
      }
      const p = await manager
        .getRepository(Professional)
        .findOneBy({ id: professionalId, departementCode, archivedAt: IsNull() });
      if (!p)
        throw new DomainException(
          'BAD_INPUT',
          'professionalId : professionnel inconnu ou archivé dans ce département.',
        );
      await assertCommunesIn(manager, communeCode ? [communeCode] : [], departementCode, 'communeCode');
      return {
        professionalId,
        civility: p.civility,
        firstName: p.firstName,
        lastName: p.lastName,
        rpps: p.rpps,
        specialty: p.specialty,
        communeCode: communeCode ?? null,
      };
    }
    if (!firstName || !lastName) {
      throw new DomainException(
        'BAD_INPUT',
        'firstName, lastName : le prénom et le nom sont obligatoires (ou professionalId d’un professionnel du registre).',
      );
    }
    await assertCommunesIn(manager, communeCode ? [communeCode] : [], departementCode, 'communeCode');
    const known = rpps
      ? await manager.getRepository(Professional).findOneBy({ rpps, departementCode, archivedAt: IsNull() })
      : null;
    return {
      professionalId: known?.id ?? null,
      civility: civility ?? null,
      firstName,
      lastName,
      rpps: rpps ?? null,
      specialty: specialty ?? null,
      communeCode: communeCode ?? null,
    };
  }

  private hasOpenReferral(manager: EntityManager, professionalId: string): Promise<boolean> {
    return manager
      .getRepository(CandidateReferral)
      .existsBy({ professionalId, archivedAt: IsNull(), status: Not(In([...REFERRAL_OUTCOMES])) });
  }
}

/** The filtered list query of `GET /api/candidate-referrals` (and of bulk actions), scoped to the actor. */
export function referralListQuery(
  repo: Repository<CandidateReferral>,
  actor: Actor,
  query: ListReferralsQuery,
): SelectQueryBuilder<CandidateReferral> {
  const qb = scopeQuery(repo.createQueryBuilder('r'), actor).andWhere('r.archivedAt IS NULL');
  if (actor.role === 'cdom') qb.andWhere(MADE_BY_CDOM);
  if (query.status?.length) qb.andWhere('r.status IN (:...statuses)', { statuses: query.status });
  if (query.open !== undefined)
    qb.andWhere(`r.status ${query.open ? 'NOT IN' : 'IN'} (:...closed)`, { closed: REFERRAL_OUTCOMES });
  if (query.priority) qb.andWhere('r.priority = :priority', { priority: query.priority });
  if (query.assignedTo)
    qb.andWhere('r.assignedToId = :assignedTo', {
      assignedTo: query.assignedTo === 'me' ? actor.id : query.assignedTo,
    });
  if (query.referredBy)
    qb.andWhere('r.referredById = :referredBy', {
      referredBy: query.referredBy === 'me' ? actor.id : query.referredBy,
    });
  if (query.professional) qb.andWhere('r.professionalId = :professional', { professional: query.professional });
  if (query.q) {
    qb.andWhere('(r.lastName ILIKE :q OR r.firstName ILIKE :q OR r.rpps LIKE :q)', { q: `%${escapeLike(query.q)}%` });
  }
  return qb;
}

export function assertOpen(referral: CandidateReferral): void {
  if (isReferralClosed(referral.status) || referral.archivedAt !== null) {
    throw new DomainException('INVALID_STATE', 'Ce signalement est déjà clos.');
  }
}
