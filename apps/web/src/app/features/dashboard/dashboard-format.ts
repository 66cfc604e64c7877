import type { Dashboard, DashboardScope } from '@maillage/shared/domain';
import { departementLabel } from '../../core/territory/departements';

const INTEGER = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const DECIMAL = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const PERCENT = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });
const LONG_DATE = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const MONTH = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const SHORT_MONTH = new Intl.DateTimeFormat('fr-FR', { month: 'short', timeZone: 'UTC' });
const SHORT_MONTH_YEAR = new Intl.DateTimeFormat('fr-FR', { month: 'short', year: '2-digit', timeZone: 'UTC' });

/** "1 468 108": French grouping (a narrow no-break space). */
export function formatNumber(n: number): string {
  return INTEGER.format(n);
}

/** "0,91". */
export function formatDecimal(n: number): string {
  return DECIMAL.format(n);
}

/** "71 %" for 0.7115; "—" when the ratio does not exist. */
export function formatPercent(ratio: number | null): string {
  return ratio === null ? '—' : PERCENT.format(ratio);
}

/** "1 place", "3 places", "0 place" (French singular for 0 and 1). */
export function plural(n: number, one: string, many: string): string {
  return `${formatNumber(n)} ${Math.abs(n) <= 1 ? one : many}`;
}

function utcDay(iso: string): Date {
  const [year, month, day] = iso.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day ?? 1));
}

/** "1er janvier 2026", "22 novembre 2026". */
export function formatLongDate(iso: string): string {
  const text = LONG_DATE.format(utcDay(iso));
  return text.startsWith('1 ') ? `1er ${text.slice(2)}` : text;
}

/** The day (Europe/Paris) of an ISO timestamp, as "1er septembre 2026". */
export function formatLongDay(timestamp: string): string {
  return formatLongDate(new Date(timestamp).toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' }));
}

/** Where the GP density comes from: « Annuaire Santé (RPPS), chargé le 1er septembre 2026 ». */
export function rppsSourceText(directoryLoadedAt: string): string {
  return `Annuaire Santé (RPPS), chargé le ${formatLongDay(directoryLoadedAt)}`;
}

/** What the screens say instead of a GP density while no directory was ever loaded. */
export const RPPS_NOT_LOADED = 'Annuaire RPPS non chargé';

/** "du 1er janvier 2026 au 22 novembre 2026". */
export function formatPeriod(from: string, to: string): string {
  return `du ${formatLongDate(from)} au ${formatLongDate(to)}`;
}

/** "janvier 2026" for `2026-01`. */
export function formatMonth(month: string): string {
  return MONTH.format(utcDay(month));
}

/** Axis labels of a monthly trend: "janv." within one year, "janv. 26" across years. */
export function shortMonthLabels(months: readonly string[]): string[] {
  const years = new Set(months.map((m) => m.slice(0, 4)));
  const format = years.size > 1 ? SHORT_MONTH_YEAR : SHORT_MONTH;
  return months.map((m) => format.format(utcDay(m)));
}

/** The territory in words: "Seine-et-Marne", "CA Melun Val de Seine", "Melun". */
export function scopeName(scope: DashboardScope): string {
  if (scope.level === 'commune' && scope.commune) return scope.commune.name;
  if (scope.level === 'epci' && scope.epci) return scope.epci.name;
  return departementLabel(scope.departementCode);
}

/** "Seine-et-Marne · du 1er janvier 2026 au 22 novembre 2026": what the figures cover. */
export function scopeLine(dashboard: Dashboard): string {
  return `${scopeName(dashboard.scope)} · ${formatPeriod(dashboard.period.from, dashboard.period.to)}`;
}

/** "507 communes · 1 468 108 habitants" (the département is named too for an EPCI or a commune). */
export function scopeDetail(scope: DashboardScope): string {
  const parts = [plural(scope.communes, 'commune', 'communes'), plural(scope.population, 'habitant', 'habitants')];
  if (scope.level !== 'departement' && scope.departementCode) parts.unshift(departementLabel(scope.departementCode));
  return parts.join(' · ');
}

/** The count of one status in a breakdown (0 when the API left it out). */
export function countOf<S extends string>(items: readonly { status: S; count: number }[], status: S): number {
  return items.find((i) => i.status === status)?.count ?? 0;
}

/** "A décliné : 22 · Retiré : 20": those who left the funnel. */
export function exitsText(d: Dashboard): string {
  return d.pipeline.exits.map((e) => `${e.label} : ${formatNumber(e.count)}`).join(' · ');
}

/** Categories with the most open issues first (then the most raised). */
export function sortedIssueCategories(d: Dashboard): Dashboard['accessIssues']['byCategory'] {
  return [...d.accessIssues.byCategory].sort((a, b) => b.open - a.open || b.raised - a.raised);
}
