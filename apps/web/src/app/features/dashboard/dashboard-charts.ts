import type { Dashboard, IntentStatus, ReferralStatus } from '@maillage/shared/domain';
import type { BarSeriesOption, FunnelSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { CHART_COLORS } from '../../shared/charts/chart-colors';
import { formatNumber, formatPercent, shortMonthLabels, sortedIssueCategories } from './dashboard-format';

export type DashboardChartOption = ComposeOption<
  | BarSeriesOption
  | FunnelSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | AriaComponentOption
  | GridComponentOption
  | LegendComponentOption
  | TitleComponentOption
  | TooltipComponentOption
>;

/** The app's palette (M3 theme): institutional navy, teal, soft blues, one warm accent, neutral grey. */
export const PALETTE = {
  navy: '#004c6c',
  blue: '#1b6489',
  sky: '#5898bf',
  light: '#8fcef7',
  teal: '#0f6e79',
  orange: CHART_COLORS.requested,
  grey: '#8a9298',
  text: '#40484e',
  axis: '#c0c7cf',
} as const;

/** From the first stage (light) to the last (teal, the goal). */
const FUNNEL_COLORS = ['#8fcef7', '#74b2db', '#5898bf', '#3c7ea3', '#1b6489', '#004c6c', PALETTE.teal];

const REFERRAL_COLORS: Readonly<Record<ReferralStatus, string>> = {
  new: PALETTE.light,
  assigned: PALETTE.sky,
  in_progress: PALETTE.blue,
  converted: PALETTE.teal,
  declined: PALETTE.orange,
  not_eligible: PALETTE.grey,
};

const INTENT_COLORS: Readonly<Record<IntentStatus, string>> = {
  intention: PALETTE.light,
  in_discussion: PALETTE.blue,
  settled: PALETTE.teal,
  abandoned: PALETTE.grey,
};

/** Hatching for a second series: colour is never the only way to tell two series apart. */
const HATCH = {
  symbol: 'rect',
  symbolSize: 1,
  dashArrayX: [1, 0],
  dashArrayY: [2, 4],
  rotation: -Math.PI / 4,
  color: 'rgba(255, 255, 255, 0.45)',
};

const FONT = 'Roboto, "Helvetica Neue", Arial, sans-serif';

const number = (value: unknown): string => formatNumber(Number(value));

/** What every dashboard chart shares: no animation, French numbers, the page's font, an ARIA description. */
function base(description: string): DashboardChartOption {
  return {
    animation: false,
    aria: { enabled: true, label: { description } },
    textStyle: { fontFamily: FONT, color: PALETTE.text },
    tooltip: { valueFormatter: number },
  };
}

const valueAxis = {
  type: 'value' as const,
  minInterval: 1,
  axisLabel: { formatter: (value: number) => formatNumber(value) },
  splitLine: { lineStyle: { color: '#e7e8eb' } },
};

/** Bars that carry their own value label need no scale: a calmer chart. */
const quietValueAxis = {
  type: 'value' as const,
  minInterval: 1,
  axisLabel: { show: false },
  splitLine: { show: false },
};

/** The MSU funnel: who reached each stage, with the share that went on from the stage before. */
export function funnelChart(d: Dashboard): DashboardChartOption {
  const steps = d.pipeline.funnel;
  return {
    ...base(
      `Entonnoir du parcours des maîtres de stage, de « ${steps[0]?.label ?? ''} » à « ${steps.at(-1)?.label ?? ''} ».`,
    ),
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const i = Array.isArray(p) ? 0 : p.dataIndex;
        const step = steps[i];
        const from = i > 0 ? `<br>${formatPercent(steps[i - 1].conversionToNext)} depuis l’étape précédente` : '';
        return `${step.label} : ${formatNumber(step.reached)} ont atteint l’étape<br>${formatNumber(step.count)} y sont actuellement${from}`;
      },
    },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        left: '4%',
        top: 12,
        bottom: 12,
        width: '50%',
        minSize: '14%',
        gap: 3,
        label: {
          position: 'right',
          formatter: (p) => {
            const i = p.dataIndex;
            const step = steps[i];
            const conversion =
              i > 0
                ? `{conv|${formatPercent(steps[i - 1].conversionToNext)} de l’étape précédente}`
                : '{conv|point de départ}';
            return `{value|${formatNumber(step.reached)}} {name|${step.label}}\n${conversion}`;
          },
          rich: {
            value: { fontSize: 16, fontWeight: 'bold', color: PALETTE.navy, fontFamily: FONT },
            name: { fontSize: 14, color: PALETTE.text, fontFamily: FONT },
            conv: { fontSize: 12, color: '#585f66', lineHeight: 18, fontFamily: FONT },
          },
        },
        labelLine: { length: 16, lineStyle: { color: PALETTE.axis } },
        itemStyle: { borderWidth: 0 },
        data: steps.map((step, i) => ({
          name: step.label,
          value: step.reached,
          itemStyle: { color: FUNNEL_COLORS[i % FUNNEL_COLORS.length] },
        })),
      },
    ],
  };
}

