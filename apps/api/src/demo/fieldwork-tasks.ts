import {
  nextSemester,
  type Priority,
  type SemesterCode,
  semesterOf,
  STAGE_TYPES,
  type StageType,
  type TaskStatus,
  type TaskSubject,
} from '@maillage/shared/domain';

import { hasDocteursJuniors } from '../figures/semester-calendar';
import { endOfWeek } from '../tasks/tasks-query.service';
import { addDays, daysBetween, type DemoRandom } from './demo-kit';
import type { MeasureDraft } from './fieldwork-measures';
import type { ActionDraft, IssueDraft, VisitDraft } from './fieldwork-visits';

export interface TaskDraft {
  title: string;
  description: string | null;
  /** `officer` (the mission officer's account), or the label of an owner outside the app. */
  owner: string;
  dueOn: string;
  status: TaskStatus;
  priority: Priority;
  completedOn: string | null;
  subjectType: TaskSubject | null;
  subjectId: string | null;
  visitId: string | null;
}

/**
 * Visit follow-up actions (most of the old ones done, a few overdue, the recent ones open), and the
 * mission officer's own tasks, several of them due this week (Monday-first, as on the home page).
 */
export function planTasks(
  random: DemoRandom,
  today: string,
  actions: readonly ActionDraft[],
  visits: readonly VisitDraft[],
  issues: readonly IssueDraft[],
  measures: readonly MeasureDraft[],
): TaskDraft[] {
  const weekEnd = endOfWeek(today);
  const thisWeek = (i: number) => addDays(today, i % (daysBetween(today, weekEnd) + 1));
  const tasks: TaskDraft[] = actions.map((a) => {
    const late = a.dueOn < today;
    // A follow-up more than six months late was dealt with (a first start shows this year's backlog, not 2024's).
    const lateBy = late ? daysBetween(a.dueOn, today) : 0;
    const done = late && (lateBy > 180 || (lateBy > 45 ? random.chance(0.9) : random.chance(0.5)));
    const msu = a.visit.msus[0]?.name;
    return {
      title: a.title,
      description: null,
      owner: a.owner === 'officer' ? 'officer' : msu ? `Maître de stage – ${msu}` : 'Maître de stage',
      dueOn: a.dueOn,
      status: done ? 'done' : 'open',
      priority: 'normal',
      completedOn: done ? addDays(a.dueOn, -random.int(0, 10)) : null,
      subjectType: 'site_visit',
      subjectId: a.visit.id,
      visitId: a.visit.id,
    };
  });
  const task = (t: Partial<TaskDraft> & Pick<TaskDraft, 'title' | 'dueOn'>): TaskDraft => ({
    description: null,
    owner: 'officer',
    status: 'open',
    priority: 'normal',
    completedOn: null,
    subjectType: null,
    subjectId: null,
    visitId: null,
    ...t,
  });
  const done = visits.filter((v) => v.status === 'done').sort((a, b) => b.plannedOn.localeCompare(a.plannedOn));
  const planned = visits.filter((v) => v.status === 'planned').sort((a, b) => a.plannedOn.localeCompare(b.plannedOn));
  const lastVisit = done[0];
  const nextVisit = planned[0];
  const provins = measures.find((m) => m.type === 'intern_house' && m.status === 'active');
  const housing = issues.find((i) => i.category === 'housing' && i.status === 'open');
  const semester = upcomingSemester(today);
  tasks.push(
    task({
      title: `Envoyer le compte rendu de visite à ${lastVisit.site.name}`,
      dueOn: thisWeek(0),
      priority: 'high',
      subjectType: 'site_visit',
      subjectId: lastVisit.id,
      visitId: lastVisit.id,
    }),
    task({
      title: `Préparer la visite de ${nextVisit.site.name}`,
      description: 'Relire le dernier compte rendu et les difficultés ouvertes du site.',
      dueOn: thisWeek(1),
      subjectType: 'site_visit',
      subjectId: nextVisit.id,
    }),
    task({
      title: `Saisir les places demandées par la faculté (semestre ${nextSemester(semester)})`,
      dueOn: thisWeek(2),
    }),
    task({
      title: 'Faire le point avec l’interne sur sa recherche de logement',
      dueOn: thisWeek(3),
      priority: 'high',
      subjectType: housing ? 'access_issue' : null,
      subjectId: housing?.id ?? null,
    }),
    task({
      title: 'Relancer la mairie pour la convention de la maison des internes',
      dueOn: addDays(today, -4),
      priority: 'high',
      subjectType: provins ? 'measure' : null,
      subjectId: provins?.id ?? null,
    }),
    task({ title: 'Préparer le comité de suivi : bilan des visites du semestre', dueOn: addDays(today, 20) }),
    task({ title: 'Rédiger le bilan annuel des dispositifs d’aide', dueOn: addDays(today, 38), priority: 'low' }),
    task({
      title: 'Mettre à jour la liste des terrains de stage transmise à la faculté',
      dueOn: addDays(today, -30),
      status: 'done',
      completedOn: addDays(today, -32),
    }),
    task({
      title: 'Vérifier les conventions de stationnement signées',
      dueOn: addDays(today, -70),
      status: 'done',
      completedOn: addDays(today, -75),
    }),
    task({
      title: 'Organiser la réunion avec le CDOM sur les référents de proximité',
      dueOn: addDays(today, -12),
      status: 'cancelled',
    }),
  );
  return tasks;
}

/** The semester whose choice is the current concern (in progress or about to start). */
export function upcomingSemester(today: string): SemesterCode {
  return semesterOf(addDays(today, 61));
}

/** The upcoming semester and the two after it (`2026-W`, `2027-S`, `2027-W` in autumn 2026). */
export function demandSemesters(today: string): SemesterCode[] {
  const first = upcomingSemester(today);
  return [first, nextSemester(first), nextSemester(nextSemester(first))];
}

export interface DemandDraft {
  semester: SemesterCode;
  stageType: StageType;
  placesRequested: number;
  placesFilled: number | null;
  source: string;
}

/** Demand slightly above the offer for N1, SASPAS and docteurs juniors (gaps show), filled for the first. */
export function planDemands(random: DemoRandom, today: string, offered: ReadonlyMap<string, number>): DemandDraft[] {
  return demandSemesters(today).flatMap((semester, index) =>
    STAGE_TYPES.filter((s) => s !== 'DJ_MG' || hasDocteursJuniors(semester)).map((stageType): DemandDraft => {
      const offer = offered.get(`${semester}:${stageType}`) ?? 0;
      const tight = ['N1', 'SASPAS', 'DJ_MG'].includes(stageType);
      const placesRequested = tight
        ? offer + Math.max(2, Math.round(offer * (0.15 + random.float() * 0.2)))
        : Math.round(offer * (0.75 + random.float() * 0.2));
      const placesFilled =
        index === 0 ? Math.max(0, Math.min(offer, placesRequested) - random.int(0, Math.min(3, offer))) : null;
      return {
        semester,
        stageType,
        placesRequested,
        placesFilled,
        source: stageType === 'DJ_MG' ? 'ARS Île-de-France (démo)' : 'Faculté de santé – DMG (démo)',
      };
    }),
  );
}
