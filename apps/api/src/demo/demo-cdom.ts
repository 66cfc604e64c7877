import { initialsOf, type IntentHorizon, type IntentStatus, type ReferralStatus } from '@maillage/shared/domain';

import type { InstallationIntent } from '../intents/installation-intent.entity';
import type { CandidateReferral } from '../referrals/candidate-referral.entity';
import { addDays, at, type DemoRandom, type Draft, maxDate, minDate, newId } from './demo-kit';
import { FACULTIES, type NameFactory } from './demo-names';
import { GP, type ProfessionalDraft } from './demo-people';
import { type DemoCommune, isUnderserved } from './demo-sites';

/** A referral of the story, dated, with its follow-up notes. */
export type ReferralDraft = Draft<CandidateReferral, 'professional' | 'referredById' | 'referredBy' | 'assignedTo'> & {
  createdAt: Date;
  followUps: { occurredAt: Date; note: string }[];
};

/** An installation intent of the story, dated. */
export type IntentDraft = Draft<InstallationIntent, 'professional' | 'reportedById' | 'reportedBy'> & {
  createdAt: Date;
};

export interface CdomContext {
  random: DemoRandom;
  people: readonly ProfessionalDraft[];
  communes: readonly DemoCommune[];
  nextName: NameFactory;
  nextRpps: () => string;
  missionOfficerId: string;
  today: string;
  importOn: string;
}

const REASONS = [
  'Médecin installé depuis plusieurs années en exercice coordonné ; a exprimé son intérêt pour l’accueil d’internes lors d’une réunion du CDOM.',
  'Ancien interne du DMG installé dans une commune sous-dotée ; souhaite transmettre son expérience.',
  'Cabinet récemment agrandi : un bureau pourrait être dédié à un interne.',
  'A accueilli des externes dans un autre département ; souhaite reprendre l’accueil en Seine-et-Marne.',
  'Signalé par un confrère maître de stage de la même maison de santé.',
  'Rencontré lors de la soirée d’accueil des nouveaux installés organisée par le CDOM.',
];
const FOLLOW_UPS = [
  'Appel au praticien : présentation du rôle de MSU et des indemnités.',
  'Rendez-vous au cabinet avec la chargée de mission.',
  'Envoi de la documentation sur la formation initiale MSU.',
  'Relance par courriel.',
  'Échange avec le CDOM sur le signalement.',
];
const SUPPORT = [
  'Présentation de l’aide à l’installation (10 000 € en ZIP, 5 000 € en ZAC) et mise en relation avec la MSP locale.',
  'Visite de locaux disponibles avec la commune ; information sur l’aide au logement.',
  'Mise en relation avec un maître de stage du secteur pour des remplacements avant installation.',
];

/** Under-served communes of some size (any commune if the zonage says none is). */
function targetCommunes(communes: readonly DemoCommune[], minPopulation: number): readonly DemoCommune[] {
  const targets = communes.filter((c) => isUnderserved(c) && c.population >= minPopulation);
  return targets.length > 0 ? targets : communes;
}

