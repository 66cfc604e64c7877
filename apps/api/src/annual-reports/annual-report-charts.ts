import type { ReportFigureTable } from '@maillage/shared/domain';
import type { CanvasElement, Column, Content, TableCell } from 'pdfmake/interfaces';

import { euros, printable } from '../common/pdf/french-format';
import { COLORS } from '../common/pdf/report-layout';

/** A4 portrait width minus the report's side margins (56 pt each). */
export const CONTENT_WIDTH = 595.28 - 2 * 56;

/** The series colours of the charts: the Département's blue, its teal, then a light blue. */
export const SERIES_COLORS = [COLORS.navy, COLORS.teal, '#8FB3D9'] as const;

export interface ChartSeries {
  name: string;
  color: string;
  values: number[];
}

const INTEGER = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
export const integer = (n: number): string => printable(INTEGER.format(n));

/** A value of a figures table: euros for the budgets of the measures, a whole number otherwise. */
export function formatValue(table: ReportFigureTable, column: number, value: number): string {
  return table.key === 'measures' && column > 0 ? euros(value) : integer(value);
}

/** A round upper bound for an axis: 1, 2, 2.5 or 5 times a power of ten. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= max) ?? 10;
  return step * power;
}

/** A small legend: a colour square and the series name, for each series. */
export function legend(series: readonly Pick<ChartSeries, 'name' | 'color'>[]): Content {
  return {
    margin: [0, 0, 0, 6],
    columnGap: 14,
    columns: [
      { width: '*', text: '' },
      ...series.map(
        (s): Column => ({
          width: 'auto',
          columnGap: 4,
          columns: [
            { width: 8, canvas: [{ type: 'rect', x: 0, y: 2, w: 8, h: 8, color: s.color }] },
            { width: 'auto', text: s.name, fontSize: 8, color: COLORS.muted },
          ],
        }),
      ),
    ],
  };
}

/** Height of a 7 pt line of Roboto (pdfmake's line height for that size). */
const LABEL_HEIGHT = 8.2;

/**
 * A grouped column chart drawn in vector: one group per category, one column per series, the
 * value printed above each column, light gridlines, a value axis and the category names below.
 */
export function columnChart(categories: readonly string[], series: readonly ChartSeries[], height = 130): Content {
  const axisWidth = 30;
  const groupWidth = (CONTENT_WIDTH - axisWidth) / Math.max(1, categories.length);
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values)));
  const ticks = [1, 0.75, 0.5, 0.25, 0].map((f) => f * max);
  const top = LABEL_HEIGHT + 1;
  const barHeight = (v: number) => (v / max) * height;
  const barWidth = Math.min(26, (groupWidth * 0.72) / series.length);
  const gap = 2;
  const left = (groupWidth - barWidth * series.length - gap * (series.length - 1)) / 2;
  const grid = (): CanvasElement[] =>
    ticks.map((t) => ({
      type: 'line',
      x1: 0,
      y1: top + height - barHeight(t),
      x2: groupWidth,
      y2: top + height - barHeight(t),
      lineWidth: t === 0 ? 0.8 : 0.4,
      lineColor: t === 0 ? COLORS.muted : COLORS.rule,
    }));
  // Each column: its value, pushed down by the empty part of the column, then the bar; all end on the baseline.
  const bars = (i: number): Column[] => [
    { width: Math.max(0, left - gap), text: '' },
    ...series.map(
      (s): Column => ({
        width: barWidth,
        stack: [
          {
            text: integer(s.values[i]),
            fontSize: 7,
            lineHeight: 1,
            alignment: 'center',
            color: COLORS.ink,
            margin: [-6, height - barHeight(s.values[i]), -6, 1],
          },
          ...(s.values[i] > 0
            ? [{ canvas: [{ type: 'rect', x: 0, y: 0, w: barWidth, h: barHeight(s.values[i]), color: s.color }] }]
            : []),
        ] as Content[],
      }),
    ),
  ];
  const group = (i: number): Column => ({
    width: groupWidth,
    stack: [
      { canvas: grid() },
      { columnGap: gap, columns: bars(i), margin: [0, -(top + height), 0, 0] },
      { text: categories[i], fontSize: 8, color: COLORS.ink, alignment: 'center', margin: [2, 4, 2, 0] },
    ] as Content[],
  });
  const axis: Column = {
    width: axisWidth,
    stack: ticks.map(
      (t, i): Content => ({
        text: integer(t),
        fontSize: 7,
        lineHeight: 1,
        color: COLORS.muted,
        alignment: 'right',
        margin: [0, i === 0 ? top - LABEL_HEIGHT / 2 : height / 4 - LABEL_HEIGHT, 5, 0],
      }),
    ),
  };
  return { columnGap: 0, columns: [axis, ...categories.map((_, i) => group(i))] };
}

/** Bars side by side in a table cell (one per series), proportional to `max`. */
export function barsCell(values: readonly number[], colors: readonly string[], max: number, width = 110): TableCell {
  const h = values.length > 1 ? 5 : 7;
  return {
    margin: [0, 1, 0, 0],
    canvas: [
      { type: 'rect', x: 0, y: 1, w: width, h: h * values.length + (values.length - 1), color: COLORS.soft },
      ...values.flatMap((v, i): CanvasElement[] => {
        const w = max > 0 ? Math.max(v > 0 ? 2 : 0, (v / max) * width) : 0;
        return w > 0 ? [{ type: 'rect', x: 0, y: 1 + i * (h + 1), w, h, color: colors[i] }] : [];
      }),
    ],
  };
}

/** A bar centred in its cell, for a funnel read top to bottom. */
export function funnelCell(value: number, max: number, color: string, width: number): TableCell {
  const w = max > 0 ? Math.max(value > 0 ? 3 : 0, (value / max) * width) : 0;
  return {
    margin: [0, 0.5, 0, 0],
    canvas: [
      { type: 'line', x1: width / 2, y1: 0, x2: width / 2, y2: 12, lineWidth: 0.4, lineColor: COLORS.rule },
      ...(w > 0 ? [{ type: 'rect' as const, x: (width - w) / 2, y: 0, w, h: 12, r: 1.5, color }] : []),
    ],
  };
}
