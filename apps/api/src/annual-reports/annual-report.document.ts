import {
  type AnnualReportDetail,
  REPORT_SECTION_LABELS,
  REPORT_SECTIONS,
  REPORT_STATUS_LABELS,
  type ReportFigureTable,
} from '@maillage/shared/domain';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';

import { frenchDate, frenchDateTime } from '../common/pdf/french-format';
import { COLORS, headerRow, reportFrame, sectionTitle, TABLE_LAYOUT } from '../common/pdf/report-layout';
import { barsCell, columnChart, formatValue, funnelCell, legend, SERIES_COLORS } from './annual-report-charts';
import { cover } from './annual-report-cover';

/** Steps of the MSU pipeline that take a doctor out of it (drawn in grey in the funnel). */
const PIPELINE_EXITS = new Set(['declined', 'retired']);

/** The title of a part of the report, on a new page, listed in bold in the contents. */
function partTitle(kicker: string, text: string, lead: string): Content[] {
  return [
    {
      text: kicker.toUpperCase(),
      fontSize: 8.5,
      characterSpacing: 2,
      color: COLORS.teal,
      pageBreak: 'before',
      margin: [0, 0, 0, 4],
    },
    {
      text,
      style: 'title',
      tocItem: true,
      tocStyle: { fontSize: 11, bold: true, color: COLORS.navy },
      tocMargin: [0, 10, 0, 0],
    },
    { text: lead, style: 'meta', margin: [0, 4, 0, 6] },
  ];
}

const cell = (text: string, extra: Partial<Record<'bold' | 'color', unknown>> = {}): TableCell =>
  ({ text, fontSize: 9.5, ...extra }) as TableCell;
const numberCell = (text: string, extra: Partial<Record<'bold' | 'color', unknown>> = {}): TableCell =>
  ({ text, fontSize: 9.5, alignment: 'right', ...extra }) as TableCell;

/** What a table draws beside its numbers: one bar per value column, or a centred funnel. */
function chartColumn(table: ReportFigureTable): { colors: string[]; legend: string[] } | null {
  switch (table.key) {
    case 'key_figures':
    case 'places':
    case 'places_balance':
    case 'places_docteurs_juniors':
      return null;
    case 'access_issues':
      return { colors: [SERIES_COLORS[0], SERIES_COLORS[1]], legend: table.columns.slice(1) };
    case 'measures':
      return { colors: [SERIES_COLORS[0], SERIES_COLORS[1]], legend: table.columns.slice(2) };
    default:
      return { colors: [COLORS.teal], legend: [] };
  }
}

/** The figures as a table, with their bars (or funnel) in the last column and a totals row. */
function figuresTable(table: ReportFigureTable): Content {
  const chart = chartColumn(table);
  const funnel = table.key === 'msu_pipeline';
  // Budgets are drawn against each other (planned, committed): the count column has no bar.
  const drawn = (values: readonly number[]) => (table.key === 'measures' ? values.slice(1) : values);
  const max = Math.max(0, ...table.rows.flatMap((r) => drawn(r.values)));
  const barWidth = funnel ? 150 : 110;
  const graphic = (values: readonly number[], key: string): TableCell[] => {
    if (!chart) return [];
    if (funnel) return [funnelCell(values[0], max, PIPELINE_EXITS.has(key) ? '#A7B1BD' : COLORS.teal, barWidth)];
    return [barsCell(drawn(values), chart.colors, max, barWidth)];
  };
  const header = headerRow(...table.columns, ...(chart ? [''] : [])).map((c, i) =>
    i > 0 ? ({ ...(c as object), alignment: 'right' } as TableCell) : c,
  );
  const body: TableCell[][] = [
    header,
    ...table.rows.map((row) => [
      cell(row.label, PIPELINE_EXITS.has(row.key) && funnel ? { color: COLORS.muted } : {}),
      ...row.values.map((v, i) => numberCell(formatValue(table, i, v))),
      ...graphic(row.values, row.key),
    ]),
  ];
  if (table.total) {
    body.push([
      cell('Total', { bold: true, color: COLORS.navy }),
      ...table.total.map((v, i) => numberCell(formatValue(table, i, v), { bold: true, color: COLORS.navy })),
      ...(chart ? [{ text: '' }] : []),
    ]);
  }
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: ['*', ...table.columns.slice(1).map(() => 'auto' as const), ...(chart ? [barWidth] : [])],
      body,
    },
    layout: TABLE_LAYOUT,
  };
}

/** One block of figures: title, chart, table and how it is computed; kept on one page. */
function figuresBlock(table: ReportFigureTable, n: number): Content {
  const chart = chartColumn(table);
  const series =
    chart && chart.legend.length > 0 ? chart.legend.map((name, i) => ({ name, color: chart.colors[i] })) : [];
  const places =
    table.key === 'places'
      ? (() => {
          const rows = table.rows.filter((r) => r.values.some((v) => v > 0));
          return [
            legend(table.columns.slice(1).map((name, i) => ({ name, color: SERIES_COLORS[i] }))),
            {
              ...(columnChart(
                rows.map((r) => r.label),
                table.columns.slice(1).map((name, i) => ({
                  name,
                  color: SERIES_COLORS[i],
                  values: rows.map((r) => r.values[i]),
                })),
              ) as object),
              margin: [0, 0, 0, 12],
            } as Content,
          ];
        })()
      : [];
  return {
    // A table of at most 14 rows stays on one page with its title, chart and note.
    unbreakable: table.rows.length <= 14,
    stack: [
      sectionTitle(n, table.title, true),
      ...places,
      ...(series.length > 0 ? [legend(series)] : []),
      figuresTable(table),
      { text: table.note, style: 'small', margin: [0, 4, 0, 0] },
    ],
  };
}

