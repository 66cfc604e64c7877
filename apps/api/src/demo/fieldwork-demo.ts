import { type Civility, professionalDisplayName } from '@maillage/shared/domain';
import type { EntityManager } from 'typeorm';

import { AccessIssue } from '../access-issues/access-issue.entity';
import { semesterPlaces } from '../figures/semester-places';
import { SupportMeasure } from '../measures/support-measure.entity';
import { SemesterDemand } from '../semesters/semester-demand.entity';
import { Task } from '../tasks/task.entity';
import { endOfWeek } from '../tasks/tasks-query.service';
import { User } from '../users/user.entity';
import { SiteVisit } from '../visits/site-visit.entity';
import { VisitParticipant } from '../visits/visit-participant.entity';
import { auditCreations, creationLog, FIELDWORK_DEMO_AUDIT_TYPES as TYPES } from './demo-audit';
import { addDays, at, DemoRandom, insertBatched, newId } from './demo-kit';
import { completeIssues, planMeasures } from './fieldwork-measures';
import { demandSemesters, planDemands, planTasks } from './fieldwork-tasks';
import type { FieldSite } from './fieldwork-texts';
import { planVisits, visitActions, visitIssues } from './fieldwork-visits';

export interface FieldworkDemoReport {
  doneVisits: number;
  plannedVisits: number;
  cancelledVisits: number;
  visitParticipants: number;
  accessIssues: number;
  openAccessIssues: number;
  visitAccessIssues: number;
  accessIssueCategories: number;
  measures: number;
  measureSites: number;
  measureIssues: number;
  tasks: number;
  openTasks: number;
  overdueTasks: number;
  tasksDueThisWeek: number;
  semesterDemands: number;
  auditEvents: number;
}

/**
 * The field-work demo story on top of the registry demo (run `seedRegistryDemo` first): a year of
 * visits of its sites with checklists and findings, a few planned, ~80 access issues, ~10 support
 * measures, visit follow-up actions and the mission officer's tasks (several due this week),
 * semester demands, and a "created" audit event per record. Deterministic for a given
 * département and `today`; synthetic and about hosting conditions only. Run it inside the
 * caller's transaction.
 */
export async function seedFieldworkDemo(
  manager: EntityManager,
  departementCode: string,
  users: { missionOfficerId: string; cdomId: string },
  today: string,
): Promise<FieldworkDemoReport> {
  const random = new DemoRandom([...`fw${departementCode}`].reduce((h, c) => h * 31 + c.charCodeAt(0), 7_701));
  const sites = await loadSites(manager, departementCode);
  if (sites.length === 0)
    throw new Error(`Aucun terrain de stage dans le département ${departementCode} : chargez le registre d’abord.`);
  const accounts = await manager.getRepository(User).findBy([{ id: users.missionOfficerId }, { id: users.cdomId }]);
  const nameOf = (id: string) => accounts.find((u) => u.id === id)?.displayName ?? '';

  const visits = planVisits(random, sites, today);
  const issues = completeIssues(random, sites, visitIssues(random, visits), today);
  const measures = planMeasures(random, sites, issues, today);
  const offered = new Map<string, number>();
  const tasks = planTasks(random, today, visitActions(random, visits), visits, issues, measures);

  const { records: history, record } = creationLog();
  const base = (createdAt: Date) => ({ departementCode, archivedAt: null, createdAt, updatedAt: createdAt });

  await insertBatched(
    manager,
    SiteVisit,
    visits.map(({ site, withCdom: _, msus: __, ...v }) => {
      const createdOn =
        v.status === 'planned' ? addDays(today, -random.int(3, 20)) : addDays(v.plannedOn, -random.int(10, 30));
      const createdAt = record('missionOfficer', TYPES.visit, v.id, at(createdOn, random), {
        siteId: site.id,
        purpose: v.purpose,
        status: 'planned',
        plannedOn: v.plannedOn,
      });
      return { ...v, ...base(createdAt), siteId: site.id, updatedAt: at(v.visitedOn ?? createdOn, random) };
    }),
  );
  const participants = visits.flatMap((v) => [
    {
      visitId: v.id,
      kind: 'mission_officer' as const,
      userId: users.missionOfficerId,
      professionalId: null,
      name: nameOf(users.missionOfficerId),
    },
    ...(v.withCdom
      ? [
          {
            visitId: v.id,
            kind: 'cdom' as const,
            userId: users.cdomId,
            professionalId: null,
            name: nameOf(users.cdomId),
          },
        ]
      : []),
    ...v.msus.map((m) => ({ visitId: v.id, kind: 'msu' as const, userId: null, professionalId: m.id, name: m.name })),
  ]);
  await insertBatched(manager, VisitParticipant, participants);

  await insertBatched(
    manager,
    AccessIssue,
    issues.map(({ site, ...i }) => {
      const by = i.source === 'cdom' ? 'cdom' : 'missionOfficer';
      const createdAt = record(by, TYPES.accessIssue, i.id, at(i.raisedOn, random), {
        siteId: site.id,
        category: i.category,
        severity: i.severity,
        source: i.source,
        status: 'open',
        raisedOn: i.raisedOn,
        visitId: i.visitId,
      });
      const reportedById = by === 'cdom' ? users.cdomId : users.missionOfficerId;
      return {
        ...i,
        ...base(createdAt),
        siteId: site.id,
        reportedById,
        updatedAt: at(i.closedOn ?? i.raisedOn, random),
      };
    }),
  );

  await insertBatched(
    manager,
    SupportMeasure,
    measures.map(({ categories: _, towns: __, sites: ___, issues: ____, ...m }) => {
      const createdOn = addDays(m.startDate ?? today, -random.int(20, 60));
      const createdAt = record(
        'missionOfficer',
        TYPES.measure,
        m.id,
        at(createdOn < today ? createdOn : today, random),
        {
          type: m.type,
          name: m.name,
          status: m.status,
          budgetPlanned: m.budgetPlanned,
        },
      );
      return { ...m, ...base(createdAt) };
    }),
  );
  const measureSites = measures.flatMap((m) => m.sites.map((s) => [m.id, s.id]));
  const measureIssues = measures.flatMap((m) => m.issues.map((i) => [m.id, i.id]));
  await insertPairs(manager, 'measure_sites', 'site_id', measureSites);
  await insertPairs(manager, 'measure_issues', 'issue_id', measureIssues);

  await insertBatched(
    manager,
    Task,
    tasks.map(({ owner, completedOn, ...t }) => {
      const id = newId();
      const createdOn = t.visitId
        ? (visits.find((v) => v.id === t.visitId)?.visitedOn ?? today)
        : addDays(t.dueOn, -random.int(7, 25));
      const createdAt = record('missionOfficer', TYPES.task, id, at(createdOn < today ? createdOn : today, random), {
        title: t.title,
        dueOn: t.dueOn,
        status: 'open',
        subjectType: t.subjectType,
        subjectId: t.subjectId,
      });
      return {
        ...t,
        ...base(createdAt),
        id,
        ownerId: owner === 'officer' ? users.missionOfficerId : null,
        ownerLabel: owner === 'officer' ? null : owner,
        completedAt: completedOn ? at(completedOn, random) : null,
        rule: null,
        reminderKey: null,
      };
    }),
  );

  for (const plan of await semesterPlaces(manager, demandSemesters(today), [departementCode])) {
    const figures = [...plan.stageTypes, ...(plan.docteurJunior ? [plan.docteurJunior] : [])];
    figures.forEach((f) => offered.set(`${plan.semester}:${f.stageType}`, f.offered));
  }
  const demands = planDemands(random, today, offered);
  await insertBatched(
    manager,
    SemesterDemand,
    demands.map((d) => {
      const id = newId();
      const createdAt = record(
        'missionOfficer',
        TYPES.semesterDemand,
        id,
        at(addDays(today, -random.int(5, 40)), random),
        { ...d },
      );
      return { ...d, ...base(createdAt), id };
    }),
  );
  const auditEvents = await auditCreations(manager, departementCode, users, history);

  const weekEnd = endOfWeek(today);
  const open = tasks.filter((t) => t.status === 'open');
  return {
    doneVisits: visits.filter((v) => v.status === 'done').length,
    plannedVisits: visits.filter((v) => v.status === 'planned').length,
    cancelledVisits: visits.filter((v) => v.status === 'cancelled').length,
    visitParticipants: participants.length,
    accessIssues: issues.length,
    openAccessIssues: issues.filter((i) => i.status === 'open' || i.status === 'in_progress').length,
    visitAccessIssues: issues.filter((i) => i.visitId !== null).length,
    accessIssueCategories: new Set(issues.map((i) => i.category)).size,
    measures: measures.length,
    measureSites: measureSites.length,
    measureIssues: measureIssues.length,
    tasks: tasks.length,
    openTasks: open.length,
    overdueTasks: open.filter((t) => t.dueOn < today).length,
    tasksDueThisWeek: open.filter((t) => t.dueOn >= today && t.dueOn <= weekEnd).length,
    semesterDemands: demands.length,
    auditEvents,
  };
}

