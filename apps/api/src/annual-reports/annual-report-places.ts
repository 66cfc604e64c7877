import {
  type ReportFigureRow,
  type ReportFigureTable,
  type SemesterPlan,
  STAGE_TYPE_LABELS,
} from '@maillage/shared/domain';

const OFFERED_NOTE =
  'Capacités des terrains actifs disposant, au premier jour du semestre, d’un agrément en vigueur couvrant le ' +
  'type de stage (mêmes chiffres que l’écran Semestres, le tableau de bord et l’état de l’offre).';

/**
 * The report's place tables, from the year's two semester plans (`figures/semester-places.ts`):
 * places offered per stage type, then offered / requested / filled, every stage type but the
 * docteurs juniors, and the docteurs juniors on their own table (never added to the others).
 */
export function placeTables(plans: readonly SemesterPlan[]): ReportFigureTable[] {
  const columns = plans.map((p) => p.label);
  const byStage: ReportFigureRow[] = plans[0].stageTypes.map((row) => ({
    key: row.stageType,
    label: STAGE_TYPE_LABELS[row.stageType],
    values: plans.map((p) => p.stageTypes.find((s) => s.stageType === row.stageType)?.offered ?? 0),
  }));
  const filledKnown = plans.every((p) => p.totals.filled !== null);
  const balance: ReportFigureRow[] = [
    { key: 'offered', label: 'Places offertes', values: plans.map((p) => p.totals.offered) },
    { key: 'requested', label: 'Places demandées', values: plans.map((p) => p.totals.requested) },
    ...(filledKnown
      ? [{ key: 'filled', label: 'Places pourvues', values: plans.map((p) => p.totals.filled ?? 0) }]
      : []),
  ];
  const unknownFilled = plans.filter((p) => p.totals.filled === null).map((p) => p.label);
  const tables: ReportFigureTable[] = [
    {
      key: 'places',
      title: 'Places de stage offertes par semestre (hors docteurs juniors)',
      sheet: 'Places offertes',
      columns: ['Type de stage', ...columns],
      rows: byStage,
      total: plans.map((p) => p.totals.offered),
      note: `${OFFERED_NOTE} Les docteurs juniors (4e année) sont comptés à part.`,
    },
    {
      key: 'places_balance',
      title: 'Places offertes, demandées et pourvues (hors docteurs juniors)',
      sheet: 'Places demandées',
      columns: ['Places', ...columns],
      rows: balance,
      total: null,
      note:
        'Demandées et pourvues : saisies sur l’écran Semestres (faculté, ARS).' +
        (unknownFilled.length > 0 ? ` Places pourvues pas encore connues pour : ${unknownFilled.join(', ')}.` : ''),
    },
  ];
  if (plans.some((p) => p.docteurJunior !== null)) {
    const dj = (field: 'offered' | 'requested') => plans.map((p) => p.docteurJunior?.[field] ?? 0);
    const djFilled = plans.every((p) => p.docteurJunior === null || p.docteurJunior.filled !== null);
    tables.push({
      key: 'places_docteurs_juniors',
      title: 'Docteurs juniors de médecine générale (4e année), à part',
      sheet: 'Docteurs juniors',
      columns: ['Places', ...columns],
      rows: [
        { key: 'offered', label: 'Places offertes', values: dj('offered') },
        { key: 'requested', label: 'Places demandées', values: dj('requested') },
        ...(djFilled
          ? [{ key: 'filled', label: 'Places pourvues', values: plans.map((p) => p.docteurJunior?.filled ?? 0) }]
          : []),
      ],
      total: null,
      note:
        'Non comptés dans les tableaux précédents. Aucun docteur junior avant leur premier semestre ' +
        '(hiver 2026-2027) : 0 pour un semestre antérieur.',
    });
  }
  return tables;
}
