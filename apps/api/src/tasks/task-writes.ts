import type { TaskSubject } from '@maillage/shared/domain';
import type { EntityManager } from 'typeorm';

import { DomainException } from '../common/errors/domain-exception';
import { type Actor, departementForWrite } from '../common/scope/territory-scope';
import { User } from '../users/user.entity';
import type { CreateTaskDto, UpdateTaskDto } from './dto/task.dto';
import { subjectDepartement } from './task-subjects';
import type { Task } from './task.entity';

type Fields = Omit<UpdateTaskDto, 'version'>;

/** The département of a new task: its subject's, else the actor's (or the one a national admin names). */
export async function departementOfNewTask(manager: EntityManager, actor: Actor, dto: CreateTaskDto): Promise<string> {
  const subject = subjectPair(dto.subjectType ?? null, dto.subjectId ?? null);
  if (!subject) return departementForWrite(actor, dto.departementCode);
  const departementCode = await subjectDepartement(manager, actor, subject.type, subject.id);
  if (dto.departementCode && dto.departementCode !== departementCode) {
    throw new DomainException('BAD_INPUT', 'departementCode : la tâche est dans le département de son sujet.');
  }
  return departementCode;
}

/** Subject and owner columns to write, checked against the task's département. */
export async function ownerAndSubject(
  manager: EntityManager,
  actor: Actor,
  departementCode: string,
  fields: Fields,
  before?: Task,
): Promise<Partial<Task>> {
  const changes: Partial<Task> = {};
  if (!before || fields.subjectType !== undefined || fields.subjectId !== undefined) {
    const type = fields.subjectType !== undefined ? fields.subjectType : (before?.subjectType ?? null);
    const id = fields.subjectId !== undefined ? fields.subjectId : (before?.subjectId ?? null);
    const changed = type !== (before?.subjectType ?? null) || id !== (before?.subjectId ?? null);
    if (before?.rule && changed) {
      throw new DomainException(
        'BAD_INPUT',
        'subjectType, subjectId : le sujet d’un rappel automatique ne change pas.',
      );
    }
    const subject = subjectPair(type, id);
    // A new task's subject was checked when its département was chosen (`departementOfNewTask`).
    const check = subject && changed && before;
    if (check && (await subjectDepartement(manager, actor, subject.type, subject.id)) !== departementCode) {
      throw new DomainException('BAD_INPUT', 'subjectId : le sujet doit être du même département que la tâche.');
    }
    Object.assign(changes, { subjectType: subject?.type ?? null, subjectId: subject?.id ?? null });
  }
  if (!before || fields.ownerId !== undefined || fields.ownerLabel !== undefined) {
    if (fields.ownerId && fields.ownerLabel) {
      throw new DomainException(
        'BAD_INPUT',
        'ownerId, ownerLabel : un responsable seulement, un compte de l’application ou une personne extérieure.',
      );
    }
    // Naming one kind of owner replaces the other.
    const ownerId =
      fields.ownerId !== undefined ? fields.ownerId : fields.ownerLabel ? null : (before?.ownerId ?? null);
    const ownerLabel =
      fields.ownerLabel !== undefined ? fields.ownerLabel : fields.ownerId ? null : (before?.ownerLabel ?? null);
    if (ownerId && ownerId !== before?.ownerId) await checkOwner(manager, ownerId, departementCode);
    Object.assign(changes, { ownerId, ownerLabel });
  }
  return changes;
}

function subjectPair(type: TaskSubject | null, id: string | null): { type: TaskSubject; id: string } | null {
  if ((type === null) !== (id === null)) {
    throw new DomainException('BAD_INPUT', 'subjectType, subjectId : donnez les deux, ou aucun des deux.');
  }
  return type && id ? { type, id } : null;
}

async function checkOwner(manager: EntityManager, ownerId: string, departementCode: string): Promise<void> {
  const user = await manager.getRepository(User).findOneBy({ id: ownerId });
  if (!user?.isActive || user.departementCode !== departementCode) {
    throw new DomainException('BAD_INPUT', 'ownerId : le responsable doit être un compte actif du département.');
  }
}

/** Status actions: what each writes, from the stored task. */
export const TRANSITIONS = {
  complete: (before: Task, now: Date): Partial<Task> => {
    assertStatus(before.status === 'open', 'Cette tâche n’est plus ouverte : rouvrez-la d’abord.');
    return { status: 'done', completedAt: now };
  },
  cancel: (before: Task): Partial<Task> => {
    assertStatus(before.status === 'open', 'Cette tâche n’est plus ouverte : rouvrez-la d’abord.');
    return { status: 'cancelled', completedAt: null };
  },
  reopen: (before: Task): Partial<Task> => {
    assertStatus(before.status !== 'open', 'Cette tâche est déjà ouverte.');
    return { status: 'open', completedAt: null };
  },
} as const;

function assertStatus(ok: boolean, message: string): void {
  if (!ok) throw new DomainException('INVALID_STATE', message);
}
