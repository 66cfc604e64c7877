import type { EntityManager } from 'typeorm';

import type { AuditService } from '../common/audit/audit.service';
import { DomainException } from '../common/errors/domain-exception';
import {
  applyVersionedChange,
  archiveChange,
  type AuditActor,
  type VersionedChange,
} from '../common/persistence/scoped-records';
import type { ScopedEntity } from '../common/scope/scoped.entity';
import { moveStage } from '../professionals/msu-stage';
import { ownerAndSubject, TRANSITIONS } from '../tasks/task-writes';
import type { Task } from '../tasks/task.entity';
import type { TasksService } from '../tasks/tasks.service';
import type { BulkSpec } from './bulk-resources';
import type { BulkActionBody } from './dto/bulk.dto';

export interface BulkActionContext {
  /** The savepoint of this record, inside the bulk action's transaction. */
  inner: EntityManager;
  actor: AuditActor;
  audit: AuditService;
  tasks: TasksService;
  now: Date;
  today: string;
}

const NAME = /\{nom\}/g;

/** A task title with « {nom} » replaced by the record's name (200 characters at most). */
export function taskTitle(template: string, name: string): string {
  const title = template.replace(NAME, name);
  return title.length <= 200 ? title : `${title.slice(0, 199)}…`;
}

function assertLive(row: ScopedEntity): void {
  if (row.archivedAt !== null) {
    throw new DomainException('INVALID_STATE', 'Cet enregistrement est archivé : restaurez-le d’abord.');
  }
}

/**
 * One record of a bulk action, with the rules of its single action: the same versioned change
 * and audit entry (`applyVersionedChange`, `moveStage`, `TasksService.createWith`). Throws a
 * `DomainException` (the reason shown to the user) when this record may not change.
 */
export async function applyBulkAction(
  ctx: BulkActionContext,
  spec: BulkSpec,
  body: BulkActionBody<object>,
  row: ScopedEntity,
  name: string,
): Promise<void> {
  const base: Omit<VersionedChange<ScopedEntity>, 'action' | 'changes'> = {
    target: spec.target,
    entityType: spec.entityType,
    label: spec.label,
    id: row.id,
    version: row.version,
    snapshot: (r) => spec.snapshot(ctx.inner, r),
  };
  switch (body.action) {
    case 'archive':
      await applyVersionedChange(ctx.inner, ctx.audit, ctx.actor, archiveChange(base, true));
      return;
    case 'assign_task': {
      const task = body.task;
      if (!task || !spec.taskSubject) throw new DomainException('BAD_INPUT', 'task : la tâche à créer est attendue.');
      assertLive(row);
      await ctx.tasks.createWith(ctx.inner, ctx.actor, {
        title: taskTitle(task.title, name),
        description: task.description ?? null,
        dueOn: task.dueOn ?? null,
        priority: task.priority,
        ownerId: task.ownerId ?? null,
        subjectType: spec.taskSubject,
        subjectId: row.id,
      });
      return;
    }
    case 'move_stage': {
      const stage = body.stage;
      if (!stage) throw new DomainException('BAD_INPUT', 'stage : l’étape visée est attendue.');
      await moveStage(ctx.inner, ctx.audit, ctx.actor, row.id, row.version, {
        toStage: stage.toStage,
        date: stage.date ?? ctx.today,
        note: stage.note ?? null,
      });
      return;
    }
    case 'assign': {
      const owner = body.owner;
      if (!owner) throw new DomainException('BAD_INPUT', 'owner : le nouveau responsable est attendu.');
      const assign = spec.assign;
      await applyVersionedChange(ctx.inner, ctx.audit, ctx.actor, {
        ...base,
        action: assign?.action ?? 'updated',
        changes: async (before) => {
          assertLive(before);
          if (assign) return assign.changes(ctx.inner, before, owner.ownerId);
          return ownerAndSubject(
            ctx.inner,
            ctx.actor,
            before.departementCode,
            { ownerId: owner.ownerId },
            before as Task,
          );
        },
      });
      return;
    }
    case 'complete':
      await applyVersionedChange(ctx.inner, ctx.audit, ctx.actor, {
        ...base,
        action: 'completed',
        changes: (before) => {
          assertLive(before);
          return TRANSITIONS.complete(before as Task, ctx.now);
        },
      });
      return;
  }
}
