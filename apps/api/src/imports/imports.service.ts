import {
  type AuthUser,
  foldHeader,
  IMPORT_FIELDS,
  type ImportJobView,
  type ImportMapping,
  type ImportRowView,
  type Page,
  suggestMapping,
  todayInFrance,
} from '@maillage/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { DataSource, type EntityManager } from 'typeorm';

import { AuditService } from '../common/audit/audit.service';
import { DomainException } from '../common/errors/domain-exception';
import { paginate } from '../common/http/paging';
import { affectedRows } from '../common/persistence/affected-rows';
import { findScoped } from '../common/persistence/scoped-records';
import { type Actor, scopeQuery } from '../common/scope/territory-scope';
import { receiveUpload } from '../common/upload/receive-upload';
import { AppConfig } from '../config/app-config';
import { userRefsOf } from '../users/user-refs';
import type { ImportMappingDto, ListImportRowsQuery, ListImportsQuery, UploadImportQuery } from './dto/import.dto';
import { ImportJob } from './entities/import-job.entity';
import { ImportMappingPreference } from './entities/import-mapping.entity';
import { ImportRow } from './entities/import-row.entity';
import { runPass } from './import-runner';
import { ImportTasks } from './import-tasks';
import { STALE_MINUTES, toJobView, toRowView } from './import-views';
import type { ImportContext } from './kinds/import-kind';
import type { RawRow, TableFile } from './reading/table';
import { openTable } from './reading/table-reader';

const MB = 1024 * 1024;
const ROW_BATCH = 500;
export const IMPORT_LABEL = 'Import';
/** A job may be worked on when ready, or when its work was interrupted (see `isStale`). */
export const WORKABLE = `(status = 'ready' OR (status IN ('analysing', 'applying') AND updated_at < now() - interval '${STALE_MINUTES} minutes'))`;

