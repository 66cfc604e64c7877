import { normalizeSearchText } from '@maillage/shared/domain';
import { Transform, type TransformCallback } from 'node:stream';

import { DomainException } from '../../common/errors/domain-exception';
import { departementOf, readHeader, type RppsColumns } from './rpps-header';

const PIPE = 0x7c;
const NEWLINE = 0x0a;
const CR = 0x0d;
const MAX_PROBLEMS = 20;

/** The columns of `rpps_practitioners` the scanner writes, in COPY order. */
export const RPPS_COPY_COLUMNS = [
  'line_no',
  'national_id',
  'rpps',
  'civility_code',
  'last_name',
  'first_name',
  'profession_code',
  'profession_label',
  'savoir_faire_code',
  'savoir_faire_label',
  'practice_mode_code',
  'practice_mode_label',
  'siret',
  'structure_name',
  'address',
  'postal_code',
  'commune_code',
  'commune_label',
  'departement_code',
  'sector_code',
  'sector_label',
  'search_text',
] as const;

export interface ScanProgress {
  bytesRead: number;
  rowsRead: number;
  rowsKept: number;
}

export interface ScanResult extends ScanProgress {
  columnCount: number;
  malformedLines: number;
  problems: string[];
}

/** A COPY text value: `\N` for null; backslash, tab and line breaks escaped. */
function copyValue(value: string | null): string {
  if (value === null) return '\\N';
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))
    : value;
}

/**
 * Reads the national extract as bytes and writes, in PostgreSQL COPY text format, the rows of
 * the served départements only. Every line is scanned once, byte by byte, for its separators and
 * its commune; only the lines kept (a few percent) are decoded into strings. A line with the
 * wrong number of columns is counted and reported, never loaded; a file that stops in the middle
 * of a line is refused as truncated.
 */
export class RppsScanner extends Transform {
  private columns: RppsColumns | null = null;
  private separators = 0;
  private communeIndex = 0;
  private leftover: Buffer | null = null;
  private readonly served: Buffer[];
  private readonly decoder = new TextDecoder('utf-8');
  private state: ScanResult = {
    bytesRead: 0,
    rowsRead: 0,
    rowsKept: 0,
    columnCount: 0,
    malformedLines: 0,
    problems: [],
  };

  constructor(
    departements: readonly string[],
    private readonly onProgress?: (progress: ScanProgress) => void,
  ) {
    super({ readableHighWaterMark: 1024 * 1024 });
    this.served = departements.map((d) => Buffer.from(d, 'latin1'));
  }

