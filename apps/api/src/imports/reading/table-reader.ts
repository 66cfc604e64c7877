import { DomainException } from '../../common/errors/domain-exception';
import { readSample, SNIFFED_LABELS, sniffType } from '../../common/upload/file-type';
import { openCsv } from './csv-table';
import type { TableFile } from './table';
import { openXlsx } from './xlsx-table';
import { checkXlsxArchive, XLSX_ZIP_LIMITS } from './zip-guard';

export interface TableLimits {
  maxRows: number;
  maxXlsxUncompressedBytes: number;
}

/**
 * Opens an uploaded spreadsheet by what it is (its first bytes), never by its name: CSV text or
 * XLSX (checked against zip bombs first). Anything else is refused in French.
 */
export async function openTable(path: string, size: number, limits: TableLimits): Promise<TableFile> {
  const sample = await readSample(path);
  const type = sniffType(sample);
  if (type === 'zip') {
    await checkXlsxArchive(path, { ...XLSX_ZIP_LIMITS, maxUncompressedBytes: limits.maxXlsxUncompressedBytes });
    return openXlsx(path, limits.maxRows);
  }
  if (type === 'text') return openCsv(path, size, sample, limits.maxRows);
  const advice =
    type === 'xls'
      ? ' Ouvrez-le dans Excel et enregistrez-le au format .xlsx ou CSV.'
      : ' Envoyez un fichier CSV ou un classeur Excel (.xlsx).';
  throw new DomainException('BAD_INPUT', `Ce fichier est ${SNIFFED_LABELS[type]}, pas un tableur.${advice}`);
}
