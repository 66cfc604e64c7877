import type { ParamMap, Params } from '@angular/router';
import {
  INSEE_COMMUNE_CODE,
  MSU_STAGES,
  type MsuStage,
  PRACTICE_MODES,
  type PracticeMode,
} from '@maillage/shared/domain';

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

export type ProfessionalsView = 'tableau' | 'parcours';

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

/** Reads the filters from the URL, dropping any value the API would refuse. */
export function filtersFromQuery(params: ParamMap): ProfessionalFilters {
  const stages = (params.get('etapes') ?? '')
    .split(',')
    .filter((s): s is MsuStage => (MSU_STAGES as readonly string[]).includes(s));
  const mode = params.get('mode') ?? '';
  const commune = params.get('commune') ?? '';
  const site = params.get('terrain') ?? '';
  return {
    q: (params.get('q') ?? '').slice(0, 100),
    stages: [...new Set(stages)],
    supervisorOnly: params.get('msu') === '1',
    specialty: (params.get('specialite') ?? '').slice(0, 120),
    practiceMode: (PRACTICE_MODES as readonly string[]).includes(mode) ? (mode as PracticeMode) : '',
    commune: INSEE_COMMUNE_CODE.test(commune) ? commune : '',
    site: UUID.test(site) ? site : '',
    archived: params.get('archives') === '1',
  };
}

/** The query params of these filters; empty ones are `null` so that the router removes them. */
export function filtersToQuery(filters: ProfessionalFilters): Params {
  return {
    q: filters.q.trim() || null,
    etapes: filters.stages.length > 0 ? filters.stages.join(',') : null,
    msu: filters.supervisorOnly ? '1' : null,
    specialite: filters.specialty.trim() || null,
    mode: filters.practiceMode || null,
    commune: filters.commune || null,
    terrain: filters.site || null,
    archives: filters.archived ? '1' : null,
  };
}

export function viewFromQuery(params: ParamMap): ProfessionalsView {
  return params.get('vue') === 'parcours' ? 'parcours' : 'tableau';
}

/** The filters as `GET /api/professionals` and `/pipeline` take them; empty ones are left out. */
export function filtersToApiParams(filters: ProfessionalFilters): Record<string, string> {
  const params: Record<string, string> = {};
  if (filters.q.trim()) params['q'] = filters.q.trim();
  if (filters.stages.length > 0) params['msuStage'] = filters.stages.join(',');
  if (filters.supervisorOnly) params['supervisor'] = 'true';
  if (filters.specialty.trim()) params['specialty'] = filters.specialty.trim();
  if (filters.practiceMode) params['practiceMode'] = filters.practiceMode;
  if (filters.commune) params['commune'] = filters.commune;
  if (filters.site) params['site'] = filters.site;
  if (filters.archived) params['archived'] = 'true';
  return params;
}

export function hasFilters(filters: ProfessionalFilters): boolean {
  return Object.values(filtersToQuery(filters)).some((v) => v !== null);
}

/** Specialties offered as suggestions (free text is accepted: the API filters on the exact name). */
export const SPECIALTY_SUGGESTIONS: readonly string[] = [
  'Médecine générale',
  'Pédiatrie',
  'Gynécologie médicale',
  'Psychiatrie',
  'Gériatrie',
];
