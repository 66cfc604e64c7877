import { type AuthUser, hasPermission, type Permission } from '@maillage/shared/domain';

/** A value of an exported cell: text, number, yes/no, a calendar date or an instant. */
export type CellValue = string | number | boolean | null | { date: string } | { instant: string };

export interface ExportColumn<T> {
  /** French header (for the round-trippable lists: the label the import recognises). */
  header: string;
  value: (row: T) => CellValue;
  /** Only the roles holding this permission read this column; the others do not get it at all. */
  permission?: Permission;
  /** Width in characters in XLSX. */
  width?: number;
}

export const dateCell = (iso: string | null | undefined): CellValue => (iso ? { date: iso.slice(0, 10) } : null);
export const instantCell = (iso: string | Date | null | undefined): CellValue =>
  iso ? { instant: typeof iso === 'string' ? iso : iso.toISOString() } : null;

/** The columns this user may read. */
export function columnsFor<T>(user: AuthUser, columns: readonly ExportColumn<T>[]): ExportColumn<T>[] {
  return columns.filter((c) => !c.permission || hasPermission(user.role, c.permission));
}

const PARIS = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** The wall-clock parts of an instant in Paris. */
export function parisParts(iso: string): { year: number; month: number; day: number; hour: number; minute: number } {
  const parts = Object.fromEntries(PARIS.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return {
    year: Number(parts['year']),
    month: Number(parts['month']),
    day: Number(parts['day']),
    hour: Number(parts['hour']) % 24,
    minute: Number(parts['minute']),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-11-12` → `12/11/2026`. */
export function frenchDay(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export function frenchInstant(iso: string): string {
  const p = parisParts(iso);
  return `${pad(p.day)}/${pad(p.month)}/${p.year} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** An ASCII file name, without its extension: `terrains-de-stage-2026-12-07`. */
export function exportFileName(label: string, today: string): string {
  const slug = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']/g, '-')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  return `${slug}-${today}`;
}
