import type { ChecklistAnswer, Severity } from '@maillage/shared/domain';
import type {
  Column,
  Content,
  CustomTableLayout,
  DynamicBackground,
  DynamicContent,
  StyleDictionary,
  TableCell,
  TDocumentDefinitions,
} from 'pdfmake/interfaces';

import { frenchDateTime } from './french-format';

/** The Département's print palette: a deep blue, a teal accent, greys for text and rules. */
export const COLORS = {
  navy: '#1B3A5C',
  teal: '#0E8A7E',
  ink: '#1F2933',
  muted: '#5F6B7A',
  rule: '#D5DCE4',
  soft: '#F2F5F8',
} as const;

/** Answers and severities carry a tint and their label (colour is never the only signal). */
export const ANSWER_TINTS: Record<ChecklistAnswer, { color: string; fill: string }> = {
  ok: { color: '#1E6B34', fill: '#E3F2E7' },
  to_improve: { color: '#8A4B00', fill: '#FDF0DA' },
  missing: { color: '#A3231B', fill: '#FBE4E2' },
  not_checked: { color: COLORS.muted, fill: '#EEF1F4' },
};
export const SEVERITY_TINTS: Record<Severity, { color: string; fill: string }> = {
  1: ANSWER_TINTS.not_checked,
  2: ANSWER_TINTS.to_improve,
  3: { color: '#9C3D00', fill: '#FCE5D4' },
  4: ANSWER_TINTS.missing,
};

export const PAGE_MARGINS: [number, number, number, number] = [56, 112, 56, 64];

export const STYLES: StyleDictionary = {
  title: { fontSize: 19, bold: true, color: COLORS.navy },
  subtitle: { fontSize: 13, color: COLORS.ink, margin: [0, 4, 0, 0] },
  meta: { fontSize: 9.5, color: COLORS.muted, margin: [0, 4, 0, 0] },
  section: { fontSize: 11.5, bold: true, color: COLORS.navy },
  label: { fontSize: 8.5, color: COLORS.muted },
  th: { fontSize: 8.5, bold: true, color: COLORS.navy },
  small: { fontSize: 8, color: COLORS.muted },
  empty: { fontSize: 9.5, italics: true, color: COLORS.muted },
};

/** Thin horizontal rules, no vertical ones, a tinted header row. */
export const TABLE_LAYOUT: CustomTableLayout = {
  hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0.8 : 0.4),
  vLineWidth: () => 0,
  hLineColor: (i) => (i <= 1 ? COLORS.navy : COLORS.rule),
  fillColor: (row) => (row === 0 ? COLORS.soft : null),
  paddingLeft: () => 6,
  paddingRight: () => 6,
  paddingTop: () => 3.5,
  paddingBottom: () => 3.5,
};

/** A logo drawn in the document: a mesh of linked nodes (the territory's "maillage") on the Département's blue. */
function meshLogo(): Column {
  const nodes: [number, number][] = [
    [12, 14],
    [32, 10],
    [36, 30],
    [16, 34],
    [24, 22],
  ];
  const links: [number, number][] = [
    [0, 1],
    [1, 2],
    [2, 3],
    [3, 0],
    [0, 4],
    [1, 4],
    [2, 4],
    [3, 4],
  ];
  return {
    width: 46,
    stack: [
      {
        canvas: [
          { type: 'rect', x: 0, y: 0, w: 46, h: 46, r: 7, color: COLORS.navy },
          ...links.map(([a, b]) => ({
            type: 'line' as const,
            x1: nodes[a][0] - 1,
            y1: nodes[a][1] + 1,
            x2: nodes[b][0] - 1,
            y2: nodes[b][1] + 1,
            lineWidth: 1.2,
            lineColor: '#7FC8BF',
          })),
          ...nodes.map(([x, y], i) => ({
            type: 'ellipse' as const,
            x: x - 1,
            y: y + 1,
            r1: i === 4 ? 4 : 3,
            r2: i === 4 ? 4 : 3,
            color: i === 4 ? COLORS.teal : '#FFFFFF',
          })),
        ],
      },
    ],
  };
}

