import {
  isSupervisor,
  MSU_STAGES,
  normalizeSearchText,
  type SITE_SORT_FIELDS,
  STAGE_TYPES,
} from '@maillage/shared/domain';

import { isoSql, limitOf, orderOf, SqlParams } from '../common/persistence/sql';
import { type Actor, visibleDepartements } from '../common/scope/territory-scope';
import { currentZonageSql } from '../territory/zonage-in-force';
import type { ListSitesQuery } from './dto/list-sites.query';

const SUPERVISOR_STAGES = MSU_STAGES.filter(isSupervisor);

/**
 * The live access issues of site `s` still to deal with (open or in progress), served by
 * `idx_access_issues_site_status` (site_id, status): counted on the site, or an EXISTS filter.
 */
const openAccessIssuesSql = (site: string) => `SELECT 1 FROM access_issues ai WHERE ai.site_id = ${site}.id
  AND ai.status IN ('open', 'in_progress') AND ai.archived_at IS NULL`;

/** The order of the stage types (`STAGE_TYPES`), for a capacity `sc`. */
const STAGE_ORDER = `array_position(ARRAY[${STAGE_TYPES.map((t) => `'${t}'`).join(', ')}]::varchar[], sc.stage_type)`;

/** A site's capacities as a JSON array of `{ stageType, places }`, in the order of the stage types. */
export const capacitiesJsonSql = (siteId: string) => `(SELECT coalesce(json_agg(json_build_object(
    'stageType', sc.stage_type, 'places', sc.places) ORDER BY ${STAGE_ORDER}), '[]'::json)
  FROM site_capacities sc WHERE sc.site_id = ${siteId})`;

/**
 * What a site's summary adds to its row, for the site `x` joined to its commune `c` and EPCI `e`:
 * commune and EPCI names, current zonage, supervisors practising there, open access issues and
 * capacities — sub-queries on indexes, so that a page is completed in the statement that reads it.
 */
export function siteFactsSql(x: string, params: SqlParams, today: string): string {
  return `c.name AS commune_name, e.name AS epci_name,
    ${currentZonageSql(`${x}.commune_code`, params.add(today))} AS zonage,
    (SELECT count(*)::int FROM professional_sites ps JOIN professionals pr ON pr.id = ps.professional_id
      WHERE ps.site_id = ${x}.id AND pr.archived_at IS NULL
        AND pr.msu_stage = ANY(${params.add(SUPERVISOR_STAGES)}::text[])) AS supervisor_count,
    (SELECT count(*)::int FROM (${openAccessIssuesSql(x)}) o) AS open_access_issues,
    ${capacitiesJsonSql(`${x}.id`)} AS capacities`;
}

/** The joins `siteFactsSql` reads from. */
export const siteFactsJoins = (x: string) =>
  `JOIN communes c ON c.code = ${x}.commune_code LEFT JOIN epcis e ON e.siren = c.epci_siren`;

/** Public sort fields → SQL. No join: paging stays a plain LIMIT/OFFSET on `training_sites`. */
export const SITE_SORTABLE: Record<(typeof SITE_SORT_FIELDS)[number], string> = {
  name: 's.search_text',
  commune: '(SELECT c.search_name FROM communes c WHERE c.code = s.commune_code)',
  kind: 's.kind',
  status: 's.status',
  updatedAt: 's.updated_at',
  createdAt: 's.created_at',
};

/** The columns of a site's summary (a page of `GET /api/sites`). */
const SUMMARY_COLUMNS = `s.id, s.version, s.departement_code, s.name, s.kind, s.status, s.commune_code,
  ${isoSql('s.updated_at')} AS updated_at`;

/**
 * The filters of `GET /api/sites`, scoped to the actor's départements. Every filter is a predicate
 * on `training_sites` (sub-queries instead of joins), so that each one can use the (département, …)
 * indexes and paging happens in the database.
 */
export function siteFilters(actor: Actor, query: ListSitesQuery, today: string, params: SqlParams): string {
  const where = [query.archived ? 's.archived_at IS NOT NULL' : 's.archived_at IS NULL'];
  const departements = visibleDepartements(actor);
  if (departements) where.push(`s.departement_code = ANY(${params.add(departements)}::text[])`);
  if (query.commune) where.push(`s.commune_code = ${params.add(query.commune)}`);
  if (query.epci) {
    where.push(`s.commune_code IN (SELECT c.code FROM communes c WHERE c.epci_siren = ${params.add(query.epci)})`);
  }
  if (query.kind) where.push(`s.kind = ${params.add(query.kind)}`);
  if (query.status) where.push(`s.status = ${params.add(query.status)}`);
  if (query.stageType) {
    where.push(`EXISTS (SELECT 1 FROM site_capacities sc WHERE sc.site_id = s.id
      AND sc.stage_type = ${params.add(query.stageType)} AND sc.places > 0)`);
  }
  if (query.zonage) {
    // A semi-join on the communes in that zonage today (periods never overlap), so that the
    // sites are then found through (département, commune) instead of one sub-query per site.
    const day = params.add(today);
    where.push(`s.commune_code IN (SELECT z.commune_code FROM commune_zonages z WHERE z.zonage = ${params.add(query.zonage)}
      AND z.valid_from <= ${day}::date AND (z.valid_to IS NULL OR z.valid_to >= ${day}::date))`);
  }
  if (query.hasOpenAccessIssues !== undefined) {
    where.push(`${query.hasOpenAccessIssues ? '' : 'NOT '}EXISTS (${openAccessIssuesSql('s')})`);
  }
  const text = query.q ? normalizeSearchText(query.q) : '';
  // The folded text holds only [a-z0-9 ]: nothing to escape for LIKE. Served by the trigram index.
  if (text) where.push(`s.search_text LIKE ${params.add(`%${text}%`)}`);
  return where.join(' AND ');
}

/**
 * One statement for a page of `GET /api/sites`: the page (with the match count, `count(*) OVER ()`)
 * is read first, then completed with its facts (`siteFactsSql`) only for its own rows.
 */
export function siteListSql(actor: Actor, query: ListSitesQuery, today: string): { text: string; values: unknown[] } {
  const params = new SqlParams();
  const where = siteFilters(actor, query, today, params);
  const { expression, direction } = orderOf(query.sort, SITE_SORTABLE, 'name:asc');
  const text = `WITH page AS (
    SELECT ${SUMMARY_COLUMNS}, ${expression} AS sort_key, count(*) OVER () AS total
    FROM training_sites s WHERE ${where}
    ORDER BY sort_key ${direction}, s.id ${limitOf(query, params)})
  SELECT s.*, ${siteFactsSql('s', params, today)}
  FROM page s ${siteFactsJoins('s')}
  ORDER BY s.sort_key ${direction}, s.id`;
  return { text, values: params.values };
}

/** The count alone, for a page past the end. */
export function siteCountSql(actor: Actor, query: ListSitesQuery, today: string): { text: string; values: unknown[] } {
  const params = new SqlParams();
  const where = siteFilters(actor, query, today, params);
  return { text: `SELECT count(*)::int AS total FROM training_sites s WHERE ${where}`, values: params.values };
}
