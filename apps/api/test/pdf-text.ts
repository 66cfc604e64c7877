import type PdfParse from 'pdf-parse';

/**
 * The text of a PDF, whitespace folded. The package entry of pdf-parse runs a self-test when it
 * has no parent module (as under Jest): load its implementation directly.
 */
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as typeof PdfParse;

export async function pdfText(pdf: Buffer): Promise<{ text: string; pages: number }> {
  const result = await pdfParse(pdf);
  return { text: result.text.replace(/\s+/g, ' '), pages: result.numpages };
}
