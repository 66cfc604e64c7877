import { dirname, resolve, sep } from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import pdfmake = require('pdfmake');
import robotoFonts = require('pdfmake/fonts/Roboto');

/** pdfmake's bundled Roboto (no network, no system fonts). */
const FONTS_DIR = resolve(dirname(String(robotoFonts['Roboto']?.normal)));

let configured = false;

/** pdfmake is a process-wide singleton: fonts and access policies are set once. */
function configure(): void {
  if (configured) return;
  pdfmake.setFonts(robotoFonts);
  // Documents are built from our own data: no image or font is ever fetched from a URL,
  // and only the bundled fonts are read from the disk.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => resolve(path).startsWith(FONTS_DIR + sep));
  configured = true;
}

/** Renders a pdfmake document definition to a PDF buffer, server side. */
export function renderPdf(document: TDocumentDefinitions): Promise<Buffer> {
  configure();
  return pdfmake.createPdf(document).getBuffer();
}
