import { neutralizeCell } from '@maillage/shared/domain';

import { type CellValue, frenchDay, frenchInstant } from './export-column';

/** A cell as French Excel reads a `;` CSV: decimal commas, oui/non, JJ/MM/AAAA, formulas neutralised. */
export function csvCell(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).replace('.', ',') : '';
  if (typeof value === 'object') return 'date' in value ? frenchDay(value.date) : frenchInstant(value.instant);
  const text = neutralizeCell(value);
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly CellValue[]): string {
  return `${values.map(csvCell).join(';')}\r\n`;
}

/** UTF-8 byte order mark: French Excel then reads accents right. */
export const CSV_BOM = '\uFEFF';
