import { type SupervisionIncome, ZONAGE_LABELS } from '@maillage/shared/domain';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';

import { euros, frenchDate } from '../common/pdf/french-format';
import { COLORS, sectionTitle, TABLE_LAYOUT } from '../common/pdf/report-layout';
import { empty, letterDocument, table } from '../exports/documents/document-kit';

export interface SupervisionIncomeData {
  departementName: string;
  practitioner: { name: string; rpps: string };
  place: { structureName: string | null; address: string | null; postalCode: string | null; communeName: string };
  otherPlaces: string[];
  income: SupervisionIncome;
  contact: { name: string; email: string };
  today: string;
}

function linesTable(lines: SupervisionIncome['docteurJunior']['lines'], totals: [string, string][]): Content {
  const body: TableCell[][] = [
    [
      { text: 'Rémunération', style: 'th' },
      { text: 'Condition', style: 'th' },
      { text: 'Par mois', style: 'th', alignment: 'right' },
    ],
    ...lines.map((l): TableCell[] => [
      { text: l.label, color: l.applies ? COLORS.ink : COLORS.muted },
      { text: l.condition, fontSize: 8.5, color: COLORS.muted },
      {
        text: l.applies ? euros(l.monthly) : `(${euros(l.monthly)})`,
        alignment: 'right',
        color: l.applies ? COLORS.ink : COLORS.muted,
      },
    ]),
    ...totals.map(([label, value]): TableCell[] => [
      { text: label, bold: true, colSpan: 2 },
      {},
      { text: value, bold: true, alignment: 'right' },
    ]),
  ];
  return { table: { headerRows: 1, widths: ['*', 170, 90], body, dontBreakRows: true }, layout: TABLE_LAYOUT };
}

/** One page the mission officer hands to a GP: what supervising would bring them at their practice. */
export function supervisionIncomeDocument(data: SupervisionIncomeData, generatedAt: Date): TDocumentDefinitions {
  const { income, place } = data;
  const j = income.docteurJunior;
  const zonage = income.zonage ? ZONAGE_LABELS[income.zonage] : 'zonage non renseigné';
  const content: Content[] = [
    { text: 'Devenir maître de stage universitaire', style: 'title' },
    { text: `${data.practitioner.name} · médecin généraliste`, style: 'subtitle' },
    {
      text: [place.structureName, place.address, [place.postalCode, place.communeName].filter(Boolean).join(' ')]
        .filter(Boolean)
        .join(' · '),
      style: 'meta',
    },
    { text: `Commune classée par l’ARS : ${zonage}`, style: 'meta' },
    sectionTitle(1, 'Accueillir un interne'),
    table(
      ['Rémunération', 'Par mois', 'Par semestre (6 mois)'],
      [[income.intern.lines[0].label, euros(income.intern.monthly), euros(income.intern.semester)]],
      ['*', 70, 110],
    ),
    sectionTitle(2, 'Accueillir un docteur junior de médecine générale (dès novembre 2026)'),
    {
      text: 'La 4e année de médecine générale se fait en ambulatoire, en priorité dans les zones sous-dotées, auprès de MSU.',
      margin: [0, 0, 0, 6],
    },
    linesTable(j.lines, [
      ['Total par mois', euros(j.monthly)],
      ['Total par mois avec l’encadrement des gardes', euros(j.monthlyWithOnCall)],
      ['Par semestre (6 mois), sans / avec gardes', `${euros(j.semester)} / ${euros(j.semesterWithOnCall)}`],
    ]),
    sectionTitle(3, 'Pour devenir maître de stage'),
    {
      ul: [
        'Suivre la formation initiale de maître de stage (prise en charge).',
        'Déposer une demande d’agrément : l’ARS l’accorde pour 5 ans en général, sur proposition de la faculté.',
        'Accueillir ensuite internes et docteurs juniors à votre cabinet, à votre rythme.',
      ],
      margin: [0, 0, 0, 6],
    },
    data.otherPlaces.length > 0
      ? { text: `Autres lieux d’exercice dans l’annuaire : ${data.otherPlaces.join(' ; ')}.`, style: 'meta' }
      : empty(''),
    {
      margin: [0, 14, 0, 0],
      table: {
        widths: ['*'],
        body: [
          [
            {
              text: [
                { text: 'Votre contact : ', bold: true },
                `${data.contact.name} (${data.contact.email}), mission accueil et formation des professionnels de santé.`,
              ],
              fillColor: COLORS.soft,
              margin: [8, 6, 8, 6],
            },
          ],
        ],
      },
      layout: 'noBorders',
    },
    {
      text: `Montants bruts mensuels indicatifs au ${frenchDate(data.today)}, selon la réglementation en vigueur ; les montants entre parenthèses ne s’appliquent qu’à la condition indiquée.`,
      style: 'small',
      margin: [0, 10, 0, 0],
    },
  ];
  return letterDocument({
    departementName: data.departementName,
    reference: `MSU-${data.practitioner.rpps}`,
    kind: { title: 'Devenir maître de stage', subtitle: 'Estimation personnalisée' },
    title: `Devenir maître de stage – ${data.practitioner.name}`,
    subject: 'Ce que la maîtrise de stage apporterait à un médecin généraliste',
    generatedAt,
    content,
  });
}
