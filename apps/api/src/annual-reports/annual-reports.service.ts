import type {
  AnnualReportDetail,
  AnnualReportFigures,
  AnnualReportSummary,
  ReportSection,
  ReportStatus,
} from '@maillage/shared/domain';
import { REPORT_SECTIONS, reportApprovalGaps } from '@maillage/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, IsNull, QueryFailedError } from 'typeorm';

import { AuditService } from '../common/audit/audit.service';
import { Clock } from '../common/clock/clock';
import { DomainException } from '../common/errors/domain-exception';
import { renderPdf } from '../common/pdf/pdf-renderer';
import { applyVersionedChange, type AuditActor, findScoped, type Snapshot } from '../common/persistence/scoped-records';
import type { GeneratedFile } from '../common/routes/download';
import { type Actor, departementForWrite, scopeQuery } from '../common/scope/territory-scope';
import type { VersionDto } from '../common/validation/version.dto';
import { departementNameOf } from '../territory/departement-name';
import { annualReportWorkbook } from './annual-report-export';
import { computeAnnualFigures } from './annual-report-figures';
import { annualReportDocument } from './annual-report.document';
import { AnnualReport } from './annual-report.entity';
import type {
  ApproveReportDto,
  CreateAnnualReportDto,
  ListAnnualReportsQuery,
  PresentReportDto,
  UpdateAnnualReportDto,
} from './dto/annual-report.dto';

const LABEL = 'Rapport annuel';
const ENTITY_TYPE = 'annual_report';

const snapshot = (r: AnnualReport): Snapshot => ({
  year: r.year,
  title: r.title,
  status: r.status,
  sections: r.sections,
  presentedOn: r.presentedOn,
  approvedOn: r.approvedOn,
  frozen: r.figures !== null,
});

