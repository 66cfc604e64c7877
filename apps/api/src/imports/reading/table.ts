/** A spreadsheet read as text: its header row and its rows, whatever the format. */
export interface RawRow {
  /** Row number as the spreadsheet shows it (the header is row 1). */
  line: number;
  cells: string[];
  /** A problem of the row itself (wrong column count, unreadable characters…), in French. */
  problem?: string;
}

export interface TableFile {
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  headers: string[];
  rows: AsyncIterable<RawRow>;
}

/** Control characters PostgreSQL (NUL) or a spreadsheet would choke on; tabs and line breaks stay. */
// eslint-disable-next-line no-control-regex -- these very characters are what the rule is about
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** A cell as stored: control characters removed, surrounding spaces trimmed; `problem` says what was wrong. */
export function cleanCell(value: string): { text: string; problem?: string } {
  let problem: string | undefined;
  if (value.includes('\uFFFD'))
    problem = 'caractères illisibles : le fichier n’est peut-être pas dans l’encodage annoncé';
  const text = value.replace(/\r\n?/g, '\n').replace(CONTROL, () => {
    problem ??= 'caractère de contrôle invalide (supprimé)';
    return '';
  });
  return { text: text.trim(), problem };
}

/** Header names: trimmed, never empty, never twice the same. */
export function cleanHeaders(raw: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((value, i) => {
    const base = cleanCell(value).text || `Colonne ${i + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}
