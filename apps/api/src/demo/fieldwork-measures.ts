import {
  ACCESS_ISSUE_CATEGORIES,
  type AccessIssueCategory,
  type MeasureStatus,
  type MeasureType,
} from '@maillage/shared/domain';

import { addDays, daysBetween, type DemoRandom, minDate, newId } from './demo-kit';
import type { FieldSite } from './fieldwork-texts';
import { ISSUE_TEXTS, RESOLUTIONS, WONT_FIX } from './fieldwork-texts';
import { type IssueDraft, severityOf } from './fieldwork-visits';

export const ISSUE_COUNT = 80;
const OPEN_ISSUES = 45;

const WEIGHTS: Readonly<Record<AccessIssueCategory, number>> = {
  public_transport: 4,
  distance: 3,
  housing: 5,
  parking: 2,
  premises: 2,
  it: 3,
  supervision: 1.5,
  pay: 1.5,
  safety: 1,
  other: 1,
};

/**
 * Completes the visits' issues up to 80 with issues reported by interns, MSUs and the CDOM (every
 * category present, housing, transport, distance and IT first), then closes the older ones.
 */
export function completeIssues(
  random: DemoRandom,
  sites: readonly FieldSite[],
  fromVisits: readonly IssueDraft[],
  today: string,
): IssueDraft[] {
  const issues = [...fromVisits.slice(0, 55)];
  const hosting = sites.filter((s) => s.status !== 'prospect');
  while (issues.length < ISSUE_COUNT) {
    const missing = ACCESS_ISSUE_CATEGORIES.find((c) => !issues.some((i) => i.category === c));
    const category = missing ?? random.weighted(ACCESS_ISSUE_CATEGORIES, (c) => WEIGHTS[c]);
    const rural = ['housing', 'public_transport', 'distance'].includes(category);
    const pool = rural && hosting.some((s) => s.rural) ? hosting.filter((s) => s.rural) : hosting;
    issues.push({
      id: newId(),
      site: random.pick(pool),
      category,
      severity: severityOf(random, category),
      description: random.pick(ISSUE_TEXTS[category]),
      source: random.weighted(['intern', 'msu', 'cdom'] as const, (s) => (s === 'intern' ? 5 : s === 'msu' ? 3 : 2)),
      raisedOn: addDays(today, -random.int(1, 365)),
      visitId: null,
      status: 'open',
      closedOn: null,
      resolution: null,
    });
  }
  // The oldest are the likeliest to be closed; nothing raised in the last three weeks is.
  const closable = issues
    .filter((i) => daysBetween(i.raisedOn, today) > 21)
    .sort((a, b) => a.raisedOn.localeCompare(b.raisedOn));
  const toClose: IssueDraft[] = [];
  for (const chance of [0.75, 1]) {
    for (const issue of closable) {
      if (toClose.length < ISSUE_COUNT - OPEN_ISSUES && !toClose.includes(issue) && random.chance(chance)) {
        toClose.push(issue);
      }
    }
  }
  for (const issue of toClose) {
    const wontFix = random.chance(0.2);
    issue.status = wontFix ? 'wont_fix' : 'resolved';
    issue.closedOn = minDate(addDays(issue.raisedOn, random.int(10, 150)), addDays(today, -1));
    issue.resolution = wontFix ? random.pick(WONT_FIX) : random.pick(RESOLUTIONS[issue.category]);
  }
  for (const issue of issues) if (issue.status === 'open' && random.chance(0.4)) issue.status = 'in_progress';
  return issues;
}

export interface MeasureDraft {
  id: string;
  type: MeasureType;
  name: string;
  description: string;
  budgetPlanned: number;
  budgetCommitted: number;
  startDate: string | null;
  endDate: string | null;
  status: MeasureStatus;
  indicators: { name: string; target: number | null; value: number | null; unit?: string }[];
  /** The categories of issues it acts on, and the communes it concerns first. */
  categories: readonly AccessIssueCategory[];
  towns: readonly string[];
  sites: FieldSite[];
  issues: IssueDraft[];
}

type MeasureSpec = Omit<MeasureDraft, 'id' | 'sites' | 'issues' | 'startDate' | 'endDate'> & {
  /** Days from today to the start and the end. */
  start: number;
  end: number | null;
};

const PROVINS = '77379';
const COULOMMIERS = '77131';

