import {
  type AnnualReportDetail,
  REPORT_SECTION_LABELS,
  REPORT_SECTIONS,
  REPORT_STATUS_LABELS,
  type ReportFigureTable,
} from '@maillage/shared/domain';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';

import { frenchDate, frenchDateTime } from '../visits/report/french-format';
import {
  COLORS,
  headerRow,
  PAGE_MARGINS,
  pageBackground,
  pageFooter,
  pageHeader,
  sectionTitle,
  STYLES,
  TABLE_LAYOUT,
} from '../visits/report/report-layout';

const INTEGER = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const EUROS = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
/** Narrow no-break spaces are not in every font: print plain no-break spaces. */
const printable = (text: string): string => text.replace(/\u202f/g, '\u00a0');

function formatValue(table: ReportFigureTable, column: number, value: number): string {
  return printable(table.key === 'measures' && column > 0 ? EUROS.format(value) : INTEGER.format(value));
}

/** A horizontal bar in a table cell, proportional to the largest value of the column. */
function bar(value: number, max: number): TableCell {
  const width = max > 0 ? Math.max(value > 0 ? 2 : 0, (value / max) * 90) : 0;
  return {
    canvas: [
      { type: 'rect', x: 0, y: 2, w: 90, h: 7, color: COLORS.soft },
      ...(width > 0 ? [{ type: 'rect' as const, x: 0, y: 2, w: width, h: 7, color: COLORS.teal }] : []),
    ],
  };
}

function figuresTable(table: ReportFigureTable): Content {
  const withBar = table.columns.length === 2 && table.key !== 'key_figures';
  const max = Math.max(0, ...table.rows.map((r) => r.values[0]));
  const body: TableCell[][] = [
    [...headerRow(...table.columns.map((c, i) => (i === 0 ? c : c))), ...(withBar ? headerRow('') : [])].map(
      (cell, i) => (i > 0 ? { ...(cell as object), alignment: 'right' } : cell),
    ) as TableCell[],
    ...table.rows.map((row) => [
      { text: row.label, fontSize: 9.5 },
      ...row.values.map((v, i) => ({ text: formatValue(table, i, v), fontSize: 9.5, alignment: 'right' as const })),
      ...(withBar ? [bar(row.values[0], max)] : []),
    ]),
  ];
  if (table.total) {
    body.push([
      { text: 'Total', bold: true, fontSize: 9.5, color: COLORS.navy },
      ...table.total.map((v, i) => ({
        text: formatValue(table, i, v),
        bold: true,
        fontSize: 9.5,
        color: COLORS.navy,
        alignment: 'right' as const,
      })),
      ...(withBar ? [{ text: '' }] : []),
    ]);
  }
  return {
    stack: [
      {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: ['*', ...table.columns.slice(1).map(() => 'auto' as const), ...(withBar ? [96] : [])],
          body,
        },
        layout: TABLE_LAYOUT,
      },
      { text: table.note, style: 'small', margin: [0, 4, 0, 0] },
    ],
  };
}

/** Key figures as tiles on the cover. */
function keyFigureTiles(table: ReportFigureTable | undefined): Content {
  if (!table) return { text: '' };
  const tiles = table.rows.map((row) => ({
    width: '*',
    stack: [
      { text: INTEGER.format(row.values[0]), fontSize: 22, bold: true, color: COLORS.navy },
      { text: row.label, fontSize: 8.5, color: COLORS.muted, margin: [0, 2, 0, 0] },
    ],
  }));
  const lines: Content[] = [];
  for (let i = 0; i < tiles.length; i += 4) {
    lines.push({ columns: tiles.slice(i, i + 4), columnGap: 14, margin: [0, 0, 0, 14] } as Content);
  }
  return {
    margin: [0, 22, 0, 0],
    table: { widths: ['*'], body: [[{ stack: lines, margin: [12, 14, 12, 0] }]] },
    layout: { hLineWidth: () => 0, vLineWidth: () => 0, fillColor: () => COLORS.soft },
  };
}