/** The contents, then how the report was made (period, source, status of the figures). */
function contentsPage(report: AnnualReportDetail, departementName: string, figuresNote: string): Content[] {
  const facts: [string, string][] = [
    ['Période couverte', `du 1er janvier au 31 décembre ${report.year}`],
    ['Département', departementName],
    ['Présenté au comité', report.presentedOn ? `le ${frenchDate(report.presentedOn)}` : 'pas encore'],
    ['Approuvé', report.approvedOn ? `le ${frenchDate(report.approvedOn)}` : 'pas encore'],
    ['Chiffres', figuresNote],
    [
      'Source',
      'Données saisies dans Maillage par la mission et ses partenaires (visites, agréments, signalements du ' +
        'CDOM, difficultés d’accès, dispositifs, intentions d’installation, capacités des terrains).',
    ],
  ];
  return [
    { text: 'Sommaire', style: 'title', pageBreak: 'before', margin: [0, 0, 0, 10] },
    { toc: { title: { text: '' }, numberStyle: { fontSize: 10, color: COLORS.muted } } },
    {
      margin: [0, 28, 0, 0],
      unbreakable: true,
      table: {
        widths: [120, '*'],
        body: [
          [{ text: 'À propos de ce rapport', style: 'section', colSpan: 2, margin: [0, 2, 0, 4] }, {}],
          ...facts.map(([label, value]): TableCell[] => [
            { text: label, style: 'label', margin: [0, 1, 0, 0] },
            { text: value, fontSize: 9, color: COLORS.ink },
          ]),
        ],
      },
      layout: {
        hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0 : 0.4),
        vLineWidth: () => 0,
        hLineColor: () => COLORS.rule,
        fillColor: () => COLORS.soft,
        paddingLeft: () => 10,
        paddingRight: () => 10,
        paddingTop: () => 5,
        paddingBottom: () => 5,
      },
    },
  ];
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
      ? `Approuvé le ${frenchDate(report.approvedOn)}` +
        (report.presentedOn ? ` · présenté le ${frenchDate(report.presentedOn)}` : '')
      : report.status === 'presented' && report.presentedOn
        ? `Présenté le ${frenchDate(report.presentedOn)} · en attente d’approbation`
        : `${REPORT_STATUS_LABELS[report.status]} – document de travail`;
  const figuresNote = report.frozen
    ? `Chiffres figés à l’approbation (calculés le ${frenchDateTime(new Date(figures.computedAt))}).`
    : `Chiffres provisoires, calculés le ${frenchDateTime(new Date(figures.computedAt))} ; ils seront figés à l’approbation.`;

  const written = REPORT_SECTIONS.filter((s) => report.sections[s]);
  const narrative: Content[] = written.map((section, i): Content => {
    const [first, ...rest] = String(report.sections[section])
      .split(/\n\s*\n/)
      .map((paragraph): Content => ({ text: paragraph.trim(), fontSize: 10, lineHeight: 1.35, margin: [0, 0, 0, 7] }));
    // The heading never ends a page: it stays with the first paragraph.
    return {
      stack: [
        { unbreakable: true, stack: [sectionTitle(i + 1, REPORT_SECTION_LABELS[section], true), first] },
        ...rest,
      ],
    };
  });
  const tables = figures.tables
    .filter((t) => t.key !== 'key_figures')
    .map((table, i) => figuresBlock(table, written.length + i + 1));

  return {
    ...reportFrame({
      departementName,
      reference,
      title: `${report.title} – ${departementName}`,
      subject: `Rapport annuel d’activité ${report.year}`,
      generatedAt,
      kind: { title: 'Rapport annuel d’activité', subtitle: `Année ${report.year}` },
    }),
    ...(report.status === 'approved'
      ? {}
      : { watermark: { text: 'PROVISOIRE', color: COLORS.navy, opacity: 0.05, bold: true, fontSize: 90 } }),
    defaultStyle: { font: 'Roboto', fontSize: 10, color: COLORS.ink },
    pageBreakBefore: (node, following) => node.headlineLevel === 1 && following.getFollowingNodesOnPage().length === 0,
    content: [
      ...cover(report, departementName, statusLine),
      {
        text: `Période : du 1er janvier au 31 décembre ${report.year}. ${figuresNote}`,
        style: 'small',
        margin: [0, 10, 0, 0],
      },
      ...contentsPage(report, departementName, figuresNote),
      ...partTitle(
        'Première partie',
        'Le rapport de la mission',
        'Les actions de l’année racontées par la chargée de mission.',
      ),
      ...(narrative.length > 0 ? narrative : [{ text: 'Aucune section rédigée pour le moment.', style: 'empty' }]),
      ...partTitle('Deuxième partie', 'Les chiffres de l’année', figuresNote),
      ...tables,
    ],
  };
}
