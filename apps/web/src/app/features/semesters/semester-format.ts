import {
  type SemesterCode,
  type SemesterFigures,
  type SemesterPlan,
  type SemesterStageFigures,
  STAGE_TYPE_LABELS,
  type StageType,
} from '@maillage/shared/domain';
import { CHART_COLORS } from '../../shared/charts/chart-colors';
import { STAGE_TYPE_SHORT_LABELS } from '../sites';

export const SEMESTERS_URL = '/api/semesters';
export const SEMESTER_COUNT = 4;
export const SEMESTER_CONFLICT_MESSAGE =
  'Les chiffres de ce semestre ont été modifiés entre-temps : ils ont été rechargés, vérifiez-les avant de saisir à nouveau.';

export type GapKind = 'missing' | 'balanced' | 'surplus';

const MINUS = '\u2212';

function places(n: number): string {
  return Math.abs(n) === 1 || n === 0 ? 'place' : 'places';
}

/** "−3 places" (places missing), "+2 places" (more offered than requested), "0 place". */
export function formatGap(gap: number): string {
  const n = Math.abs(gap).toLocaleString('fr-FR');
  if (gap < 0) return `${MINUS}${n} ${places(gap)}`;
  if (gap > 0) return `+${n} ${places(gap)}`;
  return `0 ${places(0)}`;
}

export function gapKind(gap: number): GapKind {
  return gap < 0 ? 'missing' : gap > 0 ? 'surplus' : 'balanced';
}

/** Words that carry the gap without its colour: "manque", "excédent", "équilibre". */
export const GAP_KIND_LABELS: Readonly<Record<GapKind, string>> = {
  missing: 'Manque',
  balanced: 'Équilibre',
  surplus: 'Excédent',
};

/** Filled places are unknown until the interns' choice. */
export function formatFilled(filled: number | null): string {
  return filled === null ? 'Non connu' : filled.toLocaleString('fr-FR');
}

export interface SemesterRow {
  stageType: StageType | null;
  /** Full label (table), short label (chart axis). */
  label: string;
  shortLabel: string;
  offered: number;
  requested: number;
  filled: string;
  gap: number;
  gapText: string;
  gapKind: GapKind;
  gapLabel: string;
}

function row(stageType: StageType | null, label: string, shortLabel: string, f: SemesterFigures): SemesterRow {
  const kind = gapKind(f.gap);
  return {
    stageType,
    label,
    shortLabel,
    offered: f.offered,
    requested: f.requested,
    filled: formatFilled(f.filled),
    gap: f.gap,
    gapText: formatGap(f.gap),
    gapKind: kind,
    gapLabel: GAP_KIND_LABELS[kind],
  };
}

export function stageRow(f: SemesterStageFigures): SemesterRow {
  return row(f.stageType, STAGE_TYPE_LABELS[f.stageType], STAGE_TYPE_SHORT_LABELS[f.stageType], f);
}

/** The rows of a semester's table: one per stage type (DJ_MG left out, it has its own card). */
export function semesterRows(plan: SemesterPlan): SemesterRow[] {
  return plan.stageTypes.filter((f) => f.stageType !== 'DJ_MG').map(stageRow);
}

export function totalRow(plan: SemesterPlan): SemesterRow {
  return row(null, 'Total hors docteurs juniors', 'Total hors DJ', plan.totals);
}

/** "Il manque 3 places sur 12 demandées." — the sentence under the semester's title. */
export function semesterSummary(plan: SemesterPlan): string {
  const { offered, requested, gap } = plan.totals;
  if (requested === 0) return `${offered} ${places(offered)} offerte${offered > 1 ? 's' : ''}, aucune demande saisie.`;
  if (gap < 0) return `Il manque ${-gap} ${places(gap)} pour ${requested} demandée${requested > 1 ? 's' : ''}.`;
  if (gap > 0) return `${gap} ${places(gap)} de plus que les ${requested} demandée${requested > 1 ? 's' : ''}.`;
  return `Offre et demande à l’équilibre (${requested} ${places(requested)}).`;
}

/** Chart colours: primary for the offer, a contrasting tone for the demand (the table carries the numbers). */
/** ECharts option of a semester: places offered vs requested, grouped by stage type. */
export function semesterChartOption(plan: SemesterPlan): Record<string, unknown> {
  const rows = semesterRows(plan);
  return {
    aria: { enabled: true, decal: { show: true } },
    animation: false,
    color: [CHART_COLORS.offered, CHART_COLORS.requested],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { data: ['Places offertes', 'Places demandées'], bottom: 0 },
    grid: { left: 8, right: 8, top: 16, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.shortLabel) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: 'Places offertes',
        type: 'bar',
        data: rows.map((r) => r.offered),
        label: { show: true, position: 'top' },
      },
      {
        name: 'Places demandées',
        type: 'bar',
        data: rows.map((r) => r.requested),
        label: { show: true, position: 'top' },
      },
    ],
  };
}

export interface DemandDraft {
  stageType: StageType;
  placesRequested: number;
  placesFilled: number | null;
}

/** The figures the editor starts from (DJ_MG included when the semester has it). */
export function demandDrafts(plan: SemesterPlan): DemandDraft[] {
  const all = plan.docteurJunior ? [...plan.stageTypes, plan.docteurJunior] : plan.stageTypes;
  return all.map((f) => ({ stageType: f.stageType, placesRequested: f.requested, placesFilled: f.filled }));
}

export function semesterPlansRequest(from: SemesterCode | null): {
  url: string;
  params: Record<string, string | number>;
} {
  const params: Record<string, string | number> = { count: SEMESTER_COUNT };
  if (from) params['from'] = from;
  return { url: SEMESTERS_URL, params };
}
