import {
  AUDIT_ENTITY_TYPES,
  type BulkResource,
  FIELDWORK_AUDIT_ENTITY_TYPES,
  professionalDisplayName,
  type TaskSubject,
} from '@maillage/shared/domain';
import { type EntityManager, type EntityTarget, type SelectQueryBuilder } from 'typeorm';

import { accreditationFilters } from '../accreditations/accreditation-query';
import { accreditationSnapshot, holderIdOf, holderNames } from '../accreditations/accreditation-views';
import { Accreditation } from '../accreditations/accreditation.entity';
import type { ListAccreditationsQuery } from '../accreditations/dto/list-accreditations.query';
import { DomainException } from '../common/errors/domain-exception';
import type { Snapshot } from '../common/persistence/scoped-records';
import { namedWhere, SqlParams } from '../common/persistence/sql';
import type { ScopedEntity } from '../common/scope/scoped.entity';
import type { Actor } from '../common/scope/territory-scope';
import { accreditationRulesOf, type AppConfig } from '../config/app-config';
import type { ListProfessionalsQuery } from '../professionals/dto/list-professionals.query';
import { Professional } from '../professionals/professional.entity';
import { PROFESSIONAL_ENTITY, PROFESSIONAL_LABEL, professionalSnapshot } from '../professionals/professional.mapper';
import type { ProfessionalsQueryService } from '../professionals/professionals-query.service';
import { CandidateReferral } from '../referrals/candidate-referral.entity';
import type { ListReferralsQuery } from '../referrals/dto/referral.dto';
import { referralAssignment } from '../referrals/referral-actions.service';
import { REFERRAL_ENTITY, REFERRAL_LABEL, referralSnapshot } from '../referrals/referral.mapper';
import { assertOpen, MADE_BY_CDOM, referralListQuery } from '../referrals/referrals.service';
import type { ListSitesQuery } from '../sites/dto/list-sites.query';
import { siteFilters } from '../sites/site-query';
import { siteSnapshot } from '../sites/site-views';
import { TrainingSite } from '../sites/training-site.entity';
import type { ListTasksQuery } from '../tasks/dto/list-tasks.query';
import { taskListQuery } from '../tasks/task-query';
import { TASK_LABEL, taskSnapshot } from '../tasks/task-views';
import { Task } from '../tasks/task.entity';

export interface BulkContext {
  manager: EntityManager;
  actor: Actor;
  today: string;
  config: AppConfig;
  professionals: ProfessionalsQueryService;
}

/** What bulk actions need to know of one list. */
export interface BulkSpec<T extends ScopedEntity = ScopedEntity> {
  target: EntityTarget<T>;
  /** Audit entity type and French label (404, history), as the single edits write them. */
  entityType: string;
  label: string;
  snapshot: (manager: EntityManager, row: T) => Snapshot | Promise<Snapshot>;
  /** The subject of a task created on a record of this list (`null`: no such task). */
  taskSubject: TaskSubject | null;
  /** The list's own query for these filters (`GET /api/<list>`). */
  listQuery: (ctx: BulkContext, filters: object) => SelectQueryBuilder<T>;
  /** Rows among `rows` the actor may not see beyond the département rule (the CDOM and referrals). */
  hidden?: (ctx: BulkContext, rows: T[]) => Promise<Set<string>>;
  /** How the list names each record. */
  names: (manager: EntityManager, rows: T[]) => Promise<Map<string, string>>;
  /** `assign` on this list: the audit action and what giving `row` to `ownerId` writes (tasks by default). */
  assign?: {
    action: string;
    changes: (manager: EntityManager, row: T, ownerId: string | null) => Promise<Partial<T>>;
  };
}

/** The records a list's SQL filters select (written with `SqlParams`), as a query builder on `alias`. */
function byFilters<T extends ScopedEntity>(
  ctx: BulkContext,
  target: EntityTarget<T>,
  alias: string,
  filters: (params: SqlParams) => string,
): SelectQueryBuilder<T> {
  const params = new SqlParams();
  const { where, parameters } = namedWhere(filters(params), params);
  return ctx.manager.getRepository(target).createQueryBuilder(alias).where(where, parameters);
}

