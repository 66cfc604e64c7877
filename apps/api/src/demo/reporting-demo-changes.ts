/*
 * The period between the demo's two offer snapshots: the reporting services bound to the seed's
 * transaction, the changes picked among records that predate the first snapshot, and those changes
 * made, dated, through the real services (sites activated, accreditations granted, MSUs moved,
 * access issues resolved, a capacity raised).
 */
import {
  type AccessIssueCategory,
  type MsuStage,
  nextSemester,
  semesterOf,
  semesterRange,
  type StageType,
} from '@maillage/shared/domain';
import type { DataSource, EntityManager } from 'typeorm';

import { AccessIssuesService } from '../access-issues/access-issues.service';
import { AccreditationsService } from '../accreditations/accreditations.service';
import { AnnualReportsService } from '../annual-reports/annual-reports.service';
import { CommitteesService } from '../committees/committees.service';
import { AuditService } from '../common/audit/audit.service';
import { Clock } from '../common/clock/clock';
import { frenchDate } from '../common/pdf/french-format';
import type { AuditActor } from '../common/persistence/scoped-records';
import { AppConfig } from '../config/app-config';
import { OfferSnapshotsService } from '../offer-snapshots/offer-snapshots.service';
import { moveStage } from '../professionals/msu-stage';
import { SemestersService } from '../semesters/semesters.service';
import { SitesService } from '../sites/sites.service';
import { TasksService } from '../tasks/tasks.service';
import { currentZonageSql } from '../territory/zonage-in-force';
import { addDays, at, daysBetween, type DemoRandom, maxDate, weekday } from './demo-kit';

/**
 * The services of the reporting issue, bound to the seed's transaction: each of their own
 * transactions becomes a savepoint of it. The records are thus written by the real code paths
 * (validation of the lifecycle, figures computed then frozen at approval, audit events).
 */
export function servicesOn(manager: EntityManager, clock: Clock) {
  const db = {
    manager,
    transaction: <T>(run: (m: EntityManager) => Promise<T>) => manager.transaction(run),
    getRepository: manager.getRepository.bind(manager),
  } as unknown as DataSource;
  const audit = new AuditService();
  // The registry services read the accreditation rules from the settings: the defaults of DOMAIN.md.
  const config = new AppConfig();
  return {
    audit,
    reports: new AnnualReportsService(db, audit, clock),
    snapshots: new OfferSnapshotsService(db, audit, clock),
    /** Snapshots taken on another day than `clock`'s: the service dates them with the clock it is given. */
    snapshotsOn: (day: string) => new OfferSnapshotsService(db, audit, new DayClock(day)),
    committees: new CommitteesService(db, audit, new TasksService(db, audit, clock)),
    accreditations: new AccreditationsService(db, audit, config),
    sites: new SitesService(db, audit, config),
    issues: new AccessIssuesService(db, audit),
    semesters: new SemestersService(db, audit, clock),
  };
}

/** A clock stopped on one day (mid-morning in France), for the snapshot taken before today. */
class DayClock extends Clock {
  constructor(private readonly day: string) {
    super();
  }

  override now(): Date {
    return new Date(`${this.day}T08:30:00Z`);
  }
}

const GP = 'Médecine générale';

/** A prospect site and the GP practising there whose accreditation file is being examined. */
interface Prospect {
  siteId: string;
  name: string;
  communeName: string;
  professionalId: string;
  since: string;
  accreditationId: string;
}

interface OpenIssue {
  id: string;
  siteId: string;
  siteName: string;
  category: AccessIssueCategory;
  raisedOn: string;
  lastVisitOn: string | null;
}

/** What happens between the two follow-up committees, chosen from the demo data by rule (stable order). */
export interface Changes {
  prospects: Prospect[];
  msu: { id: string; siteName: string } | null;
  capacity: { siteId: string; name: string; communeName: string } | null;
  issues: OpenIssue[];
}

