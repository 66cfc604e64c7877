import {
  accreditationValidity,
  addYears,
  isReferralClosed,
  isSupervisor,
  normalizeSearchText,
  type SiteStatus,
  type Zonage,
} from '@maillage/shared/domain';
import { type EntityManager, IsNull, MoreThanOrEqual } from 'typeorm';

import { Accreditation } from '../accreditations/accreditation.entity';
import { InstallationIntent } from '../intents/installation-intent.entity';
import { MsuStageEvent } from '../professionals/msu-stage-event.entity';
import { ProfessionalSite } from '../professionals/professional-site.entity';
import { Professional } from '../professionals/professional.entity';
import { TrainingSession } from '../professionals/training-session.entity';
import { CandidateReferral } from '../referrals/candidate-referral.entity';
import { ReferralFollowUp } from '../referrals/referral-follow-up.entity';
import { SiteCapacity } from '../sites/site-capacity.entity';
import { TrainingSite } from '../sites/training-site.entity';
import { CommuneZonage } from '../territory/entities/commune-zonage.entity';
import { Commune } from '../territory/entities/commune.entity';
import { auditCreations, creationLog, REGISTRY_AUDIT_TYPES } from './demo-audit';
import { planIntents, planReferrals } from './demo-cdom';
import { demoCoordinates } from './demo-coordinates';
import { addDays, at, DemoRandom, insertBatched, rppsFactory } from './demo-kit';
import { linkProfessionals, planAccreditations, planSiteOffers } from './demo-msus';
import { nameFactory } from './demo-names';
import { planProfessionals } from './demo-people';
import { describeCommunes, planSites } from './demo-sites';

export interface RegistryDemoReport {
  sites: number;
  sitesByStatus: Record<SiteStatus, number>;
  siteCommunes: number;
  capacities: number;
  professionals: number;
  supervisors: number;
  professionalSites: number;
  stageEvents: number;
  trainingSessions: number;
  accreditations: number;
  accreditationsExpiringSoon: number;
  referrals: number;
  openReferrals: number;
  referralFollowUps: number;
  installationIntents: number;
  auditEvents: number;
}

/**
 * The registry's demo story for one département: ~120 internship sites across its communes,
 * 250 professionals (88 MSUs) with their pipeline history and training, accreditations (ten of
 * them expiring within six months), CDOM referrals and installation intents, each with a
 * "created" audit event. Deterministic for a given département and `today` (ISO date); names,
 * RPPS and SIRET numbers are synthetic. Run it inside the caller's transaction.
 */
