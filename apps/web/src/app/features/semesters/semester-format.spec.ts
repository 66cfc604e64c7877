import type { SemesterPlan } from '@maillage/shared/domain';
import {
  demandDrafts,
  formatFilled,
  formatGap,
  gapKind,
  semesterChartOption,
  semesterRows,
  semesterSummary,
  totalRow,
} from './semester-format';

const plan: SemesterPlan = {
  semester: '2026-W',
  label: 'Hiver 2026-2027',
  start: '2026-11-01',
  end: '2027-04-30',
  version: 2,
  stageTypes: [
    { stageType: 'N1', offered: 9, requested: 12, filled: null, gap: -3, source: 'Faculté' },
    { stageType: 'SASPAS', offered: 5, requested: 4, filled: 4, gap: 1, source: null },
    { stageType: 'SAFE', offered: 2, requested: 2, filled: 2, gap: 0, source: null },
  ],
  totals: { offered: 16, requested: 18, filled: 6, gap: -2 },
  docteurJunior: { stageType: 'DJ_MG', offered: 3, requested: 5, filled: null, gap: -2, source: null },
};

describe('formatGap', () => {
  it('writes a missing place with a true minus sign and the word', () => {
    expect(formatGap(-3)).toBe('\u22123 places');
    expect(formatGap(-1)).toBe('\u22121 place');
  });

  it('writes a surplus with a plus and balance as zero', () => {
    expect(formatGap(2)).toBe('+2 places');
    expect(formatGap(0)).toBe('0 place');
  });

  it('groups thousands the French way', () => {
    expect(formatGap(-1200).replace(/\s/g, ' ')).toBe('\u22121 200 places');
  });

  it('classifies the gap', () => {
    expect([gapKind(-1), gapKind(0), gapKind(4)]).toEqual(['missing', 'balanced', 'surplus']);
  });
});

describe('semester table', () => {
  it('has one row per stage type, with the gap in words', () => {
    const rows = semesterRows(plan);
    expect(rows.map((r) => r.label)).toEqual([
      'Niveau 1 (stage praticien)',
      'SASPAS (niveau 2)',
      'Santé de la femme et de l’enfant',
    ]);
    expect(rows[0]).toMatchObject({
      offered: 9,
      requested: 12,
      filled: 'Non connu',
      gapText: '\u22123 places',
      gapLabel: 'Manque',
    });
    expect(rows[1]).toMatchObject({ filled: '4', gapText: '+1 place', gapLabel: 'Excédent' });
    expect(rows[2].gapLabel).toBe('Équilibre');
  });

  it('leaves DJ_MG out of the stage-type rows even when listed', () => {
    const withDj: SemesterPlan = {
      ...plan,
      stageTypes: [...plan.stageTypes, ...(plan.docteurJunior ? [plan.docteurJunior] : [])],
    };
    expect(semesterRows(withDj).some((r) => r.stageType === 'DJ_MG')).toBe(false);
  });

  it('totals the semester', () => {
    expect(totalRow(plan)).toMatchObject({
      label: 'Total hors docteurs juniors',
      offered: 16,
      requested: 18,
      gapText: '\u22122 places',
    });
    expect(formatFilled(null)).toBe('Non connu');
  });

  it('sums it up in a sentence', () => {
    expect(semesterSummary(plan)).toBe('Il manque 2 places pour 18 demandées.');
    expect(semesterSummary({ ...plan, totals: { offered: 4, requested: 0, filled: null, gap: 4 } })).toBe(
      '4 places offertes, aucune demande saisie.',
    );
  });
});

describe('semesterChartOption', () => {
  it('groups offered and requested bars by stage type', () => {
    const option = semesterChartOption(plan) as {
      xAxis: { data: string[] };
      series: { name: string; type: string; data: number[] }[];
    };
    expect(option.xAxis.data).toEqual(['N1', 'SASPAS', 'SAFE']);
    expect(option.series.map((s) => [s.name, s.type, s.data])).toEqual([
      ['Places offertes', 'bar', [9, 5, 2]],
      ['Places demandées', 'bar', [12, 4, 2]],
    ]);
  });
});

describe('demandDrafts', () => {
  it('starts the editor from the figures, DJ_MG included', () => {
    expect(demandDrafts(plan).map((d) => [d.stageType, d.placesRequested, d.placesFilled])).toEqual([
      ['N1', 12, null],
      ['SASPAS', 4, 4],
      ['SAFE', 2, 2],
      ['DJ_MG', 5, null],
    ]);
  });
});
