import ExcelJS from 'exceljs';
import { createReadStream } from 'node:fs';

import { DomainException } from '../../common/errors/domain-exception';
import { toRow } from './csv-table';
import { cleanHeaders, type RawRow, type TableFile } from './table';

type CellValue = ExcelJS.CellValue;

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell as text: dates as `YYYY-MM-DD` (with the time when it has one), numbers as JavaScript writes them. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const date = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const time = value.getUTCHours() * 3600 + value.getUTCMinutes() * 60 + value.getUTCSeconds();
    return time === 0 ? date : `${date}T${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}`;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return String(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: CellValue }).result);
    if ('text' in value) return String((value as { text: unknown }).text ?? '');
    if ('error' in value) return '';
  }
  return '';
}

/** The cells of a row from ExcelJS's sparse `values` (index 1 = column A). */
function rowCells(values: unknown): string[] {
  if (!Array.isArray(values)) return [];
  const cells: string[] = [];
  for (let i = 1; i < values.length; i++) cells.push(cellText(values[i] as CellValue));
  return cells;
}

/**
 * Opens the first worksheet of an XLSX (checked by `checkXlsxArchive` first) with ExcelJS's
 * streaming reader: date cells come as dates (styles are read), numbers as numbers.
 */
export async function openXlsx(path: string, maxRows: number): Promise<TableFile> {
  const input = createReadStream(path);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const sheets = reader[Symbol.asyncIterator]();
  const close = () => input.destroy();
  let rowsOfSheet: AsyncIterator<ExcelJS.Row>;
  let header: ExcelJS.Row | undefined;
  try {
    const sheet = await sheets.next();
    if (sheet.done) throw new DomainException('BAD_INPUT', 'Ce classeur ne contient aucune feuille.');
    rowsOfSheet = (sheet.value as AsyncIterable<ExcelJS.Row>)[Symbol.asyncIterator]();
    const first = await rowsOfSheet.next();
    header = first.done ? undefined : first.value;
  } catch (error) {
    close();
    if (error instanceof DomainException) throw error;
    throw new DomainException('BAD_INPUT', 'Classeur XLSX illisible : le fichier est endommagé. Rien n’a été importé.');
  }
  const rawHeaders = header ? rowCells(header.values) : [];
  if (!header || rawHeaders.every((h) => h.trim() === '')) {
    close();
    throw new DomainException('BAD_INPUT', 'La première feuille du classeur ne contient pas de ligne d’en-tête.');
  }
  while (rawHeaders.length > 0 && rawHeaders[rawHeaders.length - 1].trim() === '') rawHeaders.pop();
  const headers = cleanHeaders(rawHeaders);
  const iterator = rowsOfSheet;

  async function* rows(): AsyncGenerator<RawRow> {
    let count = 0;
    try {
      for (;;) {
        const next = await iterator.next();
        if (next.done) break;
        const cells = rowCells(next.value.values);
        if (cells.every((cell) => cell.trim() === '')) continue;
        if (++count > maxRows) {
          throw new DomainException(
            'BAD_INPUT',
            `Le classeur dépasse ${maxRows.toLocaleString('fr-FR')} lignes : découpez-le en plusieurs fichiers.`,
          );
        }
        // A worksheet leaves out the empty cells at the end of a row: that is not a short row.
        while (cells.length < headers.length) cells.push('');
        yield toRow(next.value.number, cells, headers.length);
      }
    } catch (error) {
      if (error instanceof DomainException) throw error;
      throw new DomainException(
        'BAD_INPUT',
        'Classeur XLSX illisible : le fichier est endommagé. Rien n’a été importé.',
      );
    } finally {
      close();
    }
  }

  return { format: 'xlsx', encoding: null, delimiter: null, headers, rows: rows() };
}
