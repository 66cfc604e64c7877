import {
  type ACCREDITATION_SORT_FIELDS,
  type AccreditationRules,
  type AccreditationValidity,
  addMonths,
  normalizeSearchText,
} from '@maillage/shared/domain';
import type { Repository, SelectQueryBuilder } from 'typeorm';

import { escapeLike } from '../common/http/paging';
import { type Actor, scopeQuery } from '../common/scope/territory-scope';
import type { Accreditation } from './accreditation.entity';
import type { ListAccreditationsQuery } from './dto/list-accreditations.query';

export const ACCREDITATION_SORTABLE: Record<(typeof ACCREDITATION_SORT_FIELDS)[number], string> = {
  endDate: 'a.endDate',
  startDate: 'a.startDate',
  status: 'a.status',
  createdAt: 'a.createdAt',
  updatedAt: 'a.updatedAt',
};

const IN_FORCE = `a.status IN ('granted', 'conditional')`;

/**
 * `accreditationValidity` in SQL, for `:today` and `:alertDate` (today + the alert window).
 * Each branch is a status list plus an end-date range: `idx_accreditations_dep_status_end`.
 */
export const VALIDITY_SQL: Readonly<Record<AccreditationValidity, string>> = {
  withdrawn: `a.status = 'withdrawn'`,
  pending: `a.status IN ('requested', 'under_review')`,
  expired: `(a.status = 'expired' OR (${IN_FORCE} AND a.endDate < :today))`,
  expiring_soon: `(${IN_FORCE} AND a.endDate >= :today AND a.endDate <= :alertDate)`,
  valid: `(${IN_FORCE} AND (a.endDate IS NULL OR a.endDate > :alertDate))`,
};

/** The filtered list query of `GET /api/accreditations`, scoped to the actor's départements. */
export function accreditationListQuery(
  repo: Repository<Accreditation>,
  actor: Actor,
  query: ListAccreditationsQuery,
  today: string,
  rules: AccreditationRules,
): SelectQueryBuilder<Accreditation> {
  const qb = scopeQuery(repo.createQueryBuilder('a'), actor);
  qb.andWhere(query.archived ? 'a.archivedAt IS NOT NULL' : 'a.archivedAt IS NULL');
  if (query.status) qb.andWhere('a.status = :status', { status: query.status });
  if (query.validity) {
    qb.andWhere(VALIDITY_SQL[query.validity], { today, alertDate: addMonths(today, rules.alertMonths) });
  }
  if (query.expiringWithinMonths) {
    qb.andWhere(`${IN_FORCE} AND a.endDate >= :today AND a.endDate <= :withinDate`, {
      today,
      withinDate: addMonths(today, query.expiringWithinMonths),
    });
  }
  if (query.professional) qb.andWhere('a.professionalId = :professional', { professional: query.professional });
  if (query.site) qb.andWhere('a.siteId = :site', { site: query.site });
  if (query.cycle) qb.andWhere('a.cycle = :cycle', { cycle: query.cycle });
  if (query.stageType) qb.andWhere(':stageType = ANY(a.stageTypes)', { stageType: query.stageType });
  if (query.q) {
    // The holder's name (a professional or a site, accents ignored) or the decision reference.
    const folded = `%${escapeLike(normalizeSearchText(query.q))}%`;
    qb.andWhere(
      `(a.professionalId IN (SELECT p.id FROM professionals p WHERE p.search_text LIKE :folded)
        OR a.siteId IN (SELECT s.id FROM training_sites s WHERE s.search_text LIKE :folded))`,
      { folded },
    );
  }
  return qb;
}
