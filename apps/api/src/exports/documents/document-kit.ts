import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';

import { frenchDateTime, printable } from '../../common/pdf/french-format';
import {
  COLORS,
  PAGE_MARGINS,
  pageBackground,
  pageFooter,
  pageHeader,
  STYLES,
  TABLE_LAYOUT,
} from '../../common/pdf/report-layout';

const INTEGER = new Intl.NumberFormat('fr-FR');
export const integer = (n: number | null | undefined): string =>
  n === null || n === undefined ? '—' : printable(INTEGER.format(n));

/** The Département's letterhead around a document: header, band, footer with page numbers. */
export function letterDocument(options: {
  departementName: string;
  reference: string;
  kind: { title: string; subtitle: string };
  title: string;
  subject: string;
  generatedAt: Date;
  content: Content[];
}): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    language: 'fr-FR',
    info: {
      title: options.title,
      author: `Département – ${options.departementName}`,
      subject: options.subject,
      creator: 'Maillage',
    },
    background: pageBackground,
    header: pageHeader(options.departementName, options.reference, options.kind),
    footer: pageFooter(frenchDateTime(options.generatedAt)),
    defaultStyle: { font: 'Roboto', fontSize: 9.5, color: COLORS.ink, lineHeight: 1.2 },
    styles: STYLES,
    pageBreakBefore: (node) => node.headlineLevel === 1 && node.startPosition.verticalRatio > 0.86,
    content: options.content,
  };
}

/** A table with a header row; numbers right-aligned. */
export function table(headers: string[], rows: (string | number)[][], widths: (string | number)[]): Content {
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((row) => typeof row[i] === 'number'));
  const body: TableCell[][] = [
    headers.map(
      (text, i): TableCell => ({ text, style: 'th', ...(numeric[i] ? { alignment: 'right' as const } : {}) }),
    ),
    ...rows.map((row) =>
      row.map(
        (cell): TableCell => (typeof cell === 'number' ? { text: integer(cell), alignment: 'right' } : { text: cell }),
      ),
    ),
  ];
  return { table: { headerRows: 1, widths, body, dontBreakRows: true }, layout: TABLE_LAYOUT, margin: [0, 0, 0, 4] };
}

export const empty = (text: string): Content => ({ text, style: 'empty' });

/** Multi-line text as paragraphs. */
export function paragraphs(text: string | null, none: string): Content {
  if (!text?.trim()) return empty(none);
  return { stack: text.split(/\n{2,}/).map((p) => ({ text: p.trim(), margin: [0, 0, 0, 5] })) };
}

/** A section title kept on the same page as the first block under it. */
export function section(title: Content, blocks: Content[]): Content[] {
  if (blocks.length === 0) return [title];
  // Inside an unbreakable block the title must not ask for its own page break (pdfmake would loop).
  const plain = { ...(title as object), headlineLevel: undefined } as Content;
  return [{ unbreakable: true, stack: [plain, blocks[0]] }, ...blocks.slice(1)];
}
