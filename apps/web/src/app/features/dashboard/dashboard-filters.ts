import type { HttpResourceRequest } from '@angular/common/http';
import { InjectionToken } from '@angular/core';

export const DASHBOARD_URL = '/api/dashboard';

/** "Today" for the period presets; tests pin it to a fixed day. */
export const DASHBOARD_TODAY = new InjectionToken<() => Date>('DASHBOARD_TODAY', {
  providedIn: 'root',
  factory: () => () => new Date(),
});

/** What the dashboard shows: a period (ISO days, both included) and a territory. */
export interface DashboardFilters {
  from: string;
  to: string;
  /** SIREN of an EPCI of the département. */
  epci: string | null;
  /** INSEE code of a commune. */
  commune: string | null;
  /** National accounts only: one département. */
  departement: string | null;
}

/** The query parameters of `/tableau-de-bord` (French, so a shared link reads well). */
export type DashboardParams = {
  du?: string | null;
  au?: string | null;
  epci?: string | null;
  commune?: string | null;
  departement?: string | null;
};

export type PresetKey = 'current-year' | 'last-12-months' | 'previous-year';

export interface PeriodPreset {
  key: PresetKey;
  label: string;
  from: string;
  to: string;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const SIREN = /^\d{9}$/;
const INSEE = /^(?:\d{5}|2[AB]\d{3})$/;
const DEPARTEMENT = /^(?:\d{2}|2[AB]|97\d)$/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `2026-11-22` for a local date (no time-zone shift, unlike `toISOString`). */
export function isoDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The local date of an ISO day, or `null` when it is not a real day. */
export function parseIsoDate(value: string | null | undefined): Date | null {
  const match = ISO_DAY.exec(value ?? '');
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  const valid = date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day;
  return valid ? date : null;
}

/**
 * The quick periods: the current year up to today, the last twelve calendar months (the current
 * one included, so the monthly trend shows twelve whole bars) and the previous calendar year.
 */
export function periodPresets(today: Date): PeriodPreset[] {
  const year = today.getFullYear();
  const twelveMonthsAgo = new Date(year, today.getMonth() - 11, 1);
  return [
    { key: 'current-year', label: 'Année en cours', from: `${year}-01-01`, to: isoDate(today) },
    { key: 'last-12-months', label: '12 derniers mois', from: isoDate(twelveMonthsAgo), to: isoDate(today) },
    { key: 'previous-year', label: 'Année précédente', from: `${year - 1}-01-01`, to: `${year - 1}-12-31` },
  ];
}

/** The period of a bare link: the current year up to today (the API's own default). */
export function defaultPeriod(today: Date): { from: string; to: string } {
  const { from, to } = periodPresets(today)[0];
  return { from, to };
}

function matching(value: string | null | undefined, pattern: RegExp): string | null {
  return value && pattern.test(value) ? value : null;
}

/**
 * The filters of a link. Anything malformed falls back to the default (a hand-edited link still
 * opens a dashboard), and so does a period whose end comes before its start.
 */
export function filtersFromParams(params: DashboardParams, today: Date): DashboardFilters {
  const period = defaultPeriod(today);
  const from = parseIsoDate(params.du) ? (params.du as string) : period.from;
  const to = parseIsoDate(params.au) ? (params.au as string) : period.to;
  const ordered = from <= to;
  return {
    from: ordered ? from : period.from,
    to: ordered ? to : period.to,
    epci: matching(params.epci, SIREN),
    commune: matching(params.commune, INSEE),
    departement: matching(params.departement, DEPARTEMENT),
  };
}

/** The query parameters of a view; the default period is left out so a bare link stays "this year". */
export function filtersToParams(filters: DashboardFilters, today: Date): DashboardParams {
  const period = defaultPeriod(today);
  const isDefault = filters.from === period.from && filters.to === period.to;
  const params: DashboardParams = {};
  if (!isDefault) {
    params.du = filters.from;
    params.au = filters.to;
  }
  if (filters.departement) params.departement = filters.departement;
  if (filters.epci) params.epci = filters.epci;
  if (filters.commune) params.commune = filters.commune;
  return params;
}

/** `GET /api/dashboard?from=…&to=…[&departement=…][&epci=…][&commune=…]`. */
export function dashboardRequest(filters: DashboardFilters): HttpResourceRequest {
  const params: Record<string, string> = { from: filters.from, to: filters.to };
  if (filters.departement) params['departement'] = filters.departement;
  if (filters.epci) params['epci'] = filters.epci;
  if (filters.commune) params['commune'] = filters.commune;
  return { url: DASHBOARD_URL, params };
}

/** The preset the period matches, if any (to show it as selected). */
export function activePreset(filters: DashboardFilters, presets: readonly PeriodPreset[]): PresetKey | null {
  return presets.find((p) => p.from === filters.from && p.to === filters.to)?.key ?? null;
}