/**
 * The changes of the period, picked before the first snapshot so that the committee held then can
 * decide on them (sites recorded before it): the two prospect sites whose GP's accreditation
 * file is the most advanced (a visit already done first), an accredited MSU of an active site, an active site of a priority
 * zone offering one N1 place under an accreditation in force over the four semesters at stake,
 * and three access issues already open then, without an open task on them: all the issues of a
 * site visited in the last ten months (it leaves the watch list), then the oldest of the site
 * with the most open issues.
 */
export async function pickChanges(
  manager: EntityManager,
  random: DemoRandom,
  departementCode: string,
  firstOn: string,
  today: string,
): Promise<Changes> {
  const prospectRows: Prospect[] = await manager.query(
    `SELECT s.id AS "siteId", s.name, c.name AS "communeName", p.id AS "professionalId",
            p.msu_stage_since::text AS since, a.id AS "accreditationId"
     FROM training_sites s
     JOIN communes c ON c.code = s.commune_code
     JOIN professional_sites ps ON ps.site_id = s.id
     JOIN professionals p ON p.id = ps.professional_id
     JOIN accreditations a ON a.professional_id = p.id
     WHERE s.departement_code = $1 AND s.status = 'prospect' AND s.archived_at IS NULL
       AND p.archived_at IS NULL AND p.msu_stage = 'file_submitted' AND p.specialty = $2
       AND a.archived_at IS NULL AND a.status IN ('requested', 'under_review') AND a.cycle = '3'
       AND 'N1' = ANY(a.stage_types) AND p.msu_stage_since <= $3 AND s.created_at < $4::date
     ORDER BY (SELECT max(v.visited_on) FROM site_visits v
                WHERE v.site_id = s.id AND v.status = 'done' AND v.archived_at IS NULL) DESC NULLS LAST,
              p.msu_stage_since, s.name, p.rpps`,
    [departementCode, GP, addDays(today, -30), addDays(firstOn, -14)],
  );
  const prospects = prospectRows
    .filter((r, i) => prospectRows.findIndex((x) => x.siteId === r.siteId) === i)
    .slice(0, 2);
  const taken = new Set(prospects.map((p) => p.siteId));

  const msus: { id: string; siteName: string; siteId: string }[] = await manager.query(
    `SELECT DISTINCT ON (p.rpps) p.id, s.name AS "siteName", s.id AS "siteId"
     FROM professionals p
     JOIN professional_sites ps ON ps.professional_id = p.id
     JOIN training_sites s ON s.id = ps.site_id AND s.status = 'active' AND s.archived_at IS NULL
     JOIN site_capacities sc ON sc.site_id = s.id AND sc.stage_type = 'N1' AND sc.places > 0
     JOIN accreditations a ON a.professional_id = p.id AND a.archived_at IS NULL AND a.status = 'granted'
       AND 'N1' = ANY(a.stage_types) AND a.start_date <= $3 AND (a.end_date IS NULL OR a.end_date > $4)
     WHERE p.departement_code = $1 AND p.archived_at IS NULL AND p.msu_stage = 'accredited' AND p.specialty = $2
       AND p.msu_stage_since <= $3
     ORDER BY p.rpps, s.name`,
    [departementCode, GP, addDays(firstOn, -30), today],
  );
  const msu = msus.length > 0 ? random.pick(msus) : null;

  // Accredited all along: since the first semester of last year (the approved report counts it
  // too) and up to the next semester's first day (both snapshots count all their semesters).
  const firstSemester = `${Number(today.slice(0, 4)) - 1}-05-01`;
  const lastSemester = semesterRange(nextSemester(semesterOf(today))).start;
  const capacities: { siteId: string; name: string; communeName: string }[] = await manager.query(
    `SELECT s.id AS "siteId", s.name, c.name AS "communeName"
     FROM training_sites s
     JOIN communes c ON c.code = s.commune_code
     JOIN site_capacities sc ON sc.site_id = s.id AND sc.stage_type = 'N1' AND sc.places = 1
     LEFT JOIN LATERAL (SELECT ${currentZonageSql('s.commune_code', '$2')} AS zonage) z ON true
     WHERE s.departement_code = $1 AND s.status = 'active' AND s.archived_at IS NULL AND s.created_at < $3::date
       AND EXISTS (SELECT 1 FROM accreditations a
         WHERE a.archived_at IS NULL AND a.status = 'granted' AND 'N1' = ANY(a.stage_types) AND a.max_students >= 2
           AND a.start_date <= $3 AND (a.end_date IS NULL OR a.end_date >= $4)
           AND (a.site_id = s.id OR a.professional_id IN
             (SELECT ps.professional_id FROM professional_sites ps WHERE ps.site_id = s.id)))
     ORDER BY (z.zonage IN ('ZIP', 'QPV_ZIP')) DESC NULLS LAST, s.name, s.commune_code, s.address_line1`,
    [departementCode, today, firstSemester, lastSemester],
  );
  const capacity = capacities.find((c) => !taken.has(c.siteId) && c.siteId !== msu?.siteId) ?? null;

  const open: OpenIssue[] = await manager.query(
    `SELECT i.id, i.site_id AS "siteId", s.name AS "siteName", i.category, i.raised_on::text AS "raisedOn",
            (SELECT max(v.visited_on) FROM site_visits v WHERE v.site_id = s.id AND v.status = 'done'
               AND v.archived_at IS NULL)::text AS "lastVisitOn"
     FROM access_issues i JOIN training_sites s ON s.id = i.site_id
     WHERE i.departement_code = $1 AND i.archived_at IS NULL AND i.status IN ('open', 'in_progress')
       AND s.status = 'active' AND s.archived_at IS NULL
     ORDER BY i.raised_on, s.name, s.commune_code, i.category, i.created_at`,
    [departementCode],
  );
  const blocked: { subject_id: string }[] = await manager.query(
    `SELECT DISTINCT subject_id FROM tasks WHERE status = 'open' AND archived_at IS NULL AND subject_id IS NOT NULL`,
  );
  const ready = (i: OpenIssue) =>
    i.raisedOn <= addDays(firstOn, -14) && !blocked.some((b) => b.subject_id === i.id) && !taken.has(i.siteId);
  const bySite = new Map<string, OpenIssue[]>();
  open.forEach((i) => bySite.set(i.siteId, [...(bySite.get(i.siteId) ?? []), i]));
  const sites = [...bySite.values()];
  const cleared = sites.find(
    (list) => list.length === 2 && list.every(ready) && (list[0].lastVisitOn ?? '') >= addDays(today, -300),
  );
  const busiest = sites.filter((list) => list !== cleared && list.some(ready)).sort((a, b) => b.length - a.length)[0];
  const issues = [...(cleared ?? []), ...(busiest ?? []).filter(ready).slice(0, 1)];
  for (const i of open) if (issues.length < 3 && ready(i) && !issues.includes(i)) issues.push(i);
  return { prospects, msu, capacity, issues };
}

