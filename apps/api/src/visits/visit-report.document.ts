import {
  ACCESS_ISSUE_CATEGORY_LABELS,
  CHECKLIST_ANSWER_LABELS,
  PARTICIPANT_KIND_LABELS,
  SEVERITY_LABELS,
  SITE_KIND_LABELS,
  type SiteKind,
  type SiteVisitDetail,
  VISIT_CHECKLIST_ITEMS,
  VISIT_CHECKLIST_LABELS,
  VISIT_PURPOSE_LABELS,
} from '@maillage/shared/domain';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';

import { formatSiret, frenchDate, frenchTime } from '../common/pdf/french-format';
import {
  ANSWER_TINTS,
  COLORS,
  headerRow,
  reportFrame,
  sectionTitle,
  SEVERITY_TINTS,
  TABLE_LAYOUT,
  tintedCell,
} from '../common/pdf/report-layout';

/** Everything the report shows: a done visit, its site and its Département. */
export interface VisitReportData {
  departement: { code: string; name: string };
  site: {
    name: string;
    kind: SiteKind;
    addressLine1: string;
    addressLine2: string | null;
    postalCode: string;
    communeName: string;
    siret: string | null;
  };
  visit: SiteVisitDetail & { visitedOn: string };
  reference: string;
}

/** The visit report, in French, for the accreditation file of the site. */
export function visitReportDocument(data: VisitReportData, generatedAt: Date): TDocumentDefinitions {
  const { site, visit, departement } = data;
  return {
    ...reportFrame({
      departementName: departement.name,
      reference: data.reference,
      title: `Compte rendu de visite – ${site.name} – ${frenchDate(visit.visitedOn)}`,
      subject: 'Compte rendu de visite de terrain de stage ambulatoire',
      generatedAt,
    }),
    defaultStyle: { font: 'Roboto', fontSize: 9.5, color: COLORS.ink, lineHeight: 1.2 },
    // Never leave a section title alone at the bottom of a page.
    pageBreakBefore: (node) => node.headlineLevel === 1 && node.startPosition.verticalRatio > 0.86,
    content: [
      { text: 'Compte rendu de visite', style: 'title' },
      { text: site.name, style: 'subtitle' },
      {
        text: `Visite du ${frenchDate(visit.visitedOn)} · ${VISIT_PURPOSE_LABELS[visit.purpose]}`,
        style: 'meta',
      },
      {
        columnGap: 18,
        columns: [
          {
            width: '*',
            stack: [
              sectionTitle(1, 'Terrain de stage'),
              facts([
                ['Nom', site.name],
                ['Structure', SITE_KIND_LABELS[site.kind]],
                ['Adresse', [site.addressLine1, site.addressLine2].filter(Boolean).join(', ')],
                ['Commune', `${site.postalCode} ${site.communeName}`],
                ['SIRET', site.siret ? formatSiret(site.siret) : 'Non renseigné'],
              ]),
            ],
          },
          {
            width: 200,
            stack: [
              sectionTitle(2, 'Visite'),
              facts([
                ['Date', frenchDate(visit.visitedOn)],
                ['Objet', VISIT_PURPOSE_LABELS[visit.purpose]],
                ['Prévue le', plannedLabel(visit)],
                ['Prochaine visite', visit.nextVisitOn ? frenchDate(visit.nextVisitOn) : 'Non fixée'],
              ]),
            ],
          },
        ],
      },
      sectionTitle(3, 'Participants'),
      table(
        ['*', 180],
        headerRow('Participant', 'Qualité'),
        visit.participants.map((p) => [p.name, PARTICIPANT_KIND_LABELS[p.kind]]),
        'Aucun participant enregistré.',
      ),
      checklistSection(4, visit),
      sectionTitle(5, 'Constats'),
      ...paragraphs(visit.findings),
      sectionTitle(6, 'Difficultés d’accès relevées'),
      table(
        [130, 80, '*'],
        headerRow('Catégorie', 'Gravité', 'Description'),
        visit.accessIssues.map((i) => [
          ACCESS_ISSUE_CATEGORY_LABELS[i.category],
          tintedCell(`${i.severity} – ${SEVERITY_LABELS[i.severity]}`, SEVERITY_TINTS[i.severity]),
          i.description,
        ]),
        'Aucune difficulté d’accès relevée lors de la visite.',
      ),
      sectionTitle(7, 'Suites à donner'),
      table(
        ['*', 140, 90],
        headerRow('Action', 'Responsable', 'Échéance'),
        visit.actions.map((a) => [
          a.title,
          a.owner?.displayName ?? a.ownerLabel ?? '—',
          a.dueOn ? frenchDate(a.dueOn) : '—',
        ]),
        'Aucune suite à donner.',
      ),
      signature(visit),
    ],
  };
}

