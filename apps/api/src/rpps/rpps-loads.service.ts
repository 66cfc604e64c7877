import type { Page, RppsLoadView } from '@maillage/shared/domain';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';

import { DomainException } from '../common/errors/domain-exception';
import type { PageQueryDto } from '../common/http/page-query.dto';
import { paginate } from '../common/http/paging';
import type { Actor } from '../common/scope/territory-scope';
import {
  checkDeclaredSize,
  closeAfterAnswer,
  sizeLimit,
  tooLarge,
  UploadTooLargeError,
} from '../common/upload/receive-upload';
import { AppConfig } from '../config/app-config';
import { userRefsOf } from '../users/user-refs';
import { RppsLoad } from './entities/rpps-load.entity';
import { loadRppsExtract } from './loader/rpps-loader';
import type { ScanProgress, ScanResult } from './loader/rpps-scanner';

const MB = 1024 * 1024;
const PROGRESS_EVERY_MS = 1000;

/** Loads of the national RPPS extract, from an administrator's upload or the command line. */
@Injectable()
export class RppsLoadsService {
  private readonly logger = new Logger(RppsLoadsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** The body of the request is the file: read and loaded as it arrives (nothing written to disk). */
  async loadUpload(actor: Actor, fileName: string, req: Request, res: Response): Promise<RppsLoadView> {
    const maxBytes = this.config.RPPS_MAX_UPLOAD_MB * MB;
    const declared = checkDeclaredSize(req, res, maxBytes);
    const type = (req.headers['content-type'] ?? '').toLowerCase();
    if (type.startsWith('multipart/') || type.startsWith('application/json') || req.readableEnded) {
      throw new DomainException(
        'BAD_INPUT',
        'Envoyez le fichier tel quel dans le corps de la requête (pas dans un formulaire).',
      );
    }
    const limited = req.pipe(sizeLimit(maxBytes));
    req.on('aborted', () => limited.destroy(Object.assign(new Error('aborted'), { code: 'ECONNRESET' })));
    try {
      return await this.load(actor.id, fileName, limited, declared);
    } catch (error) {
      if (error instanceof UploadTooLargeError) throw tooLarge(res, maxBytes);
      closeAfterAnswer(res);
      throw error;
    }
  }

  /** For `npm run import:rpps -- <file>`. */
  async loadFile(path: string, onProgress?: (progress: ScanProgress, total: number) => void): Promise<RppsLoadView> {
    const { size } = await stat(path).catch(() => {
      throw new DomainException('BAD_INPUT', `Fichier introuvable : ${path}`);
    });
    const fileName = path.split(/[\\/]/).pop() ?? path;
    return this.load(null, fileName, createReadStream(path, { highWaterMark: 4 * MB }), size, (p) =>
      onProgress?.(p, size),
    );
  }

  async list(query: PageQueryDto): Promise<Page<RppsLoadView>> {
    const qb = this.db.getRepository(RppsLoad).createQueryBuilder('l');
    const page = await paginate(qb, query, { startedAt: 'l.startedAt' }, 'startedAt:desc', (l) => l);
    return { ...page, items: await this.views(page.items) };
  }

  async get(id: string): Promise<RppsLoadView> {
    const load = await this.db.getRepository(RppsLoad).findOneBy({ id });
    if (!load) throw DomainException.notFound('Chargement');
    return (await this.views([load]))[0];
  }

  /** When the directory in place was loaded (null: never). */
  async lastLoadedAt(): Promise<Date | null> {
    const last = await this.db
      .getRepository(RppsLoad)
      .findOne({ where: { status: 'loaded' }, order: { finishedAt: 'DESC' } });
    return last?.finishedAt ?? null;
  }

  private async load(
    userId: string | null,
    fileName: string,
    input: Readable,
    bytesTotal: number | null,
    onProgress?: (progress: ScanProgress) => void,
  ): Promise<RppsLoadView> {
    const repo = this.db.getRepository(RppsLoad);
    const load = await repo.save(
      repo.create({ fileName: fileName.slice(0, 255), bytesTotal, loadedById: userId, status: 'loading' }),
    );
    let last = 0;
    const progress = (p: ScanProgress) => {
      onProgress?.(p);
      if (Date.now() - last < PROGRESS_EVERY_MS) return;
      last = Date.now();
      void repo
        .update({ id: load.id }, { bytesRead: p.bytesRead, rowsRead: p.rowsRead, rowsKept: p.rowsKept })
        .catch(() => undefined);
    };
    const started = Date.now();
    try {
      const result = await loadRppsExtract(this.db, input, {
        departements: this.config.TERRITORY_DEPARTEMENTS,
        statementTimeoutMs: this.config.BULK_STATEMENT_TIMEOUT_MS,
        onProgress: progress,
      });
      await repo.update({ id: load.id }, { ...this.figures(result), status: 'loaded', finishedAt: new Date() });
      this.logger.log({ msg: 'rpps extract loaded', fileName, ms: Date.now() - started, ...this.figures(result) });
    } catch (error) {
      const message =
        error instanceof DomainException
          ? error.message
          : error instanceof UploadTooLargeError
            ? 'Le fichier dépasse la taille autorisée.'
            : 'Erreur pendant le chargement : l’annuaire en place n’a pas été remplacé.';
      await repo.update({ id: load.id }, { status: 'failed', error: message, finishedAt: new Date() });
      if (!(error instanceof DomainException) && !(error instanceof UploadTooLargeError)) {
        this.logger.error({ msg: 'rpps load failed', error: (error as Error)?.stack ?? String(error) });
      }
      throw error;
    }
    return this.get(load.id);
  }

  private figures(result: ScanResult): Partial<RppsLoad> {
    return {
      columnCount: result.columnCount,
      bytesRead: result.bytesRead,
      rowsRead: result.rowsRead,
      rowsKept: result.rowsKept,
      malformedLines: result.malformedLines,
      problems: result.problems,
    };
  }

  private async views(loads: RppsLoad[]): Promise<RppsLoadView[]> {
    const users = await userRefsOf(
      this.db.manager,
      loads.map((l) => l.loadedById),
    );
    return loads.map((l) => ({
      id: l.id,
      fileName: l.fileName,
      status: l.status,
      columnCount: l.columnCount,
      bytesTotal: l.bytesTotal,
      bytesRead: l.bytesRead,
      rowsRead: l.rowsRead,
      rowsKept: l.rowsKept,
      malformedLines: l.malformedLines,
      problems: l.problems,
      error: l.error,
      startedAt: l.startedAt.toISOString(),
      finishedAt: l.finishedAt?.toISOString() ?? null,
      loadedBy: l.loadedById ? (users.get(l.loadedById) ?? null) : null,
    }));
  }
}
