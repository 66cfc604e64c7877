import {
  FIELDWORK_AUDIT_ENTITY_TYPES,
  type Page,
  type SemesterCode,
  semesterOf,
  type SemesterPlan,
} from '@maillage/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import { AuditService } from '../common/audit/audit.service';
import { Clock } from '../common/clock/clock';
import { DomainException } from '../common/errors/domain-exception';
import { applyVersionedChange, type AuditActor, type Snapshot } from '../common/persistence/scoped-records';
import { type Actor, departementForWrite, visibleDepartements } from '../common/scope/territory-scope';
import { hasDocteursJuniors, semestersFrom } from '../figures/semester-calendar';
import { semesterPlaces } from '../figures/semester-places';
import { Departement } from '../territory/entities/departement.entity';
import type { PutSemesterDemandsDto, SemesterDemandDto, SemesterPlanQuery } from './dto/semester.dto';
import { SemesterDemand } from './semester-demand.entity';

const LABEL = 'Demande de places';
/** Advisory lock class of "the demand figures of one département and semester" (key: hashtext). */
const DEMANDS_LOCK_CLASS = 772_025;

const snapshot = (d: SemesterDemand): Snapshot => ({
  semester: d.semester,
  stageType: d.stageType,
  placesRequested: d.placesRequested,
  placesFilled: d.placesFilled,
  source: d.source,
});

/** Capacity against demand per semester and stage type; demand figures are entered by the mission officer. */
@Injectable()
export class SemestersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, query: SemesterPlanQuery): Promise<Page<SemesterPlan>> {
    const codes = semestersFrom(query.from ?? semesterOf(this.clock.today()), query.count);
    const items = await semesterPlaces(this.db.manager, codes, readScope(actor, query.departement));
    return { items, total: items.length, page: 1, pageSize: query.count };
  }

  async get(actor: Actor, code: SemesterCode, departement?: string): Promise<SemesterPlan> {
    const [plan] = await semesterPlaces(this.db.manager, [code], readScope(actor, departement));
    return plan;
  }

  /**
   * Writes the figures of the stage types given (others are kept), under a lock on the
   * département's semester so that the `version` check holds: a stale one is a 409.
   */
  async putDemands(actor: AuditActor, code: SemesterCode, dto: PutSemesterDemandsDto): Promise<SemesterPlan> {
    if (!hasDocteursJuniors(code) && dto.demands.some((d) => d.stageType === 'DJ_MG')) {
      throw new DomainException('BAD_INPUT', 'demands : les docteurs juniors (DJ_MG) commencent au semestre 2026-W.');
    }
    const departementCode = departementForWrite(actor, dto.departementCode);
    return this.db.transaction(async (manager) => {
      if (!(await manager.getRepository(Departement).existsBy({ code: departementCode }))) {
        throw new DomainException('BAD_INPUT', 'departementCode : département inconnu.');
      }
      await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
        DEMANDS_LOCK_CLASS,
        `${departementCode}:${code}`,
      ]);
      const rows = await manager.getRepository(SemesterDemand).findBy({ departementCode, semester: code });
      const version = rows.reduce((sum, d) => sum + d.version, 0);
      if (dto.version !== undefined && dto.version !== version) throw DomainException.versionConflict();
      for (const demand of dto.demands) {
        const row = rows.find((r) => r.stageType === demand.stageType);
        if (row) await this.update(manager, actor, row, demand);
        else await this.insert(manager, actor, departementCode, code, demand);
      }
      const [plan] = await semesterPlaces(manager, [code], [departementCode]);
      return plan;
    });
  }

  private async insert(
    manager: EntityManager,
    actor: AuditActor,
    departementCode: string,
    semester: SemesterCode,
    demand: SemesterDemandDto,
  ): Promise<void> {
    const repo = manager.getRepository(SemesterDemand);
    const row = await repo.save(
      repo.create({
        departementCode,
        semester,
        stageType: demand.stageType,
        placesRequested: demand.placesRequested,
        placesFilled: demand.placesFilled ?? null,
        source: demand.source ?? null,
        archivedAt: null,
      }),
    );
    await this.audit.record(manager, actor, {
      action: 'created',
      entityType: FIELDWORK_AUDIT_ENTITY_TYPES.semesterDemand,
      entityId: row.id,
      departementCode,
      after: snapshot(row),
    });
  }

  /** Through `applyVersionedChange` (audited); a row left as it was is not touched. */
  private async update(
    manager: EntityManager,
    actor: AuditActor,
    row: SemesterDemand,
    demand: SemesterDemandDto,
  ): Promise<void> {
    const changes: Partial<SemesterDemand> = { placesRequested: demand.placesRequested };
    if (demand.placesFilled !== undefined) changes.placesFilled = demand.placesFilled;
    if (demand.source !== undefined) changes.source = demand.source;
    if (Object.entries(changes).every(([field, value]) => row[field as keyof SemesterDemand] === value)) return;
    await applyVersionedChange(manager, this.audit, actor, {
      target: SemesterDemand,
      entityType: FIELDWORK_AUDIT_ENTITY_TYPES.semesterDemand,
      label: LABEL,
      id: row.id,
      version: row.version,
      action: 'updated',
      changes: () => changes,
      snapshot,
    });
  }
}

/** The départements a read covers: the actor's, or for a national administrator the one asked (all by default). */
function readScope(actor: Actor, departement: string | undefined): string[] | null {
  const visible = visibleDepartements(actor);
  if (visible && departement && !visible.includes(departement)) {
    throw new DomainException('FORBIDDEN', 'Vous ne pouvez pas consulter un autre département que le vôtre.');
  }
  return departement ? [departement] : visible;
}
