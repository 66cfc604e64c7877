import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { readFile } from 'node:fs/promises';

import { DomainException } from '../common/errors/domain-exception';
import { receiveUpload } from '../common/upload/receive-upload';
import { AppConfig } from '../config/app-config';
import { ContoursLoaderService, type ContoursReport } from '../territory/contours-loader.service';

const MB = 1024 * 1024;

/** Commune contours loaded from the screens, without a restart: an uploaded GeoJSON, or the configured source. */
@Injectable()
export class ContoursUploadService {
  constructor(
    private readonly loader: ContoursLoaderService,
    private readonly config: AppConfig,
  ) {}

  async upload(fileName: string, req: Request, res: Response): Promise<ContoursReport> {
    const file = await receiveUpload(req, res, this.config.CONTOURS_MAX_UPLOAD_MB * MB);
    try {
      let collection: unknown;
      try {
        collection = JSON.parse((await readFile(file.path, 'utf8')).replace(/^\uFEFF/, ''));
      } catch {
        throw new DomainException('BAD_INPUT', 'Ce fichier n’est pas un GeoJSON lisible (JSON invalide).');
      }
      return await this.french(() => this.loader.loadCollection(collection, `fichier envoyé : ${fileName}`));
    } finally {
      await file.discard();
    }
  }

  /** Loads `COMMUNE_CONTOURS_SOURCE` again (a file or a URL). */
  async refresh(): Promise<ContoursReport> {
    const source = this.config.COMMUNE_CONTOURS_SOURCE;
    if (!source) {
      throw new DomainException(
        'INVALID_STATE',
        'Aucune source de contours n’est configurée (COMMUNE_CONTOURS_SOURCE) : envoyez un fichier GeoJSON.',
      );
    }
    return this.french(() => this.loader.loadFrom(source), true);
  }

  /** The loader's own errors are French sentences: they become answers, never a 500. */
  private async french(load: () => Promise<ContoursReport>, remote = false): Promise<ContoursReport> {
    try {
      return await load();
    } catch (error) {
      if (error instanceof DomainException) throw error;
      const message = (error as Error)?.message ?? '';
      if (/^Contours : /.test(message) || remote) {
        throw new DomainException(
          remote ? 'INVALID_STATE' : 'BAD_INPUT',
          `${message.replace(/^Contours : /, 'Contours non chargés : ')}.`,
        );
      }
      throw error;
    }
  }
}
