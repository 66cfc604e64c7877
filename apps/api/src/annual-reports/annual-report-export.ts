import type { AnnualReportDetail } from '@maillage/shared/domain';
import ExcelJS from 'exceljs';

/** One sheet per figures table: a header row with the French column names, numbers as numbers. */
export async function annualReportWorkbook(report: AnnualReportDetail, departementName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Maillage';
  workbook.title = report.title;
  workbook.subject = `Rapport d’activité ${report.year} – ${departementName}`;
  workbook.created = new Date(report.figures.computedAt);
  for (const table of report.figures.tables) {
    const sheet = workbook.addWorksheet(table.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((header, i) => ({
      header,
      width: i === 0 ? 52 : Math.max(16, header.length + 4),
      style: i === 0 ? {} : { numFmt: table.key === 'measures' && i > 1 ? '#,##0.00 "€"' : '#,##0' },
    }));
    const header = sheet.getRow(1);
    header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1B3A5C' } };
    for (const row of table.rows) sheet.addRow([row.label, ...row.values]);
    if (table.total) {
      const total = sheet.addRow(['Total', ...table.total]);
      total.font = { bold: true };
      total.border = { top: { style: 'thin', color: { argb: 'FF1B3A5C' } } };
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