/** Places of the coming semester: offered against requested. */
export function placesChart(d: Dashboard): DashboardChartOption {
  const p = d.places;
  return {
    ...base(`Places offertes et demandées pour ${p.label}, hors docteurs juniors (comptés à part).`),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: number },
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    xAxis: quietValueAxis,
    yAxis: {
      type: 'category',
      inverse: true,
      data: ['Offertes (hors DJ)', 'Demandées (hors DJ)'],
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        name: 'Places hors docteurs juniors',
        barWidth: '46%',
        label: { show: true, position: 'right', formatter: (v) => number(v.value), fontWeight: 'bold' },
        data: [
          { value: p.offered, itemStyle: { color: CHART_COLORS.offered } },
          { value: p.requested, itemStyle: { color: CHART_COLORS.requested, decal: HATCH } },
        ],
      },
    ],
  };
}

/** Visits of the period: planned, done, still planned, cancelled. */
export function visitsChart(d: Dashboard): DashboardChartOption {
  const v = d.visits;
  const bars = [
    { name: 'Prévues', value: v.planned, color: PALETTE.navy },
    { name: 'Réalisées', value: v.done, color: PALETTE.teal },
    { name: 'Encore planifiées', value: v.pending, color: PALETTE.sky },
    { name: 'Annulées', value: v.cancelled, color: PALETTE.grey },
  ];
  return {
    ...base('Visites de terrain prévues, réalisées, encore planifiées et annulées sur la période.'),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: number },
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    xAxis: quietValueAxis,
    yAxis: { type: 'category', inverse: true, data: bars.map((b) => b.name), axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        name: 'Visites',
        barWidth: '56%',
        label: { show: true, position: 'right', formatter: (p) => number(p.value), fontWeight: 'bold' },
        data: bars.map((b) => ({ value: b.value, itemStyle: { color: b.color } })),
      },
    ],
  };
}

/** Access issues by category: open today, and raised in the period (hatched); the table keeps the zeros. */
export function issuesByCategoryChart(d: Dashboard): DashboardChartOption {
  const categories = sortedIssueCategories(d).filter((c) => c.open > 0 || c.raised > 0);
  return {
    ...base('Difficultés d’accès par catégorie : ouvertes aujourd’hui et signalées sur la période.'),
    color: [PALETTE.navy, PALETTE.sky],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: number },
    legend: { bottom: 0, itemGap: 24, textStyle: { fontFamily: FONT } },
    grid: { left: 8, right: 32, top: 4, bottom: 36, containLabel: true },
    xAxis: valueAxis,
    yAxis: {
      type: 'category',
      inverse: true,
      data: categories.map((c) => c.label),
      axisTick: { show: false },
      axisLabel: { width: 150, overflow: 'break', lineHeight: 14 },
    },
    series: [
      {
        type: 'bar',
        name: 'Ouvertes aujourd’hui',
        barGap: '10%',
        label: { show: true, position: 'right', formatter: (p) => number(p.value), fontSize: 11 },
        data: categories.map((c) => c.open),
      },
      {
        type: 'bar',
        name: 'Signalées sur la période',
        itemStyle: { decal: HATCH },
        label: { show: true, position: 'right', formatter: (p) => number(p.value), fontSize: 11 },
        data: categories.map((c) => c.raised),
      },
    ],
  };
}

