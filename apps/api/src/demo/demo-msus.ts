import {
  type AccreditationType,
  addYears,
  type Cycle,
  defaultEndDate,
  isSupervisor,
  type Phase,
  type StageType,
} from '@maillage/shared/domain';

import type { Accreditation } from '../accreditations/accreditation.entity';
import { addDays, type DemoRandom, type Draft, maxDate, minDate, newId } from './demo-kit';
import { AUTHORITY_2ND_CYCLE, AUTHORITY_3RD_CYCLE } from './demo-names';
import { GP, type ProfessionalDraft } from './demo-people';
import { isUnderserved, pickDoctorJuniorSites, planCapacities, type SiteDraft, siteNotes } from './demo-sites';

/** An accreditation of the story, with the day it was entered. */
export type AccreditationDraft = Draft<Accreditation, 'professional' | 'renewsId'> & { createdOn: string };

const BIG: readonly string[] = ['msp', 'centre_sante', 'cabinet_groupe', 'maison_sante_departementale'];
const SALARIED: readonly string[] = ['centre_sante', 'pmi', 'maison_sante_departementale'];
const PHASE_OF: Readonly<Record<StageType, Phase | null>> = {
  EXT_MG: null,
  N1: 'socle',
  SAFE: 'approfondissement',
  LIBRE: 'approfondissement',
  SASPAS: 'approfondissement',
  DJ_MG: 'consolidation',
};

/**
 * Who practises where: every hosting site has at least one MSU (some MSUs work at two sites),
 * prospects host professionals on their way to accreditation, other professionals are spread.
 */
export function linkProfessionals(
  random: DemoRandom,
  sites: readonly SiteDraft[],
  people: readonly ProfessionalDraft[],
): Map<string, ProfessionalDraft[]> {
  const members = new Map<string, ProfessionalDraft[]>(sites.map((s) => [s.id, []]));
  const link = (p: ProfessionalDraft | undefined, s: SiteDraft) => {
    if (!p || p.sites.includes(s)) return;
    p.sites.push(s);
    members.get(s.id)?.push(p);
  };
  const room = (s: SiteDraft, max = 4) => (members.get(s.id)?.length ?? 0) < max;
  const pool = random.shuffle(people.filter((p) => isSupervisor(p.stage)));
  const take = (fits: (p: ProfessionalDraft) => boolean) => {
    const i = pool.findIndex(fits);
    return i < 0 ? undefined : pool.splice(i, 1)[0];
  };
  const isGp = (p: ProfessionalDraft) => p.specialty === GP;
  const hosting = random.shuffle(sites.filter((s) => s.status === 'active' || s.status === 'suspended'));
  const active = hosting.filter((s) => s.status === 'active');
  const secondMsu = (s: SiteDraft) => {
    const free = people.filter(
      (p) => p.stage === 'active' && isGp(p) && p.sites.length === 1 && p.sites[0].kind !== 'pmi' && p.sites[0] !== s,
    );
    const near = free.filter((p) => p.sites[0].commune.area === s.commune.area);
    return near.length > 0 ? random.pick(near) : free.length > 0 ? random.pick(free) : undefined;
  };

  for (const s of hosting.filter((h) => h.kind === 'pmi')) {
    link(take((p) => p.specialty === 'Pédiatrie' || p.specialty === 'Gynécologie médicale') ?? take(isGp), s);
  }
  for (const s of hosting.filter((h) => h.status === 'suspended'))
    link(take((p) => p.stage === 'accredited' && isGp(p)) ?? take(isGp), s);
  for (const s of hosting.filter((h) => members.get(h.id)?.length === 0)) link(take(isGp) ?? secondMsu(s), s);
  const big = active.filter((s) => BIG.includes(s.kind));
  const roomIn = (candidates: readonly SiteDraft[]) => {
    const open = candidates.filter((s) => room(s));
    return random.pick(open.length > 0 ? open : active);
  };
  while (pool.length > 0) link(pool.shift(), roomIn(big));
  for (let i = 0; i < 24; i++) {
    const s = random.pick(big);
    if (room(s, 3)) link(secondMsu(s), s);
  }

  const onTheWay = random.shuffle(
    people.filter((p) => ['file_submitted', 'in_training', 'interested'].includes(p.stage)),
  );
  for (const s of sites.filter((x) => x.status === 'prospect')) {
    for (let n = random.int(1, 2); n > 0; n--) link(onTheWay.shift(), s);
  }
  onTheWay.filter(() => random.chance(0.5)).forEach((p) => link(p, roomIn(active)));
  const welcoming = active.filter((s) => BIG.includes(s.kind) && isUnderserved(s.commune));
  people
    .filter((p) => p.scenario === 'newcomer')
    .forEach((p) => link(p, random.pick(welcoming.length > 0 ? welcoming : active)));
  people
    .filter(
      (p) => p.scenario === 'none' && ['identified', 'contacted', 'declined'].includes(p.stage) && random.chance(0.25),
    )
    .forEach((p) => link(p, roomIn(active)));
  const retired = people.filter((p) => p.scenario === 'retired_expired');
  sites.filter((s) => s.status === 'closed').forEach((s, i) => link(retired[i], s));

  for (const p of people) {
    const salaried = p.sites.map((s) => SALARIED.includes(s.kind));
    if (salaried.length === 0)
      p.practiceMode = random.chance(0.8) ? 'liberal' : random.chance(0.6) ? 'salarie' : 'mixte';
    else
      p.practiceMode = salaried.every(Boolean)
        ? 'salarie'
        : salaried.some(Boolean)
          ? 'mixte'
          : random.chance(0.08)
            ? 'mixte'
            : 'liberal';
  }
  return members;
}

