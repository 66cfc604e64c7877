import type { MsuStageEventView, Page, ProfessionalDetail, TrainingSessionView } from '@maillage/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AuditService } from '../common/audit/audit.service';
import { type AuditActor, findScoped } from '../common/persistence/scoped-records';
import type { Actor } from '../common/scope/territory-scope';
import type { CreateTrainingSessionDto, HistoryPageQuery, MoveStageDto } from './dto/stage.dto';
import { assertLive, moveStage } from './msu-stage';
import { MsuStageEvent } from './msu-stage-event.entity';
import { Professional } from './professional.entity';
import {
  PROFESSIONAL_ENTITY,
  PROFESSIONAL_LABEL,
  toStageEventView,
  toTrainingSessionView,
} from './professional.mapper';
import { ProfessionalsService } from './professionals.service';
import { TrainingSession } from './training-session.entity';

/** The MSU pipeline of one professional: stage moves and their history, continuing training. */
@Injectable()
export class ProfessionalPipelineService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly professionals: ProfessionalsService,
  ) {}

  async moveStage(actor: AuditActor, id: string, version: number, dto: MoveStageDto): Promise<ProfessionalDetail> {
    await this.db.transaction((manager) =>
      moveStage(manager, this.audit, actor, id, version, {
        toStage: dto.toStage,
        date: dto.date,
        note: dto.note ?? null,
      }),
    );
    return this.professionals.get(actor, id);
  }

  /** The pipeline history, oldest first (by date, then by recording order). */
  async stageEvents(actor: Actor, id: string, query: HistoryPageQuery): Promise<Page<MsuStageEventView>> {
    await findScoped(this.db.manager, actor, Professional, id, PROFESSIONAL_LABEL);
    const [rows, total] = await this.db.getRepository(MsuStageEvent).findAndCount({
      where: { professionalId: id },
      order: { occurredOn: 'ASC', createdAt: 'ASC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items: rows.map(toStageEventView), total, page: query.page, pageSize: query.pageSize };
  }

  /** Continuing training, most recent first. */
  async trainingSessions(actor: Actor, id: string, query: HistoryPageQuery): Promise<Page<TrainingSessionView>> {
    await findScoped(this.db.manager, actor, Professional, id, PROFESSIONAL_LABEL);
    const [rows, total] = await this.db.getRepository(TrainingSession).findAndCount({
      where: { professionalId: id },
      order: { date: 'DESC', createdAt: 'DESC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items: rows.map(toTrainingSessionView), total, page: query.page, pageSize: query.pageSize };
  }

  /** Adds a session (a child row: no version needed) and audits it on the professional. */
  async addTrainingSession(actor: AuditActor, id: string, dto: CreateTrainingSessionDto): Promise<TrainingSessionView> {
    return this.db.transaction(async (manager) => {
      const professional = await findScoped(manager, actor, Professional, id, PROFESSIONAL_LABEL);
      assertLive(professional);
      const repo = manager.getRepository(TrainingSession);
      const session = await repo.save(
        repo.create({ professionalId: id, date: dto.date, hours: dto.hours, title: dto.title }),
      );
      await this.audit.record(manager, actor, {
        action: 'training_session_added',
        entityType: PROFESSIONAL_ENTITY,
        entityId: id,
        departementCode: professional.departementCode,
        after: { trainingSession: { date: session.date, hours: session.hours, title: session.title } },
      });
      return toTrainingSessionView(session);
    });
  }
}