/** ~20 referrals by the CDOM: a dozen open (some high priority, some without news for over 30 days), the rest closed. */
export function planReferrals(ctx: CdomContext): ReferralDraft[] {
  const { random, people, today, importOn } = ctx;
  const used = new Set<string>();
  const pickPeople = (n: number, fits: (p: ProfessionalDraft) => boolean) => {
    const chosen = random.shuffle(people.filter((p) => fits(p) && !used.has(p.id))).slice(0, n);
    chosen.forEach((p) => used.add(p.id));
    return chosen;
  };
  const underserved = targetCommunes(ctx.communes, 1_000);
  const fromPerson = (p: ProfessionalDraft) => ({
    professionalId: p.id,
    civility: p.civility,
    firstName: p.firstName,
    lastName: p.lastName,
    rpps: p.rpps,
    specialty: p.specialty,
    communeCode: p.sites[0]?.commune.code ?? random.pick(underserved).code,
  });
  const fromNobody = () => {
    const { firstName, lastName } = ctx.nextName();
    const rpps = random.chance(0.6) ? ctx.nextRpps() : null;
    return {
      professionalId: null,
      civility: 'DR' as const,
      firstName,
      lastName,
      rpps,
      specialty: GP,
      communeCode: random.pick(underserved).code,
    };
  };
  const referral = (
    identity: ReturnType<typeof fromNobody> | ReturnType<typeof fromPerson>,
    status: ReferralStatus,
    created: string,
  ): ReferralDraft => ({
    id: newId(),
    ...identity,
    reason: random.pick(REASONS),
    priority: random.chance(0.15) ? 'low' : 'normal',
    status,
    assignedToId: status === 'new' ? null : ctx.missionOfficerId,
    lastFollowUpAt: null,
    closedAt: null,
    outcomeNote: null,
    createdAt: at(created, random),
    followUps: [],
  });
  const follow = (r: ReferralDraft, dates: string[]) => {
    r.followUps = dates.sort().map((d) => ({ occurredAt: at(d, random), note: random.pick(FOLLOW_UPS) }));
    r.lastFollowUpAt = r.followUps.length > 0 ? r.followUps[r.followUps.length - 1].occurredAt : null;
  };
  const between = (from: string, to: string, n: number) =>
    Array.from({ length: n }, () =>
      addDays(from, random.int(1, Math.max(1, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) - 1))),
    );
  const rows: ReferralDraft[] = [];

  const converted = pickPeople(
    4,
    (p) =>
      ['interested', 'in_training', 'file_submitted', 'accredited'].includes(p.stage) &&
      p.events[0].to === 'identified' &&
      p.events[0].on > addDays(importOn, 60),
  );
  for (const p of converted) {
    const closed = p.events[0].on;
    const r = referral(fromPerson(p), 'converted', addDays(closed, -random.int(15, 50)));
    follow(r, between(r.createdAt.toISOString().slice(0, 10), closed, random.int(1, 2)));
    Object.assign(r, {
      closedAt: at(closed, random),
      outcomeNote: 'Converti : le praticien entre dans le parcours MSU.',
    });
    p.events[0].note = 'Signalé par le CDOM 77 ; entré dans le parcours MSU.';
    rows.push(r);
  }
  for (const p of pickPeople(2, (p) => p.stage === 'declined' && p.events[0].on > addDays(importOn, 40))) {
    const closed = p.events[p.events.length - 1].on;
    const r = referral(fromPerson(p), 'declined', addDays(p.events[0].on, -random.int(5, 30)));
    follow(r, between(r.createdAt.toISOString().slice(0, 10), closed, 2));
    Object.assign(r, {
      closedAt: at(closed, random),
      outcomeNote:
        'Le praticien ne souhaite pas accueillir d’interne pour le moment (charge de travail) ; à recontacter dans un an.',
    });
    rows.push(r);
  }
  for (const note of [
    `Installé depuis moins de trois ans : condition d’exercice non remplie, à recontacter en ${Number(today.slice(0, 4)) + 1}.`,
    'Exerce hors du département : signalement transmis au conseil départemental de l’Ordre concerné.',
  ]) {
    const r = referral(fromNobody(), 'not_eligible', addDays(today, -random.int(90, 400)));
    const closed = addDays(r.createdAt.toISOString().slice(0, 10), random.int(10, 40));
    follow(r, between(r.createdAt.toISOString().slice(0, 10), closed, 1));
    Object.assign(r, { closedAt: at(closed, random), outcomeNote: note });
    rows.push(r);
  }

  const known = pickPeople(6, (p) => p.scenario === 'none' && (p.stage === 'identified' || p.stage === 'contacted'));
  const identity = () =>
    known.length > 0 && random.chance(0.55) ? fromPerson(known.shift() as ProfessionalDraft) : fromNobody();
  const open: ReferralDraft[] = [
    referral(identity(), 'new', addDays(today, -random.int(1, 12))),
    referral(identity(), 'new', addDays(today, -random.int(2, 20))),
    referral(identity(), 'new', addDays(today, -random.int(35, 55))),
    referral(identity(), 'new', addDays(today, -random.int(40, 70))),
  ];
  for (let i = 0; i < 4; i++) {
    const r = referral(identity(), 'assigned', addDays(today, -random.int(10, 60)));
    follow(r, i < 2 ? [addDays(r.createdAt.toISOString().slice(0, 10), random.int(1, 5))] : []);
    open.push(r);
  }
  for (let i = 0; i < 4; i++) {
    const created = addDays(today, -random.int(60, 150));
    const r = referral(identity(), 'in_progress', created);
    const last = i < 2 ? addDays(today, -random.int(2, 20)) : addDays(today, -random.int(35, 50));
    follow(r, [...between(created, last, random.int(1, 2)), last]);
    open.push(r);
  }
  [open[0], open[4], open[8]].forEach((r) => (r.priority = 'high'));
  return [...rows, ...open];
}