/** Capacities from the supervisors present, docteur junior places, notes. Returns the sites hosting externes only. */
export function planSiteOffers(
  random: DemoRandom,
  sites: readonly SiteDraft[],
  members: ReadonlyMap<string, ProfessionalDraft[]>,
): Set<string> {
  const extOnly = new Set<string>();
  for (const s of sites) {
    const msus = (members.get(s.id) ?? []).filter((p) => isSupervisor(p.stage));
    if (
      planCapacities(
        random,
        s,
        msus.map((p) => p.specialty),
      ).extOnly
    )
      extOnly.add(s.id);
  }
  pickDoctorJuniorSites(random, sites);
  sites.forEach((s) => (s.notes = siteNotes(random, s)));
  return extOnly;
}

function frenchDate(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/** One accreditation per MSU (plus renewals, withdrawals, pending files), and site accreditations. */
export function planAccreditations(
  random: DemoRandom,
  people: readonly ProfessionalDraft[],
  sites: readonly SiteDraft[],
  members: ReadonlyMap<string, ProfessionalDraft[]>,
  extOnly: ReadonlySet<string>,
  today: string,
  importOn: string,
): AccreditationDraft[] {
  const rows: AccreditationDraft[] = [];
  let renewals = 0;
  const createdOn = (start: string) =>
    minDate(addDays(today, -1), maxDate(addDays(importOn, random.int(0, 40)), addDays(start, -random.int(10, 60))));
  const base = (cycle: Cycle, stageTypes: StageType[], start: string | null) => ({
    id: newId(),
    cycle,
    stageTypes,
    phases: [...new Set(stageTypes.map((t) => PHASE_OF[t]).filter((x) => x !== null))],
    authority: cycle === '2' ? AUTHORITY_2ND_CYCLE : AUTHORITY_3RD_CYCLE,
    startDate: start,
    endDate: start === null ? null : defaultEndDate(start, cycle, false),
    reference:
      start === null
        ? null
        : `${cycle === '2' ? 'UPEC-DMG' : 'ARS-IDF-DOS'}-${start.slice(0, 4)}-${random.int(100, 2_999)}`,
    afterWithdrawal: false,
    notes: null as string | null,
    createdOn: start === null ? addDays(today, -random.int(5, 60)) : createdOn(start),
  });

  for (const p of people) {
    const site = p.sites[0];
    if (!p.accreditationStart && p.scenario !== 'pending') continue;
    const caps = site?.capacities ?? new Map<StageType, number>();
    const gpMsus = (members.get(site?.id ?? '') ?? []).filter((m) => m.specialty === GP && isSupervisor(m.stage));
    const external =
      site !== undefined &&
      (extOnly.has(site.id) || (caps.has('EXT_MG') && gpMsus.length >= 2 && gpMsus[gpMsus.length - 1] === p));
    const cycle: Cycle = external ? '2' : '3';
    const recent = p.accreditationStart !== null && p.accreditationStart >= addYears(today, -1);
    let stageTypes: StageType[] = ['EXT_MG'];
    if (cycle === '3' && p.specialty !== GP) stageTypes = site?.kind === 'pmi' ? ['SAFE', 'LIBRE'] : ['LIBRE'];
    else if (cycle === '3') {
      stageTypes = (['N1', 'SASPAS', 'SAFE', 'DJ_MG'] as const).filter(
        (t) => caps.has(t) && (t !== 'DJ_MG' || recent) && (t !== 'SAFE' || random.chance(0.7)),
      );
      if (stageTypes.length === 0) stageTypes = [site?.kind === 'pmi' ? 'SAFE' : 'N1'];
    }
    p.initialTrainingCycle = p.initialTrainingDate === null ? null : cycle;
    const type: AccreditationType =
      p.specialty !== GP
        ? random.pick(['fonctionnel', 'complementaire'])
        : random.chance(0.9)
          ? 'principal'
          : 'complementaire';
    const maxStudents = stageTypes.includes('SASPAS') ? random.int(2, 3) : random.chance(0.15) ? 3 : random.int(1, 2);
    const row: AccreditationDraft = {
      ...base(cycle, stageTypes, p.accreditationStart),
      professionalId: p.id,
      siteId: null,
      type,
      maxStudents,
      status: 'granted',
    };
    rows.push(row);
    switch (p.scenario) {
      case 'expired':
      case 'retired_expired':
        row.status = 'expired';
        row.notes = p.scenario === 'expired' ? 'Renouvellement à demander.' : 'Praticien parti en retraite.';
        if (p.scenario === 'expired' && renewals++ < 2) {
          const renewal = {
            ...row,
            ...base(cycle, stageTypes, null),
            status: 'under_review' as const,
            notes: 'Demande de renouvellement en cours d’instruction.',
          };
          renewal.createdOn = minDate(addDays(today, -1), addDays(row.endDate as string, random.int(-30, 20)));
          rows.push(renewal);
          row.notes = 'Renouvellement demandé.';
        }
        break;
      case 'conditional': {
        const withdrawnOn = p.withdrawnOn as string;
        const first = base(
          cycle,
          stageTypes.filter((t) => t !== 'DJ_MG'),
          p.formerStart,
        );
        rows.push({
          ...row,
          ...first,
          endDate: withdrawnOn,
          status: 'withdrawn',
          notes: 'Agrément retiré : conditions d’encadrement non réunies.',
        });
        row.afterWithdrawal = true;
        row.status = 'conditional';
        row.endDate = defaultEndDate(p.accreditationStart as string, cycle, true);
        row.notes = 'Agrément conditionnel d’un an après retrait.';
        break;
      }
      case 'pending': {
        const submitted = p.events[p.events.length - 1].on;
        row.status = random.chance(0.6) ? 'under_review' : 'requested';
        row.createdOn = submitted;
        row.notes = `Dossier déposé le ${frenchDate(submitted)}.`;
        break;
      }
    }
  }

  const accreditedSites = [
    ...sites.filter((s) => s.status === 'active' && (s.kind === 'pmi' || s.kind === 'maison_sante_departementale')),
    ...random
      .shuffle(sites.filter((s) => s.status === 'active' && s.kind === 'msp' && s.capacities.has('N1')))
      .slice(0, 6),
  ];
  for (const s of accreditedSites) {
    const stageTypes = [...s.capacities.keys()].filter((t) => t !== 'EXT_MG' && t !== 'DJ_MG');
    if (stageTypes.length === 0) continue;
    const places = stageTypes.reduce((sum, t) => sum + (s.capacities.get(t) ?? 0), 0);
    const start = addDays(today, -random.int(60, 1_400));
    rows.push({
      ...base('3', stageTypes, start),
      professionalId: null,
      siteId: s.id,
      type: 'principal',
      maxStudents: Math.min(3, Math.max(1, places)),
      status: 'granted',
    });
  }
  for (const s of sites.filter((x) => x.status === 'prospect' && x.kind === 'maison_sante_departementale')) {
    rows.push({
      ...base('3', ['N1'], null),
      professionalId: null,
      siteId: s.id,
      type: 'principal',
      maxStudents: 2,
      status: 'requested',
      notes: 'Demande d’agrément du site en préparation.',
    });
  }
  return rows;
}