/** How each kind of difficulty was solved (hosting conditions only). */
const RESOLUTIONS: Readonly<Record<AccessIssueCategory, string>> = {
  public_transport:
    'La commune a mis en place une navette à la demande depuis la gare ; l’horaire est compatible avec les consultations du matin.',
  distance: 'Covoiturage organisé entre les internes du secteur et indemnité de transport du Département accordée.',
  housing: 'Un studio meublé est mis à disposition des internes par la commune, à dix minutes du terrain.',
  parking: 'Deux places de stationnement réservées aux internes devant le cabinet, accordées par la mairie.',
  premises: 'Travaux terminés : bureau de consultation dédié à l’interne, équipé.',
  it: 'Accès au logiciel médical et à la messagerie sécurisée ouverts à l’interne ; poste informatique installé.',
  supervision: 'Un second maître de stage assure l’encadrement pendant les absences du titulaire.',
  pay: 'Situation régularisée avec le centre hospitalier de rattachement ; indemnités versées.',
  safety: 'Éclairage du parking installé et fermeture des locaux revue avec l’équipe.',
  other: 'Point réglé avec le maître de stage lors de la visite de suivi.',
};

/**
 * The field-work demo records the demand of the coming semesters only. When the first snapshot
 * falls in the semester before today's, its demand (known before it began, interns chosen since)
 * is recorded too, through the service, so that the first snapshot does not show a semester
 * without demand: requested above the places offered for the tight stage types, below for the
 * others, as in the field-work demo, and the places filled.
 */
