import {
  COMMITTEE_AUDIT_ENTITY_TYPES,
  type CommitteeMeetingDetail,
  type CommitteeMeetingSummary,
  type MeetingActionTask,
  type Page,
} from '@maillage/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';

import { AnnualReport } from '../annual-reports/annual-report.entity';
import { AuditService } from '../common/audit/audit.service';
import { DomainException } from '../common/errors/domain-exception';
import { paginate } from '../common/http/paging';
import {
  applyVersionedChange,
  type AuditActor,
  findScoped,
  setArchivedIn,
  type Snapshot,
  type VersionedChange,
} from '../common/persistence/scoped-records';
import { type Actor, canSee, departementForWrite, scopeQuery } from '../common/scope/territory-scope';
import { OfferSnapshot } from '../offer-snapshots/offer-snapshot.entity';
import { Task } from '../tasks/task.entity';
import { TasksService } from '../tasks/tasks.service';
import { Departement } from '../territory/entities/departement.entity';
import { User } from '../users/user.entity';
import { CommitteeMeeting } from './committee-meeting.entity';
import type {
  CreateCommitteeMeetingDto,
  ListCommitteeMeetingsQuery,
  MeetingActionDto,
  MeetingActionsDto,
  UpdateCommitteeMeetingDto,
} from './dto/committee-meeting.dto';

const LABEL = 'Réunion de comité';

const snapshot = (m: CommitteeMeeting): Snapshot => ({
  kind: m.kind,
  status: m.status,
  heldOn: m.heldOn,
  title: m.title,
  location: m.location,
  attendees: m.attendees,
  agenda: m.agenda,
  minutes: m.minutes,
  decisions: m.decisions,
  snapshotId: m.snapshotId,
  annualReportId: m.annualReportId,
});

