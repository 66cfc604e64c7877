import {
  BULK_ACTION_LABELS,
  BULK_ACTIONS_OF,
  BULK_MAX_CHANGES,
  BULK_MAX_EXPORT,
  type BulkResource,
  type BulkResult,
  hasPermission,
} from '@maillage/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';

import { AuditService } from '../common/audit/audit.service';
import { Clock } from '../common/clock/clock';
import { DomainException } from '../common/errors/domain-exception';
import type { AuditActor } from '../common/persistence/scoped-records';
import type { ScopedEntity } from '../common/scope/scoped.entity';
import { type Actor, canSee } from '../common/scope/territory-scope';
import { AppConfig } from '../config/app-config';
import { ProfessionalsQueryService } from '../professionals/professionals-query.service';
import { TasksService } from '../tasks/tasks.service';
import { applyBulkAction } from './bulk-actions';
import { toCsv } from './bulk-csv';
import { BULK_EXPORTS, EXPORT_NAMES } from './bulk-exports';
import { BULK_SPECS, type BulkContext, type BulkSpec } from './bulk-resources';
import type { BulkActionBody, BulkSelection } from './dto/bulk.dto';

interface Selected {
  /** The selection, in order, without duplicates. */
  ids: string[];
  /** The selected records the actor may see. */
  visible: Map<string, ScopedEntity>;
}

/**
 * Bulk actions on the main lists: the records chosen (`ids`) or all those matching the list's
 * filters, changed in one transaction. Each record goes through the same rules, versioned update
 * and audit as its single action, inside a savepoint: a record that may not change (another
 * département, a transition not allowed, already archived…) is refused and named, the others done.
 */
@Injectable()
export class BulkService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly tasks: TasksService,
    private readonly professionals: ProfessionalsQueryService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async run(actor: AuditActor, resource: BulkResource, body: BulkActionBody<object>): Promise<BulkResult> {
    const permission = BULK_ACTIONS_OF[resource].actions[body.action];
    if (!permission) throw new DomainException('BAD_INPUT', 'action : action impossible sur cette liste.');
    if (!hasPermission(actor.role, permission)) {
      throw new DomainException(
        'FORBIDDEN',
        `Votre rôle ne permet pas l’action « ${BULK_ACTION_LABELS[body.action]} » sur cette liste.`,
      );
    }
    const today = this.clock.today();
    if (body.action === 'move_stage' && body.stage?.date && body.stage.date > today) {
      throw new DomainException('BAD_INPUT', 'stage.date : la date du changement ne peut pas être dans le futur.');
    }
    const spec = BULK_SPECS[resource];
    return this.db.transaction(async (manager) => {
      const ctx = this.context(manager, actor, today);
      const { ids, visible } = await this.select(ctx, spec, body, BULK_MAX_CHANGES, true);
      const names = await spec.names(manager, [...visible.values()]);
      const result: BulkResult = { action: body.action, selected: ids.length, done: [], refused: [] };
      for (const id of ids) {
        const row = visible.get(id);
        if (!row) {
          result.refused.push({ id, label: null, reason: `${spec.label} introuvable dans votre département.` });
          continue;
        }
        const label = names.get(id) ?? null;
        try {
          // A savepoint per record: a refusal undoes that record's writes only.
          await manager.transaction((inner) =>
            applyBulkAction(
              { inner, actor, audit: this.audit, tasks: this.tasks, now: this.clock.now(), today },
              spec,
              body,
              row,
              label ?? '',
            ),
          );
          result.done.push({ id, label });
        } catch (error) {
          if (!(error instanceof DomainException)) throw error;
          result.refused.push({ id, label, reason: error.message });
        }
      }
      return result;
    });
  }

  /** The selection as a CSV file of the list's columns (those the role may read). */
  async export(
    actor: Actor,
    resource: BulkResource,
    body: BulkSelection<object>,
  ): Promise<{ csv: string; fileName: string; count: number }> {
    if (!hasPermission(actor.role, BULK_ACTIONS_OF[resource].read)) {
      throw new DomainException('FORBIDDEN', 'Votre rôle ne permet pas de consulter cette liste.');
    }
    const today = this.clock.today();
    return this.db.transaction('REPEATABLE READ', async (manager) => {
      const ctx = this.context(manager, actor, today);
      const spec = BULK_SPECS[resource];
      const { ids, visible } = await this.select(ctx, spec, body, BULK_MAX_EXPORT, false);
      const rows = ids.flatMap((id) => visible.get(id) ?? []);
      const table = await BULK_EXPORTS[resource](manager, rows, actor.role);
      return {
        csv: toCsv(table.header, table.rows),
        fileName: `${EXPORT_NAMES[resource]}-${today}.csv`,
        count: rows.length,
      };
    });
  }

  private context(manager: EntityManager, actor: Actor, today: string): BulkContext {
    return { manager, actor, today, config: this.config, professionals: this.professionals };
  }

  private async select(
    ctx: BulkContext,
    spec: BulkSpec,
    body: BulkSelection<object>,
    max: number,
    lock: boolean,
  ): Promise<Selected> {
    if (body.ids && body.filters) {
      throw new DomainException(
        'BAD_INPUT',
        'ids, filters : choisissez des enregistrements ou des filtres, pas les deux.',
      );
    }
    let ids: string[];
    if (body.ids) {
      ids = [...new Set(body.ids)];
      if (ids.length > max) throw new DomainException('BAD_INPUT', `ids : ${max} enregistrements au plus.`);
    } else {
      const qb = spec.listQuery(ctx, body.filters ?? {});
      const matched = await qb
        .select(`${qb.alias}.id`, 'id')
        .orderBy(`${qb.alias}.id`, 'ASC')
        .limit(max + 1)
        .getRawMany<{ id: string }>();
      if (matched.length > max) {
        throw new DomainException(
          'BAD_INPUT',
          `filters : plus de ${max} enregistrements correspondent ; affinez les filtres ou choisissez-les un par un.`,
        );
      }
      ids = matched.map((m) => m.id);
    }
    const rows = ids.length
      ? await ctx.manager.getRepository(spec.target).find({
          where: { id: In(ids) },
          ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
        })
      : [];
    const hidden = spec.hidden ? await spec.hidden(ctx, rows) : new Set<string>();
    const visible = new Map(
      rows.filter((r) => canSee(ctx.actor, r.departementCode) && !hidden.has(r.id)).map((r) => [r.id, r]),
    );
    return { ids, visible };
  }
}
