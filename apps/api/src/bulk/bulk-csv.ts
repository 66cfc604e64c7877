export type CsvValue = string | number | boolean | null | undefined;

/** A cell as spreadsheets read it: `;`-separated (French Excel), quoted when needed, never a formula. */
function cell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'boolean' ? (value ? 'oui' : 'non') : String(value);
  // A leading =, +, -, @ (or tab, CR) would run as a formula in a spreadsheet: make it text.
  if (/^[=+\-@\t\r]/.test(text) && typeof value !== 'number') text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV file: UTF-8 with a byte order mark (so that Excel reads the accents), CRLF lines. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(';')).join('\r\n')}\r\n`;
}

/** `2026-03-11` → `11/03/2026`. */
export function frenchDay(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10).split('-').reverse().join('/') : '';
}