/** Rows of a join table (`measure_id`, other), in one statement. */
async function insertPairs(manager: EntityManager, table: string, column: string, pairs: string[][]): Promise<void> {
  if (pairs.length === 0) return;
  await manager.query(`INSERT INTO ${table} (measure_id, ${column}) SELECT * FROM unnest($1::uuid[], $2::uuid[])`, [
    pairs.map((p) => p[0]),
    pairs.map((p) => p[1]),
  ]);
}

/** The registry's live sites (closed ones excepted) with their supervising MSUs, in a stable order. */
async function loadSites(manager: EntityManager, departementCode: string): Promise<FieldSite[]> {
  const rows: (Omit<FieldSite, 'msus' | 'rural' | 'distanceKm'> & { km: string | null; population: number | null })[] =
    await manager.query(
      `SELECT s.id, s.name, s.status, s.commune_code AS "communeCode", c.name AS "communeName", c.population,
              s.distance_to_chu_km AS km, (s.housing_on_site OR s.housing_nearby) AS housing,
              s.public_transport AS transport, s.parking
       FROM training_sites s JOIN communes c ON c.code = s.commune_code
       WHERE s.departement_code = $1 AND s.archived_at IS NULL AND s.status <> 'closed'
       ORDER BY s.name, s.commune_code, s.address_line1, s.created_at`,
      [departementCode],
    );
  const msus: { siteId: string; id: string; civility: Civility | null; firstName: string; lastName: string }[] =
    await manager.query(
      `SELECT ps.site_id AS "siteId", p.id, p.civility, p.first_name AS "firstName", p.last_name AS "lastName"
       FROM professional_sites ps JOIN professionals p ON p.id = ps.professional_id
       WHERE p.departement_code = $1 AND p.archived_at IS NULL AND p.msu_stage IN ('accredited', 'active')
       ORDER BY p.rpps`,
      [departementCode],
    );
  return rows.map(({ km, population, ...s }) => {
    const distanceKm = Number(km ?? 40);
    return {
      ...s,
      distanceKm,
      rural: distanceKm >= 55 || (population ?? 0) < 3_000,
      msus: msus.filter((m) => m.siteId === s.id).map((m) => ({ id: m.id, name: professionalDisplayName(m) })),
    };
  });
}
