import type { ParamMap, Params } from '@angular/router';
import {
  INSEE_COMMUNE_CODE,
  MSU_STAGES,
  type MsuStage,
  PRACTICE_MODES,
  type PracticeMode,
} from '@maillage/shared/domain';
import { type ApiParams, choiceParam, defineList, type ParamCodec } from '@maillage/web/util';

/** The filters shared by the table and the kanban, kept in the query string of `/professionnels`. */
export interface ProfessionalFilters {
  q: string;
  stages: MsuStage[];
  /** Accredited or active MSUs only. */
  supervisorOnly: boolean;
  specialty: string;
  practiceMode: PracticeMode | '';
  /** INSEE code of the commune of a practice site. */
  commune: string;
  /** Id of a practice site (a link from a site page). */
  site: string;
  archived: boolean;
}

export const PROFESSIONALS_VIEWS = ['tableau', 'parcours'] as const;
export type ProfessionalsView = (typeof PROFESSIONALS_VIEWS)[number];

export const NO_FILTERS: ProfessionalFilters = {
  q: '',
  stages: [],
  supervisorOnly: false,
  specialty: '',
  practiceMode: '',
  commune: '',
  site: '',
  archived: false,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Free text kept as typed (within `max` characters); `''` when empty. */
function text(param: string, max: number, api: string): ParamCodec<string> {
  return {
    param,
    defaultValue: '',
    read: (raw) => (raw ?? '').slice(0, max),
    write: (value) => value.trim() || null,
    api: (value): ApiParams => (value.trim() ? { [api]: value.trim() } : {}),
  };
}

/** A code the API checks (`''` when absent or malformed). */
function code<T extends string>(param: string, valid: (raw: string) => boolean, api: string): ParamCodec<T | ''> {
  return {
    param,
    defaultValue: '',
    read: (raw) => (raw && valid(raw) ? (raw as T) : ''),
    write: (value) => value || null,
    api: (value): ApiParams => (value ? { [api]: value } : {}),
  };
}

/** A switch written `1` in the URL and `true` for the API. */
function flag(param: string, api: string): ParamCodec<boolean> {
  return {
    param,
    defaultValue: false,
    read: (raw) => raw === '1',
    write: (value) => (value ? '1' : null),
    api: (value): ApiParams => (value ? { [api]: 'true' } : {}),
  };
}

/** Several stages, comma-separated: `?etapes=contacted,interested`. */
const stages: ParamCodec<MsuStage[]> = {
  param: 'etapes',
  defaultValue: [],
  read: (raw) => [
    ...new Set((raw ?? '').split(',').filter((s): s is MsuStage => (MSU_STAGES as readonly string[]).includes(s))),
  ],
  write: (value) => (value.length > 0 ? value.join(',') : null),
  api: (value): ApiParams => (value.length > 0 ? { msuStage: value.join(',') } : {}),
};

/**
 * The filters shared by the table and the kanban, kept in the query string of `/professionnels`
 * (with the view: `?vue=parcours`), named for the API by the same definition.
 */
export const PROFESSIONAL_LIST = defineList({
  filters: {
    q: text('q', 100, 'q'),
    stages,
    supervisorOnly: flag('msu', 'supervisor'),
    specialty: text('specialite', 120, 'specialty'),
    practiceMode: code<PracticeMode>(
      'mode',
      (raw) => (PRACTICE_MODES as readonly string[]).includes(raw),
      'practiceMode',
    ),
    commune: code<string>('commune', (raw) => INSEE_COMMUNE_CODE.test(raw), 'commune'),
    site: code<string>('terrain', (raw) => UUID.test(raw), 'site'),
    archived: flag('archives', 'archived'),
    view: choiceParam('vue', PROFESSIONALS_VIEWS, 'tableau'),
  },
  paging: false,
});

type ListState = ReturnType<typeof PROFESSIONAL_LIST.fromParams>;

/** The filters of a list state (without the view). */
export function filtersOf(state: ListState): ProfessionalFilters {
  const { q, stages: chosen, supervisorOnly, specialty, practiceMode, commune, site, archived } = state;
  return { q, stages: chosen, supervisorOnly, specialty, practiceMode, commune, site, archived };
}

/** Reads the filters from the URL, dropping any value the API would refuse. */
export function filtersFromQuery(params: ParamMap): ProfessionalFilters {
  return filtersOf(PROFESSIONAL_LIST.fromParams(Object.fromEntries(params.keys.map((k) => [k, params.get(k)]))));
}

/** The query params of these filters; empty ones are `null` so that the router removes them. */
export function filtersToQuery(filters: ProfessionalFilters): Params {
  const written = PROFESSIONAL_LIST.toParams({ ...PROFESSIONAL_LIST.defaults, ...filters });
  return Object.fromEntries(
    ['q', 'etapes', 'msu', 'specialite', 'mode', 'commune', 'terrain', 'archives'].map((k) => [k, written[k] ?? null]),
  );
}

export function viewFromQuery(params: ParamMap): ProfessionalsView {
  return PROFESSIONAL_LIST.fromParams({ vue: params.get('vue') ?? undefined }).view;
}

/** The filters as `GET /api/professionals` and `/pipeline` take them; empty ones are left out. */
export function filtersToApiParams(filters: ProfessionalFilters): Record<string, string> {
  return PROFESSIONAL_LIST.apiParams({ ...PROFESSIONAL_LIST.defaults, ...filters }) as Record<string, string>;
}

export function hasFilters(filters: ProfessionalFilters): boolean {
  return PROFESSIONAL_LIST.activeFilters({ ...PROFESSIONAL_LIST.defaults, ...filters }).length > 0;
}

/** Specialties offered as suggestions (free text is accepted: the API filters on the exact name). */
export const SPECIALTY_SUGGESTIONS: readonly string[] = [
  'Médecine générale',
  'Pédiatrie',
  'Gynécologie médicale',
  'Psychiatrie',
  'Gériatrie',
];

/** The suggestions that contain `text` (any case; all of them for an empty text). */
export function specialtySuggestions(text: string | null | undefined): readonly string[] {
  const typed = (text ?? '').trim().toLowerCase();
  return SPECIALTY_SUGGESTIONS.filter((s) => s.toLowerCase().includes(typed));
}