const MEASURES: readonly MeasureSpec[] = [
  {
    type: 'intern_house',
    name: 'Maison des internes de Provins',
    description: 'Six logements meublés pour les internes en stage dans le Provinois, gérés avec la commune.',
    budgetPlanned: 180_000,
    budgetCommitted: 126_500,
    start: -320,
    end: 410,
    status: 'active',
    indicators: [
      { name: 'Logements disponibles', target: 6, value: 4, unit: 'logements' },
      { name: 'Taux d’occupation', target: 80, value: 67, unit: '%' },
    ],
    categories: ['housing'],
    towns: [PROVINS],
  },
  {
    type: 'intern_house',
    name: 'Maison des internes de Coulommiers',
    description: 'Projet de colocation pour quatre internes, en lien avec la communauté d’agglomération.',
    budgetPlanned: 150_000,
    budgetCommitted: 0,
    start: 120,
    end: 850,
    status: 'planned',
    indicators: [{ name: 'Logements prévus', target: 4, value: 0, unit: 'logements' }],
    categories: ['housing'],
    towns: [COULOMMIERS],
  },
  {
    type: 'housing_aid',
    name: 'Aide départementale au logement des internes',
    description: 'Participation au loyer des internes en stage en zone d’intervention prioritaire ou complémentaire.',
    budgetPlanned: 60_000,
    budgetCommitted: 41_200,
    start: -420,
    end: 310,
    status: 'active',
    indicators: [{ name: 'Internes aidés', target: 40, value: 27, unit: 'internes' }],
    categories: ['housing'],
    towns: [],
  },
  {
    type: 'transport_aid',
    name: 'Indemnité kilométrique complémentaire',
    description: 'Complément aux indemnités de transport pour les terrains éloignés du CHU et du domicile.',
    budgetPlanned: 45_000,
    budgetCommitted: 30_800,
    start: -380,
    end: 350,
    status: 'active',
    indicators: [{ name: 'Internes bénéficiaires', target: 35, value: 22, unit: 'internes' }],
    categories: ['distance', 'pay'],
    towns: [],
  },
  {
    type: 'transport_aid',
    name: 'Navette gare – maisons de santé de la Brie',
    description: 'Transport à la demande aux horaires de stage depuis les gares de la ligne P.',
    budgetPlanned: 24_000,
    budgetCommitted: 23_100,
    start: -400,
    end: -40,
    status: 'completed',
    indicators: [{ name: 'Trajets assurés', target: 300, value: 284, unit: 'trajets' }],
    categories: ['public_transport'],
    towns: [],
  },
  {
    type: 'equipment_funding',
    name: 'Financement de postes informatiques et de licences',
    description:
      'Poste, écran et licence du logiciel métier pour l’étudiant dans les cabinets accueillant pour la première fois.',
    budgetPlanned: 35_000,
    budgetCommitted: 28_400,
    start: -300,
    end: 60,
    status: 'active',
    indicators: [{ name: 'Cabinets équipés', target: 20, value: 14, unit: 'cabinets' }],
    categories: ['it'],
    towns: [],
  },
  {
    type: 'equipment_funding',
    name: 'Aménagement de bureaux de consultation',
    description: 'Aide à l’aménagement d’un bureau de consultation dédié à l’étudiant.',
    budgetPlanned: 50_000,
    budgetCommitted: 18_000,
    start: -200,
    end: 530,
    status: 'active',
    indicators: [{ name: 'Bureaux aménagés', target: 10, value: 3, unit: 'bureaux' }],
    categories: ['premises'],
    towns: [],
  },
  {
    type: 'communication',
    name: 'Campagne « Faites votre stage en Seine-et-Marne »',
    description: 'Présentation des terrains de stage à la faculté, vidéos et guide d’accueil des internes.',
    budgetPlanned: 25_000,
    budgetCommitted: 25_000,
    start: -360,
    end: -90,
    status: 'completed',
    indicators: [
      { name: 'Internes rencontrés', target: 200, value: 240, unit: 'internes' },
      { name: 'Livrets d’accueil diffusés', target: 80, value: 92, unit: 'livrets' },
    ],
    categories: ['other', 'supervision'],
    towns: [],
  },
  {
    type: 'teleconsultation',
    name: 'Cabines de téléconsultation en zone rurale',
    description: 'Trois cabines installées dans des maisons de santé de l’est du département.',
    budgetPlanned: 90_000,
    budgetCommitted: 36_000,
    start: -150,
    end: 580,
    status: 'active',
    indicators: [{ name: 'Cabines installées', target: 3, value: 1, unit: 'cabines' }],
    categories: ['premises'],
    towns: [PROVINS, COULOMMIERS],
  },
  {
    type: 'other',
    name: 'Places de stationnement réservées aux étudiants',
    description: 'Conventions avec les communes pour réserver une place aux étudiants près des cabinets.',
    budgetPlanned: 6_000,
    budgetCommitted: 4_800,
    start: -330,
    end: -30,
    status: 'completed',
    indicators: [{ name: 'Conventions signées', target: 8, value: 7, unit: 'conventions' }],
    categories: ['parking', 'safety'],
    towns: [],
  },
  {
    type: 'communication',
    name: 'Journée d’accueil des internes à Melun',
    description: 'Journée d’accueil en début de semestre, reportée faute de salle disponible.',
    budgetPlanned: 8_000,
    budgetCommitted: 0,
    start: -60,
    end: -59,
    status: 'cancelled',
    indicators: [{ name: 'Participants', target: 60, value: null, unit: 'internes' }],
    categories: [],
    towns: [],
  },
];

/**
 * Ten or so support measures, each acting on issues of its categories: a resolved issue is linked to
 * the measure in force when it was closed (the one that solved it), open ones to a measure in progress.
 */
export function planMeasures(
  random: DemoRandom,
  sites: readonly FieldSite[],
  issues: readonly IssueDraft[],
  today: string,
): MeasureDraft[] {
  const measures: MeasureDraft[] = MEASURES.map(({ start, end, ...m }) => ({
    ...m,
    id: newId(),
    startDate: addDays(today, start),
    endDate: end === null ? null : addDays(today, end),
    sites: sites.filter((s) => m.towns.includes(s.communeCode)),
    issues: [],
  }));
  for (const issue of issues) {
    if (issue.status === 'wont_fix') continue;
    const candidates = measures.filter(
      (m) =>
        m.categories.includes(issue.category) &&
        (issue.status === 'resolved'
          ? m.status !== 'planned' && m.status !== 'cancelled' && (m.startDate as string) <= (issue.closedOn as string)
          : m.status === 'active' || m.status === 'planned'),
    );
    if (candidates.length === 0 || (issue.status !== 'resolved' && random.chance(0.5))) continue;
    const local = candidates.find((m) => m.towns.includes(issue.site.communeCode));
    const measure = local ?? random.pick(candidates);
    measure.issues.push(issue);
    if (!measure.sites.includes(issue.site)) measure.sites.push(issue.site);
  }
  for (const m of measures) {
    if (m.sites.length === 0 && m.type !== 'communication') m.sites.push(...random.shuffle(sites).slice(0, 2));
  }
  return measures;
}
