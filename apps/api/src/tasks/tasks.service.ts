import { FIELDWORK_AUDIT_ENTITY_TYPES, type TaskView } from '@maillage/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import { AuditService } from '../common/audit/audit.service';
import { Clock } from '../common/clock/clock';
import {
  applyVersionedChange,
  type AuditActor,
  setArchivedIn,
  type VersionedChange,
  whileLive,
} from '../common/persistence/scoped-records';
import type { CreateTaskDto, UpdateTaskDto } from './dto/task.dto';
import { TASK_LABEL, taskSnapshot, taskViews } from './task-views';
import { departementOfNewTask, ownerAndSubject, TRANSITIONS } from './task-writes';
import { Task } from './task.entity';

type Compute = (manager: EntityManager, before: Task) => Partial<Task> | Promise<Partial<Task>>;

/** An action decided elsewhere, to be followed as a task. */
export interface ActionItem {
  title: string;
  ownerId?: string | null;
  ownerLabel?: string | null;
  dueOn: string;
}

/** Writes of tasks: every edit is versioned (409 when stale) and audited in its transaction. */
@Injectable()
export class TasksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  create(actor: AuditActor, dto: CreateTaskDto): Promise<TaskView> {
    return this.db.transaction(async (manager) => this.view(manager, await this.createWith(manager, actor, dto)));
  }

  /** Creates and audits a task in the caller's transaction (e.g. one task per record of a bulk action). */
  async createWith(manager: EntityManager, actor: AuditActor, dto: CreateTaskDto): Promise<Task> {
    const departementCode = await departementOfNewTask(manager, actor, dto);
    return this.insert(manager, actor, {
      departementCode,
      title: dto.title,
      description: dto.description ?? null,
      dueOn: dto.dueOn ?? null,
      priority: dto.priority ?? 'normal',
      ...(await ownerAndSubject(manager, actor, departementCode, dto)),
    });
  }

  /**
   * The actions decided about a record (a visit's follow-ups, a meeting's decisions) become
   * open tasks about it, written and audited in the caller's transaction. The caller has
   * checked the owners against its own form.
   */
  async createActions(
    manager: EntityManager,
    actor: AuditActor,
    about: Pick<Task, 'departementCode' | 'subjectType' | 'subjectId'> & Partial<Pick<Task, 'visitId'>>,
    actions: readonly ActionItem[],
  ): Promise<void> {
    for (const action of actions) {
      await this.insert(manager, actor, {
        ...about,
        title: action.title,
        ownerId: action.ownerId ?? null,
        ownerLabel: action.ownerLabel ?? null,
        dueOn: action.dueOn,
      });
    }
  }

  /** An open task, audited; the one way tasks are written by people. */
  private async insert(manager: EntityManager, actor: AuditActor, fields: Partial<Task>): Promise<Task> {
    const repo = manager.getRepository(Task);
    const task = await repo.save(
      repo.create({
        description: null,
        ownerId: null,
        ownerLabel: null,
        priority: 'normal',
        subjectType: null,
        subjectId: null,
        visitId: null,
        ...fields,
        status: 'open',
        completedAt: null,
        rule: null,
        reminderKey: null,
        archivedAt: null,
      }),
    );
    await this.audit.record(manager, actor, {
      action: 'created',
      entityType: FIELDWORK_AUDIT_ENTITY_TYPES.task,
      entityId: task.id,
      departementCode: task.departementCode,
      after: taskSnapshot(task),
    });
    return manager.getRepository(Task).findOneByOrFail({ id: task.id });
  }

  update(actor: AuditActor, id: string, dto: UpdateTaskDto): Promise<TaskView> {
    const { version, ...fields } = dto;
    return this.change(actor, id, version, 'updated', async (manager, before) => {
      const plain: Partial<Task> = {};
      if (fields.title !== undefined) plain.title = fields.title;
      if (fields.description !== undefined) plain.description = fields.description;
      if (fields.dueOn !== undefined) plain.dueOn = fields.dueOn;
      if (fields.priority !== undefined) plain.priority = fields.priority;
      return { ...plain, ...(await ownerAndSubject(manager, actor, before.departementCode, fields, before)) };
    });
  }

  complete(actor: AuditActor, id: string, version: number): Promise<TaskView> {
    return this.change(actor, id, version, 'completed', (_, before) => TRANSITIONS.complete(before, this.clock.now()));
  }

  cancel(actor: AuditActor, id: string, version: number): Promise<TaskView> {
    return this.change(actor, id, version, 'cancelled', (_, before) => TRANSITIONS.cancel(before));
  }

  reopen(actor: AuditActor, id: string, version: number): Promise<TaskView> {
    return this.change(actor, id, version, 'reopened', (_, before) => TRANSITIONS.reopen(before));
  }

  /** Archives (`true`) or restores; without a version, the current one is used. */
  setArchived(actor: AuditActor, id: string, version: number | undefined, archived: boolean): Promise<TaskView> {
    return this.db.transaction(async (manager) =>
      this.view(manager, await setArchivedIn(manager, this.audit, actor, version, archived, (v) => this.base(id, v))),
    );
  }

  private change(actor: AuditActor, id: string, version: number, action: string, compute: Compute): Promise<TaskView> {
    return this.db.transaction(async (manager) => {
      const after = await applyVersionedChange(manager, this.audit, actor, {
        ...this.base(id, version),
        action,
        changes: whileLive('Cette tâche est archivée : restaurez-la avant de la modifier.', (before) =>
          compute(manager, before),
        ),
      });
      return this.view(manager, after);
    });
  }

  private base(id: string, version: number): Omit<VersionedChange<Task>, 'action' | 'changes'> {
    return {
      target: Task,
      entityType: FIELDWORK_AUDIT_ENTITY_TYPES.task,
      label: TASK_LABEL,
      id,
      version,
      snapshot: taskSnapshot,
    };
  }

  private async view(manager: EntityManager, task: Task): Promise<TaskView> {
    const [view] = await taskViews(manager, [task], this.clock.today());
    return view;
  }
}
