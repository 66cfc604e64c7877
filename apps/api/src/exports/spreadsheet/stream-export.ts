import { type ExportFormat, neutralizeCell } from '@maillage/shared/domain';
import { Logger } from '@nestjs/common';
import ExcelJS from 'exceljs';
import type { Response } from 'express';
import { once } from 'node:events';

import { CSV_BOM, csvLine } from './csv-writer';
import { type CellValue, type ExportColumn, parisParts } from './export-column';

export const EXPORT_PAGE_SIZE = 200;

/** What an export streams: the columns the user may read, and the list page by page. */
export interface ExportSource<T> {
  sheetName: string;
  fileName: string;
  columns: ExportColumn<T>[];
  page: (page: number) => Promise<{ rows: T[]; total: number }>;
}

const MIME: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const logger = new Logger('Exports');

function xlsxValue(value: CellValue): ExcelJS.CellValue {
  if (value === null) return null;
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (typeof value === 'number') return value;
  if (typeof value === 'object') {
    if ('date' in value) {
      const [y, m, d] = value.date.split('-').map(Number);
      return new Date(Date.UTC(y, m - 1, d));
    }
    const p = parisParts(value.instant);
    return new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute));
  }
  return neutralizeCell(value);
}

async function write(res: Response, text: string): Promise<void> {
  if (!res.write(text)) await once(res, 'drain');
}

/**
 * Streams a list as CSV (UTF-8 with BOM, `;`) or XLSX, page by page: memory stays flat whatever
 * the size. The first page is read before anything is sent, so that a wrong filter still answers
 * a JSON 400; a failure later cuts the download rather than leaving it hanging.
 */
export async function streamExport<T>(res: Response, format: ExportFormat, source: ExportSource<T>): Promise<void> {
  const first = await source.page(1);
  res.status(200);
  res.setHeader('Content-Type', MIME[format]);
  res.setHeader('Content-Disposition', `attachment; filename="${source.fileName}.${format}"`);
  res.setHeader('Cache-Control', 'no-store');
  try {
    const { columns } = source;
    const cells = (row: T) => columns.map((c) => c.value(row));
    let workbook: ExcelJS.stream.xlsx.WorkbookWriter | null = null;
    let sheet: ExcelJS.Worksheet | null = null;
    if (format === 'csv') {
      await write(res, CSV_BOM + csvLine(columns.map((c) => c.header)));
    } else {
      workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true, useSharedStrings: false });
      workbook.creator = 'Maillage';
      sheet = workbook.addWorksheet(source.sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = columns.map((c) => ({
        header: c.header,
        width: c.width ?? Math.max(12, Math.min(40, c.header.length + 4)),
      }));
      sheet.getRow(1).font = { bold: true };
    }
    const emit = async (rows: T[]) => {
      for (const row of rows) {
        if (sheet) {
          const values = cells(row);
          const line = sheet.addRow(values.map(xlsxValue));
          values.forEach((v, i) => {
            if (v !== null && typeof v === 'object') {
              line.getCell(i + 1).numFmt = 'date' in v ? 'dd/mm/yyyy' : 'dd/mm/yyyy hh:mm';
            }
          });
          line.commit();
        } else {
          await write(res, csvLine(cells(row)));
        }
      }
    };
    await emit(first.rows);
    let sent = first.rows.length;
    for (let page = 2; sent < first.total; page++) {
      const next = await source.page(page);
      if (next.rows.length === 0) break;
      await emit(next.rows);
      sent += next.rows.length;
    }
    if (workbook && sheet) {
      sheet.commit();
      await workbook.commit();
    } else {
      res.end();
    }
  } catch (error) {
    logger.error({ msg: 'export failed after it started', error: (error as Error)?.stack ?? String(error) });
    res.destroy(error as Error);
  }
}
