import type { SiteVisitDetail, SiteVisitSummary, VisitAccessIssueView, VisitActionView } from '@maillage/shared/domain';
import { type EntityManager, IsNull } from 'typeorm';

import { AccessIssue } from '../access-issues/access-issue.entity';
import type { Snapshot } from '../common/persistence/scoped-records';
import { Task } from '../tasks/task.entity';
import { userRefsOf } from '../users/user-refs';
import type { SiteVisit } from './site-visit.entity';
import { participantsOf } from './visit-participants';

interface SiteFacts {
  id: string;
  name: string;
  commune_name: string;
}

/** Rows of a page of visits in two queries whatever its size: sites with communes, participants. */
export async function visitSummaries(
  manager: EntityManager,
  visits: readonly SiteVisit[],
): Promise<SiteVisitSummary[]> {
  if (visits.length === 0) return [];
  const siteIds = [...new Set(visits.map((v) => v.siteId))];
  const sites = await manager
    .createQueryBuilder()
    .select('s.id', 'id')
    .addSelect('s.name', 'name')
    .addSelect('c.name', 'commune_name')
    .from('training_sites', 's')
    .innerJoin('communes', 'c', 'c.code = s.commune_code')
    .where('s.id IN (:...siteIds)', { siteIds })
    .getRawMany<SiteFacts>();
  const siteOf = new Map(sites.map((s) => [s.id, s]));
  const participants = await participantsOf(
    manager,
    visits.map((v) => v.id),
  );
  return visits.map((v) => {
    const site = siteOf.get(v.siteId);
    return {
      id: v.id,
      version: v.version,
      departementCode: v.departementCode,
      site: { id: v.siteId, name: site?.name ?? '', communeName: site?.commune_name ?? '' },
      purpose: v.purpose,
      status: v.status,
      plannedOn: v.plannedOn,
      plannedTime: v.plannedTime,
      visitedOn: v.visitedOn,
      nextVisitOn: v.nextVisitOn,
      participants: participants.get(v.id) ?? [],
      archivedAt: v.archivedAt?.toISOString() ?? null,
      updatedAt: v.updatedAt.toISOString(),
    };
  });
}

/** A visit with its checklist, findings, the access issues it raised and its follow-up actions. */
export async function visitDetail(manager: EntityManager, visit: SiteVisit): Promise<SiteVisitDetail> {
  const [summary] = await visitSummaries(manager, [visit]);
  return {
    ...summary,
    checklist: visit.checklist,
    findings: visit.findings,
    notes: visit.notes,
    accessIssues: await visitIssues(manager, visit.id),
    actions: await visitActions(manager, visit.id),
    createdAt: visit.createdAt.toISOString(),
  };
}

export async function visitIssues(manager: EntityManager, visitId: string): Promise<VisitAccessIssueView[]> {
  const issues = await manager.getRepository(AccessIssue).find({
    where: { visitId, archivedAt: IsNull() },
    order: { severity: 'DESC', createdAt: 'ASC', id: 'ASC' },
  });
  return issues.map((i) => ({
    id: i.id,
    category: i.category,
    severity: i.severity,
    description: i.description,
    status: i.status,
    raisedOn: i.raisedOn,
  }));
}

export async function visitActions(manager: EntityManager, visitId: string): Promise<VisitActionView[]> {
  const tasks = await manager.getRepository(Task).find({
    where: { visitId, archivedAt: IsNull() },
    order: { dueOn: 'ASC', createdAt: 'ASC', id: 'ASC' },
  });
  const owners = await userRefsOf(
    manager,
    tasks.map((t) => t.ownerId),
  );
  return tasks.map((t) => ({
    id: t.id,
    title: t.title,
    owner: t.ownerId ? (owners.get(t.ownerId) ?? null) : null,
    ownerLabel: t.ownerLabel,
    dueOn: t.dueOn,
    status: t.status,
  }));
}

/** What the history shows of a visit: participants by name and kind. */
export async function visitSnapshot(manager: EntityManager, visit: SiteVisit): Promise<Snapshot> {
  const participants = (await participantsOf(manager, [visit.id])).get(visit.id) ?? [];
  return {
    siteId: visit.siteId,
    purpose: visit.purpose,
    status: visit.status,
    plannedOn: visit.plannedOn,
    plannedTime: visit.plannedTime,
    visitedOn: visit.visitedOn,
    checklist: visit.checklist,
    findings: visit.findings,
    nextVisitOn: visit.nextVisitOn,
    notes: visit.notes,
    archivedAt: visit.archivedAt,
    participants: participants.map((p) => `${p.name} (${p.kind})`),
  };
}