function plannedLabel(visit: SiteVisitDetail): string {
  const date = frenchDate(visit.plannedOn);
  return visit.plannedTime ? `${date}, ${frenchTime(visit.plannedTime)}` : date;
}

/** Label / value pairs on a soft background. */
function facts(rows: [string, string][]): Content {
  return {
    table: {
      widths: [62, '*'],
      body: rows.map(([label, value], i) => [
        { text: label, style: 'label', margin: [0, 1, 0, 0] },
        { text: value, bold: i === 0 },
      ]),
    },
    layout: {
      ...TABLE_LAYOUT,
      hLineWidth: () => 0,
      fillColor: () => COLORS.soft,
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
  };
}

function table(widths: (number | string)[], header: TableCell[], rows: TableCell[][], empty: string): Content {
  if (rows.length === 0) return { text: empty, style: 'empty' };
  return {
    table: { headerRows: 1, dontBreakRows: true, widths, body: [header, ...rows] },
    layout: TABLE_LAYOUT,
  };
}

/** Every item of the shared grid, in its order; an item left out reads « Non vérifié ». */
function checklistSection(n: number, visit: SiteVisitDetail): Content {
  const rows = VISIT_CHECKLIST_ITEMS.map((item): TableCell[] => {
    const entry = visit.checklist[item];
    const answer = entry?.answer ?? 'not_checked';
    return [
      VISIT_CHECKLIST_LABELS[item],
      tintedCell(CHECKLIST_ANSWER_LABELS[answer], ANSWER_TINTS[answer]),
      { text: entry?.comment ?? '', color: COLORS.muted },
    ];
  });
  const commentLength = VISIT_CHECKLIST_ITEMS.reduce((n, item) => n + (visit.checklist[item]?.comment?.length ?? 0), 0);
  return {
    // Title and grid kept on one page, unless long comments make them too tall for one.
    unbreakable: commentLength < 1200,
    stack: [
      sectionTitle(n, 'Conditions d’accueil des étudiants'),
      table([200, 78, '*'], headerRow('Condition', 'Appréciation', 'Observation'), rows, ''),
    ],
  };
}

function paragraphs(text: string | null): Content[] {
  const blocks = (text ?? '')
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  if (blocks.length === 0) return [{ text: 'Aucun constat consigné.', style: 'empty' }];
  return blocks.map((b) => ({ text: b, margin: [0, 0, 0, 6], alignment: 'justify' as const }));
}

/** Who wrote the report, and room for the visa of the Département. */
function signature(visit: SiteVisitDetail): Content {
  const officer = visit.participants.find((p) => p.kind === 'mission_officer');
  return {
    unbreakable: true,
    margin: [0, 22, 0, 0],
    columns: [
      {
        width: '*',
        stack: [
          { text: 'Établi par', style: 'label' },
          { text: officer?.name ?? 'La mission accueil et formation', bold: true, margin: [0, 2, 0, 0] },
          ...(officer ? [{ text: PARTICIPANT_KIND_LABELS.mission_officer, style: 'small' }] : []),
        ],
      },
      {
        width: 220,
        table: {
          widths: ['*'],
          heights: [56],
          body: [[{ text: 'Visa et date', style: 'label' }]],
        },
        layout: {
          ...TABLE_LAYOUT,
          vLineWidth: () => 0.4,
          hLineWidth: () => 0.4,
          hLineColor: () => COLORS.rule,
          vLineColor: () => COLORS.rule,
          fillColor: () => null,
        },
      },
    ],
  };
}
