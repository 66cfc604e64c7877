import { type AnnualReportDetail, REPORT_STATUS_LABELS, type ReportFigureTable } from '@maillage/shared/domain';
import type { Column, Content, TableCell } from 'pdfmake/interfaces';

import { COLORS } from '../common/pdf/report-layout';
import { barsCell, formatValue, integer, SERIES_COLORS } from './annual-report-charts';

const LIGHT_TEAL = '#7FC8BF';

/** Key figures as tiles: four a row, the same height in a row, a teal mark on each. */
function keyFigureTiles(table: ReportFigureTable | undefined): Content {
  if (!table) return { text: '' };
  const tile = (row: ReportFigureTable['rows'][number]): TableCell => ({
    fillColor: COLORS.soft,
    margin: [10, 10, 8, 10],
    stack: [
      { canvas: [{ type: 'rect', x: 0, y: 0, w: 18, h: 2.5, color: COLORS.teal }] },
      { text: integer(row.values[0]), fontSize: 22, bold: true, color: COLORS.navy, margin: [0, 6, 0, 0] },
      { text: row.label, fontSize: 8.5, color: COLORS.muted, margin: [0, 2, 0, 0] },
    ],
  });
  const rows: TableCell[][] = [];
  for (let i = 0; i < table.rows.length; i += 4) {
    const line = table.rows.slice(i, i + 4).map(tile);
    while (line.length < 4) line.push({ text: '' });
    rows.push(line);
  }
  return {
    table: { widths: ['*', '*', '*', '*'], body: rows },
    layout: {
      hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0 : 7),
      vLineWidth: (i) => (i === 0 || i === 4 ? 0 : 7),
      hLineColor: () => '#FFFFFF',
      vLineColor: () => '#FFFFFF',
      paddingLeft: () => 0,
      paddingRight: () => 0,
      paddingTop: () => 0,
      paddingBottom: () => 0,
    },
  };
}

/** The cover of the annual report: title, status, the year in figures. */
export function cover(report: AnnualReportDetail, departementName: string, statusLine: string): Content[] {
  const approved = report.status === 'approved';
  return [
    {
      margin: [0, 26, 0, 0],
      table: {
        widths: ['*'],
        body: [
          [
            {
              fillColor: COLORS.navy,
              margin: [26, 28, 26, 26],
              stack: [
                { text: 'RAPPORT ANNUEL D’ACTIVITÉ', fontSize: 9, characterSpacing: 2, color: LIGHT_TEAL },
                { text: report.title, fontSize: 30, bold: true, color: '#FFFFFF', margin: [0, 10, 0, 0] },
                {
                  text: `Accueil et formation des professionnels de santé en ${departementName}`,
                  fontSize: 13,
                  color: '#DCE6F0',
                  margin: [0, 8, 0, 0],
                },
                {
                  text: `Du 1er janvier au 31 décembre ${report.year} · Comité stratégique`,
                  fontSize: 10,
                  color: '#DCE6F0',
                  margin: [0, 4, 0, 18],
                },
                {
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
                              characterSpacing: 1,
                              color: approved ? '#FFFFFF' : COLORS.navy,
                              fillColor: approved ? COLORS.teal : '#FFFFFF',
                              margin: [6, 2, 6, 2],
                            },
                          ],
                        ],
                      },
                      layout: 'noBorders',
                    },
                    { width: '*', text: statusLine, fontSize: 9.5, color: '#FFFFFF', margin: [10, 3, 0, 0] },
                  ],
                },
              ],
            },
          ],
        ],
      },
      layout: 'noBorders',
    },
    { text: 'L’année en chiffres', style: 'section', margin: [0, 26, 0, 10] },
    keyFigureTiles(report.figures.tables.find((t) => t.key === 'key_figures')),
    coverPanels(report.figures.tables),
  ];
}

/** A panel of the cover: a title, then labelled bars with their values. */
function coverPanel(title: string, lines: { label: string; value: number; text: string; color: string }[]): Column {
  const max = Math.max(0, ...lines.map((l) => l.value));
  return {
    width: '*',
    stack: [
      { text: title, fontSize: 9.5, bold: true, color: COLORS.navy, margin: [0, 0, 0, 6] },
      ...lines.map(
        (l): Content => ({
          margin: [0, 0, 0, 6],
          stack: [
            {
              columns: [
                { width: '*', text: l.label, fontSize: 8.5, color: COLORS.muted },
                { width: 'auto', text: l.text, fontSize: 9, bold: true, color: COLORS.ink },
              ],
            },
            barsCell([l.value], [l.color], max, 225) as Content,
          ],
        }),
      ),
    ],
  };
}

/** Under the key figures: the budgets of the measures and the places offered in the year's two semesters. */
function coverPanels(tables: readonly ReportFigureTable[]): Content {
  const measures = tables.find((t) => t.key === 'measures');
  const places = tables.find((t) => t.key === 'places');
  const panels: Column[] = [];
  if (measures?.total) {
    panels.push(
      coverPanel('Budgets des dispositifs de soutien', [
        {
          label: 'Budget prévu',
          value: measures.total[1],
          text: formatValue(measures, 1, measures.total[1]),
          color: COLORS.navy,
        },
        {
          label: 'Budget engagé',
          value: measures.total[2],
          text: formatValue(measures, 2, measures.total[2]),
          color: COLORS.teal,
        },
      ]),
    );
  }
  if (places?.total) {
    panels.push(
      coverPanel(
        'Places de stage offertes (hors docteurs juniors)',
        places.columns.slice(1).map((semester, i) => ({
          label: semester,
          value: places.total?.[i] ?? 0,
          text: `${integer(places.total?.[i] ?? 0)} places`,
          color: SERIES_COLORS[i],
        })),
      ),
    );
  }
  return panels.length > 0 ? { margin: [0, 22, 0, 0], columnGap: 32, columns: panels } : { text: '' };
}
