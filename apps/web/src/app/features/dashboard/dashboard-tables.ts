import type { Dashboard } from '@maillage/shared/domain';
import { formatGap, GAP_KIND_LABELS, gapKind } from '../semesters';
import { formatMonth, formatNumber, formatPercent, sortedIssueCategories } from './dashboard-format';

/** The numbers of a chart, as an accessible table (already formatted for French readers). */
export interface FigureColumn {
  key: string;
  label: string;
  numeric?: boolean;
}

export interface FigureTable {
  caption: string;
  columns: FigureColumn[];
  rows: Record<string, string>[];
  footer: Record<string, string> | null;
}

function share(count: number, total: number): string {
  return total > 0 ? formatPercent(count / total) : '—';
}

export function funnelTable(d: Dashboard): FigureTable {
  const steps = d.pipeline.funnel;
  return {
    caption: 'Parcours des maîtres de stage, par étape (taux de passage depuis l’étape précédente)',
    columns: [
      { key: 'stage', label: 'Étape' },
      { key: 'count', label: 'À cette étape', numeric: true },
      { key: 'reached', label: 'Ont atteint l’étape', numeric: true },
      { key: 'conversion', label: 'Taux de passage', numeric: true },
    ],
    rows: steps.map((step, i) => ({
      stage: step.label,
      count: formatNumber(step.count),
      reached: formatNumber(step.reached),
      conversion: i === 0 ? '—' : formatPercent(steps[i - 1].conversionToNext),
    })),
    footer: null,
  };
}

export function placesTable(d: Dashboard): FigureTable {
  return {
    caption: `Places offertes et demandées, ${d.places.label} (docteurs juniors à part)`,
    columns: [
      { key: 'semester', label: 'Places' },
      { key: 'offered', label: 'Offertes', numeric: true },
      { key: 'requested', label: 'Demandées', numeric: true },
      { key: 'gap', label: 'Écart', numeric: true },
    ],
    rows: [
      {
        semester: `${d.places.label}, hors docteurs juniors`,
        offered: formatNumber(d.places.offered),
        requested: formatNumber(d.places.requested),
        gap: `${GAP_KIND_LABELS[gapKind(d.places.gap)]} : ${formatGap(d.places.gap)}`,
      },
      ...(d.places.docteurJunior
        ? [
            {
              semester: 'Docteurs juniors (4e année), à part',
              offered: formatNumber(d.places.docteurJunior.offered),
              requested: formatNumber(d.places.docteurJunior.requested),
              gap: `${GAP_KIND_LABELS[gapKind(d.places.docteurJunior.gap)]} : ${formatGap(d.places.docteurJunior.gap)}`,
            },
          ]
        : []),
    ],
    footer: null,
  };
}

export function visitsTable(d: Dashboard): FigureTable {
  const v = d.visits;
  return {
    caption: 'Visites de terrain sur la période',
    columns: [
      { key: 'label', label: 'Visites' },
      { key: 'count', label: 'Nombre', numeric: true },
    ],
    rows: [
      { label: 'Prévues', count: formatNumber(v.planned) },
      { label: 'Réalisées', count: formatNumber(v.done) },
      { label: 'Encore planifiées', count: formatNumber(v.pending) },
      { label: 'Annulées', count: formatNumber(v.cancelled) },
    ],
    footer: { label: 'Taux de réalisation', count: formatPercent(v.doneRate) },
  };
}

export function issuesByCategoryTable(d: Dashboard): FigureTable {
  return {
    caption: 'Difficultés d’accès par catégorie',
    columns: [
      { key: 'category', label: 'Catégorie' },
      { key: 'open', label: 'Ouvertes aujourd’hui', numeric: true },
      { key: 'raised', label: 'Signalées sur la période', numeric: true },
    ],
    rows: sortedIssueCategories(d).map((c) => ({
      category: c.label,
      open: formatNumber(c.open),
      raised: formatNumber(c.raised),
    })),
    footer: {
      category: 'Total',
      open: formatNumber(d.accessIssues.open),
      raised: formatNumber(d.accessIssues.raised),
    },
  };
}

export function issuesTrendTable(d: Dashboard): FigureTable {
  return {
    caption: 'Difficultés d’accès signalées par mois',
    columns: [
      { key: 'month', label: 'Mois' },
      { key: 'raised', label: 'Signalées', numeric: true },
    ],
    rows: d.accessIssues.trend.map((m) => ({ month: formatMonth(m.month), raised: formatNumber(m.raised) })),
    footer: {
      month: 'Total',
      raised: formatNumber(d.accessIssues.trend.reduce((sum, m) => sum + m.raised, 0)),
    },
  };
}

function statusTable(
  caption: string,
  statusLabel: string,
  countLabel: string,
  items: readonly { label: string; count: number }[],
): FigureTable {
  const total = items.reduce((sum, i) => sum + i.count, 0);
  return {
    caption,
    columns: [
      { key: 'status', label: statusLabel },
      { key: 'count', label: countLabel, numeric: true },
      { key: 'share', label: 'Part', numeric: true },
    ],
    rows: items.map((i) => ({ status: i.label, count: formatNumber(i.count), share: share(i.count, total) })),
    footer: { status: 'Total', count: formatNumber(total), share: total > 0 ? formatPercent(1) : '—' },
  };
}

export function referralsTable(d: Dashboard): FigureTable {
  return statusTable('Signalements du CDOM par suite donnée', 'Suite donnée', 'Signalements', d.referrals.byOutcome);
}

export function intentsTable(d: Dashboard): FigureTable {
  return statusTable('Projets d’installation par statut', 'Statut', 'Projets', d.intents.byStatus);
}