function summary(r: AnnualReport): AnnualReportSummary {
  return {
    id: r.id,
    departementCode: r.departementCode,
    year: r.year,
    title: r.title,
    status: r.status,
    presentedOn: r.presentedOn,
    approvedOn: r.approvedOn,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** Keeps non-empty texts, in the order of the report. */
function mergeSections(
  current: Partial<Record<ReportSection, string>>,
  changes: Partial<Record<ReportSection, string | null>> = {},
): Partial<Record<ReportSection, string>> {
  const merged: Partial<Record<ReportSection, string>> = {};
  for (const section of REPORT_SECTIONS) {
    const text = section in changes ? changes[section] : current[section];
    if (typeof text === 'string' && text.trim() !== '') merged[section] = text.trim();
  }
  return merged;
}

function requireStatus(report: AnnualReport, expected: ReportStatus, message: string): void {
  if (report.status !== expected) throw new DomainException('INVALID_STATE', message);
}

const isUniqueViolation = (error: unknown): boolean =>
  error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505';

/** The mission officer's annual report: live figures while draft or presented, frozen once approved. */
@Injectable()
export class AnnualReportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, query: ListAnnualReportsQuery): Promise<AnnualReportSummary[]> {
    const qb = scopeQuery(this.db.getRepository(AnnualReport).createQueryBuilder('r'), actor);
    qb.andWhere('r.archivedAt IS NULL');
    if (query.year !== undefined) qb.andWhere('r.year = :year', { year: query.year });
    const rows = await qb.orderBy('r.year', 'DESC').addOrderBy('r.departementCode', 'ASC').getMany();
    return rows.map(summary);
  }

  async get(actor: Actor, id: string): Promise<AnnualReportDetail> {
    return this.detail(this.db.manager, await findScoped(this.db.manager, actor, AnnualReport, id, LABEL));
  }

  async create(actor: AuditActor, dto: CreateAnnualReportDto): Promise<AnnualReportDetail> {
    const departementCode = departementForWrite(actor, dto.departementCode);
    try {
      return await this.db.transaction(async (manager) => {
        const repo = manager.getRepository(AnnualReport);
        if (await repo.existsBy({ departementCode, year: dto.year, archivedAt: IsNull() })) throw duplicate(dto.year);
        const saved = await repo.save(
          repo.create({
            departementCode,
            year: dto.year,
            title: dto.title ?? `Rapport d’activité ${dto.year}`,
            status: 'draft',
            sections: mergeSections({}, dto.sections),
            figures: null,
            presentedOn: null,
            approvedOn: null,
            approvedById: null,
            archivedAt: null,
          }),
        );
        await this.audit.record(manager, actor, {
          action: 'created',
          entityType: ENTITY_TYPE,
          entityId: saved.id,
          departementCode,
          after: snapshot(saved),
        });
        return this.detail(manager, saved);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicate(dto.year);
      throw error;
    }
  }

  update(actor: AuditActor, id: string, dto: UpdateAnnualReportDto): Promise<AnnualReportDetail> {
    return this.change(actor, id, dto, 'updated', (before) => {
      requireStatus(before, 'draft', 'Seul un rapport en brouillon se modifie : rouvrez-le s’il a été présenté.');
      return {
        ...(dto.title !== undefined ? { title: dto.title } : {}),
        ...(dto.sections !== undefined ? { sections: mergeSections(before.sections, dto.sections) } : {}),
      };
    });
  }

  present(actor: AuditActor, id: string, dto: PresentReportDto): Promise<AnnualReportDetail> {
    return this.change(actor, id, dto, 'presented', (before) => {
      requireStatus(before, 'draft', 'Seul un rapport en brouillon peut être présenté.');
      return { status: 'presented', presentedOn: dto.presentedOn };
    });
  }

  /**
   * Computes the figures now and stores them: from then on they never change. A report with empty
   * sections, or whose year is not over yet, is approved only when the mission officer confirms it
   * (`confirmIncomplete`), and that confirmation is written to the history with what was missing.
   */
  approve(actor: AuditActor, id: string, dto: ApproveReportDto): Promise<AnnualReportDetail> {
    return this.change(actor, id, dto, 'approved', async (before, manager) => {
      requireStatus(before, 'presented', 'Seul un rapport présenté peut être approuvé.');
      if (before.presentedOn && dto.approvedOn < before.presentedOn) {
        throw new DomainException('BAD_INPUT', 'approvedOn : la date d’approbation précède celle de la présentation.');
      }
      const gaps = reportApprovalGaps(before, this.clock.today());
      if (gaps.messages.length > 0) {
        if (dto.confirmIncomplete !== true) {
          throw new DomainException(
            'BAD_INPUT',
            `confirmIncomplete : ${gaps.messages.join(' ; ')}. Confirmez explicitement pour approuver quand même.`,
          );
        }
        await this.audit.record(manager, actor, {
          action: 'approval_confirmed',
          entityType: ENTITY_TYPE,
          entityId: before.id,
          departementCode: before.departementCode,
          after: { emptySections: gaps.emptySections, yearNotOver: gaps.yearNotOver, approvedOn: dto.approvedOn },
        });
      }
      const figures = await computeAnnualFigures(manager, before.departementCode, before.year, this.clock.now());
      return {
        status: 'approved',
        approvedOn: dto.approvedOn,
        approvedById: actor.id,
        figures: figures as unknown as Record<string, unknown>,
      };
    });
  }

  reopen(actor: AuditActor, id: string, dto: VersionDto): Promise<AnnualReportDetail> {
    return this.change(actor, id, dto, 'reopened', (before) => {
      if (before.status === 'approved') {
        throw new DomainException('INVALID_STATE', 'Un rapport approuvé est définitif : il ne peut plus être rouvert.');
      }
      requireStatus(before, 'presented', 'Seul un rapport présenté peut être rouvert.');
      return { status: 'draft', presentedOn: null };
    });
  }

  async exportPdf(actor: Actor, id: string): Promise<GeneratedFile> {
    const { report, departementName } = await this.exportData(actor, id);
    const body = await renderPdf(annualReportDocument(report, departementName, this.clock.now()));
    return { filename: `${filenameOf(report)}.pdf`, body };
  }

  async exportXlsx(actor: Actor, id: string): Promise<GeneratedFile> {
    const { report, departementName } = await this.exportData(actor, id);
    return { filename: `${filenameOf(report)}.xlsx`, body: await annualReportWorkbook(report, departementName) };
  }

  private async exportData(actor: Actor, id: string) {
    const report = await this.get(actor, id);
    return { report, departementName: await departementNameOf(this.db.manager, report.departementCode) };
  }

  private change(
    actor: AuditActor,
    id: string,
    dto: VersionDto,
    action: string,
    changes: (before: AnnualReport, manager: EntityManager) => Partial<AnnualReport> | Promise<Partial<AnnualReport>>,
  ): Promise<AnnualReportDetail> {
    return this.db.transaction(async (manager) => {
      const after = await applyVersionedChange(manager, this.audit, actor, {
        target: AnnualReport,
        entityType: ENTITY_TYPE,
        label: LABEL,
        id,
        version: dto.version,
        action,
        changes: (before) => {
          if (before.archivedAt) throw new DomainException('INVALID_STATE', 'Ce rapport est archivé.');
          return changes(before, manager);
        },
        snapshot,
      });
      return this.detail(manager, after);
    });
  }

  private async detail(manager: EntityManager, r: AnnualReport): Promise<AnnualReportDetail> {
    const frozen = r.status === 'approved' && r.figures !== null;
    const figures = frozen
      ? (r.figures as unknown as AnnualReportFigures)
      : await computeAnnualFigures(manager, r.departementCode, r.year, this.clock.now());
    return { ...summary(r), sections: mergeSections(r.sections), approvedById: r.approvedById, frozen, figures };
  }
}

function duplicate(year: number): DomainException {
  return new DomainException('DUPLICATE', `Un rapport annuel ${year} existe déjà pour ce département.`);
}

function filenameOf(r: AnnualReportSummary): string {
  return `rapport-activite-${r.year}-${r.departementCode.toLowerCase()}`;
}
