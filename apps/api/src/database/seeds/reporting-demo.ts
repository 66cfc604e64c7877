import {
  type AccessIssueCategory,
  type AnnualReportFigures,
  type MeetingAttendee,
  nextSemester,
  type OfferKeyFigure,
  type ReportSection,
  semesterOf,
  semesterRange,
  type StageType,
} from '@maillage/shared/domain';
import type { DataSource, EntityManager } from 'typeorm';

import { AccessIssuesService } from '../../access-issues/access-issues.service';
import { AccreditationsService } from '../../accreditations/accreditations.service';
import { AnnualReportsService } from '../../annual-reports/annual-reports.service';
import { AuditService } from '../../audit/audit.service';
import { CommitteesService } from '../../committees/committees.service';
import { Clock } from '../../common/clock/clock';
import type { AuditActor } from '../../common/persistence/scoped-records';
import { AppConfig } from '../../config/app-config';
import { OfferSnapshotsService } from '../../offer-snapshots/offer-snapshots.service';
import { moveStage } from '../../professionals/msu-stage';
import { SemestersService } from '../../semesters/semesters.service';
import { SitesService } from '../../sites/sites.service';
import { User } from '../../users/user.entity';
import { addDays, at, daysBetween, DemoRandom, maxDate, minDate } from './demo-kit';

export interface ReportingDemoReport {
  approvedReportYear: number;
  draftReportYear: number;
  snapshots: number;
  meetings: number;
  actionTasks: number;
}

/**
 * The services of the reporting issue, bound to the seed's transaction: each of their own
 * transactions becomes a savepoint of it. The records are thus written by the real code paths
 * (validation of the lifecycle, figures computed then frozen at approval, audit events).
 */