/** Spreadsheet imports: upload and read a file, map its columns, preview; reads of the history. */
@Injectable()
export class ImportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly tasks: ImportTasks,
  ) {}

  /**
   * Receives a file (streamed, size-limited), checks what it is and reads its header at once
   * (a wrong file answers 400 right away), then stores its rows and previews them in the
   * background: poll `GET /api/imports/:id`.
   */
  async upload(actor: AuthUser, query: UploadImportQuery, req: Request, res: Response): Promise<ImportJobView> {
    const departementCode = actor.departementCode;
    if (!departementCode) {
      throw new DomainException('BAD_INPUT', 'Un import concerne un département : utilisez un compte départemental.');
    }
    const file = await receiveUpload(req, res, this.config.IMPORT_MAX_UPLOAD_MB * MB);
    let table: TableFile;
    try {
      table = await openTable(file.path, file.size, {
        maxRows: this.config.IMPORT_MAX_ROWS,
        maxXlsxUncompressedBytes: this.config.XLSX_MAX_UNCOMPRESSED_MB * MB,
      });
    } catch (error) {
      await file.discard();
      throw error;
    }
    const remembered = await this.db
      .getRepository(ImportMappingPreference)
      .findOneBy({ userId: actor.id, kind: query.kind });
    const repo = this.db.getRepository(ImportJob);
    const job = await repo.save(
      repo.create({
        departementCode,
        archivedAt: null,
        kind: query.kind,
        status: 'analysing',
        fileName: query.fileName.trim(),
        fileFormat: table.format,
        encoding: table.encoding,
        delimiter: table.delimiter,
        headers: table.headers,
        mapping: suggestMapping(IMPORT_FIELDS[query.kind], table.headers, remembered?.headers),
        createdById: actor.id,
        error: null,
        appliedAt: null,
        appliedById: null,
        undoneAt: null,
        undoneById: null,
      }),
    );
    this.tasks.start(
      job.id,
      async () => {
        try {
          await this.storeRows(job.id, table);
        } finally {
          await file.discard();
        }
        await this.preview(actor, job.id);
      },
      (message) => this.fail(job.id, message),
    );
    return this.view(job);
  }

  async list(actor: Actor, query: ListImportsQuery): Promise<Page<ImportJobView>> {
    const qb = scopeQuery(this.db.getRepository(ImportJob).createQueryBuilder('j'), actor);
    if (query.kind) qb.andWhere('j.kind = :kind', { kind: query.kind });
    if (query.status) qb.andWhere('j.status = :status', { status: query.status });
    const sortable = { createdAt: 'j.createdAt', fileName: 'j.fileName', status: 'j.status' };
    const page = await paginate(qb, query, sortable, 'createdAt:desc', (j) => j);
    const users = await userRefsOf(
      this.db.manager,
      page.items.flatMap((j) => [j.createdById, j.appliedById, j.undoneById]),
    );
    return { ...page, items: page.items.map((j) => toJobView(j, users)) };
  }

  async get(actor: Actor, id: string): Promise<ImportJobView> {
    return this.view(await findScoped(this.db.manager, actor, ImportJob, id, IMPORT_LABEL));
  }

  async rows(actor: Actor, id: string, query: ListImportRowsQuery): Promise<Page<ImportRowView>> {
    const job = await findScoped(this.db.manager, actor, ImportJob, id, IMPORT_LABEL);
    const qb = this.db.getRepository(ImportRow).createQueryBuilder('r').where('r.jobId = :id', { id });
    if (query.outcome) qb.andWhere('r.outcome = :outcome', { outcome: query.outcome });
    const page = await paginate(qb, query, { line: 'r.line' }, 'line:asc', (r) => toRowView(r, job));
    return page;
  }

  /** Changes the columns of the fields, remembers them for this user, and previews again. */
  async setMapping(actor: AuthUser, id: string, dto: ImportMappingDto): Promise<ImportJobView> {
    const job = await findScoped(this.db.manager, actor, ImportJob, id, IMPORT_LABEL);
    const mapping = checkMapping(job, dto.mapping);
    const moved: unknown = await this.db.query(
      `UPDATE import_jobs SET mapping = $2, status = 'analysing', processed_rows = 0, error = NULL,
              updated_at = now(), version = version + 1
        WHERE id = $1 AND ${WORKABLE} RETURNING id`,
      [id, JSON.stringify(mapping)],
    );
    if (affectedRows(moved) === 0) throw notWorkable(job);
    await this.remember(actor.id, { ...job, mapping });
    this.tasks.start(
      id,
      () => this.preview(actor, id),
      (message) => this.fail(id, message),
    );
    return this.get(actor, id);
  }

  /** Deletes a preview that will not be applied (its rows hold personal data); applied imports are kept. */
  async remove(actor: Actor, id: string): Promise<void> {
    const job = await findScoped(this.db.manager, actor, ImportJob, id, IMPORT_LABEL);
    const deleted: unknown = await this.db.query(
      `DELETE FROM import_jobs WHERE id = $1 AND (status = 'failed' OR ${WORKABLE}) RETURNING id`,
      [id],
    );
    if (affectedRows(deleted) === 0) {
      throw new DomainException(
        'INVALID_STATE',
        `Un import ${job.status === 'analysing' ? 'en cours d’analyse' : 'appliqué ou annulé'} est conservé dans l’historique.`,
      );
    }
  }

  /** The columns chosen for a kind, kept per user for the next file (as folded headers). */
  async remember(userId: string, job: Pick<ImportJob, 'kind' | 'headers' | 'mapping'>): Promise<void> {
    const headers = Object.fromEntries(
      Object.entries(job.mapping).flatMap(([key, index]) =>
        index === null || job.headers[index] === undefined ? [] : [[key, foldHeader(job.headers[index])]],
      ),
    );
    await this.db
      .getRepository(ImportMappingPreference)
      .upsert({ userId, kind: job.kind, headers }, ['userId', 'kind']);
  }

  context(manager: EntityManager, actor: AuthUser, job: ImportJob): ImportContext {
    return {
      manager,
      audit: this.audit,
      actor,
      departementCode: job.departementCode,
      config: this.config,
      today: todayInFrance(),
      fileName: job.fileName,
      jobId: job.id,
    };
  }

  async view(job: ImportJob): Promise<ImportJobView> {
    const users = await userRefsOf(this.db.manager, [job.createdById, job.appliedById, job.undoneById]);
    return toJobView(job, users);
  }

  /** Stores the rows of the file as read (cells as text), in batches; progress counts the rows read. */
  private async storeRows(jobId: string, table: TableFile): Promise<void> {
    let batch: RawRow[] = [];
    let total = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      await this.db.query(
        `INSERT INTO import_rows (job_id, line, cells, problem)
         SELECT $1, t.line, t.cells::jsonb, t.problem FROM unnest($2::int[], $3::text[], $4::text[]) AS t(line, cells, problem)`,
        [
          jobId,
          batch.map((r) => r.line),
          batch.map((r) => JSON.stringify(r.cells)),
          batch.map((r) => r.problem ?? null),
        ],
      );
      total += batch.length;
      batch = [];
      await this.tasks.progress(jobId, total);
    };
    for await (const row of table.rows) {
      batch.push(row);
      if (batch.length >= ROW_BATCH) await flush();
    }
    await flush();
    if (total === 0)
      throw new DomainException('BAD_INPUT', 'Le fichier ne contient aucune ligne sous la ligne d’en-tête.');
    await this.db.query('UPDATE import_jobs SET total_rows = $2, updated_at = now() WHERE id = $1', [jobId, total]);
  }

  private async preview(actor: AuthUser, id: string): Promise<void> {
    const job = await this.db.getRepository(ImportJob).findOneByOrFail({ id });
    const { counts } = await runPass(this.context(this.db.manager, actor, job), job, false, (rows) =>
      this.tasks.progress(id, rows),
    );
    await this.db.query(
      `UPDATE import_jobs SET status = 'ready', create_count = $2, update_count = $3, unchanged_count = $4,
              rejected_count = $5, error = NULL, updated_at = now(), version = version + 1 WHERE id = $1`,
      [id, counts.create, counts.update, counts.unchanged, counts.rejected],
    );
  }

  /** A file that cannot be read: nothing of it is kept but the reason. */
  private async fail(id: string, message: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      await manager.query('DELETE FROM import_rows WHERE job_id = $1', [id]);
      await manager.query(
        `UPDATE import_jobs SET status = 'failed', error = $2, total_rows = 0, processed_rows = 0, create_count = 0,
                update_count = 0, unchanged_count = 0, rejected_count = 0, updated_at = now(), version = version + 1
          WHERE id = $1`,
        [id, message],
      );
    });
  }
}

