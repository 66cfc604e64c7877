import {
  type BudgetTotals,
  MEASURE_SORT_FIELDS,
  MEASURE_TYPES,
  type MeasureBudgetSummary,
  type MeasureType,
} from '@maillage/shared/domain';
import type { Repository, SelectQueryBuilder } from 'typeorm';

import { escapeLike } from '../common/http/paging';
import { type Actor, scopeQuery } from '../common/scope/territory-scope';
import type { ListMeasuresQuery, MeasureSummaryQuery } from './dto/list-measures.query';
import type { SupportMeasure } from './support-measure.entity';

export const MEASURE_SORTABLE: Record<(typeof MEASURE_SORT_FIELDS)[number], string> = Object.fromEntries(
  MEASURE_SORT_FIELDS.map((field) => [field, `m.${field}`]),
) as Record<(typeof MEASURE_SORT_FIELDS)[number], string>;

/** The filtered list query of `GET /api/support-measures`, scoped to the actor's départements. */
export function measureListQuery(
  repo: Repository<SupportMeasure>,
  actor: Actor,
  query: ListMeasuresQuery,
): SelectQueryBuilder<SupportMeasure> {
  const qb = scopeQuery(repo.createQueryBuilder('m'), actor);
  qb.andWhere(query.archived ? 'm.archivedAt IS NOT NULL' : 'm.archivedAt IS NULL');
  if (query.type) qb.andWhere('m.type = :type', { type: query.type });
  if (query.status) qb.andWhere('m.status = :status', { status: query.status });
  if (query.site) {
    qb.andWhere('EXISTS (SELECT 1 FROM measure_sites ms WHERE ms.measure_id = m.id AND ms.site_id = :site)', {
      site: query.site,
    });
  }
  if (query.issue) {
    qb.andWhere('EXISTS (SELECT 1 FROM measure_issues mi WHERE mi.measure_id = m.id AND mi.issue_id = :issue)', {
      issue: query.issue,
    });
  }
  if (query.q) qb.andWhere('m.name ILIKE :q', { q: `%${escapeLike(query.q)}%` });
  return qb;
}

interface BudgetRow {
  type?: MeasureType;
  count: number;
  planned: string;
  committed: string;
}

function budgetSql(qb: SelectQueryBuilder<SupportMeasure>): SelectQueryBuilder<SupportMeasure> {
  return qb
    .select('count(*)::int', 'count')
    .addSelect('coalesce(sum(m.budgetPlanned), 0)', 'planned')
    .addSelect('coalesce(sum(m.budgetCommitted), 0)', 'committed');
}

const toTotals = (row: BudgetRow | undefined): BudgetTotals => ({
  count: row?.count ?? 0,
  budgetPlanned: Number(row?.planned ?? 0),
  budgetCommitted: Number(row?.committed ?? 0),
});

/** Budgets of every measure the list filters match (not just the page), in one aggregate. */
export async function measureTotals(qb: SelectQueryBuilder<SupportMeasure>): Promise<BudgetTotals> {
  return toTotals(await budgetSql(qb.clone()).orderBy().getRawOne<BudgetRow>());
}

/** Planned vs committed per type of the live measures, in one GROUP BY; every type listed. */
export async function measureBudgetSummary(
  repo: Repository<SupportMeasure>,
  actor: Actor,
  query: MeasureSummaryQuery,
): Promise<MeasureBudgetSummary> {
  const qb = scopeQuery(repo.createQueryBuilder('m'), actor).andWhere('m.archivedAt IS NULL');
  if (query.status) qb.andWhere('m.status = :status', { status: query.status });
  const rows = await budgetSql(qb).addSelect('m.type', 'type').groupBy('m.type').getRawMany<BudgetRow>();
  const byType = MEASURE_TYPES.map((type) => ({ type, ...toTotals(rows.find((r) => r.type === type)) }));
  return {
    byType,
    totals: {
      count: byType.reduce((sum, t) => sum + t.count, 0),
      budgetPlanned: round(byType.reduce((sum, t) => sum + t.budgetPlanned, 0)),
      budgetCommitted: round(byType.reduce((sum, t) => sum + t.budgetCommitted, 0)),
    },
  };
}

/** Cents, without floating-point noise. */
const round = (euros: number) => Math.round(euros * 100) / 100;