/** The Département's letterhead, on every page; `kind` names the document (a visit report by default). */
export function pageHeader(
  departementName: string,
  reference: string,
  kind: { title: string; subtitle: string } = {
    title: 'Compte rendu de visite',
    subtitle: 'Terrain de stage ambulatoire',
  },
): DynamicContent {
  return () => ({
    margin: [56, 30, 56, 0],
    columns: [
      meshLogo(),
      {
        width: '*',
        margin: [12, 1, 0, 0],
        stack: [
          { text: 'DÉPARTEMENT', fontSize: 7.5, characterSpacing: 2, color: COLORS.muted },
          { text: departementName, fontSize: 15, bold: true, color: COLORS.navy, margin: [0, 1, 0, 1] },
          { text: 'Mission accueil et formation des professionnels de santé', fontSize: 8.5, color: COLORS.teal },
        ],
      },
      {
        width: 'auto',
        alignment: 'right',
        margin: [0, 4, 0, 0],
        stack: [
          { text: kind.title, fontSize: 8.5, bold: true, color: COLORS.navy },
          { text: kind.subtitle, fontSize: 8, color: COLORS.muted },
          { text: `Réf. ${reference}`, fontSize: 8, color: COLORS.muted, margin: [0, 3, 0, 0] },
        ],
      },
    ],
  });
}

/** A band of the Département's colours at the top of every page. */
export const pageBackground: DynamicBackground = (_page, size) => ({
  canvas: [
    { type: 'rect', x: 0, y: 0, w: size.width, h: 9, color: COLORS.navy },
    { type: 'rect', x: 0, y: 9, w: size.width, h: 2.5, color: COLORS.teal },
    { type: 'line', x1: 56, y1: 92, x2: size.width - 56, y2: 92, lineWidth: 0.6, lineColor: COLORS.rule },
  ],
});

/** Generation date and page numbers. */
export function pageFooter(generatedOn: string): DynamicContent {
  return (currentPage, pageCount) => ({
    margin: [56, 18, 56, 0],
    columns: [
      { text: `Document généré le ${generatedOn} avec Maillage`, style: 'small' },
      { text: `Page ${currentPage} / ${pageCount}`, style: 'small', alignment: 'right', width: 'auto' },
    ],
  });
}

/** A numbered section title with the accent bar; kept with what follows it, listed in the contents if asked. */
export function sectionTitle(n: number, text: string, inContents = false): Content {
  const contents = inContents
    ? { tocItem: true, tocStyle: { fontSize: 10, color: COLORS.ink }, tocMargin: [14, 3, 0, 0] }
    : {};
  return {
    headlineLevel: 1,
    margin: [0, 16, 0, 7],
    columnGap: 0,
    columns: [
      { width: 4, canvas: [{ type: 'rect', x: 0, y: 0, w: 3, h: 14, color: COLORS.teal }] },
      { width: '*', text: `${n}. ${text}`, style: 'section', margin: [6, 0, 0, 0], ...contents },
    ],
  };
}

/** A header row of a table. */
export function headerRow(...labels: string[]): TableCell[] {
  return labels.map((text) => ({ text, style: 'th' }));
}

/** A tinted label cell (checklist answer, severity). */
export function tintedCell(text: string, tint: { color: string; fill: string }): TableCell {
  return { text, bold: true, fontSize: 8.5, color: tint.color, fillColor: tint.fill };
}

/** What a report is, for its frame: its properties, its letterhead and when it was generated. */
export interface ReportFrame {
  departementName: string;
  reference: string;
  /** The document's title and subject, as its properties show them. */
  title: string;
  subject: string;
  generatedAt: Date;
  /** What the letterhead names the document (a visit report by default). */
  kind?: { title: string; subtitle: string };
}

/** What every report of the mission shares: A4, the margins, letterhead and footer, the styles and the properties. */
export function reportFrame(
  frame: ReportFrame,
): Pick<
  TDocumentDefinitions,
  'pageSize' | 'pageMargins' | 'language' | 'info' | 'background' | 'header' | 'footer' | 'styles'
> {
  return {
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    language: 'fr-FR',
    info: {
      title: frame.title,
      author: `Département – ${frame.departementName}`,
      subject: frame.subject,
      creator: 'Maillage',
    },
    background: pageBackground,
    header: pageHeader(frame.departementName, frame.reference, frame.kind),
    footer: pageFooter(frenchDateTime(frame.generatedAt)),
    styles: STYLES,
  };
}
