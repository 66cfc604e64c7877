import {
  ACCESS_ISSUE_CATEGORIES,
  type ACCESS_ISSUE_SORT_FIELDS,
  ACCESS_ISSUE_STATUSES,
  type AccessIssueBoard,
  type AccessIssueCategory,
  type AccessIssueStatus,
  isAccessIssueOpen,
  normalizeSearchText,
  type Severity,
} from '@maillage/shared/domain';
import type { Repository, SelectQueryBuilder } from 'typeorm';

import { DomainException } from '../common/errors/domain-exception';
import { escapeLike } from '../common/http/paging';
import { type Actor, scopeQuery } from '../common/scope/territory-scope';
import type { AccessIssue } from './access-issue.entity';
import type { AccessIssueBoardQuery, ListAccessIssuesQuery } from './dto/list-access-issues.query';

export const OPEN_STATUSES: readonly AccessIssueStatus[] = ACCESS_ISSUE_STATUSES.filter(isAccessIssueOpen);

export const ACCESS_ISSUE_SORTABLE: Record<(typeof ACCESS_ISSUE_SORT_FIELDS)[number], string> = {
  raisedOn: 'ai.raisedOn',
  severity: 'ai.severity',
  status: 'ai.status',
  category: 'ai.category',
  closedOn: 'ai.closedOn',
  updatedAt: 'ai.updatedAt',
  createdAt: 'ai.createdAt',
};

/** Scope, site and period: what the list and the board share. */
function baseQuery(
  repo: Repository<AccessIssue>,
  actor: Actor,
  query: AccessIssueBoardQuery,
  archived = false,
): SelectQueryBuilder<AccessIssue> {
  if (query.from && query.to && query.from > query.to) {
    throw new DomainException('BAD_INPUT', 'from, to : la période commence après sa fin.');
  }
  const qb = scopeQuery(repo.createQueryBuilder('ai'), actor);
  qb.andWhere(archived ? 'ai.archivedAt IS NOT NULL' : 'ai.archivedAt IS NULL');
  if (query.site) qb.andWhere('ai.siteId = :site', { site: query.site });
  if (query.from) qb.andWhere('ai.raisedOn >= :from', { from: query.from });
  if (query.to) qb.andWhere('ai.raisedOn <= :to', { to: query.to });
  return qb;
}

/**
 * The filtered list query of `GET /api/access-issues`, scoped to the actor's départements:
 * every filter is a predicate on `access_issues` (the site's name through a semi-join), so that
 * paging happens in the database on (département, status, category) or (site, status).
 */
export function accessIssueListQuery(
  repo: Repository<AccessIssue>,
  actor: Actor,
  query: ListAccessIssuesQuery,
): SelectQueryBuilder<AccessIssue> {
  const qb = baseQuery(repo, actor, query, query.archived);
  if (query.category) qb.andWhere('ai.category = :category', { category: query.category });
  if (query.severity) qb.andWhere('ai.severity >= :severity', { severity: query.severity });
  if (query.status?.length) qb.andWhere('ai.status IN (:...statuses)', { statuses: query.status });
  if (query.source) qb.andWhere('ai.source = :source', { source: query.source });
  if (query.open !== undefined) {
    qb.andWhere(`ai.status ${query.open ? '' : 'NOT '}IN (:...openStatuses)`, { openStatuses: OPEN_STATUSES });
  }
  if (query.visit) qb.andWhere('ai.visitId = :visit', { visit: query.visit });
  if (query.q) {
    const folded = normalizeSearchText(query.q);
    qb.andWhere(
      `(ai.description ILIKE :contains OR ai.siteId IN
        (SELECT s.id FROM training_sites s WHERE s.search_text LIKE :folded))`,
      { contains: `%${escapeLike(query.q)}%`, folded: `%${folded}%` },
    );
  }
  return qb;
}

interface BoardCell {
  category: AccessIssueCategory;
  status: AccessIssueStatus;
  count: number;
  max_severity: Severity;
}

const zeros = (): Record<AccessIssueStatus, number> =>
  Object.fromEntries(ACCESS_ISSUE_STATUSES.map((s) => [s, 0])) as Record<AccessIssueStatus, number>;

/**
 * The board: live issues per category × status in one GROUP BY (on the département, status,
 * category index), every category listed, and the highest severity of the open ones.
 */
export async function accessIssueBoard(
  repo: Repository<AccessIssue>,
  actor: Actor,
  query: AccessIssueBoardQuery,
): Promise<AccessIssueBoard> {
  const cells = await baseQuery(repo, actor, query)
    .select('ai.category', 'category')
    .addSelect('ai.status', 'status')
    .addSelect('count(*)::int', 'count')
    .addSelect('max(ai.severity)::int', 'max_severity')
    .groupBy('ai.category')
    .addGroupBy('ai.status')
    .getRawMany<BoardCell>();
  const totals = zeros();
  const rows = ACCESS_ISSUE_CATEGORIES.map((category) => {
    const counts = zeros();
    let maxOpenSeverity: Severity | null = null;
    for (const cell of cells.filter((c) => c.category === category)) {
      counts[cell.status] = cell.count;
      totals[cell.status] += cell.count;
      if (isAccessIssueOpen(cell.status) && (maxOpenSeverity === null || cell.max_severity > maxOpenSeverity)) {
        maxOpenSeverity = cell.max_severity;
      }
    }
    const open = OPEN_STATUSES.reduce((sum, s) => sum + counts[s], 0);
    return { category, counts, open, maxOpenSeverity };
  });
  return { rows, totals };
}