export async function recordPastDemand(
  manager: EntityManager,
  services: ReturnType<typeof servicesOn>,
  actor: AuditActor,
  random: DemoRandom,
  departementCode: string,
  firstOn: string,
  today: string,
): Promise<void> {
  const code = semesterOf(firstOn);
  if (code === semesterOf(today)) return;
  const existing: { n: number }[] = await manager.query(
    'SELECT count(*)::int AS n FROM semester_demands WHERE departement_code = $1 AND semester = $2',
    [departementCode, code],
  );
  if (existing[0].n > 0) return;
  const plan = await services.semesters.get(actor, code, departementCode);
  const figures = [...plan.stageTypes, ...(plan.docteurJunior ? [plan.docteurJunior] : [])].filter(
    (f) => f.offered > 0,
  );
  await services.semesters.putDemands(actor, code, {
    departementCode,
    demands: figures.map((f) => {
      const tight = ['N1', 'SASPAS', 'DJ_MG'].includes(f.stageType);
      const requested = tight
        ? f.offered + Math.max(2, Math.round(f.offered * (0.15 + random.float() * 0.2)))
        : Math.round(f.offered * (0.75 + random.float() * 0.2));
      return {
        stageType: f.stageType,
        placesRequested: requested,
        placesFilled: Math.max(0, Math.min(f.offered, requested) - random.int(0, Math.min(3, f.offered))),
        source: f.stageType === 'DJ_MG' ? 'ARS Île-de-France (démo)' : 'Faculté de santé – DMG (démo)',
      };
    }),
  });
  const recordedAt = at(addDays(semesterRange(code).start, -random.int(20, 40)), random);
  await manager.query(
    `UPDATE audit_events SET occurred_at = $3 WHERE occurred_at = now() AND entity_id IN
       (SELECT id::text FROM semester_demands WHERE departement_code = $1 AND semester = $2)`,
    [departementCode, code, recordedAt],
  );
  await manager.query(
    'UPDATE semester_demands SET created_at = $3, updated_at = $3 WHERE departement_code = $1 AND semester = $2',
    [departementCode, code, recordedAt],
  );
}

/**
 * The audit event just written for `id` (stamped with the transaction's time, as every change of
 * the seed) and the row's `updated_at` get the day the change was made.
 */
export async function dateChange(
  manager: EntityManager,
  table:
    | 'training_sites'
    | 'accreditations'
    | 'professionals'
    | 'access_issues'
    | 'offer_snapshots'
    | 'committee_meetings',
  id: string,
  when: Date,
): Promise<void> {
  await manager.query('UPDATE audit_events SET occurred_at = $2 WHERE entity_id = $1 AND occurred_at = now()', [
    id,
    when,
  ]);
  const column = table === 'offer_snapshots' ? 'created_at' : 'updated_at';
  await manager.query(`UPDATE ${table} SET ${column} = $2 WHERE id = $1`, [id, when]);
}

/**
 * Applies the changes through the services (versions read first, transitions checked, audited),
 * each on its own day between the two snapshots; the row and its history are dated that day.
 */
