import {
  type AccessIssueCategory,
  type ChecklistAnswer,
  VISIT_CHECKLIST_ITEMS,
  VISIT_CHECKLIST_LABELS,
  type VisitChecklist,
  type VisitChecklistItem,
  type VisitPurpose,
  type VisitStatus,
} from '@maillage/shared/domain';

import { addDays, type DemoRandom, newId, weekday, weekdayBefore } from './demo-kit';
import { ACTIONS, CATEGORY_OF_ITEM, CHECKLIST_COMMENTS, type FieldSite, ISSUE_TEXTS } from './fieldwork-texts';

export interface VisitDraft {
  id: string;
  site: FieldSite;
  purpose: VisitPurpose;
  status: VisitStatus;
  plannedOn: string;
  plannedTime: string | null;
  visitedOn: string | null;
  checklist: VisitChecklist;
  findings: string | null;
  nextVisitOn: string | null;
  notes: string | null;
  withCdom: boolean;
  msus: { id: string; name: string }[];
}

export interface IssueDraft {
  id: string;
  site: FieldSite;
  category: AccessIssueCategory;
  severity: 1 | 2 | 3 | 4;
  description: string;
  source: 'visit' | 'intern' | 'msu' | 'cdom';
  raisedOn: string;
  visitId: string | null;
  status: 'open' | 'in_progress' | 'resolved' | 'wont_fix';
  closedOn: string | null;
  resolution: string | null;
}

export interface ActionDraft {
  title: string;
  visit: VisitDraft;
  owner: 'msu' | 'officer';
  dueOn: string;
}

export const DONE_VISITS = 45;

const TIMES = ['09:00', '09:30', '10:30', '14:00', '14:30', '16:00'];

/** ~45 visits done over the last twelve months, ~8 planned in the coming six weeks, 2 cancelled. */
export function planVisits(random: DemoRandom, sites: readonly FieldSite[], today: string): VisitDraft[] {
  const hosting = sites.filter((s) => s.status !== 'prospect');
  const prospects = sites.filter((s) => s.status === 'prospect');
  const visits: VisitDraft[] = [];
  const base = (site: FieldSite, purpose: VisitPurpose, status: VisitStatus, plannedOn: string): VisitDraft => ({
    id: newId(),
    site,
    purpose,
    status,
    plannedOn,
    plannedTime: random.pick(TIMES),
    visitedOn: null,
    checklist: {},
    findings: null,
    nextVisitOn: null,
    notes: null,
    withCdom: false,
    msus: [],
  });
  const order = random.shuffle(hosting);
  for (let i = 0; i < DONE_VISITS; i++) {
    const prospection = prospects.length > 0 && random.chance(0.15);
    const site = prospection ? random.pick(prospects) : order[i % order.length];
    const purpose: VisitPurpose = prospection
      ? 'prospection'
      : random.weighted(['follow_up', 'accreditation', 'issue_resolution'] as const, (p) =>
          p === 'follow_up' ? 5 : p === 'accreditation' ? 3 : 2,
        );
    const visitedOn = weekdayBefore(addDays(today, -random.int(3, 360)));
    const visit = base(site, purpose, 'done', visitedOn);
    visit.visitedOn = visitedOn;
    visit.withCdom = purpose === 'accreditation' || random.chance(0.2);
    visit.msus = site.msus.slice(0, random.int(1, 2));
    visit.checklist = checklistOf(random, site, purpose);
    visit.findings = findingsOf(site, visit.checklist);
    visit.nextVisitOn = random.chance(0.6) ? weekday(addDays(visitedOn, random.int(300, 400))) : null;
    visits.push(visit);
  }
  // Planned: two or three this week and next, the others within six weeks.
  const soon = [random.int(0, 4), random.int(3, 9), random.int(7, 13)];
  const later = Array.from({ length: 5 }, () => random.int(15, 42));
  for (const offset of [...soon, ...later]) {
    const site = random.chance(0.25) && prospects.length > 0 ? random.pick(prospects) : random.pick(hosting);
    const purpose: VisitPurpose =
      site.status === 'prospect' ? 'prospection' : random.pick(['follow_up', 'accreditation', 'issue_resolution']);
    const visit = base(site, purpose, 'planned', weekday(addDays(today, offset)));
    visit.withCdom = purpose === 'accreditation';
    visit.msus = site.msus.slice(0, 1);
    visits.push(visit);
  }
  for (const daysAgo of [random.int(40, 80), random.int(120, 200)]) {
    const visit = base(random.pick(hosting), 'follow_up', 'cancelled', weekdayBefore(addDays(today, -daysAgo)));
    visit.notes = 'Visite annulée à la demande du maître de stage (indisponibilité), à reprogrammer.';
    visits.push(visit);
  }
  return visits;
}