/** Access issues raised per month of the period. */
export function issuesTrendChart(d: Dashboard): DashboardChartOption {
  const trend = d.accessIssues.trend;
  return {
    ...base('Courbe des difficultés d’accès signalées chaque mois de la période.'),
    tooltip: { trigger: 'axis', valueFormatter: number },
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: shortMonthLabels(trend.map((m) => m.month)),
      axisLine: { lineStyle: { color: PALETTE.axis } },
      axisLabel: { color: PALETTE.text },
    },
    yAxis: valueAxis,
    series: [
      {
        type: 'line',
        name: 'Difficultés signalées',
        symbol: 'circle',
        symbolSize: 7,
        lineStyle: { width: 3, color: PALETTE.teal },
        itemStyle: { color: PALETTE.teal },
        areaStyle: { color: 'rgba(15, 110, 121, 0.12)' },
        label: { show: true, position: 'top', distance: 8, formatter: (p) => number(p.value), fontSize: 11 },
        data: trend.map((m) => m.raised),
      },
    ],
  };
}

/** CDOM referrals of the period, by outcome (in the order of the workflow). */
export function referralsChart(d: Dashboard): DashboardChartOption {
  const items = d.referrals.byOutcome;
  return {
    ...base('Signalements du CDOM reçus sur la période, par suite donnée.'),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: number },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: quietValueAxis,
    yAxis: {
      type: 'category',
      inverse: true,
      data: items.map((i) => i.label),
      axisTick: { show: false },
      axisLabel: { width: 170, overflow: 'break', lineHeight: 14 },
    },
    series: [
      {
        type: 'bar',
        name: 'Signalements',
        barWidth: '58%',
        label: { show: true, position: 'right', formatter: (p) => number(p.value), fontWeight: 'bold' },
        data: items.map((i) => ({ value: i.count, itemStyle: { color: REFERRAL_COLORS[i.status] } })),
      },
    ],
  };
}

/** Installation intents by status, as a donut with the total in its middle. */
export function intentsChart(d: Dashboard): DashboardChartOption {
  const items = d.intents.byStatus.filter((i) => i.count > 0);
  return {
    ...base('Anneau des projets d’installation par statut.'),
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const item = Array.isArray(p) ? p[0] : p;
        return `${item.name} : ${number(item.value)} (${formatPercent(Number(item.percent) / 100)})`;
      },
    },
    title: {
      text: formatNumber(d.intents.total),
      subtext: d.intents.total > 1 ? 'projets' : 'projet',
      left: '30%',
      top: 'middle',
      textAlign: 'center',
      textStyle: { fontSize: 26, fontWeight: 'bold', color: PALETTE.navy, fontFamily: FONT },
      subtextStyle: { fontSize: 12, color: PALETTE.text, fontFamily: FONT },
      itemGap: 4,
    },
    legend: {
      orient: 'vertical',
      left: '60%',
      top: 'middle',
      itemGap: 14,
      textStyle: { fontFamily: FONT, fontSize: 13 },
      formatter: (name: string) => {
        const item = items.find((i) => i.label === name);
        return item ? `${name} : ${formatNumber(item.count)}` : name;
      },
    },
    series: [
      {
        type: 'pie',
        name: 'Projets',
        center: ['30%', '50%'],
        radius: ['48%', '74%'],
        avoidLabelOverlap: true,
        label: { show: false },
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
        data: items.map((i) => ({ name: i.label, value: i.count, itemStyle: { color: INTENT_COLORS[i.status] } })),
      },
    ],
  };
}
