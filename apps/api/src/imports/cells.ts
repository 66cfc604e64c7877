import { normalizeSearchText, unneutralizeCell } from '@maillage/shared/domain';

/** A cell that does not hold what its column expects; the message is shown after the column name. */
export class CellError extends Error {}

/** The text of a cell as read back: a quote added by our export against formulas is removed. */
export function cellValue(text: string | undefined): string {
  return unneutralizeCell((text ?? '').trim());
}

const YES = ['oui', 'o', 'yes', 'y', 'true', 'vrai', '1', 'x'];
const NO = ['non', 'n', 'no', 'false', 'faux', '0'];

/** `oui` / `non` (and what spreadsheets write for them); empty is `null`. */
export function parseBoolean(text: string): boolean | null {
  const word = normalizeSearchText(text);
  if (word === '') return null;
  if (YES.includes(word)) return true;
  if (NO.includes(word)) return false;
  throw new CellError(`« oui » ou « non » attendu (reçu « ${text} »).`);
}

/** `12,5`, `1 234,5` or `12.5`; empty is `null`. */
export function parseNumber(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return null;
  const normalised = /^-?\d+,\d+$/.test(compact) ? compact.replace(',', '.') : compact;
  if (!/^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(normalised)) throw new CellError(`nombre attendu (reçu « ${text} »).`);
  return Number(normalised);
}

export function parseInteger(text: string): number | null {
  const value = parseNumber(text);
  if (value === null) return null;
  if (!Number.isInteger(value)) throw new CellError(`nombre entier attendu (reçu « ${text} »).`);
  return value;
}

const pad = (n: number) => String(n).padStart(2, '0');

function isoDate(year: number, month: number, day: number, text: string): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new CellError(`cette date n’existe pas (« ${text} »).`);
  }
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Excel's day 0 is 30 December 1899 (its 1900 leap-year bug included). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * A date as `JJ/MM/AAAA`, `AAAA-MM-JJ` or an Excel serial number (46338 = 12/11/2026; from 10000,
 * i.e. 1927, so that a lone year is not read as a day of 1905); empty is `null`.
 */
export function parseDate(text: string): string | null {
  const value = text.trim();
  if (value === '') return null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(value);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]), text);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(value);
  if (m) {
    const year = m[3].length === 2 ? Number(m[3]) + (Number(m[3]) <= 50 ? 2000 : 1900) : Number(m[3]);
    return isoDate(year, Number(m[2]), Number(m[1]), text);
  }
  if (/^\d{1,6}(\.\d+)?$/.test(value)) {
    const serial = Math.floor(Number(value));
    if (serial >= 10_000 && serial <= 2_958_465) {
      const date = new Date(EXCEL_EPOCH + serial * 86_400_000);
      return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
    }
  }
  throw new CellError(`date attendue au format JJ/MM/AAAA (reçu « ${text} »).`);
}

/** One of `values`, written as its code or its French label (accents and case ignored); empty is `null`. */
export function parseChoice<T extends string>(
  text: string,
  values: readonly T[],
  labels: Readonly<Record<T, string>>,
  synonyms: Readonly<Record<string, T>> = {},
): T | null {
  const word = normalizeSearchText(text);
  if (word === '') return null;
  for (const value of values) {
    if (normalizeSearchText(value) === word || normalizeSearchText(labels[value]) === word) return value;
  }
  const synonym = synonyms[word];
  if (synonym) return synonym;
  throw new CellError(`valeur inconnue « ${text} » (valeurs possibles : ${values.map((v) => labels[v]).join(', ')}).`);
}

/** A list in one cell, separated by `|`, `;`, `,` or line breaks. */
export function parseList(text: string, separators = /[|;,\n]+/): string[] {
  return text
    .split(separators)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