export async function seedRegistryDemo(
  manager: EntityManager,
  departementCode: string,
  users: { missionOfficerId: string; cdomId: string },
  today: string,
): Promise<RegistryDemoReport> {
  const random = new DemoRandom([...departementCode].reduce((h, c) => h * 31 + c.charCodeAt(0), 7_700));
  const importOn = addDays(addYears(today, -3), 15);
  const communeRows = await manager.getRepository(Commune).find({ where: { departementCode }, order: { code: 'ASC' } });
  if (communeRows.length === 0)
    throw new Error(`Aucune commune pour le département ${departementCode} : chargez le territoire d’abord.`);
  const communes = describeCommunes(communeRows, await currentZonages(manager, today));

  const sites = planSites(random, communes, today, importOn);
  const nextName = nameFactory(random);
  const nextRpps = rppsFactory(random);
  const people = planProfessionals(random, today, importOn, nextName, nextRpps);
  const members = linkProfessionals(random, sites, people);
  const extOnly = planSiteOffers(random, sites, members);
  const accreditations = planAccreditations(random, people, sites, members, extOnly, today, importOn);
  const ctx = {
    random,
    people,
    communes,
    nextName,
    nextRpps,
    missionOfficerId: users.missionOfficerId,
    today,
    importOn,
  };
  const referrals = planReferrals(ctx);
  const intents = planIntents(ctx);

  const { records: history, record } = creationLog();

  await insertBatched(
    manager,
    TrainingSite,
    sites.map(({ commune, createdOn, capacities: _, ...s }) => {
      const createdAt = record('missionOfficer', REGISTRY_AUDIT_TYPES.site, s.id, at(createdOn, random), {
        name: s.name,
        kind: s.kind,
        status: s.status,
        communeCode: commune.code,
      });
      const searchText = normalizeSearchText(`${s.name} ${commune.name}`);
      return {
        ...s,
        departementCode,
        postalCode: commune.postalCode,
        communeCode: commune.code,
        ...demoCoordinates(commune.code, s.name),
        searchText,
        createdAt,
        updatedAt: createdAt,
      };
    }),
  );
  const capacities = sites.flatMap((s) =>
    [...s.capacities].map(([stageType, places]) => ({ siteId: s.id, stageType, places })),
  );
  await insertBatched(manager, SiteCapacity, capacities);
  await insertBatched(
    manager,
    Professional,
    people.map((p) => {
      const since = p.events[p.events.length - 1].on;
      const createdAt = record(
        'missionOfficer',
        REGISTRY_AUDIT_TYPES.professional,
        p.id,
        new Date(`${p.events[0].on}T07:30:00Z`),
        { firstName: p.firstName, lastName: p.lastName, rpps: p.rpps, specialty: p.specialty },
      );
      return {
        ...pick(p, [
          'id',
          'civility',
          'firstName',
          'lastName',
          'rpps',
          'specialty',
          'practiceMode',
          'email',
          'phone',
          'firstInstallationYear',
          'contactConsent',
          'initialTrainingDate',
          'initialTrainingCycle',
        ]),
        departementCode,
        searchText: normalizeSearchText(`${p.lastName} ${p.firstName} ${p.rpps}`),
        profession: 'Médecin',
        msuStage: p.stage,
        msuStageSince: since,
        notes: null,
        createdAt,
        updatedAt: at(since, random),
      };
    }),
  );
  const links = people.flatMap((p) =>
    p.sites.map((s) => ({ professionalId: p.id, siteId: s.id, createdAt: new Date(`${p.events[0].on}T07:30:00Z`) })),
  );
  await insertBatched(manager, ProfessionalSite, links);
  const events = people.flatMap((p) =>
    p.events.map((e, i) => ({
      professionalId: p.id,
      fromStage: e.from,
      toStage: e.to,
      occurredOn: e.on,
      note: e.note,
      actorId: users.missionOfficerId,
      createdAt: new Date(Date.parse(`${e.on}T08:00:00Z`) + i * 60_000),
    })),
  );
  await insertBatched(manager, MsuStageEvent, events);
  const sessions = people.flatMap((p) =>
    p.sessions.map((s) => ({ professionalId: p.id, ...s, createdAt: at(s.date, random) })),
  );
  await insertBatched(manager, TrainingSession, sessions);
  await insertBatched(
    manager,
    Accreditation,
    accreditations.map(({ createdOn, ...a }) => {
      const createdAt = record('missionOfficer', REGISTRY_AUDIT_TYPES.accreditation, a.id, at(createdOn, random), {
        cycle: a.cycle,
        type: a.type,
        status: a.status,
        startDate: a.startDate,
        endDate: a.endDate,
      });
      return { ...a, departementCode, createdAt, updatedAt: createdAt };
    }),
  );
  await insertBatched(
    manager,
    CandidateReferral,
    referrals.map(({ followUps: _, ...r }) => {
      record('cdom', REGISTRY_AUDIT_TYPES.referral, r.id, r.createdAt, {
        firstName: r.firstName,
        lastName: r.lastName,
        priority: r.priority,
      });
      return {
        ...r,
        departementCode,
        referredById: users.cdomId,
        updatedAt: r.closedAt ?? r.lastFollowUpAt ?? r.createdAt,
      };
    }),
  );
  const followUps = referrals.flatMap((r) =>
    r.followUps.map((f) => ({ referralId: r.id, ...f, actorId: users.missionOfficerId })),
  );
  await insertBatched(manager, ReferralFollowUp, followUps);
  await insertBatched(
    manager,
    InstallationIntent,
    intents.map((i) => {
      record('cdom', REGISTRY_AUDIT_TYPES.intent, i.id, i.createdAt, {
        initials: i.initials,
        specialty: i.specialty,
        status: i.status,
      });
      return { ...i, departementCode, reportedById: users.cdomId, updatedAt: i.createdAt };
    }),
  );
  const auditEvents = await auditCreations(manager, departementCode, users, history);

  const byStatus: Record<SiteStatus, number> = { prospect: 0, active: 0, suspended: 0, closed: 0 };
  sites.forEach((s) => byStatus[s.status]++);
  return {
    sites: sites.length,
    sitesByStatus: byStatus,
    siteCommunes: new Set(sites.map((s) => s.commune.code)).size,
    capacities: capacities.length,
    professionals: people.length,
    supervisors: people.filter((p) => isSupervisor(p.stage)).length,
    professionalSites: links.length,
    stageEvents: events.length,
    trainingSessions: sessions.length,
    accreditations: accreditations.length,
    accreditationsExpiringSoon: accreditations.filter((a) => accreditationValidity(a, today) === 'expiring_soon')
      .length,
    referrals: referrals.length,
    openReferrals: referrals.filter((r) => !isReferralClosed(r.status)).length,
    referralFollowUps: followUps.length,
    installationIntents: intents.length,
    auditEvents,
  };
}

function pick<T, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, value[k]])) as Pick<T, K>;
}

/** The zonage in force on `today` per commune (the demo seed writes it first; may be empty). */
async function currentZonages(manager: EntityManager, today: string): Promise<Map<string, Zonage>> {
  const rows = await manager.getRepository(CommuneZonage).find({
    where: [{ validTo: IsNull() }, { validTo: MoreThanOrEqual(today) }],
    order: { validFrom: 'ASC' },
  });
  const open = rows.filter((z) => z.validFrom <= today);
  return new Map(open.map((z) => [z.communeCode, z.zonage]));
}
