import {
  normalizeSearchText,
  type OVERDUE_SITE_SORT_FIELDS,
  type OverdueSite,
  type VISIT_SORT_FIELDS,
} from '@maillage/shared/domain';
import type { EntityManager, Repository, SelectQueryBuilder } from 'typeorm';

import { DomainException } from '../common/errors/domain-exception';
import { type Actor, scopeQuery } from '../common/scope/territory-scope';
import type { TrainingSite } from '../sites/training-site.entity';
import type { ListVisitsQuery } from './dto/list-visits.query';
import type { SiteVisit } from './site-visit.entity';

/** Public sort fields → SQL. `plannedOn` is read from `idx_site_visits_dep_planned`. */
export const VISIT_SORTABLE: Record<(typeof VISIT_SORT_FIELDS)[number], string> = {
  plannedOn: 'v.plannedOn',
  visitedOn: 'v.visitedOn',
  status: 'v.status',
  createdAt: 'v.createdAt',
  updatedAt: 'v.updatedAt',
};

/**
 * The filtered list of `GET /api/site-visits`, scoped to the actor's départements. Every filter
 * is a predicate on `site_visits` (sub-queries, no join), so that paging stays a LIMIT/OFFSET on
 * the (département, planned date | status) and (site, planned date) indexes.
 */
export function visitListQuery(
  repo: Repository<SiteVisit>,
  actor: Actor,
  query: ListVisitsQuery,
): SelectQueryBuilder<SiteVisit> {
  if (query.from && query.to && query.from > query.to) {
    throw new DomainException('BAD_INPUT', 'from, to : la date de début doit précéder la date de fin.');
  }
  const qb = scopeQuery(repo.createQueryBuilder('v'), actor);
  qb.andWhere(query.archived ? 'v.archivedAt IS NOT NULL' : 'v.archivedAt IS NULL');
  if (query.site) qb.andWhere('v.siteId = :site', { site: query.site });
  if (query.status) qb.andWhere('v.status = :status', { status: query.status });
  if (query.purpose) qb.andWhere('v.purpose = :purpose', { purpose: query.purpose });
  if (query.from) qb.andWhere('v.plannedOn >= :from', { from: query.from });
  if (query.to) qb.andWhere('v.plannedOn <= :to', { to: query.to });
  if (query.mine) {
    // Served by idx_visit_participants_user.
    qb.andWhere('v.id IN (SELECT p.visit_id FROM visit_participants p WHERE p.user_id = :me)', { me: actor.id });
  }
  const text = query.q ? normalizeSearchText(query.q) : '';
  // Folded text holds only [a-z0-9 ]: nothing to escape. Served by the sites' trigram index.
  if (text) {
    qb.andWhere('v.siteId IN (SELECT s.id FROM training_sites s WHERE s.search_text LIKE :contains)', {
      contains: `%${text}%`,
    });
  }
  return qb;
}

const DONE_VISITS = `FROM site_visits v WHERE v.site_id = s.id AND v.status = 'done' AND v.archived_at IS NULL`;
/** Date of the last done visit of site `s` (per site through `idx_site_visits_site_date`). */
const LAST_VISIT_SQL = `(SELECT max(v.visited_on) ${DONE_VISITS})`;

/** Never visited sort first: they are the most overdue. */
export const OVERDUE_SORTABLE: Record<(typeof OVERDUE_SITE_SORT_FIELDS)[number], string> = {
  lastVisitOn: `COALESCE(${LAST_VISIT_SQL}, DATE '1900-01-01')`,
  name: 's.searchText',
  commune: '(SELECT c.search_name FROM communes c WHERE c.code = s.commune_code)',
};

/**
 * Active, live sites of the actor's départements without a done visit since `threshold`
 * (never visited included): one anti-join, paged in the database.
 */
export function overdueSitesQuery(
  repo: Repository<TrainingSite>,
  actor: Actor,
  threshold: string,
  q: string | undefined,
): SelectQueryBuilder<TrainingSite> {
  const qb = scopeQuery(repo.createQueryBuilder('s'), actor)
    .andWhere('s.archivedAt IS NULL')
    .andWhere(`s.status = 'active'`)
    .andWhere(`NOT EXISTS (SELECT 1 ${DONE_VISITS} AND v.visited_on >= :threshold)`, { threshold });
  const text = q ? normalizeSearchText(q) : '';
  if (text) qb.andWhere('s.searchText LIKE :contains', { contains: `%${text}%` });
  return qb;
}

interface OverdueFacts {
  id: string;
  commune_name: string;
  last_visit_on: string | null;
  next_planned_on: string | null;
}

/** Commune, last done visit and next planned visit of a page of sites, in one query. */
export async function overdueSiteRows(
  manager: EntityManager,
  sites: readonly TrainingSite[],
  today: string,
): Promise<OverdueSite[]> {
  if (sites.length === 0) return [];
  const rows = await manager
    .createQueryBuilder()
    .select('s.id', 'id')
    .addSelect('c.name', 'commune_name')
    .addSelect(`${LAST_VISIT_SQL}::text`, 'last_visit_on')
    .addSelect(
      `(SELECT min(v.planned_on) FROM site_visits v WHERE v.site_id = s.id AND v.status = 'planned'
        AND v.archived_at IS NULL AND v.planned_on >= :today)::text`,
      'next_planned_on',
    )
    .from('training_sites', 's')
    .innerJoin('communes', 'c', 'c.code = s.commune_code')
    .where('s.id IN (:...ids)', { ids: sites.map((s) => s.id) })
    .setParameters({ today })
    .getRawMany<OverdueFacts>();
  const facts = new Map(rows.map((r) => [r.id, r]));
  return sites.map((s) => {
    const f = facts.get(s.id);
    return {
      siteId: s.id,
      name: s.name,
      kind: s.kind,
      communeCode: s.communeCode,
      communeName: f?.commune_name ?? s.communeCode,
      lastVisitOn: f?.last_visit_on ?? null,
      nextPlannedOn: f?.next_planned_on ?? null,
    };
  });
}