/** ~25 installation intents reported by the CDOM; without consent only initials are kept. */
export function planIntents(ctx: CdomContext): IntentDraft[] {
  const { random, today, importOn } = ctx;
  const targets = targetCommunes(ctx.communes, 1_500);
  const targetCodes = (first?: string) => {
    const codes = new Set(first ? [first] : []);
    const n = Math.min(random.int(1, 3), targets.length);
    while (codes.size < n) codes.add(random.weighted(targets, (c) => Math.sqrt(c.population)).code);
    return [...codes];
  };
  const settled = ctx.people.filter((p) => p.scenario === 'newcomer');
  const plan: IntentStatus[] = [
    ...Array<IntentStatus>(3).fill('abandoned'),
    ...Array<IntentStatus>(8).fill('in_discussion'),
    ...Array<IntentStatus>(9).fill('intention'),
  ];
  const consenting = new Set(random.shuffle(plan.map((_, i) => i)).slice(0, 12));
  const rows: IntentDraft[] = settled.map((p) => ({
    id: newId(),
    consent: true,
    firstName: p.firstName,
    lastName: p.lastName,
    initials: initialsOf(p.firstName, p.lastName),
    specialty: p.specialty,
    faculty: random.pick(FACULTIES),
    targetCommuneCodes: targetCodes(p.sites[0]?.commune.code),
    horizon: 'lt_6_months',
    status: 'settled',
    supportOffered: random.pick(SUPPORT),
    professionalId: p.id,
    settledOn: p.settledOn,
    notes: 'Installé ; fiche professionnelle créée dans le répertoire.',
    createdAt: at(maxDate(importOn, addDays(p.settledOn as string, -random.int(90, 300))), random),
  }));
  plan.forEach((status, i) => {
    const { firstName, lastName } = ctx.nextName();
    const consent = consenting.has(i);
    const horizons: IntentHorizon[] =
      status === 'in_discussion' ? ['lt_6_months', '6_12_months'] : ['6_12_months', '1_2_years', 'gt_2_years'];
    rows.push({
      id: newId(),
      consent,
      firstName: consent ? firstName : null,
      lastName: consent ? lastName : null,
      initials: initialsOf(firstName, lastName),
      specialty: random.chance(0.8) ? GP : random.pick(['Pédiatrie', 'Psychiatrie', 'Gynécologie médicale']),
      faculty: random.pick(FACULTIES),
      targetCommuneCodes: targetCodes(),
      horizon: random.pick(horizons),
      status,
      supportOffered:
        status === 'intention'
          ? random.chance(0.4)
            ? 'Documentation sur les aides transmise.'
            : null
          : random.pick(SUPPORT),
      professionalId: null,
      settledOn: null,
      notes:
        status === 'abandoned'
          ? random.pick([
              'Projet abandonné : installation dans un autre département.',
              'Projet reporté : poursuite en exercice hospitalier.',
            ])
          : status === 'intention'
            ? 'Interne en dernière année, stage ambulatoire effectué en Seine-et-Marne.'
            : null,
      createdAt: at(minDate(today, maxDate(importOn, addDays(today, -random.int(5, 500)))), random),
    });
  });
  return rows;
}
