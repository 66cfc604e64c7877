import {
  type ACCREDITATION_SORT_FIELDS,
  type AccreditationRules,
  type AccreditationSummary,
  type AccreditationValidity,
  addMonths,
  type Civility,
  normalizeSearchText,
} from '@maillage/shared/domain';

import { escapeLike } from '../common/http/paging';
import { limitOf, orderOf, SqlParams } from '../common/persistence/sql';
import { type Actor, visibleDepartements } from '../common/scope/territory-scope';
import type { ListAccreditationsQuery } from './dto/list-accreditations.query';

export const ACCREDITATION_SORTABLE: Record<(typeof ACCREDITATION_SORT_FIELDS)[number], string> = {
  endDate: 'a.end_date',
  startDate: 'a.start_date',
  status: 'a.status',
  createdAt: 'a.created_at',
  updatedAt: 'a.updated_at',
};

const IN_FORCE = `a.status IN ('granted', 'conditional')`;

/**
 * The accreditation `alias` has a granted renewal (`uq_accreditations_renews`): it continues without
 * a gap, so it is « Renouvelé », not « Expire bientôt » (`accreditationValidity`'s `renewed`).
 */
export const RENEWED_SQL = (alias: string) =>
  `EXISTS (SELECT 1 FROM accreditations renewal WHERE renewal.renews_id = ${alias}.id
    AND renewal.status IN ('granted', 'conditional'))`;

/**
 * `accreditationValidity` in SQL, for `today` and `alertDate` (today + the alert window), added to
 * `params` when the branch uses them. Each branch is a status list plus an end-date range:
 * `idx_accreditations_dep_status_end`.
 */
export function validitySql(
  validity: AccreditationValidity,
  params: SqlParams,
  today: string,
  alertDate: string,
): string {
  switch (validity) {
    case 'withdrawn':
      return `a.status = 'withdrawn'`;
    case 'pending':
      return `a.status IN ('requested', 'under_review')`;
    case 'expired':
      return `(a.status = 'expired' OR (${IN_FORCE} AND a.end_date < ${params.add(today)}::date))`;
    case 'expiring_soon':
      return `(${IN_FORCE} AND a.end_date >= ${params.add(today)}::date AND a.end_date <= ${params.add(alertDate)}::date AND NOT ${RENEWED_SQL('a')})`;
    case 'renewed':
      return `(${IN_FORCE} AND (a.end_date IS NULL OR a.end_date >= ${params.add(today)}::date) AND ${RENEWED_SQL('a')})`;
    case 'valid':
      return `(${IN_FORCE} AND (a.end_date IS NULL OR a.end_date > ${params.add(alertDate)}::date) AND NOT ${RENEWED_SQL('a')})`;
  }
}

/**
 * A row of the accreditations list: the summary's own columns (the holder and the validity are
 * worked out from it), its holder's name parts and the match count.
 */
export interface AccreditationRow extends Omit<AccreditationSummary, 'holder' | 'validity'> {
  professionalId: string | null;
  siteId: string | null;
  civility: Civility | null;
  firstName: string | null;
  lastName: string | null;
  siteName: string | null;
  /** Its renewal is granted (`RENEWED_SQL`). */
  renewed: boolean;
  total: string;
}

/** The filters of `GET /api/accreditations`, scoped to the actor's départements. */
export function accreditationFilters(
  actor: Actor,
  query: ListAccreditationsQuery,
  today: string,
  rules: AccreditationRules,
  params: SqlParams,
): string {
  const where = [query.archived ? 'a.archived_at IS NOT NULL' : 'a.archived_at IS NULL'];
  const departements = visibleDepartements(actor);
  if (departements) where.push(`a.departement_code = ANY(${params.add(departements)}::text[])`);
  if (query.status) where.push(`a.status = ${params.add(query.status)}`);
  if (query.validity) {
    where.push(validitySql(query.validity, params, today, addMonths(today, rules.alertMonths)));
  }
  if (query.expiringWithinMonths) {
    where.push(`${IN_FORCE} AND a.end_date >= ${params.add(today)}::date
      AND a.end_date <= ${params.add(addMonths(today, query.expiringWithinMonths))}::date`);
  }
  if (query.professional) where.push(`a.professional_id = ${params.add(query.professional)}`);
  if (query.site) where.push(`a.site_id = ${params.add(query.site)}`);
  if (query.cycle) where.push(`a.cycle = ${params.add(query.cycle)}`);
  if (query.stageType) where.push(`${params.add(query.stageType)} = ANY(a.stage_types)`);
  if (query.q) {
    // The holder's name (a professional or a site, accents ignored).
    const folded = params.add(`%${escapeLike(normalizeSearchText(query.q))}%`);
    where.push(`(a.professional_id IN (SELECT p.id FROM professionals p WHERE p.search_text LIKE ${folded})
      OR a.site_id IN (SELECT s.id FROM training_sites s WHERE s.search_text LIKE ${folded}))`);
  }
  return where.join(' AND ');
}

/**
 * One statement for a page of `GET /api/accreditations`: the page with the match count, then its
 * holders' names (a professional's name parts or a site's name), read by primary key.
 */
export function accreditationListSql(
  actor: Actor,
  query: ListAccreditationsQuery,
  today: string,
  rules: AccreditationRules,
): { text: string; values: unknown[] } {
  const params = new SqlParams();
  const where = accreditationFilters(actor, query, today, rules, params);
  const { expression, direction } = orderOf(query.sort, ACCREDITATION_SORTABLE, 'endDate:asc');
  const text = `WITH page AS (
    SELECT a.id, a.version, a.departement_code AS "departementCode", a.professional_id AS "professionalId",
      a.site_id AS "siteId", a.cycle, a.type, a.stage_types AS "stageTypes", a.phases, a.max_students AS "maxStudents",
      a.authority, a.start_date::text AS "startDate", a.end_date::text AS "endDate", a.status,
      a.renews_id AS "renewsId", ${expression} AS sort_key, count(*) OVER () AS total
    FROM accreditations a WHERE ${where}
    ORDER BY sort_key ${direction}, a.id ${limitOf(query, params)})
  SELECT page.*, p.civility, p.first_name AS "firstName", p.last_name AS "lastName", s.name AS "siteName",
    (SELECT r.id FROM accreditations r WHERE r.renews_id = page.id) AS "renewedById",
    ${RENEWED_SQL('page')} AS renewed
  FROM page
  LEFT JOIN professionals p ON p.id = page."professionalId"
  LEFT JOIN training_sites s ON s.id = page."siteId"
  ORDER BY page.sort_key ${direction}, page.id`;
  return { text, values: params.values };
}

export function accreditationCountSql(
  actor: Actor,
  query: ListAccreditationsQuery,
  today: string,
  rules: AccreditationRules,
): { text: string; values: unknown[] } {
  const params = new SqlParams();
  const where = accreditationFilters(actor, query, today, rules, params);
  return { text: `SELECT count(*)::int AS total FROM accreditations a WHERE ${where}`, values: params.values };
}
