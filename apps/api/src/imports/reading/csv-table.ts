import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';

import { DomainException } from '../../common/errors/domain-exception';
import { detectEncoding } from './encoding';
import { cleanCell, cleanHeaders, type RawRow, type TableFile } from './table';

const DELIMITERS = [';', ',', '\t'] as const;

/** The delimiter of the header line: the most frequent of `;`, `,` and tab outside quotes (`,` when none). */
export function detectDelimiter(headerLine: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  const [best, count] = [...counts].sort((a, b) => b[1] - a[1])[0];
  return count > 0 ? best : ',';
}

async function endsWithNewline(path: string, size: number): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    return last[0] === 0x0a || last[0] === 0x0d;
  } finally {
    await handle.close();
  }
}

interface CsvParseError extends Error {
  code?: string;
  lines?: number;
}

/** csv-parse's structural errors in words a person understands. */
function frenchCsvError(error: CsvParseError): DomainException {
  const where = error.lines ? ` (ligne ${error.lines} du fichier)` : '';
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new DomainException(
        'BAD_INPUT',
        `Fichier tronqué ou mal formé : un guillemet ouvert n’est jamais refermé${where}. Rien n’a été importé.`,
      );
    case 'CSV_INVALID_CLOSING_QUOTE':
      return new DomainException(
        'BAD_INPUT',
        `Fichier mal formé : un guillemet est suivi d’autre chose qu’un séparateur${where}. Rien n’a été importé.`,
      );
    default:
      return new DomainException('BAD_INPUT', `Fichier CSV illisible${where}. Rien n’a été importé.`);
  }
}

/**
 * Opens a CSV file: encoding (UTF-8 with or without BOM, Windows-1252, UTF-16) and delimiter
 * (`;`, `,`, tab) detected, quoted fields with line breaks, row numbers as a spreadsheet shows
 * them. A file that stops in the middle of a row is refused as truncated.
 */
export async function openCsv(path: string, size: number, sample: Buffer, maxRows: number): Promise<TableFile> {
  const encoding = detectEncoding(sample);
  const head = iconv.decode(sample.subarray(0, 16 * 1024), encoding);
  const delimiter = detectDelimiter(head.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '');
  const parser = createReadStream(path)
    .pipe(iconv.decodeStream(encoding, { stripBOM: true }))
    .pipe(parse({ delimiter, relax_column_count: true, skip_empty_lines: false, bom: true }));
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  let first: IteratorResult<string[]>;
  try {
    first = await records.next();
  } catch (error) {
    throw frenchCsvError(error as CsvParseError);
  }
  if (first.done || first.value.every((cell) => cell.trim() === '')) {
    parser.destroy();
    throw new DomainException('BAD_INPUT', 'Le fichier ne contient pas de ligne d’en-tête.');
  }
  const headers = cleanHeaders(first.value);
  const finalNewline = await endsWithNewline(path, size);

  async function* rows(): AsyncGenerator<RawRow> {
    let line = 1;
    let count = 0;
    let last: { line: number; cells: number } | null = null;
    try {
      for (;;) {
        const next = await records.next();
        if (next.done) break;
        line += 1;
        const record = next.value;
        if (record.every((cell) => cell.trim() === '')) continue;
        if (++count > maxRows) {
          throw new DomainException(
            'BAD_INPUT',
            `Le fichier dépasse ${maxRows.toLocaleString('fr-FR')} lignes : découpez-le en plusieurs fichiers.`,
          );
        }
        last = { line, cells: record.length };
        yield toRow(line, record, headers.length);
      }
    } catch (error) {
      if (error instanceof DomainException) throw error;
      throw frenchCsvError(error as CsvParseError);
    } finally {
      parser.destroy();
    }
    if (last && !finalNewline && last.cells < headers.length) {
      throw new DomainException(
        'BAD_INPUT',
        `Le fichier semble tronqué : sa dernière ligne (ligne ${last.line}) est incomplète. Rien n’a été importé.`,
      );
    }
  }

  return { format: 'csv', encoding, delimiter, headers, rows: rows() };
}

/** A record as a row: cells cleaned, trailing empty cells beyond the header dropped, width checked. */
export function toRow(line: number, record: readonly string[], width: number): RawRow {
  const problems: string[] = [];
  const cells = record.map((value) => {
    const { text, problem } = cleanCell(value);
    if (problem && !problems.includes(problem)) problems.push(problem);
    return text;
  });
  while (cells.length > width && cells[cells.length - 1] === '') cells.pop();
  if (cells.length !== width) {
    problems.unshift(`${cells.length} colonne${cells.length > 1 ? 's' : ''} au lieu de ${width} (ligne mal formée)`);
  }
  while (cells.length < width) cells.push('');
  return problems.length > 0 ? { line, cells, problem: problems.join(' ; ') } : { line, cells };
}