const byId = <T extends { id: string }>(rows: T[], name: (row: T) => string) =>
  Promise.resolve(new Map(rows.map((r) => [r.id, name(r)])));

const sites: BulkSpec<TrainingSite> = {
  target: TrainingSite,
  entityType: AUDIT_ENTITY_TYPES.site,
  label: 'Terrain de stage',
  snapshot: (manager, row) => siteSnapshot(manager, row),
  taskSubject: 'site',
  listQuery: (ctx, filters) =>
    byFilters(ctx, TrainingSite, 's', (params) => siteFilters(ctx.actor, filters as ListSitesQuery, ctx.today, params)),
  names: (_, rows) => byId(rows, (s) => s.name),
};

const professionals: BulkSpec<Professional> = {
  target: Professional,
  entityType: PROFESSIONAL_ENTITY,
  label: PROFESSIONAL_LABEL,
  snapshot: (manager, row) => professionalSnapshot(manager, row),
  taskSubject: 'professional',
  listQuery: (ctx, filters) => ctx.professionals.filtered(ctx.actor, filters as ListProfessionalsQuery),
  names: (_, rows) => byId(rows, professionalDisplayName),
};

const accreditations: BulkSpec<Accreditation> = {
  target: Accreditation,
  entityType: AUDIT_ENTITY_TYPES.accreditation,
  label: 'Agrément',
  snapshot: (_, row) => accreditationSnapshot(row),
  taskSubject: 'accreditation',
  listQuery: (ctx, filters) =>
    byFilters(ctx, Accreditation, 'a', (params) =>
      accreditationFilters(
        ctx.actor,
        filters as ListAccreditationsQuery,
        ctx.today,
        accreditationRulesOf(ctx.config),
        params,
      ),
    ),
  names: async (manager, rows) => {
    const holders = await holderNames(manager, rows);
    return new Map(rows.map((a) => [a.id, `Agrément de ${holders.get(holderIdOf(a)) ?? ''}`]));
  },
};

const tasks: BulkSpec<Task> = {
  target: Task,
  entityType: FIELDWORK_AUDIT_ENTITY_TYPES.task,
  label: TASK_LABEL,
  snapshot: (_, row) => taskSnapshot(row),
  taskSubject: null,
  listQuery: (ctx, filters) =>
    taskListQuery(ctx.manager.getRepository(Task), ctx.actor, filters as ListTasksQuery, ctx.today),
  names: (_, rows) => byId(rows, (t) => t.title),
};

const referrals: BulkSpec<CandidateReferral> = {
  target: CandidateReferral,
  entityType: REFERRAL_ENTITY,
  label: REFERRAL_LABEL,
  snapshot: (_, row) => referralSnapshot(row),
  taskSubject: 'referral',
  listQuery: (ctx, filters) =>
    referralListQuery(ctx.manager.getRepository(CandidateReferral), ctx.actor, filters as ListReferralsQuery),
  hidden: async (ctx, rows) => {
    if (ctx.actor.role !== 'cdom' || rows.length === 0) return new Set();
    const visible = await ctx.manager
      .getRepository(CandidateReferral)
      .createQueryBuilder('r')
      .select('r.id', 'id')
      .where('r.id IN (:...ids)', { ids: rows.map((r) => r.id) })
      .andWhere(MADE_BY_CDOM)
      .getRawMany<{ id: string }>();
    const ids = new Set(visible.map((v) => v.id));
    return new Set(rows.filter((r) => !ids.has(r.id)).map((r) => r.id));
  },
  names: (_, rows) => byId(rows, professionalDisplayName),
  assign: {
    action: 'assigned',
    changes: (manager, row, ownerId) => {
      assertOpen(row);
      if (ownerId === null) {
        throw new DomainException('BAD_INPUT', 'owner.ownerId : un signalement est attribué à un chargé de mission.');
      }
      return referralAssignment(manager, row, ownerId);
    },
  },
};

export const BULK_SPECS: Readonly<Record<BulkResource, BulkSpec>> = {
  sites: sites as unknown as BulkSpec,
  professionals: professionals as unknown as BulkSpec,
  accreditations: accreditations as unknown as BulkSpec,
  tasks: tasks as unknown as BulkSpec,
  'candidate-referrals': referrals as unknown as BulkSpec,
};
