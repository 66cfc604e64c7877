import {
  ACCESS_ISSUE_CATEGORY_LABELS,
  type AccessIssueRef,
  type MeasureDetail,
  type MeasureSummary,
  type SiteRef,
} from '@maillage/shared/domain';
import type { EntityManager } from 'typeorm';

import { siteRefs } from '../access-issues/access-issue-views';
import type { Snapshot } from '../common/persistence/scoped-records';
import type { SupportMeasure } from './support-measure.entity';

interface LinkCounts {
  id: string;
  site_count: number;
  issue_count: number;
}

/** A page of measures with their link counts, in one more query whatever the page size. */
export async function measureSummaries(
  manager: EntityManager,
  measures: readonly SupportMeasure[],
): Promise<MeasureSummary[]> {
  if (measures.length === 0) return [];
  const rows = await manager
    .createQueryBuilder()
    .select('m.id', 'id')
    .addSelect('(SELECT count(*)::int FROM measure_sites ms WHERE ms.measure_id = m.id)', 'site_count')
    .addSelect('(SELECT count(*)::int FROM measure_issues mi WHERE mi.measure_id = m.id)', 'issue_count')
    .from('support_measures', 'm')
    .where('m.id IN (:...ids)', { ids: measures.map((m) => m.id) })
    .getRawMany<LinkCounts>();
  const counts = new Map(rows.map((r) => [r.id, r]));
  return measures.map((m) => ({
    id: m.id,
    version: m.version,
    departementCode: m.departementCode,
    type: m.type,
    name: m.name,
    status: m.status,
    budgetPlanned: m.budgetPlanned,
    budgetCommitted: m.budgetCommitted,
    startDate: m.startDate,
    endDate: m.endDate,
    siteCount: counts.get(m.id)?.site_count ?? 0,
    issueCount: counts.get(m.id)?.issue_count ?? 0,
    archivedAt: m.archivedAt?.toISOString() ?? null,
    updatedAt: m.updatedAt.toISOString(),
  }));
}

/** The sites a measure concerns, by name. */
async function sitesOf(manager: EntityManager, measureId: string): Promise<SiteRef[]> {
  const ids: { site_id: string }[] = await manager.query('SELECT site_id FROM measure_sites WHERE measure_id = $1', [
    measureId,
  ]);
  const refs = await siteRefs(
    manager,
    ids.map((r) => r.site_id),
  );
  return [...refs.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

/** The issues a measure acts on, most severe first. */
async function issuesOf(manager: EntityManager, measureId: string): Promise<AccessIssueRef[]> {
  return manager
    .createQueryBuilder()
    .select('ai.id', 'id')
    .addSelect('ai.site_id', 'siteId')
    .addSelect('s.name', 'siteName')
    .addSelect('ai.category', 'category')
    .addSelect('ai.severity', 'severity')
    .addSelect('ai.status', 'status')
    .from('measure_issues', 'mi')
    .innerJoin('access_issues', 'ai', 'ai.id = mi.issue_id')
    .innerJoin('training_sites', 's', 's.id = ai.site_id')
    .where('mi.measure_id = :measureId', { measureId })
    .orderBy('ai.severity', 'DESC')
    .addOrderBy('s.name', 'ASC')
    .addOrderBy('ai.id', 'ASC')
    .getRawMany<AccessIssueRef>();
}

export async function measureDetail(manager: EntityManager, measure: SupportMeasure): Promise<MeasureDetail> {
  const [summary] = await measureSummaries(manager, [measure]);
  return {
    ...summary,
    description: measure.description,
    indicators: measure.indicators,
    sites: await sitesOf(manager, measure.id),
    issues: await issuesOf(manager, measure.id),
    createdAt: measure.createdAt.toISOString(),
  };
}

/** What the history shows of a measure: sites by name, issues as "category · site". */
export async function measureSnapshot(manager: EntityManager, measure: SupportMeasure): Promise<Snapshot> {
  const [sites, issues] = [await sitesOf(manager, measure.id), await issuesOf(manager, measure.id)];
  return {
    type: measure.type,
    name: measure.name,
    description: measure.description,
    budgetPlanned: measure.budgetPlanned,
    budgetCommitted: measure.budgetCommitted,
    startDate: measure.startDate,
    endDate: measure.endDate,
    status: measure.status,
    indicators: measure.indicators,
    archivedAt: measure.archivedAt,
    sites: sites.map((s) => s.name),
    issues: issues.map((i) => `${ACCESS_ISSUE_CATEGORY_LABELS[i.category]} · ${i.siteName}`).sort(),
  };
}
