import {
  ACCESS_ISSUE_CATEGORIES,
  ACCESS_ISSUE_CATEGORY_LABELS,
  type AnnualReportFigures,
  INTENT_STATUS_LABELS,
  INTENT_STATUSES,
  MEASURE_TYPE_LABELS,
  MEASURE_TYPES,
  REFERRAL_STATUS_LABELS,
  REFERRAL_STATUSES,
  type ReportFigureRow,
  type ReportFigureTable,
  type SemesterCode,
  VISIT_PURPOSE_LABELS,
  VISIT_PURPOSES,
} from '@maillage/shared/domain';
import type { EntityManager } from 'typeorm';

import { readsInParallel } from '../common/persistence/parallel-queries';
import { msuFunnel } from '../figures/msu-funnel';
import { accreditedInPeriod } from '../figures/msus-accredited';
import { semesterPlaces } from '../figures/semester-places';
import { placeTables } from './annual-report-places';

/**
 * The figures of a calendar year (1 January – 31 December) for one département, aggregated in
 * SQL (one GROUP BY per table). Archived records are left out. `$1` département, `$2` first day,
 * `$3` last day of the year.
 */
const SQL = {
  visits: `SELECT purpose AS key, count(*)::int AS n FROM site_visits
    WHERE departement_code = $1 AND archived_at IS NULL AND status = 'done' AND visited_on BETWEEN $2 AND $3
    GROUP BY purpose`,
  prospected: `SELECT count(DISTINCT site_id)::int AS n FROM site_visits
    WHERE departement_code = $1 AND archived_at IS NULL AND status = 'done' AND purpose = 'prospection'
      AND visited_on BETWEEN $2 AND $3`,
  referrals: `SELECT status AS key, count(*)::int AS n FROM candidate_referrals
    WHERE departement_code = $1 AND archived_at IS NULL
      AND (created_at AT TIME ZONE 'Europe/Paris')::date BETWEEN $2 AND $3
    GROUP BY status`,
  issues: `SELECT category AS key,
      count(*) FILTER (WHERE raised_on BETWEEN $2 AND $3)::int AS raised,
      count(*) FILTER (WHERE status = 'resolved' AND closed_on BETWEEN $2 AND $3)::int AS resolved
    FROM access_issues WHERE departement_code = $1 AND archived_at IS NULL
    GROUP BY category`,
  measures: `SELECT type AS key, count(*)::int AS n,
      sum(budget_planned)::float8 AS planned, sum(budget_committed)::float8 AS committed
    FROM support_measures
    WHERE departement_code = $1 AND archived_at IS NULL AND status <> 'cancelled'
      AND (start_date IS NULL OR start_date <= $3) AND (end_date IS NULL OR end_date >= $2)
    GROUP BY type`,
  intents: `SELECT status AS key, count(*)::int AS n FROM installation_intents
    WHERE departement_code = $1 AND archived_at IS NULL
      AND (created_at AT TIME ZONE 'Europe/Paris')::date BETWEEN $2 AND $3
    GROUP BY status`,
  settled: `SELECT count(*)::int AS n FROM installation_intents
    WHERE departement_code = $1 AND archived_at IS NULL AND status = 'settled' AND settled_on BETWEEN $2 AND $3`,
} as const;

type Counted = { key: string; n: number };

const frenchDay = (now: Date): string =>
  now.toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });

function byKey<K extends string>(
  keys: readonly K[],
  labels: Readonly<Record<K, string>>,
  found: readonly { key: string }[],
  values: (key: K) => number[],
): ReportFigureRow[] {
  const known = new Set<string>(keys);
  const extra = found.map((r) => r.key).filter((k) => !known.has(k));
  if (extra.length > 0) throw new Error(`annual report: unexpected keys ${extra.join(', ')}`);
  return keys.map((key) => ({ key, label: labels[key], values: values(key) }));
}

const totals = (rows: readonly ReportFigureRow[]): number[] =>
  rows.reduce<number[]>((sum, row) => row.values.map((v, i) => round2((sum[i] ?? 0) + v)), []);
const round2 = (n: number): number => Math.round(n * 100) / 100;

