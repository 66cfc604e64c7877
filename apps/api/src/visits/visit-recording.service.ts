import {
  type SiteVisitDetail,
  todayInFrance,
  VISIT_CHECKLIST_ITEMS,
  type VisitChecklist,
} from '@maillage/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';

import { AccessIssuesService } from '../access-issues/access-issues.service';
import { AuditService } from '../common/audit/audit.service';
import { applyVersionedChange, type AuditActor } from '../common/persistence/scoped-records';
import { TasksService } from '../tasks/tasks.service';
import { User } from '../users/user.entity';
import type { CorrectVisitDto } from './dto/correct-visit.dto';
import type { RecordVisitDto, VisitActionDto } from './dto/record-visit.dto';
import { replaceParticipants, resolveParticipants } from './visit-participants';
import { assertNoProblems, assertPlanned, assertRecorded, recordProblems } from './visit-rules';
import { visitDetail } from './visit-views';
import { visitChangeBase } from './visits.service';

/**
 * Records a visit in one transaction: the visit becomes `done`, its participants are replaced,
 * each issue becomes an open access issue of the site and each action an open task of the
 * visit, every write audited. Everything is checked before the first write; a failure at any
 * point rolls the whole record back.
 */
@Injectable()
export class VisitRecordingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly issues: AccessIssuesService,
    private readonly tasks: TasksService,
  ) {}

  record(actor: AuditActor, id: string, dto: RecordVisitDto): Promise<SiteVisitDetail> {
    assertNoProblems(recordProblems(dto));
    return this.db.transaction(async (manager) => {
      let participants: Awaited<ReturnType<typeof resolveParticipants>> = [];
      const after = await applyVersionedChange(manager, this.audit, actor, {
        ...visitChangeBase(manager, id, dto.version),
        action: 'recorded',
        changes: async (before) => {
          assertPlanned(before);
          participants = await resolveParticipants(manager, before.departementCode, dto.participants);
          await checkOwners(manager, before.departementCode, dto.actions ?? []);
          return {
            status: 'done' as const,
            visitedOn: dto.visitedOn,
            checklist: toChecklist(dto.checklist),
            findings: dto.findings,
            nextVisitOn: dto.nextVisitOn ?? null,
          };
        },
        after: async (visit) => {
          await replaceParticipants(manager, visit.id, participants);
          const done = { ...visit, visitedOn: visit.visitedOn as string };
          await this.issues.raiseFromVisit(manager, actor, done, dto.issues ?? []);
          await this.tasks.createActions(
            manager,
            actor,
            {
              departementCode: visit.departementCode,
              subjectType: 'site_visit',
              subjectId: visit.id,
              visitId: visit.id,
            },
            dto.actions ?? [],
          );
        },
      });
      return visitDetail(manager, after);
    });
  }

  /**
   * Corrects a recorded visit (date, participants, checklist, findings, next visit): audited as
   * `corrected`, the reason kept, dated, in the notes. Only a visit already recorded is corrected.
   */
  correct(actor: AuditActor, id: string, dto: CorrectVisitDto): Promise<SiteVisitDetail> {
    assertNoProblems(recordProblems(dto));
    const today = todayInFrance();
    return this.db.transaction(async (manager) => {
      let participants: Awaited<ReturnType<typeof resolveParticipants>> = [];
      const after = await applyVersionedChange(manager, this.audit, actor, {
        ...visitChangeBase(manager, id, dto.version),
        action: 'corrected',
        changes: async (before) => {
          assertRecorded(before);
          participants = await resolveParticipants(manager, before.departementCode, dto.participants);
          const line = `${today} · Correction : ${dto.reason}`;
          return {
            visitedOn: dto.visitedOn,
            checklist: toChecklist(dto.checklist),
            findings: dto.findings,
            nextVisitOn: dto.nextVisitOn ?? null,
            notes: before.notes ? `${before.notes}\n${line}` : line,
          };
        },
        after: (visit) => replaceParticipants(manager, visit.id, participants),
      });
      return visitDetail(manager, after);
    });
  }
}

/** Owners of actions are active users of the visit's département. */
async function checkOwners(
  manager: EntityManager,
  departementCode: string,
  actions: readonly VisitActionDto[],
): Promise<void> {
  const ids = [...new Set(actions.flatMap((a) => (a.ownerId ? [a.ownerId] : [])))];
  if (ids.length === 0) return;
  const found = await manager.getRepository(User).find({
    select: { id: true },
    where: { id: In(ids), departementCode, isActive: true },
  });
  const known = new Set(found.map((u) => u.id));
  assertNoProblems(
    actions.flatMap((a, i) =>
      a.ownerId && !known.has(a.ownerId)
        ? [`actions.${i}.ownerId : responsable introuvable ou inactif dans le département.`]
        : [],
    ),
  );
}

/** The answers given, as plain JSON, without empty comments (jsonb keeps no key order: readers follow the grid). */
function toChecklist(checklist: RecordVisitDto['checklist']): VisitChecklist {
  const out: VisitChecklist = {};
  for (const item of VISIT_CHECKLIST_ITEMS) {
    const entry = checklist[item];
    if (entry) out[item] = entry.comment ? { answer: entry.answer, comment: entry.comment } : { answer: entry.answer };
  }
  return out;
}