/** The annual activity report, in French, as presented to the strategic committee. */
export function annualReportDocument(
  report: AnnualReportDetail,
  departementName: string,
  generatedAt: Date,
): TDocumentDefinitions {
  const { figures } = report;
  const reference = `RA-${report.year}-${report.departementCode}`;
  const statusLine =
    report.status === 'approved' && report.approvedOn
      ? `Approuvé le ${frenchDate(report.approvedOn)}`
      : report.status === 'presented' && report.presentedOn
        ? `Présenté le ${frenchDate(report.presentedOn)}`
        : `${REPORT_STATUS_LABELS[report.status]} – document de travail`;
  const figuresNote = report.frozen
    ? `Chiffres figés à l’approbation (calculés le ${frenchDateTime(new Date(figures.computedAt))}).`
    : `Chiffres provisoires, calculés le ${frenchDateTime(new Date(figures.computedAt))} ; ils seront figés à l’approbation.`;

  const written = REPORT_SECTIONS.filter((s) => report.sections[s]);
  const narrative: Content[] = written.flatMap((section, i) => [
    sectionTitle(i + 1, REPORT_SECTION_LABELS[section]),
    ...String(report.sections[section])
      .split(/\n\s*\n/)
      .map((paragraph) => ({ text: paragraph.trim(), fontSize: 10, lineHeight: 1.3, margin: [0, 0, 0, 6] }) as Content),
  ]);
  const tables: Content[] = figures.tables
    .filter((t) => t.key !== 'key_figures')
    .map(
      (table, i): Content => ({
        // A short table stays on one page with its title and note.
        unbreakable: table.rows.length <= 14,
        stack: [sectionTitle(written.length + i + 1, table.title), figuresTable(table)],
      }),
    );

  return {
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    language: 'fr-FR',
    info: {
      title: `${report.title} – ${departementName}`,
      author: `Département – ${departementName}`,
      subject: `Rapport annuel d’activité ${report.year}`,
      creator: 'Maillage',
    },
    background: pageBackground,
    header: pageHeader(departementName, reference, {
      title: 'Rapport annuel d’activité',
      subtitle: `Année ${report.year}`,
    }),
    footer: pageFooter(frenchDateTime(generatedAt)),
    defaultStyle: { font: 'Roboto', fontSize: 10, color: COLORS.ink },
    styles: STYLES,
    pageBreakBefore: (node, following) => node.headlineLevel === 1 && following.getFollowingNodesOnPage().length === 0,
    content: [
      { text: 'COMITÉ STRATÉGIQUE', fontSize: 9, characterSpacing: 2, color: COLORS.teal, margin: [0, 60, 0, 6] },
      { text: report.title, fontSize: 28, bold: true, color: COLORS.navy },
      {
        text: `Accueil et formation des professionnels de santé – année ${report.year}`,
        fontSize: 13,
        color: COLORS.ink,
        margin: [0, 8, 0, 0],
      },
      {
        margin: [0, 18, 0, 0],
        columns: [
          {
            width: 'auto',
            table: {
              body: [
                [
                  {
                    text: REPORT_STATUS_LABELS[report.status].toUpperCase(),
                    bold: true,
                    fontSize: 8.5,
                    color: '#FFFFFF',
                    characterSpacing: 1,
                    margin: [6, 2, 6, 2],
                  },
                ],
              ],
            },
            layout: {
              hLineWidth: () => 0,
              vLineWidth: () => 0,
              fillColor: () => (report.status === 'approved' ? COLORS.teal : COLORS.muted),
            },
          },
          { width: '*', text: statusLine, style: 'meta', margin: [10, 3, 0, 0] },
        ],
      },
      keyFigureTiles(figures.tables.find((t) => t.key === 'key_figures')),
      {
        text: `Période : du 1er janvier au 31 décembre ${report.year}. ${figuresNote}`,
        style: 'small',
        margin: [0, 10, 0, 0],
      },
      { text: '', pageBreak: 'after' },
      ...(narrative.length > 0 ? narrative : [{ text: 'Aucune section rédigée pour le moment.', style: 'empty' }]),
      { text: '', pageBreak: 'after' },
      { text: 'Les chiffres de l’année', style: 'title', margin: [0, 0, 0, 4] },
      { text: figuresNote, style: 'meta', margin: [0, 0, 0, 4] },
      ...tables,
    ],
  };
}
