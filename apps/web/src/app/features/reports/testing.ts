import type { AnnualReportDetail, AnnualReportSummary, ReportFigureTable } from '@maillage/shared/domain';

/** Test data of the reports feature (spec files only). */
export const REPORT_ID = '0c9a7d44-1f2b-4f4e-8a51-6d2e3b9c1a77';

export function buildTable(overrides: Partial<ReportFigureTable> = {}): ReportFigureTable {
  return {
    key: 'visits',
    title: 'Visites réalisées par objet',
    sheet: 'Visites',
    columns: ['Objet de la visite', 'Visites réalisées'],
    rows: [
      { key: 'prospection', label: 'Prospection', values: [1234] },
      { key: 'follow_up', label: 'Suivi', values: [617] },
    ],
    total: [1851],
    note: 'Visites enregistrées comme réalisées.',
    ...overrides,
  };
}

export function buildSummary(overrides: Partial<AnnualReportSummary> = {}): AnnualReportSummary {
  return {
    id: REPORT_ID,
    departementCode: '77',
    year: 2025,
    title: 'Rapport d’activité 2025',
    status: 'draft',
    presentedOn: null,
    approvedOn: null,
    version: 3,
    updatedAt: '2026-02-01T09:00:00.000Z',
    ...overrides,
  };
}

export function buildReport(overrides: Partial<AnnualReportDetail> = {}): AnnualReportDetail {
  return {
    ...buildSummary(),
    sections: { introduction: 'Premier paragraphe.\n\nSecond paragraphe.' },
    approvedById: null,
    frozen: false,
    figures: {
      year: 2025,
      departementCode: '77',
      computedAt: '2026-02-01T09:00:00.000Z',
      tables: [
        buildTable({
          key: 'key_figures',
          title: 'Chiffres clés de l’année',
          columns: ['Indicateur', 'Valeur'],
          rows: [{ key: 'visits_done', label: 'Visites de terrains réalisées', values: [1851] }],
          total: null,
        }),
        buildTable(),
        buildTable({
          key: 'measures',
          title: 'Dispositifs et budgets par type',
          columns: ['Type de dispositif', 'Dispositifs', 'Budget prévu (€)', 'Budget engagé (€)'],
          rows: [{ key: 'housing_aid', label: 'Aide au logement', values: [2, 30000, 7500.5] }],
          total: [2, 30000, 7500.5],
        }),
      ],
    },
    ...overrides,
  };
}
