import {
  addYears,
  type Civility,
  type Cycle,
  type MsuStage,
  normalizeSearchText,
  type PracticeMode,
} from '@maillage/shared/domain';

import { addDays, type DemoRandom, maxDate, newId } from './demo-kit';
import { type NameFactory, TRAINING_TITLES } from './demo-names';
import { timeline } from './demo-pipeline';
import type { SiteDraft } from './demo-sites';

/** How a professional's story goes; it fixes its stage, its dates and its accreditations. */
export type Scenario =
  | 'regular' // active MSU, accreditation valid beyond the alert window
  | 'expiring' // active MSU whose accreditation ends within 6 months
  | 'recent' // accredited in the last months, first intern to come
  | 'expired' // accreditation ended lately, not renewed yet
  | 'conditional' // accreditation withdrawn, then granted again for one year
  | 'pending' // accreditation file submitted
  | 'retired_expired' // former MSU gone into retirement
  | 'newcomer' // settled in the last months (an installation intent of the CDOM)
  | 'none';

export interface StageEventDraft {
  from: MsuStage | null;
  to: MsuStage;
  on: string;
  note: string;
}

export interface ProfessionalDraft {
  id: string;
  civility: Civility;
  firstName: string;
  lastName: string;
  rpps: string;
  specialty: string;
  practiceMode: PracticeMode;
  email: string | null;
  phone: string | null;
  firstInstallationYear: number;
  contactConsent: boolean;
  stage: MsuStage;
  scenario: Scenario;
  events: StageEventDraft[];
  /** Start of the current (or last) accreditation, when there is one. */
  accreditationStart: string | null;
  withdrawnOn: string | null;
  /** Start of the accreditation later withdrawn (`conditional` scenario). */
  formerStart: string | null;
  settledOn: string | null;
  initialTrainingDate: string | null;
  initialTrainingCycle: Cycle | null;
  sessions: { date: string; hours: number; title: string }[];
  sites: SiteDraft[];
}

export const GP = 'Médecine générale';

/** 250 professionals: 88 MSUs (62 active, 26 accredited) and the rest of the pipeline. */
const PLAN: readonly [MsuStage, Scenario, number][] = [
  ['active', 'regular', 52],
  ['active', 'expiring', 10],
  ['accredited', 'recent', 20],
  ['accredited', 'expired', 3],
  ['accredited', 'conditional', 3],
  ['file_submitted', 'pending', 10],
  ['in_training', 'none', 14],
  ['interested', 'none', 16],
  ['contacted', 'none', 20],
  ['identified', 'newcomer', 5],
  ['identified', 'none', 55],
  ['declined', 'none', 22],
  ['retired', 'retired_expired', 5],
  ['retired', 'none', 15],
];

function initialTraining(random: DemoRandom, p: ProfessionalDraft, today: string): string | null {
  const training = p.events.find((e) => e.to === 'in_training');
  if (training) {
    const next = p.events[p.events.indexOf(training) + 1]?.on ?? today;
    const date = addDays(training.on, random.int(0, 30));
    return date <= next ? date : training.on;
  }
  const start = p.accreditationStart;
  if (start === null || p.scenario === 'retired_expired') return null;
  const firstStart = p.formerStart ?? start;
  return addDays(firstStart, -random.int(90, 270));
}

/** Hours of continuing training sessions, on target (21 h) or behind. */
const ON_TARGET = ['7 7 7', '7 7 3.5 3.5', '3.5 7 7 7', '3.5 3.5 7 3.5 3.5'];
const BEHIND = ['', '3.5', '7', '7 3.5', '7 7'];

/** Continuing training: most established MSUs reach 21 h over 5 years, a few lag behind. */
function continuingTraining(random: DemoRandom, p: ProfessionalDraft, today: string): ProfessionalDraft['sessions'] {
  if (p.stage !== 'active' && p.stage !== 'accredited') return [];
  const plan = random
    .pick(random.chance(p.scenario === 'recent' ? 0.65 : 0.9) ? ON_TARGET : BEHIND)
    .split(' ')
    .filter(Boolean)
    .map(Number);
  const from = maxDate(addDays(addYears(today, -5), 30), p.initialTrainingDate ?? addYears(today, -5));
  const span = Math.max(1, Math.round((Date.parse(today) - Date.parse(from)) / 86_400_000) - 7);
  const dates = plan.map(() => addDays(from, random.int(1, span))).sort();
  return plan.map((hours, i) => ({ date: dates[i], hours, title: random.pick(TRAINING_TITLES) }));
}

export function planProfessionals(
  random: DemoRandom,
  today: string,
  importOn: string,
  nextName: NameFactory,
  nextRpps: () => string,
): ProfessionalDraft[] {
  const year = Number(today.slice(0, 4));
  const people = PLAN.flatMap(([stage, scenario, count]) =>
    Array.from({ length: count }, (): ProfessionalDraft => {
      const { female, firstName, lastName } = nextName();
      const consent = random.chance(
        stage === 'declined' ? 0.6 : stage === 'retired' ? 0.5 : scenario === 'none' ? 0.82 : 0.95,
      );
      const slug = (name: string) => normalizeSearchText(name).replace(/ /g, '-');
      return {
        id: newId(),
        civility: random.chance(0.7) ? 'DR' : female ? 'MME' : 'M',
        firstName,
        lastName,
        rpps: nextRpps(),
        specialty: GP,
        practiceMode: 'liberal',
        email: consent && random.chance(0.7) ? `${slug(firstName)}.${slug(lastName)}@demo.maillage.fr` : null,
        phone: consent && random.chance(0.8) ? `01 99 00 ${random.int(10, 99)} ${random.int(10, 99)}` : null,
        firstInstallationYear:
          stage === 'retired'
            ? random.int(1990, 1996)
            : random.bell(2006, 16, 1990, year - (stage === 'active' || stage === 'accredited' ? 6 : 1)),
        contactConsent: consent,
        stage,
        scenario,
        events: [],
        accreditationStart: null,
        withdrawnOn: null,
        formerStart: null,
        settledOn: null,
        initialTrainingDate: null,
        initialTrainingCycle: null,
        sessions: [],
        sites: [],
      };
    }),
  );
  const specialists = (pool: ProfessionalDraft[], counts: Record<string, number>) => {
    const order = random.shuffle(pool);
    for (const [specialty, n] of Object.entries(counts)) order.splice(0, n).forEach((p) => (p.specialty = specialty));
  };
  specialists(
    people.filter((p) => p.scenario === 'regular'),
    { Pédiatrie: 3, 'Gynécologie médicale': 2, Psychiatrie: 2, Gériatrie: 1 },
  );
  specialists(
    people.filter((p) => p.scenario === 'none'),
    { Pédiatrie: 8, 'Gynécologie médicale': 6, Psychiatrie: 6, Gériatrie: 4 },
  );
  for (const p of people) {
    timeline(random, p, today, importOn);
    p.initialTrainingDate = initialTraining(random, p, today);
    if (p.initialTrainingDate !== null && p.initialTrainingDate > today) p.initialTrainingDate = null;
    p.sessions = continuingTraining(random, p, today);
    if (p.accreditationStart)
      p.firstInstallationYear = Math.min(p.firstInstallationYear, Number(p.accreditationStart.slice(0, 4)) - 3);
  }
  return people;
}