/** Follow-up and strategic committee meetings; their action items are tasks about the meeting. */
@Injectable()
export class CommitteesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly tasks: TasksService,
  ) {}

  list(actor: Actor, query: ListCommitteeMeetingsQuery): Promise<Page<CommitteeMeetingSummary>> {
    const qb = scopeQuery(this.db.getRepository(CommitteeMeeting).createQueryBuilder('m'), actor).andWhere(
      'm.archivedAt IS NULL',
    );
    if (query.kind) qb.andWhere('m.kind = :kind', { kind: query.kind });
    if (query.status) qb.andWhere('m.status = :status', { status: query.status });
    if (query.year) {
      qb.andWhere('m.heldOn BETWEEN :from AND :to', { from: `${query.year}-01-01`, to: `${query.year}-12-31` });
    }
    if (query.q) qb.andWhere(`m.title ILIKE :q`, { q: `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    return paginate(qb, query, { heldOn: 'm.heldOn', title: 'm.title' }, 'heldOn:desc', summaryOf);
  }

  async get(actor: Actor, id: string): Promise<CommitteeMeetingDetail> {
    return detailOf(this.db.manager, await findScoped(this.db.manager, actor, CommitteeMeeting, id, LABEL));
  }

  create(actor: AuditActor, dto: CreateCommitteeMeetingDto): Promise<CommitteeMeetingDetail> {
    const departementCode = departementForWrite(actor, dto.departementCode);
    return this.db.transaction(async (manager) => {
      if (!(await manager.getRepository(Departement).existsBy({ code: departementCode }))) {
        throw new DomainException('BAD_INPUT', 'departementCode : département inconnu.');
      }
      await checkAttachments(manager, actor, departementCode, dto.snapshotId ?? null, dto.annualReportId ?? null);
      const repo = manager.getRepository(CommitteeMeeting);
      const saved = await repo.save(
        repo.create({
          departementCode,
          kind: dto.kind,
          status: dto.status ?? 'planned',
          heldOn: dto.heldOn,
          title: dto.title,
          location: dto.location ?? null,
          attendees: (dto.attendees ?? []).map(attendee),
          agenda: dto.agenda ?? null,
          minutes: dto.minutes ?? null,
          decisions: (dto.decisions ?? []).map((d) => ({ text: d.text })),
          snapshotId: dto.snapshotId ?? null,
          annualReportId: dto.annualReportId ?? null,
          archivedAt: null,
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'created',
        entityType: COMMITTEE_AUDIT_ENTITY_TYPES.meeting,
        entityId: saved.id,
        departementCode,
        after: snapshot(saved),
      });
      return detailOf(manager, saved);
    });
  }

  update(actor: AuditActor, id: string, dto: UpdateCommitteeMeetingDto): Promise<CommitteeMeetingDetail> {
    return this.db.transaction(async (manager) => {
      const after = await applyVersionedChange(manager, this.audit, actor, {
        ...this.base(id, dto.version),
        action: 'updated',
        changes: async (before) => {
          const { version: _, attendees, decisions, ...fields } = dto;
          const changes = Object.fromEntries(
            Object.entries(fields).filter(([, v]) => v !== undefined),
          ) as Partial<CommitteeMeeting>;
          if (attendees !== undefined) changes.attendees = attendees.map(attendee);
          if (decisions !== undefined) changes.decisions = decisions.map((d) => ({ text: d.text }));
          const snapshotId = dto.snapshotId !== undefined ? dto.snapshotId : before.snapshotId;
          const reportId = dto.annualReportId !== undefined ? dto.annualReportId : before.annualReportId;
          await checkAttachments(
            manager,
            actor,
            before.departementCode,
            snapshotId !== before.snapshotId ? snapshotId : null,
            reportId !== before.annualReportId ? reportId : null,
          );
          return changes;
        },
      });
      return detailOf(manager, after);
    });
  }

  /** Archives a meeting (`archived` is always true: there is no restore route). */
  async setArchived(actor: AuditActor, id: string, version: number | undefined, archived: boolean): Promise<void> {
    await this.db.transaction((manager) =>
      setArchivedIn(manager, this.audit, actor, version, archived, (v) => this.base(id, v)),
    );
  }

  /**
   * The meeting's action items become open tasks about it (`committee_meeting`), all or none,
   * each audited. Everything is checked before the first write.
   */
  addActions(actor: AuditActor, id: string, dto: MeetingActionsDto): Promise<CommitteeMeetingDetail> {
    return this.db.transaction(async (manager) => {
      const meeting = await findScoped(manager, actor, CommitteeMeeting, id, LABEL);
      if (meeting.archivedAt) throw new DomainException('INVALID_STATE', 'Cette réunion est archivée.');
      await checkOwners(manager, meeting.departementCode, dto.items);
      await this.tasks.createActions(
        manager,
        actor,
        { departementCode: meeting.departementCode, subjectType: 'committee_meeting', subjectId: meeting.id },
        dto.items,
      );
      return detailOf(manager, meeting);
    });
  }

  private base(id: string, version: number): Omit<VersionedChange<CommitteeMeeting>, 'action' | 'changes'> {
    return {
      target: CommitteeMeeting,
      entityType: COMMITTEE_AUDIT_ENTITY_TYPES.meeting,
      label: LABEL,
      id,
      version,
      snapshot,
    };
  }
}

const attendee = (a: CreateCommitteeMeetingDto['attendees'] extends (infer A)[] | undefined ? A : never) => ({
  name: a.name,
  organisation: a.organisation,
  title: a.title ?? null,
  present: a.present,
});

/** A snapshot or report attached to a meeting is a live record of the meeting's département. */
async function checkAttachments(
  manager: EntityManager,
  actor: Actor,
  departementCode: string,
  snapshotId: string | null,
  annualReportId: string | null,
): Promise<void> {
  if (snapshotId) {
    const row = await manager.getRepository(OfferSnapshot).findOneBy({ id: snapshotId, archivedAt: IsNull() });
    if (!row || !canSee(actor, row.departementCode) || row.departementCode !== departementCode) {
      throw new DomainException('BAD_INPUT', 'snapshotId : relevé de l’offre introuvable dans ce département.');
    }
  }
  if (annualReportId) {
    const row = await manager.getRepository(AnnualReport).findOneBy({ id: annualReportId, archivedAt: IsNull() });
    if (!row || !canSee(actor, row.departementCode) || row.departementCode !== departementCode) {
      throw new DomainException('BAD_INPUT', 'annualReportId : rapport annuel introuvable dans ce département.');
    }
  }
}

async function checkOwners(
  manager: EntityManager,
  departementCode: string,
  items: readonly MeetingActionDto[],
): Promise<void> {
  items.forEach((item, i) => {
    if (item.ownerId && item.ownerLabel) {
      throw new DomainException(
        'BAD_INPUT',
        `items.${i} : un responsable seulement, un compte de l’application (ownerId) ou une personne extérieure (ownerLabel).`,
      );
    }
  });
  const ids = [...new Set(items.flatMap((a) => (a.ownerId ? [a.ownerId] : [])))];
  if (ids.length === 0) return;
  const found = await manager.getRepository(User).find({
    select: { id: true },
    where: { id: In(ids), departementCode, isActive: true },
  });
  if (found.length !== ids.length) {
    throw new DomainException('BAD_INPUT', 'ownerId : le responsable doit être un compte actif du département.');
  }
}

function summaryOf(m: CommitteeMeeting): CommitteeMeetingSummary {
  return {
    id: m.id,
    departementCode: m.departementCode,
    kind: m.kind,
    status: m.status,
    heldOn: m.heldOn,
    title: m.title,
    location: m.location,
    snapshotId: m.snapshotId,
    annualReportId: m.annualReportId,
    attendeeCount: m.attendees.length,
    archivedAt: m.archivedAt?.toISOString() ?? null,
    version: m.version,
  };
}

async function detailOf(manager: EntityManager, m: CommitteeMeeting): Promise<CommitteeMeetingDetail> {
  const snap = m.snapshotId ? await manager.getRepository(OfferSnapshot).findOneBy({ id: m.snapshotId }) : null;
  const report = m.annualReportId
    ? await manager.getRepository(AnnualReport).findOneBy({ id: m.annualReportId })
    : null;
  const tasks = await manager.getRepository(Task).find({
    where: { subjectType: 'committee_meeting', subjectId: m.id, archivedAt: IsNull() },
    relations: { owner: true },
    order: { dueOn: 'ASC', createdAt: 'ASC' },
  });
  const actions: MeetingActionTask[] = tasks.map((t) => ({
    id: t.id,
    title: t.title,
    ownerId: t.ownerId,
    ownerName: t.owner?.displayName ?? null,
    ownerLabel: t.ownerLabel,
    dueOn: t.dueOn,
    status: t.status,
  }));
  return {
    ...summaryOf(m),
    attendees: m.attendees,
    agenda: m.agenda,
    minutes: m.minutes,
    decisions: m.decisions,
    snapshot: snap ? { id: snap.id, title: snap.title, takenOn: snap.takenOn } : null,
    annualReport: report ? { id: report.id, title: report.title, year: report.year, status: report.status } : null,
    actions,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}