  result(): ScanResult {
    return { ...this.state, problems: [...this.state.problems] };
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.state.bytesRead += chunk.length;
      const data = this.leftover ? Buffer.concat([this.leftover, chunk]) : chunk;
      const end = data.lastIndexOf(NEWLINE);
      if (end < 0) {
        this.leftover = data;
        return callback();
      }
      this.leftover = end + 1 < data.length ? data.subarray(end + 1) : null;
      const out = this.scan(data, end + 1);
      this.onProgress?.(this.state);
      callback(null, out.length > 0 ? out : undefined);
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      if (!this.columns && !this.leftover) throw new DomainException('BAD_INPUT', 'Le fichier est vide.');
      let out = '';
      if (this.leftover) {
        const last = this.leftover;
        this.leftover = null;
        if (!this.columns) {
          this.header(last, last.length);
        } else {
          // A last line without line break is fine only when it is complete.
          let pipes = 0;
          for (let i = 0; i < last.length; i++) if (last[i] === PIPE) pipes++;
          if (pipes < this.separators - 1) {
            throw new DomainException(
              'BAD_INPUT',
              `Fichier tronqué : sa dernière ligne (ligne ${this.state.rowsRead + 2}) est incomplète. L’annuaire en place n’a pas été remplacé.`,
            );
          }
          out = this.scan(Buffer.concat([last, Buffer.from('\n')]), last.length + 1);
        }
      }
      if (!this.columns) throw new DomainException('BAD_INPUT', 'Le fichier ne contient pas de ligne d’en-tête.');
      this.onProgress?.(this.state);
      callback(null, out.length > 0 ? out : undefined);
    } catch (error) {
      callback(error as Error);
    }
  }

  /** Reads the complete lines of `data[0, end)` and returns the COPY text of those kept. */
  private scan(data: Buffer, end: number): string {
    let start = 0;
    if (!this.columns) {
      const newline = data.indexOf(NEWLINE);
      this.header(data, newline);
      start = newline + 1;
    }
    const target = this.communeIndex;
    const rows: string[] = [];
    let pipes = 0;
    let communeStart = target === 0 ? start : -1;
    let communeEnd = -1;
    for (let i = start; i < end; i++) {
      const byte = data[i];
      if (byte === PIPE) {
        pipes++;
        if (pipes === target) communeStart = i + 1;
        else if (pipes === target + 1) communeEnd = i;
      } else if (byte === NEWLINE) {
        this.state.rowsRead++;
        if (pipes === this.separators || pipes === this.separators - 1) {
          if (communeEnd > communeStart && this.isServed(data, communeStart, communeEnd)) {
            const row = this.row(data, start, data[i - 1] === CR ? i - 1 : i);
            if (row) rows.push(row);
          }
        } else if (!(pipes === 0 && i - start <= 1)) {
          const last = data[i - 1] === CR ? i - 2 : i - 1;
          this.malformed(data[last] === PIPE ? pipes : pipes + 1);
        }
        start = i + 1;
        pipes = 0;
        communeStart = target === 0 ? start : -1;
        communeEnd = -1;
      }
    }
    return rows.join('');
  }

  private header(data: Buffer, end: number): void {
    const { columns, columnCount } = readHeader(data.toString('utf8', 0, end));
    this.columns = columns;
    this.separators = columnCount;
    this.communeIndex = columns.communeCode;
    this.state.columnCount = columnCount;
  }

  /** Whether the commune code `data[start, end)` lies in a served département (compared as bytes). */
  private isServed(data: Buffer, start: number, end: number): boolean {
    for (const code of this.served) {
      if (end - start < code.length) continue;
      let same = true;
      for (let k = 0; k < code.length && same; k++) same = data[start + k] === code[k];
      // « 97 » must not take « 974 »'s communes, nor « 2A » those of « 2B ».
      if (same && departementOf(data.toString('latin1', start, end)) === code.toString('latin1')) return true;
    }
    return false;
  }

  private malformed(fields: number): void {
    this.state.malformedLines++;
    this.problem(`ligne ${this.state.rowsRead + 1} : ${fields} colonnes au lieu de ${this.separators} (ligne ignorée)`);
  }

  private problem(text: string): void {
    if (this.state.problems.length < MAX_PROBLEMS) this.state.problems.push(text);
  }

  /** A kept line as a COPY row. */
  private row(data: Buffer, start: number, end: number): string | null {
    const c = this.columns as RppsColumns;
    const cells = this.decoder.decode(data.subarray(start, end)).split('|');
    const get = (index: number) => (index >= 0 ? (cells[index] ?? '').trim() : '');
    const communeCode = get(c.communeCode);
    if (communeCode.length !== 5) return null;
    const nationalId = get(c.nationalId);
    if (!nationalId || !get(c.professionCode)) {
      this.problem(`ligne ${this.state.rowsRead + 1} : identifiant ou profession manquant (ligne ignorée)`);
      return null;
    }
    this.state.rowsKept++;
    const optional = (index: number) => get(index) || null;
    const ppId = get(c.ppId);
    const structure = get(c.structureName) || get(c.brand);
    const address = [
      get(c.streetNumber),
      get(c.streetRepeat),
      get(c.streetType),
      get(c.streetName),
      get(c.distribution),
    ]
      .filter(Boolean)
      .join(' ');
    const values = [
      String(this.state.rowsRead + 1),
      nationalId,
      /^\d{11}$/.test(ppId) ? ppId : null,
      optional(c.civilityCode),
      get(c.lastName),
      get(c.firstName),
      get(c.professionCode),
      optional(c.professionLabel),
      optional(c.savoirFaireCode),
      optional(c.savoirFaireLabel),
      optional(c.practiceModeCode),
      optional(c.practiceModeLabel),
      optional(c.siret),
      structure || null,
      address || null,
      optional(c.postalCode),
      communeCode,
      optional(c.communeLabel),
      departementOf(communeCode),
      optional(c.sectorCode),
      optional(c.sectorLabel),
      normalizeSearchText(`${get(c.lastName)} ${get(c.firstName)} ${structure} ${get(c.communeLabel)}`),
    ];
    return `${values.map(copyValue).join('\t')}\n`;
  }
}