export function notWorkable(job: ImportJob): DomainException {
  const why: Record<string, string> = {
    analysing: 'son analyse est en cours',
    applying: 'il est en cours d’application',
    applied: 'il a déjà été appliqué',
    failed: 'son fichier n’a pas pu être lu',
    undone: 'il a été annulé',
  };
  return new DomainException('INVALID_STATE', `Impossible pour cet import : ${why[job.status] ?? job.status}.`);
}

/** A mapping of this job: known fields, columns that exist, each column used once. */
function checkMapping(job: ImportJob, input: ImportMapping): ImportMapping {
  const fields = IMPORT_FIELDS[job.kind];
  const unknown = Object.keys(input).filter((key) => !fields.some((f) => f.key === key));
  if (unknown.length > 0) {
    throw new DomainException('BAD_INPUT', `mapping : champ inconnu pour cet import (${unknown.join(', ')}).`);
  }
  const mapping: ImportMapping = {};
  const owner = new Map<number, string>();
  for (const f of fields) {
    const index = input[f.key] ?? null;
    if (index !== null && (!Number.isInteger(index) || index < 0 || index >= job.headers.length)) {
      throw new DomainException('BAD_INPUT', `mapping : « ${f.label} » désigne une colonne qui n’existe pas.`);
    }
    if (index !== null && owner.has(index)) {
      throw new DomainException(
        'BAD_INPUT',
        `mapping : la colonne « ${job.headers[index]} » est choisie pour « ${owner.get(index)} » et « ${f.label} ».`,
      );
    }
    if (index !== null) owner.set(index, f.label);
    mapping[f.key] = index;
  }
  return mapping;
}