export async function applyChanges(
  manager: EntityManager,
  services: ReturnType<typeof servicesOn>,
  actor: AuditActor,
  random: DemoRandom,
  changes: Changes,
  firstOn: string,
  today: string,
): Promise<void> {
  const span = daysBetween(firstOn, today);
  const dayAt = (share: number) => weekday(addDays(firstOn, Math.max(1, Math.min(span - 4, Math.round(span * share)))));
  const version = async (table: string, id: string): Promise<number> =>
    ((await manager.query(`SELECT version FROM ${table} WHERE id = $1`, [id])) as { version: number }[])[0].version;
  /** A step of the MSU pipeline, through its own transaction (a savepoint of the seed's). */
  const moveTo = async (professionalId: string, toStage: MsuStage, date: string, note: string) => {
    const professionalVersion = await version('professionals', professionalId);
    await manager.transaction((m) =>
      moveStage(m, services.audit, actor, professionalId, professionalVersion, { toStage, date, note }),
    );
  };

  for (const [n, issue] of changes.issues.entries()) {
    const on = dayAt(0.15 + n * 0.2);
    await services.issues.resolve(actor, issue.id, {
      version: await version('access_issues', issue.id),
      closedOn: on,
      resolution: RESOLUTIONS[issue.category],
    });
    await dateChange(manager, 'access_issues', issue.id, at(on, random));
  }

  for (const [n, p] of changes.prospects.entries()) {
    const grantedOn = weekday(maxDate(dayAt(0.45 + n * 0.25), addDays(p.since, 14)));
    const reviewedOn = weekday(maxDate(p.since, addDays(grantedOn, -12)));
    const status: { status: string }[] = await manager.query('SELECT status FROM accreditations WHERE id = $1', [
      p.accreditationId,
    ]);
    if (status[0].status === 'requested') {
      await services.accreditations.review(actor, p.accreditationId, {
        version: await version('accreditations', p.accreditationId),
      });
      await dateChange(manager, 'accreditations', p.accreditationId, at(reviewedOn, random));
    }
    await services.accreditations.grant(actor, p.accreditationId, {
      version: await version('accreditations', p.accreditationId),
      startDate: grantedOn,
      reference: `ARS-IDF-DOS-${grantedOn.slice(0, 4)}-${random.int(3_000, 3_999)}`,
    });
    const grantedAt = at(grantedOn, random);
    await dateChange(manager, 'accreditations', p.accreditationId, grantedAt);
    await moveTo(p.professionalId, 'accredited', grantedOn, 'Agrément de maître de stage accordé par l’ARS.');
    // Recorded in the MSU pipeline right after the accreditation.
    await dateChange(manager, 'professionals', p.professionalId, new Date(grantedAt.getTime() + 20 * 60_000));
    const openedOn = weekday(addDays(grantedOn, random.int(2, 6)));
    await services.sites.update(actor, p.siteId, {
      version: await version('training_sites', p.siteId),
      status: 'active',
      capacities: [{ stageType: 'N1', places: 1 }],
      notes: `Maître de stage agréé le ${frenchDate(grantedOn)} : une place d’interne de niveau 1 ouverte.`,
    });
    await dateChange(manager, 'training_sites', p.siteId, at(openedOn, random));
  }

  const msu = changes.msu;
  if (msu) {
    const on = dayAt(0.55);
    await moveTo(msu.id, 'active', on, 'Accueille son premier interne.');
    await dateChange(manager, 'professionals', msu.id, at(on, random));
  }

  if (changes.capacity) {
    const on = dayAt(0.8);
    const rows: { stage_type: StageType; places: number }[] = await manager.query(
      'SELECT stage_type, places FROM site_capacities WHERE site_id = $1 ORDER BY stage_type',
      [changes.capacity.siteId],
    );
    await services.sites.update(actor, changes.capacity.siteId, {
      version: await version('training_sites', changes.capacity.siteId),
      capacities: rows.map((r) => ({
        stageType: r.stage_type,
        places: r.stage_type === 'N1' ? r.places + 1 : r.places,
      })),
    });
    await dateChange(manager, 'training_sites', changes.capacity.siteId, at(on, random));
  }
}

/** « 2 terrains actifs de plus », « 1 place offerte de moins », « autant de terrains actifs ». */
