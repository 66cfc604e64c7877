import {
  type AuthUser,
  normalizeSearchText,
  suggestMapping,
  type Zonage,
  ZONAGE_IMPORT_FIELDS,
  ZONAGE_LABELS,
  ZONAGE_SHORT_LABELS,
  type ZonageImportReport,
  type ZonageImportRow,
  ZONAGES,
} from '@maillage/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { DataSource, type EntityManager } from 'typeorm';

import { AuditService } from '../common/audit/audit.service';
import { DomainException } from '../common/errors/domain-exception';
import { allowLongStatements } from '../common/persistence/long-statements';
import { receiveUpload } from '../common/upload/receive-upload';
import { AppConfig } from '../config/app-config';
import { CellError, cellValue, parseChoice, parseDate } from '../imports/cells';
import { valuesOf } from '../imports/import-runner';
import type { RawRow } from '../imports/reading/table';
import { openTable } from '../imports/reading/table-reader';
import { Commune } from '../territory/entities/commune.entity';
import { addZonagePeriod } from '../territory/zonage-periods';

const MB = 1024 * 1024;
const MAX_ROWS = 100_000;
/** Labels as ARS files write them: « QPV-ZIP », « Zone d’intervention prioritaire », short or long. */
const SYNONYMS: Record<string, Zonage> = Object.fromEntries(
  ZONAGES.flatMap((z) => [
    [normalizeSearchText(ZONAGE_LABELS[z]), z],
    [normalizeSearchText(ZONAGE_LABELS[z].replace(/\s*\(.*\)$/, '')), z],
  ]),
);

class Rollback extends Error {}

/**
 * The ARS zonage of every commune from one file (CSV or XLSX): read, checked and previewed, then
 * applied in one transaction. The preview runs the very same writes and rolls them back, so what
 * it shows is what applying does. A file with an error applies nothing.
 */
@Injectable()
export class ZonageImportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async run(
    actor: AuthUser,
    fileName: string,
    apply: boolean,
    req: Request,
    res: Response,
  ): Promise<ZonageImportReport> {
    const file = await receiveUpload(req, res, this.config.IMPORT_MAX_UPLOAD_MB * MB);
    try {
      const table = await openTable(file.path, file.size, {
        maxRows: MAX_ROWS,
        maxXlsxUncompressedBytes: this.config.XLSX_MAX_UNCOMPRESSED_MB * MB,
      });
      const mapping = suggestMapping(ZONAGE_IMPORT_FIELDS, table.headers);
      const missing = ZONAGE_IMPORT_FIELDS.filter((f) => f.required && mapping[f.key] === null).map(
        (f) => `« ${f.label} »`,
      );
      if (missing.length > 0) {
        throw new DomainException(
          'BAD_INPUT',
          `Colonnes introuvables dans l’en-tête : ${missing.join(', ')} (colonnes du fichier : ${table.headers.join(', ')}).`,
        );
      }
      const rows: RawRow[] = [];
      for await (const row of table.rows) rows.push(row);
      const report: ZonageImportReport = {
        fileName,
        applied: false,
        headers: table.headers,
        mapping,
        rows: [],
        errors: [],
        outsideTerritory: 0,
        counts: { added: 0, unchanged: 0 },
      };
      try {
        await this.db.transaction(async (manager) => {
          await allowLongStatements(manager, this.config.BULK_STATEMENT_TIMEOUT_MS);
          await this.write(manager, actor, rows, mapping, report);
          if (!apply || report.errors.length > 0) throw new Rollback();
        });
        report.applied = true;
      } catch (error) {
        if (!(error instanceof Rollback)) throw error;
      }
      if (apply && report.errors.length > 0) {
        throw new DomainException(
          'BAD_INPUT',
          `Le fichier contient ${report.errors.length} erreur${report.errors.length > 1 ? 's' : ''} : rien n’a été enregistré. ` +
            report.errors
              .slice(0, 5)
              .map((e) => `Ligne ${e.line} : ${e.message}`)
              .join(' '),
        );
      }
      return report;
    } finally {
      await file.discard();
    }
  }

  private async write(
    manager: EntityManager,
    actor: AuthUser,
    rows: RawRow[],
    mapping: Record<string, number | null>,
    report: ZonageImportReport,
  ): Promise<void> {
    const communes = new Map((await manager.getRepository(Commune).find()).map((c) => [c.code, c]));
    const parsed: (Omit<ZonageImportRow, 'action' | 'communeName'> & { source: string | null; commune: Commune })[] =
      [];
    for (const row of rows) {
      const values = valuesOf(row.cells, mapping);
      const get = (key: string) => cellValue(values.get(key));
      try {
        if (row.problem) throw new CellError(row.problem);
        const code = get('communeCode').padStart(5, '0');
        const commune = communes.get(code);
        if (!commune) {
          report.outsideTerritory++;
          continue;
        }
        if (actor.departementCode && commune.departementCode !== actor.departementCode) {
          report.outsideTerritory++;
          continue;
        }
        const zonage = parseChoice(get('zonage'), ZONAGES, ZONAGE_SHORT_LABELS, SYNONYMS);
        const validFrom = parseDate(get('validFrom'));
        if (!zonage || !validFrom) throw new CellError('zonage et début de validité sont obligatoires.');
        const source = get('source') || null;
        parsed.push({
          line: row.line,
          communeCode: code,
          commune,
          zonage,
          validFrom,
          validTo: parseDate(get('validTo')),
          source,
        });
      } catch (error) {
        if (!(error instanceof CellError)) throw error;
        report.errors.push({ line: row.line, message: error.message });
      }
    }
    // A commune's history in order, so that each period closes the one before it.
    parsed.sort((a, b) => a.communeCode.localeCompare(b.communeCode) || a.validFrom.localeCompare(b.validFrom));
    for (const p of parsed) {
      await manager.query('SAVEPOINT zonage_row');
      try {
        const action = await addZonagePeriod(manager, this.audit, actor, p.commune, {
          zonage: p.zonage,
          validFrom: p.validFrom,
          validTo: p.validTo,
          source: p.source ?? `Import ${report.fileName}`.slice(0, 300),
        });
        await manager.query('RELEASE SAVEPOINT zonage_row');
        report.rows.push({
          line: p.line,
          communeCode: p.communeCode,
          communeName: p.commune.name,
          zonage: p.zonage,
          validFrom: p.validFrom,
          validTo: p.validTo,
          action,
        });
        report.counts[action === 'unchanged' ? 'unchanged' : 'added']++;
      } catch (error) {
        await manager.query('ROLLBACK TO SAVEPOINT zonage_row');
        if (!(error instanceof DomainException)) throw error;
        report.errors.push({
          line: p.line,
          message: `${p.commune.name} (${p.communeCode}) : ${error.message.replace(/^validFrom : /, '')}`,
        });
      }
    }
    report.rows.sort((a, b) => a.line - b.line);
    report.errors.sort((a, b) => a.line - b.line);
  }
}