function servicesOn(manager: EntityManager, clock: Clock) {
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
    committees: new CommitteesService(db, audit),
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

const figure = (figures: AnnualReportFigures, key: string): number =>
  figures.tables.find((t) => t.key === 'key_figures')?.rows.find((r) => r.key === key)?.values[0] ?? 0;

const plural = (n: number, one: string, many: string): string => `${n.toLocaleString('fr-FR')} ${n > 1 ? many : one}`;

/** The approved report of the past year: the narrative refers to its own computed figures. */
function pastYearSections(year: number, departement: string, figures: AnnualReportFigures) {
  const visits = figure(figures, 'visits_done');
  const accredited = figure(figures, 'sites_accredited');
  const msus = figure(figures, 'msus_accredited');
  const raised = figure(figures, 'issues_raised');
  const resolved = figure(figures, 'issues_resolved');
  const sections: Record<ReportSection, string> = {
    introduction:
      `L’année ${year} a vu se consolider le partenariat engagé par le Département de ${departement} avec le ` +
      'Conseil départemental de l’Ordre des médecins (CDOM 77), l’ARS Île-de-France, le département de médecine ' +
      'générale de la faculté de santé de l’Université Paris-Est Créteil et l’URPS médecins libéraux. Son objectif ' +
      'reste inchangé : faire de la Seine-et-Marne une terre d’accueil pour les internes et les étudiants, afin ' +
      'qu’une part croissante d’entre eux choisisse de s’y installer.\n\n' +
      `Au cours de l’année, la chargée de mission a réalisé ${plural(visits, 'visite de terrain', 'visites de terrain')} ; ` +
      `${plural(accredited, 'terrain a été agréé', 'terrains ont été agréés')} et ` +
      `${plural(msus, 'maître de stage a reçu son agrément', 'maîtres de stage ont reçu leur agrément')}. ` +
      `${plural(raised, 'difficulté d’accès a été signalée', 'difficultés d’accès ont été signalées')}, dont ` +
      `${resolved === 0 ? 'aucune n’était résolue' : plural(resolved, 'résolue', 'résolues')} au 31 décembre.\n\n` +
      'Le suivi de terrain dans Maillage (visites, difficultés d’accès) n’a commencé qu’à la fin de l’année : ' +
      'ses chiffres ne couvrent que les dernières semaines. Les agréments, le parcours des maîtres de stage, les ' +
      'signalements du CDOM et les places offertes reprennent en revanche toute l’année. Les tableaux de la ' +
      'deuxième partie détaillent ces chiffres, calculés à partir des données et figés à l’approbation du rapport.',
    msu_promotion:
      'La promotion de la maîtrise de stage universitaire s’est appuyée sur trois leviers : des soirées ' +
      'd’information organisées avec le CDOM 77 dans les trois arrondissements les moins dotés, des rencontres ' +
      'individuelles avec les médecins repérés par l’Ordre, et l’accompagnement administratif des candidats ' +
      'jusqu’à la formation initiale des maîtres de stage.\n\n' +
      'Le parcours de recrutement reste long : entre le premier contact et l’accueil du premier interne, il faut ' +
      'compter en moyenne plus d’un an. Le suivi étape par étape mis en place cette année permet désormais de ' +
      'relancer les médecins au bon moment et de mesurer les déperditions.',
    access_difficulties:
      'Les difficultés d’accès aux terrains de stage restent le premier frein à l’attractivité du territoire. ' +
      'Le logement et les transports concentrent l’essentiel des signalements, en particulier dans l’est et le ' +
      'sud du département, où l’absence de véhicule rend certains cabinets difficilement accessibles.\n\n' +
      'Chaque signalement fait l’objet d’un suivi nominatif, terrain par terrain, et les situations les plus ' +
      'sensibles sont examinées en comité de suivi. Les solutions trouvées localement (chambres mises à ' +
      'disposition par les communes, covoiturage entre internes) sont recensées pour être étendues.',
    measures:
      'Le Département a poursuivi ses dispositifs de soutien : aide au logement des internes en zone ' +
      'd’intervention prioritaire, indemnité de transport, prise en charge de la formation des maîtres de stage ' +
      'et soutien à l’équipement des cabinets accueillant des étudiants. Les budgets prévus et engagés figurent ' +
      'dans le tableau des dispositifs.\n\n' +
      'Les crédits engagés ont été concentrés sur les communes classées en zone d’intervention prioritaire, ' +
      'conformément aux orientations fixées par le comité stratégique.',
    territory_promotion:
      'La Seine-et-Marne a été présentée aux internes lors des journées de choix de stage organisées par la ' +
      'faculté, avec un livret d’accueil recensant les terrains, les solutions de logement et les contacts ' +
      'utiles. Une journée d’accueil des nouveaux internes a réuni maîtres de stage, élus et partenaires à ' +
      'Melun au début de chaque semestre.',
    outlook:
      `Pour ${year + 1}, le comité stratégique propose de concentrer l’effort sur trois priorités : augmenter ` +
      'le nombre de places offertes en zone d’intervention prioritaire, réduire le délai de traitement des ' +
      'difficultés d’accès, et accompagner vers l’installation les internes ayant exprimé une intention de ' +
      'rester dans le département.',
  };
  return sections;
}

const CURRENT_YEAR_SECTIONS = (year: number): Partial<Record<ReportSection, string>> => ({
  introduction:
    `Ce rapport d’activité ${year} est en cours de rédaction. Il rendra compte de la deuxième année pleine du ` +
    'partenariat entre le Département, le CDOM 77, l’ARS Île-de-France, la faculté et l’URPS, et de la mise en ' +
    'œuvre des priorités fixées par le comité stratégique.',
  msu_promotion:
    'Les soirées d’information sur la maîtrise de stage ont été reconduites avec le CDOM 77. Un premier bilan ' +
    'montre un intérêt marqué des jeunes médecins installés depuis moins de cinq ans.',
  access_difficulties:
    'À compléter après le prochain comité de suivi : point sur les difficultés de logement dans l’est du ' +
    'département et sur l’expérimentation de covoiturage entre internes.',
});

/** The reporting people of the committees: the partners of the Seine-et-Marne scheme. */
const ATTENDEES: readonly MeetingAttendee[] = [
  {
    name: 'Julien Lefèvre',
    organisation: 'departement',
    title: 'Directeur de l’autonomie et de la santé',
    present: true,
  },
  {
    name: 'Camille Martin',
    organisation: 'departement',
    title: 'Chargée de mission démographie médicale',
    present: true,
  },
  { name: 'Dr Hélène Garnier', organisation: 'cdom', title: 'Présidente du CDOM 77', present: true },
  { name: 'Marc Aubert', organisation: 'ars', title: 'Délégation départementale 77, ARS Île-de-France', present: true },
  { name: 'Pr Claire Dumont', organisation: 'faculte', title: 'Département de médecine générale (DMG)', present: true },
  { name: 'Dr Thomas Roussel', organisation: 'autre', title: 'URPS médecins libéraux Île-de-France', present: false },
  { name: 'Nadia Benali', organisation: 'cpam', title: 'CPAM de Seine-et-Marne', present: true },
];

const STRATEGIC_ATTENDEES: readonly MeetingAttendee[] = [
  { name: 'Anne Lemoine', organisation: 'elu', title: 'Vice-présidente chargée de la santé', present: true },
  ...ATTENDEES.filter((a) => a.organisation !== 'cpam'),
];

/** The day itself on a weekday, else the Monday after (`direction` 1) or the Friday before (-1). */
function workday(day: string, direction: 1 | -1 = 1): string {
  let d = day;
  while ([0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay())) d = addDays(d, direction);
  return d;
}

/** A day as French text: « 22 septembre 2026 ». */
const longDate = (day: string): string =>
  new Date(`${day}T12:00:00Z`).toLocaleDateString('fr-FR', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

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
interface Changes {
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
async function pickChanges(
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
     LEFT JOIN LATERAL (SELECT cz.zonage FROM commune_zonages cz
       WHERE cz.commune_code = s.commune_code AND cz.valid_from <= $2 AND (cz.valid_to IS NULL OR cz.valid_to >= $2)
       ORDER BY cz.valid_from DESC LIMIT 1) z ON true
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
async function recordPastDemand(
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
async function dateChange(
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
async function applyChanges(
  manager: EntityManager,
  services: ReturnType<typeof servicesOn>,
  actor: AuditActor,
  random: DemoRandom,
  changes: Changes,
  firstOn: string,
  today: string,
): Promise<void> {
  const span = daysBetween(firstOn, today);
  const dayAt = (share: number) => workday(addDays(firstOn, Math.max(1, Math.min(span - 4, Math.round(span * share)))));
  const version = async (table: string, id: string): Promise<number> =>
    ((await manager.query(`SELECT version FROM ${table} WHERE id = $1`, [id])) as { version: number }[])[0].version;

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
    const grantedOn = workday(maxDate(dayAt(0.45 + n * 0.25), addDays(p.since, 14)));
    const reviewedOn = workday(maxDate(p.since, addDays(grantedOn, -12)));
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
    const professionalVersion = await version('professionals', p.professionalId);
    await manager.transaction((m) =>
      moveStage(m, services.audit, actor, p.professionalId, professionalVersion, {
        toStage: 'accredited',
        date: grantedOn,
        note: 'Agrément de maître de stage accordé par l’ARS.',
      }),
    );
    // Recorded in the MSU pipeline right after the accreditation.
    await dateChange(manager, 'professionals', p.professionalId, new Date(grantedAt.getTime() + 20 * 60_000));
    const openedOn = workday(addDays(grantedOn, random.int(2, 6)));
    await services.sites.update(actor, p.siteId, {
      version: await version('training_sites', p.siteId),
      status: 'active',
      capacities: [{ stageType: 'N1', places: 1 }],
      notes: `Maître de stage agréé le ${longDate(grantedOn)} : une place d’interne de niveau 1 ouverte.`,
    });
    await dateChange(manager, 'training_sites', p.siteId, at(openedOn, random));
  }

  const msu = changes.msu;
  if (msu) {
    const on = dayAt(0.55);
    const msuVersion = await version('professionals', msu.id);
    await manager.transaction((m) =>
      moveStage(m, services.audit, actor, msu.id, msuVersion, {
        toStage: 'active',
        date: on,
        note: 'Accueille son premier interne.',
      }),
    );
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
function progressText(difference: number, one: string, many: string): string {
  if (difference === 0) return `autant de ${many}`;
  return `${plural(Math.abs(difference), one, many)} de ${difference > 0 ? 'plus' : 'moins'}`;
}

/** « Hiver 2026-2027 » → « d’hiver 2026-2027 », « Été 2027 » → « d’été 2027 ». */
const semesterName = (label: string): string => `d’${label.charAt(0).toLowerCase()}${label.slice(1)}`;

/** What the previous committee decided: the changes that the period then brought. */
function previousDecisions(changes: Changes): { text: string }[] {
  const decisions: { text: string }[] = [];
  if (changes.prospects.length > 0) {
    const names = changes.prospects.map((p) => `${p.name} (${p.communeName})`).join(' et ');
    decisions.push({ text: `Accompagner jusqu’à l’agrément les dossiers les plus avancés : ${names}.` });
  }
  if (changes.capacity) {
    decisions.push({
      text: `Étudier avec ${changes.capacity.name} (${changes.capacity.communeName}) l’ouverture d’une deuxième place de niveau 1.`,
    });
  }
  if (changes.issues.length > 0) {
    const sites = [...new Set(changes.issues.map((i) => i.siteName))].join(', ');
    decisions.push({ text: `Traiter avant le prochain comité les difficultés d’accès les plus anciennes (${sites}).` });
  }
  return decisions;
}

/**
 * The reporting story on top of the field-work demo (run `seedFieldworkDemo` first): the past
 * year's annual report, presented then approved at the strategic committee (its figures computed
 * by the real service and frozen), the current year's draft, two offer snapshots and four
 * committee meetings (a follow-up committee held about two months ago with the first snapshot,
 * the one held today with the second and two action items, the strategic committee that
 * approved the report, the next follow-up committee).
 *
 * A snapshot counts sites, MSUs and open issues as they are when it is taken: the first one is
 * taken (its clock stopped on that day) before the period's changes, which are then made through
 * the services, each dated on its day (two prospect sites activated once their MSU's
 * accreditation is granted, an MSU hosting their first intern, one more N1 place, three access
 * issues resolved); the second is taken today, its progress measured against the first. `clock`
 * must tell `today` (the services date the snapshot and stamp the figures with it).
 */
export async function seedReportingDemo(
  manager: EntityManager,
  departementCode: string,
  users: { missionOfficerId: string; cdomId: string },
  today: string,
  clock: Clock = new Clock(),
): Promise<ReportingDemoReport> {
  const random = new DemoRandom([...`rp${departementCode}`].reduce((h, c) => h * 31 + c.charCodeAt(0), 7_703));
  const services = servicesOn(manager, clock);
  const { reports, snapshots, committees } = services;
  const officer = await manager.getRepository(User).findOneByOrFail({ id: users.missionOfficerId });
  const actor: AuditActor = {
    id: officer.id,
    role: officer.role,
    departementCode,
    email: officer.email,
  };
  const departement: { name: string }[] = await manager.query('SELECT name FROM departements WHERE code = $1', [
    departementCode,
  ]);
  const departementName = departement[0]?.name ?? departementCode;
  const year = Number(today.slice(0, 4));

  // The past year's report, presented and approved at the strategic committee in March.
  const presentedOn = workday(
    minDate(`${year}-03-${String(random.int(10, 20)).padStart(2, '0')}`, addDays(today, -30)),
    -1,
  );
  const draft = await reports.create(actor, { year: year - 1 });
  const pastSections = pastYearSections(year - 1, departementName, draft.figures);
  const written = await reports.update(actor, draft.id, { version: draft.version, sections: pastSections });
  const presented = await reports.present(actor, draft.id, { version: written.version, presentedOn });
  const approved = await reports.approve(actor, draft.id, { version: presented.version, approvedOn: presentedOn });

  // The current year's draft, three sections written.
  await reports.create(actor, { year, sections: CURRENT_YEAR_SECTIONS(year) });

  const strategic = await committees.create(actor, {
    kind: 'strategic',
    status: 'held',
    heldOn: presentedOn,
    title: `Comité stratégique – bilan ${year - 1}`,
    location: 'Hôtel du Département, Melun',
    attendees: STRATEGIC_ATTENDEES.map((a) => ({ ...a })),
    agenda:
      `1. Présentation du rapport d’activité ${year - 1}\n2. Orientations pour ${year}\n` +
      '3. Budget des dispositifs de soutien',
    minutes:
      `La chargée de mission présente le rapport d’activité ${year - 1}. Les partenaires saluent la progression ` +
      'du nombre de maîtres de stage et soulignent la persistance des difficultés de logement dans l’est du ' +
      'département.\n\nLa vice-présidente rappelle l’engagement du Département à maintenir l’enveloppe des ' +
      'dispositifs de soutien.',
    decisions: [
      { text: `Le rapport d’activité ${year - 1} est approuvé à l’unanimité ; ses chiffres sont figés.` },
      { text: `Priorité ${year} : augmenter les places offertes en zone d’intervention prioritaire.` },
    ],
    annualReportId: approved.id,
  });
  await dateChange(manager, 'committee_meetings', strategic.id, at(workday(addDays(presentedOn, 1)), random));

  // The previous follow-up committee, about two months ago, with the snapshot taken that day;
  // its decisions are the changes of the period.
  const firstOn = workday(maxDate(addDays(today, -random.int(56, 63)), addDays(presentedOn, 7)), -1);
  const changes = await pickChanges(manager, random, departementCode, firstOn, today);
  await recordPastDemand(manager, services, actor, random, departementCode, firstOn, today);
  const first = await services.snapshotsOn(firstOn).take(actor, {
    title: 'État de l’offre de stage – comité de suivi',
    note: 'Relevé présenté au comité de suivi : places offertes par semestre et par zone, terrains à surveiller.',
  });
  await dateChange(manager, 'offer_snapshots', first.id, new Date(`${firstOn}T08:30:00Z`));
  const previous = await committees.create(actor, {
    kind: 'follow_up',
    status: 'held',
    heldOn: firstOn,
    title: 'Comité de suivi de l’offre de stage',
    location: 'Hôtel du Département, Melun',
    attendees: ATTENDEES.map((a) => ({ ...a, present: a.organisation !== 'faculte' })),
    agenda:
      '1. État de l’offre de stage pour les deux prochains semestres\n2. Terrains en projet et dossiers ' +
      'd’agrément en cours\n3. Terrains à surveiller et difficultés d’accès ouvertes\n4. Questions diverses',
    minutes:
      'Le relevé de l’offre de stage est présenté. Plusieurs terrains en projet n’attendent plus que ' +
      'l’agrément de leur maître de stage pour accueillir des internes.\n\nLes partenaires examinent les ' +
      'difficultés d’accès les plus anciennes et demandent qu’elles soient traitées avant le prochain comité.',
    decisions: previousDecisions(changes),
    snapshotId: first.id,
  });
  // Its record written up the next working day.
  await dateChange(manager, 'committee_meetings', previous.id, at(workday(addDays(firstOn, 1)), random));

  await applyChanges(manager, services, actor, random, changes, firstOn, today);

  // The follow-up committee held today (the Friday before on a weekend: committees sit on working
  // days), with the snapshot of the offer taken for it that day.
  const meetingOn = workday(today, -1);
  const snapshot = await (meetingOn === today ? snapshots : services.snapshotsOn(meetingOn)).take(actor, {
    title: 'État de l’offre de stage – comité de suivi',
    note: 'Relevé présenté au comité de suivi : places offertes par semestre et par zone, terrains à surveiller.',
  });
  const progress = (key: OfferKeyFigure) =>
    snapshot.figures.progress?.figures.find((f) => f.key === key)?.difference ?? 0;
  // Places are compared on the latest semester both snapshots count ("next" may differ between them).
  const common = [...snapshot.figures.semesters]
    .reverse()
    .find((s) => first.figures.semesters.some((f) => f.semester === s.semester));
  const placesChange = common
    ? `${progressText(
        common.totals.offered -
          (first.figures.semesters.find((f) => f.semester === common.semester)?.totals.offered ?? 0),
        'place offerte',
        'places offertes',
      )} pour le semestre ${semesterName(common.label)}, `
    : '';
  const followUp = await committees.create(actor, {
    kind: 'follow_up',
    status: 'held',
    heldOn: meetingOn,
    title: 'Comité de suivi de l’offre de stage',
    location: 'Hôtel du Département, Melun',
    attendees: ATTENDEES.map((a) => ({ ...a })),
    agenda:
      '1. État de l’offre de stage pour les deux prochains semestres\n2. Terrains à surveiller et difficultés ' +
      'd’accès ouvertes\n3. Point sur le recrutement des maîtres de stage\n4. Questions diverses',
    minutes:
      `Le relevé de l’offre de stage est présenté et comparé à celui du comité du ${longDate(firstOn)} : ` +
      `${progressText(progress('sitesActive'), 'terrain actif', 'terrains actifs')}, ` +
      placesChange +
      `${plural(changes.issues.length, 'difficulté d’accès résolue', 'difficultés d’accès résolues')}. ` +
      'L’écart entre places demandées et places offertes reste ' +
      'marqué en zone d’intervention prioritaire. Le CDOM 77 signale plusieurs médecins intéressés par la ' +
      'maîtrise de stage dans le Provinois.\n\nLes partenaires examinent les terrains à surveiller : les ' +
      'difficultés de logement restent les plus nombreuses. L’ARS propose d’associer les communes concernées.',
    decisions: [
      { text: 'Organiser une réunion avec les maires des communes où le logement des internes fait défaut.' },
      { text: 'Relancer les médecins signalés par le CDOM 77 avant la prochaine commission d’agrément.' },
    ],
    snapshotId: snapshot.id,
  });
  await committees.addActions(actor, followUp.id, {
    items: [
      {
        title: 'Organiser la réunion avec les maires sur le logement des internes',
        ownerId: officer.id,
        dueOn: addDays(today, 21),
      },
      {
        title: 'Transmettre la liste des médecins intéressés par la maîtrise de stage',
        ownerLabel: 'CDOM 77',
        dueOn: addDays(today, 14),
      },
    ],
  });

  await committees.create(actor, {
    kind: 'follow_up',
    status: 'planned',
    heldOn: maxDate(addDays(today, 7), addDays(today, 91 - random.int(0, 6))),
    title: 'Comité de suivi de l’offre de stage',
    location: 'Hôtel du Département, Melun',
    agenda:
      '1. Suivi des actions du comité précédent\n2. État de l’offre de stage du prochain semestre\n' +
      `3. Avancement du rapport d’activité ${year}`,
  });

  return {
    approvedReportYear: approved.year,
    draftReportYear: year,
    snapshots: [first, snapshot].length,
    meetings: [strategic, previous, followUp].length + 1,
    actionTasks: 2,
  };
}