function answer(random: DemoRandom, weights: [number, number, number]): ChecklistAnswer {
  const answers = ['ok', 'to_improve', 'missing'] as const;
  return random.weighted(answers, (a) => weights[answers.indexOf(a)]);
}

/** Realistic answers: housing and transport are weaker in the east and in rural communes. */
function checklistOf(random: DemoRandom, site: FieldSite, purpose: VisitPurpose): VisitChecklist {
  const checklist: VisitChecklist = {};
  for (const item of VISIT_CHECKLIST_ITEMS) {
    let value: ChecklistAnswer;
    if (item === 'housing_available') {
      value = site.housing
        ? answer(random, site.rural ? [6, 3, 1] : [8, 2, 0])
        : answer(random, site.rural ? [1, 4, 5] : [3, 5, 2]);
    } else if (item === 'public_transport') {
      value = site.transport
        ? answer(random, site.rural ? [5, 4, 1] : [9, 1, 0])
        : answer(random, site.rural ? [0, 4, 6] : [2, 5, 3]);
    } else if (item === 'parking') {
      value = site.parking ? answer(random, [9, 1, 0]) : answer(random, [2, 6, 2]);
    } else if (purpose === 'prospection' && random.chance(0.35)) {
      value = 'not_checked';
    } else {
      value = answer(random, item === 'computer_access' || item === 'medical_software' ? [7, 2, 1] : [17, 2, 1]);
    }
    checklist[item] =
      value === 'ok' || value === 'not_checked'
        ? { answer: value }
        : { answer: value, comment: random.pick(CHECKLIST_COMMENTS[item]) };
  }
  return checklist;
}

function weakItems(checklist: VisitChecklist): VisitChecklistItem[] {
  const rank = (a: ChecklistAnswer | undefined) => (a === 'missing' ? 0 : 1);
  return VISIT_CHECKLIST_ITEMS.filter((i) => ['to_improve', 'missing'].includes(checklist[i]?.answer ?? '')).sort(
    (a, b) => rank(checklist[a]?.answer) - rank(checklist[b]?.answer),
  );
}

function findingsOf(site: FieldSite, checklist: VisitChecklist): string {
  const weak = weakItems(checklist);
  const intro = `Visite de ${site.name} (${site.communeName}). Accueil de qualité, équipe disponible.`;
  if (weak.length === 0) return `${intro} Conditions d’accueil satisfaisantes sur l’ensemble des points vérifiés.`;
  const points = weak.map((i) => VISIT_CHECKLIST_LABELS[i].toLowerCase()).join(' ; ');
  return `${intro} Points à améliorer : ${points}.`;
}

/** Findings become access issues (0–2 per visit, the weakest points first), raised on the visit day. */
export function visitIssues(random: DemoRandom, visits: readonly VisitDraft[]): IssueDraft[] {
  return visits
    .filter((v) => v.status === 'done')
    .flatMap((v) => {
      const categories = [...new Set(weakItems(v.checklist).map((i) => CATEGORY_OF_ITEM[i]))];
      if (v.site.rural && v.site.distanceKm > 55 && random.chance(0.3)) categories.splice(1, 0, 'distance');
      return categories.slice(0, random.int(0, 2)).map(
        (category): IssueDraft => ({
          id: newId(),
          site: v.site,
          category,
          severity: severityOf(random, category),
          description: random.pick(ISSUE_TEXTS[category]),
          source: 'visit',
          raisedOn: v.visitedOn as string,
          visitId: v.id,
          status: 'open',
          closedOn: null,
          resolution: null,
        }),
      );
    });
}

export function severityOf(random: DemoRandom, category: AccessIssueCategory): 1 | 2 | 3 | 4 {
  const serious = ['housing', 'public_transport', 'distance', 'supervision'].includes(category);
  return random.weighted([1, 2, 3, 4] as const, (s) => (serious ? [1, 3, 4, 2] : [3, 4, 2, 1])[s - 1]);
}

/** 0–2 follow-up actions per done visit, due two to eight weeks after it. */
export function visitActions(random: DemoRandom, visits: readonly VisitDraft[]): ActionDraft[] {
  return visits
    .filter((v) => v.status === 'done')
    .flatMap((v) =>
      random
        .shuffle(ACTIONS)
        .slice(0, random.int(0, 2))
        .map((a) => ({ ...a, visit: v, dueOn: weekday(addDays(v.visitedOn as string, random.int(14, 56))) })),
    );
}
