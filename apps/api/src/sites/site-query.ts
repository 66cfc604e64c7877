import { normalizeSearchText, type SITE_SORT_FIELDS } from '@maillage/shared/domain';
import type { Repository, SelectQueryBuilder } from 'typeorm';

import { type Actor, scopeQuery } from '../common/scope/territory-scope';
import type { ListSitesQuery } from './dto/list-sites.query';
import type { TrainingSite } from './training-site.entity';

/**
 * The current ARS zonage of a commune (SQL, for `:today`): the period in force, served by
 * `idx_commune_zonages_commune_from`. Periods of a commune never overlap (see CommunesService).
 */
export function currentZonageSql(communeColumn: string): string {
  return `(SELECT z.zonage FROM commune_zonages z WHERE z.commune_code = ${communeColumn}
    AND z.valid_from <= :today AND (z.valid_to IS NULL OR z.valid_to >= :today)
    ORDER BY z.valid_from DESC LIMIT 1)`;
}

/**
 * The live access issues of site `s` still to deal with (open or in progress), served by
 * `idx_access_issues_site_status` (site_id, status): counted on the site, or an EXISTS filter.
 */
export const OPEN_ACCESS_ISSUES_SQL = `SELECT 1 FROM access_issues ai WHERE ai.site_id = s.id
  AND ai.status IN ('open', 'in_progress') AND ai.archived_at IS NULL`;

/** Public sort fields → SQL. No join: paging stays a plain LIMIT/OFFSET on `training_sites`. */
export const SITE_SORTABLE: Record<(typeof SITE_SORT_FIELDS)[number], string> = {
  name: 's.searchText',
  commune: '(SELECT c.search_name FROM communes c WHERE c.code = s.commune_code)',
  kind: 's.kind',
  status: 's.status',
  updatedAt: 's.updatedAt',
  createdAt: 's.createdAt',
};

/**
 * The filtered list query of `GET /api/sites`, scoped to the actor's départements. Every
 * filter is a predicate on `training_sites` (sub-queries instead of joins), so that each one
 * can use the (département, …) indexes and paging happens in the database.
 */
export function siteListQuery(
  repo: Repository<TrainingSite>,
  actor: Actor,
  query: ListSitesQuery,
  today: string,
): SelectQueryBuilder<TrainingSite> {
  const qb = scopeQuery(repo.createQueryBuilder('s'), actor);
  qb.andWhere(query.archived ? 's.archivedAt IS NOT NULL' : 's.archivedAt IS NULL');
  if (query.commune) qb.andWhere('s.communeCode = :commune', { commune: query.commune });
  if (query.epci) {
    qb.andWhere('s.communeCode IN (SELECT c.code FROM communes c WHERE c.epci_siren = :epci)', { epci: query.epci });
  }
  if (query.kind) qb.andWhere('s.kind = :kind', { kind: query.kind });
  if (query.status) qb.andWhere('s.status = :status', { status: query.status });
  if (query.stageType) {
    qb.andWhere(
      'EXISTS (SELECT 1 FROM site_capacities sc WHERE sc.site_id = s.id AND sc.stage_type = :stageType AND sc.places > 0)',
      { stageType: query.stageType },
    );
  }
  if (query.zonage) {
    // A semi-join on the communes in that zonage today (periods never overlap), so that the
    // sites are then found through (département, commune) instead of one sub-query per site.
    qb.andWhere(
      `s.communeCode IN (SELECT z.commune_code FROM commune_zonages z WHERE z.zonage = :zonage
        AND z.valid_from <= :today AND (z.valid_to IS NULL OR z.valid_to >= :today))`,
      { zonage: query.zonage, today },
    );
  }
  if (query.hasOpenAccessIssues !== undefined) {
    qb.andWhere(`${query.hasOpenAccessIssues ? '' : 'NOT '}EXISTS (${OPEN_ACCESS_ISSUES_SQL})`);
  }
  const text = query.q ? normalizeSearchText(query.q) : '';
  // The folded text holds only [a-z0-9 ]: nothing to escape for LIKE. Served by the trigram index.
  if (text) qb.andWhere('s.searchText LIKE :contains', { contains: `%${text}%` });
  return qb;
}
