import type { Permission } from '../permissions';

/** What the header's search box finds, in the order results are shown. */
export const SEARCH_KINDS = ['professionals', 'sites', 'communes', 'referrals', 'visits', 'committees'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Each kind is searched only for the roles that may read it. */
export const SEARCH_KIND_INFO: Readonly<Record<SearchKind, { label: string; permission: Permission }>> = {
  professionals: { label: 'Professionnels', permission: 'professionals.read' },
  sites: { label: 'Terrains de stage', permission: 'sites.read' },
  communes: { label: 'Communes', permission: 'territory.read' },
  referrals: { label: 'Signalements CDOM', permission: 'referrals.read' },
  visits: { label: 'Visites', permission: 'visits.read' },
  committees: { label: 'Réunions de comité', permission: 'committees.read' },
};

export const SEARCH_QUERY_MIN = 2;
export const SEARCH_QUERY_MAX = 100;
export const SEARCH_LIMIT_DEFAULT = 5;
export const SEARCH_LIMIT_MAX = 20;

export interface SearchHit {
  id: string;
  title: string;
  /** A second line: commune, status, date… */
  subtitle: string | null;
  /** A route of the dashboard. */
  link: string;
  /** 0–1, higher is closer. */
  score: number;
}

export interface SearchGroup {
  kind: SearchKind;
  label: string;
  hits: SearchHit[];
  /** More hits exist than shown. */
  more: boolean;
  /** The dashboard's list with this search, when there is one. */
  listLink: string | null;
}

/** `GET /api/search?q=`: one group per kind the user may read that has hits. */
export interface SearchResponse {
  q: string;
  groups: SearchGroup[];
}