export async function computeAnnualFigures(
  manager: EntityManager,
  departementCode: string,
  year: number,
  now: Date,
): Promise<AnnualReportFigures> {
  const params = [departementCode, `${year}-01-01`, `${year}-12-31`];
  const q = <T>(sql: string): Promise<T[]> => manager.query(sql, params);
  const [visits, [prospected], accredited, pipeline, referrals, issues, measures, intents, [settled]] =
    await readsInParallel(manager, [
      () => q<Counted>(SQL.visits),
      () => q<{ n: number }>(SQL.prospected),
      () => accreditedInPeriod(manager, [departementCode], params[1], params[2]),
      () => msuFunnel(manager, [departementCode]),
      () => q<Counted>(SQL.referrals),
      () => q<{ key: string; raised: number; resolved: number }>(SQL.issues),
      () => q<{ key: string; n: number; planned: number; committed: number }>(SQL.measures),
      () => q<Counted>(SQL.intents),
      () => q<{ n: number }>(SQL.settled),
    ] as const);
  const count = (rows: readonly Counted[]) => (key: string) => [rows.find((r) => r.key === key)?.n ?? 0];

  const visitRows = byKey(VISIT_PURPOSES, VISIT_PURPOSE_LABELS, visits, count(visits));
  const referralRows = byKey(REFERRAL_STATUSES, REFERRAL_STATUS_LABELS, referrals, count(referrals));
  const issueRows = byKey(ACCESS_ISSUE_CATEGORIES, ACCESS_ISSUE_CATEGORY_LABELS, issues, (key) => {
    const row = issues.find((r) => r.key === key);
    return [row?.raised ?? 0, row?.resolved ?? 0];
  });
  const measureRows = byKey(MEASURE_TYPES, MEASURE_TYPE_LABELS, measures, (key) => {
    const row = measures.find((r) => r.key === key);
    return [row?.n ?? 0, round2(row?.planned ?? 0), round2(row?.committed ?? 0)];
  });
  // The funnel as on the dashboard: cumulative (reached the stage or went further), then the exits.
  const stageRows: ReportFigureRow[] = [
    ...pipeline.funnel.map((s) => ({ key: s.stage, label: s.label, values: [s.reached] })),
    ...pipeline.exits.map((s) => ({ key: s.stage, label: s.label, values: [s.count] })),
  ];
  const intentRows = byKey(INTENT_STATUSES, INTENT_STATUS_LABELS, intents, count(intents));

  const semesters: SemesterCode[] = [`${year}-S`, `${year}-W`];
  const places = placeTables(await semesterPlaces(manager, semesters, [departementCode]));

  const sum = (rows: readonly ReportFigureRow[], i = 0) => rows.reduce((s, r) => s + r.values[i], 0);
  const keyRows: ReportFigureRow[] = [
    { key: 'visits_done', label: 'Visites de terrains réalisées', values: [sum(visitRows)] },
    { key: 'sites_prospected', label: 'Terrains prospectés (visites de prospection)', values: [prospected.n] },
    { key: 'sites_accredited', label: 'Terrains agréés dans l’année', values: [accredited.sites] },
    { key: 'msus_accredited', label: 'Maîtres de stage agréés dans l’année', values: [accredited.msus] },
    { key: 'referrals_received', label: 'Signalements du CDOM reçus', values: [sum(referralRows)] },
    { key: 'issues_raised', label: 'Difficultés d’accès signalées', values: [sum(issueRows)] },
    { key: 'issues_resolved', label: 'Difficultés d’accès résolues', values: [sum(issueRows, 1)] },
    { key: 'settlements', label: 'Installations de médecins dans l’année', values: [settled.n] },
  ];

  const tables: ReportFigureTable[] = [
    {
      key: 'key_figures',
      title: 'Chiffres clés de l’année',
      sheet: 'Chiffres clés',
      columns: ['Indicateur', 'Valeur'],
      rows: keyRows,
      total: null,
      note: 'Synthèse des tableaux qui suivent, sur l’année civile.',
    },
    {
      key: 'visits',
      title: 'Visites réalisées par objet',
      sheet: 'Visites',
      columns: ['Objet de la visite', 'Visites réalisées'],
      rows: visitRows,
      total: totals(visitRows),
      note: 'Visites enregistrées comme réalisées, datées de l’année civile.',
    },
    {
      key: 'sites',
      title: 'Terrains prospectés et agréés',
      sheet: 'Prospection et agréments',
      columns: ['Indicateur', 'Nombre'],
      rows: keyRows.slice(1, 4),
      total: null,
      note:
        'Terrains ayant reçu au moins une visite de prospection dans l’année ; agréments accordés (y compris sous ' +
        'réserve) prenant effet dans l’année, du terrain lui-même ou d’un maître de stage.',
    },
    {
      key: 'msu_pipeline',
      title: 'Recrutement des maîtres de stage par étape',
      sheet: 'Parcours MSU',
      columns: ['Étape atteinte', 'Médecins'],
      rows: stageRows,
      total: null,
      note:
        `Situation au ${frenchDay(now)} (comme au tableau de bord) : chaque étape compte les médecins qui l’ont ` +
        'atteinte ou dépassée, si bien que le nombre ne croît jamais d’une étape à la suivante ; « A décliné » et ' +
        '« Retiré » comptent ceux qui ont quitté le parcours. Les maîtres de stage agréés dans l’année se lisent sur ' +
        'les agréments enregistrés (tableau « Terrains prospectés et agréés »).',
    },
    {
      key: 'referrals',
      title: 'Signalements du CDOM et leurs suites',
      sheet: 'Signalements CDOM',
      columns: ['Suite donnée', 'Signalements'],
      rows: referralRows,
      total: totals(referralRows),
      note: 'Signalements reçus dans l’année, selon leur statut au moment du calcul.',
    },
    {
      key: 'access_issues',
      title: 'Difficultés d’accès signalées et résolues par catégorie',
      sheet: 'Difficultés d’accès',
      columns: ['Catégorie', 'Signalées', 'Résolues'],
      rows: issueRows,
      total: totals(issueRows),
      note: 'Signalées : date de signalement dans l’année. Résolues : résolution datée de l’année (quelle que soit la date du signalement).',
    },
    {
      key: 'measures',
      title: 'Dispositifs et budgets par type',
      sheet: 'Dispositifs',
      columns: ['Type de dispositif', 'Dispositifs', 'Budget prévu (€)', 'Budget engagé (€)'],
      rows: measureRows,
      total: totals(measureRows),
      note: 'Dispositifs non annulés en vigueur pendant l’année (au moins un jour) ; budgets totaux des dispositifs.',
    },
    {
      key: 'intents',
      title: 'Intentions d’installation par statut',
      sheet: 'Intentions d’installation',
      columns: ['Statut', 'Intentions'],
      rows: intentRows,
      total: totals(intentRows),
      note: `Intentions recueillies dans l’année, selon leur statut au moment du calcul. Installations datées de l’année : ${settled.n}.`,
    },
    ...places,
  ];
  return { year, departementCode, computedAt: now.toISOString(), tables };
}
