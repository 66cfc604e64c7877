import {
  ACCESS_ISSUE_CATEGORY_LABELS,
  type AccessIssueDetail,
  type AccessIssueSummary,
  type SiteRef,
} from '@maillage/shared/domain';
import type { EntityManager } from 'typeorm';

import type { Snapshot } from '../common/persistence/scoped-records';
import type { AccessIssue } from './access-issue.entity';
import { measuresOfIssue } from './issue-measures';

/** Name and commune of some sites, in one query. */
export async function siteRefs(manager: EntityManager, ids: readonly string[]): Promise<Map<string, SiteRef>> {
  if (ids.length === 0) return new Map();
  const rows = await manager
    .createQueryBuilder()
    .select('s.id', 'id')
    .addSelect('s.name', 'name')
    .addSelect('c.name', 'communeName')
    .from('training_sites', 's')
    .innerJoin('communes', 'c', 'c.code = s.commune_code')
    .where('s.id IN (:...ids)', { ids: [...new Set(ids)] })
    .getRawMany<SiteRef>();
  return new Map(rows.map((r) => [r.id, r]));
}

/** What was raised and how it stands: shown by the summary and kept by the history. */
function accountOf(issue: AccessIssue) {
  return {
    severity: issue.severity,
    description: issue.description,
    source: issue.source,
    status: issue.status,
    raisedOn: issue.raisedOn,
    closedOn: issue.closedOn,
    resolution: issue.resolution,
  };
}

export function toAccessIssueSummary(issue: AccessIssue, sites: Map<string, SiteRef>): AccessIssueSummary {
  return {
    id: issue.id,
    version: issue.version,
    departementCode: issue.departementCode,
    site: sites.get(issue.siteId) ?? { id: issue.siteId, name: '', communeName: '' },
    category: issue.category,
    ...accountOf(issue),
    visitId: issue.visitId,
    reportedById: issue.reportedById,
    archivedAt: issue.archivedAt?.toISOString() ?? null,
    updatedAt: issue.updatedAt.toISOString(),
  };
}

/** A page of issues with their sites, in one more query whatever the page size. */
export async function accessIssueSummaries(
  manager: EntityManager,
  issues: readonly AccessIssue[],
): Promise<AccessIssueSummary[]> {
  const sites = await siteRefs(
    manager,
    issues.map((i) => i.siteId),
  );
  return issues.map((i) => toAccessIssueSummary(i, sites));
}

export async function accessIssueDetail(manager: EntityManager, issue: AccessIssue): Promise<AccessIssueDetail> {
  const [summary] = await accessIssueSummaries(manager, [issue]);
  return {
    ...summary,
    measures: await measuresOfIssue(manager, issue.id),
    createdAt: issue.createdAt.toISOString(),
  };
}

/** What the history shows of an issue: the site and the measures by name. */
export async function accessIssueSnapshot(manager: EntityManager, issue: AccessIssue): Promise<Snapshot> {
  const site = (await siteRefs(manager, [issue.siteId])).get(issue.siteId);
  return {
    site: site ? `${site.name} (${site.communeName})` : issue.siteId,
    category: ACCESS_ISSUE_CATEGORY_LABELS[issue.category],
    ...accountOf(issue),
    archivedAt: issue.archivedAt,
    measures: (await measuresOfIssue(manager, issue.id)).map((m) => m.name),
  };
}
